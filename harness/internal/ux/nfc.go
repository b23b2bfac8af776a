package ux

import (
	"context"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
)

// textReport is what the NFC check finds in a page's text.
type textReport struct {
	// Decomposed counts combining marks that NFC would compose with the letter before them
	// (tone and vowel marks typed or stored decomposed); Sample is text around the first, shown
	// composed so that a reader can find it.
	Decomposed int
	Sample     string
	// Legacy names a legacy Vietnamese encoding the page appears to use: "TCVN3 (ABC)" or "VNI",
	// with Evidence saying why.
	Legacy   string
	Evidence msg.Phrase
}

// legacyFonts are font-family prefixes of the legacy Vietnamese encodings.
var legacyFonts = []struct{ prefix, encoding string }{
	{".vn", "TCVN3 (ABC)"}, {"vni-", "VNI"}, {"vni ", "VNI"}, {"vps", "VPS"},
}

// tcvn3Marks and vniMarks are characters that text in these encodings shows when read as
// Windows-1252 or Latin-1, and that Vietnamese in Unicode never uses.
const (
	tcvn3Marks = "¸µ¶·¹®§Ö¨©ª«¬¦"
	vniMarks   = "øûïäöëñ"
)

// fontFamilies returns the families named by font-family declarations in CSS text.
func fontFamilies(css string) []string {
	var out []string
	lc := strings.ToLower(css)
	for i := 0; len(out) < 64; {
		j := strings.Index(lc[i:], "font-family")
		if j < 0 {
			break
		}
		i += j + len("font-family")
		rest := lc[i:]
		colon := strings.IndexByte(rest, ':')
		if colon < 0 || strings.TrimSpace(rest[:colon]) != "" {
			continue
		}
		rest = rest[colon+1:]
		if end := strings.IndexAny(rest, ";}"); end >= 0 {
			rest = rest[:end]
		}
		out = append(out, strings.Split(rest, ",")...)
	}
	return out
}

// analyseText inspects the visible text of a page and the fonts it names.
func analyseText(doc *html.Node) textReport {
	var rep textReport
	var text strings.Builder
	htmlx.Walk(doc, func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && n.Data != "script" && n.Data != "style" {
				text.WriteString(c.Data)
				text.WriteByte(' ')
			}
		}
		if n.Type == html.ElementNode {
			// Text a citizen reads or hears that is not a text node: image descriptions,
			// placeholders, tooltips, accessible names, and the description search engines show.
			for _, a := range n.Attr {
				switch a.Key {
				case "alt", "placeholder", "title", "aria-label":
				case "content":
					if n.Data != "meta" {
						continue
					}
					if name, _ := htmlx.Attr(n, "name"); name == "" {
						if prop, _ := htmlx.Attr(n, "property"); !strings.HasPrefix(prop, "og:") {
							continue
						}
					}
				default:
					continue
				}
				text.WriteString(a.Val)
				text.WriteByte(' ')
			}
		}
		if rep.Legacy == "" {
			var families []string
			if n.Data == "style" && n.FirstChild != nil {
				families = fontFamilies(n.FirstChild.Data)
			}
			if st, ok := htmlx.Attr(n, "style"); ok {
				families = append(families, fontFamilies(st)...)
			}
			if f, ok := htmlx.Attr(n, "face"); ok && n.Data == "font" {
				families = append(families, strings.Split(f, ",")...)
			}
			for _, fam := range families {
				fam = strings.ToLower(strings.Trim(strings.TrimSpace(fam), `"'`))
				for _, lf := range legacyFonts {
					if strings.HasPrefix(fam, lf.prefix) {
						rep.Legacy, rep.Evidence = lf.encoding, msg.P(mNFCFont, fam, n.Data)
					}
				}
			}
		}
		return true
	})
	t := text.String()
	if !norm.NFC.IsNormalString(t) {
		runes := []rune(t)
		for i, r := range runes {
			if unicode.Is(unicode.Mn, r) && i > 0 {
				// A mark NFC composes with what precedes it.
				pair := string(runes[i-1 : i+1])
				if norm.NFC.String(pair) != pair {
					if rep.Decomposed == 0 {
						lo, hi := max(0, i-12), min(len(runes), i+12)
						rep.Sample = norm.NFC.String(strings.Join(strings.Fields(string(runes[lo:hi])), " "))
					}
					rep.Decomposed++
				}
			}
		}
	}
	if rep.Legacy == "" {
		rep.Legacy, rep.Evidence = legacyMarks(t)
	}
	return rep
}

// latin1 reads bytes as ISO-8859-1, as a browser without a declared charset may: how TCVN3 and
// VNI pages look when their bytes are not valid UTF-8.
func latin1(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// legacyMarks looks for the characters TCVN3 or VNI text shows when read as Unicode: at least 10,
// and at least 1% of the letters.
func legacyMarks(t string) (encoding string, evidence msg.Phrase) {
	{
		letters, tcvn, vni := 0, 0, 0
		for _, r := range t {
			if unicode.IsLetter(r) {
				letters++
			}
			if strings.ContainsRune(tcvn3Marks, r) {
				tcvn++
			}
			if strings.ContainsRune(vniMarks, r) {
				vni++
			}
		}
		switch {
		case tcvn >= 10 && tcvn*100 >= letters:
			return "TCVN3 (ABC)", msg.P(mNFCTCVN3Marks, tcvn)
		case vni >= 10 && vni*100 >= letters:
			return "VNI", msg.P(mNFCVNIMarks, vni)
		}
	}
	return "", msg.Phrase{}
}

// nfcCheck is P06-UX-02: Vietnamese text is Unicode NFC (precomposed), not decomposed and not in
// a legacy encoding (TCVN3/ABC, VNI), detected by font names and characteristic characters.
func nfcCheck(ctx context.Context, s *check.Session) check.Result {
	set, err := pagejudge.Sample(ctx, s, s.Config().MaxPages)
	if err != nil {
		return check.FromError(msg.P(mStepProfile), err)
	}
	return set.Judge(pagejudge.Options{}, nfcVerdict).Finding(pagejudge.Texts{
		Pass: mNFCPass, Fail: mNFCFail, Got: mNFCGot, Want: msg.P(mNFCWant),
	})
}

// nfcVerdict judges one page for P06-UX-02.
func nfcVerdict(pg *check.Page) pagejudge.Verdict {
	rep := analyseText(pg.Doc)
	if rep.Legacy == "" && invalidUTF8(pg.Body, pg.Truncated) >= 0 {
		// Not UTF-8 at all (P06-UX-01 says so): read the bytes as Latin-1 to name the encoding.
		if enc, why := legacyMarks(latin1(pg.Body)); enc != "" {
			rep.Legacy, rep.Evidence = enc, msg.P(mNFCNotUTF8, why)
		}
	}
	var problems []msg.Phrase
	if rep.Decomposed > 0 {
		problems = append(problems, msg.P(mNFCDecomposed, rep.Decomposed, rep.Sample))
	}
	if rep.Legacy != "" {
		problems = append(problems, msg.P(mNFCLegacy, rep.Legacy, rep.Evidence))
	}
	if len(problems) == 0 {
		return pagejudge.Verdict{}
	}
	return pagejudge.Verdict{Fault: msg.P(mItem, msg.List{Items: problems, Sep: ", "}), Excerpt: rep.Sample}
}
