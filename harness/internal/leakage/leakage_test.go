package leakage

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/checktest"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

type resource struct {
	status int
	ctype  string
	body   string
}

const homeHTML = `<!doctype html><html lang="vi"><head><title>Cổng dịch vụ công</title>%s</head><body><h1>Cổng dịch vụ công</h1><script src="/static/app.js"></script></body></html>`

// fixture serves the given paths; any other path gets notFound (a real 404 or a soft 404).
func fixture(t *testing.T, tlsOn bool, paths map[string]resource, notFound resource) *check.Session {
	t.Helper()
	return fixtureWith(t, check.Config{Lang: "en"}, tlsOn, paths, notFound)
}

// fixtureWith is fixture with a session of configuration cfg (Deep, for P06-SEC-13).
func fixtureWith(t *testing.T, cfg check.Config, tlsOn bool, paths map[string]resource, notFound resource) *check.Session {
	t.Helper()
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		res, ok := paths[r.URL.Path]
		if r.URL.Path == "/" && r.URL.RawQuery != "" {
			if q, ok2 := paths["/?"]; ok2 {
				res, ok = q, true
			}
		}
		if !ok {
			res = notFound
		}
		if res.ctype != "" {
			w.Header().Set("Content-Type", res.ctype)
		}
		w.WriteHeader(res.status)
		_, _ = w.Write([]byte(res.body))
	})
	srv := checktest.Serve(t, h, tlsOn)
	s := checktest.Session(t, check.Target{BaseURL: srv.URL + "/", Client: srv.Client(),
		Profile: &check.Profile{Login: "/", ProcedurePages: []string{"/"}}}, cfg)
	return s
}

func home(extraHead string) resource {
	return resource{200, "text/html; charset=utf-8", strings.Replace(homeHTML, "%s", extraHead, 1)}
}

var (
	real404 = resource{404, "text/html", "<html><body><h1>404 Không tìm thấy</h1></body></html>"}
	soft404 = resource{200, "text/html; charset=utf-8", "<!doctype html><html><body><p>Trang bạn tìm không tồn tại.</p></body></html>"}
)

