package ux

import (
	"context"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/internal/htmlx"
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
	set, err := pagejudge.Sample(ctx, s, s.Config().MaxPages)
	if err != nil {
		return check.FromError("resolving the portal profile", err)
	}
	return set.Judge(pagejudge.Options{Headers: []string{"Content-Type"}}, charsetVerdict).Result(pagejudge.Messages{
		Pass:   "all %d pages examined declare UTF-8 and are valid UTF-8",
		PassVI: "cả %d trang được kiểm tra đều khai báo và dùng đúng bảng mã UTF-8",
		Fail:   "%d of %d pages do not declare or use UTF-8: %s",
		FailVI: "%d/%d trang không khai báo hoặc không dùng UTF-8: %s",
		Got:    "%d pages not UTF-8",
		Want:   "UTF-8 declared (Content-Type charset or <meta charset>) and used",
	})
}

// charsetVerdict judges one page for P06-UX-01.
func charsetVerdict(pg *check.Page) pagejudge.Verdict {
	hdr, meta := headerCharset(pg.Header.Get("Content-Type")), metaCharset(pg.Doc)
	switch {
	case hdr != "" && !utf8Labels[hdr]:
		return pagejudge.Verdict{Problem: fmt.Sprintf("Content-Type declares charset=%s", hdr), ProblemVI: fmt.Sprintf("Content-Type khai báo charset=%s", hdr)}
	case meta != "" && !utf8Labels[meta]:
		return pagejudge.Verdict{Problem: fmt.Sprintf("<meta> declares charset %s", meta), ProblemVI: fmt.Sprintf("thẻ <meta> khai báo bảng mã %s", meta)}
	case hdr == "" && meta == "":
		return pagejudge.Verdict{Problem: "no charset declared (neither Content-Type nor <meta charset>)", ProblemVI: "không khai báo bảng mã (Content-Type hoặc <meta charset>)"}
	}
	if at := invalidUTF8(pg.Body, pg.Truncated); at >= 0 {
		return pagejudge.Verdict{Problem: fmt.Sprintf("declares UTF-8 but byte %d is not valid UTF-8", at), ProblemVI: fmt.Sprintf("khai báo UTF-8 nhưng byte thứ %d không hợp lệ", at)}
	}
	return pagejudge.Verdict{}
}
