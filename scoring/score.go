package scoring

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/p06kit/p06kit/criteria"
)

// Model names the scoring model implemented by this package (see the package doc).
const Model = "p06kit scoring model 2"

// Config controls scoring. The zero value scores with no waivers and the Decision 766 bands.
type Config struct {
	// Waivers to apply. A waiver whose Expires is before AsOf is ignored and listed as stale.
	Waivers []Waiver
	// AsOf is the day waivers and criteria effective dates are judged against. Score reads no
	// clock: the caller decides. It is required when there are waivers; when zero, effective
	// dates are not applied.
	AsOf time.Time
	// Bands is the grading scheme; nil means Decision766.
	Bands *Bands
	// Level is the level of government of the assessed unit (ministry, province, commune); when
	// set, a criterion whose scope does not include it is not_applicable. Empty: scope is not
	// applied.
	Level criteria.Scope
	// View, when set, weighs the overall score by another scheme's groups; the catalogue's own
	// groups are still reported. When nil and Bands is Decision 473's (qd473) on the
	// p06-technical catalogue, Decision473View is used: a Decision 473 grade is computed from
	// Decision 473's weights.
	View *View
}

// InputError is a problem with the findings or waivers given to Score; Problems lists every one.
type InputError struct {
	Problems []string
}

func (e *InputError) Error() string {
	if len(e.Problems) == 1 {
		return "scoring: " + e.Problems[0]
	}
	return fmt.Sprintf("scoring: %d problems:\n  %s", len(e.Problems), strings.Join(e.Problems, "\n  "))
}

var inputStatuses = map[Status]bool{Pass: true, Fail: true, Error: true, NotApplicable: true, NotTested: true, Attested: true}

