package report

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/scoring"
)

// htmlBrokenBudget is how large the HTML report of the broken demo portal may be, by language.
// Issue 16 asked for at most half of the 181 KB it was when filed (90.5 KB); it measured 89.7 KB
// (vi) and 84.9 KB (en) when it got there (evidence and reasons said once, grouped per-page
// details, quotes and optional end tags left to the parser, less markup per finding). The budget
// is that half for Vietnamese, the longer of the two, and about 2% above its measure for English.
// A page above it has grown for a reason someone should look at.
var htmlBrokenBudget = map[string]int{"vi": 90_500, "en": 86_500}

// The broken demo portal's HTML report (rendered from a fixed copy of its JSON report, written by
// `p06 demo`) stays within its budget, and not by leaving out what a reader needs: every failed
// or unassessable finding is there, open, with its advice and the link to its criterion page.
func TestHTMLBrokenPortalSize(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "broken.json"))
	require.NoError(t, err)
	r, err := ReadJSON(bytes.NewReader(raw))
	require.NoError(t, err)
	// The built-in catalogue whatever its version: a report whose catalogue is not found would
	// render without titles or advice, and fit any budget.
	cat, err := criteria.Builtin(r.Catalogue.ID)
	require.NoError(t, err)
	for lang, budget := range htmlBrokenBudget {
		var b bytes.Buffer
		require.NoError(t, WriteHTML(&b, r, Options{Lang: lang, Catalogue: cat, Version: "test"}))
		out := b.String()
		t.Logf("%s: %d bytes (budget %d)", lang, b.Len(), budget)
		assert.LessOrEqual(t, b.Len(), budget, "%s: the broken portal's HTML report grew past its budget", lang)
		var open int
		for _, f := range r.Findings {
			if f.Status != scoring.Fail && f.Status != scoring.Error {
				continue
			}
			open++
			c, ok := cat.Criterion(f.Criterion)
			require.True(t, ok, f.Criterion)
			i := strings.Index(out, `<details open id="`+f.Criterion+`">`)
			if !assert.GreaterOrEqual(t, i, 0, "%s: %s is shown open", lang, f.Criterion) {
				continue
			}
			finding := out[i : i+strings.Index(out[i:], "</details>")]
			assert.Contains(t, html.UnescapeString(finding), c.Advice.In(lang), "%s: %s keeps its advice", lang, f.Criterion)
			assert.Contains(t, finding, `<a href="`+CriterionDocURL(f.Criterion)+`">`, "%s: %s links its criterion page", lang, f.Criterion)
		}
		assert.Greater(t, open, 30, "the fixture is the broken portal's report")
		// Every link within the page has its target (evidence, criteria, groups, reasons).
		for _, m := range regexp.MustCompile(`href="#([^"]+)"`).FindAllStringSubmatch(out, -1) {
			assert.Contains(t, out, ` id="`+m[1]+`"`, "%s: the page links #%s", lang, m[1])
		}
	}
}
