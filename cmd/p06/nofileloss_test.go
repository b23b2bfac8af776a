package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHelperP06 is not a test: run as a subprocess with P06_TEST_HELPER=1, it runs the command
// line after "--", so that a test can run p06 under limits (a file-size limit) the test process
// itself must not have.
func TestHelperP06(t *testing.T) {
	if os.Getenv("P06_TEST_HELPER") != "1" {
		return
	}
	args := os.Args[slices.Index(os.Args, "--")+1:]
	os.Exit(run(args, os.Stdout, os.Stderr))
}

// dirFiles lists the names in dir, temporary files included.
func dirFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestIndex766FailedOutLeavesPreviousFile: a write of --out that fails half-way (here, the
// file-size limit of the process) leaves the previous report in place, and no temporary file.
func TestIndex766FailedOutLeavesPreviousFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs sh and ulimit")
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("needs sh")
	}
	dir := t.TempDir()
	dossiers := filepath.Join(dir, "d.jsonl")
	procs := filepath.Join(dir, "p.json")
	out := filepath.Join(dir, "r.json")
	var stdout, stderr bytes.Buffer
	require.Equal(t, exitOK, run([]string{"index766", "generate", "--records", "300", "--out", dossiers, "--procedures", procs}, &stdout, &stderr), stderr.String())
	require.Equal(t, exitOK, run([]string{"index766", dossiers, "--procedures", procs, "--out", out}, &stdout, &stderr), stderr.String())
	good, err := os.ReadFile(out)
	require.NoError(t, err)
	require.Greater(t, len(good), 4096, "the report must be larger than the file-size limit below")

	// A report with another breakdown, written under a 1-block file-size limit.
	cmd := exec.Command(sh, "-c", `ulimit -f 1 && exec "$0" "$@"`, os.Args[0], "-test.run=^TestHelperP06$", "--",
		"index766", dossiers, "--procedures", procs, "--by", "unit", "--out", out)
	cmd.Env = append(os.Environ(), "P06_TEST_HELPER=1")
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	err = cmd.Run()
	require.Error(t, err, "the write beyond the file-size limit must fail")
	assert.Contains(t, errOut.String(), out, "the error names the output")
	after, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, good, after, "the previous report is intact")
	assert.ElementsMatch(t, []string{"d.jsonl", "p.json", "r.json"}, dirFiles(t, dir), "no temporary file left")
}

// TestOutputIsInputRefused: an output that is one of the command's inputs is refused before any
// work, and the input is left intact.
func TestOutputIsInputRefused(t *testing.T) {
	dir := t.TempDir()
	dossiers := filepath.Join(dir, "d.jsonl")
	procs := filepath.Join(dir, "p.json")
	var stdout, stderr bytes.Buffer
	require.Equal(t, exitOK, run([]string{"index766", "generate", "--records", "20", "--out", dossiers, "--procedures", procs}, &stdout, &stderr), stderr.String())
	partial := filepath.Join(dir, "part.json")
	require.Equal(t, exitOK, run([]string{"index766", dossiers, "--save-partial", partial}, &stdout, &stderr), stderr.String())
	link := filepath.Join(dir, "link.jsonl")
	require.NoError(t, os.Symlink(dossiers, link))
	before := map[string][]byte{}
	for _, f := range []string{dossiers, procs, partial} {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		before[f] = b
	}
	for _, args := range [][]string{
		{"index766", dossiers, "--out", dossiers},
		{"index766", dossiers, "--out", link},
		{"index766", dossiers, "--procedures", procs, "--out", procs},
		{"index766", "--partial", partial, "--save-partial", partial},
		{"index766", dossiers, "--save-partial", dir + "/./x/../d.jsonl"}, // the same file under another name
		{"index766", "generate", "--out", procs, "--procedures", procs},
	} {
		stderr.Reset()
		code := run(args, &stdout, &stderr)
		assert.Equal(t, exitCantRun, code, "%v", args)
		assert.Contains(t, stderr.String(), "sẽ làm mất tệp đầu vào", "%v", args)
	}
	for f, b := range before {
		after, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.Equal(t, b, after, "%s was changed", f)
	}
	// An unwritable --out is found before the dossiers are read.
	stderr.Reset()
	code := run([]string{"index766", dossiers, "--out", filepath.Join(dir, "missing", "r.json")}, &stdout, &stderr)
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr.String(), "không tồn tại")
}

