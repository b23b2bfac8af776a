package main

import (
	"fmt"
	"math/rand/v2"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/scoring"
)

// Scenario is a simulated national survey: which units, and how mature their portals are.
type Scenario struct {
	Name string
	// Units are the assessed units (ministries and provinces).
	Units []string
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

// Survey2023 simulates the 2023 survey: 20 ministries and 63 provinces, early in Project 06.
func Survey2023() Scenario {
	units := append([]string(nil), ministries...)
	for _, p := range ident.Provinces() {
		units = append(units, p.Name)
	}
	return Scenario{Name: "2023: 20 ministries + 63 provinces", Units: units, Maturity: 0.27, Seed: 2023}
}

// Survey2025 simulates a survey of the 34 provinces after July 2025, two years on.
func Survey2025() Scenario {
	return Scenario{Name: "2025: 34 provinces", Units: provinces34, Maturity: 0.85, Seed: 2025}
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
		in := scoring.Findings{Catalogue: cat.ID, Target: unit}
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
		r, err := scoring.Score(cat, in, scoring.Config{})
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", unit, err)
		}
		reports = append(reports, r)
	}
	sv, err := scoring.Aggregate(cat, reports)
	return sv, reports, err
}
