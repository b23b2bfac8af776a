package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/scoring"
)

// TestDemo runs the README's first command as a newcomer would.
func TestDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("the demo starts two portals and six fakes")
	}
	out := t.TempDir()
	code, stdout, stderr := runCLI("demo", "--out", out, "--lang", "en")
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "REFERENCE PORTAL")
	assert.Contains(t, stdout, "BROKEN PORTAL")
	assert.Contains(t, stdout, "Caps applied to the broken portal")
	assert.Contains(t, stdout, "Top findings of the broken portal")
	// Progress: each phase on stderr.
	for _, want := range []string{"p06 demo: starting the reference and broken portals", "p06 demo: assessing the reference portal (https://127.0.0.1:",
		"p06 demo: assessing the broken portal (", "p06 demo: the reference portal assessed in", "p06 demo: the broken portal assessed in",
		"p06 demo: writing the reports into " + out} {
		assert.Contains(t, stderr, want)
	}

	cat := criteria.P06Technical()
	reports := map[string]*scoring.Report{}
	for _, name := range []string{"reference", "broken"} {
		data, err := os.ReadFile(filepath.Join(out, name+".json"))
		require.NoError(t, err)
		require.NoError(t, report.Validate(report.ReportSchemaName, data), "%s.json against the report schema", name)
		r, err := report.ReadJSON(strings.NewReader(string(data)))
		require.NoError(t, err)
		reports[name] = r
		html, err := os.ReadFile(filepath.Join(out, name+".html"))
		require.NoError(t, err)
		assert.Contains(t, string(html), "<svg")
		assert.NotContains(t, string(html), "<script src=")
	}

	ref := reports["reference"]
	assert.Equal(t, 1.0, ref.Scores.Compliance.Rate, "the reference portal meets every mandatory criterion")
	assert.Empty(t, ref.Scores.Caps)
	for _, f := range ref.Findings {
		c, ok := cat.Criterion(f.Criterion)
		require.True(t, ok)
		if c.Method == criteria.Automated || c.Method == criteria.Assisted {
			assert.Contains(t, []scoring.Status{scoring.Pass, scoring.NotApplicable}, f.Status, "%s: %s", f.Criterion, f.Message)
		}
	}

	// The seed's targets measured on the portal's catalogue stand in the report.
	require.Len(t, ref.Targets, 2)
	for _, tg := range ref.Targets {
		assert.True(t, tg.Met, "%s: %.2f of %d", tg.ID, tg.Measured, tg.Denominator)
	}

	broken := reports["broken"]
	failing := map[string]bool{}
	for _, f := range broken.Findings {
		if f.Status == scoring.Fail {
			failing[f.Group] = true
		}
	}
	for _, g := range cat.Groups {
		assert.True(t, failing[g.ID], "the broken portal fails nothing in group %s", g.ID)
	}
	assert.NotEmpty(t, broken.Scores.Caps)
	assert.Equal(t, "yeu", broken.Scores.Grade)
}

// The demo's progress speaks the demo's language, counts the checks, and --quiet silences it.
func TestDemoProgress(t *testing.T) {
	var b strings.Builder
	p := newDemoProgress(&b, "vi", false, 2)
	p.phase("assessing %s…", "đang đánh giá %s…", p.portalName("broken"))
	for range liveEvery {
		p.observe(scoring.Finding{Status: scoring.Fail})
	}
	r := &scoring.Report{Scores: scoring.Scores{Overall: 30, Grade: "yeu", Grading: "qd766", Compliance: scoring.Compliance{Met: 3, Applicable: 60}}}
	p.assessed("broken", r, nil, 0)
	out := b.String()
	assert.Contains(t, out, "p06 demo: đang đánh giá cổng lỗi…\n")
	assert.Contains(t, out, "p06 demo: đã xong 20 phép kiểm tra (20 không đạt), 0/2 cổng\n")
	assert.Contains(t, out, "p06 demo: đã đánh giá cổng lỗi trong 0.0s: điểm 30.0, xếp loại Yếu, 3/60 tiêu chí bắt buộc đạt\n")

	b.Reset()
	p = newDemoProgress(&b, "en", true, 2)
	p.phase("assessing %s…", "đang đánh giá %s…", p.portalName("reference"))
	for range liveEvery {
		p.observe(scoring.Finding{Status: scoring.Pass})
	}
	p.assessed("reference", r, nil, 0)
	assert.Empty(t, b.String(), "--quiet")
}
