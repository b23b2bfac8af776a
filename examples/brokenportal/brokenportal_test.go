package brokenportal_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/examples/brokenportal"
	"github.com/p06kit/p06kit/examples/referenceportal"
	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/scoring"
)

// Every defect, switched on alone, makes its criterion fail: the test vectors of the whole
// harness, end to end against a real portal.
func TestEachDefectFailsItsCriterion(t *testing.T) {
	for _, tc := range brokenportal.Catalogue {
		t.Run(tc.Criterion, func(t *testing.T) {
			t.Parallel()
			var d referenceportal.Defects
			tc.Defect(&d)
			env, err := referenceportal.StartEnv(d)
			require.NoError(t, err)
			defer env.Close()
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			r, err := harness.Check(ctx, env.Target(), harness.Active(), harness.Only(tc.Criterion), harness.Lang("en"))
			require.NoError(t, err)
			f := finding(r, tc.Criterion)
			assert.Equal(t, scoring.Fail, f.Status, "%s: %s", tc.Criterion, f.Message)
		})
	}
}

// The demo's broken portal fails at least one criterion of every group, and every failing
// critical criterion caps its grade.
func TestBrokenPortalFailsEveryGroup(t *testing.T) {
	env, err := brokenportal.Start()
	require.NoError(t, err)
	defer env.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	r, err := harness.Check(ctx, env.Target(), harness.Active())
	require.NoError(t, err)
	cat := criteria.P06Technical()
	failing := map[string]bool{}
	for _, f := range r.Findings {
		if f.Status == scoring.Fail {
			failing[f.Group] = true
		}
		assert.NotEqual(t, scoring.Error, f.Status, "%s errored: %s", f.Criterion, f.Message)
	}
	for _, g := range cat.Groups {
		assert.True(t, failing[g.ID], "no failing criterion in group %s", g.ID)
	}
	assert.NotEmpty(t, r.Scores.Caps)
	assert.Equal(t, "yeu", r.Scores.Grade)
}

func finding(r *scoring.Report, id string) scoring.Finding {
	for _, f := range r.Findings {
		if f.Criterion == id {
			return f
		}
	}
	return scoring.Finding{}
}