// Score scores findings against a catalogue under scoring model 2. It is pure and deterministic:
// the same inputs give the same report, with findings in catalogue order. A criterion of the
// catalogue with no finding counts as not_tested. Findings naming unknown criteria, carrying
// unknown statuses, repeating a criterion, or attesting a criterion whose method is not
// attested are errors (an *InputError naming each finding by index), as are malformed waivers.
func Score(cat *criteria.Catalogue, in Findings, cfg Config) (*Report, error) {
	if cat == nil {
		return nil, fmt.Errorf("scoring: no catalogue")
	}
	bands := Decision766
	if cfg.Bands != nil {
		bands = *cfg.Bands
	}
	if err := bands.Validate(); err != nil {
		return nil, err
	}
	var problems []string
	if in.Catalogue != "" && in.Catalogue != cat.ID {
		problems = append(problems, fmt.Sprintf("findings are for catalogue %q, not %q", in.Catalogue, cat.ID))
	}
	byID := make(map[string]Finding, len(in.Findings))
	firstIndex := map[string]int{}
	for i, f := range in.Findings {
		c, ok := cat.Criterion(f.Criterion)
		switch {
		case f.Criterion == "":
			problems = append(problems, fmt.Sprintf("findings[%d]: no criterion", i))
			continue
		case !ok:
			problems = append(problems, fmt.Sprintf("findings[%d]: unknown criterion %q (not in catalogue %s %s)", i, f.Criterion, cat.ID, cat.Version))
			continue
		}
		if j, dup := firstIndex[f.Criterion]; dup {
			problems = append(problems, fmt.Sprintf("findings[%d]: criterion %s already has a finding at findings[%d]", i, f.Criterion, j))
			continue
		}
		firstIndex[f.Criterion] = i
		switch {
		case f.Status == Waived:
			problems = append(problems, fmt.Sprintf("findings[%d] (%s): status %q is set by a waivers file, not by findings", i, f.Criterion, f.Status))
			continue
		case !inputStatuses[f.Status]:
			problems = append(problems, fmt.Sprintf("findings[%d] (%s): unknown status %q (want pass, fail, error, not_applicable, not_tested or attested)", i, f.Criterion, f.Status))
			continue
		case f.Status == Attested && c.Method != criteria.Attested:
			problems = append(problems, fmt.Sprintf("findings[%d] (%s): status attested is only for attested-method criteria; this one is %s", i, f.Criterion, c.Method))
			continue
		}
		byID[f.Criterion] = f
	}
	applied, stale, wproblems := sortWaivers(cat, cfg)
	problems = append(problems, wproblems...)
	if len(problems) > 0 {
		return nil, &InputError{Problems: problems}
	}

	r := &Report{
		ScoringModel: Model,
		Catalogue:    CatalogueRef{ID: cat.ID, Version: cat.Version},
		Target:       in.Target,
		Findings:     make([]Finding, 0, len(cat.Criteria)),
		Scores:       Scores{Groups: map[string]GroupScore{}, Caps: []Cap{}, Grading: bands.ID},
		Waivers:      WaiverSummary{Applied: []Waiver{}, Stale: stale},
	}
	for _, g := range cat.Groups {
		r.Scores.Groups[g.ID] = GroupScore{}
	}
	if !cfg.AsOf.IsZero() {
		r.AsOf = cfg.AsOf.Format(time.DateOnly)
	}
	r.Level = cfg.Level
	lowest := bands.Bands[len(bands.Bands)-1]
	scored := map[string]bool{}
	for i := range cat.Criteria {
		c := &cat.Criteria[i]
		f, ok := byID[c.ID]
		if !ok {
			f = Finding{Criterion: c.ID, Status: NotTested, Message: "no finding for this criterion"}
		}
		f.Group = c.Group
		if !cfg.AsOf.IsZero() && !c.InForce(cfg.AsOf) && f.Status != NotApplicable {
			f.Message = strings.TrimSpace(fmt.Sprintf("not in force on %s (effective %s to %s); was %s. %s",
				cfg.AsOf.Format(time.DateOnly), c.EffectiveFrom, orOpen(c.EffectiveUntil), f.Status, f.Message))
			f.Status = NotApplicable
		}
		if cfg.Level != "" && len(c.Scope) > 0 && !slices.Contains(c.Scope, cfg.Level) && f.Status != NotApplicable {
			f.Message = strings.TrimSpace(fmt.Sprintf("not in scope for a %s unit (scope: %s); was %s. %s",
				cfg.Level, scopeList(c.Scope), f.Status, f.Message))
			f.Status = NotApplicable
		}
		if w, ok := applied[c.ID]; ok && f.Status != NotApplicable {
			f.Message = strings.TrimSpace(fmt.Sprintf("waived until %s by %s: %s (was %s) %s", w.Expires, w.ApprovedBy, w.Reason, f.Status, f.Message))
			f.Status = Waived
			r.Waivers.Applied = append(r.Waivers.Applied, w)
		}
		r.Findings = append(r.Findings, f)

		counts := f.Status != NotApplicable && f.Status != Waived && c.Level != criteria.Informational
		met := f.Status == Pass || f.Status == Attested
		if counts {
			gs := r.Scores.Groups[c.Group]
			gs.Available += c.Points
			if met {
				gs.Earned += c.Points
			}
			r.Scores.Groups[c.Group] = gs
			if f.Status == Pass || f.Status == Fail || f.Status == Attested {
				scored[c.Group] = true
			}
			if c.Level == criteria.Mandatory {
				r.Scores.Compliance.Applicable++
				if met {
					r.Scores.Compliance.Met++
				}
			}
		}
		if c.Critical && (f.Status == Fail || f.Status == Error) {
			r.Scores.Caps = append(r.Scores.Caps, Cap{Criterion: c.ID, Status: f.Status, Grade: lowest.ID})
		}
		if c.Critical && f.Status == NotTested {
			r.Scores.Provisional = true
			r.Scores.ProvisionalBecause = append(r.Scores.ProvisionalBecause, c.ID)
		}
	}
	if r.Scores.Compliance.Applicable > 0 {
		r.Scores.Compliance.Rate = float64(r.Scores.Compliance.Met) / float64(r.Scores.Compliance.Applicable)
	}
	var wsum, sum float64
	for _, g := range cat.Groups {
		gs := r.Scores.Groups[g.ID]
		if gs.Available > 0 && scored[g.ID] {
			v := gs.Earned / gs.Available * 100
			gs.Score = &v
			w := g.Weight
			if w <= 0 {
				w = 1
			}
			wsum += w
			sum += w * v
		}
		r.Scores.Groups[g.ID] = gs
	}
	if wsum > 0 {
		r.Scores.Overall = sum / wsum
	}
	view := cfg.View
	if view == nil && bands.ID == Decision473.ID && cat.ID == criteria.P06TechnicalID {
		view = &Decision473View
	}
	if view != nil {
		vs, overall, err := view.score(cat, r.Findings)
		if err != nil {
			return nil, err
		}
		r.Scores.View, r.Scores.ViewGroups, r.Scores.Overall = view.ID, vs, overall
	}
	grade := bands.Grade(r.Scores.Overall)
	if len(r.Scores.Caps) > 0 {
		grade = lowest
	}
	r.Scores.Grade = grade.ID
	r.Coverage = CoverageOf(r.Findings)
	r.Scores.GradeVerified = grade.Verified
	if grade.ID == lowest.ID {
		// The lowest band cannot fall further: a criterion not assessed changes nothing.
		r.Scores.Provisional, r.Scores.ProvisionalBecause = false, nil
	}
	sort.Slice(r.Waivers.Applied, func(i, j int) bool { return r.Waivers.Applied[i].Criterion < r.Waivers.Applied[j].Criterion })
	return r, nil
}