// TestRenderAndSurveyRefuseTheirInput: report render r.json --out r.json and survey s.json --out
// s.json leave their input intact.
func TestRenderAndSurveyRefuseTheirInput(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	before, err := os.ReadFile("testdata/score/report.golden.json")
	require.NoError(t, err)
	in := filepath.Join(dir, "r.json")
	require.NoError(t, os.WriteFile(in, before, 0o644))
	require.Equal(t, exitOK, run([]string{"report", "render", in, "--out", filepath.Join(dir, "r.html")}, &stdout, &stderr), stderr.String())
	assert.Equal(t, exitCantRun, run([]string{"report", "render", in, "--out", in}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "sẽ làm mất tệp đầu vào")

	survey := filepath.Join(dir, "s.json")
	require.NoError(t, os.WriteFile(survey, []byte(`{"portals":[{"unit":"A","report":"`+filepath.Base(in)+`"}]}`), 0o644))
	surveyBefore, _ := os.ReadFile(survey)
	for _, out := range []string{survey, in} {
		stderr.Reset()
		assert.Equal(t, exitCantRun, run([]string{"survey", survey, "--out", out}, &stdout, &stderr), out)
		assert.Contains(t, stderr.String(), "sẽ làm mất tệp đầu vào", out)
	}
	after, _ := os.ReadFile(in)
	assert.Equal(t, before, after, "the report is intact")
	surveyAfter, _ := os.ReadFile(survey)
	assert.Equal(t, surveyBefore, surveyAfter, "the survey file is intact")
}

// TestSurveyReportsNeverOverwrite: units whose names fold to the same file name ("UBND A!",
// "UBND A?", and "UBND A 2" which numbering used to collide with) get a report file each, and the
// survey says which file holds which unit's report.
func TestSurveyReportsNeverOverwrite(t *testing.T) {
	dir := t.TempDir()
	golden, err := os.ReadFile("testdata/score/report.golden.json")
	require.NoError(t, err)
	var portals []string
	for i, unit := range []string{"UBND A!", "UBND A 2", "UBND A?"} {
		target := fmt.Sprintf("https://dvc%d.example/", i)
		name := fmt.Sprintf("stored%d.json", i)
		body := bytes.Replace(golden, []byte(`"https://dichvucong.tinhmau.example/"`), []byte(`"`+target+`"`), 1)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), body, 0o644))
		portals = append(portals, fmt.Sprintf(`{"unit":%q,"report":%q}`, unit, name))
	}
	input := filepath.Join(dir, "portals.json")
	require.NoError(t, os.WriteFile(input, []byte(`{"portals":[`+strings.Join(portals, ",")+`]}`), 0o644))
	reports := filepath.Join(dir, "reports")
	var stdout, stderr bytes.Buffer
	run([]string{"survey", input, "--reports", reports, "--format", "json", "--quiet"}, &stdout, &stderr)
	require.Empty(t, stderr.String())
	var s struct {
		Portals []struct {
			Unit   string `json:"unit"`
			URL    string `json:"url"`
			Report string `json:"report"`
		} `json:"portals"`
	}
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &s), stdout.String())
	require.Len(t, s.Portals, 3)
	files := map[string]string{}
	for _, p := range s.Portals {
		require.NotEmpty(t, p.Report, "the survey lists %s's report file", p.Unit)
		assert.NotContains(t, files, p.Report, "%s and %s share a report file", p.Unit, files[p.Report])
		files[p.Report] = p.Unit
		b, err := os.ReadFile(filepath.Join(reports, p.Report))
		require.NoError(t, err)
		assert.Contains(t, string(b), p.URL, "%s holds %s's report", p.Report, p.Unit)
	}
	assert.Len(t, dirFiles(t, reports), 3)
}
