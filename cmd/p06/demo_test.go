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
