package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/scoring"
)

func TestSurveys(t *testing.T) {
	cat := criteria.P06Technical()
	s23, reports, err := Survey2023().Run(cat)
	require.NoError(t, err)
	assert.Equal(t, 83, s23.Portals, "20 ministries + 63 provinces")
	assert.Len(t, reports, 83)
	// Scored as of 2023-03-31: criteria that took effect later are not applicable, so they add
	// nothing to the denominator; scored on today's catalogue the denominator is larger.
	sc := Survey2023()
	sc.AsOf = time.Time{}
	sAll, _, err := sc.Run(cat)
	require.NoError(t, err)
	assert.Less(t, s23.Applicable, sAll.Applicable, "as of 2023-03-31 fewer criteria apply")
	for _, r := range reports {
		for _, f := range r.Findings {
			c, _ := cat.Criterion(f.Criterion)
			if !c.InForce(Survey2023AsOf) {
				assert.Equal(t, scoring.NotApplicable, f.Status, "%s %s", r.Target, f.Criterion)
			}
		}
	}
	// Ministries and provinces apart add up to the national figure.
	require.Len(t, s23.Levels, 2, "every unit has a level: ministries, then provinces")
	m, p := s23.Levels[0], s23.Levels[1]
	assert.Equal(t, "ministry", m.Level)
	assert.Equal(t, "province", p.Level)
	assert.Equal(t, 20, m.Portals)
	assert.Equal(t, 63, p.Portals)
	assert.Equal(t, s23.Met, m.Met+p.Met)
	assert.Equal(t, s23.Applicable, m.Applicable+p.Applicable)
	assert.Equal(t, "2023-03-31", s23.AsOf)
	// Every mandatory criterion falls in exactly one of the five dimensions.
	require.Len(t, s23.Dimensions, 5)
	sum, assessed := 0, 0
	for _, d := range s23.Dimensions {
		sum += d.Applicable
	}
	for _, cr := range s23.Criteria {
		assessed += cr.Applicable
	}
	assert.Equal(t, assessed, sum)
	require.Len(t, s23.WeakGroups, 3)
	s25, _, err := Survey2025().Run(cat)
	require.NoError(t, err)
	assert.Equal(t, 34, s25.Portals)
	assert.Greater(t, s25.Rate, s23.Rate, "two years on, more requirements are met")
	// The three weak groups of 2023 are the weakest here too.
	rate := map[string]float64{}
	for _, g := range s23.Groups {
		rate[g.Group] = g.Rate
	}
	for _, weak := range []string{"signature", "data-warehouse"} {
		assert.Less(t, rate[weak], rate["online-service"], weak)
	}
}

func TestReportDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	require.NoError(t, report(&a, criteria.P06Technical(), Survey2023()))
	require.NoError(t, report(&b, criteria.P06Technical(), Survey2023()))
	assert.Equal(t, a.String(), b.String())
	assert.Contains(t, a.String(), "requirements met nationally")
	assert.Contains(t, a.String(), "weakest criteria")
	assert.Contains(t, a.String(), "as of 2023-03-31")
	assert.Contains(t, a.String(), "published 2023 figure: 20.48%")
	assert.Contains(t, a.String(), "not a reproduction")
	assert.Contains(t, a.String(), "ministries  ")
	assert.Contains(t, a.String(), "three weak groups")
}
