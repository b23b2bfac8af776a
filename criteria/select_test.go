package criteria_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
)

func ids(cs []*criteria.Criterion) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

// ByName reads a group name as ByGroup does, and Names lists every name it accepts.
func TestByNameGroupAndNames(t *testing.T) {
	c := criteria.P06Technical()
	byName, byGroup := c.Select(criteria.ByName("signature")), c.Select(criteria.ByGroup("signature"))
	require.NotEmpty(t, byGroup)
	assert.Equal(t, byGroup, byName)
	names := c.Names()
	for _, n := range []string{"signature", "P06-SEC-19", "active"} {
		assert.Contains(t, names, n)
		assert.NotEmpty(t, c.Select(criteria.ByName(n)), n)
	}
}

func TestSelect(t *testing.T) {
	c := criteria.P06Technical()
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		require.NoError(t, err)
		return d
	}
	tests := []struct {
		name string
		sel  []criteria.Selector
		want []string
	}{
		{"by ID keeps catalogue order", []criteria.Selector{criteria.ByID("P06-SEC-03", "P06-AUTH-01", "P06-NOPE")}, []string{"P06-AUTH-01", "P06-SEC-03"}},
		{"group and tag", []criteria.Selector{criteria.ByGroup("security"), criteria.ByTag("tls")},
			[]string{"P06-SEC-01", "P06-SEC-02", "P06-SEC-03", "P06-SEC-04", "P06-SEC-05", "P06-SEC-06", "P06-SEC-16"}},
		{"tag is case-insensitive", []criteria.Selector{criteria.ByTag("ACTIVE")}, []string{"P06-SEC-19"}},
		{"a name is an ID in any case", []criteria.Selector{criteria.ByName("p06-sec-03")}, []string{"P06-SEC-03"}},
		{"a name is a tag in any case", []criteria.Selector{criteria.ByName("Active")}, []string{"P06-SEC-19"}},
		{"a name that is nothing", []criteria.Selector{criteria.ByName("P06-NOPE")}, nil},
		{"method", []criteria.Selector{criteria.ByMethod(criteria.Attested)},
			[]string{"P06-POP-09", "P06-POP-10", "P06-POP-11", "P06-WH-05", "P06-SEC-20", "P06-SEC-21", "P06-SEC-22", "P06-SEC-23", "P06-SEC-24", "P06-SEC-25", "P06-SEC-26"}},
		{"critical in identity", []criteria.Selector{criteria.IsCritical(), criteria.ByIDPrefix("P06-AUTH-")},
			[]string{"P06-AUTH-01", "P06-AUTH-03", "P06-AUTH-04", "P06-AUTH-06"}},
		{"recommended accessibility", []criteria.Selector{criteria.ByGroup("accessibility"), criteria.ByLevel(criteria.Recommended)}, []string{"P06-A11Y-06"}},
		{"not in force before VNeID-only login", []criteria.Selector{criteria.ByGroup("identity"), criteria.Not(criteria.InForceOn(day("2024-06-30")))}, []string{"P06-AUTH-10"}},
		{"in force 2025 excludes the 2026 circular", []criteria.Selector{criteria.ByIDPrefix("P06-SEC-2"), criteria.InForceOn(day("2025-12-31"))},
			[]string{"P06-SEC-20", "P06-SEC-21", "P06-SEC-22", "P06-SEC-23", "P06-SEC-25", "P06-SEC-26"}},
		{"scope commune", []criteria.Selector{criteria.ByScope(criteria.Commune), criteria.ByGroup("identity")}, nil},
		{"any of", []criteria.Selector{criteria.AnyOf(criteria.ByTag("cors"), criteria.ByTag("sri"))}, []string{"P06-SEC-17", "P06-SEC-18"}},
		{"nothing", []criteria.Selector{criteria.ByGroup("nope")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, ids(c.Select(tt.sel...)))
		})
	}
	assert.Len(t, c.Select(), len(c.Criteria), "no selector selects everything")
	assert.Len(t, c.Select(nil), len(c.Criteria), "a nil selector is ignored")
}

