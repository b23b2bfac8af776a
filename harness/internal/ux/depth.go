package ux

import (
	"context"
	"net/url"
	"sort"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// maxClicks is the 3-click rule (docs/online-services.md).
const maxClicks = 3

// catalogueHints are folded phrases of links worth following first: they lead to procedures.
var catalogueHints = []string{"thu tuc", "thutuc", "tthc", "dich vu cong", "linh vuc", "danh muc", "procedures", "trang", "page"}

// reportClicks is how deep the crawl goes, within its budget, to tell a page 4 or 5 clicks deep
// from one the crawl cannot reach at all.
const reportClicks = 5

// crawlResult is a breadth-first crawl of same-host links from the home page.
type crawlResult struct {
	depth   map[string]int // link (without fragment) -> clicks from home
	fetched int
	// explored is how many clicks deep every link is known: all pages at depth < explored were
	// read, so every link at depth ≤ explored has been seen.
	explored int
}

// crawl reads pages breadth-first from home up to depth maxDepth-1, recording the depth of every
// link seen (so links on those pages are at most maxDepth deep). It fetches at most budget pages,
// never the targets themselves, and within a depth it follows links that look like the way to
// procedures first. It stops early once every target has been seen.
func crawl(ctx context.Context, s *check.Session, home string, targets map[string]bool, budget, maxDepth int) crawlResult {
	res := crawlResult{depth: map[string]int{key(home): 0}}
	level := []string{key(home)}
	host := s.Base().Host
	seen := func() bool {
		for t := range targets {
			if _, ok := res.depth[t]; !ok {
				return false
			}
		}
		return true
	}
	for d := 0; d < maxDepth && len(level) > 0; d++ {
		var next []string
		var hinted, plain []string
		for i, u := range level {
			if seen() {
				res.explored = maxDepth
				return res
			}
			if ctx.Err() != nil || res.fetched >= budget {
				return res
			}
			if i%s.Config().MaxInFlight == 0 {
				// The next pages of the level side by side: at most a slot's worth fetched
				// beyond where the crawl may stop.
				var ahead []string
				for _, v := range level[i:] {
					if len(ahead) >= min(s.Config().MaxInFlight, budget-res.fetched) {
						break
					}
					if !targets[v] || d == 0 {
						ahead = append(ahead, v)
					}
				}
				s.Prefetch(ctx, ahead...)
			}
			if targets[u] && d > 0 {
				continue
			}
			res.fetched++
			pg, err := s.Page(ctx, u)
			if err != nil || pg.Doc == nil || pg.StatusCode != 200 {
				continue
			}
			base, err := url.Parse(pg.FinalURL)
			if err != nil {
				continue
			}
			for _, a := range htmlx.All(pg.Doc, "a", "area") {
				href, _ := htmlx.Attr(a, "href")
				abs, ok := sameHost(base, host, href)
				if !ok || !htmlLike(abs) {
					continue
				}
				k := abs.String()
				if _, known := res.depth[k]; known {
					continue
				}
				res.depth[k] = d + 1
				f := htmlx.Fold(htmlx.Text(a) + " " + abs.Path)
				hint := false
				for _, h := range catalogueHints {
					if htmlx.FoldedContains(f, h) {
						hint = true
						break
					}
				}
				if hint {
					hinted = append(hinted, k)
				} else {
					plain = append(plain, k)
				}
			}
		}
		next = append(hinted, plain...)
		level = next
		res.explored = d + 1
	}
	if len(level) == 0 {
		res.explored = maxDepth // nothing more to find
	}
	return res
}

// depthCheck is P06-UX-04: every sampled procedure page is reachable in at most 3 clicks from the
// home page, following same-host links.
func depthCheck(ctx context.Context, s *check.Session, r *check.Resolved) check.Result {
	if len(r.ProcedurePages) == 0 {
		return check.Fail(mDepthNoPages).Saw(msg.P(mNoPagesGot), msg.P(mDepthNoPagesWant))
	}
	home, err := s.Resolve(r.Home)
	if err != nil {
		return check.FromError(msg.P(mStepHome), err)
	}
	targets := map[string]bool{}
	for _, p := range r.ProcedurePages {
		if abs, err := s.Resolve(p); err == nil {
			targets[key(abs)] = true
		}
	}
	res := crawl(ctx, s, home, targets, s.Config().MaxPages, reportClicks)
	type deepPage struct {
		url    string
		clicks int
	}
	var deepPages []deepPage
	var unseen []string
	deepest := 0
	for t := range targets {
		d, ok := res.depth[t]
		switch {
		case !ok:
			unseen = append(unseen, check.Redact(t))
		case d > maxClicks:
			deepPages = append(deepPages, deepPage{check.Redact(t), d})
		default:
			deepest = max(deepest, d)
		}
	}
	sort.Slice(deepPages, func(i, j int) bool { return deepPages[i].url < deepPages[j].url })
	sort.Strings(unseen)
	deep := make([]msg.Phrase, len(deepPages))
	for i, p := range deepPages {
		deep[i] = msg.P(mDepthClicks, p.url, p.clicks)
	}
	ev := scoring.Evidence{Request: "GET " + check.Redact(home)}.Noted(mNoteCrawl, res.fetched, len(res.depth), res.explored)
	if len(deep) == 0 && len(unseen) == 0 {
		return check.Pass(mDepthPass, len(targets), maxClicks, deepest).At(home).With(ev)
	}
	if len(deep) == 0 && res.explored < maxClicks {
		return check.Error(mDepthBudget, s.Config().MaxPages, maxClicks, len(unseen), len(targets), pagejudge.Data(unseen)).
			At(home).With(ev)
	}
	far := len(deep) + len(unseen)
	var parts []msg.Phrase
	if len(deep) > 0 {
		parts = append(parts, msg.P(mDepthDeeper, pagejudge.Phrases(deep)))
	}
	if len(unseen) > 0 && res.explored < maxClicks {
		// Only possible with deep pages found: the budget ran out, the rest may be anywhere.
		parts = append(parts, msg.P(mDepthOverRun, pagejudge.Data(unseen)))
	} else if len(unseen) > 0 {
		parts = append(parts, msg.P(mDepthUnreached, res.explored, pagejudge.Data(unseen)))
	}
	return check.Fail(mDepthFail, far, len(targets), maxClicks, msg.List{Items: parts}).
		At(home).With(ev).Saw(msg.P(mDepthGot, far, maxClicks), msg.P(mDepthWant))
}
