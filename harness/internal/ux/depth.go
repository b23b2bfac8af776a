package ux

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
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
		return check.Failf("no procedure page to look for: none configured (procedure_pages) and the catalogue links to none").
			VI("không có trang thủ tục nào để kiểm tra").GotWant("no procedure pages", "every procedure page within 3 clicks of the home page")
	}
	home, err := s.Resolve(r.Home)
	if err != nil {
		return check.FromError("resolving the home page", err)
	}
	targets := map[string]bool{}
	for _, p := range r.ProcedurePages {
		if abs, err := s.Resolve(p); err == nil {
			targets[key(abs)] = true
		}
	}
	res := crawl(ctx, s, home, targets, s.Config().MaxPages, reportClicks)
	var deep, unseen []string
	deepest := 0
	for t := range targets {
		d, ok := res.depth[t]
		switch {
		case !ok:
			unseen = append(unseen, check.Redact(t))
		case d > maxClicks:
			deep = append(deep, fmt.Sprintf("%s (%d clicks)", check.Redact(t), d))
		default:
			deepest = max(deepest, d)
		}
	}
	sort.Strings(deep)
	sort.Strings(unseen)
	ev := scoring.Evidence{Request: "GET " + check.Redact(home), Note: fmt.Sprintf("breadth-first crawl: %d pages read, %d links seen, every link within %d clicks seen", res.fetched, len(res.depth), res.explored)}
	if len(deep) == 0 && len(unseen) == 0 {
		return check.Passf("all %d procedure pages examined are reachable from the home page in at most %d clicks (deepest: %d)", len(targets), maxClicks, deepest).
			VI("cả %d trang thủ tục được kiểm tra đều truy cập được từ trang chủ trong tối đa %d lần nhấp (sâu nhất: %d)", len(targets), maxClicks, deepest).
			At(home).With(ev)
	}
	if len(deep) == 0 && res.explored < maxClicks {
		return check.Errorf("the crawl stopped at its budget of %d pages before seeing every link within %d clicks; %d of %d procedure pages not reached yet: %s. Raise Config.MaxPages",
			s.Config().MaxPages, maxClicks, len(unseen), len(targets), en(unseen)).
			VI("quá trình duyệt dừng ở giới hạn %d trang trước khi hoàn tất; %d/%d trang thủ tục chưa tới được: %s", s.Config().MaxPages, len(unseen), len(targets), vi(unseen)).
			At(home).With(ev)
	}
	far := append(deep, unseen...)
	var parts, partsVI []string
	if len(deep) > 0 {
		parts = append(parts, "deeper: "+en(deep))
		partsVI = append(partsVI, "sâu hơn: "+vi(deep))
	}
	if len(unseen) > 0 && res.explored < maxClicks {
		// Only possible with deep pages found: the budget ran out, the rest may be anywhere.
		parts = append(parts, "not reached before the crawl budget ran out: "+en(unseen))
		partsVI = append(partsVI, "chưa tới được khi hết giới hạn duyệt: "+vi(unseen))
	} else if len(unseen) > 0 {
		parts = append(parts, fmt.Sprintf("not reached within %d clicks: %s", res.explored, en(unseen)))
		partsVI = append(partsVI, fmt.Sprintf("không tới được trong %d lần nhấp: %s", res.explored, vi(unseen)))
	}
	return check.Failf("%d of %d procedure pages are not reachable from the home page within %d clicks; %s. Link the catalogue from the home page and each procedure from the catalogue",
		len(far), len(targets), maxClicks, strings.Join(parts, "; ")).
		VI("%d/%d trang thủ tục không truy cập được từ trang chủ trong %d lần nhấp; %s", len(far), len(targets), maxClicks, strings.Join(partsVI, "; ")).
		At(home).With(ev).GotWant(fmt.Sprintf("%d pages deeper than %d clicks or unreachable", len(far), maxClicks), "every procedure page within 3 clicks")
}