func TestCheckSensitivePaths(t *testing.T) {
	tests := []struct {
		name     string
		paths    map[string]resource
		notFound resource
		status   scoring.Status
		msg      string
		deep     bool // at deep depth (Config.Deep); standard otherwise
	}{
		{"clean with real 404s passes", nil, real404, scoring.Pass, "none of", false},
		{"clean with soft 404s passes", nil, soft404, scoring.Pass, "none of", false},
		{"everything answers the home page passes", nil, home(""), scoring.Pass, "none of", false},
		{"git HEAD exposed fails", map[string]resource{"/.git/HEAD": {200, "text/plain", "ref: refs/heads/main\n"}}, soft404, scoring.Fail,
			"/.git/HEAD (Git repository metadata, HTTP 200)", false},
		{"env file behind 403 still fails by content", map[string]resource{"/.env": {403, "text/plain", "APP_KEY=base64:abc\nDB_PASSWORD=secret\n"}}, real404, scoring.Fail,
			"/.env (environment file with secrets, HTTP 403)", false},
		{"git HEAD as an HTML page passes", map[string]resource{"/.git/HEAD": {200, "text/html", "<!doctype html><p>ref: refs/heads/main</p>"}}, real404, scoring.Pass, "none of", false},
		{"phpinfo fails", map[string]resource{"/phpinfo.php": {200, "text/html", "<html><head><title>PHP 8.2.7 - phpinfo()</title></head></html>"}}, real404, scoring.Fail, "phpinfo() output", false},
		{"server-status fails", map[string]resource{"/server-status": {200, "text/html", "<html><head><title>Apache Status</title></head><body><h1>Apache Server Status for portal</h1>"}}, real404, scoring.Fail, "Apache server status", false},
		{"backup zip fails", map[string]resource{"/backup.zip": {200, "application/zip", "PK\x03\x04\x14\x00\x00\x00"}}, real404, scoring.Fail, "/backup.zip (backup archive", false},
		// A dump under a folder (the PHP city portal served /database/<name>.sql): judged by its
		// first bytes, whatever the status.
		{"dump under /database/ fails", map[string]resource{"/database/database.sql": {200, "application/octet-stream",
			"-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB\n--\n-- Host: localhost    Database: cityportal\n"}}, real404, scoring.Fail,
			"/database/database.sql (database dump", false},
		{"dump in /backup/ fails", map[string]resource{"/backup/db.sql.gz": {200, "application/gzip", "\x1f\x8b\x08\x00\x00\x00"}}, soft404, scoring.Fail,
			"/backup/db.sql.gz (database dump or archive", false},
		{"an HTML page at a dump path passes", map[string]resource{"/db/backup.sql": {200, "text/html", "<!doctype html><p>INSERT INTO is explained here</p>"}}, real404, scoring.Pass, "none of", true},
		// /data/data.sql is on the deep list only: the standard depth does not send it and says so.
		{"a dump only the deep list names passes at standard depth", map[string]resource{"/data/data.sql": {200, "application/sql", "-- MySQL dump 10.13\nCREATE TABLE `congdan` (\n"}}, real404, scoring.Pass,
			"(standard depth: 8 dump and archive names of the 47 known;", false},
		{"a dump only the deep list names fails at deep depth", map[string]resource{"/data/data.sql": {200, "application/sql", "-- MySQL dump 10.13\nCREATE TABLE `congdan` (\n"}}, real404, scoring.Fail,
			"/data/data.sql (database dump, HTTP 200)", true},
		{"a root-level database.sql fails at standard depth", map[string]resource{"/database.sql": {200, "application/sql", "-- MySQL dump 10.13\nCREATE TABLE `congdan` (\n"}}, soft404, scoring.Fail,
			"/database.sql (database dump, HTTP 200)", false},
		{"directory listing of a resource directory fails", map[string]resource{"/": home(""),
			"/static/": {200, "text/html", "<html><head><title>Index of /static/</title></head><body><h1>Index of /static/</h1><hr><pre><a href=\"../\">../</a>"}},
			real404, scoring.Fail, "/static/ (directory listing", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			paths := map[string]resource{"/": home("")}
			for k, v := range tc.paths {
				paths[k] = v
			}
			r := checkSensitivePaths(context.Background(), fixtureWith(t, check.Config{Lang: "en", Deep: tc.deep}, true, paths, tc.notFound))
			checktest.Expect(t, r, tc.status, tc.msg)
			// The verdict says what was sent: how many paths, at which depth, and at the standard
			// depth how many more the deep list has.
			switch {
			case r.Status == scoring.Fail:
				checktest.Says(t, r, mPathsExposed)
			case tc.deep:
				checktest.Says(t, r, mPathsPassDeep)
				checktest.Contains(t, r.Message, "(deep: all 47 dump and archive names known;")
			default:
				checktest.Says(t, r, mPathsPassStandard)
				checktest.Contains(t, r.Message, "(standard depth: 8 dump and archive names of the 47 known;", "; --deep checks 39 more dump and archive paths")
				checktest.Contains(t, r.MessageVI, "mức tiêu chuẩn: 8 tên", "`--deep` thử thêm 39 đường dẫn")
			}
			probed, sent := r.Args[0], len(sensitivePaths)+8
			if r.Status == scoring.Fail {
				probed = r.Args[1]
			}
			if tc.deep {
				sent = len(sensitivePaths) + 47
			}
			if n, ok := probed.(int); !ok || n < sent {
				t.Errorf("%v paths probed, want at least the %d sent (and the directories): %v", probed, sent, r.Args)
			}
			if r.Status == scoring.Fail && strings.Contains(r.Message, "/.git/HEAD") && !strings.Contains(r.MessageVI, "siêu dữ liệu kho mã Git") {
				t.Errorf("Vietnamese message %q", r.MessageVI)
			}
			if strings.Contains(r.Message, "/.env") && strings.Contains(r.Evidence[0].Excerpt, "secret") {
				t.Errorf("evidence spreads the secret: %q", r.Evidence[0].Excerpt)
			}
			if r.Status == scoring.Fail && (len(r.Evidence) == 0 || r.Evidence[0].Excerpt == "") {
				t.Errorf("a failure needs evidence with an excerpt: %+v", r.Evidence)
			}
		})
	}
}