func TestSelectPointsIntoCatalogue(t *testing.T) {
	c := criteria.P06Technical()
	sel := c.Select(criteria.ByID("P06-SEC-01"))
	require.Len(t, sel, 1)
	sel[0].Points = 42
	got, ok := c.Criterion("P06-SEC-01")
	require.True(t, ok)
	assert.Equal(t, 42.0, got.Points)
	_, ok = c.Criterion("P06-SEC-99")
	assert.False(t, ok)
	g, ok := c.Group("security")
	require.True(t, ok)
	assert.Equal(t, "An toàn thông tin", g.Title.In("vi"))
	_, ok = c.Group("nope")
	assert.False(t, ok)
}

func TestSubset(t *testing.T) {
	c := criteria.P06Technical()
	sub := c.Subset(criteria.ByTag("cookies", "oidc"))
	require.NoError(t, sub.Validate())
	assert.Equal(t, []string{"identity", "security"}, groupIDs(sub))
	assert.Contains(t, sub.IDs(), "P06-SEC-11")
	sub.Criteria[0].Tags[0] = "changed"
	assert.NotEqual(t, "changed", c.Criteria[0].Tags[0], "Subset copies criteria")

	q := criteria.QD766().Subset(criteria.ByGroup("progress"))
	require.NoError(t, q.Validate(), "max_points still matches")
	assert.Equal(t, []string{"QD766-2.1", "QD766-2.2"}, q.IDs())
	*q.Criteria[0].Formula = criteria.Text{}
	orig, _ := criteria.QD766().Criterion("QD766-2.1")
	assert.NotEmpty(t, orig.Formula.VI)
}

func TestTextIn(t *testing.T) {
	tests := []struct {
		name string
		text criteria.Text
		lang string
		want string
	}{
		{"vi", criteria.Text{VI: "Chữ ký số", EN: "Digital signature"}, "vi", "Chữ ký số"},
		{"en", criteria.Text{VI: "Chữ ký số", EN: "Digital signature"}, "EN", "Digital signature"},
		{"unknown language is Vietnamese", criteria.Text{VI: "Chữ ký số", EN: "Digital signature"}, "fr", "Chữ ký số"},
		{"missing English falls back", criteria.Text{VI: "Chữ ký số"}, "en", "Chữ ký số"},
		{"missing Vietnamese falls back", criteria.Text{EN: "Digital signature"}, "vi", "Digital signature"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.text.In(tt.lang))
		})
	}
}

func TestInForce(t *testing.T) {
	cr := criteria.Criterion{EffectiveFrom: "2022-04-26", EffectiveUntil: "2025-07-01"}
	at := func(s string) bool {
		d, _ := time.Parse(time.DateOnly, s)
		return cr.InForce(d)
	}
	assert.False(t, at("2022-04-25"))
	assert.True(t, at("2022-04-26"))
	assert.True(t, at("2025-06-30"))
	assert.False(t, at("2025-07-01"), "effective_until is the first day it no longer applies")
}

func TestCloneIsDeep(t *testing.T) {
	orig := criteria.QD766()
	cp := orig.Clone()
	require.Equal(t, orig, cp)
	*cp.Criteria[6].Threshold = 0.1 // QD766-3.1
	cp.Criteria[6].Formula.EN = "changed"
	cp.Criteria[6].Basis[0].Note = "changed"
	cp.Groups[0].MaxPoints = 1
	cp.Basis[0].Document = "changed"
	assert.Equal(t, 0.8, *orig.Criteria[6].Threshold)
	assert.NotEqual(t, "changed", orig.Criteria[6].Formula.EN)
	assert.NotEqual(t, "changed", orig.Criteria[6].Basis[0].Note)
	assert.Equal(t, 18.0, orig.Groups[0].MaxPoints)
	assert.NotEqual(t, "changed", orig.Basis[0].Document)
}
