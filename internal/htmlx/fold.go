package htmlx

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form used to match Vietnamese labels: lower case, accents and tone marks
// removed (NFD, then combining marks dropped), đ/Đ mapped to d, and runs of white space and
// punctuation collapsed to one space. "Thủ tục hành chính", "THU TUC HANH CHINH" and
// "thu-tuc  hanh chinh" all fold to "thu tuc hanh chinh".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading separators
	for _, r := range norm.NFD.String(strings.ToValidUTF8(s, " ")) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}

// FoldContains reports whether the folded text contains the folded phrase as whole words: "dang
// nhap" is in "Đăng nhập / Đăng ký" but "tim" is not in "tìm kiếm thời gian"'s "thoi".
func FoldContains(text, phrase string) bool {
	return containsWords(Fold(text), Fold(phrase))
}

// containsWords reports whether folded phrase occurs in folded text on word boundaries.
func containsWords(text, phrase string) bool {
	if phrase == "" {
		return false
	}
	for i := 0; ; {
		j := strings.Index(text[i:], phrase)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(phrase)
		if (start == 0 || text[start-1] == ' ') && (end == len(text) || text[end] == ' ') {
			return true
		}
		i = start + 1
	}
}

// FoldedContains is FoldContains for text and phrase that are already folded.
func FoldedContains(foldedText, foldedPhrase string) bool {
	return containsWords(foldedText, foldedPhrase)
}
