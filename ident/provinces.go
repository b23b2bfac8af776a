package ident

import "sort"

// Province is a province-level unit whose code prefixes the personal identification numbers of
// births registered there.
type Province struct {
	// Code is the 3-digit prefix, e.g. "001".
	Code string
	// Name is the Vietnamese name, e.g. "Hà Nội".
	Name string
}

// AdminCode is the 2-digit administrative-unit code the population database returns as
// MaTinhThanh (e.g. "26" for Vĩnh Phúc): the prefix without its leading zero.
func (p Province) AdminCode() string {
	if len(p.Code) == 3 && p.Code[0] == '0' {
		return p.Code[1:]
	}
	return p.Code
}

// provinces is the table of the 63 provinces before the 2025 merger (docs/identifiers.md, from public
// integration code, two identical sources). The gaps in the numbering are intentional. Numbers
// are about the birth-registration place, so the 2025 merger into 34 provinces does not change
// issued numbers (unverified).
var provinces = []Province{
	{"001", "Hà Nội"}, {"002", "Hà Giang"}, {"004", "Cao Bằng"}, {"006", "Bắc Kạn"},
	{"008", "Tuyên Quang"}, {"010", "Lào Cai"}, {"011", "Điện Biên"}, {"012", "Lai Châu"},
	{"014", "Sơn La"}, {"015", "Yên Bái"}, {"017", "Hòa Bình"}, {"019", "Thái Nguyên"},
	{"020", "Lạng Sơn"}, {"022", "Quảng Ninh"}, {"024", "Bắc Giang"}, {"025", "Phú Thọ"},
	{"026", "Vĩnh Phúc"}, {"027", "Bắc Ninh"}, {"030", "Hải Dương"}, {"031", "Hải Phòng"},
	{"033", "Hưng Yên"}, {"034", "Thái Bình"}, {"035", "Hà Nam"}, {"036", "Nam Định"},
	{"037", "Ninh Bình"}, {"038", "Thanh Hóa"}, {"040", "Nghệ An"}, {"042", "Hà Tĩnh"},
	{"044", "Quảng Bình"}, {"045", "Quảng Trị"}, {"046", "Thừa Thiên Huế"}, {"048", "Đà Nẵng"},
	{"049", "Quảng Nam"}, {"051", "Quảng Ngãi"}, {"052", "Bình Định"}, {"054", "Phú Yên"},
	{"056", "Khánh Hòa"}, {"058", "Ninh Thuận"}, {"060", "Bình Thuận"}, {"062", "Kon Tum"},
	{"064", "Gia Lai"}, {"066", "Đắk Lắk"}, {"067", "Đắk Nông"}, {"068", "Lâm Đồng"},
	{"070", "Bình Phước"}, {"072", "Tây Ninh"}, {"074", "Bình Dương"}, {"075", "Đồng Nai"},
	{"077", "Bà Rịa – Vũng Tàu"}, {"079", "TP. Hồ Chí Minh"}, {"080", "Long An"},
	{"082", "Tiền Giang"}, {"083", "Bến Tre"}, {"084", "Trà Vinh"}, {"086", "Vĩnh Long"},
	{"087", "Đồng Tháp"}, {"089", "An Giang"}, {"091", "Kiên Giang"}, {"092", "Cần Thơ"},
	{"093", "Hậu Giang"}, {"094", "Sóc Trăng"}, {"095", "Bạc Liêu"}, {"096", "Cà Mau"},
}

var provinceByCode = func() map[string]Province {
	m := make(map[string]Province, len(provinces))
	for _, p := range provinces {
		m[p.Code] = p
	}
	return m
}()

// Provinces returns the 63 pre-2025 provinces in code order. The slice is a copy.
func Provinces() []Province {
	out := append([]Province(nil), provinces...)
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// LookupProvince returns the province with the 3-digit code, and whether there is one.
func LookupProvince(code string) (Province, bool) {
	p, ok := provinceByCode[code]
	return p, ok
}
