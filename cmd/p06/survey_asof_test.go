package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/scoring"
)

// surveyAsOfFixture writes two stored reports in which every criterion passes (attested where
// attested), scored as of 2026-06-01, and returns the directory.
func surveyAsOfFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	cat := criteria.P06Technical()
	for _, target := range []string{"https://a.example/", "https://b.example/"} {
		in := scoring.Findings{Catalogue: cat.ID, Target: target}
		for _, c := range cat.Criteria {
			st := scoring.Pass
			if c.Method == criteria.Attested {
				st = scoring.Attested
			}
			in.Findings = append(in.Findings, scoring.Finding{Criterion: c.ID, Status: st})
		}
		r, err := scoring.Score(cat, in, scoring.Config{AsOf: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, report.WriteJSON(&b, r))
		name := strings.TrimSuffix(strings.TrimPrefix(target, "https://"), ".example/") + ".json"
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o600))
	}
	return dir
}

// mandatoryInForce counts the mandatory criteria of p06-technical in force on day and in scope
// for level (every scope when level is empty): what a unit passing everything has applicable.
func mandatoryInForce(day time.Time, level criteria.Scope) int {
	n := 0
	for _, c := range criteria.P06Technical().Criteria {
		if c.Level == criteria.Mandatory && c.InForce(day) && (level == "" || len(c.Scope) == 0 || slices.Contains(c.Scope, level)) {
			n++
		}
	}
	return n
}

func TestSurveyAsOf(t *testing.T) {
	dir := surveyAsOfFixture(t)
	input := filepath.Join(dir, "in.json")
	require.NoError(t, os.WriteFile(input, []byte(`{"portals":[{"unit":"Bộ A","level":"ministry","report":"a.json"},{"unit":"UBND xã B","level":"commune","report":"b.json"}]}`), 0o600))
	day := time.Date(2023, 3, 31, 0, 0, 0, 0, time.UTC)

	code, stdout, stderr := surveyRun(input, "--as-of", "2023-03-31", "--format", "json", "--quiet")
	require.Equal(t, exitOK, code, stderr)
	s, err := report.ReadSurveyJSON(strings.NewReader(stdout))
	require.NoError(t, err)
	sv := s.Survey
	assert.Equal(t, "2023-03-31", sv.AsOf)
	// The stored reports were scored as of 2026-06-01; as of 2023-03-31 the criteria that took
	// force later do not count, and the commune leaves out the criteria outside its scope.
	ministry, commune := mandatoryInForce(day, criteria.Ministry), mandatoryInForce(day, criteria.Commune)
	require.Less(t, ministry, mandatoryInForce(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), criteria.Ministry), "some criteria took force after 2023-03-31")
	require.Less(t, commune, ministry, "some criteria are outside a commune's scope")
	assert.Equal(t, ministry+commune, sv.Applicable)
	assert.Equal(t, ministry+commune, sv.Met)
	require.Len(t, sv.Levels, 2)
	assert.Equal(t, scoring.LevelRate{Level: "ministry", Figures: scoring.Figures{Portals: 1, Met: ministry, Applicable: ministry, Rate: 1, FullyCompliant: 1,
		FullyCompliantShare: 1, MeanOverall: sv.Levels[0].MeanOverall}}, sv.Levels[0])
	assert.Equal(t, "commune", sv.Levels[1].Level)
	assert.Equal(t, commune, sv.Levels[1].Applicable)
	for _, c := range sv.Criteria {
		if c.Criterion == "P06-SVC-06" { // in force from 2023-07-01
			assert.Zero(t, c.Applicable, "P06-SVC-06 is not in force on 2023-03-31")
		}
	}

	// The text and Markdown forms state the day and the levels, in both languages.
	_, text, _ := surveyRun(input, "--as-of", "2023-03-31", "--quiet", "--lang", "en")
	assert.Contains(t, text, "As of: 2023-03-31 (criteria not in force that day do not count)")
	assert.Contains(t, text, "By level of government")
	assert.Contains(t, text, "Ministries and ministry-level bodies")
	assert.Contains(t, text, "By dimension of the 2023 survey")
	assert.Contains(t, text, "The 2023 survey's three weak groups")
	require.Len(t, sv.Dimensions, 5)
	require.Len(t, sv.WeakGroups, 3)
	_, md, _ := surveyRun(input, "--as-of", "2023-03-31", "--quiet", "--format", "md")
	assert.Contains(t, md, "Tính đến ngày: 2023-03-31")
	assert.Contains(t, md, "### Theo cấp")
	assert.Contains(t, md, "### Ba nhóm yếu của khảo sát năm 2023")
	_, html, _ := surveyRun(input, "--as-of", "2023-03-31", "--quiet", "--format", "html")
	assert.Contains(t, html, `id="levels"`)
	assert.Contains(t, html, "Tính đến ngày: 2023-03-31")

	// Later, the same findings count in full, and a day without a flag is today's.
	code, stdout, stderr = surveyRun(input, "--as-of", "2026-06-01", "--format", "json", "--quiet")
	require.Equal(t, exitOK, code, stderr)
	s, err = report.ReadSurveyJSON(strings.NewReader(stdout))
	require.NoError(t, err)
	assert.Equal(t, mandatoryInForce(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), criteria.Ministry)+
		mandatoryInForce(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), criteria.Commune), s.Survey.Applicable)
	before := time.Now().UTC().Format(time.DateOnly)
	code, stdout, stderr = surveyRun(input, "--format", "json", "--quiet")
	after := time.Now().UTC().Format(time.DateOnly)
	require.Equal(t, exitOK, code, stderr)
	s, err = report.ReadSurveyJSON(strings.NewReader(stdout))
	require.NoError(t, err)
	assert.Contains(t, []string{before, after}, s.Survey.AsOf, "the default is the run's day")

	// With --reports, the reports written are the ones the survey counted.
	out := filepath.Join(dir, "reports")
	code, _, stderr = surveyRun(input, "--as-of", "2023-03-31", "--quiet", "--reports", out, "--format", "json")
	require.Equal(t, exitOK, code, stderr)
	b, err := os.ReadFile(filepath.Join(out, "ubnd-xa-b.json"))
	require.NoError(t, err)
	r, err := report.ReadJSON(bytes.NewReader(b))
	require.NoError(t, err)
	assert.Equal(t, "2023-03-31", r.AsOf)
	assert.Equal(t, criteria.Commune, r.Level)
	assert.Equal(t, commune, r.Scores.Compliance.Applicable)
}

