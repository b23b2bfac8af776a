//go:build interop

// Package interoptest is the set-up the interop tests share (built, as they are, with the interop
// tag): finding the programs they compare p06 with (openssl, node, Chromium and the npm tools .ci installs:
// axe-core, the HTTP Observatory, DuckDB), running them, and appending comparison tables to the results
// file .ci/run collects. A program that is missing fails the test, saying how to install it: an
// interop test that skips would report agreement it never checked.
package interoptest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Program returns the path of the program name, or else of the first of alternatives found (other
// names or absolute paths), or fails the test saying how to install it (install: "apt-get install
// openssl", "run .ci/install-interop"...).
func Program(t testing.TB, install, name string, alternatives ...string) string {
	t.Helper()
	for _, n := range append([]string{name}, alternatives...) {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	t.Fatalf("%s is not installed: %s", name, install)
	return ""
}

// Chromium returns the browser the interop tests drive: $P06_CHROMIUM when set, else the first
// of the usual names on PATH (as p06 scan --render looks), or fails the test.
func Chromium(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("P06_CHROMIUM"); p != "" {
		return Program(t, "$P06_CHROMIUM names no program: name one that is installed, or unset it", p)
	}
	return Program(t, "apt-get install chromium (.ci/install-interop installs it), or name it with $P06_CHROMIUM",
		"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell")
}

// Repo returns the absolute path of the repository file or folder rel (slash-separated, from the
// repository's root, found as the nearest folder above the test's with a go.mod naming this
// module).
func Repo(t testing.TB, rel string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if b, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && bytes.HasPrefix(b, []byte("module github.com/p06kit/p06kit\n")) {
			return filepath.Join(dir, filepath.FromSlash(rel))
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatalf("no go.mod of github.com/p06kit/p06kit above the test's folder")
		}
		dir = up
	}
}

// NodeTool returns node and the absolute path of the script .ci/<tool>/<script>, failing the test
// when node, or the npm package module .ci/install-interop installs under .ci/<tool>, is missing.
func NodeTool(t testing.TB, tool, script, module string) (node, path string) {
	t.Helper()
	node = Program(t, "install Node.js 20+ (Debian: apt-get install nodejs npm) and run .ci/install-interop", "node", "nodejs")
	dir := Repo(t, ".ci/"+tool)
	if _, err := os.Stat(filepath.Join(dir, "node_modules", filepath.FromSlash(module))); err != nil {
		t.Fatalf("%s is not installed: run .ci/install-interop (npm install --ignore-scripts --prefix .ci/%s)", module, tool)
	}
	return node, filepath.Join(dir, script)
}

// Output runs cmd with stdin (when not nil) and returns its standard output, failing the test
// with its standard error when it fails.
func Output(t testing.TB, cmd *exec.Cmd, stdin []byte) []byte {
	t.Helper()
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s\n%s", filepath.Base(cmd.Path), err, out, stderr.Bytes())
	}
	return out
}

// Axe runs axe-core (.ci/axe/run.js under jsdom) on HTML files with the given arguments before
// them (such as "--rules", "meta-viewport") and decodes its report, by file name and rule, into v.
func Axe(t testing.TB, v any, args []string, files ...string) {
	t.Helper()
	node, script := NodeTool(t, "axe", "run.js", "axe-core")
	out := Output(t, exec.Command(node, append(append([]string{script}, args...), files...)...), nil)
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatalf("axe output: %v\n%s", err, out)
	}
}

// ObservatoryVerdict is the HTTP Observatory's verdict on one of its tests.
type ObservatoryVerdict struct {
	Pass   bool   `json:"pass"`
	Result string `json:"result"`
}

// ObservatoryCase is one response the Observatory's test functions judge.
type ObservatoryCase struct {
	URL     string              `json:"url"`
	Headers map[string][]string `json:"headers"`
	HTML    string              `json:"html"`
}

// JudgeWithObservatory runs the HTTP Observatory's own test functions
// (.ci/observatory/judge-headers.mjs) on each case and returns their verdicts by test name, one
// map per case, in order.
func JudgeWithObservatory(t testing.TB, cases []ObservatoryCase) []map[string]ObservatoryVerdict {
	t.Helper()
	node, script := NodeTool(t, "observatory", "judge-headers.mjs", "@mdn/mdn-http-observatory")
	var in bytes.Buffer
	for _, c := range cases {
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		in.Write(append(b, '\n'))
	}
	out := Output(t, exec.Command(node, script), in.Bytes())
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var verdicts []map[string]ObservatoryVerdict
	for sc.Scan() {
		if len(verdicts) == len(cases) {
			t.Fatalf("judge-headers.mjs: more answers than the %d cases: %s", len(cases), sc.Text())
		}
		var v map[string]ObservatoryVerdict
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("judge-headers.mjs: case %d: %v in %s", len(verdicts)+1, err, sc.Text())
		}
		verdicts = append(verdicts, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("judge-headers.mjs: %v", err)
	}
	if len(verdicts) != len(cases) {
		t.Fatalf("judge-headers.mjs: %d answers for %d cases", len(verdicts), len(cases))
	}
	return verdicts
}

// Results appends a Markdown section to the file named by P06_INTEROP_RESULTS, when set: .ci/run
// collects these into .ci/interop-results.md.
func Results(t testing.TB, section string) {
	t.Helper()
	path := os.Getenv("P06_INTEROP_RESULTS")
	if path == "" {
		return
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.WriteString(section + "\n")
	if err = errors.Join(err, f.Close()); err != nil {
		t.Fatal(err)
	}
}

// PassFail names a verdict in a results table.
func PassFail(pass bool) string {
	if pass {
		return "pass"
	}
	return "fail"
}
