package leakage

import (
	"context"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/headers"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// Mixed is one http:// subresource of an HTTPS page.
type Mixed struct {
	URL string
	// Active is true for content that can act on the page (scripts, styles, frames, objects,
	// form targets), which browsers block; passive content (images, media) is shown, and can be
	// altered or watched in transit.
	Active bool
	// Path locates the element.
	Path string
}

// subresources lists, per element, the attributes that load something and whether that is active.
var subresources = map[string][]struct {
	attr   string
	active bool
}{
	"script": {{"src", true}},
	"iframe": {{"src", true}},
	"frame":  {{"src", true}},
	"object": {{"data", true}},
	"embed":  {{"src", true}},
	"form":   {{"action", true}},
	"img":    {{"src", false}, {"srcset", false}},
	"audio":  {{"src", false}},
	"video":  {{"src", false}, {"poster", false}},
	"source": {{"src", false}, {"srcset", false}},
	"track":  {{"src", false}},
	"input":  {{"src", false}},
}

// MixedContent lists the http:// subresources of a document: what a browser would load
// insecurely (or block) on an HTTPS page. A <base href> is honoured for relative references.
func MixedContent(doc *html.Node) []Mixed {
	var out []Mixed
	for _, e := range htmlx.All(doc) {
		if e.Data == "link" {
			rel, _ := htmlx.Attr(e, "rel")
			href, _ := htmlx.Attr(e, "href")
			rel = strings.ToLower(rel)
			if !insecure(href) {
				continue
			}
			switch {
			case strings.Contains(rel, "stylesheet"), strings.Contains(rel, "preload"), strings.Contains(rel, "modulepreload"), strings.Contains(rel, "import"):
				out = append(out, Mixed{URL: href, Active: true, Path: htmlx.Path(e)})
			case strings.Contains(rel, "icon"), strings.Contains(rel, "manifest"):
				out = append(out, Mixed{URL: href, Active: false, Path: htmlx.Path(e)})
			}
			continue
		}
		for _, a := range subresources[e.Data] {
			v, ok := htmlx.Attr(e, a.attr)
			if !ok {
				continue
			}
			if strings.HasSuffix(a.attr, "srcset") {
				for _, cand := range strings.Split(v, ",") {
					f := strings.Fields(cand)
					if len(f) > 0 && insecure(f[0]) {
						out = append(out, Mixed{URL: f[0], Active: a.active, Path: htmlx.Path(e)})
					}
				}
				continue
			}
			if insecure(v) {
				out = append(out, Mixed{URL: strings.TrimSpace(v), Active: a.active, Path: htmlx.Path(e)})
			}
		}
	}
	// CSS inside the page: @import of an http:// stylesheet is active, url(http://…) (images,
	// fonts) passive.
	for _, e := range htmlx.All(doc, "style") {
		var css strings.Builder
		for c := e.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				css.WriteString(c.Data)
			}
		}
		out = append(out, cssMixed(css.String(), htmlx.Path(e))...)
	}
	for _, e := range htmlx.All(doc) {
		if st, ok := htmlx.Attr(e, "style"); ok {
			out = append(out, cssMixed(st, htmlx.Path(e)+"[style]")...)
		}
	}
	if b := htmlx.First(doc, "base"); b != nil {
		if href, _ := htmlx.Attr(b, "href"); insecure(href) {
			out = append(out, Mixed{URL: href, Active: true, Path: htmlx.Path(b)})
		}
	}
	return out
}

var (
	cssImport = regexp.MustCompile(`(?i)@import\s+(?:url\(\s*)?["']?(http:[^"')\s;]+)`)
	cssURL    = regexp.MustCompile(`(?i)url\(\s*["']?(http:[^"')\s]+)`)
)

// cssMixed finds http:// references in CSS text.
func cssMixed(css, path string) []Mixed {
	var out []Mixed
	imports := map[string]bool{}
	for _, m := range cssImport.FindAllStringSubmatch(css, 20) {
		imports[m[1]] = true
		out = append(out, Mixed{URL: m[1], Active: true, Path: path})
	}
	for _, m := range cssURL.FindAllStringSubmatch(css, 20) {
		if !imports[m[1]] {
			out = append(out, Mixed{URL: m[1], Active: false, Path: path})
		}
	}
	return out
}

func insecure(ref string) bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(ref)), "http:")
}

// upgrades reports whether the page's CSP has upgrade-insecure-requests, which makes browsers
// fetch http:// subresources over https://.
func upgrades(p *check.Page) bool {
	for _, v := range p.Header.Values("Content-Security-Policy") {
		for _, one := range strings.Split(v, ",") {
			if pol, err := headers.ParseCSP(one); err == nil {
				if _, ok := pol.Directives["upgrade-insecure-requests"]; ok {
					return true
				}
			}
		}
	}
	return false
}

// checkMixedContent judges P06-SEC-16 on the citizen pages.
func checkMixedContent(ctx context.Context, s *check.Session) check.Result {
	if s.Base().Scheme != "https" {
		// Not not_applicable: a plain-HTTP portal loads everything unencrypted, which is what
		// this criterion guards against, and leaving the denominator would reward it.
		r := check.Fail(mMixedNotHTTPS).Saw(msg.P(mMixedNotHTTPSGot), msg.P(mMixedNotHTTPSWant)).At(s.Base().String())
		if resp, err := s.Get(ctx, s.Base().String()); err == nil {
			r = r.With(resp.Evidence("Content-Type"))
		}
		return r
	}
	var tally pagejudge.Tally
	var notes []msg.Phrase
	for _, u := range headers.CitizenPages(ctx, s) {
		p, err := s.Page(ctx, u)
		if err != nil || p.Doc == nil {
			continue
		}
		tally.Read++
		if pu, err := url.Parse(p.FinalURL); err != nil || pu.Scheme != "https" {
			continue
		}
		mixed := MixedContent(p.Doc)
		if len(mixed) == 0 {
			continue
		}
		if upgrades(p) {
			notes = append(notes, msg.P(mMixedUpgraded, check.Redact(p.FinalURL), len(mixed)))
			continue
		}
		active, passive := 0, 0
		var list []msg.Phrase
		var ev []scoring.Evidence
		for _, m := range mixed {
			kind, item := mNoteMixedPassive, mMixedPassive
			if m.Active {
				kind, item = mNoteMixedActive, mMixedActive
				active++
			} else {
				passive++
			}
			if len(list) < 5 {
				list = append(list, msg.P(item, check.Redact(m.URL), m.Path))
			}
			ev = append(ev, scoring.Evidence{Request: "GET " + check.Redact(p.FinalURL), Location: m.Path, Excerpt: check.Redact(m.URL)}.Noted(kind))
		}
		tally.Record(p.FinalURL, msg.P(mMixedAt, check.Redact(p.FinalURL), active, passive, msg.List{Items: list}), ev...)
	}
	if tally.Read > 0 && len(tally.Things) == 0 && len(notes) > 0 {
		return check.Pass(mMixedPassUpgraded, tally.Read, msg.List{Items: notes}).Saw(msg.P(mMixedPassGot), msg.P(mMixedWant))
	}
	return tally.Finding(pagejudge.TallyTexts{
		NoneRead: msg.P(mMixedNoneRead), Fail: mMixedFail, Sep: " | ",
		Pass: mMixedPass, PassGot: msg.P(mMixedPassGot), Want: msg.P(mMixedWant),
	})
}
