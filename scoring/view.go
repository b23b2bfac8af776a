package scoring

import (
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/criteria"
)

// View regroups the criteria of a catalogue under another scheme's weighted groups, so that
// the overall score is computed the way that scheme weighs things. The groups and weights are
// the scheme's; which criterion goes to which group (Assign) is p06kit's mapping, not the
// scheme's text.
type View struct {
	ID     string
	Source string
	Groups []ViewGroup
	// Assign returns the ID of the view group a criterion counts in, or "" to leave it out.
	Assign func(c *criteria.Criterion) string
}

// ViewGroup is one weighted group of a view.
type ViewGroup struct {
	ID     string        `json:"id"`
	Title  criteria.Text `json:"title"`
	Weight float64       `json:"weight"`
}

// ViewScore is the score of one view group: its points as in [GroupScore], its weight, and how
// many of the catalogue's criteria it holds (0: the catalogue has nothing for it, and its
// weight is left out of the overall score).
type ViewScore struct {
	ViewGroup
	GroupScore
	Criteria int `json:"criteria"`
}

// Decision473View weighs the p06-technical catalogue with the six groups of Decision
// 473/QĐ-BTTTT (2024): functions 50, structure and layout 5, performance 20, information
// security 15, convenient access to information 5, connection to the EMC monitoring system 5.
// The decision's individual criteria are not found, so the assignment is p06kit's: the
// functional groups (identity, population data, signatures, data warehouse, online services)
// to functions; criteria tagged performance to performance; the EMC criterion (tag emc) to
// EMC; the rest of security to security; accessibility, navigation and search to access;
// the rest of the experience group (encoding, mobile layout, privacy and guidance links) to
// structure and layout. See docs/qd473.md.
var Decision473View = View{
	ID:     "qd473",
	Source: "Decision 473/QĐ-BTTTT (2024), six weighted groups; assignment of criteria by p06kit",
	Groups: []ViewGroup{
		{ID: "functions", Title: criteria.Text{VI: "Chức năng", EN: "Functions"}, Weight: 50},
		{ID: "structure", Title: criteria.Text{VI: "Cấu trúc, bố cục", EN: "Structure and layout"}, Weight: 5},
		{ID: "performance", Title: criteria.Text{VI: "Hiệu năng", EN: "Performance"}, Weight: 20},
		{ID: "security", Title: criteria.Text{VI: "An toàn thông tin", EN: "Information security"}, Weight: 15},
		{ID: "access", Title: criteria.Text{VI: "Thuận tiện truy cập thông tin", EN: "Convenient access to information"}, Weight: 5},
		{ID: "emc", Title: criteria.Text{VI: "Kết nối Hệ thống giám sát EMC", EN: "Connection to the EMC monitoring system"}, Weight: 5},
	},
	Assign: func(c *criteria.Criterion) string {
		has := func(tag string) bool {
			for _, t := range c.Tags {
				if strings.EqualFold(t, tag) {
					return true
				}
			}
			return false
		}
		switch {
		case has("emc"):
			return "emc"
		case has("performance"):
			return "performance"
		}
		switch c.Group {
		case "identity", "population-data", "signature", "data-warehouse", "online-service":
			return "functions"
		case "security":
			return "security"
		case "accessibility":
			return "access"
		case "experience":
			if has("navigation") || has("search") {
				return "access"
			}
			return "structure"
		}
		return ""
	},
}

// ViewByID returns a built-in view by ID.
func ViewByID(id string) (*View, bool) {
	if id == Decision473View.ID {
		v := Decision473View
		return &v, true
	}
	return nil, false
}

// score computes the view's groups from the scored findings (in catalogue order) and the
// overall score: Σ weight × score ÷ Σ weight over the groups with a score.
func (v *View) score(cat *criteria.Catalogue, findings []Finding) ([]ViewScore, float64, error) {
	out := make([]ViewScore, len(v.Groups))
	idx := map[string]int{}
	for i, g := range v.Groups {
		out[i].ViewGroup = g
		idx[g.ID] = i
	}
	scored := make([]bool, len(v.Groups))
	byID := make(map[string]Finding, len(findings))
	for _, f := range findings {
		byID[f.Criterion] = f
	}
	for i := range cat.Criteria {
		c := &cat.Criteria[i]
		gid := v.Assign(c)
		if gid == "" {
			continue
		}
		j, ok := idx[gid]
		if !ok {
			return nil, 0, fmt.Errorf("scoring: view %s assigns %s to unknown group %q", v.ID, c.ID, gid)
		}
		out[j].Criteria++
		f := byID[c.ID]
		if f.Status == NotApplicable || f.Status == Waived || f.Status == "" || c.Level == criteria.Informational {
			continue
		}
		out[j].Available += c.Points
		if f.Status == Pass || f.Status == Attested {
			out[j].Earned += c.Points
		}
		if f.Status == Pass || f.Status == Fail || f.Status == Attested {
			scored[j] = true
		}
	}
	var wsum, sum float64
	for j := range out {
		if out[j].Available > 0 && scored[j] {
			s := out[j].Earned / out[j].Available * 100
			out[j].Score = &s
			wsum += out[j].Weight
			sum += out[j].Weight * s
		}
	}
	if wsum == 0 {
		return out, 0, nil
	}
	return out, sum / wsum, nil
}
