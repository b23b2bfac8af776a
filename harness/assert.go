package harness

import (
	"fmt"
	"sort"
	"strings"

	"github.com/stretchr/testify/assert"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/scoring"
)

// The assertions below gate a test on a report the way a vendor already writes tests with
// testify: each reports through assert.Fail, so the failure output is testify's familiar
// "Error Trace / Error / Messages" block, listing every offending finding (not just the first).
// Assert* functions return whether the assertion held; Require* functions stop the test
// (t.FailNow) when it does not. msgAndArgs are testify's optional message and arguments.

// TestingT is what the Assert functions need: testify's assert.TestingT.
type TestingT = assert.TestingT

// RequireT is what the Require functions need: testify's require.TestingT.
type RequireT interface {
	TestingT
	FailNow()
}

type helper interface{ Helper() }

func markHelper(t TestingT) {
	if h, ok := t.(helper); ok {
		h.Helper()
	}
}

// AssertCompliant asserts that every applicable mandatory criterion of the report is met
// (compliance rate 100%). The failure lists the mandatory criteria not met.
func AssertCompliant(t TestingT, r *scoring.Report, msgAndArgs ...any) bool {
	markHelper(t)
	if r == nil {
		return assert.Fail(t, "no report (the harness run failed)", msgAndArgs...)
	}
	c := r.Scores.Compliance
	if c.Met == c.Applicable && c.Applicable > 0 {
		return true
	}
	if c.Applicable == 0 {
		return assert.Fail(t, "no applicable mandatory criterion was assessed", msgAndArgs...)
	}
	cat := catalogueOf(r)
	bad := offending(r, func(f scoring.Finding) bool {
		if !unmet(f.Status) {
			return false
		}
		if cat == nil {
			return true
		}
		cr, ok := cat.Criterion(f.Criterion)
		return ok && cr.Level == criteria.Mandatory
	})
	return assert.Fail(t, fmt.Sprintf("portal %s is not compliant: %d of %d applicable mandatory criteria met (%.1f%%)\n%s",
		r.Target, c.Met, c.Applicable, 100*c.Rate, listFindings(bad, cat)), msgAndArgs...)
}

// RequireCompliant is AssertCompliant that stops the test on failure.
func RequireCompliant(t RequireT, r *scoring.Report, msgAndArgs ...any) {
	markHelper(t)
	if !AssertCompliant(t, r, msgAndArgs...) {
		t.FailNow()
	}
}

// AssertMinScore asserts that the overall score is at least min (0–100). The failure lists the
// findings that earned nothing.
func AssertMinScore(t TestingT, r *scoring.Report, min float64, msgAndArgs ...any) bool {
	markHelper(t)
	if r == nil {
		return assert.Fail(t, "no report (the harness run failed)", msgAndArgs...)
	}
	if r.Scores.Overall >= min {
		return true
	}
	bad := offending(r, func(f scoring.Finding) bool { return unmet(f.Status) })
	return assert.Fail(t, fmt.Sprintf("overall score %.1f is below %.1f\n%s", r.Scores.Overall, min, listFindings(bad, catalogueOf(r))), msgAndArgs...)
}

// RequireMinScore is AssertMinScore that stops the test on failure.
func RequireMinScore(t RequireT, r *scoring.Report, min float64, msgAndArgs ...any) {
	markHelper(t)
	if !AssertMinScore(t, r, min, msgAndArgs...) {
		t.FailNow()
	}
}

// AssertGroupScore asserts that the score of group is at least min (0–100). The failure lists
// the group's findings that earned nothing. A group the report does not have fails.
func AssertGroupScore(t TestingT, r *scoring.Report, group string, min float64, msgAndArgs ...any) bool {
	markHelper(t)
	if r == nil {
		return assert.Fail(t, "no report (the harness run failed)", msgAndArgs...)
	}
	g, ok := r.Scores.Groups[group]
	if !ok {
		groups := make([]string, 0, len(r.Scores.Groups))
		for id := range r.Scores.Groups {
			groups = append(groups, id)
		}
		sort.Strings(groups)
		return assert.Fail(t, fmt.Sprintf("the report has no group %q (groups: %s)", group, strings.Join(groups, ", ")), msgAndArgs...)
	}
	if !g.Scored() {
		bad := offending(r, func(f scoring.Finding) bool { return f.Group == group })
		return assert.Fail(t, fmt.Sprintf("group %s has no score: nothing in it was assessed (not tested or error), so it cannot be compared with %.1f\n%s",
			group, min, listFindings(bad, catalogueOf(r))), msgAndArgs...)
	}
	if g.Value() >= min {
		return true
	}
	bad := offending(r, func(f scoring.Finding) bool { return f.Group == group && unmet(f.Status) })
	return assert.Fail(t, fmt.Sprintf("group %s scored %.1f (%.1f of %.1f points), below %.1f\n%s",
		group, g.Value(), g.Earned, g.Available, min, listFindings(bad, catalogueOf(r))), msgAndArgs...)
}

