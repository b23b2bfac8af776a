package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestInputsBounded: a file beyond its limit is refused with its name and the limit, without
// being read (the files here are sparse: large, but cost no disk or time).
func TestInputsBounded(t *testing.T) {
	dir := t.TempDir()
	big := func(name string, size int64) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		require.NoError(t, err)
		require.NoError(t, f.Truncate(size))
		require.NoError(t, f.Close())
		return p
	}
	findings := "testdata/score/findings.json"
	for _, tc := range []struct {
		args  []string
		limit string
	}{
		{[]string{"score", findings, "--waivers", big("w.json", maxConfigBytes+1)}, "16 MiB"},
		{[]string{"scan", "--profile", big("p.json", maxConfigBytes+1), "https://127.0.0.1:1/"}, "16 MiB"},
		{[]string{"scan", "--ca", big("ca.pem", maxCABytes+1), "https://127.0.0.1:1/"}, "16 MiB"},
		{[]string{"index766", "--partial", big("part.json", maxPartialBytes+1)}, "256 MiB"},
		{[]string{"scan", "--waivers", big("w2.json", maxConfigBytes+1), "--only", "P06-SEC-09", "https://127.0.0.1:1/"}, "16 MiB"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, &stdout, &stderr)
		assert.Equal(t, exitCantRun, code, "%v", tc.args)
		want := "vượt giới hạn " + tc.limit // in the run's language (vi), the harness's errors too
		assert.Contains(t, stderr.String(), want, "%v", tc.args)
		assert.Contains(t, stderr.String(), dir, "the error names the file: %v", tc.args)
	}
}

// TestInputsWithByteOrderMark: JSON inputs written by Windows tools, with a byte-order mark, are
// read like the same JSON without it.
func TestInputsWithByteOrderMark(t *testing.T) {
	dir := t.TempDir()
	bom := func(src string) string {
		b, err := os.ReadFile(src)
		require.NoError(t, err)
		p := filepath.Join(dir, filepath.Base(src))
		require.NoError(t, os.WriteFile(p, append([]byte("\xEF\xBB\xBF"), b...), 0o644))
		return p
	}
	var plain, marked, stderr bytes.Buffer
	codePlain := run([]string{"score", "testdata/score/findings.json", "--waivers", "testdata/score/waivers.json", "--as-of", "2026-01-01"}, &plain, &stderr)
	codeMarked := run([]string{"score", bom("testdata/score/findings.json"), "--waivers", bom("testdata/score/waivers.json"), "--as-of", "2026-01-01"}, &marked, &stderr)
	assert.Equal(t, codePlain, codeMarked, stderr.String())
	assert.Equal(t, plain.String(), marked.String())
	assert.Empty(t, stderr.String())

	report := bom("testdata/score/report.golden.json")
	stderr.Reset()
	assert.Equal(t, exitOK, run([]string{"report", "render", report, "--format", "md", "--out", filepath.Join(dir, "r.md")}, &plain, &stderr), stderr.String())
}

// TestSurveyRefusesNonUTF8: a portals file that is not UTF-8 is refused with the place of the
// first bad byte, in JSON as in CSV, rather than written into the outputs.
func TestSurveyRefusesNonUTF8(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"p.json": `{"portals":[{"url":"https://a.example/","unit":"UBND ` + "\xff" + `"}]}`,
		"p.csv":  "url,unit\nhttps://a.example/,UBND \xff\n",
	} {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		var stdout, stderr bytes.Buffer
		assert.Equal(t, exitCantRun, run([]string{"survey", p, "--quiet"}, &stdout, &stderr), name)
		assert.Contains(t, stderr.String(), "byte 0xFF không phải văn bản UTF-8", name)
		assert.Contains(t, stderr.String(), p, name)
	}
}
