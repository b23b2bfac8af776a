package scoring

import (
	"fmt"
	"slices"
	"sort"

	"github.com/p06kit/p06kit/criteria"
)

// Survey is the aggregation of many portals' reports over one catalogue: the figures a ministry
// reports nationally (the 2023 survey's "20.48% of requirements met" is Rate).
type Survey struct {
	Catalogue CatalogueRef `json:"catalogue"`
	// AsOf is the day (YYYY-MM-DD) every report was scored as of, when they all were scored as
	// of the same day; empty when they differ or carry none.
	AsOf string `json:"as_of,omitempty"`
	// The figures of all the portals.
	Figures
	// Levels are the same national figures for the units of each level of government apart
	// (ministries, provinces, communes, then units of no stated level), when any report was
	// scored for a level (Report.Level); levels with no unit are left out.
	Levels []LevelRate `json:"levels,omitempty"`
	// Dimensions are the figures over each of the 2023 survey's five dimensions
	// ([Dimensions2023], by the catalogue's dim-* tags), and WeakGroups over its three weak
	// groups ([WeakGroups2023], p06-technical only); absent when the catalogue has none.
	Dimensions []ViewRate `json:"dimensions,omitempty"`
	WeakGroups []ViewRate `json:"weak_groups,omitempty"`
	// Criteria are the rates per mandatory criterion across portals, in catalogue order.
	Criteria []CriterionRate `json:"criteria"`
	// Groups are the rates and mean scores per group, in catalogue order.
	Groups []GroupRate `json:"groups"`
	// Ranking orders the portals: compliance rate, then overall score, both descending; ties
	// share a rank (1, 2, 2, 4) and are listed by target.
	Ranking []Rank `json:"ranking"`
}

// CriterionRate is one mandatory criterion across portals. Applicable and Rate count only the
// portals where the criterion was assessed (pass, fail or attested); NotAssessed counts those
// where it was not_tested or error, which say nothing about the portal's compliance.
type CriterionRate struct {
	Criterion   string  `json:"criterion"`
	Group       string  `json:"group"`
	Met         int     `json:"met"`
	Applicable  int     `json:"applicable"`
	Rate        float64 `json:"rate"`
	NotAssessed int     `json:"not_assessed"`
}

// GroupRate is one group across portals: mandatory criteria met / applicable, and the mean of
// the group scores of the portals where the group had anything applicable.
type GroupRate struct {
	Group      string  `json:"group"`
	Met        int     `json:"met"`
	Applicable int     `json:"applicable"`
	Rate       float64 `json:"rate"`
	MeanScore  float64 `json:"mean_score"`
	Scored     int     `json:"scored"`
}

// Figures are the national figures of a set of portals, all of them or the units of one level.
type Figures struct {
	Portals int `json:"portals"`
	// Met and Applicable add up every portal's mandatory criteria; Rate is Met / Applicable.
	Met        int     `json:"met"`
	Applicable int     `json:"applicable"`
	Rate       float64 `json:"rate"`
	// FullyCompliant counts portals that meet every applicable mandatory criterion (and have at
	// least one); FullyCompliantShare is FullyCompliant / Portals.
	FullyCompliant      int     `json:"fully_compliant"`
	FullyCompliantShare float64 `json:"fully_compliant_share"`
	// MeanOverall is the mean of the portals' overall scores.
	MeanOverall float64 `json:"mean_overall"`
}

// add counts r in; MeanOverall holds the sum of the overall scores until finish.
func (f *Figures) add(r *Report) {
	c := r.Scores.Compliance
	f.Portals++
	f.Met += c.Met
	f.Applicable += c.Applicable
	if c.Applicable > 0 && c.Met == c.Applicable {
		f.FullyCompliant++
	}
	f.MeanOverall += r.Scores.Overall
}

