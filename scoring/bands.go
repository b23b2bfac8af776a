package scoring

import (
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/criteria"
)

// Band is one grade band: scores at or above Min (and below the next band's Min) get it.
type Band struct {
	// ID is a stable key, e.g. "xuat-sac".
	ID string `json:"id"`
	// Label is the grade as the source names it, in Vietnamese and English.
	Label criteria.Text `json:"label"`
	Min   float64       `json:"min"`
	// Verified is false where the boundary is not confirmed by the source text.
	Verified bool `json:"verified"`
	// Note says what is uncertain.
	Note string `json:"note,omitempty"`
}

// Bands is a grading scheme: bands from the highest to the lowest; the last has Min 0.
type Bands struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Bands  []Band `json:"bands"`
}

// Decision766 is the default grading scheme, after Decision 766/QĐ-TTg: Xuất sắc ≥ 90 and
// Yếu < 50 are reported by secondary sources; the Tốt (≥ 70) and Trung bình (≥ 50) boundaries
// are NOT FOUND in the decision's text and are unverified (docs/qd766.md, "Grading bands").
var Decision766 = Bands{
	ID:     "qd766",
	Source: "Decision 766/QĐ-TTg (2022); intermediate boundaries unverified",
	Bands: []Band{
		{ID: "xuat-sac", Label: criteria.Text{VI: "Xuất sắc", EN: "Excellent"}, Min: 90, Verified: true},
		{ID: "tot", Label: criteria.Text{VI: "Tốt", EN: "Good"}, Min: 70, Verified: false,
			Note: "boundary NOT FOUND in the decision; practice shows 82.8 graded Tốt"},
		{ID: "trung-binh", Label: criteria.Text{VI: "Trung bình", EN: "Average"}, Min: 50, Verified: false,
			Note: "boundary and label NOT FOUND in the decision; Khá is also in use"},
		{ID: "yeu", Label: criteria.Text{VI: "Yếu", EN: "Weak"}, Min: 0, Verified: true},
	},
}

// Decision473 is the A–E scheme of Decision 473/QĐ-BTTTT (2024) for TTHC information systems:
// A ≥ 90, B ≥ 80, C ≥ 65, D ≥ 50, E < 50 (docs/qd473.md).
var Decision473 = Bands{
	ID:     "qd473",
	Source: "Decision 473/QĐ-BTTTT (2024)",
	Bands: []Band{
		{ID: "A", Label: criteria.Text{VI: "A", EN: "A"}, Min: 90, Verified: true},
		{ID: "B", Label: criteria.Text{VI: "B", EN: "B"}, Min: 80, Verified: true},
		{ID: "C", Label: criteria.Text{VI: "C", EN: "C"}, Min: 65, Verified: true},
		{ID: "D", Label: criteria.Text{VI: "D", EN: "D"}, Min: 50, Verified: true},
		{ID: "E", Label: criteria.Text{VI: "E", EN: "E"}, Min: 0, Verified: true},
	},
}

// Validate checks that the bands are ordered from the highest Min down to a last band at 0.
func (b Bands) Validate() error {
	if len(b.Bands) == 0 {
		return fmt.Errorf("scoring: bands %q: no bands", b.ID)
	}
	for i := 1; i < len(b.Bands); i++ {
		if b.Bands[i].Min >= b.Bands[i-1].Min {
			return fmt.Errorf("scoring: bands %q: band %q (min %g) must be below band %q (min %g)",
				b.ID, b.Bands[i].ID, b.Bands[i].Min, b.Bands[i-1].ID, b.Bands[i-1].Min)
		}
	}
	if last := b.Bands[len(b.Bands)-1]; last.Min != 0 {
		return fmt.Errorf("scoring: bands %q: the last band %q must start at 0, not %g", b.ID, last.ID, last.Min)
	}
	return nil
}

// Grade returns the band of score (0–100). The bands must be valid.
func (b Bands) Grade(score float64) Band {
	for _, band := range b.Bands {
		if score >= band.Min {
			return band
		}
	}
	return b.Bands[len(b.Bands)-1]
}

// Band returns the band with the given ID.
func (b Bands) Band(id string) (Band, bool) {
	for _, band := range b.Bands {
		if band.ID == id {
			return band, true
		}
	}
	return Band{}, false
}

// BandsByID returns the built-in grading scheme with the given ID ("qd766" or "qd473").
func BandsByID(id string) (Bands, bool) {
	for _, b := range []Bands{Decision766, Decision473} {
		if b.ID == id {
			return b, true
		}
	}
	return Bands{}, false
}

// Unverified is what a text report prints beside a grade whose band boundaries the source
// texts do not confirm.
var Unverified = criteria.Text{VI: "ranh giới chưa xác minh", EN: "boundary unverified"}

// GradeVerified reports whether the band with ID grade of the built-in scheme grading has
// confirmed boundaries; an unknown scheme or band is unverified.
func GradeVerified(grading, grade string) bool {
	if b, ok := BandsByID(grading); ok {
		if band, ok := b.Band(grade); ok {
			return band.Verified
		}
	}
	return false
}

// GradeLabel is the label of a report's grade in lang ("vi" or "en"), or the grade ID when the
// grading scheme is unknown, followed by "(ranh giới chưa xác minh)" / "(boundary
// unverified)" when the band's boundaries are not confirmed by the source texts, and by
// "(tạm tính: … chưa được đánh giá)" / "(provisional: … not assessed)" when a critical
// criterion was not assessed. Verification is looked up in the built-in scheme, so a report
// written before Scores.GradeVerified existed is labelled the same way.
func GradeLabel(s Scores, lang string) string {
	label := s.Grade
	if b, ok := BandsByID(s.Grading); ok {
		if band, ok := b.Band(s.Grade); ok {
			label = band.Label.In(lang)
		}
	}
	if !GradeVerified(s.Grading, s.Grade) {
		label += " (" + Unverified.In(lang) + ")"
	}
	if s.Provisional {
		ids := strings.Join(s.ProvisionalBecause, ", ")
		if lang == "vi" {
			label += " (tạm tính: " + ids + " chưa được đánh giá)"
		} else {
			label += " (provisional: " + ids + " not assessed)"
		}
	}
	return label
}
