package harness

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/p06kit/p06kit/scoring"
)

// recT records testify failures.
type recT struct {
	errs   []string
	failed bool
}

func (r *recT) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}
func (r *recT) FailNow() { r.failed = true }

func sampleReport() *scoring.Report {
	return &scoring.Report{
		Catalogue: scoring.CatalogueRef{ID: "test-cat", Version: "1"},
		Target:    "https://portal.example/",
		Findings: []scoring.Finding{
			{Criterion: "T-SEC-01", Group: "security", Status: scoring.Fail, Message: "TLS 1.0 accepted"},
			{Criterion: "T-SEC-02", Group: "security", Status: scoring.Pass, Message: "ok"},
			{Criterion: "T-SEC-03", Group: "security", Status: scoring.Error, Message: "timed out\nwhile reading"},
			{Criterion: "T-A11Y-01", Group: "accessibility", Status: scoring.Pass},
			{Criterion: "T-A11Y-02", Group: "accessibility", Status: scoring.Waived},
		},
		Scores: scoring.Scores{
			Overall: 62.5,
			Caps:    []scoring.Cap{{Criterion: "T-SEC-01", Status: scoring.Fail, Grade: "yeu"}},
			Groups: map[string]scoring.GroupScore{
				"security":      {Score: scoring.ScoreOf(33.3), Earned: 1, Available: 3},
				"accessibility": {Score: scoring.ScoreOf(100), Earned: 1, Available: 1},
			},
			Compliance: scoring.Compliance{Met: 2, Applicable: 4, Rate: 0.5},
		},
	}
}

func TestAssertions(t *testing.T) {
	r := sampleReport()
	cases := []struct {
		name   string
		fn     func(TestingT) bool
		ok     bool
		wants  []string
		absent []string
	}{
		{"compliant fails", func(t TestingT) bool { return AssertCompliant(t, r) }, false,
			[]string{"not compliant: 2 of 4 applicable mandatory criteria met (50.0%)", "T-SEC-01 fail: TLS 1.0 accepted", "T-SEC-03 error: timed out …"},
			[]string{"T-SEC-02"}},
		{"min score fails", func(t TestingT) bool { return AssertMinScore(t, r, 80) }, false,
			[]string{"overall score 62.5 is below 80.0", "T-SEC-01 fail"}, nil},
		{"min score holds", func(t TestingT) bool { return AssertMinScore(t, r, 60) }, true, nil, nil},
		{"group score fails", func(t TestingT) bool { return AssertGroupScore(t, r, "security", 90) }, false,
			[]string{"group security scored 33.3 (1.0 of 3.0 points), below 90.0", "T-SEC-03 error"}, []string{"T-A11Y"}},
		{"group score holds", func(t TestingT) bool { return AssertGroupScore(t, r, "accessibility", 90) }, true, nil, nil},
		{"unknown group", func(t TestingT) bool { return AssertGroupScore(t, r, "securty", 90) }, false,
			[]string{`no group "securty" (groups: accessibility, security)`}, nil},
		{"critical failure", func(t TestingT) bool { return AssertNoCriticalFailure(t, r) }, false,
			[]string{"1 critical criteria not met", "T-SEC-01 fail: TLS 1.0 accepted"}, []string{"T-SEC-03"}},
		{"pass", func(t TestingT) bool { return AssertPass(t, r, "T-SEC-02", "T-A11Y-02") }, true, nil, nil},
		{"pass fails and typo", func(t TestingT) bool { return AssertPass(t, r, "T-SEC-02", "T-SEC-01", "T-SEC-99") }, false,
			[]string{"2 of 3 criteria did not pass", "T-SEC-01 fail", "T-SEC-99: not in the report"}, nil},
		{"nil report", func(t TestingT) bool { return AssertCompliant(t, nil) }, false, []string{"no report"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rt := &recT{}
			assert.Equal(t, tc.ok, tc.fn(rt))
			out := strings.Join(rt.errs, "\n")
			if tc.ok {
				assert.Empty(t, out)
				return
			}
			assert.Contains(t, out, "Error Trace:", "testify's familiar output")
			for _, w := range tc.wants {
				assert.Contains(t, out, w)
			}
			for _, a := range tc.absent {
				assert.NotContains(t, out, a)
			}
		})
	}
}

func TestRequireStops(t *testing.T) {
	rt := &recT{}
	RequireCompliant(rt, sampleReport())
	assert.True(t, rt.failed)
	rt = &recT{}
	RequirePass(rt, sampleReport(), "T-SEC-02")
	assert.False(t, rt.failed)
	rt = &recT{}
	RequireGroupScore(rt, sampleReport(), "security", 50)
	assert.True(t, rt.failed)
	rt = &recT{}
	RequireMinScore(rt, sampleReport(), 10)
	RequireNoCriticalFailure(rt, sampleReport())
	assert.True(t, rt.failed)
}
