package scoring_test

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/scoring"
)

var asOf = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

func mandatoryIDs(cat *criteria.Catalogue) []string {
	var ids []string
	for _, c := range cat.Criteria {
		if c.Level == criteria.Mandatory && !c.Critical && c.Method != criteria.Attested {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

// The worked case: 7 applicable mandatory criteria pass, 2 fail, 1 is waived (valid
// until next year), every other criterion is not_applicable.
func TestSevenOfNine(t *testing.T) {
	cat := criteria.P06Technical()
	ids := mandatoryIDs(cat)
	require.GreaterOrEqual(t, len(ids), 10, "the catalogue needs 10 non-critical mandatory criteria for this test")
	in := scoring.Findings{Catalogue: cat.ID, Target: "https://portal.example/"}
	status := map[string]scoring.Status{}
	for i, id := range ids[:10] {
		status[id] = scoring.Pass
		if i >= 7 {
			status[id] = scoring.Fail
		}
	}
	for _, c := range cat.Criteria {
		st, ok := status[c.ID]
		if !ok {
			st = scoring.NotApplicable
		}
		in.Findings = append(in.Findings, scoring.Finding{Criterion: c.ID, Status: st})
	}
	waiver := scoring.Waiver{Criterion: ids[9], Reason: "migration to the new gateway", ApprovedBy: "Cục Chuyển đổi số", Expires: "2027-06-30"}
	r, err := scoring.Score(cat, in, scoring.Config{AsOf: asOf, Waivers: []scoring.Waiver{waiver}})
	require.NoError(t, err)
	assert.Equal(t, 7, r.Scores.Compliance.Met)
	assert.Equal(t, 9, r.Scores.Compliance.Applicable)
	assert.InDelta(t, 7.0/9.0, r.Scores.Compliance.Rate, 1e-12)
	assert.Equal(t, []scoring.Waiver{waiver}, r.Waivers.Applied)
	assert.Empty(t, r.Waivers.Stale)
	assert.Empty(t, r.Scores.Caps)

	// A failing critical criterion caps the grade whatever the score.
	for i := range in.Findings {
		if c, _ := cat.Criterion(in.Findings[i].Criterion); c.Critical {
			in.Findings[i].Status = scoring.Fail
			r, err = scoring.Score(cat, in, scoring.Config{AsOf: asOf})
			require.NoError(t, err)
			assert.Equal(t, "yeu", r.Scores.Grade)
			require.Len(t, r.Scores.Caps, 1)
			assert.Equal(t, c.ID, r.Scores.Caps[0].Criterion)
			break
		}
	}
}

func TestExpiredWaiverIsStale(t *testing.T) {
	cat := demo()
	w := scoring.Waiver{Criterion: "A2", Reason: "r", ApprovedBy: "a", Expires: "2026-11-26"}
	r, err := scoring.Score(cat, scoring.Findings{Findings: []scoring.Finding{{Criterion: "A2", Status: scoring.Fail}}},
		scoring.Config{AsOf: asOf, Waivers: []scoring.Waiver{w}})
	require.NoError(t, err)
	assert.Equal(t, []scoring.Waiver{w}, r.Waivers.Stale)
	assert.Empty(t, r.Waivers.Applied)
	assert.Equal(t, scoring.Fail, find(r, "A2").Status)
	// On its expiry day the waiver is still valid.
	r, err = scoring.Score(cat, scoring.Findings{Findings: []scoring.Finding{{Criterion: "A2", Status: scoring.Fail}}},
		scoring.Config{AsOf: asOf.AddDate(0, 0, -1), Waivers: []scoring.Waiver{w}})
	require.NoError(t, err)
	assert.Equal(t, scoring.Waived, find(r, "A2").Status)
	assert.Contains(t, find(r, "A2").Message, "was fail")
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		name     string
		findings []scoring.Finding
		waivers  []scoring.Waiver
		want     []string
	}{
		{"unknown criterion", []scoring.Finding{{Criterion: "A1", Status: "pass"}, {Criterion: "Z9", Status: "pass"}}, nil,
			[]string{`findings[1]: unknown criterion "Z9"`}},
		{"unknown status", []scoring.Finding{{Criterion: "A1", Status: "passed"}}, nil,
			[]string{`findings[0] (A1): unknown status "passed"`}},
		{"duplicate", []scoring.Finding{{Criterion: "A1", Status: "pass"}, {Criterion: "A1", Status: "fail"}}, nil,
			[]string{"findings[1]: criterion A1 already has a finding at findings[0]"}},
		{"attested for automated", []scoring.Finding{{Criterion: "A1", Status: "attested"}}, nil,
			[]string{"findings[0] (A1): status attested is only for attested-method criteria; this one is automated"}},
		{"waived in findings", []scoring.Finding{{Criterion: "A1", Status: "waived"}}, nil,
			[]string{`findings[0] (A1): status "waived" is set by a waivers file`}},
		{"missing criterion", []scoring.Finding{{Status: "pass"}}, nil, []string{"findings[0]: no criterion"}},
		{"bad waivers", nil, []scoring.Waiver{
			{Criterion: "Q1", Reason: "r", ApprovedBy: "a", Expires: "2027-01-01"},
			{Criterion: "A1", Expires: "soon"},
			{Criterion: "A2", Reason: "r", ApprovedBy: "a", Expires: "2027-01-01"},
			{Criterion: "A2", Reason: "r", ApprovedBy: "a", Expires: "2027-01-01"},
		}, []string{
			`waivers[0] (Q1): unknown criterion "Q1"`,
			"waivers[1] (A1): no reason", "waivers[1] (A1): no approved_by", `waivers[1] (A1): expires "soon" is not a date YYYY-MM-DD`,
			"waivers[3] (A2): criterion already waived by waivers[2]",
		}},
		{"every problem listed", []scoring.Finding{{Criterion: "X", Status: "pass"}, {Criterion: "A1", Status: "maybe"}}, nil,
			[]string{`findings[0]: unknown criterion "X"`, `findings[1] (A1): unknown status "maybe"`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := scoring.Score(demo(), scoring.Findings{Findings: tc.findings}, scoring.Config{AsOf: asOf, Waivers: tc.waivers})
			require.Error(t, err)
			assert.Nil(t, r)
			var ie *scoring.InputError
			require.ErrorAs(t, err, &ie)
			require.Len(t, ie.Problems, len(tc.want), "%v", ie.Problems)
			for i, w := range tc.want {
				assert.Contains(t, ie.Problems[i], w)
			}
		})
	}
	_, err := scoring.Score(demo(), scoring.Findings{Catalogue: "qd766"}, scoring.Config{})
	assert.ErrorContains(t, err, `findings are for catalogue "qd766", not "demo"`)
	_, err = scoring.Score(demo(), scoring.Findings{}, scoring.Config{Waivers: []scoring.Waiver{{Criterion: "A1"}}})
	assert.ErrorContains(t, err, "waivers need Config.AsOf")
}

func TestMissingFindingsAreNotTested(t *testing.T) {
	r, err := scoring.Score(demo(), scoring.Findings{}, scoring.Config{})
	require.NoError(t, err)
	require.Len(t, r.Findings, 6)
	for _, f := range r.Findings {
		assert.Equal(t, scoring.NotTested, f.Status, f.Criterion)
	}
	assert.Equal(t, 5, r.Scores.Compliance.Applicable)
	assert.Equal(t, 0, r.Scores.Compliance.Met)
	assert.Equal(t, "yeu", r.Scores.Grade)
	assert.Empty(t, r.Scores.Caps, "not_tested does not cap; only fail and error do")
}

func TestNotInForce(t *testing.T) {
	cat := demo()
	cat.Criteria[1].EffectiveUntil = "2025-01-01"
	r, err := scoring.Score(cat, scoring.Findings{Findings: []scoring.Finding{{Criterion: "A2", Status: "fail"}}}, scoring.Config{AsOf: asOf})
	require.NoError(t, err)
	assert.Equal(t, scoring.NotApplicable, find(r, "A2").Status)
	assert.Contains(t, find(r, "A2").Message, "not in force on 2026-11-27")
}

func TestDecision473Bands(t *testing.T) {
	b := scoring.Decision473
	for score, want := range map[float64]string{100: "A", 90: "A", 89.99: "B", 80: "B", 79: "C", 65: "C", 64.9: "D", 50: "D", 49.99: "E", 0: "E"} {
		assert.Equal(t, want, b.Grade(score).ID, "%v", score)
	}
	assert.NoError(t, scoring.Decision766.Validate())
	assert.Error(t, scoring.Bands{ID: "x", Bands: []scoring.Band{{ID: "a", Min: 50}, {ID: "b", Min: 60}}}.Validate())
	assert.Error(t, scoring.Bands{ID: "x", Bands: []scoring.Band{{ID: "a", Min: 50}}}.Validate())
	r, err := scoring.Score(demo(), scoring.Findings{}, scoring.Config{Bands: &scoring.Decision473})
	require.NoError(t, err)
	assert.Equal(t, "qd473", r.Scores.Grading)
	assert.Equal(t, "E", r.Scores.Grade)
}

func TestSeedTarget(t *testing.T) {
	tg := scoring.SeedTarget(scoring.TargetProceduresOnline, 81, 100)
	assert.True(t, tg.Met)
	assert.InDelta(t, 0.81, tg.Measured, 1e-12)
	assert.False(t, scoring.SeedTarget(scoring.TargetDossiersOnline, 84, 100).Met)
	assert.False(t, scoring.SeedTarget(scoring.TargetOnlineFullProcess, 0, 0).Met)
}

// Properties over random findings of the full catalogue.
func TestProperties(t *testing.T) {
	cat := criteria.P06Technical()
	statuses := []scoring.Status{scoring.Pass, scoring.Fail, scoring.Error, scoring.NotApplicable, scoring.NotTested}
	rng := rand.New(rand.NewPCG(1, 2))
	random := func() scoring.Findings {
		var in scoring.Findings
		for _, c := range cat.Criteria {
			st := statuses[rng.IntN(len(statuses))]
			if c.Method == criteria.Attested && rng.IntN(2) == 0 {
				st = scoring.Attested
			}
			if rng.IntN(8) == 0 {
				continue // missing: not_tested
			}
			in.Findings = append(in.Findings, scoring.Finding{Criterion: c.ID, Status: st})
		}
		return in
	}
	for i := 0; i < 200; i++ {
		in := random()
		base, err := scoring.Score(cat, in, scoring.Config{AsOf: asOf})
		require.NoError(t, err)

		// Order never changes the result.
		shuffled := scoring.Findings{Findings: append([]scoring.Finding(nil), in.Findings...)}
		rng.Shuffle(len(shuffled.Findings), func(a, b int) {
			shuffled.Findings[a], shuffled.Findings[b] = shuffled.Findings[b], shuffled.Findings[a]
		})
		again, err := scoring.Score(cat, shuffled, scoring.Config{AsOf: asOf})
		require.NoError(t, err)
		assert.Equal(t, mustJSON(t, base), mustJSON(t, again))

		for j, f := range in.Findings {
			// Turning a fail into a pass never lowers any score.
			if f.Status == scoring.Fail {
				better := scoring.Findings{Findings: append([]scoring.Finding(nil), in.Findings...)}
				better.Findings[j].Status = scoring.Pass
				up, err := scoring.Score(cat, better, scoring.Config{AsOf: asOf})
				require.NoError(t, err)
				assert.GreaterOrEqual(t, up.Scores.Overall, base.Scores.Overall)
				assert.GreaterOrEqual(t, up.Scores.Compliance.Met, base.Scores.Compliance.Met)
				assert.GreaterOrEqual(t, up.Scores.Compliance.Rate, base.Scores.Compliance.Rate)
				for g, gs := range base.Scores.Groups {
					assert.GreaterOrEqual(t, up.Scores.Groups[g].Value(), gs.Value(), g)
				}
				assert.LessOrEqual(t, len(up.Scores.Caps), len(base.Scores.Caps))
			}
			// Waiving never raises the met count.
			w := scoring.Waiver{Criterion: f.Criterion, Reason: "r", ApprovedBy: "a", Expires: "2027-01-01"}
			waived, err := scoring.Score(cat, in, scoring.Config{AsOf: asOf, Waivers: []scoring.Waiver{w}})
			require.NoError(t, err)
			assert.LessOrEqual(t, waived.Scores.Compliance.Met, base.Scores.Compliance.Met)
			assert.LessOrEqual(t, waived.Scores.Compliance.Applicable, base.Scores.Compliance.Applicable)
		}
	}
}

func TestAggregateOrderIndependent(t *testing.T) {
	cat := demo()
	var reports []*scoring.Report
	for i, st := range []scoring.Status{scoring.Pass, scoring.Fail, scoring.Pass, scoring.Error} {
		r, err := scoring.Score(cat, scoring.Findings{Target: string(rune('a' + i)), Findings: []scoring.Finding{
			{Criterion: "A1", Status: st}, {Criterion: "A2", Status: scoring.Pass}, {Criterion: "B1", Status: st}}}, scoring.Config{})
		require.NoError(t, err)
		reports = append(reports, r)
	}
	a, err := scoring.Aggregate(cat, reports)
	require.NoError(t, err)
	rev := []*scoring.Report{reports[3], reports[1], reports[2], reports[0]}
	b, err := scoring.Aggregate(cat, rev)
	require.NoError(t, err)
	assert.Equal(t, mustJSON(t, a), mustJSON(t, b))
	// Portals a and c tie exactly: they share rank 1. d's group B was never assessed (error),
	// so it has no score and d's overall rests on group A alone: d ranks before b, whose B fails.
	assert.Equal(t, []int{1, 1, 3, 4}, []int{a.Ranking[0].Rank, a.Ranking[1].Rank, a.Ranking[2].Rank, a.Ranking[3].Rank})
	assert.Equal(t, "a", a.Ranking[0].Target)
	_, err = scoring.Aggregate(cat, []*scoring.Report{{Catalogue: scoring.CatalogueRef{ID: "other"}}})
	assert.ErrorContains(t, err, `catalogue "other"`)
	_, err = scoring.Aggregate(cat, []*scoring.Report{nil})
	assert.ErrorContains(t, err, "reports[0] is nil")
}

// demo is a catalogue small enough to check every number by hand.
func demo() *criteria.Catalogue {
	crit := func(id, group string, level criteria.Level, points float64, critical bool, method criteria.Method) criteria.Criterion {
		return criteria.Criterion{ID: id, Group: group, Level: level, Points: points, Critical: critical, Method: method}
	}
	return &criteria.Catalogue{ID: "demo", Version: "1", Groups: []criteria.Group{{ID: "a"}, {ID: "b"}},
		Criteria: []criteria.Criterion{
			crit("A1", "a", criteria.Mandatory, 3, true, criteria.Automated),
			crit("A2", "a", criteria.Mandatory, 2, false, criteria.Automated),
			crit("A3", "a", criteria.Recommended, 1, false, criteria.Automated),
			crit("B1", "b", criteria.Mandatory, 2, false, criteria.Assisted),
			crit("B2", "b", criteria.Mandatory, 2, false, criteria.Assisted),
			crit("B3", "b", criteria.Mandatory, 1, false, criteria.Attested),
		}}
}

func find(r *scoring.Report, id string) scoring.Finding {
	for _, f := range r.Findings {
		if f.Criterion == id {
			return f
		}
	}
	return scoring.Finding{}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// A group nobody assessed has no score (null), is left out of the overall score, and the
// coverage says how much was assessed; once one criterion of a group is assessed, its
// not_tested and error criteria earn nothing.
func TestGroupNotTestedHasNoScore(t *testing.T) {
	cat := demo()
	r, err := scoring.Score(cat, scoring.Findings{Findings: []scoring.Finding{
		{Criterion: "A1", Status: scoring.Pass}, {Criterion: "A2", Status: scoring.Error},
		{Criterion: "B1", Status: scoring.Error}, {Criterion: "B2", Status: scoring.NotTested}}}, scoring.Config{})
	require.NoError(t, err)
	b := r.Scores.Groups["b"]
	assert.False(t, b.Scored())
	assert.Nil(t, b.Score)
	assert.Contains(t, mustJSON(t, r.Scores.Groups), `"b":{"score":null`)
	a := r.Scores.Groups["a"]
	require.True(t, a.Scored())
	assert.InDelta(t, 50.0, a.Value(), 1e-9, "A1 3 of 6 points: A2 error and A3 not_tested earn nothing")
	assert.InDelta(t, 50.0, r.Scores.Overall, 1e-9, "the overall score is group a's alone")
	require.NotNil(t, r.Coverage)
	assert.Equal(t, scoring.Count{Assessed: 1, NotTested: 3, Error: 2, Total: 6}, r.Coverage.Count)
	assert.Equal(t, scoring.Count{Assessed: 0, NotTested: 2, Error: 1, Total: 3}, r.Coverage.Groups["b"])
	assert.InDelta(t, 1.0/6, r.Coverage.Share(), 1e-9)
}

// A grade whose band boundaries are unverified says so, and a critical criterion not assessed
// makes a grade above the lowest band provisional, naming the criterion.
func TestGradeVerifiedAndProvisional(t *testing.T) {
	cat := criteria.P06Technical()
	var critical string
	in := scoring.Findings{Catalogue: cat.ID, Target: "https://portal.example/"}
	for _, c := range cat.Criteria {
		st := scoring.Pass
		if c.Method == criteria.Attested {
			st = scoring.Attested
		}
		if c.Critical && critical == "" {
			critical = c.ID
			continue // not tested
		}
		in.Findings = append(in.Findings, scoring.Finding{Criterion: c.ID, Status: st})
	}
	require.NotEmpty(t, critical)
	r, err := scoring.Score(cat, in, scoring.Config{AsOf: asOf})
	require.NoError(t, err)
	assert.Equal(t, "xuat-sac", r.Scores.Grade)
	assert.True(t, r.Scores.GradeVerified, "Xuất sắc ≥ 90 is reported by the sources")
	assert.True(t, r.Scores.Provisional)
	assert.Equal(t, []string{critical}, r.Scores.ProvisionalBecause)
	assert.Contains(t, scoring.GradeLabel(r.Scores, "vi"), "tạm tính: "+critical)
	assert.Contains(t, scoring.GradeLabel(r.Scores, "en"), "provisional: "+critical+" not assessed")

	tot := scoring.Scores{Grade: "tot", Grading: "qd766", GradeVerified: false}
	assert.False(t, scoring.GradeVerified("qd766", "tot"))
	assert.Equal(t, "Tốt (ranh giới chưa xác minh)", scoring.GradeLabel(tot, "vi"))
	assert.Contains(t, scoring.GradeLabel(tot, "en"), "(boundary unverified)")
	assert.True(t, scoring.GradeVerified("qd473", "B"))

	// The lowest band cannot fall further: no provisional mark.
	in.Findings = append(in.Findings, scoring.Finding{Criterion: critical, Status: scoring.Fail})
	r, err = scoring.Score(cat, in, scoring.Config{AsOf: asOf})
	require.NoError(t, err)
	assert.Equal(t, "yeu", r.Scores.Grade)
	assert.False(t, r.Scores.Provisional)
	assert.Empty(t, r.Scores.ProvisionalBecause)
}

// Grading by Decision 473 weighs the overall score by its six groups (functions 50, structure
// 5, performance 20, security 15, access 5, EMC 5): every criterion of p06-technical falls in
// exactly one, and the overall score is the weighted mean of the view's groups.
func TestDecision473View(t *testing.T) {
	cat := criteria.P06Technical()
	v := scoring.Decision473View
	sum := 0.0
	for _, g := range v.Groups {
		sum += g.Weight
	}
	assert.Equal(t, 100.0, sum)
	per := map[string]int{}
	for i := range cat.Criteria {
		g := v.Assign(&cat.Criteria[i])
		require.NotEmpty(t, g, cat.Criteria[i].ID)
		per[g]++
	}
	for _, g := range v.Groups {
		assert.Positive(t, per[g.ID], "view group %s has no criteria", g.ID)
	}
	assert.Equal(t, 1, per["emc"])

	// Everything passes except the performance criteria: the performance group (20 of 100)
	// scores 0 and the overall score is 80.
	in := scoring.Findings{Catalogue: cat.ID}
	for _, c := range cat.Criteria {
		st := scoring.Pass
		if c.Method == criteria.Attested {
			st = scoring.Attested
		}
		if v.Assign(&c) == "performance" {
			st = scoring.Fail
		}
		in.Findings = append(in.Findings, scoring.Finding{Criterion: c.ID, Status: st})
	}
	b473 := scoring.Decision473
	r, err := scoring.Score(cat, in, scoring.Config{Bands: &b473})
	require.NoError(t, err)
	assert.Equal(t, "qd473", r.Scores.View)
	require.Len(t, r.Scores.ViewGroups, 6)
	assert.InDelta(t, 80.0, r.Scores.Overall, 1e-9)
	assert.Equal(t, "B", r.Scores.Grade)

	// The Decision 766 grading keeps the catalogue's equal group weights.
	r, err = scoring.Score(cat, in, scoring.Config{})
	require.NoError(t, err)
	assert.Empty(t, r.Scores.View)
	assert.Greater(t, r.Scores.Overall, 80.0)
}

// A unit's level applies the criteria's scope: a criterion whose scope leaves the level out is
// not applicable, and says why.
func TestLevelAppliesScope(t *testing.T) {
	cat := criteria.P06Technical()
	var ministryOnlyOut string
	for _, c := range cat.Criteria {
		if !slices.Contains(c.Scope, criteria.Commune) {
			ministryOnlyOut = c.ID
			break
		}
	}
	require.NotEmpty(t, ministryOnlyOut, "a criterion whose scope leaves out communes")
	in := scoring.Findings{Catalogue: cat.ID, Findings: []scoring.Finding{{Criterion: ministryOnlyOut, Status: scoring.Fail}}}
	r, err := scoring.Score(cat, in, scoring.Config{Level: criteria.Commune})
	require.NoError(t, err)
	for _, f := range r.Findings {
		if f.Criterion == ministryOnlyOut {
			assert.Equal(t, scoring.NotApplicable, f.Status)
			assert.Contains(t, f.Message, "not in scope for a commune unit")
		}
	}
	r, err = scoring.Score(cat, in, scoring.Config{Level: criteria.Province})
	require.NoError(t, err)
	assert.Equal(t, scoring.Fail, r.Findings[slices.IndexFunc(r.Findings, func(f scoring.Finding) bool { return f.Criterion == ministryOnlyOut })].Status)
}
