//go:build interop

package index766_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/internal/interoptest"
	"github.com/p06kit/p06kit/scoring/index766"
	"github.com/p06kit/p06kit/scoring/index766/synth"
)

// TestInteropDuckDBCounts holds the index to an independent implementation: DuckDB
// (.ci/duckdb/index766.mjs, installed by .ci/install-interop) computes the same numerators and
// denominators from the same generated files, in both formats.
func TestInteropDuckDBCounts(t *testing.T) {
	node, script := interoptest.NodeTool(t, "duckdb", "index766.mjs", "@duckdb/node-api")

	cat := fixtureCatalogue(t)
	for _, f := range []index766.Format{index766.JSONL, index766.CSV} {
		t.Run(f.String(), func(t *testing.T) {
			var data bytes.Buffer
			require.NoError(t, synth.Write(&data, synth.Config{Records: 50000, Seed: 17}, f))
			path := filepath.Join(t.TempDir(), "d."+f.String())
			require.NoError(t, os.WriteFile(path, data.Bytes(), 0o600))

			// The catalogue of the generated data: its fee-bearing procedures for QD766-3.6.
			list := synth.Catalogue(synth.Config{Records: 50000, Seed: 17})
			procs, err := index766.NewProcedures(list)
			require.NoError(t, err)
			var fees bytes.Buffer
			for _, p := range list {
				if p.Fee {
					fees.WriteString(p.Code + "\n")
				}
			}
			feePath := filepath.Join(t.TempDir(), "fee-codes.txt")
			require.NoError(t, os.WriteFile(feePath, fees.Bytes(), 0o600))

			out := interoptest.Output(t, exec.Command(node, script, path, f.String(), "2", feePath), nil)
			var d map[string]float64
			require.NoError(t, json.Unmarshal(out, &d), "%s", out)

			acc := index766.NewAccumulator()
			require.NoError(t, index766.Read(context.Background(), bytes.NewReader(data.Bytes()), path, 0, f, acc, index766.ReadOptions{}))
			rep, err := index766.Score(acc, index766.Options{Catalogue: cat, Procedures: procs})
			require.NoError(t, err)
			inds := byID(&rep.Index)
			for _, c := range []struct {
				id       string
				num, den string
			}{
				// Judged on the latest date in the data: unfinished dossiers due before it are late.
				{"QD766-2.1", "on_time_asof", "due_total"},
				{"QD766-3.3", "online", "dossiers"},
				{"QD766-3.6", "paid_online_cat", "fee_cat"},
				{"QD766-4.1", "result_link", "finished"},
				{"QD766-4.3", "digitised", "dossiers"},
				{"QD766-4.4", "from_store", "dossiers"},
				{"QD766-4.5b", "population_data", "dossiers"},
			} {
				assert.Equal(t, int64(d[c.num]), inds[c.id].Numerator, c.id)
				assert.Equal(t, int64(d[c.den]), inds[c.id].Denominator, c.id)
			}
			assert.Equal(t, int64(d["dossiers"]), rep.Records.Scored)
			assert.Equal(t, int64(d["overdue"]), rep.Period.Overdue, "unfinished dossiers late on the as-of day")
			assert.Positive(t, d["overdue"], "the generated data has late unfinished dossiers: 2.1's as-of rule is exercised")
			assert.Positive(t, d["fee_cat"], "the generated data has dossiers of fee-bearing procedures")
		})
	}
}