func TestMaskValues(t *testing.T) {
	in := "APP_KEY=base64:abcdefgh\nDB_PASSWORD=secret123\n[core]\n\turl = https://user:pass@git.example/x.git\naws_access_key_id = AKIAABCDEFGHIJKLMNOP"
	got := maskValues(in)
	for _, secret := range []string{"abcdefgh", "secret123", "user:pass", "AKIAABCDEFGHIJKLMNOP"} {
		if strings.Contains(got, secret) {
			t.Errorf("%q survives masking: %q", secret, got)
		}
	}
	for _, key := range []string{"APP_KEY=", "DB_PASSWORD=", "[core]", "aws_access_key_id = "} {
		if !strings.Contains(got, key) {
			t.Errorf("key %q lost: %q", key, got)
		}
	}
}

func TestDumpProbes(t *testing.T) {
	got := dumpHostNames("dichvucong.tinhmau.gov.vn:8443")
	if strings.Join(got, " ") != "dichvucong dichvucong_tinhmau dichvucong.tinhmau.gov.vn" {
		t.Errorf("dumpHostNames = %q", got)
	}
	if n := len(dumpHostNames("127.0.0.1")); n != 0 {
		t.Errorf("an IP address gave %d names", n)
	}
	probes := dumpProbes("dichvucong.tinhmau.gov.vn")
	if len(probes) == 0 || len(probes) > maxDumpProbes+2 {
		t.Fatalf("%d probes", len(probes))
	}
	want := map[string]bool{"/database/dichvucong.sql": true, "/dichvucong.tinhmau.gov.vn.zip": true, "/backup/db.sql.gz": true, "/sql/dump.sql": true}
	for _, p := range probes {
		delete(want, p.path)
	}
	if len(want) > 0 {
		t.Errorf("not probed: %v", want)
	}
}

// The standard depth is the deep list's highest-yield part: a few names, each in the deep list,
// the portal's own names among them when it has a host name.
func TestStandardDumps(t *testing.T) {
	for host, want := range map[string][]string{
		"127.0.0.1:8443": {"/database.sql", "/backup.sql.gz", "/database/database.sql", "/db/db.sql",
			"/backup/backup.sql", "/backup/db.sql", "/backup/db.sql.gz", "/backup/backup.zip"},
		"dichvucong.tinhmau.gov.vn": {"/database.sql", "/backup.sql.gz", "/dichvucong.sql", "/dichvucong.zip", "/dichvucong.tar.gz",
			"/dichvucong.tinhmau.gov.vn.zip", "/database/dichvucong.sql", "/database/database.sql", "/db/db.sql",
			"/backup/backup.sql", "/backup/db.sql", "/backup/db.sql.gz", "/backup/backup.zip"},
	} {
		var got []string
		for _, sp := range standardDumps(host) {
			got = append(got, sp.path)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: standard depth %q, want %q", host, got, want)
		}
		deep := map[string]bool{}
		for _, sp := range dumpProbes(host) {
			if deep[sp.path] {
				t.Errorf("%s: %s probed twice at deep depth", host, sp.path)
			}
			deep[sp.path] = true
		}
		for _, p := range got {
			if !deep[p] {
				t.Errorf("%s: %s is probed at standard depth but not at deep depth", host, p)
			}
		}
		std, known := dumpsAt(host, false)
		all, known2 := dumpsAt(host, true)
		if len(std) != len(want) || known != len(deep) || len(all) != len(deep) || known2 != known {
			t.Errorf("%s: dumpsAt gave %d of %d (standard), %d of %d (deep); want %d of %d", host, len(std), known, len(all), known2, len(want), len(deep))
		}
	}
}

func TestEveryPathSaysWhatItHolds(t *testing.T) {
	for _, sp := range append(append([]sensitive{}, sensitivePaths...), dumpProbes("a.b.example")...) {
		if sp.what.IsZero() || sp.what.Render(msg.EN) == sp.what.Render(msg.VI) {
			t.Errorf("no English and Vietnamese name for %q (%s)", sp.what.ID(), sp.path)
		}
	}
}

