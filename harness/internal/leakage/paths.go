package leakage

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"net"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/headers"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// sensitive is one path that must not be served, and how to recognise its content. Judging by
// content (not by status) is what keeps portals that answer 200 with a "not found" page from
// failing, and those that answer 403 with the file from passing.
type sensitive struct {
	path string
	what msg.Text
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
	{"/.git/HEAD", wGitRepositoryMetadata, notHTML(re(`^(ref: refs/|[0-9a-f]{40}\s*$)`))},
	{"/.git/config", wGitRepositoryConfiguration, notHTML(contains("[core]", "repositoryformatversion"))},
	{"/.svn/entries", wSubversionMetadata, notHTML(re(`^(\d+\s*\n|<\?xml[^>]*>\s*<wc-entries)`))},
	{"/.svn/wc.db", wSubversionWorkingCopyDatabase, prefix("SQLite format 3\x00")},
	{"/.hg/hgrc", wMercurialConfiguration, notHTML(re(`(?m)^\[(paths|ui)\]`))},
	{"/.env", wEnvironmentFileWithSecrets, notHTML(re(`(?m)^[A-Z][A-Z0-9_]{1,64}=.*\n(?:.*\n)*?[A-Z][A-Z0-9_]{1,64}=`))},
	{"/.env.production", wEnvironmentFileWithSecrets, notHTML(re(`(?m)^[A-Z][A-Z0-9_]{1,64}=.*\n(?:.*\n)*?[A-Z][A-Z0-9_]{1,64}=`))},
	{"/.aws/credentials", wCloudCredentials, notHTML(contains("aws_access_key_id"))},
	{"/.htpasswd", wPasswordFile, notHTML(re(`(?m)^[^:\s<]+:(\$apr1\$|\$2[aby]\$|\{SHA\}|\$[156]\$)`))},
	{"/.DS_Store", wMacOSDirectoryIndex, func(b []byte) bool { return len(b) >= 8 && bytes.Equal(b[4:8], []byte("Bud1")) }},
	{"/server-status", wApacheServerStatus, contains("Apache Server Status")},
	{"/server-info", wApacheServerConfiguration, contains("Apache Server Information")},
	{"/nginx_status", wNginxStatus, notHTML(re(`^Active connections: \d+`))},
	{"/phpinfo.php", wPhpinfoOutput, anyOf(contains("<title>PHP ", "phpinfo()"), contains("PHP Version", "PHP License"))},
	{"/info.php", wPhpinfoOutput, anyOf(contains("<title>PHP ", "phpinfo()"), contains("PHP Version", "PHP License"))},
	{"/web.config.bak", wIISConfigurationBackup, notHTML(contains("<configuration"))},
	{"/web.config", wIISConfiguration, notHTML(contains("<configuration"))},
	{"/WEB-INF/web.xml", wJavaWebApplicationDescriptor, notHTML(contains("<web-app"))},
	{"/wp-config.php.bak", wWordPressConfigurationBackup, contains("DB_PASSWORD")},
	{"/config.php.bak", wPHPConfigurationBackup, re(`<\?php`)},
	{"/backup.zip", wBackupArchive, prefix("PK\x03\x04")},
	{"/backup.tar.gz", wBackupArchive, prefix("\x1f\x8b")},
	{"/backup.sql", wDatabaseDump, notHTML(re(`(?i)(CREATE TABLE|INSERT INTO|-- MySQL dump|PostgreSQL database dump)`))},
	{"/db.sql", wDatabaseDump, notHTML(re(`(?i)(CREATE TABLE|INSERT INTO|-- MySQL dump|PostgreSQL database dump)`))},
	{"/dump.sql", wDatabaseDump, notHTML(re(`(?i)(CREATE TABLE|INSERT INTO|-- MySQL dump|PostgreSQL database dump)`))},
	{"/actuator/env", wSpringBootEnvironmentSecrets, contains("propertySources")},
	{"/actuator/heapdump", wSpringBootHeapDump, prefix("JAVA PROFILE")},
	{"/actuator", wSpringBootActuatorIndex, re(`"_links"\s*:\s*\{[^}]*"(env|heapdump|beans)"`)},
	{"/elmah.axd", wNETErrorLogELMAH, contains("Error Log for")},
	{"/trace.axd", wNETRequestTrace, contains("Application Trace")},
	{"/debug/pprof/", wGoProfiler, contains("/debug/pprof/", "goroutine")},
	{"/debug/vars", wGoExpvar, notHTML(re(`^\{\s*"cmdline"`))},
	{"/_profiler/", wSymfonyProfiler, contains("Symfony Profiler")},
	{"/console", wWerkzeugDebuggerConsole, contains("Werkzeug", "console")},
	{"/jmx-console/", wJBossJMXConsole, contains("JMX Agent View")},
	{"/manager/html", wTomcatManager, contains("Tomcat Web Application Manager")},
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
func dumpMatch(ext string) (msg.Text, func([]byte) bool) {
	switch ext {
	case ".zip":
		return wBackupArchive, prefix("PK\x03\x04")
	case ".tar.gz", ".sql.gz":
		return wDatabaseDumpOrArchive, anyOf(prefix("\x1f\x8b"), sqlDump)
	}
	return wDatabaseDump, sqlDump
}

// dumpProbes are the dump and archive paths of a host at deep depth: names in the common
// folders, and the host's names at the root, at most maxDumpProbes, after the standard depth's
// (standardDumps), so that deep is standard and more.
func dumpProbes(host string) []sensitive {
	out := standardDumps(host)
	seen := map[string]bool{}
	for _, sp := range out {
		seen[sp.path] = true
	}
	hostNames := dumpHostNames(host)
	count := 0 // the cap counts the full list's own paths, as before the standard depth existed
	add := func(p, ext string) {
		if count >= maxDumpProbes {
			return
		}
		count++
		if !seen[p] {
			seen[p] = true
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

// standardDumps are the dump and archive paths the standard depth probes: the highest-yield
// few, 8 on a portal reached by IP address and 13 with a host name, beside the fixed list's
// root-level /backup.sql, /backup.zip, /backup.tar.gz, /db.sql and /dump.sql. Each is a name
// people actually leave on web servers:
func standardDumps(host string) []sensitive {
	var out []sensitive
	add := func(p, ext string) {
		what, m := dumpMatch(ext)
		out = append(out, sensitive{p, what, m})
	}
	// The root-level dump names the fixed list lacks: database.sql is what phpMyAdmin and
	// Adminer offer to save a whole database as, and a compressed backup.sql.gz is what
	// "mysqldump | gzip" in a cron job leaves beside the site.
	add("/database.sql", ".sql")
	add("/backup.sql.gz", ".sql.gz")
	// The portal's own name: a site's dump and archive are named after it (dichvucong.sql, the
	// site zipped or tarred before a move as dichvucong.zip or .tar.gz, and the whole host name
	// as hosting panels name a site's backup: dichvucong.tinh.gov.vn.zip).
	if names := dumpHostNames(host); len(names) > 0 {
		site, full := names[0], names[len(names)-1]
		add("/"+site+".sql", ".sql")
		add("/"+site+".zip", ".zip")
		add("/"+site+".tar.gz", ".tar.gz")
		if full != site {
			add("/"+full+".zip", ".zip")
		}
		// The schema shipped with the source in a PHP project's database/ folder, named after
		// the site (the PHP city portal behind this check served /database/<its name>.sql).
		add("/database/"+site+".sql", ".sql")
	}
	// The most common folder and name pairs: the same project folder's generic name, the
	// db/ folder's db.sql, and a backup/ folder's backups, plain, compressed and zipped.
	add("/database/database.sql", ".sql")
	add("/db/db.sql", ".sql")
	add("/backup/backup.sql", ".sql")
	add("/backup/db.sql", ".sql")
	add("/backup/db.sql.gz", ".sql.gz")
	add("/backup/backup.zip", ".zip")
	return out
}

// dumpsAt are the dump and archive probes of a host at the session's depth, and how many the
// other depth would send in all.
func dumpsAt(host string, deep bool) (probes []sensitive, known int) {
	all := dumpProbes(host)
	if deep {
		return all, len(all)
	}
	return standardDumps(host), len(all)
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

// checkSensitivePaths judges P06-SEC-13. It earns its verdict on what it sent: the message
// says how many paths were probed and at which depth (Config.Deep), and a pass at the standard
// depth how many more dump and archive paths --deep would probe.
func checkSensitivePaths(ctx context.Context, s *check.Session) check.Result {
	want := msg.P(mPathsWant)
	// The answer to a path that cannot exist: a portal that answers everything with the same
	// page must not fail because that page happens to match. The path is the session's (shared
	// with P06-SEC-12 and P06-SEC-14, one request).
	baseline, err := s.Get(ctx, headers.NotFoundPath(s))
	if err != nil {
		return check.Error(mPathsNoBaseline, err)
	}
	deep := s.Config().Deep
	dumps, known := dumpsAt(s.Base().Host, deep)
	depth := msg.P(mPathsStandard, len(dumps), known)
	if deep {
		depth = msg.P(mPathsDeep, known)
	}
	var found []msg.Phrase
	var ev []scoring.Evidence
	var at string
	probed := 0
	record := func(r *check.Response, what msg.Text) {
		found = append(found, msg.P(mPathsFound, pathOf(r.URL), msg.P(what), r.StatusCode))
		e := r.Evidence("Content-Type")
		e.Excerpt = excerpt(r.Body, 120)
		if what != wGitRepositoryMetadata && what != wDirectoryListing {
			// The file may hold secrets: the evidence shows its shape, not its values.
			e.Excerpt = maskValues(e.Excerpt)
		}
		e = e.Noted(what)
		ev = append(ev, e)
		if at == "" {
			at = r.URL
		}
	}
	// The directories probed for listings: those the home page's resources sit in, then the
	// usual ones.
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
	// Fetch every probe side by side, paths and directories in one batch (a slow portal must
	// not take 60 × its latency, nor the directories wait for the slowest path), and judge in
	// order. Dumps and archives are judged by their first bytes, asked for with a Range
	// request: a portal need not send a 1 GB dump for the scan to see that it is one.
	probes := append(append([]sensitive{}, sensitivePaths...), dumps...)
	resps := make([]*check.Response, len(probes))
	dirResps := make([]*check.Response, len(probeDirs))
	s.Each(ctx, len(probes)+len(probeDirs), func(i int) {
		switch {
		case i >= len(probes):
			if r, err := s.Get(ctx, probeDirs[i-len(probes)]); err == nil {
				dirResps[i-len(probes)] = r
			}
		case i >= len(sensitivePaths):
			resps[i] = head(ctx, s, probes[i].path)
		default:
			// A file over the body bound is judged on what was read.
			if r, err := s.Get(ctx, probes[i].path); err == nil || r != nil && r.Truncated {
				resps[i] = r
			}
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
	for _, r := range dirResps {
		if r == nil {
			continue
		}
		probed++
		if r.StatusCode == 200 && listingRe.Match(r.Body) && !listingRe.Match(baseline.Body) {
			record(r, wDirectoryListing)
		}
	}
	if probed == 0 {
		return check.Error(mPathsNoneFetched, len(probes)+len(probeDirs), depth)
	}
	if len(found) > 0 {
		list := msg.List{Items: found}
		return check.Fail(mPathsExposed, len(found), probed, depth, list).
			Saw(msg.P(mList, list), want).At(at).With(ev...)
	}
	if deep {
		return check.Pass(mPathsPassDeep, probed, depth, baseline.StatusCode).Saw(msg.P(mPathsNothing), want)
	}
	return check.Pass(mPathsPassStandard, probed, depth, baseline.StatusCode, known-len(dumps)).Saw(msg.P(mPathsNothing), want)
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
