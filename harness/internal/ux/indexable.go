package ux

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/xml"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// crawlers are the search engines whose robots.txt groups are evaluated: Google, Bing, Cốc Cốc
// (Vietnam's own search engine), and any other ("*").
var crawlers = []string{"Googlebot", "Bingbot", "coccocbot-web", "*"}

// maxSitemaps bounds the sitemaps read (an index and its children); maxSitemapURLs the URLs kept.
const (
	maxSitemaps    = 6
	maxSitemapURLs = 100000
)

// ParseSitemap reads a sitemap (urlset) or sitemap index, gzip-compressed or not, and returns the
// <loc> of each URL and of each child sitemap. Sizes are bounded: at most maxSitemapURLs
// locations, and a compressed sitemap inflates to at most limit bytes.
func ParseSitemap(b []byte, limit int64) (urls, children []string, err error) {
	if len(b) > 2 && b[0] == 0x1f && b[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, nil, msg.Error(mErrSitemapGzip, err)
		}
		b, err = io.ReadAll(io.LimitReader(zr, limit+1))
		if err != nil {
			return nil, nil, msg.Error(mErrSitemapGzip, err)
		}
		if int64(len(b)) > limit {
			return nil, nil, msg.Error(mErrSitemapInflates, limit)
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	var root string
	var inLoc bool
	var parent string
	var stack []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			return nil, nil, msg.Error(mErrSitemapLine, line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = t.Name.Local
				if root != "urlset" && root != "sitemapindex" {
					return nil, nil, msg.Error(mErrSitemapRoot, root)
				}
			}
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			stack = append(stack, t.Name.Local)
			if len(stack) > 16 {
				return nil, nil, msg.Error(mErrSitemapDeep)
			}
			inLoc = t.Name.Local == "loc"
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			inLoc = false
		case xml.CharData:
			if !inLoc {
				continue
			}
			loc := strings.TrimSpace(string(t))
			if loc == "" {
				continue
			}
			if len(urls)+len(children) >= maxSitemapURLs {
				return urls, children, nil
			}
			if parent == "sitemap" {
				children = append(children, loc)
			} else {
				urls = append(urls, loc)
			}
		}
	}
	if root == "" {
		return nil, nil, msg.Error(mErrSitemapEmpty)
	}
	return urls, children, nil
}

// noindex reports whether a robots meta (robots, googlebot, bingbot, coccocbot) or an
// X-Robots-Tag value forbids indexing.
func noindex(value string) bool {
	for _, d := range strings.FieldsFunc(strings.ToLower(value), func(r rune) bool { return r == ',' || r == ' ' }) {
		d = strings.TrimSpace(d)
		if i := strings.LastIndexByte(d, ':'); i >= 0 { // "googlebot: noindex"
			d = d[i+1:]
		}
		if d == "noindex" || d == "none" {
			return true
		}
	}
	return false
}

func metaNoindex(doc *html.Node) string {
	for _, m := range htmlx.All(doc, "meta") {
		name, _ := htmlx.Attr(m, "name")
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "robots", "googlebot", "bingbot", "coccocbot":
			c, _ := htmlx.Attr(m, "content")
			if noindex(c) {
				return htmlx.Outer(m, 160)
			}
		}
	}
	return ""
}