func TestLeak(t *testing.T) {
	tests := []struct {
		name, body, what string
	}{
		{"java", "java.lang.NullPointerException\n\tat vn.gov.portal.HoSoController.xem(HoSoController.java:42)", "Java stack trace"},
		{"java exception name", "Exception: javax.servlet.ServletException: boom", "Java exception"},
		{"dotnet ysod", "<h1>Server Error in '/' Application.</h1>", ".NET error page"},
		{"dotnet trace", "[NullReferenceException]\n   at Portal.Controllers.HomeController.Index() in C:\\src\\HomeController.cs:line 17", ".NET stack trace"},
		{"php", "<b>Fatal error</b>:  Uncaught Error: Call to undefined function x() in /var/www/html/index.php:3 on line <b>3</b>", "PHP error"},
		{"php plain", "PHP Warning: include(a.php): Failed to open stream in /var/www/portal/index.php on line 12", "PHP error"},
		{"python", "Traceback (most recent call last):\n  File \"/app/views.py\", line 10, in index", "Python traceback"},
		{"django", "You're seeing this error because you have <code>DEBUG = True</code> in your Django settings", "Django debug page"},
		{"node", "TypeError: Cannot read properties of undefined\n    at handler (/srv/app/routes/hoso.js:27:13)", "Node.js stack trace"},
		{"go", "panic: runtime error: index out of range\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:9 +0x1d", "Go panic"},
		{"mysql", "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version", "SQL error"},
		{"pdo", "SQLSTATE[42000]: Syntax error or access violation", "SQL error"},
		{"oracle", "ORA-01756: quoted string not properly terminated", "SQL error"},
		{"mssql", "Unclosed quotation mark after the character string ''.", "SQL error"},
		{"postgres", `ERROR: syntax error at or near "'"`, "SQL error"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			what, _, ok := Leak([]byte(tc.body))
			if !ok || what != tc.what {
				t.Fatalf("Leak = %q, %v; want %q", what, ok, tc.what)
			}
		})
	}
	for _, clean := range []string{
		"<h1>404</h1><p>Không tìm thấy trang. Vui lòng quay lại trang chủ.</p>",
		"<p>Contact us at Hanoi, Vietnam. Error 500: the service is busy, try again later.</p>",
		"<p>Thủ tục đăng ký khai sinh, at 08:00 at the People's Committee.</p>",
		"Cannot GET /p06kit-no-such-page",
	} {
		if what, text, ok := Leak([]byte(clean)); ok {
			t.Errorf("false positive %s (%q) in %q", what, text, clean)
		}
	}
}

func TestCheckErrorPages(t *testing.T) {
	tests := []struct {
		name     string
		paths    map[string]resource
		notFound resource
		status   scoring.Status
		msg      string
	}{
		{"plain 404 passes", nil, real404, scoring.Pass, "showed no stack trace"},
		{"java trace on 404 fails", nil, resource{500, "text/html", "<pre>java.lang.IllegalStateException\n\tat org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:197)</pre>"},
			scoring.Fail, "Java stack trace"},
		{"SQL error on malformed query fails", map[string]resource{"/?": {500, "text/html", "<p>You have an error in your SQL syntax near '\\''</p>"}}, real404,
			scoring.Fail, "SQL error"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			paths := map[string]resource{"/": home("")}
			for k, v := range tc.paths {
				paths[k] = v
			}
			r := checkErrorPages(context.Background(), fixture(t, true, paths, tc.notFound))
			checktest.Expect(t, r, tc.status, tc.msg)
			checktest.Says(t, r, map[scoring.Status]msg.Text{scoring.Pass: mErrorsPass, scoring.Fail: mErrorsFail}[tc.status])
		})
	}
}

