package harness_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/stretchr/testify/assert"
)

// Every message of the catalogue, rendered in Vietnamese, reads as Vietnamese (no English
// function word outside code spans and URLs), and rendered in English has no Vietnamese letter.
// The harness links every built-in check, so msg.All holds every family's table.
func TestMessagesReadInTheirLanguage(t *testing.T) {
	all := msg.All()
	assert.NotEmpty(t, all)
	for _, m := range all {
		if strings.HasPrefix(m.ID(), "msgtest.") {
			continue
		}
		vi := m.Sample(msg.VI)
		assert.Empty(t, msg.EnglishWords(vi), "%s in Vietnamese: %s", m.ID(), vi)
		en := m.Sample(msg.EN)
		assert.False(t, strings.ContainsFunc(en, isVietnameseLetter), "%s in English has Vietnamese letters: %s", m.ID(), en)
	}
}

func isVietnameseLetter(r rune) bool {
	return unicode.IsLetter(r) && r > unicode.MaxASCII && strings.ContainsRune(
		"àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ"+
			"ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ", r)
}

// inlineVI is a Vietnamese message written beside its English one in a check, instead of in the
// family's table (package msg): Result.VI, MessageVI, or a parallel helper or variable (whatVI,
// describeVI, linesVI).
var inlineVI = regexp.MustCompile(`\.VI\(|[a-z]VI\b`)

// englishProse is a string literal holding two lower-case words in a row: prose, not data such
// as a header value ("X-Frame-Options DENY"), a parameter ("acr_values=") or a request line.
var englishProse = regexp.MustCompile(`[a-z]{2,}[ ,;:]+[a-z]{2,}`)

// proseNotes returns the positions in file path where an evidence note (a Note field in a
// composite literal, or an assignment to .Note) is built from an English string literal: notes
// are rendered from the catalogue with scoring.Evidence.Noted, so that a Vietnamese report
// shows them in Vietnamese.
func proseNotes(t *testing.T, path string, src []byte) []string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	prose := func(e ast.Expr) {
		ast.Inspect(e, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && englishProse.MatchString(lit.Value) {
				out = append(out, fmt.Sprintf("%s: %s", fset.Position(lit.Pos()), lit.Value))
			}
			return true
		})
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Note" {
				prose(n.Value)
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if sel, ok := l.(*ast.SelectorExpr); ok && sel.Sel.Name == "Note" && i < len(n.Rhs) {
					prose(n.Rhs[i])
				}
			}
		}
		return true
	})
	return out
}

// The checks say what they saw through the catalogue: no inline Vietnamese pairs in the check
// families, and no evidence note written as English prose.
func TestChecksUseTheCatalogue(t *testing.T) {
	families, err := os.ReadDir("internal")
	if err != nil {
		t.Fatal(err)
	}
	for _, fam := range families {
		if !fam.IsDir() || fam.Name() == "checktest" { // checktest asserts messages, it says none
			continue
		}
		var found []string
		for _, path := range goFiles(t, filepath.Join("internal", fam.Name())) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if inlineVI.Match(src) {
				found = append(found, path)
			}
			for _, at := range proseNotes(t, path, src) {
				t.Errorf("%s: an evidence note in English prose; declare it in the family's messages.go and use scoring.Evidence{…}.Noted(message, values)", at)
			}
		}
		if len(found) > 0 {
			t.Errorf("%s writes Vietnamese messages inline; declare them in the family's messages.go with msg.New and return check.Pass/Fail/…(message, values): %v", fam.Name(), found)
		}
	}
}

// The engine's own messages (the harness package) are in the catalogue too: it builds no result
// with an inline Vietnamese message.
func TestEngineUsesTheCatalogue(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	built := regexp.MustCompile(`\.VI\(|MessageVI:|labelsVI`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		assert.False(t, built.Match(src), "%s builds a Vietnamese message inline", f)
	}
}

// A message declared inside a function is declared again each time the function runs (go test
// -count=2 runs every test twice) and msg.New panics on the second: messages are declared at
// package level, in tests too.
func TestMessagesDeclaredAtPackageLevel(t *testing.T) {
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".") && d.Name() != "..") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "New" {
					if id, ok := sel.X.(*ast.Ident); ok && id.Name == "msg" {
						t.Errorf("%s: %s declares a message inside a function; declare it at package level", path, fn.Name.Name)
					}
				}
				return true
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
