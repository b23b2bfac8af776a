package report

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/scoring"
)

// A report cites the bases in force on its as-of day, by their Vietnamese names in a
// Vietnamese report: after 05/04/2024, Circular 21/2023 instead of the replaced Circular
// 22/2019; before it, Circular 22/2019.
func TestReportCitesBasesInForce(t *testing.T) {
	cat := criteria.P06Technical()
	in := scoring.Findings{Catalogue: cat.ID, Target: "https://portal.example/"}
	in.Findings = append(in.Findings, scoring.Finding{Criterion: "P06-UX-10", Status: scoring.Fail, Message: "no guidance page"})
	md := func(day, lang string) string {
		d, err := time.Parse(time.DateOnly, day)
		require.NoError(t, err)
		r, err := scoring.Score(cat, in, scoring.Config{AsOf: d})
		require.NoError(t, err)
		assert.Equal(t, day, r.AsOf)
		var b bytes.Buffer
		require.NoError(t, WriteMarkdown(&b, r, Options{Lang: lang}))
		return b.String()
	}
	after := md("2025-01-01", "vi")
	assert.Contains(t, after, "Thông tư 21/2023/TT-BTTTT")
	assert.NotContains(t, after, "22/2019")
	before := md("2023-01-01", "en")
	assert.Contains(t, before, "Circular 22/2019/TT-BTTTT")
	assert.NotContains(t, before, "21/2023")
}
