package leakage

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/headers"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// sensitive is one path that must not be served, and how to recognise its content. Judging by
// content (not by status) is what keeps portals that answer 200 with a "not found" page from
// failing, and those that answer 403 with the file from passing.
type sensitive struct {
	path string
	what string
	// match reports whether body is the sensitive content.
	match func(body []byte) bool
}

func contains(subs ...string) func([]byte) bool {
	return func(b []byte) bool {
		for _, s := range subs {
			if !bytes.Contains(b, []byte(s)) {
				return false
			}
		}
		return true
	}
}

func prefix(p string) func([]byte) bool {
	return func(b []byte) bool { return bytes.HasPrefix(b, []byte(p)) }
}

func re(expr string) func([]byte) bool {
	r := regexp.MustCompile(expr)
	return func(b []byte) bool { return r.Match(b) }
}

func anyOf(fs ...func([]byte) bool) func([]byte) bool {
	return func(b []byte) bool {
		for _, f := range fs {
			if f(b) {
				return true
			}
		}
		return false
	}
}

func notHTML(f func([]byte) bool) func([]byte) bool {
	return func(b []byte) bool {
		head := bytes.ToLower(b[:min(len(b), 512)])
		if bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype")) {
			return false
		}
		return f(b)
	}
}

// sensitivePaths is the bounded list P06-SEC-13 probes: version-control metadata, environment
// and configuration files, server status and debug endpoints, and backups.
var sensitivePaths = []sensitive{
	{"/.git/HEAD", "Git repository metadata", notHTML(re(`^(ref: refs/|[0-9a-f]{40}\s*$)`))},
	{"/.git/config", "Git repository configuration", notHTML(contains("[core]", "repositoryformatversion"))},
	{"/.svn/entries", "Subversion metadata", notHTML(re(`^(\d+\s*\n|<\?xml[^>]*>\s*<wc-entries)`))},
	{"/.svn/wc.db", "Subversion working copy database", prefix("SQLite format 3\x00")},
	{"/.hg/hgrc", "Mercurial configuration", notHTML(re(`(?m)^\[(paths|ui)\]`))},
	{"/.env", "environment file with secrets", notHTML(re(`(?m)^[A-Z][A-Z0-9_]{1,64}=.*\n(?:.*\n)*?[A-Z][A-Z0-9_]{1,64}=`))},
	{"/.env.production", "environment file with secrets", notHTML(re(`(?m)^[A-Z][A-Z0-9_]{1,64}=.*\n(?:.*\n)*?[A-Z][A-Z0-9_]{1,64}=`))},
	{"/.aws/credentials", "cloud credentials", notHTML(contains("aws_access_key_id"))},
	{"/.htpasswd", "password file", notHTML(re(`(?m)^[^:\s<]+:(\$apr1\$|\$2[aby]\$|\{SHA\}|\$[156]\$)`))},
	{"/.DS_Store", "macOS directory index", func(b []byte) bool { return len(b) >= 8 && bytes.Equal(b[4:8], []byte("Bud1")) }},
	{"/server-status", "Apache server status", contains("Apache Server Status")},
	{"/server-info", "Apache server configuration", contains("Apache Server Information")},
	{"/nginx_status", "nginx status", notHTML(re(`^Active connections: \d+`))},
	{"/phpinfo.php", "phpinfo() output", anyOf(contains("<title>PHP ", "phpinfo()"), contains("PHP Version", "PHP License"))},
	{"/info.php", "phpinfo() output", anyOf(contains("<title>PHP ", "phpinfo()"), contains("PHP Version", "PHP License"))},
	{"/web.config.bak", "IIS configuration backup", notHTML(contains("<configuration"))},
	{"/web.config", "IIS configuration", notHTML(contains("<configuration"))},
	{"/WEB-INF/web.xml", "Java web application descriptor", notHTML(contains("<web-app"))},
	{"/wp-config.php.bak", "WordPress configuration backup", contains("DB_PASSWORD")},
	{"/config.php.bak", "PHP configuration backup", re(`<\?php`)},
	{"/backup.zip", "backup archive", prefix("PK\x03\x04")},
	{"/backup.tar.gz", "backup archive", prefix("\x1f\x8b")},
	{"/backup.sql", "database dump", notHTML(re(`(?i)(CREATE TABLE|INSERT INTO|-- MySQL dump|PostgreSQL database dump)`))},
	{"/db.sql", "database dump", notHTML(re(`(?i)(CREATE TABLE|INSERT INTO|-- MySQL dump|PostgreSQL database dump)`))},
	{"/dump.sql", "database dump", notHTML(re(`(?i)(CREATE TABLE|INSERT INTO|-- MySQL dump|PostgreSQL database dump)`))},
	{"/actuator/env", "Spring Boot environment (secrets)", contains("propertySources")},
	{"/actuator/heapdump", "Spring Boot heap dump", prefix("JAVA PROFILE")},
	{"/actuator", "Spring Boot actuator index", re(`"_links"\s*:\s*\{[^}]*"(env|heapdump|beans)"`)},
	{"/elmah.axd", ".NET error log (ELMAH)", contains("Error Log for")},
	{"/trace.axd", ".NET request trace", contains("Application Trace")},
	{"/debug/pprof/", "Go profiler", contains("/debug/pprof/", "goroutine")},
	{"/debug/vars", "Go expvar", notHTML(re(`^\{\s*"cmdline"`))},
	{"/_profiler/", "Symfony profiler", contains("Symfony Profiler")},
	{"/console", "Werkzeug debugger console", contains("Werkzeug", "console")},
	{"/jmx-console/", "JBoss JMX console", contains("JMX Agent View")},
	{"/manager/html", "Tomcat manager", contains("Tomcat Web Application Manager")},
}

