package report

import (
	"sort"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/scoring"
)

// Fix is a failed criterion in the order a portal's team should fix them.
type Fix struct {
	Finding   scoring.Finding
	Criterion *criteria.Criterion // nil when the catalogue is unknown
	// Impact is how many points of the overall score (0–100) fixing it would win, at most:
	// the criterion's share of its group's points times the group's share of the overall
	// score.
	Impact float64
}

// FixFirst returns r's failed criteria ranked by impact: critical ones first (a failed
// critical criterion caps the grade), then mandatory before recommended, then by the points
// of the overall score they cost, then by ID. Errors and not_tested criteria are not listed:
// nothing was seen to fix (the reports list them apart as not assessed).
func FixFirst(r *scoring.Report, opt Options) []Fix {
	opt = opt.withDefaults(r)
	weight := func(g string) float64 {
		if opt.Catalogue != nil {
			if gr, ok := opt.Catalogue.Group(g); ok && gr.Weight > 0 {
				return gr.Weight
			}
		}
		return 1
	}
	var wsum float64
	for g, gs := range r.Scores.Groups {
		if gs.Scored() && gs.Available > 0 {
			wsum += weight(g)
		}
	}
	var out []Fix
	for _, f := range r.Findings {
		if f.Status != scoring.Fail {
			continue
		}
		fx := Fix{Finding: f, Criterion: opt.criterion(f.Criterion)}
		if gs := r.Scores.Groups[f.Group]; fx.Criterion != nil && gs.Available > 0 && wsum > 0 {
			fx.Impact = fx.Criterion.Points / gs.Available * 100 * weight(f.Group) / wsum
		}
		out = append(out, fx)
	}
	rank := func(fx Fix) (critical, mandatory bool) {
		if fx.Criterion == nil {
			return false, false
		}
		return fx.Criterion.Critical, fx.Criterion.Level == criteria.Mandatory
	}
	sort.SliceStable(out, func(i, j int) bool {
		ci, mi := rank(out[i])
		cj, mj := rank(out[j])
		switch {
		case ci != cj:
			return ci
		case mi != mj:
			return mi
		case out[i].Impact != out[j].Impact:
			return out[i].Impact > out[j].Impact
		}
		return out[i].Finding.Criterion < out[j].Finding.Criterion
	})
	return out
}
