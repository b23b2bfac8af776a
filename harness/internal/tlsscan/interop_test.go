//go:build interop

package tlsscan

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/headers"
	"github.com/p06kit/p06kit/harness/internal/leakage"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/internal/interoptest"
	"github.com/p06kit/p06kit/scoring"
)

// securityChecks are the checks of the three security families, by criterion ID.
func securityChecks() map[string]check.Check {
	m := map[string]check.Check{}
	for _, f := range []func() []check.Check{Checks, headers.Checks, leakage.Checks} {
		for _, c := range f() {
			m[c.ID] = c
		}
	}
	return m
}

func runChecks(t testing.TB, n *nginxServer, ids ...string) map[string]check.Result {
	t.Helper()
	s, err := probe.NewSession(check.Target{BaseURL: n.HTTPS,
		Client:  &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: n.PKI.pool}}},
		Profile: &check.Profile{PlainHTTP: n.Plain}}, check.Config{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	all := securityChecks()
	if len(ids) == 0 {
		for id := range all {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	out := map[string]check.Result{}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	for _, id := range ids {
		out[id] = all[id].Run(ctx, s)
	}
	return out
}

// TestInteropNginxDemonstration is the demonstration: an nginx that accepts TLS 1.0,
// sends no HSTS and exposes /.git/HEAD fails P06-SEC-03, P06-SEC-06 and P06-SEC-13; the same
// server reconfigured properly passes them (and the other security checks).
func TestInteropNginxDemonstration(t *testing.T) {
	tests := []struct {
		mode string
		want map[string]scoring.Status
	}{
		{modeWeak, map[string]scoring.Status{
			"P06-SEC-01": scoring.Pass, "P06-SEC-02": scoring.Pass, "P06-SEC-03": scoring.Fail, "P06-SEC-04": scoring.Fail,
			"P06-SEC-05": scoring.Pass, "P06-SEC-06": scoring.Fail, "P06-SEC-07": scoring.Fail, "P06-SEC-08": scoring.Fail,
			"P06-SEC-09": scoring.Fail, "P06-SEC-10": scoring.Fail, "P06-SEC-12": scoring.Fail, "P06-SEC-13": scoring.Fail, "P06-SEC-15": scoring.Fail,
		}},
		{modeStrong, map[string]scoring.Status{
			"P06-SEC-01": scoring.Pass, "P06-SEC-02": scoring.Pass, "P06-SEC-03": scoring.Pass, "P06-SEC-04": scoring.Pass,
			"P06-SEC-05": scoring.Pass, "P06-SEC-06": scoring.Pass, "P06-SEC-07": scoring.Pass, "P06-SEC-08": scoring.Pass,
			"P06-SEC-09": scoring.Pass, "P06-SEC-10": scoring.Pass, "P06-SEC-11": scoring.Pass, "P06-SEC-12": scoring.Pass,
			"P06-SEC-13": scoring.Pass, "P06-SEC-14": scoring.Pass, "P06-SEC-15": scoring.Pass, "P06-SEC-16": scoring.Pass,
			"P06-SEC-17": scoring.Pass, "P06-SEC-18": scoring.Pass,
		}},
	}
	var rows []string
	defer func() {
		interoptest.Results(t, "### The issue's demonstration: every security check on the weak and strong nginx\n\n"+
			"| criterion | weak nginx | strong nginx |\n|---|---|---|\n"+strings.Join(rows, "\n")+"\n")
	}()
	got := map[string]map[string]check.Result{}
	defer func() {
		for _, id := range sortedIDs(got[modeWeak]) {
			rows = append(rows, fmt.Sprintf("| %s | %s | %s |", id, cell(got[modeWeak][id]), cell(got[modeStrong][id])))
		}
	}()
	for _, tc := range tests {
		t.Run(tc.mode, func(t *testing.T) {
			n := startNginx(t, tc.mode)
			got[tc.mode] = runChecks(t, n)
			got := got[tc.mode]
			ids := make([]string, 0, len(got))
			for id := range got {
				ids = append(ids, id)
			}
			sort.Strings(ids)
			for _, id := range ids {
				t.Logf("%s %-5s %s", id, got[id].Status, got[id].Message)
			}
			for id, want := range tc.want {
				if got[id].Status != want {
					t.Errorf("%s on the %s nginx: %s, want %s: %s", id, tc.mode, got[id].Status, want, got[id].Message)
				}
			}
			if tc.mode == modeWeak {
				for id, frag := range map[string]string{"P06-SEC-03": "accepts TLS 1.0, TLS 1.1", "P06-SEC-06": "no Strict-Transport-Security",
					"P06-SEC-13": "/.git/HEAD (Git repository metadata", "P06-SEC-12": "Server: nginx/"} {
					if !strings.Contains(got[id].Message, frag) {
						t.Errorf("%s message %q lacks %q", id, got[id].Message, frag)
					}
				}
			}
		})
	}
}

// TestInteropOpenSSLServer checks the protocol and suite verdicts against openssl s_server
// configured to speak one protocol or offer one family of weak suites.
func TestInteropOpenSSLServer(t *testing.T) {
	tests := []struct {
		name         string
		args         []string
		sec03        scoring.Status
		sec04        scoring.Status
		msg03, msg04 string
	}{
		{"TLS 1.3 only", []string{"-tls1_3"}, scoring.Pass, scoring.Pass, "accepts only TLS 1.3", "only TLS 1.3"},
		{"TLS 1.2 strong", []string{"-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256"}, scoring.Pass, scoring.Pass, "accepts only TLS 1.2", "refused all"},
		{"TLS 1.0 only", []string{"-tls1", "-cipher", "AES128-SHA:@SECLEVEL=0"}, scoring.Fail, scoring.Pass, "accepts TLS 1.0", "refused all"},
		{"TLS 1.1 only", []string{"-tls1_1", "-cipher", "AES128-SHA:@SECLEVEL=0"}, scoring.Fail, scoring.Pass, "accepts TLS 1.1", "refused all"},
		// Debian's OpenSSL 3 is built without 3DES and RC4, so those families are covered by the
		// Go fixtures (checks_test.go) only.
		{"NULL at TLS 1.0", []string{"-tls1", "-cipher", "AES128-SHA:ECDHE-RSA-NULL-SHA:@SECLEVEL=0"}, scoring.Fail, scoring.Fail, "accepts TLS 1.0", "TLS_ECDHE_RSA_WITH_NULL_SHA (NULL) at TLS 1.0"},
		{"NULL at TLS 1.2", []string{"-tls1_2", "-cipher", "AES128-SHA:NULL-SHA256:@SECLEVEL=0"}, scoring.Pass, scoring.Fail, "accepts only TLS 1.2", "TLS_RSA_WITH_NULL_SHA256 (NULL)"},
		// Go's TLS client has no DHE suites: the certificate is read from a hand-built handshake.
		{"DHE only at TLS 1.2", []string{"-tls1_2", "-cipher", "DHE-RSA-AES128-GCM-SHA256"}, scoring.Pass, scoring.Pass, "accepts only TLS 1.2", "refused all"},
		{"anonymous ECDH at TLS 1.2", []string{"-tls1_2", "-cipher", "AES128-SHA:AECDH-AES128-SHA:@SECLEVEL=0"}, scoring.Pass, scoring.Fail, "accepts only TLS 1.2", "TLS_ECDH_anon_WITH_AES_128_CBC_SHA (anonymous)"},
	}
	var rows []string
	defer func() {
		interoptest.Results(t, "### Protocol and suite probes against openssl s_server ("+opensslVersion()+")\n\n"+
			"| s_server options | P06-SEC-03 | P06-SEC-04 |\n|---|---|---|\n"+strings.Join(rows, "\n")+"\n")
	}()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, pki := startSServer(t, tc.args...)
			s, err := probe.NewSession(check.Target{BaseURL: u,
				Client: &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pki.pool}}}}, check.Config{})
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			r3, r4 := checkVersions(ctx, s), checkWeakSuites(ctx, s)
			rows = append(rows, fmt.Sprintf("| `%s` | %s | %s |", strings.Join(tc.args, " "), cell(r3), cell(r4)))
			if r3.Status != tc.sec03 || !strings.Contains(r3.Message, tc.msg03) {
				t.Errorf("P06-SEC-03: %s %q, want %s containing %q", r3.Status, r3.Message, tc.sec03, tc.msg03)
			}
			if r4.Status != tc.sec04 || !strings.Contains(r4.Message, tc.msg04) {
				t.Errorf("P06-SEC-04: %s %q, want %s containing %q", r4.Status, r4.Message, tc.sec04, tc.msg04)
			}
			r1 := checkHTTPS(ctx, s)
			if r1.Status != scoring.Pass {
				t.Errorf("P06-SEC-01: %s %q", r1.Status, r1.Message)
			}
			if strings.HasPrefix(tc.name, "DHE") && (len(r1.Evidence) == 0 || !strings.Contains(r1.Evidence[0].Note, "read from a TLS 1.2 handshake")) {
				t.Errorf("P06-SEC-01 on a DHE-only server should read the chain by hand: %+v", r1.Evidence)
			}
		})
	}
}