// sqlDump recognises the start of a database dump: the header mysqldump, mariadb-dump and
// pg_dump write, or the statements of one.
var sqlDump = notHTML(re(`(?i)(-- MySQL dump|-- MariaDB dump|PostgreSQL database dump|CREATE TABLE|INSERT INTO|DROP TABLE IF EXISTS)`))

// dumpDirs are the folders dumps and archives are left in; dumpNames the file names tried in
// them, with the portal's own names (dumpHostNames) added; dumpExts their endings.
var (
	dumpDirs  = []string{"/db/", "/database/", "/backup/", "/sql/", "/data/"}
	dumpNames = []string{"db", "database", "dump", "backup", "data"}
	dumpExts  = []string{".sql", ".sql.gz", ".zip", ".tar.gz"}
)

// maxDumpProbes bounds the dump and archive probes of one run.
const maxDumpProbes = 72

// dumpHostNames are file names derived from the portal's host, as people name a site's dump:
// "dichvucong" and "dichvucong_tinh" for dichvucong.tinh.gov.vn, and the host itself.
func dumpHostNames(host string) []string {
	host = strings.ToLower(host)
	if h, _, ok := strings.Cut(host, ":"); ok {
		host = h
	}
	labels := strings.Split(host, ".")
	if len(labels) > 0 && labels[0] == "www" {
		labels = labels[1:]
	}
	var out []string
	if len(labels) > 0 && labels[0] != "" && net.ParseIP(host) == nil {
		out = append(out, labels[0])
		if len(labels) > 2 {
			out = append(out, labels[0]+"_"+labels[1])
		}
		out = append(out, strings.Join(labels, "."))
	}
	return out
}

// dumpMatch judges a dump or archive by content: the archive's magic number or SQL statements
// (a .sql.gz served with Content-Encoding: gzip arrives decompressed, as SQL).
func dumpMatch(ext string) (string, func([]byte) bool) {
	switch ext {
	case ".zip":
		return "backup archive", prefix("PK\x03\x04")
	case ".tar.gz", ".sql.gz":
		return "database dump or archive", anyOf(prefix("\x1f\x8b"), sqlDump)
	}
	return "database dump", sqlDump
}

// dumpProbes are the dump and archive paths of a host: names in the common folders, and the
// host's names at the root, at most maxDumpProbes.
func dumpProbes(host string) []sensitive {
	var out []sensitive
	hostNames := dumpHostNames(host)
	add := func(p, ext string) {
		if len(out) < maxDumpProbes {
			what, m := dumpMatch(ext)
			out = append(out, sensitive{p, what, m})
		}
	}
	for _, n := range hostNames {
		for _, ext := range dumpExts {
			add("/"+n+ext, ext)
		}
	}
	for _, d := range dumpDirs {
		for _, n := range append(hostNames[:min(len(hostNames), 2)], dumpNames...) {
			add(d+n+".sql", ".sql")
		}
		for _, n := range []string{"backup", "db"} {
			add(d+n+".zip", ".zip")
			add(d+n+".sql.gz", ".sql.gz")
		}
	}
	return out
}

