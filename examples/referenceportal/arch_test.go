package referenceportal_test

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

// imports returns the import paths of one Go file.
func imports(t *testing.T, path string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
	if err != nil {
		t.Fatalf("parsing %s: %v", path, err)
	}
	var out []string
	for _, im := range f.Imports {
		p, err := strconv.Unquote(im.Path.Value)
		if err != nil {
			t.Fatalf("%s: import %s: %v", path, im.Path.Value, err)
		}
		out = append(out, p)
	}
	return out
}

func internalPath(p string) bool {
	return p == "internal" || strings.HasPrefix(p, "internal/") || strings.Contains(p, "/internal/") || strings.HasSuffix(p, "/internal")
}

// TestPortalImportsNoInternalPackage: vendors are told to copy this portal, and a copy outside
// the module cannot import an internal package. Its own code (not its tests) imports none, and
// only the demo wiring (env.go) imports the fakes of the national SSO and the PKI: the portal
// reaches them through its configuration (issuer URL, signer), as it reaches the real ones.
func TestPortalImportsNoInternalPackage(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		n++
		for _, p := range imports(t, name) {
			if internalPath(p) {
				t.Errorf("%s imports %s, an internal package a vendor's copy could not import", name, p)
			}
			if name != "env.go" && (strings.HasSuffix(p, "/harness/ssotest") || strings.HasSuffix(p, "/harness/signtest")) {
				t.Errorf("%s imports the fake %s; only env.go (the demo wiring) may", name, p)
			}
		}
	}
	if n < 5 {
		t.Fatalf("found only %d non-test Go files; is the test running in the package directory?", n)
	}
}

// TestOnlyThePortalImportsTheOIDCLibraries: the root module requires go-oidc and x/oauth2 for
// this portal alone (the demo runs it); no other package of the module may come to depend on
// them. Nested modules (their own go.mod, such as examples/oidcvendor) are theirs to choose.
func TestOnlyThePortalImportsTheOIDCLibraries(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found at %s: %v", root, err)
	}
	self, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path == root {
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "node_modules" {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir // a nested module
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		seen++
		if filepath.Dir(path) == self {
			return nil
		}
		for _, p := range imports(t, path) {
			if strings.HasPrefix(p, "github.com/coreos/go-oidc/") || p == "golang.org/x/oauth2" || strings.HasPrefix(p, "golang.org/x/oauth2/") {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s imports %s; in the root module only examples/referenceportal may", rel, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 100 {
		t.Fatalf("walked only %d Go files under %s", seen, root)
	}
}
