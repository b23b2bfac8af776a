package ux

import (
	"context"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/harness/msg"
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
		return check.FromError(msg.P(mStepProfile), err)
	}
	return set.Judge(pagejudge.Options{Headers: []string{"Content-Type"}}, charsetVerdict).Finding(pagejudge.Texts{
		Pass: mCharsetPass, Fail: mCharsetFail, Got: mCharsetGot, Want: msg.P(mCharsetWant),
	})
}

// charsetVerdict judges one page for P06-UX-01.
func charsetVerdict(pg *check.Page) pagejudge.Verdict {
	hdr, meta := headerCharset(pg.Header.Get("Content-Type")), metaCharset(pg.Doc)
	switch {
	case hdr != "" && !utf8Labels[hdr]:
		return pagejudge.Verdict{Fault: msg.P(mCharsetHeader, hdr)}
	case meta != "" && !utf8Labels[meta]:
		return pagejudge.Verdict{Fault: msg.P(mCharsetMeta, meta)}
	case hdr == "" && meta == "":
		return pagejudge.Verdict{Fault: msg.P(mCharsetNone)}
	}
	if at := invalidUTF8(pg.Body, pg.Truncated); at >= 0 {
		return pagejudge.Verdict{Fault: msg.P(mCharsetInvalid, at)}
	}
	return pagejudge.Verdict{}
}
