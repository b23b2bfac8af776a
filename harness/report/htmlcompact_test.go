package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/scoring"
)

func TestCompactMessage(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"4/4 pages fail: /: no CSP; /a: no CSP; /b: weak CSP; weak too", "4/4 pages fail: no CSP (/, /a); /b: weak CSP; weak too"},
		{"pages: /a reflects Origin x; /b reflects Origin x; /c reflects Origin y", "pages: reflects Origin x (/a, /b); /c reflects Origin y"},
		{"3 pages: https://h/a: missing; https://h/b: missing; and 1 more", "3 pages: missing (https://h/a, https://h/b); and 1 more"},
		{"pages: /a x; /b y; /c x; /d y; /e z", "pages: x (/a, /c); y (/b, /d); /e z"},
		{"4/4 fail: /a: bad; worse; /b: bad; worse (1 page not checked: /c)", "4/4 fail: bad; worse (/a, /b) (1 page not checked: /c)"},
		{"/a: weak; /b: weak", "weak (/a, /b)"},
		{"mixed: /a uses x at p | /b uses x at p | /c uses y", "mixed: uses x at p (/a, /b) | /c uses y"},
		{"pages: /a: x; /b: y", "pages: /a: x; /b: y"},
		{"pages: /a: no CSP; /b: no CSP; weak HSTS", "pages: /a: no CSP; /b: no CSP; weak HSTS"},
		{"pages: /a: missing; /b: missing (HTTP 500)", "pages: /a: missing; /b: missing (HTTP 500)"},
		{"no pages here; at all", "no pages here; at all"},
		{"one: /a: x", "one: /a: x"},
		{"ends with a page: /a", "ends with a page: /a"},
	} {
		assert.Equal(t, tt.want, compactMessage(tt.in), tt.in)
	}
	assert.Equal(t, "/x and https://other.example/y and /z and https://h:10/w",
		relativeTo("https://h:1/x and https://other.example/y and https://h:1/z and https://h:10/w", "https://h:1"))
	assert.Equal(t, "https://h:1/x", relativeTo("https://h:1/x", ""))
}

// The HTML page shows each thing once: response headers shared by several pieces of evidence
// in one table, notes seen on the same request as rows of one table, and a message's identical
// per-page details once with their pages; nothing is lost. A legal basis is linked to its
// source where a finding cites it (the criterion page writes it out).
func TestHTMLShowsEachThingOnce(t *testing.T) {
	r := sampleReport()
	hdr := map[string]string{"Server": "nginx", "Content-Security-Policy": "default-src *"}
	origin := "https://dichvucong.example.gov.vn"
	r.Findings[0].Message = "2/2 pages fail: " + origin + "/: weak CSP; " + origin + "/thu-tuc: weak CSP"
	r.Findings[0].Evidence = []scoring.Evidence{
		{Request: "GET " + origin + "/", Status: 200, Headers: hdr, Note: "home"},
		{Request: "GET " + origin + "/thu-tuc", Status: 200, Headers: hdr, Note: "procedures"},
		{Request: "POST https://gateway.example/lookup", Status: 200, Note: "request #1 → found"},
		{Request: "POST https://gateway.example/lookup", Status: 503, Note: "request #2 → server_error"},
	}
	// T-SEC-03 (error) cites the same basis as T-SEC-01.
	cat := testCatalogue()
	cat.Criteria[2].Basis = cat.Criteria[0].Basis
	var b bytes.Buffer
	require.NoError(t, WriteHTML(&b, r, Options{Lang: "en", Catalogue: cat, Version: "test"}))
	out := b.String()

	assert.Equal(t, 1, strings.Count(out, "<th>Content-Security-Policy<"), "the shared headers are one table")
	assert.Contains(t, out, `<h2>Shared response headers</h2>`)
	assert.Contains(t, out, `<div class="ev" id="hdr-1"><b>Set 1</b>`)
	assert.Equal(t, 2, strings.Count(out, `<div>Response headers: <a href="#hdr-1">set 1</a></div>`), "both pieces of evidence refer to it")
	assert.Contains(t, out, "<code>GET /thu-tuc</code>", "requests to the portal are paths")
	assert.Contains(t, out, "Paths are relative to <code>"+origin+"</code>")
	assert.Equal(t, 1, strings.Count(out, "<code>POST https://gateway.example/lookup</code>"), "the gateway's request once")
	assert.Contains(t, out, `<table class="rows"><tr><th>#3<td>200<td>request #1 → found</table>`, "a piece no finding refers to has no id")
	assert.NotContains(t, out, "request #2 → server_error", "the fourth piece, on a request already shown, is left to the JSON report")
	assert.Contains(t, out, "and 1 more — see the JSON report")
	assert.Contains(t, out, "2/2 pages fail: weak CSP (/, /thu-tuc)")

	assert.Equal(t, 2, strings.Count(out, `<dt>Legal basis<dd><a href="https://example.gov.vn/85">Decree 85/2016/NĐ-CP</a></dl>`), "both findings link the basis to its source")
	assert.NotContains(t, out, "#src-", "there is no list of sources to refer to")
}

