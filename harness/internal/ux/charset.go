package ux

import (
	"context"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// utf8Labels are the WHATWG Encoding labels of UTF-8.
var utf8Labels = map[string]bool{"utf-8": true, "utf8": true, "unicode-1-1-utf-8": true, "unicode11utf8": true,
	"unicode20utf8": true, "x-unicode20utf8": true}

// metaCharset returns the charset a page declares in <meta charset> or <meta http-equiv=
// "Content-Type">, or "".
func metaCharset(doc *html.Node) string {
	for _, m := range htmlx.All(doc, "meta") {
		if cs, ok := htmlx.Attr(m, "charset"); ok {
			return strings.ToLower(strings.TrimSpace(cs))
		}
		if he, _ := htmlx.Attr(m, "http-equiv"); strings.EqualFold(strings.TrimSpace(he), "content-type") {
			c, _ := htmlx.Attr(m, "content")
			if _, params, err := mime.ParseMediaType(c); err == nil && params["charset"] != "" {
				return strings.ToLower(params["charset"])
			}
		}
	}
	return ""
}

// headerCharset returns the charset parameter of a Content-Type header, or "".
func headerCharset(ct string) string {
	if _, params, err := mime.ParseMediaType(ct); err == nil {
		return strings.ToLower(strings.TrimSpace(params["charset"]))
	}
	return ""
}

// invalidUTF8 returns the offset of the first byte that is not valid UTF-8, or -1. A body cut
// at the size bound may end inside a character: those last bytes are not counted.
func invalidUTF8(b []byte, truncated bool) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			if truncated && len(b)-i < utf8.UTFMax && !utf8.FullRune(b[i:]) {
				return -1
			}
			return i
		}
		i += n
	}
	return -1
}

// charsetCheck is P06-UX-01: every sampled page declares UTF-8 (Content-Type charset or meta) and
// its body is valid UTF-8 (Circular 39/2017, item 2.7).
func charsetCheck(ctx context.Context, s *check.Session) check.Result {
	_, sp, err := samplePages(ctx, s, s.Config().MaxPages)
	if err != nil {
		return check.FromError("resolving the portal profile", err)
	}
	if len(sp.pages) == 0 {
		return noPages(sp)
	}
	var bad, badVI []string
	var ev []scoring.Evidence
	for _, pg := range sp.pages {
		hdr, meta := headerCharset(pg.Header.Get("Content-Type")), metaCharset(pg.Doc)
		var problem, problemVI string
		switch {
		case hdr != "" && !utf8Labels[hdr]:
			problem, problemVI = fmt.Sprintf("Content-Type declares charset=%s", hdr), fmt.Sprintf("Content-Type khai báo charset=%s", hdr)
		case meta != "" && !utf8Labels[meta]:
			problem, problemVI = fmt.Sprintf("<meta> declares charset %s", meta), fmt.Sprintf("thẻ <meta> khai báo bảng mã %s", meta)
		case hdr == "" && meta == "":
			problem, problemVI = "no charset declared (neither Content-Type nor <meta charset>)", "không khai báo bảng mã (Content-Type hoặc <meta charset>)"
		default:
			if at := invalidUTF8(pg.Body, pg.Truncated); at >= 0 {
				problem = fmt.Sprintf("declares UTF-8 but byte %d is not valid UTF-8", at)
				problemVI = fmt.Sprintf("khai báo UTF-8 nhưng byte thứ %d không hợp lệ", at)
			}
		}
		if problem != "" {
			bad = append(bad, check.Redact(pg.URL)+": "+problem)
			badVI = append(badVI, check.Redact(pg.URL)+": "+problemVI)
			if len(ev) < maxListed {
				e := pg.Evidence("Content-Type")
				e.Note = problem
				ev = append(ev, e)
			}
		}
	}
	skip, skipVI := sp.note()
	if len(bad) == 0 {
		return check.Passf("all %d pages examined declare UTF-8 and are valid UTF-8%s", len(sp.pages), skip).
			VI("cả %d trang được kiểm tra đều khai báo và dùng đúng bảng mã UTF-8%s", len(sp.pages), skipVI)
	}
	return check.Failf("%d of %d pages do not declare or use UTF-8: %s%s", len(bad), len(sp.pages), en(bad), skip).
		VI("%d/%d trang không khai báo hoặc không dùng UTF-8: %s%s", len(bad), len(sp.pages), vi(badVI), skipVI).
		With(ev...).GotWant(fmt.Sprintf("%d pages not UTF-8", len(bad)), "UTF-8 declared (Content-Type charset or <meta charset>) and used")
}
