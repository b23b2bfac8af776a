//go:build interop

package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/internal/spatest"
	"github.com/p06kit/p06kit/scoring"
)

// p06 scan on a single-page app: without --render the content criteria say the page is
// rendered by JavaScript; with --render (Debian's Chromium) they judge what the browser built.
func TestInteropScanRender(t *testing.T) {
	srv := spatest.Start()
	defer srv.Close()
	statuses := func(args ...string) map[string]scoring.Finding {
		code, out, stderr := p06(append([]string{"scan", "--only", "P06-A11Y-02,P06-A11Y-03,P06-UX-10", "--lang", "en", "--quiet"}, args...)...)
		require.NotEqual(t, exitCantRun, code, stderr)
		var r scoring.Report
		require.NoError(t, json.Unmarshal([]byte(out), &r), out)
		m := map[string]scoring.Finding{}
		for _, f := range r.Findings {
			m[f.Criterion] = f
		}
		return m
	}
	plain := statuses(srv.URL)
	for _, id := range []string{"P06-A11Y-02", "P06-A11Y-03", "P06-UX-10"} {
		assert.Equal(t, scoring.Error, plain[id].Status, id)
		assert.Contains(t, plain[id].Message, "rendered by JavaScript", id)
	}
	rendered := statuses("--render", srv.URL)
	assert.Equal(t, scoring.Pass, rendered["P06-A11Y-02"].Status, rendered["P06-A11Y-02"].Message)
	assert.Equal(t, scoring.Fail, rendered["P06-A11Y-03"].Status, rendered["P06-A11Y-03"].Message)
	assert.Equal(t, scoring.Pass, rendered["P06-UX-10"].Status, rendered["P06-UX-10"].Message)
}
