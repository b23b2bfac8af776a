package ux

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// searchSamples is how many procedures the search check looks for.
const searchSamples = 3

// pick returns up to n procedures with a name and a page, spread over the catalogue (first,
// middle, last).
func pick(ps []check.Procedure, n int) []check.Procedure {
	var usable []check.Procedure
	for _, p := range ps {
		if p.Name != "" && p.URL != "" {
			usable = append(usable, p)
		}
	}
	if len(usable) <= n {
		return usable
	}
	out := make([]check.Procedure, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, usable[i*(len(usable)-1)/(n-1)])
	}
	return out
}

// linksTo reports whether the page links to target (same path and query, ignoring the
// fragment).
func linksTo(pg *check.Page, target string) bool {
	t, err := url.Parse(target)
	if err != nil {
		return false
	}
	for _, l := range htmlx.Links(pg.Doc, pg.FinalURL) {
		if l.URL != nil && strings.EqualFold(l.URL.Host, t.Host) && l.URL.Path == t.Path && l.URL.RawQuery == t.RawQuery {
			return true
		}
	}
	return false
}

// searchCheck is P06-UX-05: the site search finds procedures by name. It searches for the names
// of up to three procedures of the catalogue and expects each result page to link to the
// procedure's page. It also searches for the first name without diacritics and says whether that
// works (advice, not a requirement).
func searchCheck(ctx context.Context, s *check.Session, r *check.Resolved) check.Result {
	if r.Search == "" || !strings.Contains(r.Search, "{q}") {
		return check.Failf("no site search: none configured (search, a URL with {q}) and no search form (role=search, or an input named q, keyword, tukhoa…) found on the home page").
			VI("không có chức năng tìm kiếm: chưa cấu hình search và không tìm thấy ô tìm kiếm trên trang chủ").
			GotWant("no search", "a site search that finds procedures by name")
	}
	pl, err := s.Procedures(ctx)
	if err != nil {
		return check.FromError("reading the procedure catalogue", err)
	}
	samples := pick(pl.Procedures, searchSamples)
	if len(samples) == 0 {
		return check.Failf("the catalogue has no procedure with a name and a page to search for").
			VI("danh mục không có thủ tục nào có tên và trang để tìm kiếm").GotWant("nothing to search for", "procedures found by name")
	}
	var missed, missedVI []string
	var ev []scoring.Evidence
	for _, p := range samples {
		u := strings.ReplaceAll(r.Search, "{q}", url.QueryEscape(p.Name))
		pg, err := s.Page(ctx, u)
		if err != nil {
			return check.FromError("searching for "+p.Name, err)
		}
		ev = append(ev, pg.Evidence("Content-Type"))
		switch {
		case pg.StatusCode != 200 || pg.Doc == nil:
			missed = append(missed, fmt.Sprintf("%q: status %d", p.Name, pg.StatusCode))
			missedVI = append(missedVI, fmt.Sprintf("%q: mã trạng thái %d", p.Name, pg.StatusCode))
		case !linksTo(pg, p.URL):
			missed = append(missed, fmt.Sprintf("%q: the results do not link to %s", p.Name, check.Redact(p.URL)))
			missedVI = append(missedVI, fmt.Sprintf("%q: kết quả không có liên kết tới %s", p.Name, check.Redact(p.URL)))
		}
	}
	// People often type without diacritics: try the first name folded, and say what happens.
	plain, plainVI := "", ""
	if len(missed) == 0 {
		p := samples[0]
		folded := htmlx.Fold(p.Name)
		if folded != strings.ToLower(p.Name) {
			u := strings.ReplaceAll(r.Search, "{q}", url.QueryEscape(folded))
			if pg, err := s.Page(ctx, u); err == nil && pg.StatusCode == 200 && pg.Doc != nil && linksTo(pg, p.URL) {
				plain, plainVI = "; also without diacritics", "; tìm được cả khi gõ không dấu"
			} else {
				plain = fmt.Sprintf("; typed without diacritics (%q) it is not found, which users often do", folded)
				plainVI = fmt.Sprintf("; gõ không dấu (%q) thì không tìm thấy, trong khi người dùng thường gõ như vậy", folded)
			}
		}
	}
	if len(missed) > 0 {
		return check.Failf("site search misses %d of %d procedures searched by name: %s", len(missed), len(samples), en(missed)).
			VI("tìm kiếm không tìm thấy %d/%d thủ tục theo tên: %s", len(missed), len(samples), vi(missedVI)).
			With(ev...).GotWant(fmt.Sprintf("%d of %d not found", len(missed), len(samples)), "every procedure found by its name")
	}
	return check.Passf("site search finds all %d procedures searched by name%s", len(samples), plain).
		VI("tìm kiếm tìm thấy cả %d thủ tục theo tên%s", len(samples), plainVI).With(ev...)
}