func TestParseSecurityTxt(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		contacts int
		problems []string
	}{
		{"minimal", "Contact: mailto:security@portal.gov.vn\nExpires: 2027-01-01T00:00:00Z\n", 1, nil},
		{"comments, crlf and several contacts", "# CSIRT\r\nContact: https://portal.gov.vn/lien-he\r\nContact: tel:+84-24-1234-5678\r\nExpires: 2027-01-01T00:00:00+07:00\r\nPreferred-Languages: vi, en\r\n", 2, nil},
		{"signed", "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:a@b.vn\nExpires: 2027-01-01T00:00:00Z\n-----BEGIN PGP SIGNATURE-----\nabc\n-----END PGP SIGNATURE-----\n", 1, nil},
		{"no contact", "Expires: 2027-01-01T00:00:00Z\n", 0, []string{"no Contact"}},
		{"no expires", "Contact: mailto:a@b.vn\n", 1, []string{"no Expires"}},
		{"bad expires", "Contact: mailto:a@b.vn\nExpires: 01/01/2027\n", 1, []string{"not an RFC 3339"}},
		{"two expires", "Contact: mailto:a@b.vn\nExpires: 2027-01-01T00:00:00Z\nExpires: 2028-01-01T00:00:00Z\n", 1, []string{"more than once"}},
		{"http contact", "Contact: http://portal.gov.vn/contact\nExpires: 2027-01-01T00:00:00Z\n", 1, []string{"uses http://"}},
		{"html soft 404", "<!doctype html>\n<html><body>Không tìm thấy</body></html>\n", 0, []string{"line 1 is neither a field", "no Contact"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := ParseSecurityTxt([]byte(tc.in))
			if len(st.Contacts) != tc.contacts {
				t.Errorf("contacts = %q, want %d", st.Contacts, tc.contacts)
			}
			got := msg.List{Items: st.Problems, Sep: " | "}.String()
			if len(tc.problems) == 0 && got != "" {
				t.Errorf("unexpected problems: %s", got)
			}
			for _, p := range tc.problems {
				if !strings.Contains(got, p) {
					t.Errorf("problems %q lack %q", got, p)
				}
			}
		})
	}
}

func TestCheckSecurityTxt(t *testing.T) {
	old := now
	now = func() time.Time { return time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC) }
	defer func() { now = old }()
	good := "Contact: mailto:csirt@portal.gov.vn\nExpires: 2027-06-01T00:00:00Z\n"
	tests := []struct {
		name   string
		tls    bool
		res    *resource
		status scoring.Status
		msg    string
	}{
		{"valid passes", true, &resource{200, "text/plain; charset=utf-8", good}, scoring.Pass, "Contact mailto:csirt@portal.gov.vn; Expires 2027-06-01"},
		{"missing fails", true, nil, scoring.Fail, "no security.txt (HTTP 404)"},
		{"legacy location only fails, saying where it is", true, nil, scoring.Fail, "served at /security.txt, but RFC 9116 requires /.well-known/security.txt"},
		{"soft 404 html fails", true, &resource{200, "text/html", "<html>không tìm thấy</html>"}, scoring.Fail, "not text/plain"},
		{"expired fails", true, &resource{200, "text/plain", "Contact: mailto:a@b.vn\nExpires: 2025-01-01T00:00:00Z\n"}, scoring.Fail, "is in the past"},
		{"no contact fails", true, &resource{200, "text/plain", "Expires: 2027-01-01T00:00:00Z\n"}, scoring.Fail, "no Contact field"},
		{"plain http fails", false, &resource{200, "text/plain", good}, scoring.Fail, "plain HTTP"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			paths := map[string]resource{"/": home("")}
			if tc.res != nil {
				paths["/.well-known/security.txt"] = *tc.res
			}
			if strings.HasPrefix(tc.name, "legacy") {
				paths["/security.txt"] = resource{200, "text/plain", good}
			}
			r := checkSecurityTxt(context.Background(), fixture(t, tc.tls, paths, real404))
			checktest.Expect(t, r, tc.status, tc.msg)
			checktest.Says(t, r, map[scoring.Status]msg.Text{scoring.Pass: mSecTxtPass, scoring.Fail: mSecTxtFail}[tc.status])
		})
	}
}

