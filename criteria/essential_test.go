package criteria

import (
	"fmt"
	"strings"
	"testing"
)

func TestEssentialServicesData(t *testing.T) {
	l := Essential()
	if len(l.Services) != 25 {
		t.Fatalf("%d services, want 25", len(l.Services))
	}
	if !strings.Contains(l.Note, "NOT FOUND") || !strings.Contains(l.Note, "best available") {
		t.Errorf("the note must say the list is the best available and the appendix NOT FOUND: %q", l.Note)
	}
	groups := map[string]int{}
	for i, s := range l.Services {
		if s.Number != i+1 {
			t.Errorf("service %d numbered %d", i+1, s.Number)
		}
		if s.Name.VI == "" || s.Name.EN == "" || s.Owner2022 == "" || len(s.Scope) == 0 || len(s.Match) == 0 || s.Reliability == "" {
			t.Errorf("service %d is incomplete: %+v", s.Number, s)
		}
		if !s.Matches("", s.Name.VI) {
			t.Errorf("service %d does not match its own name %q", s.Number, s.Name.VI)
		}
		for _, o := range l.Services {
			if o.Number != s.Number && o.Matches("", s.Name.VI) {
				t.Errorf("the name of service %d (%q) also matches service %d", s.Number, s.Name.VI, o.Number)
			}
		}
		groups[s.Group2025]++
	}
	if groups["bo-cong-an"] != 13 || groups["commune"] != 6 || groups["other"] != 6 {
		t.Errorf("2025 groups = %v, want 13 bo-cong-an, 6 commune, 6 other", groups)
	}
}

func TestEssentialMatches(t *testing.T) {
	cases := []struct {
		name, proc string
		want       int // 0: none
	}{
		{"plain", "Thủ tục đăng ký khai sinh", 14},
		{"upper case without accents", "DANG KY KHAI SINH CO YEU TO NUOC NGOAI", 14},
		{"linked birth is its own service", "Liên thông các thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT cho trẻ em dưới 6 tuổi", 17},
		{"removal of residence is not registration", "Xóa đăng ký thường trú", 0},
		{"passport", "Cấp hộ chiếu phổ thông ở trong nước", 9},
		{"unrelated", "Cấp giấy phép xây dựng", 0},
		{"copy of a civil-status extract", "Cấp bản sao trích lục khai sinh", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, ok := MatchEssential("", c.proc)
			got := 0
			if ok {
				got = s.Number
			}
			if got != c.want {
				t.Errorf("MatchEssential(%q) = %d, want %d", c.proc, got, c.want)
			}
		})
	}
}

func TestEssentialServicesFor(t *testing.T) {
	var nums []int
	for _, s := range EssentialServicesFor(Province) {
		nums = append(nums, s.Number)
	}
	if fmt.Sprint(nums) != "[14 15 16 17 18 19 23]" {
		t.Errorf("province scope = %v", nums)
	}
	a := EssentialServices()
	a[0].Scope[0] = "changed"
	if EssentialServices()[0].Scope[0] == "changed" {
		t.Error("EssentialServices returns shared slices")
	}
}

func ExampleMatchEssential() {
	s, ok := MatchEssential("", "ĐĂNG KÝ KẾT HÔN có yếu tố nước ngoài")
	fmt.Println(ok, s.Number, s.Name.EN, s.Scope)
	// Output: true 16 Marriage registration [province commune]
}
