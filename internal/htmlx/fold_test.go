package htmlx

import (
	"strings"
	"testing"
	"unicode"
)

func TestFold(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"accents", "Thủ tục hành chính", "thu tuc hanh chinh"},
		{"upper and d-stroke", "ĐĂNG NHẬP", "dang nhap"},
		{"punctuation collapses", "  Tra cứu -- hồ sơ!  ", "tra cuu ho so"},
		{"decomposed input", "Tra c\u0075\u031B\u0301u", "tra cuu"},
		{"empty", "", ""},
		{"invalid byte before a letter", "\xf2Ă", "a"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Fold(c.in); got != c.want {
				t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestFoldContains(t *testing.T) {
	cases := []struct {
		name, text, phrase string
		want               bool
	}{
		{"whole words", "Đăng nhập / Đăng ký", "dang nhap", true},
		{"not inside a word", "thời gian", "thoi g", false},
		{"later occurrence", "xtra cuu, tra cuu ho so", "tra cuu", true},
		{"empty phrase", "anything", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := FoldContains(c.text, c.phrase); got != c.want {
				t.Errorf("FoldContains(%q, %q) = %v, want %v", c.text, c.phrase, got, c.want)
			}
		})
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Thủ tục", "ĐĂNG", "\xff\xfe", "a\u0301\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if want := foldNFD(strings.ToValidUTF8(s, " ")); got != want {
			t.Errorf("Fold(%q) = %q, but its definition gives %q", s, got, want)
		}
		if Fold(got) != got {
			t.Errorf("Fold is not idempotent on %q: %q then %q", s, got, Fold(got))
		}
	})
}

// foldRunes, Fold's per-rune path, agrees with foldNFD, the definition, wherever it applies: on
// every code point alone, after a letter and before a mark, and on pairs of non-ASCII code
// points from the blocks where canonical reordering happens.
func TestFoldRunesAgreesWithNFD(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, ok := foldRunes(s); ok && got != foldNFD(s) {
			t.Fatalf("foldRunes(%q) = %q, foldNFD = %q", s, got, foldNFD(s))
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		c := string(r)
		check(c)
		check("a" + c + "\u0301")
		check(c + "\u0323\u0301x")
	}
	var marks []rune
	for r := rune(0x80); r < 0x2000; r++ {
		marks = append(marks, r)
	}
	for r := rune(0x1E00); r < 0x1F00; r++ {
		marks = append(marks, r)
	}
	for _, a := range marks {
		for _, b := range []rune{0x0300, 0x0301, 0x0309, 0x0323, 0x0345, 0x05B0, 0x0F71, 0x0F72, 0x1D165} {
			check(string(a) + string(b))
			check(string(b) + string(a))
		}
	}
	for _, s := range []string{"Thủ tục hành chính", "ĐĂNG NHẬP", "Tra c\u0075\u031B\u0301u", "한국어 Tiếng Việt", "\u0F71\u0F72", "\U0001D165\U0001D16D"} {
		check(s)
		if Fold(s) != foldNFD(s) {
			t.Errorf("Fold(%q) = %q, foldNFD = %q", s, Fold(s), foldNFD(s))
		}
	}
}
