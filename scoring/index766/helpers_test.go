package index766_test

import (
	"os"
	"testing"

	"github.com/p06kit/p06kit/criteria"
)

// fixtureCatalogue loads testdata/qd766-fixture.json: the qd766 IDs, groups, points and
// thresholds the package is built against, so the tests do not move when the built-in
// catalogue's wording does (TestFixtureMatchesBuiltin keeps the two in step).
func fixtureCatalogue(tb testing.TB) *criteria.Catalogue {
	tb.Helper()
	f, err := os.Open("testdata/qd766-fixture.json")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	c, err := criteria.Load(f)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}
