package msg

import (
	"regexp"
	"strings"
)

// englishFunctionWords are words that mark an English sentence. Words that are also Vietnamese
// without diacritics (a, an, to, so, no, do, in, can, may, than) are left out: "an toàn", "phóng
// to", "in ấn" must not count.
var englishFunctionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the of on at by for with from into onto over under about after before
	and or but nor not is are was were be been being has have had does did will would could should
	might must shall this that these those it its they them their there here which who whom whose what
	when where while then as if such only also any all each every some none other same both either
	neither very too just more most less least`) {
		englishFunctionWords[w] = true
	}
}

var (
	codeSpan = regexp.MustCompile("`[^`]*`")
	urlSpan  = regexp.MustCompile(`<https?://[^>]*>|https?://[^\s)]+|\(https?://[^)]*\)`)
	letters  = regexp.MustCompile(`\p{L}+`)
)

// EnglishWords returns the English function words of a text meant to be Vietnamese, outside code
// spans (`…`) and URLs, in order. Header names, tokens and proper nouns are not function words,
// so a Vietnamese sentence that names Strict-Transport-Security or OpenID Connect passes.
func EnglishWords(text string) []string {
	text = codeSpan.ReplaceAllString(text, " ")
	text = urlSpan.ReplaceAllString(text, " ")
	var out []string
	for _, w := range letters.FindAllString(text, -1) {
		if englishFunctionWords[strings.ToLower(w)] {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}

// Sample renders t in lang with a sample value for each parameter (a number for %d, "x" for %s
// and %q…): what the catalogue's tests read, since a message's words are in its text, not its
// values.
func (t Text) Sample(lang string) string {
	params, _ := Params(t.Format(lang))
	args := make([]any, len(params))
	for i, p := range params {
		verbs := p[strings.IndexByte(p, ':')+1:]
		switch {
		case strings.ContainsAny(verbs, "*dxXobcU"):
			args[i] = 3
		case strings.ContainsAny(verbs, "eEfFgG"):
			args[i] = 1.5
		case strings.Contains(verbs, "t"):
			args[i] = true
		default:
			args[i] = "x"
		}
	}
	return t.Render(lang, args...)
}
