package main

import (
	"bytes"
	"encoding/json"
	"encoding/pem"
	"encoding/xml"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/scoring"
)

func p06(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

const portalPage = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cổng dịch vụ công tỉnh Thử</title></head><body><h1>Cổng dịch vụ công</h1>
<a href="/thu-tuc">Thủ tục hành chính</a> <a href="/tra-cuu">Tra cứu hồ sơ</a> <a href="/chinh-sach">Chính sách bảo mật</a></body></html>`

// tlsPortal starts a loopback HTTPS portal and returns it with the path of its CA in PEM.
func tlsPortal(t *testing.T, h http.Handler) (*httptest.Server, string) {
	t.Helper()
	srv := httptest.NewTLSServer(h)
	t.Cleanup(srv.Close)
	ca := filepath.Join(t.TempDir(), "ca.pem")
	require.NoError(t, os.WriteFile(ca, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o600))
	return srv, ca
}

func headersHandler(nosniff bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if nosniff {
			w.Header().Set("X-Content-Type-Options", "nosniff")
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write([]byte(portalPage))
	})
}

func TestScanFullJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("full scan")
	}
	srv, ca := tlsPortal(t, headersHandler(true))
	out := filepath.Join(t.TempDir(), "r.json")
	code, _, stderr := p06("scan", "--format", "json", "--ca", ca, "--out", out, "--timeout", "2s", "--check-timeout", "20s", srv.URL+"/")
	assert.Contains(t, []int{exitOK, exitNotMet}, code, stderr)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	require.NoError(t, report.Validate(report.ReportSchemaName, b))
	var r scoring.Report
	require.NoError(t, json.Unmarshal(b, &r))
	byID := map[string]scoring.Finding{}
	for _, f := range r.Findings {
		byID[f.Criterion] = f
	}
	for _, c := range criteria.P06Technical().Criteria {
		f, ok := byID[c.ID]
		require.True(t, ok, "no finding for %s", c.ID)
		if c.Method == criteria.Automated && f.Status == scoring.NotTested {
			assert.Contains(t, f.Message, "chưa có phép kiểm tra", "%s is not_tested for another reason than a missing check: %s", c.ID, f.Message)
		}
	}
	assert.NotEmpty(t, r.StartedAt)
	assert.Contains(t, stderr, srv.URL+"/: điểm ")
	assert.Regexp(t, `đã đánh giá \d+/\d+ tiêu chí`, stderr)
}

func TestScanExitCodes(t *testing.T) {
	good, goodCA := tlsPortal(t, headersHandler(true))
	bad, badCA := tlsPortal(t, headersHandler(false))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closed := "http://" + ln.Addr().String() + "/"
	ln.Close()
	// A server that accepts and never answers the TLS handshake.
	stall, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { stall.Close() })
	go func() {
		for {
			c, err := stall.Accept()
			if err != nil {
				return
			}
			go func() { defer c.Close(); _, _ = io.Copy(io.Discard, c) }()
		}
	}()
	stalled := "https://" + stall.Addr().String() + "/"
	cases := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"mandatory criterion met", []string{"--only", "P06-SEC-09", "--ca", goodCA, good.URL}, exitOK, ""},
		{"mandatory criterion failed", []string{"--only", "P06-SEC-09", "--ca", badCA, bad.URL}, exitNotMet, ""},
		{"untrusted certificate", []string{"--only", "P06-SEC-09", bad.URL}, exitCantRun, "hãy cung cấp chứng thư CA đó bằng --ca"},
		{"unreachable", []string{"--only", "P06-SEC-09", closed}, exitCantRun, "kết nối bị từ chối"},
		{"stalled TLS handshake", []string{"--only", "security", "--timeout", "300ms", stalled}, exitCantRun, "cổng dừng lại khi đang bắt tay TLS"},
		{"bad URL", []string{"ftp://x/"}, exitCantRun, "không phải địa chỉ http(s) đầy đủ"},
		{"no URL", nil, exitCantRun, "chưa cho địa chỉ nào"},
		{"bad format", []string{"--format", "pdf", good.URL}, exitCantRun, `unknown format "pdf"`},
		{"bad selection", []string{"--only", "P06-SEC-99", good.URL}, exitCantRun, "--only P06-SEC-99: không mã tiêu chí, nhóm hay nhãn nào của bộ p06-technical khớp (có phải ý bạn là P06-SEC-09"},
		{"bad lang", []string{"--lang", "fr", good.URL}, exitCantRun, "--lang"},
		{"bad parallel", []string{"--parallel", "0", good.URL}, exitCantRun, "Parallel(0)"},
		{"bad conns per host", []string{"--conns-per-host", "0", good.URL}, exitCantRun, "MaxConnsPerHost(0)"},
		{"missing ca", []string{"--ca", "/nonexistent.pem", good.URL}, exitCantRun, "--ca"},
		{"several html to stdout", []string{"--format", "html", good.URL, bad.URL}, exitCantRun, "cần --out THƯ_MỤC"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := p06(append([]string{"scan", "--timeout", "2s"}, tc.args...)...)
			assert.Equal(t, tc.code, code, stderr)
			if tc.err != "" {
				assert.Contains(t, stderr, tc.err)
			}
		})
	}
}

func TestScanFormats(t *testing.T) {
	srv, ca := tlsPortal(t, headersHandler(true))
	for _, f := range report.Formats {
		t.Run(string(f), func(t *testing.T) {
			code, out, stderr := p06("scan", "--only", "security,accessibility", "--format", string(f), "--lang", "en", "--ca", ca, "--timeout", "2s", srv.URL)
			require.Contains(t, []int{exitOK, exitNotMet}, code, stderr)
			switch f {
			case report.JSON:
				assert.NoError(t, report.Validate(report.ReportSchemaName, []byte(out)))
			case report.JUnit:
				var v struct {
					XMLName xml.Name
				}
				require.NoError(t, xml.Unmarshal([]byte(out), &v))
				assert.Equal(t, "testsuites", v.XMLName.Local)
			case report.SARIF:
				var v struct {
					Version string `json:"version"`
					Runs    []any  `json:"runs"`
				}
				require.NoError(t, json.Unmarshal([]byte(out), &v))
				assert.Equal(t, "2.1.0", v.Version)
			case report.Markdown:
				assert.Contains(t, out, "## Project 06 assessment report")
			case report.HTML:
				assert.True(t, strings.HasPrefix(out, "<!doctype html>"))
				assert.NotContains(t, out, "<script")
			}
		})
	}
}

func TestScanSeveralPortals(t *testing.T) {
	a, ca := tlsPortal(t, headersHandler(true))
	b := httptest.NewServer(headersHandler(false))
	defer b.Close()
	dir := filepath.Join(t.TempDir(), "out")
	code, _, stderr := p06("scan", "--only", "P06-SEC-09", "--ca", ca, "--format", "md", "--out", dir, "--timeout", "2s", a.URL, b.URL)
	assert.Equal(t, exitNotMet, code, stderr)
	assert.Contains(t, stderr, "[1/2] ")
	assert.Contains(t, stderr, "[2/2] ")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 2)

	// JSON to stdout: JSON Lines, each line a valid report.
	code, out, _ := p06("scan", "--only", "P06-SEC-09", "--ca", ca, "--timeout", "2s", "--quiet", a.URL, b.URL)
	assert.Equal(t, exitNotMet, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2)
	for _, l := range lines {
		assert.NoError(t, report.Validate(report.ReportSchemaName, []byte(l)))
	}
}

// TestScanNeverEndingBody: a portal that never finishes its body still gives a report within
// the deadline, with error findings.
func TestScanNeverEndingBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(200)
		_, _ = w.Write([]byte("<html><body>"))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}))
	defer srv.Close()
	code, out, stderr := p06("scan", "--only", "security,accessibility", "--timeout", "300ms", "--check-timeout", "3s", "--lang", "en", srv.URL)
	assert.Equal(t, exitCantRun, code, stderr)
	assert.Contains(t, stderr, "home page could not be read")
	var r scoring.Report
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	var errs int
	for _, f := range r.Findings {
		if f.Status == scoring.Error {
			errs++
		}
	}
	assert.Positive(t, errs)
	assert.Contains(t, out, "did not complete the response within 300ms")
}

func TestScanProfileAndEvidence(t *testing.T) {
	srv, ca := tlsPortal(t, headersHandler(true))
	dir := t.TempDir()
	prof := filepath.Join(dir, "profile.json")
	require.NoError(t, os.WriteFile(prof, []byte(`{"home":"/","privacy":"/chinh-sach","scope":"province"}`), 0o600))
	ev := filepath.Join(dir, "evidence.json")
	require.NoError(t, os.WriteFile(ev, []byte(`{"attestations":[{"criterion":"P06-SEC-20","document":"QĐ 1/QĐ-UBND","issued_by":"UBND","issued":"2025-01-01","expires":"2099-01-01"}]}`), 0o600))
	code, out, stderr := p06("scan", "--only", "P06-SEC-09,P06-SEC-20", "--profile", prof, "--evidence", ev, "--ca", ca, "--lang", "en", srv.URL)
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, out, `"status": "attested"`)

	bad := filepath.Join(dir, "bad-profile.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"home":"/","serach":"/s?q={q}"}`), 0o600))
	code, _, stderr = p06("scan", "--profile", bad, srv.URL)
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr, "serach")
}

