package a11y

import (
	"bytes"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/internal/checktest"
)

// TestTestdata pins the violations of the testdata pages: the counts axe-core 4.14 reports for
// them (TestInteropAxe compares with axe itself), plus our p06- rules.
func TestTestdata(t *testing.T) {
	want := map[string]string{
		"clean.html":        "",
		"edge-cases-2.html": "aria-command-name:1 button-name:1 heading-order:1 label:2 link-name:1 p06-heading-h1:1 select-name:1",
		"edge-cases.html":   "aria-command-name:1 button-name:1 heading-order:2 image-alt:2 input-button-name:1 label:5 link-name:3 p06-label-not-placeholder:2",
		"forms.html":        "button-name:2 input-button-name:2 label:5 p06-label-not-placeholder:2 select-name:1",
		"images.html":       "area-alt:1 image-alt:2 input-image-alt:1 role-img-alt:1 svg-img-alt:1",
		"lang-title.html":   "document-title:1 heading-order:2 html-lang-valid:1",
		"links-ids.html":    "duplicate-id:2 link-name:3",
		"no-lang.html":      "document-title:1 html-has-lang:1",
	}
	for file, w := range want {
		t.Run(file, func(t *testing.T) {
			doc := checktest.HTMLFile(t, "testdata/"+file)
			n := map[string]int{}
			for _, v := range Audit(doc) {
				n[v.Rule]++
			}
			var got []string
			for r, c := range n {
				got = append(got, fmt.Sprintf("%s:%d", r, c))
			}
			sort.Strings(got)
			if g := strings.Join(got, " "); g != w {
				t.Errorf("violations %q, want %q", g, w)
			}
		})
	}
}

func BenchmarkAudit(b *testing.B) {
	src, err := os.ReadFile("testdata/forms.html")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(bytes.Repeat(src, 20)))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Audit(doc)
	}
}
