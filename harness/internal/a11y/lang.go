package a11y

import (
	"strings"
	"unicode/utf8"
)

// iso6391 are the two-letter language codes of ISO 639-1. Three-letter primary subtags (ISO 639-2
// and 639-3) are accepted by shape only.
var iso6391 = map[string]bool{}

func init() {
	for _, c := range strings.Fields(`aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs
ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv
ha he hi ho hr ht hu hy hz ia id ie ig ii ik in io is it iu iw ja ji jv jw ka kg ki kj kk kl km kn ko
kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn no
nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm sn so sq sr ss
st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu`) {
		iso6391[c] = true
	}
}

// validLang reports whether a lang value has a valid primary language subtag: an ISO 639-1 code,
// or three letters. "vn" (a country code, often written for Vietnamese) is not valid.
func validLang(v string) bool {
	v = strings.TrimSpace(v)
	primary := strings.ToLower(strings.SplitN(strings.ReplaceAll(v, "_", "-"), "-", 2)[0])
	for _, r := range primary {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	switch len(primary) {
	case 2:
		return iso6391[primary]
	case 3:
		return true
	}
	return false
}

// vietnameseLetters are letters only Vietnamese uses among Latin-script languages.
const vietnameseLetters = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐÊÔƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"

// looksVietnamese reports whether text is mostly Vietnamese: at least 10 letters that only
// Vietnamese uses, making up at least 3% of the letters.
func looksVietnamese(text string) bool {
	vn, letters := 0, 0
	for _, r := range text {
		if r > 'z' && strings.ContainsRune(vietnameseLetters, r) {
			vn++
		}
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf {
			letters++
		}
	}
	return vn >= 10 && vn*100 >= letters*3
}
