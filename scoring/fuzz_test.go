package scoring_test

import (
	"testing"
	"time"

	"github.com/p06kit/p06kit/scoring"
)

// FuzzDecodeAndScore feeds arbitrary bytes through the findings and waivers decoders and the
// scorer: bad input must give an error, never a panic, and what decodes must score or give an
// input error.
func FuzzDecodeAndScore(f *testing.F) {
	f.Add([]byte(`{"catalogue":"demo","findings":[{"criterion":"A1","status":"pass"},{"criterion":"B3","status":"attested"}]}`),
		[]byte(`{"waivers":[{"criterion":"A2","reason":"r","approved_by":"a","expires":"2027-01-01"}]}`))
	f.Add([]byte(`{"findings":[{"criterion":"A1","status":"fail","evidence":[{"status":500}]}]}`), []byte(`{"waivers":[]}`))
	f.Add([]byte(`{"findings":[{"criterion":"Z","status":"pass"},{"criterion":"A1","status":"pass"},{"criterion":"A1","status":"pass"}]}`), []byte(`{`))
	f.Add([]byte(`[]`), []byte(`null`))
	cat := demo()
	asOf := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, findings, waivers []byte) {
		in, err := scoring.DecodeFindings(findings)
		if err != nil {
			return
		}
		ws, err := scoring.DecodeWaivers(waivers)
		if err != nil {
			ws = nil
		}
		r, err := scoring.Score(cat, in, scoring.Config{AsOf: asOf, Waivers: ws})
		if err != nil {
			return
		}
		if len(r.Findings) != len(cat.Criteria) {
			t.Fatalf("report has %d findings, want one per criterion (%d)", len(r.Findings), len(cat.Criteria))
		}
		if c := r.Scores.Compliance; c.Met > c.Applicable || c.Rate < 0 || c.Rate > 1 {
			t.Fatalf("impossible compliance %+v", c)
		}
		if r.Scores.Overall < 0 || r.Scores.Overall > 100 {
			t.Fatalf("overall %v out of [0,100]", r.Scores.Overall)
		}
	})
}
