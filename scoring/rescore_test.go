package scoring_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/scoring"
)

// rescoreFindings gives every criterion of cat a random input status (attested only where the
// method allows it) and a message.
func rescoreFindings(cat *criteria.Catalogue, rng *rand.Rand) scoring.Findings {
	in := scoring.Findings{Catalogue: cat.ID, Target: "https://portal.example/"}
	statuses := []scoring.Status{scoring.Pass, scoring.Fail, scoring.Error, scoring.NotTested, scoring.NotApplicable}
	for _, c := range cat.Criteria {
		st := statuses[rng.IntN(len(statuses))]
		if c.Method == criteria.Attested && rng.IntN(2) == 0 {
			st = scoring.Attested
		}
		in.Findings = append(in.Findings, scoring.Finding{Criterion: c.ID, Status: st, Message: "seen (with a dot. and a paren)"})
	}
	return in
}

// Rescoring a report under another day, level or waivers gives exactly what scoring the
// original findings under them gives, whatever the first scoring set aside.
func TestRescoreEqualsScoringTheFindings(t *testing.T) {
	cat := criteria.P06Technical()
	days := []time.Time{{}, time.Date(2022, 5, 1, 0, 0, 0, 0, time.UTC), time.Date(2023, 3, 31, 0, 0, 0, 0, time.UTC), asOf}
	levels := []criteria.Scope{"", criteria.Ministry, criteria.Province, criteria.Commune}
	for seed := uint64(1); seed <= 40; seed++ {
		rng := rand.New(rand.NewPCG(seed, 15))
		in := rescoreFindings(cat, rng)
		c := cat.Criteria[rng.IntN(len(cat.Criteria))]
		waivers := []scoring.Waiver{{Criterion: c.ID, Reason: "migrating (phase 2)", ApprovedBy: "Sở TT&TT: A. (director)", Expires: "2023-12-31"}}
		first := scoring.Config{AsOf: days[1+rng.IntN(3)], Level: levels[rng.IntN(4)], Waivers: waivers}
		r, err := scoring.Score(cat, in, first)
		require.NoError(t, err)
		second := scoring.Config{AsOf: days[1+rng.IntN(3)], Level: levels[rng.IntN(4)], Bands: &scoring.Decision473}
		got, err := scoring.Rescore(cat, r, second)
		require.NoError(t, err, "seed %d", seed)
		// The waivers the report lists (a waiver of a criterion that was not_applicable is
		// listed nowhere, so it cannot be judged again).
		second.Waivers = append(append([]scoring.Waiver(nil), r.Waivers.Applied...), r.Waivers.Stale...)
		want, err := scoring.Score(cat, in, second)
		require.NoError(t, err)
		assert.Equal(t, want, got, "seed %d: %+v then %+v", seed, first, second)
	}
}

func TestRescoreKeepsWhatTheAssessmentRecorded(t *testing.T) {
	cat := criteria.P06Technical()
	r, err := scoring.Score(cat, scoring.Findings{Catalogue: cat.ID, Target: "https://p.example/"}, scoring.Config{AsOf: asOf})
	require.NoError(t, err)
	r.StartedAt, r.DurationMS = "2026-11-27T08:00:00Z", 1234
	r.Traffic = &scoring.Traffic{Requests: 7}
	r.Discovery = map[string]string{"login": "discovered"}
	r.Partial = &scoring.Partial{Selected: []string{"security"}, Criteria: []string{"P06-SEC-01"}}
	got, err := scoring.Rescore(cat, r, scoring.Config{AsOf: time.Date(2023, 3, 31, 0, 0, 0, 0, time.UTC), Level: criteria.Province})
	require.NoError(t, err)
	assert.Equal(t, r.StartedAt, got.StartedAt)
	assert.Equal(t, r.DurationMS, got.DurationMS)
	assert.Equal(t, r.Traffic, got.Traffic)
	assert.Equal(t, r.Discovery, got.Discovery)
	assert.Equal(t, r.Partial, got.Partial)
	assert.Equal(t, "2023-03-31", got.AsOf)
	assert.Equal(t, criteria.Province, got.Level)
}

// A message in Score's form whose status cannot be read back is not_tested, never
// not_applicable: an unknown status must not leave the denominators.
func TestRescoreUnreadableIsNotTested(t *testing.T) {
	cat := criteria.P06Technical()
	r, err := scoring.Score(cat, scoring.Findings{Catalogue: cat.ID, Target: "https://p.example/", Findings: []scoring.Finding{
		{Criterion: "P06-SEC-01", Status: scoring.NotApplicable, Message: "not in force on 2020-01-01 (garbled"},
		{Criterion: "P06-SEC-02", Status: scoring.NotApplicable, Message: "not in scope for a commune unit (scope: ministry); was maybe. x"},
		{Criterion: "P06-SEC-03", Status: scoring.NotApplicable, Message: "no login form: nothing to protect"},
	}}, scoring.Config{})
	require.NoError(t, err)
	got, err := scoring.Rescore(cat, r, scoring.Config{AsOf: asOf})
	require.NoError(t, err)
	assert.Equal(t, scoring.NotTested, find(got, "P06-SEC-01").Status)
	assert.Contains(t, find(got, "P06-SEC-01").Message, "status before unknown")
	assert.Equal(t, scoring.NotTested, find(got, "P06-SEC-02").Status)
	assert.Equal(t, scoring.NotApplicable, find(got, "P06-SEC-03").Status, "a check's own not_applicable stays")
	assert.Equal(t, "no login form: nothing to protect", find(got, "P06-SEC-03").Message)

	_, err = scoring.Rescore(cat, nil, scoring.Config{})
	require.Error(t, err)
}

