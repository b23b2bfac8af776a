package main

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/msg"
)

// englishWords returns the English function words of a Markdown text outside code spans and
// URLs (msg.EnglishWords), with their counts.
func englishWords(md string) map[string]int {
	out := map[string]int{}
	for _, w := range msg.EnglishWords(md) {
		out[w]++
	}
	return out
}

// A Vietnamese Markdown scan report of a simple portal reads as Vietnamese: at most 10
// English function words outside code spans and URLs.
func TestScanMarkdownIsVietnamese(t *testing.T) {
	if testing.Short() {
		t.Skip("full scan")
	}
	srv, ca := tlsPortal(t, headersHandler(true))
	out := filepath.Join(t.TempDir(), "r.md")
	code, _, stderr := p06("scan", "--format", "md", "--lang", "vi", "--ca", ca, "--out", out, "--timeout", "2s", "--check-timeout", "20s", srv.URL+"/")
	require.Contains(t, []int{exitOK, exitNotMet}, code, stderr)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	// The sections beside the findings are counted too: the traffic the scan sent, the tool.
	assert.Contains(t, string(b), "Lưu lượng gửi tới cổng")
	assert.Contains(t, string(b), "p06kit "+version())
	words := englishWords(string(b))
	n := 0
	var list []string
	for w, c := range words {
		n += c
		list = append(list, w)
	}
	sort.Strings(list)
	if os.Getenv("P06_DUMP_MD") != "" {
		_ = os.WriteFile(os.Getenv("P06_DUMP_MD"), b, 0o644)
	}
	assert.LessOrEqual(t, n, 10, "English function words in the Vietnamese report: %v", words)
}
