package scoring

import (
	"strings"

	"github.com/p06kit/p06kit/criteria"
)

// Rescore scores a report's findings again under cfg: another as-of day, a unit's level,
// another grading. It is how a survey judges every portal on one day, whether the portal was
// assessed today or brought a report made on another day.
//
// Score sets some findings aside — not_applicable because the criterion was not in force on the
// report's as-of day or not in scope for the unit's level, waived because a waiver covered it —
// and records the status it replaced in the finding's message. Rescore restores those statuses
// first, so that a criterion set aside on one day counts again on a day it applies; a message
// that has Score's form but cannot be read back gives not_tested (the status before is unknown,
// and not_applicable would shrink the denominators). The report's waivers (applied and stale)
// are judged again as of cfg.AsOf, together with cfg.Waivers (a criterion waived in both is an
// input error); a waiver the report does not list (Score lists none for a criterion that was
// not_applicable) cannot be. What the assessment recorded beside its findings (started_at, duration,
// targets, discovery, refused requests, adapter, partial selection, traffic) is kept.
func Rescore(cat *criteria.Catalogue, r *Report, cfg Config) (*Report, error) {
	if r == nil {
		return nil, &InputError{Problems: []string{"no report to rescore"}}
	}
	in, waivers := FindingsOf(r)
	c := cfg
	c.Waivers = append(waivers, cfg.Waivers...)
	out, err := Score(cat, in, c)
	if err != nil {
		return nil, err
	}
	out.StartedAt, out.DurationMS, out.Targets, out.Discovery = r.StartedAt, r.DurationMS, r.Targets, r.Discovery
	out.OutOfScope, out.Adapter, out.Partial, out.Traffic, out.Shells = r.OutOfScope, r.Adapter, r.Partial, r.Traffic, r.Shells
	return out, nil
}

// FindingsOf returns the findings a report was scored from (what Score set aside as not in
// force, out of scope or waived gets its earlier status back; see unscore) and the waivers the
// report lists, applied and stale.
func FindingsOf(r *Report) (Findings, []Waiver) {
	applied := map[string]Waiver{}
	for _, w := range r.Waivers.Applied {
		applied[w.Criterion] = w
	}
	in := Findings{Catalogue: r.Catalogue.ID, Target: r.Target, Findings: make([]Finding, 0, len(r.Findings))}
	for _, f := range r.Findings {
		in.Findings = append(in.Findings, unscore(f, applied))
	}
	return in, append(append([]Waiver(nil), r.Waivers.Applied...), r.Waivers.Stale...)
}

// unscore undoes what Score did to a finding's status and message (see Score: "not in force
// on D (effective A to B); was S. M", "not in scope for a L unit (scope: …); was S. M",
// "waived until E by A: R (was S) M"). Other findings are returned as they are, without the
// group Score filled in.
func unscore(f Finding, applied map[string]Waiver) Finding {
	f.Group = ""
	unknown := func() Finding {
		f.Message = "set aside by an earlier scoring, status before unknown: " + f.Message
		f.Status = NotTested
		return f
	}
	switch f.Status {
	case NotApplicable:
		if !strings.HasPrefix(f.Message, "not in force on ") && !strings.HasPrefix(f.Message, "not in scope for a ") {
			return f
		}
		_, rest, ok := strings.Cut(f.Message, "); was ")
		if !ok {
			return unknown()
		}
		st, msg, _ := strings.Cut(rest, ".")
		if s := Status(st); !inputStatuses[s] || s == NotApplicable {
			return unknown()
		} else {
			f.Status, f.Message = s, strings.TrimSpace(msg)
		}
		// A criterion both out of force and out of scope was set aside once (Score skips a
		// finding already not_applicable), so one step restores it.
		return f
	case Waived:
		w, ok := applied[f.Criterion]
		if !ok {
			return unknown()
		}
		rest, ok := strings.CutPrefix(f.Message, "waived until "+w.Expires+" by "+w.ApprovedBy+": "+w.Reason+" (was ")
		if !ok {
			return unknown()
		}
		st, msg, ok := strings.Cut(rest, ")")
		if s := Status(st); !ok || !inputStatuses[s] {
			return unknown()
		} else {
			f.Status, f.Message = s, strings.TrimSpace(msg)
		}
		return f
	}
	return f
}
