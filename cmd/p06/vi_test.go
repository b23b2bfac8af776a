package main

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// englishFunctionWords are words that mark an English sentence. Words that are also
// Vietnamese without diacritics (a, an, to, so, no, do, in, can, may, than) are left out: "an
// toàn", "phóng to", "in ấn" must not count.
var englishFunctionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the of on at by for with from into onto over under about after before
	and or but nor not is are was were be been being has have had does did will would could should
	might must shall this that these those it its they them their there here which who whom whose what
	when where while then as if such only also any all each every some none other same both either
	neither very too just more most less least`) {
		englishFunctionWords[w] = true
	}
}

var (
	mdCode  = regexp.MustCompile("`[^`]*`")
	mdURL   = regexp.MustCompile(`<https?://[^>]*>|https?://\S+|\(https?://[^)]*\)`)
	mdWords = regexp.MustCompile(`\p{L}+`)
)

// englishWords returns the English function words of a Markdown text outside code spans and
// URLs, with their counts.
func englishWords(md string) map[string]int {
	md = mdCode.ReplaceAllString(md, " ")
	md = mdURL.ReplaceAllString(md, " ")
	out := map[string]int{}
	for _, w := range mdWords.FindAllString(md, -1) {
		if englishFunctionWords[strings.ToLower(w)] {
			out[strings.ToLower(w)]++
		}
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
