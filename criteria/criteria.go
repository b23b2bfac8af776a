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
	// Article is the article, clause or section, where known; ArticleVI the same in Vietnamese.
	// Both are p06kit's wording of the provision — a summary in the project's words, not a
	// verbatim quotation of the text — unless the text is in quotation marks.
	Article   string `json:"article,omitempty"`
	ArticleVI string `json:"article_vi,omitempty"`
	// Kind is quoted only where the text really says what the criterion requires.
	Kind Kind `json:"kind"`
	// URL of a copy of the text, where known.
	URL string `json:"url,omitempty"`
	// Reliability is the source label of docs/README.md: P (primary), S (secondary),
	// R (reverse-engineered), U (unverified).
	Reliability string `json:"reliability,omitempty"`
	// Note records uncertainty: what is NOT FOUND or unverified about this basis; NoteVI is
	// the same note in Vietnamese.
	Note   string `json:"note,omitempty"`
	NoteVI string `json:"note_vi,omitempty"`
	// DocumentVI is the document's name in Vietnamese, in full.
	DocumentVI string `json:"document_vi,omitempty"`
	// Issuer is the body that issued the text; IssuerNow, where it differs, the body that holds
	// that remit today (the Ministry of Information and Communications was merged into the
	// Ministry of Science and Technology in 2025).
	Issuer      string `json:"issuer,omitempty"`
	IssuerNow   string `json:"issuer_now,omitempty"`
	IssuerNowVI string `json:"issuer_now_vi,omitempty"`
	// EffectiveFrom and EffectiveUntil (YYYY-MM-DD) bound the days the cited text was in force:
	// EffectiveUntil is the first day it no longer was. Either is empty where the sources give
	// no date; Note then says so.
	EffectiveFrom  string `json:"effective_from,omitempty"`
	EffectiveUntil string `json:"effective_until,omitempty"`
	// SupersededBy names the texts that replaced or amended this one, with the day they took
	// effect where known. A successor marked with reliability U is reported, not confirmed:
	// it does not end the basis.
	SupersededBy []Successor `json:"superseded_by,omitempty"`
}

// Successor is a text that replaced or amended a cited text.
type Successor struct {
	Document      string `json:"document"`
	DocumentVI    string `json:"document_vi,omitempty"`
	Article       string `json:"article,omitempty"`
	ArticleVI     string `json:"article_vi,omitempty"`
	EffectiveFrom string `json:"effective_from,omitempty"`
	Reliability   string `json:"reliability,omitempty"`
	Note          string `json:"note,omitempty"`
	NoteVI        string `json:"note_vi,omitempty"`
}

// InForce reports whether the cited text was in force on day t, as far as its dates say: a
// basis without dates is taken to be in force.
func (b *Basis) InForce(t time.Time) bool {
	day := t.Format(time.DateOnly)
	if b.EffectiveFrom != "" && day < b.EffectiveFrom {
		return false
	}
	return b.EffectiveUntil == "" || day < b.EffectiveUntil
}

// Name is the document's name in lang: the Vietnamese name where there is one and lang is
// "vi", else the English one.
func (b *Basis) Name(lang string) string {
	if lang == "vi" && b.DocumentVI != "" {
		return b.DocumentVI
	}
	return b.Document
}

// ArticleIn is the provision in lang: the Vietnamese where there is one and lang is "vi", else
// the English.
func (b *Basis) ArticleIn(lang string) string {
	if lang == "vi" && b.ArticleVI != "" {
		return b.ArticleVI
	}
	return b.Article
}

// IssuerNowIn is IssuerNow in lang: the Vietnamese where there is one and lang is "vi", else
// the English.
func (b *Basis) IssuerNowIn(lang string) string {
	if lang == "vi" && b.IssuerNowVI != "" {
		return b.IssuerNowVI
	}
	return b.IssuerNow
}

// NoteIn is the note in lang: the Vietnamese where there is one and lang is "vi", else the
// English.
func (b *Basis) NoteIn(lang string) string {
	if lang == "vi" && b.NoteVI != "" {
		return b.NoteVI
	}
	return b.Note
}

// BasesAt returns the bases of the criterion that were in force on day t.
func (c *Criterion) BasesAt(t time.Time) []Basis {
	var out []Basis
	for i := range c.Basis {
		if c.Basis[i].InForce(t) {
			out = append(out, c.Basis[i])
		}
	}
	return out
}

// AsOf returns a copy of the catalogue as it stood on day t: the criteria in force that day,
// each with the bases in force that day.
func (c *Catalogue) AsOf(t time.Time) *Catalogue {
	out := *c
	out.Basis = nil
	for i := range c.Basis {
		if c.Basis[i].InForce(t) {
			out.Basis = append(out.Basis, c.Basis[i])
		}
	}
	out.Criteria = nil
	for i := range c.Criteria {
		cr := c.Criteria[i]
		if !cr.InForce(t) {
			continue
		}
		cr.Basis = cr.BasesAt(t)
		out.Criteria = append(out.Criteria, cr)
	}
	var groups []Group
	for _, g := range c.Groups {
		for _, cr := range out.Criteria {
			if cr.Group == g.ID {
				groups = append(groups, g)
				break
			}
		}
	}
	out.Groups = groups
	return &out
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

// Cited returns a copy of the catalogue as a report cites it: each criterion keeps the bases
// in force on day t (all of them when t is zero, or when none was in force that day, so that
// a criterion never loses its basis), with document names in lang ("vi": the full Vietnamese
// name where there is one).
func (c *Catalogue) Cited(t time.Time, lang string) *Catalogue {
	out := *c
	name := func(bs []Basis) []Basis {
		cp := make([]Basis, len(bs))
		for i := range bs {
			cp[i] = bs[i]
			cp[i].Document = bs[i].Name(lang)
		}
		return cp
	}
	out.Basis = name(c.Basis)
	out.Criteria = make([]Criterion, len(c.Criteria))
	for i := range c.Criteria {
		cr := c.Criteria[i]
		bs := cr.Basis
		if !t.IsZero() {
			if now := cr.BasesAt(t); len(now) > 0 {
				bs = now
			}
		}
		cr.Basis = name(bs)
		out.Criteria[i] = cr
	}
	return &out
}
