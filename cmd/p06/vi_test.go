package main

import (
	"net"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/spatest"
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

// A single-page app's shell, scanned without --render, is reported in Vietnamese too: the reason
// each page is a shell, what discovery saw and the advice to render read as Vietnamese, with the
// mount element and the bundle named as they are.
func TestShellScanMarkdownIsVietnamese(t *testing.T) {
	if testing.Short() {
		t.Skip("full scan")
	}
	srv, ca := tlsPortal(t, spatest.Handler())
	out := filepath.Join(t.TempDir(), "r.md")
	code, _, stderr := p06("scan", "--format", "md", "--lang", "vi", "--ca", ca, "--out", out, "--timeout", "2s", "--check-timeout", "20s", srv.URL+"/")
	require.Contains(t, []int{exitOK, exitNotMet}, code, stderr)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	md := string(b)
	if os.Getenv("P06_DUMP_MD") != "" {
		_ = os.WriteFile(os.Getenv("P06_DUMP_MD"), b, 0o644)
	}
	assert.Contains(t, md, "được dựng bằng JavaScript")
	assert.Contains(t, md, "rỗng (nơi ứng dụng JavaScript vẽ nội dung)", "the shell's reason, in Vietnamese")
	assert.NotContains(t, md, "characters of text")
	words := englishWords(md)
	n := 0
	for _, c := range words {
		n += c
	}
	assert.LessOrEqual(t, n, 10, "English function words in the Vietnamese report of a shell: %v", words)
}

var flagName = regexp.MustCompile(`--[a-z][a-z0-9-]*`)

// Every message of the command line reads as Vietnamese in Vietnamese: no English function word
// outside its values.
func TestCLIMessagesAreVietnamese(t *testing.T) {
	n := 0
	for _, m := range msg.All() {
		if !strings.HasPrefix(m.ID(), "cli.") && !strings.HasPrefix(m.ID(), "index766.") {
			continue
		}
		n++
		// Flag names (--only) are the command's words in every language.
		vi := flagName.ReplaceAllString(m.Sample(msg.VI), "--")
		assert.Empty(t, msg.EnglishWords(vi), "%s: %q", m.ID(), m.Sample(msg.VI))
	}
	assert.Greater(t, n, 50, "the command line's messages are in the catalogue")
}

// An unreachable portal: the progress line and the --quiet line say why in Vietnamese, and the
// progress line gives neither a score nor a grade (nothing was assessed to earn them).
func TestUnreachableScanInVietnamese(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close()) // nothing listens there now
	for _, quiet := range []bool{false, true} {
		args := []string{"scan", "--format", "json", "--out", filepath.Join(t.TempDir(), "r.json"), "http://" + addr + "/"}
		if quiet {
			args = append(args[:1], append([]string{"--quiet"}, args[1:]...)...)
		}
		code, _, stderr := p06(args...)
		assert.Equal(t, exitCantRun, code, stderr)
		assert.Contains(t, stderr, "không kết nối được tới cổng", "quiet %v", quiet)
		assert.Empty(t, msg.EnglishWords(stderr), "quiet %v: %s", quiet, stderr)
		assert.NotContains(t, stderr, "điểm 0.0")
		if !quiet {
			assert.Contains(t, stderr, "không tính điểm, không xếp loại")
		}
	}
}
