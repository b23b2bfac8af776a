package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/scoring"
)

// A run in which nothing that scores was assessed (an unreachable portal: every check in error)
// has no score and no grade to show: its 0.0 is the mean of nothing and its grade, capped by
// critical criteria in error, rests on no verdict. Every human format says so instead of
// printing "0.0" and a grade; the JSON keeps the numbers for machines.
func TestNothingScoredShowsNoScoreOrGrade(t *testing.T) {
	r := sampleReport()
	for i := range r.Findings {
		r.Findings[i].Status = scoring.Error
	}
	r.Coverage = scoring.CoverageOf(r.Findings)
	r.Scores.Overall = 0
	for id, g := range r.Scores.Groups {
		g.Score = nil
		r.Scores.Groups[id] = g
	}
	r.Scores.Caps = []scoring.Cap{{Criterion: "T-SEC-01", Status: scoring.Error, Grade: r.Scores.Grade}}
	for _, lang := range []string{"vi", "en"} {
		w, wd := runWordsFor(lang), wordsFor(lang)
		for _, f := range []Format{Text, Markdown, HTML} {
			out := render(t, f, r, lang)
			assert.Contains(t, out, escapeFor(f, w.ScoreNone), "%s %s", f, lang)
			assert.Contains(t, out, escapeFor(f, w.NotGradedNone), "%s %s", f, lang)
			assert.NotContains(t, out, wd.CapNote, "%s %s: no cap on a grade the run does not give", f, lang)
			assert.NotContains(t, out, gradeLabel(r, lang), "%s %s", f, lang)
			assert.False(t, strings.Contains(out, "0.0 / 100") || strings.Contains(out, ">0.0<"), "%s %s shows a score of nothing", f, lang)
		}
	}
	// One scored group is enough for the score and the grade to be shown.
	r2 := sampleReport()
	for _, lang := range []string{"vi", "en"} {
		for _, f := range []Format{Text, Markdown, HTML} {
			assert.NotContains(t, render(t, f, r2, lang), escapeFor(f, runWordsFor(lang).ScoreNone), "%s %s", f, lang)
		}
	}
}

// The catalogue's advice keeps its code spans in Markdown (a configuration line reads as code,
// not as prose with escaped backticks); what a portal sent, in the message, stays escaped.
func TestMarkdownAdviceKeepsCode(t *testing.T) {
	cat := testCatalogue()
	for i := range cat.Criteria {
		if cat.Criteria[i].ID == "T-SEC-01" {
			cat.Criteria[i].Advice.EN = "Set `ssl_protocols TLSv1.2 TLSv1.3;` in nginx"
			cat.Criteria[i].Advice.VI = "Đặt `ssl_protocols TLSv1.2 TLSv1.3;` trong nginx"
		}
	}
	for _, lang := range []string{"vi", "en"} {
		var b bytes.Buffer
		require.NoError(t, Write(&b, Markdown, sampleReport(), Options{Lang: lang, Catalogue: cat}))
		assert.Contains(t, b.String(), " `ssl_protocols TLSv1.2 TLSv1.3;` ", lang)
		assert.Contains(t, b.String(), `\`+"`tick\\`", lang)
	}
}
