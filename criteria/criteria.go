package criteria

import (
	"strings"
	"time"
)

// Text is a piece of text in Vietnamese and English. Both are required in built-in catalogues.
type Text struct {
	VI string `json:"vi"`
	EN string `json:"en"`
}

// In returns the text in lang ("vi" or "en"); any other value, or an empty translation, falls
// back to the other language so a message is never blank.
func (t Text) In(lang string) string {
	if strings.EqualFold(lang, "en") {
		if t.EN != "" {
			return t.EN
		}
		return t.VI
	}
	if t.VI != "" {
		return t.VI
	}
	return t.EN
}

// Level says how binding a criterion is.
type Level string

// The levels. Only mandatory criteria count towards the compliance rate.
const (
	Mandatory     Level = "mandatory"
	Recommended   Level = "recommended"
	Informational Level = "informational"
)

// Method says how a criterion is assessed.
type Method string

// The assessment methods.
const (
	// Automated criteria are checked black-box over HTTP against the portal.
	Automated Method = "automated"
	// Assisted criteria need the vendor's adapter and/or a fake national service.
	Assisted Method = "assisted"
	// Attested criteria are met by an evidence document, not by a check.
	Attested Method = "attested"
	// Computed criteria are computed from data the portal exports (dossier records).
	Computed Method = "computed"
)

// Kind says whether a legal basis is quoted law or an engineering control derived from it.
type Kind string

// The kinds of legal basis.
const (
	Quoted  Kind = "quoted"
	Derived Kind = "derived"
)

// Scope is the level of government a criterion applies to.
type Scope string

// The scopes.
const (
	Ministry Scope = "ministry"
	Province Scope = "province"
	Commune  Scope = "commune"
)

// Basis is one legal or technical source of a criterion.
type Basis struct {
	// Document names the text, e.g. "Decision 766/QĐ-TTg".
	Document string `json:"document"`
	// Article is the article, clause or section, where known.
	Article string `json:"article,omitempty"`
	// Kind is quoted only where the text really says what the criterion requires.
	Kind Kind `json:"kind"`
	// URL of a copy of the text, where known.
	URL string `json:"url,omitempty"`
	// Reliability is the source label of DOMAIN.md: P (primary), S (secondary),
	// R (reverse-engineered), U (unverified).
	Reliability string `json:"reliability,omitempty"`
	// Note records uncertainty: what is NOT FOUND or unverified about this basis.
	Note string `json:"note,omitempty"`
}

// Group is a group of criteria inside a catalogue.
type Group struct {
	ID    string `json:"id"`
	Title Text   `json:"title"`
	// Weight of the group in the overall score; 0 or absent means 1 (equal weights).
	Weight float64 `json:"weight,omitempty"`
	// MaxPoints is the group's maximum, where the source fixes one (Decision 766).
	MaxPoints float64 `json:"max_points,omitempty"`
}

// Criterion is one assessment criterion.
type Criterion struct {
	ID          string  `json:"id"`
	Group       string  `json:"group"`
	Title       Text    `json:"title"`
	Requirement Text    `json:"requirement"`
	Advice      Text    `json:"advice"`
	Level       Level   `json:"level"`
	Points      float64 `json:"points"`
	Critical    bool    `json:"critical"`
	Method      Method  `json:"method"`
	Basis       []Basis `json:"basis"`
	Scope       []Scope `json:"scope"`
	// EffectiveFrom and EffectiveUntil are dates (YYYY-MM-DD); EffectiveUntil is empty while the
	// criterion is in force.
	EffectiveFrom  string   `json:"effective_from"`
	EffectiveUntil string   `json:"effective_until,omitempty"`
	Tags           []string `json:"tags"`
	// Threshold is the rate (a fraction in [0,1]) at which a computed indicator earns full points.
	Threshold *float64 `json:"threshold,omitempty"`
	// Formula states, in words, how a computed indicator is calculated.
	Formula *Text `json:"formula,omitempty"`
}

// Catalogue is a versioned set of criteria.
type Catalogue struct {
	ID             string      `json:"id"`
	Version        string      `json:"version"`
	Title          Text        `json:"title"`
	EffectiveFrom  string      `json:"effective_from"`
	EffectiveUntil string      `json:"effective_until,omitempty"`
	Basis          []Basis     `json:"basis,omitempty"`
	Groups         []Group     `json:"groups"`
	Criteria       []Criterion `json:"criteria"`
}

// Criterion returns the criterion with the given ID.
func (c *Catalogue) Criterion(id string) (*Criterion, bool) {
	for i := range c.Criteria {
		if c.Criteria[i].ID == id {
			return &c.Criteria[i], true
		}
	}
	return nil, false
}

// Group returns the group with the given ID.
func (c *Catalogue) Group(id string) (*Group, bool) {
	for i := range c.Groups {
		if c.Groups[i].ID == id {
			return &c.Groups[i], true
		}
	}
	return nil, false
}

// InForce reports whether the criterion applies on day t.
func (c *Criterion) InForce(t time.Time) bool {
	day := t.Format(time.DateOnly)
	if c.EffectiveFrom != "" && day < c.EffectiveFrom {
		return false
	}
	return c.EffectiveUntil == "" || day < c.EffectiveUntil
}
