package main

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/internal/redact/redacttest"
	"github.com/p06kit/p06kit/scoring"
)

// The credentials of the target URL the tests below give p06 scan: they must appear in no output.
const (
	targetPassword = "Ui54g5mQ"
	targetToken    = "Tq65h6nQ"
)

// otherHost is a loopback server on another port: another host for the scanner, which must
// never contact it whatever the portal says.
type otherHost struct {
	*httptest.Server
	n atomic.Int64
}

func newOtherHost(t *testing.T) *otherHost {
	o := &otherHost{}
	o.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		o.n.Add(1)
		w.Write([]byte("<html><body>other host</body></html>"))
	}))
	t.Cleanup(o.Close)
	return o
}

// leakyPortal is a portal that reflects every secret of the catalogue in its pages, URLs,
// headers, forms, error pages and machine-readable files, echoes the request (URL, cookies,
// authorization) back, and tries to steer the scanner to other: redirects, links, a login
// form and a GET form posting there, robots.txt and sitemap entries.
func leakyPortal(other string) http.Handler {
	var secrets, links strings.Builder
	for i, c := range redacttest.Catalogue {
		fmt.Fprintf(&secrets, "<p>%s</p>\n", c.Text)
		switch {
		case strings.HasPrefix(c.Query, ";"):
			fmt.Fprintf(&links, "<a href=\"/ho-so%s?i=%d\">hồ sơ %d</a>\n", c.Query, i, i)
		case c.Query != "":
			fmt.Fprintf(&links, "<a href=\"/tra-cuu?i=%d&amp;%s\">tra cứu %d</a>\n", i, html.EscapeString(c.Query), i)
		}
	}
	page := func(w http.ResponseWriter, r *http.Request, status int) {
		for _, c := range redacttest.Catalogue {
			if name, value, ok := strings.Cut(c.Header, ": "); ok {
				w.Header().Add(name, value)
			}
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		fmt.Fprintf(w, `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng dịch vụ công</title></head><body>
<h1>Cổng dịch vụ công</h1>
<p>Bạn đang xem: %s</p><p>Cookie: %s</p><p>Authorization: %s</p>
<form method="post" action="%s/dang-nhap"><input name="username" value="an"><input type="password" name="password" value="Hv32d3kQ"><button>Đăng nhập</button></form>
<form method="get" action="%s/tim-kiem"><input name="q"><button>Tìm kiếm</button></form>
<a href="%s/thu-tuc">Thủ tục hành chính</a> <a href="/chuyen">Chính sách bảo mật</a> <a href="/dang-nhap">Đăng nhập</a>
%s%s</body></html>`, html.EscapeString(r.URL.String()), html.EscapeString(r.Header.Get("Cookie")),
			html.EscapeString(r.Header.Get("Authorization")), other, other, other, links.String(), secrets.String())
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			page(w, r, http.StatusOK)
		case "/dang-nhap":
			http.Redirect(w, r, other+"/sso/authorize?client_secret=Cs21s2jQ", http.StatusFound)
		case "/chuyen":
			http.Redirect(w, r, other+"/chinh-sach", http.StatusMovedPermanently)
		case "/robots.txt":
			fmt.Fprintf(w, "User-agent: *\nDisallow: /admin?token=Tk55y6cQ\nSitemap: %s/sitemap.xml\n", other)
		case "/sitemap.xml":
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/a</loc></url><url><loc>/tra-cuu?matkhau=Mk77q1xQ</loc></url></urlset>`, other)
		case "/.env":
			fmt.Fprintf(w, "DB_PASS=Db88o9fQ\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEQ\n")
		default:
			page(w, r, http.StatusInternalServerError) // an error page dumping everything
		}
	})
}

// secretURL puts credentials and a token parameter in the target URL.
func secretURL(srvURL string) string {
	return strings.Replace(srvURL, "https://", "https://admin:"+targetPassword+"@", 1) + "/?token=" + targetToken
}

func assertNoSecret(t *testing.T, where, out string) {
	t.Helper()
	for _, c := range redacttest.Catalogue {
		if strings.Contains(out, c.Value) {
			i := strings.Index(out, c.Value)
			t.Errorf("%s shows %s (%q) at …%s…", where, c.Name, c.Value, out[max(0, i-120):min(len(out), i+len(c.Value)+40)])
		}
	}
	for _, v := range []string{targetPassword, targetToken} {
		if i := strings.Index(out, v); i >= 0 {
			t.Errorf("%s shows the target URL's credential %q at …%s…", where, v, out[max(0, i-120):min(len(out), i+len(v)+40)])
		}
	}
}

// TestScanRedactsEverySecret scans a portal that reflects the catalogue of secrets, with
// credentials in the target URL, and checks that no report format, in either language, nor
// the progress on stderr shows one of them.
func TestScanRedactsEverySecret(t *testing.T) {
	other := newOtherHost(t)
	srv, ca := tlsPortal(t, leakyPortal(other.URL))
	dir := t.TempDir()
	for _, lang := range []string{"vi", "en"} {
		for _, f := range report.Formats {
			if lang == "en" && f != report.JSON && f != report.Markdown {
				continue // the other writers take the findings' text as it is: one language is enough
			}
			out := filepath.Join(dir, lang+"-"+string(f))
			code, stdout, stderr := p06("scan", "--format", string(f), "--lang", lang, "--ca", ca, "--timeout", "2s",
				"--check-timeout", "20s", "--out", out, secretURL(srv.URL))
			require.Contains(t, []int{exitOK, exitNotMet}, code, stderr)
			b, err := os.ReadFile(out)
			require.NoError(t, err)
			require.NotEmpty(t, b)
			assert.Contains(t, string(b), "[redacted]", "%s %s: nothing was masked: the portal's secrets did not reach the report", lang, f)
			assertNoSecret(t, lang+" "+string(f)+" report", string(b))
			assertNoSecret(t, lang+" "+string(f)+" stderr", stderr)
			assertNoSecret(t, lang+" "+string(f)+" stdout", stdout)
		}
	}
	assert.Zero(t, other.n.Load(), "the other host received requests")
}

// TestScanActiveNeverLeavesTheTarget runs the active checks against a portal whose login form
// posts to another host (another loopback port), whose links, redirects, robots.txt and sitemap
// point there: that host receives nothing.
func TestScanActiveNeverLeavesTheTarget(t *testing.T) {
	other := newOtherHost(t)
	var target atomic.Int64
	h := leakyPortal(other.URL)
	srv, ca := tlsPortal(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		target.Add(1)
		h.ServeHTTP(w, r)
	}))
	code, stdout, stderr := p06("scan", "--active", "--format", "json", "--ca", ca, "--timeout", "2s", "--check-timeout", "20s", srv.URL+"/")
	require.Contains(t, []int{exitOK, exitNotMet}, code, stderr)
	assert.Positive(t, target.Load())
	assert.Zero(t, other.n.Load(), "the other host received %d requests", other.n.Load())
	// What was refused is recorded in the report.
	require.NoError(t, report.Validate(report.ReportSchemaName, []byte(stdout)))
	var r scoring.Report
	require.NoError(t, json.Unmarshal([]byte(stdout), &r))
	otherHost := strings.TrimPrefix(other.URL, "http://")
	hosts := map[string]bool{}
	for _, rf := range r.OutOfScope {
		hosts[rf.Host] = true
		assert.NotContains(t, rf.URL, "Cs21s2jQ", "a refusal records a secret")
	}
	assert.True(t, hosts[otherHost], "the report's out_of_scope %+v does not name %s", r.OutOfScope, otherHost)
}
