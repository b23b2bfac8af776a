package scoring

import "github.com/p06kit/p06kit/criteria"

// SurveyView is a named selection of a catalogue's criteria across which a survey adds up its
// figures: one of the 2023 survey's five dimensions, or one of its three weak groups.
type SurveyView struct {
	ID    string
	Title criteria.Text
	Sel   criteria.Selector
}

// Dimensions2023 are the five dimensions the ministry's 2023 survey assessed portals on (chức
// năng, hiệu năng, khả năng cung cấp, khả năng tiếp cận, thuận tiện sử dụng), as the catalogue's
// dim-* tags. Which criterion falls in which dimension is p06kit's assignment: the survey's own
// criteria were not found.
var Dimensions2023 = []SurveyView{
	{"dim-function", criteria.Text{VI: "Chức năng", EN: "Functions"}, criteria.ByTag("dim-function")},
	{"dim-performance", criteria.Text{VI: "Hiệu năng", EN: "Performance"}, criteria.ByTag("dim-performance")},
	{"dim-provision", criteria.Text{VI: "Khả năng cung cấp", EN: "Service provision"}, criteria.ByTag("dim-provision")},
	{"dim-access", criteria.Text{VI: "Khả năng tiếp cận", EN: "Accessibility and reach"}, criteria.ByTag("dim-access")},
	{"dim-usability", criteria.Text{VI: "Thuận tiện sử dụng", EN: "Ease of use"}, criteria.ByTag("dim-usability")},
}

// WeakGroups2023 are the three groups the 2023 survey found weakest, as selections of the
// p06-technical catalogue: digital signatures; the electronic data warehouse; network security
// of portals connected to the National Population Database (the Circular 46/2022/TT-BCA
// family and the gateway's TLS check).
var WeakGroups2023 = []SurveyView{
	{"signature", criteria.Text{VI: "Chữ ký số", EN: "Digital signatures"}, criteria.ByGroup("signature")},
	{"data-warehouse", criteria.Text{VI: "Kho quản lý dữ liệu điện tử", EN: "Electronic data warehouse"}, criteria.ByGroup("data-warehouse")},
	{"population-link-security", criteria.Text{VI: "An toàn kết nối Cơ sở dữ liệu quốc gia về dân cư", EN: "Security of the link to the National Population Database"},
		criteria.AnyOf(criteria.ByTag("circular-46"), criteria.ByID("P06-POP-04"))},
}

// ViewRate is a survey's mandatory criteria met / applicable across portals over one view.
type ViewRate struct {
	ID         string        `json:"id"`
	Title      criteria.Text `json:"title"`
	Met        int           `json:"met"`
	Applicable int           `json:"applicable"`
	Rate       float64       `json:"rate"`
	// Criteria counts the mandatory criteria of the catalogue in the view.
	Criteria int `json:"criteria"`
}

// viewRates adds up the survey over each view that selects any criterion of cat; nil when none
// does (a catalogue without the dimension tags).
func (s *Survey) viewRates(cat *criteria.Catalogue, views []SurveyView) []ViewRate {
	var out []ViewRate
	for _, v := range views {
		sel := cat.Select(v.Sel)
		if len(sel) == 0 {
			continue
		}
		n := 0
		for _, c := range sel {
			if c.Level == criteria.Mandatory {
				n++
			}
		}
		met, app, rate := s.Subtotal(cat, v.Sel)
		out = append(out, ViewRate{ID: v.ID, Title: v.Title, Met: met, Applicable: app, Rate: rate, Criteria: n})
	}
	return out
}
