package harness_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/examples/brokenportal"
	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/discover"
	"github.com/p06kit/p06kit/harness/internal/headers"
	"github.com/p06kit/p06kit/harness/internal/tlsscan"
	"github.com/p06kit/p06kit/harness/internal/ux"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// malformedPortal is a small portal on loopback whose headers, sitemap and procedure catalogue
// are malformed, so that the findings quote the parsers' errors: what a Vietnamese report shows
// of an error is the harness's own prose, and must be Vietnamese. Its data (header values, page
// text) holds no English function word, so any the findings hold come from the harness.
func malformedPortal() http.Handler {
	page := func(hsts, csp, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Strict-Transport-Security", hsts)
			w.Header().Set("Content-Security-Policy", csp)
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Add("Set-Cookie", "khongcogiatri")
			fmt.Fprintf(w, `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng dịch vụ công</title>`+
				`<link rel="alternate" type="application/json" href="/thu-tuc.json"></head><body>%s</body></html>`, body)
		}
	}
	mux := http.NewServeMux()
	mux.Handle("/{$}", page("includeSubDomains", "default-src 'self'; script-src 'self'; script-src *",
		`<h1>Cổng dịch vụ công</h1><a href="/trang-2">Trang 2</a> <a href="/trang-3">Trang 3</a>`))
	mux.Handle("/trang-2", page("max-age=abc", "x", `<h1>Trang 2</h1>`))
	mux.Handle("/trang-3", page("max-age=1; max-age=2", "default-src 'self'", `<h1>Trang 3</h1>`))
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "User-agent: *\nSitemap: /sitemap.xml")
	})
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, `<?xml version="1.0"?><trang></trang>`)
	})
	mux.HandleFunc("/thu-tuc.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"procedures":[{"MaTTHC":1,"Ten":"Cấp giấy khai sinh"}]}`)
	})
	return mux
}

// Data, not prose: a value a message quotes with %q (seen on the portal), and a token whose words
// are joined by '-', '_' or '/' (a header name such as X-Powered-By, a policy value such as
// strict-origin-when-cross-origin, a cipher suite such as TLS_RSA_WITH_AES_128_GCM_SHA256, a rule
// such as html-has-lang).
var (
	quotedData = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
	tokenData  = regexp.MustCompile(`[\p{L}\d.]+(?:[-_/][\p{L}\d.]+)+`)
)

// hexData is an identifier in hexadecimal (a request ID such as MaYeuCau), whose letters are not words.
var hexData = regexp.MustCompile(`\b[0-9a-fA-F]{16,}\b`)

// dataLists are values a finding quotes as they are:
//   - the return-address parameters P06-AUTH-11 tries;
//   - the reference portal's adapter's error for an item fetched without a session, a vendor's
//     text the finding quotes ("item kq-…: not logged in": check.ErrNotLoggedIn wrapped by the
//     adapter with fmt.Errorf);
//   - the provenance records of the catalogue's data, recorded in English only (criteria's
//     essential-services list, scoring's seed targets): quoted as recorded, see the report.
func dataLists() []string {
	l := []string{"callbackUrl, continue, from, goto", ": not logged in)"}
	es := criteria.Essential()
	l = append(l, es.Source, es.Note)
	for _, id := range []string{scoring.TargetProceduresOnline, scoring.TargetOnlineFullProcess, scoring.TargetDossiersOnline} {
		l = append(l, scoring.SeedTarget(id, 0, 0).Source)
	}
	return l
}

func withoutData(s string) string {
	for _, d := range dataLists() {
		if d != "" {
			s = strings.ReplaceAll(s, d, " ")
		}
	}
	s = quotedData.ReplaceAllString(s, " ")
	s = tokenData.ReplaceAllString(s, " ")
	s = hexData.ReplaceAllString(s, " ")
	return s
}