func TestSurveyAsOfAndLevelErrors(t *testing.T) {
	dir := surveyAsOfFixture(t)
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o600))
		return p
	}
	good := write("good.json", `{"portals":[{"unit":"A","report":"a.json"}]}`)
	for _, bad := range []string{"2023-02-30", "31/03/2023", "yesterday"} {
		code, _, stderr := surveyRun(good, "--as-of", bad)
		assert.Equal(t, exitCantRun, code)
		assert.Contains(t, stderr, "--as-of: \""+bad+"\" is not a date YYYY-MM-DD")
	}
	code, _, stderr := surveyRun(write("lv.json", `{"portals":[{"unit":"A","level":"district","report":"a.json"}]}`))
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr, "$.portals[0].level")
	code, _, stderr = surveyRun(write("lv.csv", "url,unit,level,report\nhttps://a.example/,A,huyện,a.json\n"))
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr, `dòng 2 (A): level: "huyện": cần ministry, province hoặc commune`)
	code, stdout, stderr := surveyRun(write("ok.csv", "url;unit;level;report\nhttps://a.example/;A;Province;a.json\n"), "--format", "json", "--quiet", "--as-of", "2024-01-01")
	require.Equal(t, exitOK, code, stderr)
	s, err := report.ReadSurveyJSON(strings.NewReader(stdout))
	require.NoError(t, err)
	require.Len(t, s.Survey.Levels, 1)
	assert.Equal(t, "province", s.Survey.Levels[0].Level)
}

func TestSurveyAsOfDay(t *testing.T) {
	now := time.Date(2026, 12, 7, 23, 30, 0, 0, time.FixedZone("ICT", -7*3600))
	d, err := surveyAsOfDay("", now)
	require.NoError(t, err)
	assert.Equal(t, time.Date(2026, 12, 8, 0, 0, 0, 0, time.UTC), d, "the default is today in UTC")
	d, err = surveyAsOfDay(" 2023-03-31 ", now)
	require.NoError(t, err)
	assert.Equal(t, time.Date(2023, 3, 31, 0, 0, 0, 0, time.UTC), d)
}