// testsslFinding is one entry of testssl.sh's --jsonfile output.
type testsslFinding struct {
	ID       string `json:"id"`
	Severity string `json:"severity"`
	Finding  string `json:"finding"`
}

func runTestssl(t testing.TB, target string, flags ...string) map[string]testsslFinding {
	t.Helper()
	bin := interoptest.Program(t, installServers, "testssl", "/usr/bin/testssl", "testssl.sh")
	out := filepath.Join(t.TempDir(), "testssl.json")
	args := append([]string{"--quiet", "--color", "0", "--warnings", "off", "--jsonfile", out, "--ip", "one"}, flags...)
	cmd := exec.Command(bin, append(args, target)...)
	if b, err := cmd.CombinedOutput(); err != nil {
		if _, statErr := os.Stat(out); statErr != nil {
			t.Fatalf("testssl %v: %v\n%s", flags, err, b)
		}
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var list []testsslFinding
	if err := json.Unmarshal(b, &list); err != nil {
		t.Fatalf("testssl JSON: %v", err)
	}
	m := map[string]testsslFinding{}
	for _, f := range list {
		m[f.ID] = f
	}
	return m
}

// TestInteropCompareTestssl compares the protocol verdicts (P06-SEC-03) and weak-suite verdicts
// (P06-SEC-04) with testssl.sh's on the same nginx, weak and strong.
func TestInteropCompareTestssl(t *testing.T) {
	var rows []string
	for _, mode := range []string{modeWeak, modeStrong} {
		n := startNginx(t, mode)
		target := fmt.Sprintf("127.0.0.1:%d", n.TLSPort)
		ts := runTestssl(t, target, "-p", "-s", "-4")
		p := &Prober{Addr: target}
		vs, err := p.ScanVersions(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		ids := map[uint16]string{VersionSSL20: "SSLv2", VersionSSL30: "SSLv3", VersionTLS10: "TLS1", VersionTLS11: "TLS1_1", VersionTLS12: "TLS1_2", VersionTLS13: "TLS1_3"}
		var accepted []uint16
		for _, v := range vs {
			f, ok := ts[ids[v.Version]]
			if !ok {
				t.Errorf("%s: testssl reported nothing for %s", mode, ids[v.Version])
				continue
			}
			theirs := strings.HasPrefix(f.Finding, "offered")
			agree := theirs == v.Accepted
			if !agree {
				t.Errorf("%s nginx, %s: p06 accepted=%v, testssl %q", mode, VersionName(v.Version), v.Accepted, f.Finding)
			}
			if v.Accepted {
				accepted = append(accepted, v.Version)
			}
			rows = append(rows, fmt.Sprintf("| %s | P06-SEC-03 | %s | %s | %s (%s) | %s |", mode, VersionName(v.Version),
				yesNo(v.Accepted, "accepted", "refused"), f.Finding, f.Severity, yesNo(agree, "agree", "**DISAGREE**")))
		}
		weakFound, err := p.ScanWeak(context.Background(), accepted)
		if err != nil {
			t.Fatal(err)
		}
		// Compare by family: testssl.sh's cipher categories against the weakness classes of the
		// suites p06 saw accepted.
		families := []struct{ ours, theirs string }{{"NULL", "cipherlist_NULL"}, {"anonymous", "cipherlist_aNULL"},
			{"export", "cipherlist_EXPORT"}, {"DES", "cipherlist_LOW"}, {"3DES", "cipherlist_3DES_IDEA"}, {"RC4", "RC4"}}
		oursByFamily := map[string]int{}
		for _, w := range weakFound {
			for _, fam := range strings.Split(weakness(w.Suite), ", ") {
				oursByFamily[fam]++
			}
		}
		for _, fam := range families {
			f, ok := ts[fam.theirs]
			if !ok {
				t.Errorf("%s: testssl reported nothing for %s", mode, fam.theirs)
				continue
			}
			theirs := strings.HasPrefix(f.Finding, "offered") || strings.Contains(f.Finding, "VULNERABLE")
			ours := oursByFamily[fam.ours] > 0
			agree := ours == theirs
			if !agree {
				t.Errorf("%s nginx, %s suites: p06 accepted=%v, testssl %s %q", mode, fam.ours, ours, fam.theirs, f.Finding)
			}
			rows = append(rows, fmt.Sprintf("| %s | P06-SEC-04 | %s suites | %s | %s: %s (%s) | %s |", mode, fam.ours,
				yesNo(ours, fmt.Sprintf("accepted (%d suite-version pairs)", oursByFamily[fam.ours]), "refused"),
				fam.theirs, truncateCell(f.Finding), f.Severity, yesNo(agree, "agree", "**DISAGREE**")))
		}
	}
	interoptest.Results(t, "### Protocols and weak suites: p06 vs testssl.sh ("+testsslVersion()+")\n\n"+
		"| nginx | criterion | what | p06 | testssl.sh | verdict |\n|---|---|---|---|---|---|\n"+strings.Join(rows, "\n")+"\n")
}

func sortedIDs(m map[string]check.Result) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// cell is a result as a table cell: status and message, without the port numbers that change
// from run to run.
func cell(r check.Result) string {
	msg := portRe.ReplaceAllString(r.Message, "127.0.0.1:PORT")
	msg = strings.ReplaceAll(msg, "|", "/")
	if len(msg) > 160 {
		msg = msg[:160] + "…"
	}
	return fmt.Sprintf("**%s** %s", r.Status, msg)
}

var portRe = regexp.MustCompile(`127\.0\.0\.1:\d+`)

func opensslVersion() string {
	b, _ := exec.Command("openssl", "version").Output()
	return strings.TrimSpace(string(b))
}

func testsslVersion() string {
	b, _ := exec.Command("testssl", "--version").CombinedOutput()
	for _, l := range strings.Split(string(b), "\n") {
		if i := strings.Index(l, "testssl"); i >= 0 && strings.Contains(l, "from") {
			f := strings.Fields(stripANSI(l[i:]))
			if len(f) >= 2 {
				return "testssl " + f[1]
			}
		}
	}
	return "testssl"
}

func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func yesNo(b bool, y, n string) string {
	if b {
		return y
	}
	return n
}

func truncateCell(s string) string {
	s = strings.ReplaceAll(s, "|", "/")
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
