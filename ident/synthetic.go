package ident

import (
	"fmt"
	"math/rand/v2"
)

var (
	synthFamily = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"}
	synthMiddle = []string{"Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Thu", "Quốc", "Bảo"}
	synthGiven  = []string{"An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hùng", "Lan", "Linh", "Mai", "Nam", "Phương", "Quân", "Thảo", "Trang", "Tuấn", "Việt", "Yến"}
	synthProv   = []struct{ code, name string }{{"001", "Hà Nội"}, {"031", "Hải Phòng"}, {"048", "Đà Nẵng"}, {"079", "TP. Hồ Chí Minh"}, {"092", "Cần Thơ"}, {"067", "Đắk Nông"}}
)

// Synthetic returns n synthetic people, the same for the same seed. Their identification numbers
// are structurally valid (province prefix, century/sex digit, year) and never belong to a real
// person on purpose: the random part is drawn from the seed.
func Synthetic(seed uint64, n int) []Person {
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	out := make([]Person, 0, n)
	seen := map[string]bool{}
	for len(out) < n {
		p := synthProv[r.IntN(len(synthProv))]
		year := 1950 + r.IntN(60)
		male := r.IntN(2) == 0
		g := 0
		if year >= 2000 {
			g = 2
		}
		if !male {
			g++
		}
		id := fmt.Sprintf("%s%d%02d%06d", p.code, g, year%100, r.IntN(1000000))
		if seen[id] {
			continue
		}
		seen[id] = true
		middle := synthMiddle[r.IntN(len(synthMiddle))]
		if male && middle == "Thị" {
			middle = "Văn"
		}
		out = append(out, Person{
			ID:        id,
			OldID:     fmt.Sprintf("%09d", r.IntN(1000000000)),
			Family:    synthFamily[r.IntN(len(synthFamily))],
			Middle:    middle,
			Given:     synthGiven[r.IntN(len(synthGiven))],
			BirthDate: fmt.Sprintf("%04d-%02d-%02d", year, 1+r.IntN(12), 1+r.IntN(28)),
			Male:      male,
			Province:  p.code,
			Address:   fmt.Sprintf("Số %d, đường %s, %s", 1+r.IntN(200), synthGiven[r.IntN(len(synthGiven))], p.name),
			Household: fmt.Sprintf("HK%08d", r.IntN(100000000)),
			Level:     2 - r.IntN(2),
		})
	}
	return out
}

// DefaultPeople is the synthetic population the fakes of the national services know by default:
// ssotest's accounts and popdbtest's citizens are the same people, so whoever logs in through the
// fake SSO can be looked up in the fake population database.
func DefaultPeople() []Person { return Synthetic(2022, 20) }