func TestAggregateLevelsAndAsOf(t *testing.T) {
	cat := criteria.P06Technical()
	day := time.Date(2023, 3, 31, 0, 0, 0, 0, time.UTC)
	score := func(target string, level criteria.Scope, pass bool, day time.Time) *scoring.Report {
		in := scoring.Findings{Catalogue: cat.ID, Target: target}
		for _, c := range cat.Criteria {
			st := scoring.Fail
			if pass {
				st = scoring.Pass
				if c.Method == criteria.Attested {
					st = scoring.Attested
				}
			}
			in.Findings = append(in.Findings, scoring.Finding{Criterion: c.ID, Status: st})
		}
		r, err := scoring.Score(cat, in, scoring.Config{AsOf: day, Level: level})
		require.NoError(t, err)
		return r
	}
	m1, m2 := score("https://m1.example/", criteria.Ministry, true, day), score("https://m2.example/", criteria.Ministry, false, day)
	p1, c1 := score("https://p1.example/", criteria.Province, true, day), score("https://c1.example/", criteria.Commune, false, day)
	none := score("https://x.example/", "", true, day)
	sv, err := scoring.Aggregate(cat, []*scoring.Report{c1, none, p1, m2, m1})
	require.NoError(t, err)
	assert.Equal(t, "2023-03-31", sv.AsOf)
	require.Len(t, sv.Levels, 4)
	var levels []string
	for _, l := range sv.Levels {
		levels = append(levels, l.Level)
	}
	assert.Equal(t, []string{"ministry", "province", "commune", scoring.Unspecified}, levels)
	ms := sv.Levels[0]
	assert.Equal(t, 2, ms.Portals)
	assert.Equal(t, m1.Scores.Compliance.Met+m2.Scores.Compliance.Met, ms.Met)
	assert.Equal(t, m1.Scores.Compliance.Applicable+m2.Scores.Compliance.Applicable, ms.Applicable)
	assert.InDelta(t, 0.5, ms.Rate, 1e-9)
	assert.Equal(t, 1, ms.FullyCompliant)
	assert.InDelta(t, 0.5, ms.FullyCompliantShare, 1e-9)
	assert.InDelta(t, (m1.Scores.Overall+m2.Scores.Overall)/2, ms.MeanOverall, 1e-9)
	assert.Less(t, c1.Scores.Compliance.Applicable, p1.Scores.Compliance.Applicable, "a commune has fewer criteria in scope")
	total := 0
	for _, l := range sv.Levels {
		total += l.Applicable
	}
	assert.Equal(t, sv.Applicable, total, "the levels add up to the national figure")

	// No level anywhere: no per-level figures. Different days: no common as-of.
	sv, err = scoring.Aggregate(cat, []*scoring.Report{none, score("https://y.example/", "", true, asOf)})
	require.NoError(t, err)
	assert.Nil(t, sv.Levels)
	assert.Empty(t, sv.AsOf)
}

func TestAggregateDimensionsAndWeakGroups(t *testing.T) {
	cat := criteria.P06Technical()
	in := scoring.Findings{Catalogue: cat.ID, Target: "https://p.example/"}
	for _, c := range cat.Criteria {
		st := scoring.Fail
		if c.Group == "signature" {
			st = scoring.Pass
		}
		in.Findings = append(in.Findings, scoring.Finding{Criterion: c.ID, Status: st})
	}
	r, err := scoring.Score(cat, in, scoring.Config{AsOf: asOf})
	require.NoError(t, err)
	sv, err := scoring.Aggregate(cat, []*scoring.Report{r})
	require.NoError(t, err)
	require.Len(t, sv.Dimensions, len(scoring.Dimensions2023))
	sum := 0
	for _, d := range sv.Dimensions {
		sum += d.Applicable
		met, app, _ := sv.Subtotal(cat, criteria.ByTag(d.ID))
		assert.Equal(t, met, d.Met, d.ID)
		assert.Equal(t, app, d.Applicable, d.ID)
	}
	assert.Equal(t, sv.Applicable, sum, "every mandatory criterion is in exactly one dimension")
	require.Len(t, sv.WeakGroups, 3)
	assert.Equal(t, "signature", sv.WeakGroups[0].ID)
	assert.InDelta(t, 1, sv.WeakGroups[0].Rate, 1e-9, "every signature criterion passed")
	assert.Zero(t, sv.WeakGroups[1].Met)

	// Another catalogue: no dimension tags, no weak groups.
	d := demo()
	dr, err := scoring.Score(d, scoring.Findings{Catalogue: d.ID, Target: "x"}, scoring.Config{})
	require.NoError(t, err)
	dsv, err := scoring.Aggregate(d, []*scoring.Report{dr})
	require.NoError(t, err)
	assert.Nil(t, dsv.Dimensions)
	assert.Nil(t, dsv.WeakGroups)
}