// englishInFinding returns, for each text of a Vietnamese finding a person reads (message, got,
// want, evidence notes), the English function words outside code spans, URLs and quoted data.
func englishInFinding(f scoring.Finding) map[string][]string {
	texts := map[string]string{"message": f.Message, "got": f.Got, "want": f.Want}
	for i, ev := range f.Evidence {
		texts[fmt.Sprintf("evidence[%d]", i)] = ev.NoteIn(msg.VI)
	}
	out := map[string][]string{}
	for part, s := range texts {
		if words := msg.EnglishWords(withoutData(s)); len(words) > 0 {
			out[part] = words
		}
	}
	return out
}

// Every finding of a Vietnamese assessment reads as Vietnamese: the broken portal assessed with
// its fakes (every check runs), and a simple portal with malformed headers, sitemap and procedure
// catalogue assessed without fakes (the errors the parsers and the missing fakes produce, quoted
// in findings). The test lists the English function words by message, most first.
func TestVietnameseFindingsReadAsVietnamese(t *testing.T) {
	if testing.Short() {
		t.Skip("assesses two portals")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	env, err := brokenportal.Start()
	require.NoError(t, err)
	defer env.Close()
	broken, err := harness.Check(ctx, env.Target(), harness.Active(), harness.Lang(msg.VI))
	require.NoError(t, err)

	srv := harness.QuietTLSServer(t, malformedPortal())
	malformed, err := harness.Check(ctx, harness.Target{BaseURL: srv.URL, Client: srv.Client()},
		harness.Lang(msg.VI), harness.Skip("P06-UX-07", "thời gian phản hồi đo máy chạy kiểm thử, không đo cổng"))
	require.NoError(t, err)

	type source struct {
		id    string
		words int
		text  string
	}
	bySource := map[string]*source{}
	total := 0
	for name, r := range map[string]*scoring.Report{"broken": broken, "malformed": malformed} {
		for _, f := range r.Findings {
			for part, words := range englishInFinding(f) {
				total += len(words)
				key := f.MessageID + " " + part
				if f.MessageID == "" {
					key = f.Criterion + " " + part
				}
				s := bySource[key]
				if s == nil {
					s = &source{id: key, text: fmt.Sprintf("%s %s %s: %q", name, f.Criterion, part, fieldOf(f, part))}
					bySource[key] = s
				}
				s.words += len(words)
			}
		}
	}
	sources := make([]*source, 0, len(bySource))
	for _, s := range bySource {
		sources = append(sources, s)
	}
	sort.Slice(sources, func(i, j int) bool {
		if sources[i].words != sources[j].words {
			return sources[i].words > sources[j].words
		}
		return sources[i].id < sources[j].id
	})
	var lines []string
	for _, s := range sources {
		lines = append(lines, fmt.Sprintf("%4d  %s\n      %s", s.words, s.id, s.text))
	}
	t.Logf("%d English function words in the Vietnamese findings of %d + %d findings", total, len(broken.Findings), len(malformed.Findings))
	if total > 0 {
		t.Errorf("English function words in Vietnamese findings, by source (message ID, part), most first:\n%s", strings.Join(lines, "\n"))
	}
}

func fieldOf(f scoring.Finding, part string) string {
	switch part {
	case "message":
		return f.Message
	case "got":
		return f.Got
	case "want":
		return f.Want
	}
	var i int
	fmt.Sscanf(part, "evidence[%d]", &i)
	return f.Evidence[i].NoteIn(msg.VI)
}

// The parsers' errors a finding quotes, one of each kind, rendered as a finding renders them
// (check.FromError in Vietnamese): every one reads as Vietnamese, its data aside, and its English
// text is what it was.
func TestQuotedErrorsReadAsVietnamese(t *testing.T) {
	errOf := func(_ any, err error) error { return err }
	cat := criteria.P06Technical()
	attest := func(j string) error { _, err := harness.ParseAttestations([]byte(j), cat); return err }
	cases := []struct {
		err error
		en  string
	}{
		{errOf(headers.ParseHSTS("includeSubDomains")), "max-age is missing (it is required)"},
		{errOf(headers.ParseHSTS("max-age=1; max-age=2")), "directive max-age appears twice"},
		{errOf(headers.ParseHSTS("max-age=abc")), `max-age "abc" is not a non-negative integer`},
		{errOf(headers.ParseHSTS("max-age")), "max-age has no value"},
		{errOf(headers.ParseHSTS("max-age=1; includeSubDomains=1")), "includeSubDomains takes no value"},
		{errOf(headers.ParseHSTS("max-age=1, max-age=2")), `"max-age=1, max-age=2" contains a comma: the header is set more than once`},
		{errOf(headers.ParseHSTS(strings.Repeat("x", 2000))), "value of 2000 bytes is implausibly long"},
		{errOf(headers.ParseCSP("default-src 'self'; script-src 'self'; script-src *")), "directive script-src appears twice (browsers ignore the second)"},
		{errOf(headers.ParseCSP("x")), `policy "x" is too short to hold a directive`},
		{errOf(headers.ParseCSP("défault-src 'self'")), `directive name "défault-src" is not a valid token`},
		{errOf(headers.ParseCSP(";;;;;;;;;")), `policy ";;;;;;;;;" holds no directive`},
		{errOf(headers.ParseSetCookie("khongcogiatri")), `Set-Cookie "khongcogiatri" has no name=value pair`},
		{errOf(headers.ParseSetCookie("a b=1")), `cookie name "a b" is not a token`},
		{sitemapErr(`<?xml version="1.0"?><trang></trang>`), "sitemap: root element <trang>, want <urlset> or <sitemapindex>"},
		{sitemapErr(` `), "sitemap: no XML element"},
		{errOf(discover.ParseProceduresJSON([]byte(`{"procedures":[{"MaTTHC":1}]}`))), "procedure catalogue $.procedures[0]: MaTTHC: got JSON number, want string"},
		{errOf(discover.ParseProceduresJSON([]byte(`{"thu_tuc":[]}`))), `procedure catalogue $: no "procedures" array`},
		{errOf(discover.ParseProceduresJSON([]byte(`[{"MucDo":"muc-4"}]`))), `procedure catalogue $[0].MucDo: unknown level "muc-4" (want "toan_trinh", "mot_phan" or "")`},
		{errOf(tlsscan.ParseServerHello([]byte{3, 3})), "the reply is not TLS: malformed ServerHello (too short)"},
		{attest(`{"attestations":[{"criterion":"P06-SEC-01","document":"Quyết định 1","issued_by":"UBND","issued":"2026-01-02","expires":"2025-01-01"}]}`),
			"attestations[0] (P06-SEC-01): criterion is automated, not attested: it is assessed by the harness, not by a document\nattestations[0] (P06-SEC-01): expires 2025-01-01 is before issued 2026-01-02"},
		{attest(`{"attestations":[]} {}`), "trailing data after the JSON object"},
	}
	for _, tc := range cases {
		if !assertErr(t, tc.err) {
			continue
		}
		if tc.en != "" && tc.err.Error() != tc.en {
			t.Errorf("English text changed: %q, want %q", tc.err.Error(), tc.en)
		}
		vi := check.FromError(msg.P(msg.Verbatim, "bước"), tc.err).MessageVI
		if words := msg.EnglishWords(withoutData(vi)); len(words) > 0 {
			t.Errorf("English words %v in the Vietnamese finding quoting %q: %s", words, tc.err.Error(), vi)
		}
	}
	if !errors.Is(errOf(tlsscan.ParseServerHello([]byte{3, 3})), tlsscan.ErrNotTLS) {
		t.Error("a malformed ServerHello is no longer ErrNotTLS")
	}
}

func sitemapErr(s string) error {
	_, _, err := ux.ParseSitemap([]byte(s), 1<<20)
	return err
}

func assertErr(t *testing.T, err error) bool {
	t.Helper()
	if err == nil {
		t.Error("no error")
		return false
	}
	return true
}
