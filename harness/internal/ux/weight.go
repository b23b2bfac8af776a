package ux

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// The weight sample: weightPages pages, at most maxResources same-host resources each.
const (
	weightPages   = 5
	maxResources  = 60
	defaultWeight = 2_000_000
)

// resource is a sub-resource of a page.
type resource struct {
	url   string
	bytes int
}

// resources lists the same-host scripts, style sheets, images (src), icons and media a page loads.
func resources(pg *check.Page, host string) []string {
	base, err := url.Parse(pg.FinalURL)
	if err != nil {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	add := func(ref string) {
		if u, ok := sameHost(base, host, ref); ok && !seen[u.String()] && len(out) < maxResources {
			seen[u.String()] = true
			out = append(out, u.String())
		}
	}
	htmlx.Walk(pg.Doc, func(n *html.Node) bool {
		switch n.Data {
		case "script", "img", "iframe", "video", "audio", "source", "embed":
			if v, ok := htmlx.Attr(n, "src"); ok {
				add(v)
			}
		case "link":
			rel, _ := htmlx.Attr(n, "rel")
			for _, r := range strings.Fields(strings.ToLower(rel)) {
				if r == "stylesheet" || r == "icon" || r == "preload" || r == "modulepreload" {
					if v, ok := htmlx.Attr(n, "href"); ok {
						add(v)
					}
					break
				}
			}
		}
		return len(out) < maxResources
	})
	return out
}

// cssRef matches url(…) and @import "…" references in a style sheet.
var cssRef = regexp.MustCompile(`(?i)url\(\s*['"]?([^'")\s]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]`)

// isCSS reports whether a response is a style sheet.
func isCSS(r *check.Response) bool {
	return strings.Contains(strings.ToLower(r.Header.Get("Content-Type")), "text/css") ||
		strings.HasSuffix(strings.ToLower(strings.SplitN(r.FinalURL, "?", 2)[0]), ".css")
}

// appendCSSRefs adds the same-host fonts, images and imported sheets a style sheet references to
// queue (data: URLs are inline and already counted), at most maxResources in all.
func appendCSSRefs(queue []string, seen map[string]bool, base *url.URL, host, css string) []string {
	for _, m := range cssRef.FindAllStringSubmatch(css, 4*maxResources) {
		ref := m[1]
		if ref == "" {
			ref = m[2]
		}
		if strings.HasPrefix(strings.ToLower(ref), "data:") {
			continue
		}
		if u, ok := sameHost(base, host, ref); ok && !seen[u.String()] && len(queue) < maxResources {
			seen[u.String()] = true
			queue = append(queue, u.String())
		}
	}
	return queue
}

// weightCheck is P06-UX-08: each sampled page weighs, with its same-host resources, no more than
// the profile's budget (default 2,000,000 bytes). Bytes are decoded bytes (what the browser
// parses), not transfer sizes; third-party resources are not fetched and not counted. Fonts,
// images and sheets a same-host style sheet (or a <style> element) references are counted too.
func weightCheck(ctx context.Context, s *check.Session) check.Result {
	r, sp, err := samplePages(ctx, s, min(weightPages, s.Config().MaxPages))
	if err != nil {
		return check.FromError(msg.P(mStepProfile), err)
	}
	budget := int64(defaultWeight)
	if r.Budgets.PageWeightBytes > 0 {
		budget = r.Budgets.PageWeightBytes
	}
	host := s.Base().Host
	var heavy, unknown []msg.Phrase // unknown: under the budget only because a body was cut at the bound
	var ev []scoring.Evidence
	heaviest, heaviestURL, measured := int64(0), "", 0
	for _, pg := range sp.Pages {
		measured++
		if pg.Rendered && pg.Render != nil {
			// Rendered: everything the browser received, as it counted it (transfer sizes),
			// scripts' requests and lazily loaded resources included.
			total, n := pg.Render.Bytes()
			if total > heaviest {
				heaviest, heaviestURL = total, pg.URL
			}
			if total > budget {
				heavy = append(heavy, msg.P(mWeightRendered, check.Redact(pg.URL), total, n))
				e := pg.Evidence("Content-Type")
				e = e.Noted(msg.Verbatim, heavy[len(heavy)-1])
				if tp := pg.Render.ThirdPartyHosts(); len(tp) > 0 {
					e = e.Noted(mNoteThirdParty, heavy[len(heavy)-1], strings.Join(tp, ", "))
				}
				ev = append(ev, e)
			}
			continue
		}
		total := int64(len(pg.Body))
		atLeast := pg.Truncated
		var res []resource
		queue := resources(pg, host)
		seen := map[string]bool{}
		for _, q := range queue {
			seen[q] = true
		}
		if base, err := url.Parse(pg.FinalURL); err == nil {
			for _, st := range htmlx.All(pg.Doc, "style") {
				if st.FirstChild != nil {
					queue = appendCSSRefs(queue, seen, base, host, st.FirstChild.Data)
				}
			}
		}
		for i := 0; i < len(queue); i++ {
			ru := queue[i]
			rr, err := s.Get(ctx, ru)
			if err != nil && (rr == nil || !rr.Truncated) {
				continue // an unreachable resource weighs nothing in the browser either
			}
			// A resource over the body bound is counted as what was read, or its declared
			// Content-Length when larger, never as zero; the total is then a lower bound.
			n := len(rr.Body)
			if cl := rr.Header.Get("Content-Length"); rr.Truncated && cl != "" && rr.Header.Get("Content-Encoding") == "" {
				if v, err := strconv.Atoi(cl); err == nil && v > n {
					n = v
				}
			}
			total += int64(n)
			atLeast = atLeast || rr.Truncated
			res = append(res, resource{ru, n})
			if isCSS(rr) {
				if base, err := url.Parse(rr.FinalURL); err == nil {
					queue = appendCSSRefs(queue, seen, base, host, string(rr.Body))
				}
			}
		}
		sort.Slice(res, func(i, j int) bool { return res[i].bytes > res[j].bytes })
		if atLeast && total <= budget {
			unknown = append(unknown, msg.P(mWeightAtLeast, check.Redact(pg.URL), total, s.Config().MaxBodyBytes))
			continue
		}
		if total > heaviest {
			heaviest, heaviestURL = total, pg.URL
		}
		if total > budget {
			var top []string
			for _, x := range res[:min(3, len(res))] {
				top = append(top, fmt.Sprintf("%s %d B", check.Redact(x.url), x.bytes))
			}
			var qual msg.Phrase // says nothing when every response was read in full
			if atLeast {
				qual = msg.P(mWeightLowerBound)
			}
			heavy = append(heavy, msg.P(mWeightHeavy, check.Redact(pg.URL), qual, total, len(pg.Body), len(res), strings.Join(top, ", ")))
			e := pg.Evidence("Content-Type")
			e = e.Noted(msg.Verbatim, heavy[len(heavy)-1])
			ev = append(ev, e)
		}
	}
	skip := sp.NotJudged()
	if measured == 0 {
		return sp.NoneRead()
	}
	if len(heavy) > 0 {
		return check.Fail(mWeightFail, len(heavy), measured, budget, pagejudge.Phrases(heavy), skip).
			At(heaviestURL).With(ev...).Saw(msg.P(mWeightGot, heaviest), msg.P(mWeightWant, budget))
	}
	if len(unknown) > 0 {
		return check.Error(mWeightUnknown, len(unknown), measured, pagejudge.Phrases(unknown), skip)
	}
	return check.Pass(mWeightPass, measured, budget, check.Redact(heaviestURL), heaviest, skip).
		Saw(msg.P(mWeightGot, heaviest), msg.P(mWeightWant, budget))
}