// whatVI names in Vietnamese what an exposed path holds.
var whatVI = map[string]string{
	".NET error log (ELMAH)": "nhật ký lỗi .NET (ELMAH)", ".NET request trace": "vết yêu cầu .NET (trace.axd)",
	"Apache server configuration": "cấu hình máy chủ Apache", "Apache server status": "trạng thái máy chủ Apache",
	"Git repository configuration": "cấu hình kho mã Git", "Git repository metadata": "siêu dữ liệu kho mã Git",
	"Go expvar": "biến nội bộ Go (expvar)", "Go profiler": "trình phân tích hiệu năng Go (pprof)",
	"IIS configuration backup": "bản sao cấu hình IIS", "IIS configuration": "cấu hình IIS",
	"JBoss JMX console": "bảng điều khiển JMX của JBoss", "Java web application descriptor": "tệp mô tả ứng dụng web Java",
	"Mercurial configuration": "cấu hình kho mã Mercurial", "PHP configuration backup": "bản sao cấu hình PHP",
	"Spring Boot actuator index": "danh mục actuator của Spring Boot", "Spring Boot environment (secrets)": "biến môi trường Spring Boot (chứa bí mật)",
	"Spring Boot heap dump": "bản kết xuất bộ nhớ Spring Boot", "Subversion metadata": "siêu dữ liệu Subversion",
	"Subversion working copy database": "cơ sở dữ liệu bản làm việc Subversion", "Symfony profiler": "trình phân tích Symfony",
	"Tomcat manager": "trang quản trị Tomcat", "Werkzeug debugger console": "bảng gỡ lỗi Werkzeug",
	"WordPress configuration backup": "bản sao cấu hình WordPress", "backup archive": "tệp nén sao lưu",
	"cloud credentials": "thông tin xác thực đám mây", "database dump": "bản kết xuất cơ sở dữ liệu",
	"environment file with secrets": "tệp biến môi trường chứa bí mật", "macOS directory index": "tệp chỉ mục thư mục macOS",
	"nginx status": "trạng thái nginx", "password file": "tệp mật khẩu", "phpinfo() output": "trang phpinfo()",
	"directory listing": "liệt kê thư mục", "database dump or archive": "bản kết xuất cơ sở dữ liệu hoặc tệp nén",
}

// listingRe recognises directory listings of Apache, nginx, IIS, Tomcat, lighttpd, Python and Node.
var listingRe = regexp.MustCompile(`(?i)(<title>\s*Index of /|<h1>\s*Index of /|<title>Directory listing for /|\[To Parent Directory\]|<h1>Directory Listing For /|<title>listing directory /)`)

// listingDirs are directories commonly left browsable.
var listingDirs = []string{"/uploads/", "/upload/", "/files/", "/images/", "/static/", "/assets/", "/backup/", "/tmp/", "/logs/", "/documents/"}

// maxListingDirs bounds the directories probed for listings.
const maxListingDirs = 16

func randomPath() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return "/p06kit-no-such-page-" + hex.EncodeToString(b[:])
}

