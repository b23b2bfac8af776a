package service

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/internal/checktest"
)

func mustParse(t *testing.T, s string) *html.Node {
	t.Helper()
	return checktest.HTML(t, s)
}

func FuzzPageFee(f *testing.F) {
	for _, s := range []string{`<h2>Phí</h2><p>1 đồng</p>`, `<td>Lệ phí</td>`, `<b>phí</b>`, `<h1>Lệ phí</h1><h2>x</h2>`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := html.Parse(strings.NewReader(s))
		if err != nil {
			return
		}
		if fee, known := pageFee(doc); fee && !known {
			t.Errorf("fee without a fee label in %q", s)
		}
		labels(doc)
	})
}