func TestReportDiffAndRender(t *testing.T) {
	dir := t.TempDir()
	mk := func(name string, st scoring.Status) string {
		cat := criteria.P06Technical()
		r, err := scoring.Score(cat, scoring.Findings{Catalogue: cat.ID, Target: "https://x.example/",
			Findings: []scoring.Finding{{Criterion: "P06-SEC-09", Status: st, Message: "nosniff " + string(st)}}}, scoring.Config{})
		require.NoError(t, err)
		p := filepath.Join(dir, name)
		require.NoError(t, report.WriteFile(p, report.JSON, r, report.Options{}))
		return p
	}
	pass, fail := mk("pass.json", scoring.Pass), mk("fail.json", scoring.Fail)
	code, out, stderr := p06("report", "diff", pass, fail)
	assert.Equal(t, exitNotMet, code, stderr)
	assert.Contains(t, out, "Mới không đạt (1)", "Vietnamese by default")
	assert.Contains(t, out, "P06-SEC-09")
	code, out, _ = p06("report", "diff", "--lang", "en", pass, fail)
	assert.Equal(t, exitNotMet, code)
	assert.Contains(t, out, "Newly failing (1)")
	code, out, _ = p06("report", "diff", fail, pass, "--format", "json")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, `"fixed": [`)

	html := filepath.Join(dir, "r.html")
	code, _, stderr = p06("report", "render", "--format", "html", "--lang", "en", "--out", html, fail)
	assert.Equal(t, exitOK, code, stderr)
	b, err := os.ReadFile(html)
	require.NoError(t, err)
	assert.Contains(t, string(b), "nosniff fail")

	broken := filepath.Join(dir, "broken.json")
	require.NoError(t, os.WriteFile(broken, []byte(`{"findings":[{"status":"maybe"}]}`), 0o600))
	code, _, stderr = p06("report", "diff", broken, pass)
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr, "does not match report.schema.json")
	code, _, _ = p06("report", "frobnicate")
	assert.Equal(t, exitCantRun, code)
}

