package probe

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func parseHTML(s string) (*html.Node, error) { return html.Parse(strings.NewReader(s)) }

func mustParse(t *testing.T, s string) *html.Node {
	t.Helper()
	n, err := parseHTML(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
