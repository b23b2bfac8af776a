package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A portal whose home page could not be read counts with the portals not reached and has no
// grade in any survey format; its note says which of the two it was.
func TestSurveyUnreadableCountsAsNotReached(t *testing.T) {
	cat, entries := surveyFixture(t)
	i := 0 // the best portal, so that a grade would show if it were given
	entries[i].Unreadable = true
	entries[i].Err = errors.New("the portal's home page could not be read: untrusted certificate")
	s, err := NewSurvey(cat, entries)
	require.NoError(t, err)
	assert.Equal(t, 2, s.Unreachable, "the unreachable portal and the unreadable one")
	assert.Zero(t, s.Incomplete)
	var p SurveyPortal
	for _, q := range s.Portals {
		if q.Unit == entries[i].Unit {
			p = q
		}
	}
	assert.True(t, p.Unreachable)
	assert.True(t, p.Unreadable)
	for _, lang := range []string{"vi", "en"} {
		w := surveyWordsVI
		if lang == "en" {
			w = surveyWordsEN
		}
		for name, write := range map[string]func(*bytes.Buffer) error{
			"text": func(b *bytes.Buffer) error { return WriteSurveyText(b, s, Options{Lang: lang, Catalogue: cat}) },
			"md":   func(b *bytes.Buffer) error { return WriteSurveyMarkdown(b, s, Options{Lang: lang, Catalogue: cat}) },
			"html": func(b *bytes.Buffer) error { return WriteSurveyHTML(b, s, Options{Lang: lang, Catalogue: cat}) },
		} {
			var b bytes.Buffer
			require.NoError(t, write(&b), name)
			out := b.String()
			assert.Contains(t, out, w.Unreadable1, "%s %s", name, lang)
			// The unit's ranking line shows no grade.
			line := ""
			for _, l := range strings.Split(out, "\n") {
				if strings.Contains(l, entries[i].Unit) && strings.Contains(l, w.Unreadable1) {
					line = l
				}
			}
			require.NotEmpty(t, line, "%s %s: ranking line", name, lang)
			assert.Contains(t, line, "—", "%s %s", name, lang)
			for _, grade := range []string{"Xuất sắc", "Excellent", "Tốt", "Good"} {
				assert.NotContains(t, line, grade, "%s %s", name, lang)
			}
		}
	}
}
