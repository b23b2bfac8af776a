package report_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/internal/redact/redacttest"
	"github.com/p06kit/p06kit/scoring"
)

// TestNoSecretInAnyFormat runs a check that forgets to redact anything: its message, got/want,
// URL and evidence (request lines, excerpts, headers, notes, locations) quote every secret of
// the catalogue raw, as a portal reflected them, and the target URL carries a user, a password
// and a token. The engine's redaction must leave none of them in any report format, in either
// language.
func TestNoSecretInAnyFormat(t *testing.T) {
	const password, token = "Ux71k2pQ", "Tx82l3qQ"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html><body>ok</body></html>"))
	}))
	defer srv.Close()
	target := strings.Replace(srv.URL, "http://", "http://admin:"+password+"@", 1) + "/?token=" + token

	leaky := func(ctx context.Context, s *check.Session) check.Result {
		var msg, got []string
		var ev []scoring.Evidence
		url := s.Target().BaseURL
		for _, c := range redacttest.Catalogue {
			msg = append(msg, c.Text)
			got = append(got, c.Text)
			e := scoring.Evidence{Request: "GET " + s.Target().BaseURL, Status: 200, Excerpt: "<p>" + c.Text + "</p>",
				Note: "seen: " + c.Text, Location: "body > p " + c.Text}
			if c.Query != "" {
				u := srv.URL + "/a?x=1&" + c.Query
				if strings.HasPrefix(c.Query, ";") {
					u = srv.URL + "/a" + c.Query + "?x=1"
				}
				e.Request = "GET " + u
				url = u
			}
			if name, value, ok := strings.Cut(c.Header, ": "); ok {
				e.Headers = map[string]string{name: value}
			}
			ev = append(ev, e)
		}
		r := check.Failf("the page shows %s", strings.Join(msg, " | "))
		r.MessageVI = "trang hiển thị " + strings.Join(msg, " | ") // a prose result, as a vendor's check may make one
		r = r.GotWant(strings.Join(got, "\n"), "nothing of "+s.Target().BaseURL).At(url).With(ev...)
		return r
	}
	const id = "P06-POP-08"
	for _, lang := range []string{"vi", "en"} {
		r, err := harness.Check(t.Context(), harness.Target{BaseURL: target}, harness.NoBuiltin(),
			harness.Checks(check.Check{ID: id, Run: leaky}), harness.Only(id), harness.Lang(lang),
			harness.RequestTimeout(5*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		var f *scoring.Finding
		for i := range r.Findings {
			if r.Findings[i].Criterion == id {
				f = &r.Findings[i]
			}
		}
		if f == nil || f.Status != scoring.Fail || len(f.Evidence) != len(redacttest.Catalogue) {
			t.Fatalf("%s: the leaky check did not run as planned: %+v", lang, f)
		}
		for _, format := range report.Formats {
			var b bytes.Buffer
			if err := report.Write(&b, format, r, report.Options{Lang: lang}); err != nil {
				t.Fatalf("%s %s: %v", lang, format, err)
			}
			out := b.String()
			if !strings.Contains(out, "[redacted]") {
				t.Errorf("%s %s: nothing masked: the secrets did not reach the report", lang, format)
			}
			for _, c := range redacttest.Catalogue {
				if i := strings.Index(out, c.Value); i >= 0 {
					t.Errorf("%s %s shows %s (%q): …%s…", lang, format, c.Name, c.Value, out[max(0, i-100):min(len(out), i+len(c.Value)+30)])
				}
			}
			for _, v := range []string{password, token} {
				if i := strings.Index(out, v); i >= 0 {
					t.Errorf("%s %s shows the target URL's credential %q: …%s…", lang, format, v, out[max(0, i-100):min(len(out), i+len(v)+30)])
				}
			}
		}
	}
}

// TestWritersRedactForeignReports: a report that did not come from the harness (p06 score over
// another tool's findings, a file edited by hand) is redacted by the writers themselves.
func TestWritersRedactForeignReports(t *testing.T) {
	r := &scoring.Report{Target: "https://admin:Ux71k2pQ@portal.example/?token=Tx82l3qQ",
		OutOfScope: []scoring.Refusal{{Method: "POST", URL: "https://other.example/login?pass=Ps88w2yQ", Host: "other.example:443", Count: 1}}}
	for _, c := range redacttest.Catalogue {
		f := scoring.Finding{Criterion: "P06-POP-08", Group: "population", Status: scoring.Fail, Message: c.Text, Got: c.Text,
			URL:      "https://portal.example/a?" + strings.TrimPrefix(c.Query, ";"),
			Evidence: []scoring.Evidence{{Request: "GET https://portal.example/a?" + strings.TrimPrefix(c.Query, ";"), Excerpt: c.Text, Note: c.Text}}}
		if name, value, ok := strings.Cut(c.Header, ": "); ok {
			f.Evidence[0].Headers = map[string]string{name: value}
		}
		r.Findings = append(r.Findings, f)
	}
	before := r.Findings[0].Message
	for _, lang := range []string{"vi", "en"} {
		for _, format := range report.Formats {
			var b bytes.Buffer
			if err := report.Write(&b, format, r, report.Options{Lang: lang}); err != nil {
				t.Fatalf("%s %s: %v", lang, format, err)
			}
			out := b.String()
			for _, c := range redacttest.Catalogue {
				if strings.Contains(out, c.Value) {
					t.Errorf("%s %s shows %s (%q)", lang, format, c.Name, c.Value)
				}
			}
			for _, v := range []string{"Ux71k2pQ", "Tx82l3qQ"} {
				if strings.Contains(out, v) {
					t.Errorf("%s %s shows the target URL's credential %q", lang, format, v)
				}
			}
		}
	}
	var md bytes.Buffer
	if err := report.Write(&md, report.Markdown, r, report.Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "Not sent: requests to other hosts (1)") || !strings.Contains(md.String(), "POST https://other.example/login?pass=[redacted]") {
		t.Errorf("the Markdown report does not list the refused request:\n%s", md.String())
	}
	if r.Findings[0].Message != before {
		t.Error("writing modified the caller's report")
	}
}
