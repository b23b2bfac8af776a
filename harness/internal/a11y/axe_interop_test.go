//go:build interop

package a11y

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// axeNode is one element axe-core reports.
type axeNode struct {
	Target string `json:"target"`
	HTML   string `json:"html"`
}

// elementKey identifies an element by its tag and its attributes, sorted, so that an element
// axe-core reports (by its outer HTML) can be matched with the element Audit reports.
func elementKey(n *html.Node) string {
	var attrs []string
	for _, a := range n.Attr {
		attrs = append(attrs, strings.ToLower(a.Key)+"="+a.Val)
	}
	sort.Strings(attrs)
	return n.Data + "[" + strings.Join(attrs, " ") + "]"
}

// keyOfHTML parses the outer HTML axe-core gives and returns the key of its first element.
func keyOfHTML(t *testing.T, src string) string {
	t.Helper()
	if strings.HasPrefix(strings.ToLower(src), "<html") {
		doc, err := html.Parse(strings.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		for c := doc.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				return elementKey(c)
			}
		}
	}
	nodes, err := html.ParseFragment(strings.NewReader(src), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range nodes {
		if n.Type == html.ElementNode {
			return elementKey(n)
		}
	}
	t.Fatalf("no element in axe's HTML %q", src)
	return ""
}

// TestInteropAxe runs axe-core (node, jsdom; .ci/axe) on the testdata pages, which have known
// defects, and requires Audit to report the same elements for each rule. Rules of our own (p06-*)
// have no axe counterpart and are left out; axe's duplicate-id-active and duplicate-id-aria count
// as duplicate-id.
func TestInteropAxe(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is not installed: install node 20 and run .ci/install-interop")
	}
	script, _ := filepath.Abs("../../../.ci/axe/run.js")
	if _, err := os.Stat(filepath.Join(filepath.Dir(script), "node_modules", "axe-core")); err != nil {
		t.Fatal("axe-core is not installed: run .ci/install-interop (npm install in .ci/axe)")
	}
	files, _ := filepath.Glob("testdata/*.html")
	if len(files) < 5 {
		t.Fatalf("want the testdata pages, found %v", files)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(node, append([]string{script}, files...)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("axe: %v\n%s", err, stderr.String())
	}
	var axe map[string]map[string][]axeNode
	if err := json.Unmarshal(out, &axe); err != nil {
		t.Fatalf("axe output: %v\n%s", err, out)
	}
	defects := 0
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			want := map[string][]string{}
			for rule, nodes := range axe[name] {
				if strings.HasPrefix(rule, "duplicate-id") {
					rule = "duplicate-id"
				}
				for _, n := range nodes {
					want[rule] = append(want[rule], keyOfHTML(t, n.HTML))
				}
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := html.Parse(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]string{}
			for _, v := range Audit(doc) {
				if !strings.HasPrefix(v.Rule, "p06-") {
					got[v.Rule] = append(got[v.Rule], elementKey(v.node))
				}
			}
			rules := map[string]bool{}
			for r := range want {
				rules[r] = true
			}
			for r := range got {
				rules[r] = true
			}
			for r := range rules {
				w, g := want[r], got[r]
				sort.Strings(w)
				sort.Strings(g)
				if strings.Join(w, "\n") != strings.Join(g, "\n") {
					t.Errorf("%s: Audit reports\n\t%s\naxe-core reports\n\t%s", r, strings.Join(g, "\n\t"), strings.Join(w, "\n\t"))
				}
				defects += len(w)
			}
		})
	}
	if defects < 30 {
		t.Errorf("axe-core finds only %d violations in testdata: the pages must carry known defects", defects)
	}
}