func TestShortDocument(t *testing.T) {
	for in, want := range map[string]string{
		"Nghị định 85/2016/NĐ-CP ngày 01/7/2016 về bảo đảm an toàn hệ thống thông tin theo cấp độ, Điều 9": "Nghị định 85/2016/NĐ-CP",
		"RFC 6749 (OAuth 2.0), §4.1.2": "RFC 6749",
		"Thực tiễn tích hợp đăng nhập một lần của Cổng Dịch vụ công quốc gia (DVCQG)": "Thực tiễn tích hợp đăng nhập một lần của Cổng…",
		"W3C Mixed Content":                                      "W3C Mixed Content",
		"W3C Content Security Policy Level 3, §5":                "W3C Content Security Policy Level 3",
		"Mozilla HTTP Observatory / MDN web security guidelines": "Mozilla HTTP Observatory / MDN web security guidelines",
		"OWASP ASVS":   "OWASP ASVS",
		"Decree 13, x": "Decree 13",
	} {
		assert.Equal(t, want, shortDocument(in), in)
	}
}

// A finding shows its first pieces of evidence and every other one seen on a page none of them
// names; the rest, and all the evidence of the criteria met or not assessed, stay in the JSON
// report, which the page says once. A met criterion is one line without its message; one not
// tested keeps the start of its message, which says what would make it assessable.
func TestHTMLCutsEvidence(t *testing.T) {
	r := sampleReport()
	r.Findings[0].Evidence = nil
	for i := range 6 {
		r.Findings[0].Evidence = append(r.Findings[0].Evidence, scoring.Evidence{Request: "POST https://gateway.example/lookup", Status: 503, Note: fmt.Sprintf("gateway request %d", i)})
	}
	r.Findings[0].Evidence = append(r.Findings[0].Evidence, scoring.Evidence{Request: "GET https://dichvucong.example.gov.vn/thu-tuc/9", Status: 200, Note: "the last page"})
	var met int
	for i, f := range r.Findings {
		if f.Status == scoring.Pass {
			met = i
		}
	}
	r.Findings[met].Message = "tìm thấy thuộc tính lang"
	r.Findings[met].Evidence = []scoring.Evidence{{Request: "GET https://dichvucong.example.gov.vn/", Status: 200, Note: "met evidence"}}
	var b bytes.Buffer
	require.NoError(t, WriteHTML(&b, r, Options{Lang: "vi", Catalogue: testCatalogue(), Version: "test"}))
	out := b.String()
	for i := range 3 {
		assert.Contains(t, out, fmt.Sprintf("gateway request %d", i))
	}
	for i := 3; i < 6; i++ {
		assert.NotContains(t, out, fmt.Sprintf("gateway request %d<", i))
	}
	assert.Contains(t, out, "<code>GET /thu-tuc/9</code>", "every page the finding applies to stays")
	assert.Contains(t, out, "và 3 mục khác — xem báo cáo JSON")
	assert.NotContains(t, out, "met evidence")
	assert.Equal(t, 1, strings.Count(out, "thông báo và minh chứng có trong báo cáo JSON"))
	assert.NotContains(t, out, "tìm thấy thuộc tính lang", "a met criterion is its ID, title and status")
	assert.NotContains(t, out, "waived until", "so is a waived one (the waivers table has the reason)")
	assert.Contains(t, out, `<code>T-A11Y-02</code> Ảnh có văn bản thay thế — <span class="m">no check is built for this criterion</span>
`, "one not tested says why")

	r.Findings[len(r.Findings)-1].Message = strings.Repeat("cần tệp minh chứng ", 10) + "cuối\ndòng hai"
	b.Reset()
	require.NoError(t, WriteHTML(&b, r, Options{Lang: "vi", Catalogue: testCatalogue(), Version: "test"}))
	out = b.String()
	assert.NotContains(t, out, "cuối", "the reason is cut to one line")
	assert.Regexp(t, `<span class="m">cần tệp minh chứng [^<]*…</span>`, out)
}