// indexableCheck is P06-UX-06: procedure pages can be found through search engines: robots.txt
// does not disallow them for Google, Bing, Cốc Cốc or any crawler, they carry no noindex (meta or
// X-Robots-Tag), and a sitemap (robots.txt Sitemap lines, else /sitemap.xml) lists them.
//
// With no procedure page, configured or linked from the catalogue, it fails as P06-SVC-02 and
// P06-SVC-04 do for the same cause, with what discovery saw as evidence: a portal whose
// catalogue lists no procedure has none a search engine could index. On a single-page app's
// shell that was not rendered the catalogue was never seen, so the finding is error: it runs
// under pagejudge.OnProfile, as UX-04, UX-05 and UX-10 do.
func indexableCheck(ctx context.Context, s *check.Session, r *check.Resolved) check.Result {
	if len(r.ProcedurePages) == 0 {
		return check.Fail(mIndexNoPages).Saw(msg.P(mNoPagesGot), msg.P(mIndexNoPagesWant)).With(discoveryEvidence(ctx, s, r)...)
	}
	base := s.Base()
	robotsURL := base.ResolveReference(&url.URL{Path: "/robots.txt"}).String()
	resp, err := s.Get(ctx, robotsURL)
	if err != nil {
		return check.FromError(msg.P(mStepRobots), err)
	}
	var ev []scoring.Evidence
	ev = append(ev, resp.Evidence("Content-Type"))
	robots := &Robots{}
	var problems []msg.Phrase
	switch {
	case resp.StatusCode == 200:
		robots = ParseRobots(resp.Body)
	case resp.StatusCode >= 500:
		problems = append(problems, msg.P(mIndexRobotsStatus, resp.StatusCode))
	}
	s.Prefetch(ctx, r.ProcedurePages...)
	// Pages: robots rules, noindex.
	for _, ref := range r.ProcedurePages {
		abs, err := s.Resolve(ref)
		if err != nil {
			continue
		}
		u, _ := url.Parse(abs)
		pathQ := u.EscapedPath()
		if u.RawQuery != "" {
			pathQ += "?" + u.RawQuery
		}
		for _, c := range crawlers {
			if !robots.Allowed(c, pathQ) {
				problems = append(problems, msg.P(mIndexDisallowed, check.Redact(abs), c))
				break
			}
		}
		pg, err := s.Page(ctx, abs)
		if err != nil {
			return check.FromError(msg.P(mStepProcedurePage, check.Redact(abs)), err)
		}
		for _, v := range pg.Header.Values("X-Robots-Tag") {
			if noindex(v) {
				problems = append(problems, msg.P(mIndexRobotsTag, check.Redact(abs), v))
				ev = append(ev, pg.Evidence("X-Robots-Tag"))
			}
		}
		if pg.Doc != nil {
			if m := metaNoindex(pg.Doc); m != "" {
				problems = append(problems, msg.P(mIndexMeta, check.Redact(abs), m))
			}
		}
	}
	// Sitemaps.
	listed, smNote := sitemapURLs(ctx, s, robots)
	if listed == nil {
		problems = append(problems, msg.P(mIndexNoSitemap, smNote))
	} else {
		var unlisted []string
		for _, ref := range r.ProcedurePages {
			abs, _ := s.Resolve(ref)
			if !listed[key(abs)] {
				unlisted = append(unlisted, check.Redact(abs))
			}
		}
		if len(unlisted) > 0 {
			problems = append(problems, msg.P(mIndexUnlisted, smNote, len(unlisted), len(r.ProcedurePages), pagejudge.Data(unlisted)))
		}
	}
	if len(problems) > 0 {
		return check.Fail(mIndexFail, pagejudge.Phrases(problems)).
			With(ev...).Saw(msg.P(mIndexFailGot, len(problems)), msg.P(mIndexFailWant))
	}
	return check.Pass(mIndexPass, len(r.ProcedurePages), smNote).With(ev...)
}

// sitemapURLs reads the sitemaps robots.txt names (same host only), else /sitemap.xml, following
// a sitemap index one level, and returns the listed URLs (nil when there is no usable sitemap)
// and a note saying where they came from, or why none could be read.
func sitemapURLs(ctx context.Context, s *check.Session, robots *Robots) (map[string]bool, msg.Phrase) {
	base := s.Base()
	queue := []string{}
	for _, sm := range robots.Sitemaps {
		if u, ok := sameHost(base, base.Host, sm); ok {
			queue = append(queue, u.String())
		}
	}
	from := "robots.txt Sitemap"
	if len(queue) == 0 {
		queue = append(queue, base.ResolveReference(&url.URL{Path: "/sitemap.xml"}).String())
		from = "/sitemap.xml"
	}
	var listed map[string]bool
	var errs []msg.Phrase
	read := 0
	for len(queue) > 0 && read < maxSitemaps {
		u := queue[0]
		queue = queue[1:]
		read++
		resp, err := s.Get(ctx, u)
		if err != nil {
			errs = append(errs, msg.P(msg.Verbatim, err))
			continue
		}
		if resp.StatusCode != 200 {
			errs = append(errs, msg.P(mSitemapStatus, check.Redact(u), resp.StatusCode))
			continue
		}
		urls, children, err := ParseSitemap(resp.Body, s.Config().MaxBodyBytes)
		if err != nil {
			errs = append(errs, msg.P(mSitemapError, check.Redact(u), err))
			continue
		}
		if listed == nil {
			listed = map[string]bool{}
		}
		for _, l := range urls {
			listed[key(l)] = true
		}
		for _, c := range children {
			if cu, ok := sameHost(base, base.Host, c); ok {
				queue = append(queue, cu.String())
			}
		}
	}
	if listed == nil {
		return nil, msg.P(mSitemapFailed, from, msg.List{Items: errs})
	}
	return listed, msg.P(mSitemapRead, len(listed), from)
}

// discoveryEvidence is the evidence of a finding that rests on what discovery found: the home
// page it started from, and its notes (the catalogue it read, the pages it could not fetch).
func discoveryEvidence(ctx context.Context, s *check.Session, r *check.Resolved) []scoring.Evidence {
	var ev []scoring.Evidence
	if home, err := s.Page(ctx, r.Home); err == nil {
		e := home.Evidence()
		e = e.Noted(mNoteDiscoveryStart, r.Sources["procedures"], r.Sources["procedure_pages"])
		ev = append(ev, e)
	}
	for _, n := range r.Notes {
		ev = append(ev, scoring.Evidence{}.Noted(mNoteDiscovery, n))
	}
	return ev
}
