package a11y

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
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

// sampled holds the parsed pages a run audits and what could not be audited.
type sampled struct {
	pages   []*check.Page
	skipped []string
}

// samplePages fetches the pages the checks audit: the resolved profile's pages (home,
// catalogue, login, look-up, privacy, contact, procedure pages, samples), at most
// Config.MaxPages. Pages that do not answer 200 with HTML, or that redirect to another host (a
// national SSO login), are skipped and named.
func samplePages(ctx context.Context, s *check.Session) (*sampled, error) {
	pages, skipped, err := s.SamplePages(ctx, s.Config().MaxPages)
	if err != nil {
		return nil, err
	}
	return &sampled{pages: pages, skipped: skipped}, nil
}

type auditKey struct{}

// audit is Audit of a sampled page, computed once per page for the seven criteria that read it.
func audit(pg *check.Page) []Violation {
	v, _ := pg.Memo(auditKey{}, func() any { return Audit(pg.Doc) }).([]Violation)
	return v
}

// criterion returns the check of one criterion: the rules of that criterion on every sampled page.
func criterion(id, what, whatVI string) check.Func {
	return func(ctx context.Context, s *check.Session) check.Result {
		sp, err := samplePages(ctx, s)
		if err != nil {
			return check.FromError("resolving the portal profile", err)
		}
		if len(sp.pages) == 0 {
			return check.Errorf("no page could be audited: %s", strings.Join(sp.skipped, "; ")).
				VI("không kiểm tra được trang nào: %s", strings.Join(sp.skipped, "; "))
		}
		var ev []scoring.Evidence
		var total, pagesBad int
		var perPage []string
		perRule := map[string]int{}
		first := ""
		for _, pg := range sp.pages {
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
		skipped, skippedVI := "", ""
		if len(sp.skipped) > 0 {
			skipped = fmt.Sprintf(" (%d pages not audited: %s)", len(sp.skipped), strings.Join(sp.skipped, "; "))
			skippedVI = fmt.Sprintf(" (%d trang không kiểm tra được: %s)", len(sp.skipped), strings.Join(sp.skipped, "; "))
		}
		if total == 0 {
			return check.Passf("%s: no violation on the %d pages audited%s", what, len(sp.pages), skipped).
				VI("%s: không có lỗi trên %d trang được kiểm tra%s", whatVI, len(sp.pages), skippedVI)
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
			what, total, pagesBad, len(sp.pages), strings.Join(parts, ", "), e.Note, e.Location, strings.Join(perPage, ", "), strings.Join(advice, "; "), skipped).
			VI("%s: %d lỗi trên %d/%d trang được kiểm tra: %s. Trang: %s. Khắc phục: %s%s",
				whatVI, total, pagesBad, len(sp.pages), strings.Join(parts, ", "), strings.Join(perPage, ", "), strings.Join(adviceVI, "; "), skippedVI).
			At(first).With(ev...).
			GotWant(fmt.Sprintf("%d violations", total), "no violation of "+strings.Join(rules, ", "))
	}
}
