package ident

import (
	"fmt"
	"math/rand/v2"
)

var (
	synthFamily     = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	synthMiddleMale = []string{"Văn", "Hữu", "Minh", "Đức", "Quốc", "Thanh", "Công", "Xuân", "Gia", "Bảo"}
	synthMiddleFem  = []string{"Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Bảo", "Mỹ", "Kim", "Hoài"}
	synthGivenMale  = []string{"An", "Bình", "Cường", "Dũng", "Hùng", "Nam", "Quân", "Tuấn", "Việt", "Long", "Khánh", "Phúc", "Sơn", "Thắng", "Hiếu", "Đạt"}
	synthGivenFem   = []string{"Hà", "Hạnh", "Lan", "Linh", "Mai", "Phương", "Thảo", "Trang", "Yến", "Hương", "Ngân", "Vy", "Nhung", "Hoa", "Loan", "Tâm"}
	synthStreets    = []string{"Trần Phú", "Lê Lợi", "Nguyễn Huệ", "Hai Bà Trưng", "Lê Duẩn", "Hùng Vương", "Bạch Đằng", "Nguyễn Trãi", "Lý Thường Kiệt", "Quang Trung"}
)

// synthArea is a district with some of its wards. The names are real places; the district and
// ward codes are illustrative, not the official administrative-unit codes.
type synthArea struct {
	prov           string // 3-digit province code
	district, dist string // code, name
	wards          [][2]string
}

var synthAreas = []synthArea{
	{"001", "001", "Quận Ba Đình", [][2]string{{"00001", "Phường Phúc Xá"}, {"00004", "Phường Trúc Bạch"}, {"00028", "Phường Kim Mã"}}},
	{"001", "005", "Quận Cầu Giấy", [][2]string{{"00157", "Phường Nghĩa Đô"}, {"00160", "Phường Quan Hoa"}, {"00169", "Phường Dịch Vọng"}}},
	{"031", "303", "Quận Hồng Bàng", [][2]string{{"11311", "Phường Minh Khai"}, {"11317", "Phường Hoàng Văn Thụ"}}},
	{"048", "492", "Quận Hải Châu", [][2]string{{"20227", "Phường Thạch Thang"}, {"20230", "Phường Hải Châu I"}, {"20242", "Phường Phước Ninh"}}},
	{"079", "760", "Quận 1", [][2]string{{"26734", "Phường Tân Định"}, {"26737", "Phường Đa Kao"}, {"26740", "Phường Bến Nghé"}}},
	{"079", "770", "Quận 3", [][2]string{{"27139", "Phường Võ Thị Sáu"}, {"27142", "Phường 1"}}},
	{"092", "916", "Quận Ninh Kiều", [][2]string{{"31117", "Phường Tân An"}, {"31120", "Phường An Hòa"}}},
	{"026", "243", "Thành phố Vĩnh Yên", [][2]string{{"08866", "Phường Tích Sơn"}, {"08869", "Phường Liên Bảo"}}},
	{"046", "474", "Thành phố Huế", [][2]string{{"19753", "Phường Phú Hội"}, {"19756", "Phường Vĩnh Ninh"}}},
}

// NewPIN returns a valid personal identification number for a birth registered in the province
// with the given 3-digit code, in year (1900–2399), of the given sex, with the 6-digit random part
// serial (0–999999). It fails for an unknown province, a year outside the table or a serial out
// of range.
func NewPIN(province string, year int, male bool, serial int) (string, error) {
	if _, ok := LookupProvince(province); !ok {
		return "", newErr(pinKind, province, -1, "province prefix (PPP)", ErrPrefix, "not one of the 63 province codes")
	}
	g, ok := CenturySexDigit(year, male)
	if !ok {
		return "", &Error{Kind: pinKind, Pos: -1, Err: ErrFormat, Detail: fmt.Sprintf("year %d outside 1900–2399", year)}
	}
	if serial < 0 || serial > 999999 {
		return "", &Error{Kind: pinKind, Pos: -1, Err: ErrFormat, Detail: fmt.Sprintf("serial %d outside 0–999999", serial)}
	}
	return fmt.Sprintf("%s%d%02d%06d", province, g, year%100, serial), nil
}

// Synthetic returns n synthetic people, the same for the same seed. They come in households —
// a head, often a spouse, and children — sharing a household book number and a permanent
// residence, with Father, Mother, Spouse and HouseholdHead pointing at one another. Their
// identification numbers are valid (a province prefix drawn from all 63, the century/sex digit
// and year of their birth date) and are never a real person's on purpose: the random part comes
// from the seed. Everyone is born before 2011, so all are old enough (14) for an e-ID account.
func Synthetic(seed uint64, n int) []Person {
	if n <= 0 {
		return nil
	}
	g := &synth{r: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)), seen: map[string]bool{}}
	out := make([]Person, 0, n+4)
	for len(out) < n {
		out = append(out, g.household()...)
	}
	out = out[:n]
	// Drop references to relatives cut off by the truncation.
	in := make(map[string]bool, n)
	for _, p := range out {
		in[p.ID] = true
	}
	for i := range out {
		p := &out[i]
		for _, ref := range []*string{&p.Father, &p.Mother, &p.Spouse} {
			if !in[*ref] {
				*ref = ""
			}
		}
		if !in[p.HouseholdHead] {
			p.HouseholdHead, p.Relation = p.ID, "CH01"
		}
	}
	return out
}

