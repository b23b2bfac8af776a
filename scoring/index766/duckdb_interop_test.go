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

	"github.com/p06kit/p06kit/scoring/index766"
	"github.com/p06kit/p06kit/scoring/index766/synth"
)

// TestInteropDuckDBCounts holds the index to an independent implementation: DuckDB
// (.ci/duckdb/index766.mjs, installed by .ci/install-interop) computes the same numerators and
// denominators from the same generated files, in both formats.
func TestInteropDuckDBCounts(t *testing.T) {
	node, err := exec.LookPath("node")
	require.NoError(t, err, "node (20+) is needed: apt-get install nodejs npm, then bash .ci/install-interop")
	script, err := filepath.Abs("../../.ci/duckdb/index766.mjs")
	require.NoError(t, err)
	_, err = os.Stat("../../.ci/duckdb/node_modules/@duckdb/node-api")
	require.NoError(t, err, "@duckdb/node-api is missing: run bash .ci/install-interop")

	cat := fixtureCatalogue(t)
	for _, f := range []index766.Format{index766.JSONL, index766.CSV} {
		t.Run(f.String(), func(t *testing.T) {
			var data bytes.Buffer
			require.NoError(t, synth.Write(&data, synth.Config{Records: 50000, Seed: 17}, f))
			path := filepath.Join(t.TempDir(), "d."+f.String())
			require.NoError(t, os.WriteFile(path, data.Bytes(), 0o600))

			out, err := exec.Command(node, script, path, f.String(), "2").Output()
			require.NoError(t, err)
			var d map[string]float64
			require.NoError(t, json.Unmarshal(out, &d), "%s", out)

			acc := index766.NewAccumulator()
			require.NoError(t, index766.Read(context.Background(), bytes.NewReader(data.Bytes()), path, 0, f, acc, index766.ReadOptions{}))
			rep, err := index766.Score(acc, index766.Options{Catalogue: cat})
			require.NoError(t, err)
			inds := byID(&rep.Index)
			for _, c := range []struct {
				id       string
				num, den string
			}{
				{"QD766-2.1", "on_time", "finished_due"},
				{"QD766-3.3", "online", "dossiers"},
				{"QD766-3.6", "paid_online", "fee"},
				{"QD766-4.1", "result_link", "finished"},
				{"QD766-4.3", "digitised", "dossiers"},
				{"QD766-4.4", "from_store", "dossiers"},
				{"QD766-4.5b", "population_data", "dossiers"},
			} {
				assert.Equal(t, int64(d[c.num]), inds[c.id].Numerator, c.id)
				assert.Equal(t, int64(d[c.den]), inds[c.id].Denominator, c.id)
			}
			assert.Equal(t, int64(d["dossiers"]), rep.Records.Scored)
		})
	}
}
