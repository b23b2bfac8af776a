package scoring_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/scoring"
)

// randomFindings returns n findings sets over the whole catalogue, the same for the same seed.
func randomFindings(cat *criteria.Catalogue, n int) []scoring.Findings {
	rng := rand.New(rand.NewPCG(7, 11))
	statuses := []scoring.Status{scoring.Pass, scoring.Pass, scoring.Fail, scoring.Error, scoring.NotApplicable, scoring.NotTested}
	out := make([]scoring.Findings, n)
	for i := range out {
		out[i].Target = "portal-" + string(rune('a'+i%26))
		for _, c := range cat.Criteria {
			st := statuses[rng.IntN(len(statuses))]
			if c.Method == criteria.Attested && st == scoring.Pass {
				st = scoring.Attested
			}
			out[i].Findings = append(out[i].Findings, scoring.Finding{Criterion: c.ID, Status: st})
		}
	}
	return out
}

// BenchmarkScore1000 scores 1,000 portals' findings over the full p06-technical catalogue.
func BenchmarkScore1000(b *testing.B) {
	cat := criteria.P06Technical()
	sets := randomFindings(cat, 1000)
	cfg := scoring.Config{AsOf: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)}
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range sets {
			if _, err := scoring.Score(cat, in, cfg); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkAggregate1000 aggregates 1,000 scored reports into national figures.
func BenchmarkAggregate1000(b *testing.B) {
	cat := criteria.P06Technical()
	var reports []*scoring.Report
	for _, in := range randomFindings(cat, 1000) {
		r, err := scoring.Score(cat, in, scoring.Config{})
		if err != nil {
			b.Fatal(err)
		}
		reports = append(reports, r)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := scoring.Aggregate(cat, reports); err != nil {
			b.Fatal(err)
		}
	}
}
