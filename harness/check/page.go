package check

import (
	"crypto/tls"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/internal/htmldoc"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// Response is a bounded HTTP response.
type Response struct {
	// Method and URL of the request; FinalURL after redirects.
	Method, URL, FinalURL string
	StatusCode            int
	Proto                 string
	Header                http.Header
	// Body is the decompressed body, at most Config.MaxBodyBytes; Truncated says it was cut.
	Body      []byte
	Truncated bool
	// Redirects is the chain of URLs that redirected, in order, before FinalURL.
	Redirects []string
	TLS       *tls.ConnectionState
	// TTFB is the portal's time to first byte: from each request written to its first response
	// byte, summed over the redirect hops (connection set-up and waiting for a connection or a
	// request slot are not the portal's answer time and are left out). Duration is the time
	// to the end of the body, everything included.
	TTFB, Duration time.Duration
}

// Evidence summarises the response, with the named headers (all relevant ones when none named).
// Secrets are redacted.
func (r *Response) Evidence(headers ...string) scoring.Evidence {
	ev := scoring.Evidence{Request: r.Method + " " + RedactURL(r.URL), Status: r.StatusCode}
	if r.FinalURL != "" && r.FinalURL != r.URL {
		ev = ev.Noted(mRedirectedTo, RedactURL(r.FinalURL))
	}
	if len(headers) == 0 {
		headers = relevantHeaders
	}
	for _, h := range headers {
		if v := r.Header.Values(h); len(v) > 0 {
			if ev.Headers == nil {
				ev.Headers = map[string]string{}
			}
			ev.Headers[http.CanonicalHeaderKey(h)] = RedactHeader(h, strings.Join(v, ", "))
		}
	}
	return ev
}

// relevantHeaders are the headers Evidence shows when none is named: those the checks judge.
var relevantHeaders = []string{
	"Content-Type", "Location", "Server", "X-Powered-By", "Strict-Transport-Security",
	"Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy",
	"Set-Cookie", "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
}

// Excerpt returns up to n bytes of the body as redacted text, cut at a UTF-8 boundary.
func (r *Response) Excerpt(n int) string {
	b := r.Body
	if len(b) > n {
		b = b[:n]
		for len(b) > 0 && b[len(b)-1]&0xC0 == 0x80 {
			b = b[:len(b)-1]
		}
		if len(b) > 0 && b[len(b)-1] >= 0xC0 {
			b = b[:len(b)-1]
		}
	}
	return RedactBody(strings.ToValidUTF8(string(b), "\uFFFD"))
}

// Page is a response with its HTML parsed, shared between checks: treat it as read-only.
type Page struct {
	*Response
	// Doc is the parsed document, or nil when the response is not HTML.
	Doc *html.Node
	// Charset is the name of the encoding the page was decoded with ("utf-8", "windows-1258",
	// …), determined as browsers do from the Content-Type, a byte-order mark or a <meta> (see
	// DecodeHTML).
	Charset string
	// CharsetSource says how Charset was chosen (see Decoded.Source).
	CharsetSource string
	// DeclaredCharset is the charset label of the Content-Type header, as sent ("" if none).
	DeclaredCharset string
	// Rendered says Doc is the DOM a browser built after running the page's scripts
	// (Target.Renderer), not the parsed response; Render holds what the browser did.
	Rendered bool
	Render   *Rendered
	// RenderErr says why a page was not rendered although a Renderer was set.
	RenderErr error

	memoMu sync.Mutex
	memo   map[any]*memoEntry
}

type memoEntry struct {
	once sync.Once
	val  any
}

// Memo returns what compute returns for this page and key, computing it at most once per page:
// checks that derive the same thing from a shared page (an accessibility audit, the labels of
// a procedure page) share it instead of each walking the document again. compute must depend
// on nothing but the page, and callers must not modify what it returns. Keys should be values
// of an unexported type of the caller's package, as with context.WithValue.
func (p *Page) Memo(key any, compute func() any) any {
	p.memoMu.Lock()
	if p.memo == nil {
		p.memo = map[any]*memoEntry{}
	}
	e, ok := p.memo[key]
	if !ok {
		e = &memoEntry{}
		p.memo[key] = e
	}
	p.memoMu.Unlock()
	e.once.Do(func() { e.val = compute() })
	return e.val
}

// HTML decodes and parses the body as a browser would (DecodeHTML), whatever the Content-Type:
// for checks that read a response fetched with Do or Fetch rather than Page.
func (r *Response) HTML() (*html.Node, error) {
	d, err := DecodeHTML(r.Body, r.Header.Get("Content-Type"), r.Truncated)
	if err != nil {
		return nil, err
	}
	return d.Doc, nil
}

// Shell reports why the page is a single-page app's shell, or the zero Phrase. On a page rendered
// in a browser (Rendered) the test is applied to the rendered DOM: a shell there is an app that
// stayed empty (its scripts failed or were blocked), and RenderErr says what is known of why.
func (p *Page) Shell() msg.Phrase {
	if p == nil || p.Doc == nil {
		return msg.Phrase{}
	}
	v, _ := p.Memo(shellKey{}, func() any { return ShellReason(p.Doc) }).(msg.Phrase)
	return v
}

type shellKey struct{}

// ErrStillEmpty, wrapped by RenderErr: the rendered DOM is still a (partial) shell.
var ErrStillEmpty = msg.Error(mStillEmptyErr)

// NeedsRender is the result of a content criterion examined on a shell.
func NeedsRender(p *Page) Result {
	if p.Rendered && p.RenderErr != nil {
		return Error(mStillEmpty, Redact(p.URL), p.RenderErr, p.Shell())
	}
	why := msg.List{Items: []msg.Phrase{p.Shell()}}
	if p.RenderErr != nil {
		why.Items = append(why.Items, msg.P(msg.Verbatim, p.RenderErr))
	}
	return Error(mNeedsRender, Redact(p.URL), why)
}

// DefaultCharset is the encoding an HTML page is decoded with when nothing labels it and its
// bytes are not valid UTF-8: windows-1258, the default the HTML standard suggests for a
// Vietnamese locale, which is what a browser set to Vietnamese falls back on.
const DefaultCharset = htmldoc.DefaultCharset

// Decoded is an HTML document as a browser reads it (see DecodeHTML).
type Decoded = htmldoc.Decoded

// DecodeHTML decodes and parses an HTML body as the WHATWG Encoding and HTML standards have a
// browser do it: a byte-order mark, else the Content-Type's charset, else a <meta> in the first
// 1024 bytes, else UTF-8 when the body is valid UTF-8, else DefaultCharset.
func DecodeHTML(body []byte, contentType string, truncated bool) (*Decoded, error) {
	return htmldoc.DecodeHTML(body, contentType, truncated)
}

// ShellReason says why a parsed page looks like a single-page app's shell, or the zero Phrase when
// it does not: scripts and an empty mount element, or almost no text, no form and fewer than three links.
func ShellReason(doc *html.Node) msg.Phrase { return htmldoc.ShellReason(doc) }

// UsableHref reports whether href leads somewhere a citizen can follow: not empty, not a
// fragment of the same page, not javascript:.
func UsableHref(href string) bool { return htmldoc.UsableHref(href) }