func TestCheckMixedContent(t *testing.T) {
	tests := []struct {
		name   string
		tls    bool
		head   string
		csp    bool
		status scoring.Status
		msg    string
	}{
		{"https only passes", true, `<script src="https://cdn.example.com/a.js"></script><img src="//img.example.com/x.png">`, false, scoring.Pass, "no http://"},
		{"http script fails as active", true, `<script src="http://cdn.example.com/a.js"></script>`, false, scoring.Fail, "1 active and 0 passive"},
		{"http image fails as passive", true, `<img srcset="https://a.example/1.png 1x, http://a.example/2.png 2x">`, false, scoring.Fail, "0 active and 1 passive"},
		{"http stylesheet fails as active", true, `<link rel="stylesheet" href="HTTP://cdn.example.com/a.css">`, false, scoring.Fail, "1 active"},
		{"css @import over http fails as active", true, `<style>@import url("http://cdn.example.com/theme.css"); body{color:red}</style>`, false, scoring.Fail, "1 active and 0 passive"},
		{"css background over http fails as passive", true, `<style>.banner{background:url(http://img.example.com/b.png)}</style>`, false, scoring.Fail, "0 active and 1 passive"},
		{"style attribute over http fails as passive", true, `<div style="background-image: url('http://img.example.com/c.png')"></div>`, false, scoring.Fail, "0 active and 1 passive"},
		{"upgrade-insecure-requests passes", true, `<script src="http://cdn.example.com/a.js"></script>`, true, scoring.Pass, "upgraded"},
		{"plain http site fails", false, `<script src="http://cdn.example.com/a.js"></script>`, false, scoring.Fail, "not served over HTTPS"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := home(tc.head)
			s := fixture(t, tc.tls, map[string]resource{"/": h}, real404)
			if tc.csp {
				s = fixtureCSP(t, h)
			}
			r := checkMixedContent(context.Background(), s)
			checktest.Expect(t, r, tc.status, tc.msg)
			want := map[scoring.Status]msg.Text{scoring.Pass: mMixedPass, scoring.Fail: mMixedFail}[tc.status]
			switch {
			case tc.csp:
				want = mMixedPassUpgraded
			case !tc.tls:
				want = mMixedNotHTTPS
			}
			checktest.Says(t, r, want)
		})
	}
}

func fixtureCSP(t *testing.T, page resource) *check.Session {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "upgrade-insecure-requests; default-src https:")
		w.Header().Set("Content-Type", page.ctype)
		_, _ = w.Write([]byte(page.body))
	}))
	t.Cleanup(srv.Close)
	s, err := probe.NewSession(check.Target{BaseURL: srv.URL + "/", Client: srv.Client(), Profile: &check.Profile{Login: "/", ProcedurePages: []string{"/"}}}, check.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestThirdPartySRI(t *testing.T) {
	const good = "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"
	tests := []struct {
		name, html string
		third      int
		bad        string
	}{
		{"same site scripts need nothing", `<script src="/a.js"></script><script src="https://static.portal.gov.vn/b.js"></script>`, 0, ""},
		{"third party with SRI", `<script src="https://cdn.jsdelivr.net/x.js" integrity="` + good + `" crossorigin="anonymous"></script>`, 1, ""},
		{"third party without SRI", `<script src="https://cdn.jsdelivr.net/x.js"></script>`, 1, "no integrity attribute"},
		{"third party stylesheet without SRI", `<link rel="stylesheet" href="https://fonts.googleapis.com/css">`, 1, "no integrity attribute"},
		{"malformed digest", `<script src="https://cdn.jsdelivr.net/x.js" integrity="sha384-abc" crossorigin></script>`, 1, "no valid sha256/sha384/sha512"},
		{"md5 is not accepted", `<script src="https://cdn.jsdelivr.net/x.js" integrity="md5-1B2M2Y8AsgTpgAmY7PhCfg==" crossorigin></script>`, 1, "no valid"},
		{"missing crossorigin", `<script src="https://cdn.jsdelivr.net/x.js" integrity="` + good + `"></script>`, 1, "without crossorigin"},
		{"protocol-relative counts as third party", `<script src="//static.portal.gov.vn/b.js"></script>`, 1, "no integrity"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := parse(t, tc.html)
			all, bad := ThirdPartySRI(doc, "https://dichvucong.portal.gov.vn/")
			if len(all) != tc.third {
				t.Errorf("third-party = %d, want %d", len(all), tc.third)
			}
			if tc.bad == "" {
				if len(bad) > 0 {
					t.Errorf("unexpected problems %+v", bad)
				}
				return
			}
			if len(bad) != 1 || !strings.Contains(bad[0].Problem.String(), tc.bad) {
				t.Errorf("bad = %+v, want %q", bad, tc.bad)
			}
		})
	}
}

