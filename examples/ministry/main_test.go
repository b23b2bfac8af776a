package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
)

func TestSurveys(t *testing.T) {
	cat := criteria.P06Technical()
	s23, reports, err := Survey2023().Run(cat)
	require.NoError(t, err)
	assert.Equal(t, 83, s23.Portals, "20 ministries + 63 provinces")
	assert.Len(t, reports, 83)
	// The 2023 simulation is calibrated to land near the reported 20.48%.
	assert.InDelta(t, 0.2048, s23.Rate, 0.08, "simulated national rate %.4f", s23.Rate)
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
}
