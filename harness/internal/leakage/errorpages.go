package leakage

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/headers"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/harness/msg"
)

// leak is a signature of internal detail in an error page.
type leak struct {
	what msg.Text
	// hints are lower-case literals of which at least one must be in the page for re to be
	// tried: a cheap prefilter, so that clean pages cost a few substring searches.
	hints []string
	re    *regexp.Regexp
}

// leaks recognise stack traces of the platforms portals are built on, SQL errors and debug pages.
var leaks = []leak{
	{lJavaTrace, []string{".java:"}, regexp.MustCompile(`\bat [a-zA-Z_$][\w$]*(\.[\w$<>]+)+\([\w$]+\.java:\d+\)`)},
	{lJavaExc, []string{"java", "jakarta"}, regexp.MustCompile(`\b(java|javax|jakarta)\.[a-z]+(\.[a-zA-Z]+)*\.[A-Z]\w*(Exception|Error)\b`)},
	{lDotNetPage, []string{"server error in", "verbose error"}, regexp.MustCompile(`Server Error in '[^']*' Application|ASP\.NET is configured to show verbose error messages`)},
	{lDotNetTrace, []string{"system.", "microsoft.", ".cs:line"}, regexp.MustCompile(`\bat (System|Microsoft)\.[\w.]+\(|\.cs:line \d+|System\.[A-Z]\w*Exception\b`)},
	{lPHPError, []string{"on line", "stack trace:"}, regexp.MustCompile(`(?i)<b>(Fatal error|Warning|Parse error|Notice|Deprecated)</b>:.+ on line <b>\d+</b>|\b(PHP )?(Fatal error|Parse error|Warning): .+ in /[^\s<]+\.php on line \d+|Stack trace:\s*(<br />)?\s*#0 `)},
	{lPythonTrace, []string{"traceback", ".py\""}, regexp.MustCompile(`Traceback \(most recent call last\):|File "[^"]+\.py", line \d+`)},
	{lDjangoDebug, []string{"debug = true"}, regexp.MustCompile(`You're seeing this error because you have <code>DEBUG = True</code>`)},
	{lWerkzeug, []string{"werkzeug"}, regexp.MustCompile(`Werkzeug Debugger|werkzeug\.exceptions`)},
	{lNodeTrace, []string{"js:"}, regexp.MustCompile(`\bat (\S+ )?\(?(/[^\s():]+|[A-Za-z]:\\[^\s():]+|node:internal/[^\s():]+)\.?[cm]?js:\d+:\d+\)?`)},
	{lGoPanic, []string{"goroutine", ".go:"}, regexp.MustCompile(`goroutine \d+ \[running\]:|panic: .+\n\s*goroutine|\.go:\d+ \+0x[0-9a-f]+`)},
	{lRubyTrace, []string{".rb:"}, regexp.MustCompile(`\.rb:\d+:in [` + "`" + `']`)},
	{lSpringError, []string{"whitelabel"}, regexp.MustCompile(`Whitelabel Error Page[\s\S]{0,400}(Exception|trace)`)},
	{lSQLError, []string{"sql", "ora-", "quotation mark", "ole db", "pg::", "pg_query", "syntax error at or near", "hibernate"},
		regexp.MustCompile(`(?i)You have an error in your SQL syntax|SQLSTATE\[\w+\]|\bORA-\d{5}\b|Unclosed quotation mark after the character string|Microsoft OLE DB Provider for (SQL Server|ODBC)|PG::SyntaxError|pg_query\(\): Query failed|SQLite3?::SQLException|System\.Data\.SqlClient\.SqlException|syntax error at or near "|org\.hibernate\.\w+Exception|com\.mysql\.jdbc\.exceptions`)},
}

// Leak returns what kind of internal detail body shows (in English) and the text that shows it,
// or ok false.
func Leak(body []byte) (what, text string, ok bool) {
	l, text, ok := findLeak(body)
	if !ok {
		return "", "", false
	}
	return l.Render(msg.EN), text, true
}

