package service

import (
	"context"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// unknownDossier is a dossier code in the national format (unit code, date, sequence) that no
// portal issues — the unit "000.00.00.H00" does not exist — so that a portal validating the format
// still searches and must say it is not found.
const unknownDossier = "000.00.00.H00-991231-9999"

// notFoundPhrases are the folded phrases of a clear "not found" answer.
var notFoundPhrases = []string{"khong tim thay", "khong ton tai", "khong co ho so", "khong co ket qua",
	"chua co ho so", "khong co du lieu", "ho so khong hop le", "ma ho so khong dung", "not found", "no dossier", "no result", "no results"}

// errorSignatures are the folded phrases of an error page, whatever its status code.
var errorSignatures = []string{"exception", "stack trace", "stacktrace", "traceback", "internal server error",
	"loi he thong", "da xay ra loi", "an error occurred", "error occurred", "fatal error", "sql syntax"}

func showsError(folded string) string {
	for _, p := range errorSignatures {
		// "exception" also inside a class name: NullPointerException, SqlException.
		if htmlx.FoldedContains(folded, p) || p == "exception" && strings.Contains(folded, p) {
			return p
		}
	}
	return ""
}

func showsNotFound(folded string) bool {
	for _, p := range notFoundPhrases {
		if htmlx.FoldedContains(folded, p) {
			return true
		}
	}
	return false
}

// twelveDigits finds 12-digit runs: candidate personal identification numbers.
var twelveDigits = regexp.MustCompile(`(?:^|[^0-9])([0-9]{12})(?:$|[^0-9])`)

// exposedPINs returns the valid personal identification numbers in text, masked for messages.
func exposedPINs(text string) []string {
	var out []string
	for _, m := range twelveDigits.FindAllStringSubmatch(text, 20) {
		if ident.ValidPIN(m[1], ident.AllowUnknownPrefix()) {
			out = append(out, ident.Mask(m[1]))
		}
	}
	return out
}

// Personal data of the dossier's owner that a public look-up must not show. A name alone is
// not flagged (a look-up may greet its user); a name next to an identifier is.
var (
	// nameLabel introduces a person's full name: "Họ tên: Nguyễn Văn An", "Chủ hồ sơ: …".
	nameLabel = regexp.MustCompile(`(?i:họ và tên|họ tên|chủ hồ sơ|người nộp(?: hồ sơ)?|người đứng tên|tên công dân|công dân|full name|applicant)\s*[:：]\s*((?:\p{Lu}[\p{L}]*\s+){1,5}\p{Lu}[\p{L}]*)`)
	// idLabel introduces an identifier: citizen or identity card, passport, driving licence,
	// telephone, with its number (a masked number, with * or x, is not shown).
	idLabel = regexp.MustCompile(`(?i)(số định danh|căn cước|cccd|cmnd|cmtnd|chứng minh(?: nhân dân)?|hộ chiếu|giấy phép lái xe|gplx|bằng lái|số điện thoại|điện thoại|sđt|mobile|phone)[^0-9*\n]{0,24}([0-9][0-9 .\-]{6,16}[0-9])`)
	// mobile is a Vietnamese mobile number shown in full.
	mobile = regexp.MustCompile(`(?:^|[^0-9])(0[35789][0-9]{8})(?:$|[^0-9])`)
)

// otherPersonalData returns what a look-up result shows of its owner beyond the status: a full
// name next to an identity, licence or telephone number (masked for messages), or a mobile
// number in full. Numbers already masked (with * or x) are not counted.
func otherPersonalData(text string) []msg.Phrase {
	var out []msg.Phrase
	name := nameLabel.FindStringSubmatch(text)
	ids := idLabel.FindAllStringSubmatch(text, 8)
	if name != nil && len(ids) > 0 {
		for _, m := range ids {
			out = append(out, msg.P(mLookupNameWithID, maskName(name[1]), strings.ToLower(m[1]), maskDigits(m[2])))
		}
	}
	if name == nil {
		for _, m := range mobile.FindAllStringSubmatch(text, 4) {
			out = append(out, msg.P(mLookupMobile, maskDigits(m[1])))
		}
	}
	return out
}

// labelWords start the next label after a name when a page's lines run together in its text
// ("Họ và tên: Trần Thị Ngọc Số giấy phép: …").
var labelWords = map[string]bool{"số": true, "ngày": true, "địa": true, "điện": true, "mã": true, "trạng": true,
	"cccd": true, "cmnd": true, "giấy": true, "nơi": true, "quê": true, "tình": true, "kết": true, "hồ": true, "sđt": true}

// maskName keeps the initials of a name, which ends before a following label's first word.
func maskName(n string) string {
	var parts []string
	for _, w := range strings.Fields(n) {
		if len(parts) >= 2 && labelWords[strings.ToLower(w)] {
			break
		}
		r := []rune(w)
		parts = append(parts, string(r[0])+strings.Repeat("*", len(r)-1))
	}
	return strings.Join(parts, " ")
}

// maskDigits keeps the last three digits of a number.
func maskDigits(d string) string {
	d = strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, d)
	if len(d) <= 3 {
		return strings.Repeat("*", len(d))
	}
	return strings.Repeat("*", len(d)-3) + d[len(d)-3:]
}

