package textx

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"", 3, ""},
		{"abc", 3, "abc"},
		{"abcd", 3, "abc…"},
		{"Thủ tục hành chính", 7, "Thủ tục…"},
		{"Thủ tục", 7, "Thủ tục"},
		{"ủủ", 1, "ủ…"},
		{"abc", 0, "…"},
		{"abc", -1, "…"},
	} {
		if got := Truncate(tc.s, tc.n); got != tc.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}

func TestTruncateBytes(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		tail string
		want string
	}{
		{"abc", 3, "…", "abc"},
		{"abcd", 3, "…", "abc…"},
		{"aủ", 2, "", "a"},      // ủ is 3 bytes: cut after its first byte
		{"aủ", 3, "", "a"},      // cut after its second
		{"aủb", 4, "", "aủ"},    // whole
		{"a😀", 4, "|", "a|"},    // a 4-byte rune cut after 3
		{"\xff\xfe", 1, "", ""}, // a stray byte at the cut goes too
	} {
		if got := TruncateBytes(tc.s, tc.n, tc.tail); got != tc.want {
			t.Errorf("TruncateBytes(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
	// Every cut of valid text stays valid.
	s := strings.Repeat("Cổng dịch vụ công 😀 ", 3)
	for n := range len(s) + 1 {
		if got := TruncateBytes(s, n, ""); !utf8.ValidString(got) || len(got) > n {
			t.Fatalf("TruncateBytes(…, %d) = %q: invalid or too long", n, got)
		}
	}
}