// A finding names each basis once: a linked one by its short name (with its section when two
// links would read the same), one without a link by its whole name when the short one is cut.
func TestHTMLBasis(t *testing.T) {
	c := &criteria.Criterion{Basis: []criteria.Basis{
		{Document: "OpenID Connect Core 1.0", Article: "§3.1.2.1 Authentication Request", Kind: criteria.Derived, URL: "https://openid.net/core#AuthRequest"},
		{Document: "OpenID Connect Core 1.0", Article: "§3.1.3.7 ID Token Validation", Kind: criteria.Quoted, URL: "https://openid.net/core#IDTokenValidation"},
		{Document: "Mozilla HTTP Observatory / MDN web security guidelines", Article: "HSTS", Kind: criteria.Derived, URL: "https://developer.mozilla.org/obs"},
		{Document: "Mozilla HTTP Observatory / MDN web security guidelines", Article: "CSP", Kind: criteria.Derived, URL: "https://developer.mozilla.org/obs"},
		{Document: "DVCQG single sign-on (xacthuc.dichvucong.gov.vn) integration practice of the national portal", Kind: criteria.Derived},
		{Document: "Decree 85/2016/NĐ-CP", Article: "Art. 9", Kind: criteria.Derived},
	}}
	assert.Equal(t, []htmlSourceRef{
		{Short: "OpenID Connect Core 1.0 §3.1.2.1", URL: "https://openid.net/core#AuthRequest"},
		{Short: "OpenID Connect Core 1.0 §3.1.3.7", URL: "https://openid.net/core#IDTokenValidation"},
		{Short: "Mozilla HTTP Observatory / MDN web security guidelines", URL: "https://developer.mozilla.org/obs"},
		{Short: "DVCQG single sign-on (xacthuc.dichvucong.gov.vn) integration practice of the national portal"},
		{Short: "Decree 85/2016/NĐ-CP"},
	}, htmlBasis(c, "en"))
}

// A failed finding shows what its check wanted, not the criterion's requirement: the criterion
// page, linked from the finding with a label that says so, has it. In Vietnamese a want the
// check still states in English is left to that page.
func TestHTMLFindingLinksItsRequirement(t *testing.T) {
	r := sampleReport()
	r.Catalogue.ID = criteria.P06TechnicalID // whose criteria have pages
	page := CriterionDocURL("T-SEC-01")
	for lang, label := range map[string]string{"vi": "yêu cầu và cách kiểm tra", "en": "requirement and how it is checked"} {
		var b bytes.Buffer
		require.NoError(t, WriteHTML(&b, r, Options{Lang: lang, Catalogue: testCatalogue(), Version: "test"}))
		out := b.String()
		assert.NotContains(t, out, "Máy chủ từ chối TLS 1.0 và 1.1", lang)
		assert.NotContains(t, out, "The server refuses TLS 1.0 and 1.1", lang)
		assert.Contains(t, out, "<dd>TLS 1.2+<dt>", "%s: the check's want stays", lang)
		assert.Contains(t, out, ` (<a href="`+page+`">`+label+`</a>)</p>`, lang)
		assert.Contains(t, out, `<p class="advice"><a href="`+CriterionDocURL("T-SEC-03")+`">`+label+`</a></p>`, "%s: a finding without advice still links its page", lang)
	}
	r.Findings[0].Want = "the server refuses TLS 1.0 and 1.1"
	var b bytes.Buffer
	require.NoError(t, WriteHTML(&b, r, Options{Lang: "vi", Catalogue: testCatalogue(), Version: "test"}))
	assert.NotContains(t, b.String(), "the server refuses", "an English want is not shown in Vietnamese")
}

// tidyHTML writes quotes in text as they are (in <pre> too), keeps them as references inside
// tags, and drops blank lines outside <pre>.
func TestTidyHTML(t *testing.T) {
	in := "<p title=\"a &#34;b&#34;\">say &#34;hi&#34; &amp; &#39;bye&#39; 1&#43;1 &lt;b&gt;</p>\n\n\n<pre>x &#34;y&#34;\n\n\nz</pre>\n\n<i>&#34;</i>"
	want := "<p title=\"a &#34;b&#34;\">say \"hi\" &amp; 'bye' 1+1 &lt;b&gt;</p>\n<pre>x \"y\"\n\n\nz</pre>\n<i>\"</i>"
	assert.Equal(t, want, tidyHTML(in))
	// The end tags it leaves out change nothing the parser builds.
	page := "<!doctype html><html><body><ol><li id=\"a\">one <b>1</b></li>\n<li>two</li>\n</ol>\n" +
		"<ul class=\"one\"><li>x<ul><li>nested</li></ul></li><li>y</li></ul>" +
		"<table><tr><th>h</th><td><code>v</code></td></tr>\n<tr id=\"r\"><th>#2</th><td></td><td>note</td></tr></table>" +
		"<dl>\n<dt>Got</dt><dd><code>g</code></dd>\n<dt>Want</dt><dd>w</dd>\n</dl><p>after</p></body></html>"
	assert.NotContains(t, tidyHTML(page), "</li>")
	assert.Equal(t, domOutline(t, page), domOutline(t, tidyHTML(page)))
}

