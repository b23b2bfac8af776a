package leakage

import (
	"testing"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/internal/checktest"
)

func parse(t testing.TB, s string) *html.Node {
	t.Helper()
	return checktest.HTML(t, s)
}