// finish turns the counts and sums into rates and the mean.
func (f *Figures) finish() {
	f.Rate = ratio(f.Met, f.Applicable)
	f.FullyCompliantShare = ratio(f.FullyCompliant, f.Portals)
	if f.Portals > 0 {
		f.MeanOverall /= float64(f.Portals)
	}
}

// LevelRate is the national figures of the units of one level of government.
type LevelRate struct {
	// Level is ministry, province or commune, or "unspecified" for reports of no level.
	Level string `json:"level"`
	Figures
}

// Unspecified is LevelRate.Level for units whose report was scored for no level.
const Unspecified = "unspecified"

// levelRates splits the (sorted) reports by level; nil when none has a level.
func levelRates(sorted []*Report) []LevelRate {
	if !slices.ContainsFunc(sorted, func(r *Report) bool { return r.Level != "" }) {
		return nil
	}
	by := map[string]*LevelRate{}
	order := []string{string(criteria.Ministry), string(criteria.Province), string(criteria.Commune)}
	for _, r := range sorted {
		lv := string(r.Level)
		if lv == "" {
			lv = Unspecified
		}
		l, ok := by[lv]
		if !ok {
			l = &LevelRate{Level: lv}
			by[lv] = l
			if lv != Unspecified && !slices.Contains(order, lv) {
				order = append(order, lv)
			}
		}
		l.Figures.add(r)
	}
	var out []LevelRate
	for _, lv := range append(order, Unspecified) {
		if l, ok := by[lv]; ok {
			l.Figures.finish()
			out = append(out, *l)
		}
	}
	return out
}

// Rank is one portal's place.
type Rank struct {
	Rank    int     `json:"rank"`
	Target  string  `json:"target"`
	Rate    float64 `json:"rate"`
	Overall float64 `json:"overall"`
	Grade   string  `json:"grade"`
	// Assessed and Total are the portal's coverage: findings assessed out of all of them.
	Assessed int `json:"assessed"`
	Total    int `json:"total"`
}