type synth struct {
	r    *rand.Rand
	seen map[string]bool
}

func (g *synth) pick(s []string) string { return s[g.r.IntN(len(s))] }

func (g *synth) id(prov string, year int, male bool) string {
	for {
		id, _ := NewPIN(prov, year, male, g.r.IntN(1000000))
		if !g.seen[id] {
			g.seen[id] = true
			return id
		}
	}
}

func (g *synth) place(a synthArea) Place {
	prov, _ := LookupProvince(a.prov)
	w := a.wards[g.r.IntN(len(a.wards))]
	return Place{
		ProvinceCode: prov.AdminCode(), DistrictCode: a.district, WardCode: w[0],
		Province: prov.Name, District: a.dist, Ward: w[1],
		Detail:  fmt.Sprintf("Số %d, đường %s", 1+g.r.IntN(300), g.pick(synthStreets)),
		Country: "VN",
	}
}

func (g *synth) provincePlace(code string) Place {
	prov, _ := LookupProvince(code)
	return Place{ProvinceCode: prov.AdminCode(), Province: prov.Name, Country: "VN"}
}

func (g *synth) person(family string, male bool, year int, birthProv string, home Place, hk string) Person {
	middle, given := g.pick(synthMiddleFem), g.pick(synthGivenFem)
	if male {
		middle, given = g.pick(synthMiddleMale), g.pick(synthGivenMale)
	}
	p := Person{
		ID:          g.id(birthProv, year, male),
		Family:      family,
		Middle:      middle,
		Given:       given,
		BirthDate:   fmt.Sprintf("%04d-%02d-%02d", year, 1+g.r.IntN(12), 1+g.r.IntN(28)),
		Male:        male,
		Province:    birthProv,
		Residence:   home,
		Address:     home.String(),
		Household:   hk,
		Level:       2 - g.r.IntN(3)/2, // two in three at level 2
		Hometown:    g.provincePlace(provinces[g.r.IntN(len(provinces))].Code),
		BirthPlace:  g.provincePlace(birthProv),
		Ethnicity:   "01",
		Nationality: "VN",
		Phone:       fmt.Sprintf("09%08d", g.r.IntN(100000000)),
	}
	if year < 2000 && g.r.IntN(3) > 0 {
		p.OldID = fmt.Sprintf("%09d", 10000000+g.r.IntN(990000000))
	}
	return p
}

func (g *synth) household() []Person {
	area := synthAreas[g.r.IntN(len(synthAreas))]
	home := g.place(area)
	hk := fmt.Sprintf("%08d", g.r.IntN(100000000))
	headMale := g.r.IntN(4) > 0
	headYear := 1950 + g.r.IntN(36)
	// Adults were mostly born elsewhere; children where the household lives.
	head := g.person(g.pick(synthFamily), headMale, headYear, provinces[g.r.IntN(len(provinces))].Code, home, hk)
	head.HouseholdHead, head.Relation = head.ID, "CH01"
	hh := []Person{head}
	father, mother := "", ""
	if head.Male {
		father = head.ID
	} else {
		mother = head.ID
	}
	if g.r.IntN(4) > 0 {
		sp := g.person(g.pick(synthFamily), !headMale, headYear-3+g.r.IntN(7), provinces[g.r.IntN(len(provinces))].Code, home, hk)
		sp.HouseholdHead, sp.Relation, sp.Spouse = head.ID, "CH02", head.ID
		hh[0].Spouse = sp.ID
		if sp.Male {
			father = sp.ID
		} else {
			mother = sp.ID
		}
		hh = append(hh, sp)
	}
	family := hh[0].Family
	if !headMale && len(hh) > 1 {
		family = hh[1].Family // children take the father's family name
	}
	for k := g.r.IntN(3); k > 0; k-- {
		year := headYear + 20 + g.r.IntN(12)
		if year > 2010 {
			year = 2010
		}
		c := g.person(family, g.r.IntN(2) == 0, year, area.prov, home, hk)
		c.HouseholdHead, c.Relation, c.Father, c.Mother = head.ID, "CH03", father, mother
		hh = append(hh, c)
	}
	return hh
}

// DefaultPeople is the synthetic population the fakes of the national services know by default:
// ssotest's accounts and popdbtest's citizens are the same people, so whoever logs in through the
// fake SSO can be looked up in the fake population database.
func DefaultPeople() []Person { return Synthetic(2022, 20) }
