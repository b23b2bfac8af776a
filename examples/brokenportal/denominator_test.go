package brokenportal_test

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/examples/brokenportal"
	"github.com/p06kit/p06kit/examples/referenceportal"
	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/scoring"
)

// timing are the criteria whose verdict depends on how fast the machine is (response-time
// budget): the property compares everything else, so that a loaded machine cannot make it fail.
var timing = map[string]bool{"P06-UX-07": true}

// assess runs every check against the reference portal with defects d.
func assess(t *testing.T, d referenceportal.Defects) *scoring.Report {
	t.Helper()
	env, err := referenceportal.StartEnv(d)
	require.NoError(t, err)
	defer env.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	r, err := harness.Check(ctx, env.Target(), harness.Active(), harness.Lang("en"))
	require.NoError(t, err)
	return r
}

// credit orders what a finding earns: 2 met (pass, attested), 1 counted without credit (fail,
// error, not_tested), 0 left out of the denominator (not_applicable, waived).
func credit(s scoring.Status) int {
	switch s {
	case scoring.Pass, scoring.Attested:
		return 2
	case scoring.NotApplicable, scoring.Waived:
		return 0
	}
	return 1
}

// noBetter checks that worse (a portal with more defects) earns nothing better's did not:
// criterion by criterion, no finding gains credit and none leaves the denominator where it
// counted without credit; then, with the timing criteria taken from better, the overall score
// and the compliance rate do not rise.
func noBetter(t *testing.T, what string, better, worse *scoring.Report) {
	t.Helper()
	cat := criteria.P06Technical()
	base := map[string]scoring.Finding{}
	for _, f := range better.Findings {
		base[f.Criterion] = f
	}
	in := scoring.Findings{Catalogue: cat.ID, Target: worse.Target}
	for _, f := range worse.Findings {
		b := base[f.Criterion]
		if timing[f.Criterion] {
			f = b
		}
		switch {
		case f.Status == scoring.Waived:
		case credit(f.Status) == 2 && credit(b.Status) != 2:
			t.Errorf("%s: %s is %s with the defect but %s without it: %s", what, f.Criterion, f.Status, b.Status, f.Message)
		case credit(f.Status) == 0 && credit(b.Status) == 1:
			t.Errorf("%s: %s left the denominator (%s) where it counted without credit (%s): %s", what, f.Criterion, f.Status, b.Status, f.Message)
		}
		in.Findings = append(in.Findings, f)
	}
	// Rescore both with the same day, so that only the findings differ.
	day, _ := time.Parse(time.DateOnly, better.AsOf)
	cfg := scoring.Config{AsOf: day}
	in2 := scoring.Findings{Catalogue: cat.ID, Target: better.Target, Findings: better.Findings}
	rb, err := scoring.Score(cat, in2, cfg)
	require.NoError(t, err)
	rw, err := scoring.Score(cat, in, cfg)
	require.NoError(t, err)
	if rw.Scores.Overall > rb.Scores.Overall+1e-9 {
		t.Errorf("%s: the overall score rose from %.2f to %.2f", what, rb.Scores.Overall, rw.Scores.Overall)
	}
	if rw.Scores.Compliance.Rate > rb.Scores.Compliance.Rate+1e-9 {
		t.Errorf("%s: the compliance rate rose from %.4f to %.4f", what, rb.Scores.Compliance.Rate, rw.Scores.Compliance.Rate)
	}
}

// union switches on the defects of a and of b.
func union(a, b referenceportal.Defects) referenceportal.Defects {
	va, vb := reflect.ValueOf(&a).Elem(), reflect.ValueOf(b)
	for i := range va.NumField() {
		if f := va.Field(i); f.Kind() == reflect.Bool && vb.Field(i).Bool() {
			f.SetBool(true)
		}
	}
	return a
}

// TestDefectsNeverRaiseTheScore is the denominator-honesty property: switching on any defect of
// the broken portal, alone or combined with others, never raises the score or the compliance
// rate, nor makes a criterion gain credit or leave the denominator; the same holds with HTTPS
// removed. Under the race detector a fixed sample of defects stands in for all of them.
func TestDefectsNeverRaiseTheScore(t *testing.T) {
	if testing.Short() {
		t.Skip("assesses the reference portal with each defect")
	}
	type run struct {
		name string
		d    referenceportal.Defects
	}
	sample := map[string]bool{"P06-SEC-01": true, "P06-SEC-03": true, "P06-SEC-16": true, "P06-UX-09": true,
		"P06-AUTH-10": true, "P06-POP-01": true, "P06-SVC-04": true, "P06-SEC-14": true}
	var singles []run
	seen := map[referenceportal.Defects]bool{}
	for _, tc := range brokenportal.Catalogue {
		if raceEnabled && !sample[tc.Criterion] {
			continue
		}
		var d referenceportal.Defects
		tc.Defect(&d)
		if !seen[d] {
			seen[d] = true
			singles = append(singles, run{tc.Criterion, d})
		}
	}
	// A chain of growing combinations, each one defect more than the last, ending at the demo's
	// broken portal.
	var chain []run
	var acc referenceportal.Defects
	for i, tc := range brokenportal.Catalogue {
		if tc.Criterion == "P06-SEC-01" || tc.Criterion == "P06-POP-01" || i%6 != 1 {
			continue // the plain-HTTP portal and the missing look-up hide others: HTTPS removal runs below
		}
		tc.Defect(&acc)
		chain = append(chain, run{fmt.Sprintf("chain %d (+%s)", len(chain)+1, tc.Criterion), acc})
	}
	chain = append(chain, run{"the chain and the demo's broken portal", union(acc, brokenportal.Defects())})
	// HTTPS removed: the plain-HTTP portal, then with more defects.
	plain := referenceportal.Defects{NoTLS: true}
	plainMore := plain
	plainMore.NoPrivacyLink, plainMore.LocalRegistration, plainMore.NoPKCE = true, true, true

	all := append([]run{{"reference", referenceportal.Defects{}}, {"plain HTTP", plain}, {"plain HTTP and more", plainMore},
		{"TLS 1.0", referenceportal.Defects{TLS10: true}}}, singles...)
	all = append(all, chain...)
	reports := make([]*scoring.Report, len(all))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i, r := range all {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			t.Run(r.name, func(t *testing.T) { reports[i] = assess(t, r.d) })
		}()
	}
	wg.Wait()
	for _, r := range reports {
		require.NotNil(t, r, "an assessment did not complete")
	}
	ref := reports[0]
	for i, r := range all[4:] {
		noBetter(t, r.name, ref, reports[4+i])
	}
	prev := ref
	for i := range chain {
		idx := 4 + len(singles) + i
		noBetter(t, all[idx].name, prev, reports[idx])
		prev = reports[idx]
	}
	noBetter(t, "plain HTTP", ref, reports[1])
	noBetter(t, "plain HTTP and more", reports[1], reports[2])
	// A portal without HTTPS loses at least the security points of one with TLS 1.0.
	sec := func(r *scoring.Report) float64 {
		if g, ok := r.Scores.Groups["security"]; ok && g.Score != nil {
			return *g.Score
		}
		return 0
	}
	if sec(reports[1]) > sec(reports[3]) {
		t.Errorf("the plain-HTTP portal scores %.2f in security, more than the TLS 1.0 portal's %.2f", sec(reports[1]), sec(reports[3]))
	}
}
