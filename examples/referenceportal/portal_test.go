package referenceportal_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/examples/referenceportal"
	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/scoring"
)

// TestReferencePortalMeetsEveryCriterion: every automated and assisted criterion is met (pass or
// not_applicable), and with the evidence file every attested one too.
func TestReferencePortalMeetsEveryCriterion(t *testing.T) {
	env, err := referenceportal.StartEnv(referenceportal.Defects{})
	require.NoError(t, err)
	defer env.Close()
	target := env.Target()
	target.Evidence, err = referenceportal.WriteEvidence(t.TempDir(), time.Now())
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	r, err := harness.Check(ctx, target, harness.Active(), harness.Lang("en"))
	require.NoError(t, err)
	cat := criteria.P06Technical()
	for _, f := range r.Findings {
		c, _ := cat.Criterion(f.Criterion)
		ok := f.Status == scoring.Pass || f.Status == scoring.NotApplicable || f.Status == scoring.Attested
		if !ok {
			t.Errorf("%s (%s) %s: %s | got %s | want %s", f.Criterion, c.Method, f.Status, f.Message, f.Got, f.Want)
		}
	}
	t.Logf("compliance %d/%d, overall %.1f, grade %s", r.Scores.Compliance.Met, r.Scores.Compliance.Applicable, r.Scores.Overall, r.Scores.Grade)
}
