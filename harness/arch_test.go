package harness_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// goFiles returns the non-test Go files under dir, relative to this package's directory.
func goFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			out = append(out, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("no Go files under %s", dir)
	}
	return out
}

// TestNoSessionMaps: per-session state lives in Session.Memo, not in package-level maps keyed
// by weak pointers to sessions that a cleanup has to empty.
func TestNoSessionMaps(t *testing.T) {
	for _, path := range goFiles(t, ".") {
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == "weak" {
				t.Errorf("%s imports weak: keep per-session state in Session.Memo", path)
			}
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(src), "runtime.AddCleanup") {
			t.Errorf("%s calls runtime.AddCleanup: keep per-session state in Session.Memo", path)
		}
	}
}

// TestCheckIsASmallContract: package check is what a check author compiles — the contract
// between the engine and the checks — so it stays small, and neither it nor anything it imports
// from this module is a fake of the national services (ssotest, popdbtest, signtest): the
// machinery behind a session lives in harness/internal/probe, discover and login.
func TestCheckIsASmallContract(t *testing.T) {
	const maxLines = 1500
	lines := 0
	for _, path := range goFiles(t, "check") {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines += strings.Count(string(src), "\n")
	}
	if lines > maxLines {
		t.Errorf("harness/check has %d lines of non-test Go, more than %d: move machinery behind check.Backend", lines, maxLines)
	}
	const module = "github.com/p06kit/p06kit/"
	fakes := map[string]bool{module + "harness/ssotest": true, module + "harness/popdbtest": true, module + "harness/signtest": true}
	// Walk the module-local imports of check, transitively, reading the files with go/parser.
	seen := map[string]string{module + "harness/check": ""}
	queue := []string{module + "harness/check"}
	for len(queue) > 0 {
		pkg := queue[0]
		queue = queue[1:]
		for _, path := range goFiles(t, filepath.Join("..", strings.TrimPrefix(pkg, module))) {
			if filepath.Dir(path) != filepath.Join("..", strings.TrimPrefix(pkg, module)) {
				continue // a subpackage, not this package's file
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if !strings.HasPrefix(p, module) {
					continue
				}
				if fakes[p] {
					t.Errorf("harness/check imports the fake %s (via %s, %s): reach fakes through the interfaces of check.Target", p, pkg, path)
				}
				if _, ok := seen[p]; !ok {
					seen[p] = pkg
					queue = append(queue, p)
				}
			}
		}
	}
	if len(seen) < 2 {
		t.Errorf("found no imports of harness/check: is the walk reading the right files?")
	}
}