// RequireGroupScore is AssertGroupScore that stops the test on failure.
func RequireGroupScore(t RequireT, r *scoring.Report, group string, min float64, msgAndArgs ...any) {
	markHelper(t)
	if !AssertGroupScore(t, r, group, min, msgAndArgs...) {
		t.FailNow()
	}
}

// AssertNoCriticalFailure asserts that no critical criterion failed or errored (a critical
// failure caps the grade). Critical criteria are known from the report's caps and, for a
// built-in catalogue, from the catalogue itself.
func AssertNoCriticalFailure(t TestingT, r *scoring.Report, msgAndArgs ...any) bool {
	markHelper(t)
	if r == nil {
		return assert.Fail(t, "no report (the harness run failed)", msgAndArgs...)
	}
	critical := map[string]bool{}
	for _, c := range r.Scores.Caps {
		critical[c.Criterion] = true
	}
	cat := catalogueOf(r)
	if cat != nil {
		for _, c := range cat.Criteria {
			if c.Critical {
				critical[c.ID] = true
			}
		}
	}
	bad := offending(r, func(f scoring.Finding) bool {
		return critical[f.Criterion] && (f.Status == scoring.Fail || f.Status == scoring.Error)
	})
	if len(bad) == 0 {
		return true
	}
	return assert.Fail(t, fmt.Sprintf("%d critical criteria not met (the grade is capped)\n%s", len(bad), listFindings(bad, cat)), msgAndArgs...)
}

// RequireNoCriticalFailure is AssertNoCriticalFailure that stops the test on failure.
func RequireNoCriticalFailure(t RequireT, r *scoring.Report, msgAndArgs ...any) {
	markHelper(t)
	if !AssertNoCriticalFailure(t, r, msgAndArgs...) {
		t.FailNow()
	}
}

// AssertPass asserts that each criterion in ids passed (or is attested or waived). An ID the
// report does not have fails too, so that a typo cannot pass.
func AssertPass(t TestingT, r *scoring.Report, ids ...string) bool {
	markHelper(t)
	if r == nil {
		return assert.Fail(t, "no report (the harness run failed)")
	}
	byID := map[string]scoring.Finding{}
	for _, f := range r.Findings {
		byID[f.Criterion] = f
	}
	var bad []scoring.Finding
	var missing []string
	for _, id := range ids {
		f, ok := byID[id]
		switch {
		case !ok:
			missing = append(missing, id)
		case f.Status != scoring.Pass && f.Status != scoring.Attested && f.Status != scoring.Waived:
			bad = append(bad, f)
		}
	}
	if len(bad) == 0 && len(missing) == 0 {
		return true
	}
	var msg strings.Builder
	fmt.Fprintf(&msg, "%d of %d criteria did not pass\n", len(bad)+len(missing), len(ids))
	msg.WriteString(listFindings(bad, catalogueOf(r)))
	for _, id := range missing {
		fmt.Fprintf(&msg, "\t%s: not in the report (catalogue %s)\n", id, r.Catalogue.ID)
	}
	return assert.Fail(t, strings.TrimRight(msg.String(), "\n"))
}

// RequirePass is AssertPass that stops the test on failure.
func RequirePass(t RequireT, r *scoring.Report, ids ...string) {
	markHelper(t)
	if !AssertPass(t, r, ids...) {
		t.FailNow()
	}
}

func unmet(s scoring.Status) bool {
	return s == scoring.Fail || s == scoring.Error || s == scoring.NotTested
}

func offending(r *scoring.Report, keep func(scoring.Finding) bool) []scoring.Finding {
	var out []scoring.Finding
	for _, f := range r.Findings {
		if keep(f) {
			out = append(out, f)
		}
	}
	return out
}

// listFindings formats findings one per line: "\tP06-SEC-03 fail: message (title)".
func listFindings(fs []scoring.Finding, cat *criteria.Catalogue) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\t%s %s: %s", f.Criterion, f.Status, firstLine(f.Message))
		if cat != nil {
			if cr, ok := cat.Criterion(f.Criterion); ok {
				fmt.Fprintf(&b, " (%s)", cr.Title.In("en"))
			}
		}
		b.WriteByte('\n')
	}
	return strings.TrimRight(b.String(), "\n")
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

// catalogueOf returns the built-in catalogue a report was scored against, or nil for another
// catalogue (then the assertions judge from the report alone).
func catalogueOf(r *scoring.Report) *criteria.Catalogue {
	cat, err := criteria.Builtin(r.Catalogue.ID)
	if err != nil || cat.Version != r.Catalogue.Version {
		return nil
	}
	return cat
}
