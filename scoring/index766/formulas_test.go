package index766

import (
	"os"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
)

// TestFormulasCoverTheBuiltinCatalogue: every indicator of the built-in qd766 catalogue has a
// formula here (computed or a stated reason) and every formula belongs to an indicator.
func TestFormulasCoverTheBuiltinCatalogue(t *testing.T) {
	cat, err := criteria.Builtin(criteria.QD766ID)
	require.NoError(t, err)
	var ids, fids []string
	for _, c := range cat.Criteria {
		ids = append(ids, c.ID)
		assert.Equal(t, criteria.Computed, c.Method, c.ID)
	}
	for id := range formulas {
		fids = append(fids, id)
	}
	sort.Strings(ids)
	sort.Strings(fids)
	assert.Equal(t, ids, fids)
}

// TestFixtureMatchesBuiltin keeps testdata/qd766-fixture.json, which the tests score against
// so that their numbers do not move with the catalogue's wording, in step with the built-in
// catalogue's groups, points and thresholds.
func TestFixtureMatchesBuiltin(t *testing.T) {
	builtin, err := criteria.Builtin(criteria.QD766ID)
	require.NoError(t, err)
	f, err := os.Open("testdata/qd766-fixture.json")
	require.NoError(t, err)
	defer f.Close()
	fixture, err := criteria.Load(f)
	require.NoError(t, err)
	type shape struct {
		id, group string
		points    float64
		threshold float64
	}
	shapes := func(c *criteria.Catalogue) (out []shape) {
		for _, cr := range c.Criteria {
			s := shape{cr.ID, cr.Group, cr.Points, -1}
			if cr.Threshold != nil {
				s.threshold = *cr.Threshold
			}
			out = append(out, s)
		}
		for _, g := range c.Groups {
			out = append(out, shape{"group " + g.ID, g.ID, g.MaxPoints, -1})
		}
		return out
	}
	assert.Equal(t, shapes(builtin), shapes(fixture))
}

func TestPointsThresholdRule(t *testing.T) {
	th := func(v float64) *float64 { return &v }
	cases := []struct {
		name      string
		max, rate float64
		threshold *float64
		want      float64
	}{
		{"no threshold: max × rate", 20, 0.75, nil, 15},
		{"no threshold, zero rate", 6, 0, nil, 0},
		{"below the threshold: max × rate ÷ T", 6, 0.25, th(0.5), 3},
		{"at the threshold: full points", 6, 0.5, th(0.5), 6},
		{"above the threshold: capped", 6, 0.9, th(0.5), 6},
		{"80% threshold", 2, 0.6, th(0.8), 1.5},
		{"zero threshold is no threshold", 4, 0.5, th(0), 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.InDelta(t, c.want, points(c.max, c.rate, c.threshold), 1e-12)
		})
	}
}

func TestParseTime(t *testing.T) {
	cases := []struct {
		in   string
		want int64 // Unix seconds; -1 rejected
	}{
		{"20240305083000", 1709602200}, // 08:30 in Vietnam = 01:30 UTC
		{"2024-03-05T08:30:00+07:00", 1709602200},
		{"2024-03-05T01:30:00Z", 1709602200},
		{"2024-03-05T01:30:00.999Z", 1709602200},
		{"2024-03-04T20:30:00-05:00", 1709602200},
		{"20240229000000", 1709139600},
		{"20230229000000", -1}, // not a leap year
		{"21000229000000", -1}, // century, not a leap year
		{"20000229000000", 951757200},
		{"20241231240000", -1},
		{"20241231235960", -1},
		{"2024-03-05 08:30:00", -1},
		{"2024-03-05T08:30:00", -1}, // no zone
		{"2024-03-05T08:30:00+0700", -1},
		{"2024-03-05", -1},
		{"", -1},
		{"2024030508300", -1},
		{"2024-03-05T08:30:00.Z", -1},
	}
	for _, c := range cases {
		got, ok := parseTime([]byte(c.in))
		if c.want < 0 {
			assert.False(t, ok, c.in)
			continue
		}
		assert.True(t, ok, c.in)
		assert.Equal(t, c.want, got, c.in)
	}
}

// TestUnixTablesMatchTheAlgorithm: the table look-up of recent years agrees with the general
// conversion on every day of the table's range and its edges.
func TestUnixTablesMatchTheAlgorithm(t *testing.T) {
	for y := 1969; y <= 1970+len(yearDays); y++ {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= daysIn(y, m); d++ {
				if got, want := unix(y, m, d, 23, 59, 59), civilDays(y, m, d)*86400+86399; got != want {
					t.Fatalf("%04d-%02d-%02d: %d, want %d", y, m, d, got, want)
				}
			}
		}
	}
}

// TestReasonsHaveVietnamese: every reason an indicator can be left out for reads in Vietnamese
// too.
func TestReasonsHaveVietnamese(t *testing.T) {
	var empty inputs
	for id, f := range formulas {
		if _, _, reason := f.ratio(&empty); reason != "" {
			assert.NotEmpty(t, reasonVI(reason), "%s: %q", id, reason)
		}
	}
	known := inputs{known: true}
	for id, f := range formulas {
		if _, _, reason := f.ratio(&known); reason != "" {
			assert.NotEmpty(t, reasonVI(reason), "%s: %q", id, reason)
		}
	}
}
