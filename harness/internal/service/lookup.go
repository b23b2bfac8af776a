package service

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
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
func otherPersonalData(text string) []string {
	var out []string
	name := nameLabel.FindStringSubmatch(text)
	ids := idLabel.FindAllStringSubmatch(text, 8)
	if name != nil && len(ids) > 0 {
		for _, m := range ids {
			out = append(out, fmt.Sprintf("a full name (%s) with a %s number (%s)", maskName(name[1]), strings.ToLower(m[1]), maskDigits(m[2])))
		}
	}
	if name == nil {
		for _, m := range mobile.FindAllStringSubmatch(text, 4) {
			out = append(out, "a mobile number in full ("+maskDigits(m[1])+")")
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
		return check.Failf("no dossier status look-up: none configured (status_lookup) and no link labelled \"Tra cứu hồ sơ\" or form with a dossier-code field was found").
			VI("không có chức năng tra cứu hồ sơ: chưa cấu hình status_lookup và không tìm thấy liên kết \"Tra cứu hồ sơ\" hay biểu mẫu nhập mã hồ sơ").
			GotWant("no look-up", "a look-up of dossier status by dossier code")
	}
	if !strings.Contains(r.StatusLookup, "{code}") {
		return check.Failf("the status look-up page %s has no GET form with a dossier-code field; set status_lookup to a URL with {code} if it uses another mechanism", check.Redact(r.StatusLookup)).
			VI("trang tra cứu %s không có biểu mẫu (GET) nhập mã hồ sơ", check.Redact(r.StatusLookup)).
			At(r.StatusLookup).GotWant("no dossier-code form", "a form that looks a dossier up by its code")
	}
	// An unknown code: a clear "not found", not an error page.
	u := lookupURL(r.StatusLookup, unknownDossier)
	pg, err := s.Page(ctx, u)
	if err != nil {
		return check.FromError("looking up an unknown dossier", err)
	}
	ev := []scoring.Evidence{pg.Evidence("Content-Type")}
	if pg.StatusCode >= 500 {
		return check.Failf("looking up an unknown dossier code gives status %d, an error page, instead of a clear \"not found\"", pg.StatusCode).
			VI("tra cứu một mã hồ sơ không tồn tại trả về mã lỗi %d thay vì thông báo \"không tìm thấy\" rõ ràng", pg.StatusCode).
			At(u).With(ev...).GotWant(fmt.Sprintf("status %d", pg.StatusCode), "a clear \"not found\" message")
	}
	folded := htmlx.Fold(resultText(pg))
	if sig := showsError(folded); sig != "" {
		return check.Failf("looking up an unknown dossier code (status %d) gives an error page (%q) instead of a clear \"not found\"", pg.StatusCode, sig).
			VI("tra cứu một mã hồ sơ không tồn tại (mã trạng thái %d) trả về trang lỗi (%q) thay vì thông báo \"không tìm thấy\"", pg.StatusCode, sig).
			At(u).With(ev...).GotWant("an error page", "a clear \"not found\" message")
	}
	if !showsNotFound(folded) {
		return check.Failf("looking up an unknown dossier code (status %d) shows no clear \"not found\" message (e.g. \"Không tìm thấy hồ sơ\")", pg.StatusCode).
			VI("tra cứu một mã hồ sơ không tồn tại (mã trạng thái %d) không hiển thị thông báo rõ ràng như \"Không tìm thấy hồ sơ\"", pg.StatusCode).
			At(u).With(ev...).GotWant("no not-found message", "a clear \"not found\" message")
	}
	if r.SampleDossier == "" {
		// The requirement is that a dossier's status and appointment date come back without its
		// owner's personal data: neither can be seen without a dossier to look up.
		return check.NotTestedf("the status look-up answers an unknown code with a clear \"not found\", but whether it returns a dossier's status and appointment date without its owner's personal data needs a dossier: set sample_dossier in the profile").
			VI("tra cứu báo rõ \"không tìm thấy\" với mã không tồn tại, nhưng cần một hồ sơ mẫu để kiểm tra việc trả về trạng thái, ngày hẹn trả mà không lộ dữ liệu cá nhân: cấu hình sample_dossier").
			At(r.StatusLookup).With(ev...)
	}
	u2 := lookupURL(r.StatusLookup, r.SampleDossier)
	pg2, err := s.Page(ctx, u2)
	if err != nil {
		return check.FromError("looking up the sample dossier", err)
	}
	ev = append(ev, pg2.Evidence("Content-Type"))
	text := resultText(pg2)
	if pg2.StatusCode != 200 || !strings.Contains(text, r.SampleDossier) || showsNotFound(htmlx.Fold(text)) {
		return check.Failf("looking up the sample dossier %s (status %d) does not show it", r.SampleDossier, pg2.StatusCode).
			VI("tra cứu hồ sơ mẫu %s (mã trạng thái %d) không hiển thị hồ sơ", r.SampleDossier, pg2.StatusCode).
			At(u2).With(ev...).GotWant("dossier not shown", "the dossier's status")
	}
	if pd := otherPersonalData(text); len(pd) > 0 {
		return check.Failf("the look-up of the sample dossier %s shows its owner's personal data to anyone who knows the dossier code: %s; show the status and appointment date only", r.SampleDossier, strings.Join(pd, ", ")).
			VI("kết quả tra cứu hồ sơ mẫu %s hiển thị dữ liệu cá nhân của chủ hồ sơ cho bất kỳ ai biết mã hồ sơ: %s; chỉ hiển thị trạng thái và ngày hẹn trả", r.SampleDossier, strings.Join(pd, ", ")).
			At(u2).With(ev...).GotWant("personal data shown", "status without the owner's personal data")
	}
	if pins := exposedPINs(text); len(pins) > 0 {
		return check.Failf("the look-up of the sample dossier %s shows personal identification numbers to anyone who knows the dossier code: %s; show the status and appointment date without the owner's personal data", r.SampleDossier, strings.Join(pins, ", ")).
			VI("kết quả tra cứu hồ sơ mẫu %s hiển thị số định danh cá nhân cho bất kỳ ai biết mã hồ sơ: %s; chỉ hiển thị trạng thái và ngày hẹn trả", r.SampleDossier, strings.Join(pins, ", ")).
			At(u2).With(ev...).GotWant("personal identification numbers shown", "status without the owner's personal data")
	}
	return check.Passf("the status look-up finds the sample dossier %s and answers an unknown code with a clear \"not found\"", r.SampleDossier).
		VI("tra cứu tìm thấy hồ sơ mẫu %s và báo rõ \"không tìm thấy\" với mã không tồn tại", r.SampleDossier).
		At(r.StatusLookup).With(ev...)
}
