package a11y

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// Checks returns the checks of this family.
func Checks() []check.Check {
	return []check.Check{
		{ID: "P06-A11Y-01", Run: criterion("P06-A11Y-01", mWhatLang)},
		{ID: "P06-A11Y-02", Run: criterion("P06-A11Y-02", mWhatTitle)},
		{ID: "P06-A11Y-03", Run: criterion("P06-A11Y-03", mWhatAlt)},
		{ID: "P06-A11Y-04", Run: criterion("P06-A11Y-04", mWhatLabels)},
		{ID: "P06-A11Y-05", Run: criterion("P06-A11Y-05", mWhatNames)},
		{ID: "P06-A11Y-06", Run: criterion("P06-A11Y-06", mWhatHeadings)},
		{ID: "P06-A11Y-07", Run: criterion("P06-A11Y-07", mWhatIDs)},
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

// criterion returns the check of one criterion, named by what: the rules of that criterion on
// every sampled page.
func criterion(id string, what msg.Text) check.Func {
	return func(ctx context.Context, s *check.Session) check.Result {
		// The pages audited: the resolved profile's sample (home, catalogue, login, look-up,
		// privacy, contact, procedure pages, samples), at most Config.MaxPages; those not read
		// (not 200 HTML, another host such as a national SSO login) are named.
		sp, err := pagejudge.Sample(ctx, s, s.Config().MaxPages)
		if err != nil {
			return check.FromError(msg.P(mStepProfile), err)
		}
		if len(sp.Pages) == 0 {
			return sp.NoneRead()
		}
		var ev []scoring.Evidence
		var total, pagesBad int
		var perPage []string
		perRule := map[string]int{}
		first := ""
		var firstNote msg.Phrase
		for _, pg := range sp.Pages {
			n := 0
			for _, v := range audit(pg) {
				rule := Rules[v.Rule]
				if rule.Criterion != id {
					continue
				}
				n++
				perRule[v.Rule]++
				note := msg.P(mViolation, v.Rule, rule.SC, v.Detail, msg.P(rule.Advice), rule.Help())
				if first == "" {
					first, firstNote = pg.URL, msg.P(mViolationSeen, v.Rule, rule.SC, v.Detail)
				}
				if len(ev) < maxEvidence {
					ev = append(ev, scoring.Evidence{Request: "GET " + check.Redact(pg.URL), Status: pg.StatusCode,
						Location: v.Path, Excerpt: v.Excerpt}.Noted(msg.Verbatim, note))
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
		unread := sp.NotJudged()
		if total == 0 {
			return check.Pass(mPass, msg.P(what), len(sp.Pages), unread)
		}
		var rules []string
		for r := range perRule {
			rules = append(rules, r)
		}
		sort.Strings(rules)
		var parts []string
		advice := msg.List{Sep: "; "}
		for _, r := range rules {
			parts = append(parts, fmt.Sprintf("%s ×%d (WCAG %s)", r, perRule[r], Rules[r].SC))
			advice.Items = append(advice.Items, msg.P(Rules[r].Advice))
		}
		return check.Fail(mFail, msg.P(what), total, pagesBad, len(sp.Pages), strings.Join(parts, ", "), firstNote, ev[0].Location,
			strings.Join(perPage, ", "), advice, unread).
			At(first).With(ev...).
			Saw(msg.P(mGot, total), msg.P(mWant, strings.Join(rules, ", ")))
	}
}