// findLeak is Leak with what the body shows as a catalogue message.
func findLeak(body []byte) (what msg.Text, text string, ok bool) {
	lower := bytes.ToLower(body)
	for _, l := range leaks {
		hinted := false
		for _, h := range l.hints {
			if bytes.Contains(lower, []byte(h)) {
				hinted = true
				break
			}
		}
		if !hinted {
			continue
		}
		if m := l.re.Find(body); m != nil {
			return l.what, string(m), true
		}
	}
	return msg.Text{}, "", false
}

// malformed is the query value that trips naive parameter handling: quotes for SQL, a backslash,
// angle brackets, and a PHP array key.
const malformed = `'"\<>`

// errorProbes are the safe requests that force errors: a path that cannot exist (the session's,
// whose answer other checks read too), two more ending in .php and .aspx, malformed query values
// on the home page and the first procedure page, and, when the profile has them, the site search
// and the dossier look-up with the malformed value.
func errorProbes(ctx context.Context, s *check.Session) []string {
	q := "id=" + urlEscape(malformed) + "&page[]=1&p06kit=%ff%fe"
	out := []string{headers.NotFoundPath(s), randomPath() + ".php", randomPath() + ".aspx", "/?" + q}
	prof, err := s.Profile(ctx)
	if err != nil || prof == nil {
		return out
	}
	pages := headers.CitizenPages(ctx, s)
	if len(pages) > 1 {
		sep := "?"
		if strings.Contains(pages[len(pages)-1], "?") {
			sep = "&"
		}
		out = append(out, pages[len(pages)-1]+sep+q)
	}
	if prof.Search != "" && strings.Contains(prof.Search, "{q}") {
		out = append(out, strings.ReplaceAll(prof.Search, "{q}", urlEscape(malformed)))
	}
	if prof.StatusLookup != "" && strings.Contains(prof.StatusLookup, "{code}") {
		out = append(out, strings.ReplaceAll(prof.StatusLookup, "{code}", urlEscape(malformed)))
	}
	return out
}

func urlEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// jsonProbe marks the probe sent with Accept: application/json.
const jsonProbe = "json:"

func mustResolve(s *check.Session, ref string) string {
	if abs, err := s.Resolve(ref); err == nil {
		return abs
	}
	return ref
}

// checkErrorPages judges P06-SEC-14.
func checkErrorPages(ctx context.Context, s *check.Session) check.Result {
	var tally pagejudge.Tally
	probes := errorProbes(ctx, s)
	// The last probe asks for JSON, as an API client would: APIs often answer errors with the
	// exception serialised.
	probes = append(probes, jsonProbe+randomPath())
	// Sent side by side, judged in order.
	resps := make([]*check.Response, len(probes))
	s.Each(ctx, len(probes), func(i int) {
		u := probes[i]
		var r *check.Response
		var err error
		if strings.HasPrefix(u, jsonProbe) {
			var req *http.Request
			if req, err = http.NewRequestWithContext(ctx, http.MethodGet, mustResolve(s, strings.TrimPrefix(u, jsonProbe)), nil); err == nil {
				req.Header.Set("Accept", "application/json")
				r, err = s.Do(ctx, req)
			}
		} else {
			r, err = s.Get(ctx, u)
		}
		if err == nil {
			resps[i] = r
		}
	})
	for _, r := range resps {
		if r == nil {
			continue
		}
		tally.Read++
		what, text, ok := findLeak(r.Body)
		if !ok {
			continue
		}
		e := r.Evidence("Content-Type")
		e.Excerpt = excerpt([]byte(text), 200)
		e = e.Noted(what)
		tally.Record(r.URL, msg.P(mErrorsFound, check.Redact(r.URL), r.StatusCode, msg.P(what), excerpt([]byte(text), 100)), e)
	}
	return tally.Finding(pagejudge.TallyTexts{
		NoneRead: msg.P(mErrorsNoneRead), Fail: mErrorsFail,
		Pass: mErrorsPass, PassGot: msg.P(mErrorsPassGot), Want: msg.P(mErrorsWant),
	})
}
