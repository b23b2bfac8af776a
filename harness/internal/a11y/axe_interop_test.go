//go:build interop

package a11y

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/p06kit/p06kit/harness/internal/checktest"
	"github.com/p06kit/p06kit/internal/interoptest"
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
	files, _ := filepath.Glob("testdata/*.html")
	if len(files) < 5 {
		t.Fatalf("want the testdata pages, found %v", files)
	}
	var axe map[string]map[string][]axeNode
	interoptest.Axe(t, &axe, nil, files...)
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
			doc := checktest.HTMLFile(t, f)
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
