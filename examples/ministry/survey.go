package main

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/scoring"
)

// Unit is an assessed unit and its level of government; a criterion whose scope leaves the
// level out is not applicable to it.
type Unit struct {
	Name  string
	Level criteria.Scope
}

// Scenario is a simulated national survey: which units, on which day, and how mature their
// portals are.
//
// The simulation method: each unit draws a maturity m = Maturity × U(0.6, 1.4); each criterion
// is met with probability m × ease(group) (ease below 1 for the groups the 2023 survey found
// weakest); an attested criterion not met has no evidence (not_tested). The findings are then
// scored by the library exactly as real findings would be: scoring.Score per unit with the
// survey's as-of day (criteria not yet in force are not applicable) and the unit's level
// (criteria outside its scope are not applicable), scoring.Aggregate over the units. Maturity
// and ease are two hand-set parameters chosen to be of the order of the published figure; they
// are not fitted, and the 2023 survey's own data and requirement list are not available, so
// the result is a model of the survey, not a reproduction of it.
type Scenario struct {
	Name string
	// Units are the assessed units (ministries and provinces).
	Units []Unit
	// AsOf is the survey's day; zero scores every criterion whatever its effective dates.
	AsOf time.Time
	// Maturity scales every unit's chance of meeting a criterion (0–1).
	Maturity float64
	Seed     uint64
}

// ministries are 20 ministries and sectors, as surveyed in 2023.
var ministries = []string{
	"Bộ Công an", "Bộ Tư pháp", "Bộ Tài chính", "Bộ Công Thương", "Bộ Giáo dục và Đào tạo",
	"Bộ Lao động – Thương binh và Xã hội", "Bộ Tài nguyên và Môi trường", "Bộ Giao thông vận tải",
	"Bộ Xây dựng", "Bộ Y tế", "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Kế hoạch và Đầu tư",
	"Bộ Thông tin và Truyền thông", "Bộ Khoa học và Công nghệ", "Bộ Văn hóa, Thể thao và Du lịch",
	"Bộ Ngoại giao", "Bộ Nội vụ", "Ngân hàng Nhà nước Việt Nam", "Bảo hiểm xã hội Việt Nam", "Ủy ban Dân tộc",
}

// provinces34 are the 34 province-level units from 1 July 2025. The list is background knowledge
// [U], used here only to size and name a simulation.
var provinces34 = []string{
	"Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
	"Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên",
	"Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
	"Đắk Lắk", "TP. Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
}

// Survey2023AsOf is the day the 2023 simulation is scored on: the end of the first quarter of
// 2023, before the survey's results were reported.
var Survey2023AsOf = time.Date(2023, 3, 31, 0, 0, 0, 0, time.UTC)

// Published2023 is the share of requirements met that the 2023 survey reported (20.48%), from
// the ministry's 2023 conference report only [U].
const Published2023 = 0.2048

// Survey2023 simulates the 2023 survey: 20 ministries and 63 provinces, early in Project 06,
// scored as of 2023-03-31.
func Survey2023() Scenario {
	var units []Unit
	for _, m := range ministries {
		units = append(units, Unit{Name: m, Level: criteria.Ministry})
	}
	for _, p := range ident.Provinces() {
		units = append(units, Unit{Name: p.Name, Level: criteria.Province})
	}
	return Scenario{Name: "2023: 20 ministries + 63 provinces", Units: units, AsOf: Survey2023AsOf, Maturity: 0.27, Seed: 2023}
}

// Survey2025 simulates a survey of the 34 provinces after July 2025, two years on.
func Survey2025() Scenario {
	var units []Unit
	for _, p := range provinces34 {
		units = append(units, Unit{Name: p, Level: criteria.Province})
	}
	return Scenario{Name: "2025: 34 provinces", Units: units, AsOf: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC), Maturity: 0.85, Seed: 2025}
}

// ease is how often, relative to a unit's maturity, a group's criteria are met. The three groups
// the 2023 survey found weakest (signatures, the data warehouse, security of the link to the
// population database) are the hardest.
var ease = map[string]float64{
	"identity": 1.1, "population-data": 0.7, "signature": 0.35, "data-warehouse": 0.3,
	"online-service": 1.2, "security": 0.6, "accessibility": 1.0, "experience": 1.1,
}

// Run simulates every unit's assessment and scores it with the library, exactly as the ministry's
// own tool would with real findings: criteria.P06Technical for the catalogue, scoring.Score for
// each portal, scoring.Aggregate for the national figures.
func (s Scenario) Run(cat *criteria.Catalogue) (*scoring.Survey, []*scoring.Report, error) {
	rng := rand.New(rand.NewPCG(s.Seed, 6))
	var reports []*scoring.Report
	for _, unit := range s.Units {
		maturity := s.Maturity * (0.6 + 0.8*rng.Float64())
		in := scoring.Findings{Catalogue: cat.ID, Target: unit.Name}
		for _, c := range cat.Criteria {
			e, ok := ease[c.Group]
			if !ok {
				e = 1
			}
			p := maturity * e
			st := scoring.Fail
			switch {
			case rng.Float64() < p:
				st = scoring.Pass
				if c.Method == criteria.Attested {
					st = scoring.Attested
				}
			case c.Method == criteria.Attested:
				st = scoring.NotTested // no evidence supplied
			}
			in.Findings = append(in.Findings, scoring.Finding{Criterion: c.ID, Status: st})
		}
		r, err := scoring.Score(cat, in, scoring.Config{AsOf: s.AsOf, Level: unit.Level})
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", unit.Name, err)
		}
		reports = append(reports, r)
	}
	sv, err := scoring.Aggregate(cat, reports)
	return sv, reports, err
}