func TestSiteIDN(t *testing.T) {
	if a, b := site("dịchvụcông.vn"), site("static.xn--dchvcng-x0a0689dsha.vn"); a != b {
		t.Fatalf("site(U-label) = %q, site(A-label subdomain) = %q: want the same site", a, b)
	}
}

func TestCheckSRI(t *testing.T) {
	pass := fixture(t, true, map[string]resource{"/": home("")}, real404)
	if r := checkSRI(context.Background(), pass); r.Status != scoring.Pass || !strings.Contains(r.Message, "no third-party") {
		t.Errorf("got %s %q", r.Status, r.Message)
	} else {
		checktest.Says(t, r, mSRIPass, 1)
	}
	fail := fixture(t, true, map[string]resource{"/": home(`<script src="https://cdn.example.com/jquery.js"></script>`)}, real404)
	r := checkSRI(context.Background(), fail)
	if r.Status != scoring.Fail || !strings.Contains(r.Message, "https://cdn.example.com/jquery.js: no integrity attribute") {
		t.Fatalf("got %s %q", r.Status, r.Message)
	}
	checktest.Says(t, r, mSRIFail, 1, r.Args[1])
	// The problem is a phrase: Vietnamese reports say it in Vietnamese.
	checktest.Contains(t, r.MessageVI, "https://cdn.example.com/jquery.js: không có thuộc tính `integrity`")
}

func FuzzParseSecurityTxt(f *testing.F) {
	f.Add([]byte("Contact: mailto:a@b.vn\nExpires: 2027-01-01T00:00:00Z\n"))
	f.Add([]byte("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n- Contact: x\n-----BEGIN PGP SIGNATURE-----\n"))
	f.Add([]byte("<html>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		st := ParseSecurityTxt(b)
		if len(st.Contacts) == 0 && !slices.ContainsFunc(st.Problems, func(p msg.Phrase) bool { return p.Text == mSecTxtNoContact }) {
			t.Fatal("a file without Contact must say so")
		}
	})
}

func FuzzLeak(f *testing.F) {
	f.Add([]byte("Traceback (most recent call last):"))
	f.Add([]byte("<html>ok</html>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if what, _, ok := Leak(b); ok && what == "" {
			t.Fatal("leak without a kind")
		}
	})
}

func FuzzMixedAndSRI(f *testing.F) {
	f.Add(`<script src="http://a/x.js"></script><img srcset=",,http://b 1x">`)
	f.Add(`<base href="http://x/"><link rel=stylesheet href=//c/d.css integrity=sha256-x>`)
	f.Fuzz(func(t *testing.T, s string) {
		doc := parse(t, s)
		for _, m := range MixedContent(doc) {
			if !insecure(m.URL) {
				t.Fatalf("%q reported as mixed", m.URL)
			}
		}
		all, bad := ThirdPartySRI(doc, "https://portal.gov.vn/")
		if len(bad) > len(all) {
			t.Fatal("more bad than all")
		}
	})
}

func TestCheckErrorPagesJSON(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" && r.Header.Get("Accept") == "application/json" {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(500)
			_, _ = w.Write([]byte(`{"message":"Cannot read properties of undefined","stack":"TypeError: x\n    at handler (/srv/api/routes/hoso.js:27:13)"}`))
			return
		}
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write([]byte("<html><body>Cổng</body></html>"))
	}))
	defer srv.Close()
	s, err := probe.NewSession(check.Target{BaseURL: srv.URL + "/", Client: srv.Client(), Profile: &check.Profile{}}, check.Config{})
	if err != nil {
		t.Fatal(err)
	}
	r := checkErrorPages(context.Background(), s)
	if r.Status != scoring.Fail || !strings.Contains(r.Message, "Node.js stack trace") {
		t.Fatalf("got %s %q", r.Status, r.Message)
	}
}