// resourceDirs returns the directories of same-host resources the home page uses (/static/js/,
// /uploads/2024/), which are the directories most likely to be browsable.
func resourceDirs(p *check.Page) []string {
	if p == nil || p.Doc == nil {
		return nil
	}
	base, err := url.Parse(p.FinalURL)
	if err != nil {
		return nil
	}
	seen := map[string]bool{}
	for _, e := range htmlx.All(p.Doc, "script", "link", "img", "a") {
		ref, ok := htmlx.Attr(e, "src")
		if !ok {
			ref, ok = htmlx.Attr(e, "href")
		}
		if !ok {
			continue
		}
		u, err := base.Parse(strings.TrimSpace(ref))
		if err != nil || u.Host != base.Host {
			continue
		}
		d := path.Dir(u.Path)
		if d == "/" || d == "." || strings.Contains(d, "..") {
			continue
		}
		seen[strings.TrimSuffix(d, "/")+"/"] = true
	}
	out := make([]string, 0, len(seen))
	for d := range seen {
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// checkSensitivePaths judges P06-SEC-13.
func checkSensitivePaths(ctx context.Context, s *check.Session) check.Result {
	want := "no version-control metadata, secrets, status or debug pages, backups or directory listings served"
	// The answer to a path that cannot exist: a portal that answers everything with the same
	// page must not fail because that page happens to match. The path is the session's (shared
	// with P06-SEC-12 and P06-SEC-14, one request).
	baseline, err := s.Get(ctx, headers.NotFoundPath(s))
	if err != nil {
		return check.Errorf("fetching a random path to learn the not-found answer: %v", err).VI("không tải được trang ngẫu nhiên: %v", err)
	}
	var found, foundVI []string
	var ev []scoring.Evidence
	var at string
	probed := 0
	record := func(r *check.Response, what string) {
		found = append(found, fmt.Sprintf("%s (%s, HTTP %d)", pathOf(r.URL), what, r.StatusCode))
		vi := whatVI[what]
		if vi == "" {
			vi = what
		}
		foundVI = append(foundVI, fmt.Sprintf("%s (%s, HTTP %d)", pathOf(r.URL), vi, r.StatusCode))
		e := r.Evidence("Content-Type")
		e.Excerpt = excerpt(r.Body, 120)
		if what != "Git repository metadata" && what != "directory listing" {
			// The file may hold secrets: the evidence shows its shape, not its values.
			e.Excerpt = maskValues(e.Excerpt)
		}
		e.Note = what
		ev = append(ev, e)
		if at == "" {
			at = r.URL
		}
	}
	// Fetch side by side (a slow portal must not take 40 × its latency), judge in order. Dumps
	// and archives are judged by their first bytes, asked for with a Range request: a portal
	// need not send a 1 GB dump for the scan to see that it is one.
	probes := append(append([]sensitive{}, sensitivePaths...), dumpProbes(s.Base().Host)...)
	resps := make([]*check.Response, len(probes))
	s.Each(ctx, len(probes), func(i int) {
		if i >= len(sensitivePaths) {
			resps[i] = head(ctx, s, probes[i].path)
			return
		}
		// A file over the body bound is judged on what was read.
		if r, err := s.Get(ctx, probes[i].path); err == nil || r != nil && r.Truncated {
			resps[i] = r
		}
	})
	for i, sp := range probes {
		r := resps[i]
		if r == nil {
			continue
		}
		probed++
		if r.StatusCode >= 400 && r.StatusCode != 403 && r.StatusCode != 401 || len(r.Body) == 0 {
			continue
		}
		if bytes.Equal(r.Body, baseline.Body) || sp.match(baseline.Body) {
			continue
		}
		if sp.match(r.Body) {
			record(r, sp.what)
		}
	}
	dirs := append([]string{}, listingDirs...)
	if home, err := s.Page(ctx, s.Base().String()); err == nil {
		dirs = append(resourceDirs(home), dirs...)
	}
	seen := map[string]bool{}
	var probeDirs []string
	for _, d := range dirs {
		if seen[d] || len(probeDirs) >= maxListingDirs {
			continue
		}
		seen[d] = true
		probeDirs = append(probeDirs, d)
	}
	dirResps := make([]*check.Response, len(probeDirs))
	s.Each(ctx, len(probeDirs), func(i int) {
		if r, err := s.Get(ctx, probeDirs[i]); err == nil {
			dirResps[i] = r
		}
	})
	for _, r := range dirResps {
		if r == nil {
			continue
		}
		probed++
		if r.StatusCode == 200 && listingRe.Match(r.Body) && !listingRe.Match(baseline.Body) {
			record(r, "directory listing")
		}
	}
	if probed == 0 {
		return check.Errorf("none of the %d sensitive paths could be fetched", len(sensitivePaths)).VI("không kiểm tra được đường dẫn nhạy cảm nào")
	}
	if len(found) > 0 {
		return check.Failf("%d sensitive path(s) are exposed: %s", len(found), strings.Join(found, "; ")).
			VI("lộ %d đường dẫn nhạy cảm: %s", len(found), strings.Join(foundVI, "; ")).
			GotWant(strings.Join(found, "; "), want).At(at).With(ev...)
	}
	return check.Passf("none of %d sensitive paths and directories is exposed (judged by content; the not-found answer is HTTP %d)", probed, baseline.StatusCode).
		VI("không lộ đường dẫn nhạy cảm nào trong %d đường dẫn đã thử", probed).GotWant("nothing exposed", want)
}

// head fetches the first 8 KiB of a path (a Range request; a server that ignores Range sends the
// whole body, cut at the body bound). nil when nothing came back.
func head(ctx context.Context, s *check.Session, p string) *check.Response {
	abs, err := s.Resolve(p)
	if err != nil {
		return nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, abs, nil)
	if err != nil {
		return nil
	}
	req.Header.Set("Range", "bytes=0-8191")
	r, err := s.Do(ctx, req)
	if err != nil && (r == nil || !r.Truncated) {
		return nil
	}
	return r // 206 Partial Content: the file is served; the range is how the scan asked
}

var (
	assignment = regexp.MustCompile(`(?m)^(\s*[\w.\-\[\]"']+\s*[=:]\s*)\S.*$`)
	userinfo   = regexp.MustCompile(`://[^/@\s]+@`)
)

// maskValues keeps the keys of "key = value" and "key: value" lines and hides the values, and
// hides credentials in URLs: evidence of an exposed secrets file must not spread the secrets.
func maskValues(s string) string {
	s = userinfo.ReplaceAllString(s, "://[redacted]@")
	return assignment.ReplaceAllString(s, "${1}[redacted]")
}

func pathOf(u string) string {
	if p, err := url.Parse(u); err == nil {
		return p.RequestURI()
	}
	return u
}

// excerpt returns the start of body as printable text, redacted, for evidence.
func excerpt(b []byte, n int) string {
	b = b[:min(len(b), n)]
	out := make([]rune, 0, len(b))
	for _, r := range string(b) {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0xfffd {
			r = '.'
		}
		out = append(out, r)
	}
	return check.Redact(string(out))
}