// domOutline is the tree the HTML parser builds from s: elements with their attributes and
// the text that is not only white space.
func domOutline(t *testing.T, s string) string {
	doc, err := html.Parse(strings.NewReader(s))
	require.NoError(t, err)
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		switch {
		case n.Type == html.TextNode && strings.TrimSpace(n.Data) != "":
			fmt.Fprintf(&b, "%*s%q\n", depth, "", strings.Join(strings.Fields(n.Data), " "))
		case n.Type == html.ElementNode:
			fmt.Fprintf(&b, "%*s<%s %v>\n", depth, "", n.Data, n.Attr)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return b.String()
}

// A finding does not show what its check saw when its message already says it.
func TestGotSaid(t *testing.T) {
	for _, tt := range []struct {
		message, got, lang string
		said               bool
	}{
		{"lộ phiên bản: /: Server: nginx/1.18; /a: Server: nginx/1.18", "/: Server: nginx/1.18; /a: Server: nginx/1.18", "vi", true},
		{"Cổng chấp nhận ID token đã hết hạn; ID token tương lai (2/2)", "được chấp nhận: ID token đã hết hạn; ID token tương lai", "vi", true},
		{"khi CSDL treo: cổng không trả lời công dân trong 10s", "the portal did not answer the citizen within 10s", "vi", true},
		{"the portal did not answer within 10s", "the portal did not answer the citizen within 10s", "en", false},
		{"the portal did not answer", "the portal did not answer the citizen within 10s", "vi", false},
		{"cổng chấp nhận TLS 1.0", "chấp nhận TLS 1.0, TLS 1.1, TLS 1.2", "vi", false},
		{"cổng chấp nhận: TLS 1.0", "TLS: 1.0", "vi", false},
		{"", "anything", "vi", false},
	} {
		assert.Equal(t, tt.said, gotSaid(tt.message, tt.got, tt.lang), "%q / %q", tt.message, tt.got)
	}
}

// A piece of evidence's requests name their method once when they share it.
func TestRequestLines(t *testing.T) {
	assert.Equal(t, []string{"GET /, /a, /b"}, requestLines([]string{"GET /", "GET /a", "GET /b"}))
	assert.Equal(t, []string{"GET /", "HEAD /a"}, requestLines([]string{"GET /", "HEAD /a"}))
	assert.Equal(t, []string{"GET /"}, requestLines([]string{"GET /"}))
	assert.Equal(t, []string{"ClientHello SSLv3 to h:1", "ClientHello TLS 1.3 to h:1"},
		requestLines([]string{"ClientHello SSLv3 to h:1", "ClientHello TLS 1.3 to h:1"}))
}

// A reason several criteria not tested share is written once and each of them refers to it;
// a reason of one criterion stays on its line.
func TestHTMLSharesReasons(t *testing.T) {
	r := sampleReport()
	why := "attested criterion: no evidence file was given"
	for _, id := range []string{"T-SEC-04", "T-A11Y-02"} {
		for i := range r.Findings {
			if r.Findings[i].Criterion == id {
				r.Findings[i].Status, r.Findings[i].Message = scoring.NotTested, why
			}
		}
	}
	r.Findings = append(r.Findings, scoring.Finding{Criterion: "T-A11Y-09", Group: "accessibility", Status: scoring.NotTested, Message: "alone"})
	var b bytes.Buffer
	require.NoError(t, WriteHTML(&b, r, Options{Lang: "en", Catalogue: testCatalogue(), Version: "test"}))
	out := b.String()
	assert.Equal(t, 1, strings.Count(out, why), "the shared reason once")
	assert.Contains(t, out, `<h3>Why not tested</h3>`)
	assert.Contains(t, out, `<li id="why-1">`+why+`<`)
	assert.Equal(t, 2, strings.Count(out, `<a class="m" href="#why-1">reason 1</a>`), "both criteria refer to it")
	assert.Contains(t, out, `<span class="m">alone</span>`)
}
