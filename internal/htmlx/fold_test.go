package htmlx

import "testing"

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
		if Fold(got) != got {
			t.Errorf("Fold is not idempotent on %q: %q then %q", s, got, Fold(got))
		}
	})
}
