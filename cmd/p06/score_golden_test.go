package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/report"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestScoreGolden pins the report p06 score writes for a fixed findings and waivers file: JSON
// and Markdown. A change in the scoring model or the catalogue shows here; rerun with -update
// after checking the difference.
func TestScoreGolden(t *testing.T) {
	dir := filepath.Join("testdata", "score")
	for _, format := range []string{"json", "md"} {
		t.Run(format, func(t *testing.T) {
			code, out, stderr := p06("score", filepath.Join(dir, "findings.json"), "--waivers", filepath.Join(dir, "waivers.json"),
				"--as-of", "2026-11-27", "--format", format, "--lang", "en")
			require.Equal(t, exitNotMet, code, stderr)
			golden := filepath.Join(dir, "report.golden."+format)
			if *updateGolden {
				require.NoError(t, os.WriteFile(golden, []byte(out), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run with -update to create it")
			assert.Equal(t, string(want), out)
			if format == "json" {
				assert.NoError(t, report.Validate(report.ReportSchemaName, []byte(out)), "the report validates against the published schema")
			}
		})
	}
}
