package criteria

import (
	"slices"
	"strings"
	"time"
)

// Selector decides whether a criterion is selected. Selectors compose: Catalogue.Select keeps
// the criteria that every selector accepts. A Selector must not modify the criterion.
type Selector func(*Criterion) bool

// Select returns the criteria that every selector accepts, in catalogue order. With no
// selector it returns every criterion. The pointers point into c: changing a returned
// criterion changes the catalogue.
func (c *Catalogue) Select(sel ...Selector) []*Criterion {
	var out []*Criterion
	for i := range c.Criteria {
		cr := &c.Criteria[i]
		if matchAll(cr, sel) {
			out = append(out, cr)
		}
	}
	return out
}

// Subset returns a new catalogue holding copies of the criteria that every selector accepts,
// in catalogue order, and the groups that still have criteria. ID, version, title, dates and
// basis are kept, so the subset still passes Validate (unless nothing was selected).
func (c *Catalogue) Subset(sel ...Selector) *Catalogue {
	out := *c
	out.Basis = slices.Clone(c.Basis)
	out.Criteria = nil
	used := map[string]bool{}
	for i := range c.Criteria {
		if matchAll(&c.Criteria[i], sel) {
			out.Criteria = append(out.Criteria, c.Criteria[i].clone())
			used[c.Criteria[i].Group] = true
		}
	}
	out.Groups = nil
	for _, g := range c.Groups {
		if used[g.ID] {
			out.Groups = append(out.Groups, g)
		}
	}
	return &out
}

// Clone returns a deep copy of the catalogue: changing the copy never changes c.
func (c *Catalogue) Clone() *Catalogue {
	out := *c
	out.Basis = slices.Clone(c.Basis)
	out.Groups = slices.Clone(c.Groups)
	if c.Criteria != nil {
		out.Criteria = make([]Criterion, len(c.Criteria))
		for i := range c.Criteria {
			out.Criteria[i] = c.Criteria[i].clone()
		}
	}
	return &out
}

// IDs returns the IDs of all criteria in catalogue order.
func (c *Catalogue) IDs() []string {
	ids := make([]string, len(c.Criteria))
	for i := range c.Criteria {
		ids[i] = c.Criteria[i].ID
	}
	return ids
}

func (cr Criterion) clone() Criterion {
	cr.Basis = slices.Clone(cr.Basis)
	cr.Scope = slices.Clone(cr.Scope)
	cr.Tags = slices.Clone(cr.Tags)
	if cr.Threshold != nil {
		t := *cr.Threshold
		cr.Threshold = &t
	}
	if cr.Formula != nil {
		f := *cr.Formula
		cr.Formula = &f
	}
	return cr
}

func matchAll(cr *Criterion, sel []Selector) bool {
	for _, s := range sel {
		if s != nil && !s(cr) {
			return false
		}
	}
	return true
}

// ByID selects the criteria with any of the given IDs (exact match).
func ByID(ids ...string) Selector {
	return func(cr *Criterion) bool { return slices.Contains(ids, cr.ID) }
}

// ByIDPrefix selects the criteria whose ID starts with any of the prefixes, e.g. "P06-SEC-".
func ByIDPrefix(prefixes ...string) Selector {
	return func(cr *Criterion) bool {
		for _, p := range prefixes {
			if strings.HasPrefix(cr.ID, p) {
				return true
			}
		}
		return false
	}
}

// ByGroup selects the criteria in any of the given groups.
func ByGroup(groups ...string) Selector {
	return func(cr *Criterion) bool { return slices.Contains(groups, cr.Group) }
}

// ByName selects the criteria a name picks, the way harness.Only and p06 --only read it: a
// criterion ID (in any case), a group ID, or a tag (in any case).
func ByName(name string) Selector {
	return func(cr *Criterion) bool {
		return strings.EqualFold(name, cr.ID) || name == cr.Group || slices.Contains(cr.Tags, strings.ToLower(name))
	}
}

// Names lists what ByName accepts in c: its group IDs, then each criterion's ID and tags (for
// suggesting the closest one to a name that picks nothing).
func (c *Catalogue) Names() []string {
	var out []string
	for _, g := range c.Groups {
		out = append(out, g.ID)
	}
	for i := range c.Criteria {
		out = append(out, c.Criteria[i].ID)
		out = append(out, c.Criteria[i].Tags...)
	}
	return out
}

// ByTag selects the criteria that carry any of the given tags (tags are lower-case; the
// argument is compared case-insensitively).
func ByTag(tags ...string) Selector {
	lower := make([]string, len(tags))
	for i, t := range tags {
		lower[i] = strings.ToLower(t)
	}
	return func(cr *Criterion) bool {
		for _, t := range cr.Tags {
			if slices.Contains(lower, t) {
				return true
			}
		}
		return false
	}
}

// ByMethod selects the criteria assessed by any of the given methods.
func ByMethod(methods ...Method) Selector {
	return func(cr *Criterion) bool { return slices.Contains(methods, cr.Method) }
}

// ByLevel selects the criteria of any of the given levels.
func ByLevel(levels ...Level) Selector {
	return func(cr *Criterion) bool { return slices.Contains(levels, cr.Level) }
}

// ByScope selects the criteria that apply to any of the given levels of government.
func ByScope(scopes ...Scope) Selector {
	return func(cr *Criterion) bool {
		for _, s := range cr.Scope {
			if slices.Contains(scopes, s) {
				return true
			}
		}
		return false
	}
}

// InForceOn selects the criteria in force on day t (see Criterion.InForce).
func InForceOn(t time.Time) Selector {
	return func(cr *Criterion) bool { return cr.InForce(t) }
}

// IsCritical selects the critical criteria: those whose failure caps the grade.
func IsCritical() Selector {
	return func(cr *Criterion) bool { return cr.Critical }
}

// Not selects the criteria that s rejects.
func Not(s Selector) Selector {
	return func(cr *Criterion) bool { return !s(cr) }
}

// AnyOf selects the criteria that at least one of the selectors accepts.
func AnyOf(sel ...Selector) Selector {
	return func(cr *Criterion) bool {
		for _, s := range sel {
			if s != nil && s(cr) {
				return true
			}
		}
		return false
	}
}
