package htmlx

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form used to match Vietnamese labels: lower case, accents and tone marks
// removed (NFD, then combining marks dropped), đ/Đ mapped to d, and runs of white space and
// punctuation collapsed to one space. "Thủ tục hành chính", "THU TUC HANH CHINH" and
// "thu-tuc  hanh chinh" all fold to "thu tuc hanh chinh".
func Fold(s string) string {
	s = strings.ToValidUTF8(s, " ")
	if f, ok := foldRunes(s); ok {
		return f
	}
	return foldNFD(s)
}

// foldNFD is Fold's definition: the whole text decomposed (NFD), then folded rune by rune.
func foldNFD(s string) string {
	var b folder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		b.add(r)
	}
	return b.String()
}

// foldRunes computes foldNFD without building the decomposed string: each rune is decomposed
// on its own from the normalisation tables. That gives the same result whenever canonical
// reordering could move nothing that survives folding: reordering only moves characters of
// non-zero combining class, and those are dropped when they are nonspacing marks (Mn), which
// they nearly always are. ok is false, and the caller falls back to foldNFD, on any other
// character of non-zero combining class, or on a Hangul syllable (decomposed by algorithm, not
// from the tables). ASCII, Vietnamese text and other Latin text take this path.
func foldRunes(s string) (string, bool) {
	var b folder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			b.add(rune(c))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0xAC00 && r <= 0xD7A3 {
			return "", false
		}
		p := norm.NFD.PropertiesString(s[i : i+size])
		d := p.Decomposition()
		if d == nil {
			if p.CCC() != 0 && !unicode.Is(unicode.Mn, r) {
				return "", false
			}
			b.add(r)
		}
		for j := 0; j < len(d); {
			dr, dsize := utf8.DecodeRune(d[j:])
			if norm.NFD.Properties(d[j:j+dsize]).CCC() != 0 && !unicode.Is(unicode.Mn, dr) {
				return "", false
			}
			b.add(dr)
			j += dsize
		}
		i += size
	}
	return b.String(), true
}

// folder accumulates folded runes.
type folder struct {
	strings.Builder
	inWord bool // the last rune written was a letter or digit (leading separators are dropped)
}

func (b *folder) add(r rune) {
	switch {
	case unicode.Is(unicode.Mn, r):
		return
	case r == 'đ' || r == 'Đ':
		r = 'd'
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		r = unicode.ToLower(r)
	default:
		if b.inWord {
			b.WriteByte(' ')
			b.inWord = false
		}
		return
	}
	b.WriteRune(r)
	b.inWord = true
}

// String returns the folded text, without a trailing separator.
func (b *folder) String() string { return strings.TrimRight(b.Builder.String(), " ") }

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