func TestScanWaivers(t *testing.T) {
	srv, ca := tlsPortal(t, headersHandler(false)) // fails P06-SEC-09
	dir := t.TempDir()
	w := filepath.Join(dir, "waivers.json")
	require.NoError(t, os.WriteFile(w, []byte(`{"waivers":[{"criterion":"P06-SEC-09","reason":"CDN migration","approved_by":"Sở TT&TT","expires":"2099-12-31"}]}`), 0o600))
	code, out, stderr := p06("scan", "--only", "P06-SEC-09", "--waivers", w, "--ca", ca, "--lang", "en", srv.URL)
	assert.Equal(t, exitOK, code, "a waived failure does not fail the scan: %s", stderr)
	var r scoring.Report
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	require.Len(t, r.Waivers.Applied, 1)
	for _, f := range r.Findings {
		if f.Criterion == "P06-SEC-09" {
			assert.Equal(t, scoring.Waived, f.Status, f.Message)
		}
	}
	require.NoError(t, os.WriteFile(w, []byte(`{"waivers":[{"criterion":"P06-SEC-09"}]}`), 0o600))
	code, _, stderr = p06("scan", "--only", "P06-SEC-09", "--waivers", w, "--ca", ca, srv.URL)
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr, "waiver file")
}

// A --only run says it is partial, counts only the criteria it selected, and exits on them,
// even with --strict (the criteria left out are not "not tested" by the portal's fault).
func TestScanOnlyIsPartial(t *testing.T) {
	srv, ca := tlsPortal(t, headersHandler(true))
	code, out, stderr := p06("scan", "--only", "P06-SEC-09", "--strict", "--ca", ca, "--timeout", "2s", "--lang", "en", srv.URL)
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, "PARTIAL run of 1 criteria (P06-SEC-09): 1/1 selected mandatory met")
	assert.Contains(t, stderr, "not scored, not graded")
	assert.NotRegexp(t, `score \d`, stderr, "no score for a partial run")
	var r scoring.Report
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	require.NotNil(t, r.Partial)
	assert.Equal(t, []string{"P06-SEC-09"}, r.Partial.Criteria)
}
