package scoring

import (
	"fmt"
	"time"

	"github.com/p06kit/p06kit/criteria"
)

// Model names the scoring model implemented by this package.
const Model = "p06kit scoring model 1"

// Config controls scoring. The zero value scores with no waivers and the default grade bands.
type Config struct {
	// Waivers to apply. An expired waiver is ignored and listed as stale.
	Waivers []Waiver
	// AsOf is the day waiver expiry is judged against. Score reads no clock: the caller decides.
	AsOf time.Time
}

// Score scores findings against a catalogue.
//
// SCAFFOLD: a first cut so the rest of the module can build; the full model (caps, bands,
// waivers, validation) replaces it.
func Score(cat *criteria.Catalogue, in Findings, cfg Config) (*Report, error) {
	by := map[string]Finding{}
	for i, f := range in.Findings {
		if _, ok := cat.Criterion(f.Criterion); !ok {
			return nil, fmt.Errorf("scoring: findings[%d]: unknown criterion %q", i, f.Criterion)
		}
		by[f.Criterion] = f
	}
	r := &Report{ScoringModel: Model, Catalogue: CatalogueRef{ID: cat.ID, Version: cat.Version}, Target: in.Target,
		Scores: Scores{Groups: map[string]GroupScore{}, Caps: []Cap{}}, Waivers: WaiverSummary{Applied: []Waiver{}, Stale: []Waiver{}}}
	for _, c := range cat.Criteria {
		f, ok := by[c.ID]
		if !ok {
			f = Finding{Criterion: c.ID, Status: NotTested}
		}
		f.Group = c.Group
		r.Findings = append(r.Findings, f)
		if c.Level == criteria.Mandatory && f.Status != NotApplicable && f.Status != Waived {
			r.Scores.Compliance.Applicable++
			if f.Status == Pass || f.Status == Attested {
				r.Scores.Compliance.Met++
			}
		}
	}
	if r.Scores.Compliance.Applicable > 0 {
		r.Scores.Compliance.Rate = float64(r.Scores.Compliance.Met) / float64(r.Scores.Compliance.Applicable)
	}
	return r, nil
}