// resultText is the text of a look-up's result: the page's <main> (or role="main") when it
// has one, else the body without its header, navigation, footer and asides. A "Không tìm thấy
// hồ sơ? Liên hệ…" line in the footer is not the answer.
func resultText(pg *check.Page) string {
	if pg.Doc == nil {
		return string(pg.Body)
	}
	var main *html.Node
	htmlx.Walk(pg.Doc, func(n *html.Node) bool {
		if r, _ := htmlx.Attr(n, "role"); n.Data == "main" || strings.EqualFold(r, "main") {
			main = n
			return false
		}
		return true
	})
	if main != nil {
		return htmlx.Text(main)
	}
	body := htmlx.First(pg.Doc, "body")
	if body == nil {
		return htmlx.Text(pg.Doc)
	}
	var b strings.Builder
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if r, _ := htmlx.Attr(c, "role"); c.Data == "header" || c.Data == "nav" || c.Data == "footer" || c.Data == "aside" ||
				strings.EqualFold(r, "navigation") || strings.EqualFold(r, "contentinfo") || strings.EqualFold(r, "banner") {
				continue
			}
			b.WriteString(htmlx.Text(c))
		} else if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// lookupURL puts a dossier code into the look-up template.
func lookupURL(template, code string) string {
	return strings.ReplaceAll(template, "{code}", url.QueryEscape(code))
}

// lookupCheck is P06-SVC-03: dossier status can be looked up by dossier code. The look-up form
// must exist, an unknown code must get a clear "not found" (not an error page), and the profile's
// sample dossier, when given, must be found without showing the owner's personal identification
// number.
func lookupCheck(ctx context.Context, s *check.Session, r *check.Resolved) check.Result {
	if r.StatusLookup == "" {
		return check.Fail(mLookupNone, lookupLink).Saw(msg.P(mLookupNoneGot), msg.P(mLookupNoneWant))
	}
	if !strings.Contains(r.StatusLookup, "{code}") {
		return check.Fail(mLookupNoForm, check.Redact(r.StatusLookup)).
			At(r.StatusLookup).Saw(msg.P(mLookupNoFormGot), msg.P(mLookupNoFormWant))
	}
	// An unknown code: a clear "not found", not an error page.
	u := lookupURL(r.StatusLookup, unknownDossier)
	pg, err := s.Page(ctx, u)
	if err != nil {
		return check.FromError(msg.P(mStepLookupUnknown), err)
	}
	ev := []scoring.Evidence{pg.Evidence("Content-Type")}
	if pg.StatusCode >= 500 {
		return check.Fail(mLookupServerError, pg.StatusCode).
			At(u).With(ev...).Saw(msg.P(mLookupStatusGot, pg.StatusCode), msg.P(mLookupNotFoundWant))
	}
	folded := htmlx.Fold(resultText(pg))
	if sig := showsError(folded); sig != "" {
		return check.Fail(mLookupErrorPage, pg.StatusCode, sig).
			At(u).With(ev...).Saw(msg.P(mLookupErrorPageGot), msg.P(mLookupNotFoundWant))
	}
	if !showsNotFound(folded) {
		return check.Fail(mLookupNoNotFound, pg.StatusCode, notFoundText).
			At(u).With(ev...).Saw(msg.P(mLookupNoNotFoundGot), msg.P(mLookupNotFoundWant))
	}
	if r.SampleDossier == "" {
		// The requirement is that a dossier's status and appointment date come back without its
		// owner's personal data: neither can be seen without a dossier to look up.
		return check.NotTested(mLookupNoSample).At(r.StatusLookup).With(ev...)
	}
	u2 := lookupURL(r.StatusLookup, r.SampleDossier)
	pg2, err := s.Page(ctx, u2)
	if err != nil {
		return check.FromError(msg.P(mStepLookupSample), err)
	}
	ev = append(ev, pg2.Evidence("Content-Type"))
	text := resultText(pg2)
	if pg2.StatusCode != 200 || !strings.Contains(text, r.SampleDossier) || showsNotFound(htmlx.Fold(text)) {
		return check.Fail(mLookupSampleMissing, r.SampleDossier, pg2.StatusCode).
			At(u2).With(ev...).Saw(msg.P(mLookupSampleMissingGot), msg.P(mLookupSampleMissingWant))
	}
	if pd := otherPersonalData(text); len(pd) > 0 {
		return check.Fail(mLookupPersonalData, r.SampleDossier, msg.List{Items: pd, Sep: ", "}).
			At(u2).With(ev...).Saw(msg.P(mLookupPersonalDataGot), msg.P(mLookupNoPersonalWant))
	}
	if pins := exposedPINs(text); len(pins) > 0 {
		return check.Fail(mLookupPINs, r.SampleDossier, strings.Join(pins, ", ")).
			At(u2).With(ev...).Saw(msg.P(mLookupPINsGot), msg.P(mLookupNoPersonalWant))
	}
	return check.Pass(mLookupPass, r.SampleDossier).At(r.StatusLookup).With(ev...)
}
