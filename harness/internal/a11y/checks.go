package a11y

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/scoring"
)

// Checks returns the checks of this family.
func Checks() []check.Check {
	return []check.Check{
		{ID: "P06-A11Y-01", Run: criterion("P06-A11Y-01", "language of the page", "ngôn ngữ của trang")},
		{ID: "P06-A11Y-02", Run: criterion("P06-A11Y-02", "page title", "tiêu đề trang")},
		{ID: "P06-A11Y-03", Run: criterion("P06-A11Y-03", "text alternatives of images", "văn bản thay thế cho hình ảnh")},
		{ID: "P06-A11Y-04", Run: criterion("P06-A11Y-04", "labels of form controls", "nhãn của ô nhập liệu")},
		{ID: "P06-A11Y-05", Run: criterion("P06-A11Y-05", "names of links and buttons", "tên của liên kết và nút")},
		{ID: "P06-A11Y-06", Run: criterion("P06-A11Y-06", "heading structure", "cấu trúc tiêu đề")},
		{ID: "P06-A11Y-07", Run: criterion("P06-A11Y-07", "unique ids", "id không trùng lặp")},
	}
}

// maxEvidence bounds the evidence items of one finding; the message counts the rest.
const maxEvidence = 20

type auditKey struct{}

// audit is Audit of a sampled page, computed once per page for the seven criteria that read it.
func audit(pg *check.Page) []Violation {
	v, _ := pg.Memo(auditKey{}, func() any { return Audit(pg.Doc) }).([]Violation)
	return v
}

// criterion returns the check of one criterion: the rules of that criterion on every sampled page.
func criterion(id, what, whatVI string) check.Func {
	return func(ctx context.Context, s *check.Session) check.Result {
		// The pages audited: the resolved profile's sample (home, catalogue, login, look-up,
		// privacy, contact, procedure pages, samples), at most Config.MaxPages; those not read
		// (not 200 HTML, another host such as a national SSO login) are named.
		sp, err := pagejudge.Sample(ctx, s, s.Config().MaxPages)
		if err != nil {
			return check.FromError("resolving the portal profile", err)
		}
		if len(sp.Pages) == 0 {
			return sp.NoneRead()
		}
		var ev []scoring.Evidence
		var total, pagesBad int
		var perPage []string
		perRule := map[string]int{}
		first := ""
		for _, pg := range sp.Pages {
			n := 0
			for _, v := range audit(pg) {
				rule := Rules[v.Rule]
				if rule.Criterion != id {
					continue
				}
				n++
				perRule[v.Rule]++
				if first == "" {
					first = pg.URL
				}
				if len(ev) < maxEvidence {
					ev = append(ev, scoring.Evidence{Request: "GET " + check.Redact(pg.URL), Status: pg.StatusCode,
						Location: v.Path, Excerpt: v.Excerpt,
						Note: fmt.Sprintf("%s (WCAG %s): %s — %s (%s)", v.Rule, rule.SC, v.Detail, rule.Advice, rule.Help())})
				}
			}
			total += n
			if n > 0 {
				pagesBad++
				if len(perPage) < 8 {
					perPage = append(perPage, fmt.Sprintf("%s (%d)", check.Redact(pg.URL), n))
				} else if len(perPage) == 8 {
					perPage = append(perPage, "…")
				}
			}
		}
		skipped, skippedVI := sp.UnreadNote()
		if total == 0 {
			return check.Passf("%s: no violation on the %d pages audited%s", what, len(sp.Pages), skipped).
				VI("%s: không có lỗi trên %d trang được kiểm tra%s", whatVI, len(sp.Pages), skippedVI)
		}
		var rules []string
		for r := range perRule {
			rules = append(rules, r)
		}
		sort.Strings(rules)
		var parts, advice, adviceVI []string
		for _, r := range rules {
			parts = append(parts, fmt.Sprintf("%s ×%d (WCAG %s)", r, perRule[r], Rules[r].SC))
			advice = append(advice, Rules[r].Advice)
			adviceVI = append(adviceVI, Rules[r].AdviceVI)
		}
		e := ev[0]
		return check.Failf("%s: %d violations on %d of %d pages audited: %s. First: %s at %s. Pages: %s. Fix: %s%s",
			what, total, pagesBad, len(sp.Pages), strings.Join(parts, ", "), e.Note, e.Location, strings.Join(perPage, ", "), strings.Join(advice, "; "), skipped).
			VI("%s: %d lỗi trên %d/%d trang được kiểm tra: %s. Trang: %s. Khắc phục: %s%s",
				whatVI, total, pagesBad, len(sp.Pages), strings.Join(parts, ", "), strings.Join(perPage, ", "), strings.Join(adviceVI, "; "), skippedVI).
			At(first).With(ev...).
			GotWant(fmt.Sprintf("%d violations", total), "no violation of "+strings.Join(rules, ", "))
	}
}