// Aggregate combines reports scored against cat. Every report must be of that catalogue. The
// result does not depend on the order of the reports.
func Aggregate(cat *criteria.Catalogue, reports []*Report) (*Survey, error) {
	s := &Survey{Catalogue: CatalogueRef{ID: cat.ID, Version: cat.Version},
		Criteria: []CriterionRate{}, Groups: []GroupRate{}, Ranking: []Rank{}}
	crit := map[string]*CriterionRate{}
	for _, c := range cat.Criteria {
		if c.Level == criteria.Mandatory {
			s.Criteria = append(s.Criteria, CriterionRate{Criterion: c.ID, Group: c.Group})
		}
	}
	for i := range s.Criteria {
		crit[s.Criteria[i].Criterion] = &s.Criteria[i]
	}
	groups := map[string]*GroupRate{}
	for _, g := range cat.Groups {
		s.Groups = append(s.Groups, GroupRate{Group: g.ID})
	}
	for i := range s.Groups {
		groups[s.Groups[i].Group] = &s.Groups[i]
	}
	// Sort a copy so that float sums, and so the result, do not depend on the input order.
	sorted := append([]*Report(nil), reports...)
	for i, r := range sorted {
		if r == nil {
			return nil, fmt.Errorf("scoring: reports[%d] is nil", i)
		}
	}
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Target != sorted[j].Target {
			return sorted[i].Target < sorted[j].Target
		}
		return sorted[i].Scores.Overall < sorted[j].Scores.Overall
	})
	for i, r := range sorted {
		if r.Catalogue.ID != cat.ID {
			return nil, fmt.Errorf("scoring: reports[%d] (%s) is scored against catalogue %q, not %q", i, r.Target, r.Catalogue.ID, cat.ID)
		}
		s.Figures.add(r)
		for _, f := range r.Findings {
			cr, ok := crit[f.Criterion]
			if !ok || f.Status == NotApplicable || f.Status == Waived {
				continue
			}
			if f.Status == NotTested || f.Status == Error {
				cr.NotAssessed++
				continue
			}
			cr.Applicable++
			groups[cr.Group].Applicable++
			if f.Status == Pass || f.Status == Attested {
				cr.Met++
				groups[cr.Group].Met++
			}
		}
		for id, gs := range r.Scores.Groups {
			if g, ok := groups[id]; ok && gs.Score != nil {
				g.MeanScore += *gs.Score
				g.Scored++
			}
		}
		cov := r.Coverage
		if cov == nil {
			cov = CoverageOf(r.Findings)
		}
		s.Ranking = append(s.Ranking, Rank{Target: r.Target, Rate: r.Scores.Compliance.Rate, Overall: r.Scores.Overall, Grade: r.Scores.Grade,
			Assessed: cov.Assessed, Total: cov.Total})
	}
	s.Figures.finish()
	s.Levels = levelRates(sorted)
	for i, r := range sorted {
		if i == 0 {
			s.AsOf = r.AsOf
		} else if r.AsOf != s.AsOf {
			s.AsOf = ""
			break
		}
	}
	for i := range s.Criteria {
		s.Criteria[i].Rate = ratio(s.Criteria[i].Met, s.Criteria[i].Applicable)
	}
	for i := range s.Groups {
		g := &s.Groups[i]
		g.Rate = ratio(g.Met, g.Applicable)
		if g.Scored > 0 {
			g.MeanScore /= float64(g.Scored)
		}
	}
	s.Dimensions = s.viewRates(cat, Dimensions2023)
	if cat.ID == criteria.P06TechnicalID {
		s.WeakGroups = s.viewRates(cat, WeakGroups2023)
	}
	sort.SliceStable(s.Ranking, func(i, j int) bool {
		a, b := s.Ranking[i], s.Ranking[j]
		if a.Rate != b.Rate {
			return a.Rate > b.Rate
		}
		if a.Overall != b.Overall {
			return a.Overall > b.Overall
		}
		return a.Target < b.Target
	})
	for i := range s.Ranking {
		if i > 0 && s.Ranking[i].Rate == s.Ranking[i-1].Rate && s.Ranking[i].Overall == s.Ranking[i-1].Overall {
			s.Ranking[i].Rank = s.Ranking[i-1].Rank
		} else {
			s.Ranking[i].Rank = i + 1
		}
	}
	return s, nil
}

// Weakest returns up to n mandatory criteria with the lowest rate across portals (ties by
// catalogue order), counting only the portals where each was assessed and leaving out criteria
// assessed nowhere (see [Survey.NeverAssessed]).
func (s *Survey) Weakest(n int) []CriterionRate {
	var out []CriterionRate
	for _, c := range s.Criteria {
		if c.Applicable > 0 {
			out = append(out, c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Rate < out[j].Rate })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// NeverAssessed returns the mandatory criteria that were assessed on no portal but were
// not_tested or error on some, in catalogue order: what the survey cannot say anything about.
func (s *Survey) NeverAssessed() []CriterionRate {
	var out []CriterionRate
	for _, c := range s.Criteria {
		if c.Applicable == 0 && c.NotAssessed > 0 {
			out = append(out, c)
		}
	}
	return out
}

// Subtotal adds up the mandatory criteria of the survey that the selectors choose in cat (a
// dimension, a group of weak criteria): met and applicable across portals, and their rate.
func (s *Survey) Subtotal(cat *criteria.Catalogue, sel ...criteria.Selector) (met, applicable int, rate float64) {
	keep := map[string]bool{}
	for _, c := range cat.Select(sel...) {
		keep[c.ID] = true
	}
	for _, cr := range s.Criteria {
		if keep[cr.Criterion] {
			met += cr.Met
			applicable += cr.Applicable
		}
	}
	if applicable > 0 {
		rate = float64(met) / float64(applicable)
	}
	return met, applicable, rate
}