func scopeList(sc []criteria.Scope) string {
	parts := make([]string, len(sc))
	for i, x := range sc {
		parts[i] = string(x)
	}
	return strings.Join(parts, ", ")
}

func orOpen(s string) string {
	if s == "" {
		return "open"
	}
	return s
}

// sortWaivers validates the waivers and splits them into those that apply (by criterion) and
// the stale ones (sorted by criterion).
func sortWaivers(cat *criteria.Catalogue, cfg Config) (map[string]Waiver, []Waiver, []string) {
	applied := map[string]Waiver{}
	stale := []Waiver{}
	var problems []string
	if len(cfg.Waivers) > 0 && cfg.AsOf.IsZero() {
		return applied, stale, []string{"waivers need Config.AsOf, the day their expiry is judged against"}
	}
	today := cfg.AsOf.Format(time.DateOnly)
	seen := map[string]int{}
	for i, w := range cfg.Waivers {
		where := fmt.Sprintf("waivers[%d]", i)
		if w.Criterion != "" {
			where += " (" + w.Criterion + ")"
		}
		var bad []string
		if _, ok := cat.Criterion(w.Criterion); !ok {
			bad = append(bad, fmt.Sprintf("unknown criterion %q", w.Criterion))
		}
		if strings.TrimSpace(w.Reason) == "" {
			bad = append(bad, "no reason")
		}
		if strings.TrimSpace(w.ApprovedBy) == "" {
			bad = append(bad, "no approved_by")
		}
		if _, err := time.Parse(time.DateOnly, w.Expires); err != nil {
			bad = append(bad, fmt.Sprintf("expires %q is not a date YYYY-MM-DD", w.Expires))
		}
		if j, dup := seen[w.Criterion]; dup && w.Criterion != "" {
			bad = append(bad, fmt.Sprintf("criterion already waived by waivers[%d]", j))
		}
		if len(bad) > 0 {
			for _, b := range bad {
				problems = append(problems, where+": "+b)
			}
			continue
		}
		seen[w.Criterion] = i
		if w.Expires < today {
			stale = append(stale, w)
			continue
		}
		applied[w.Criterion] = w
	}
	sort.Slice(stale, func(i, j int) bool { return stale[i].Criterion < stale[j].Criterion })
	return applied, stale, problems
}
