//go:build interop

package tlsscan

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/internal/interoptest"
	"github.com/p06kit/p06kit/scoring"
)

// observatoryTests maps the HTTP Observatory's tests to the criteria whose verdicts must agree.
var observatoryTests = []struct{ test, criterion string }{
	{"redirection", "P06-SEC-02"},
	{"strict-transport-security", "P06-SEC-06"},
	{"content-security-policy", "P06-SEC-07"},
	{"x-frame-options", "P06-SEC-08"},
	{"x-content-type-options", "P06-SEC-09"},
	{"referrer-policy", "P06-SEC-10"},
	{"cookies", "P06-SEC-11"},
	{"subresource-integrity", "P06-SEC-17"},
	{"cross-origin-resource-sharing", "P06-SEC-18"},
}

// knownDifferences are the verdicts where the criterion is deliberately stricter than the
// Observatory, with the reason (also in .ci/interop-results.md and the headers package doc).
var knownDifferences = map[string]string{
	modeEdge + " P06-SEC-08": "X-Frame-Options ALLOW-FROM: current browsers ignore it, so the page can be framed; the Observatory still passes it",
	modeEdge + " P06-SEC-11": "the criterion requires SameSite on every cookie; the Observatory only rewards it",
	modeWeak + " P06-SEC-10": "P06-SEC-10 requires the portal to set a Referrer-Policy; the Observatory passes its absence (browsers' default)",
	modeEdge + " P06-SEC-18": "Access-Control-Allow-Origin: * with Allow-Credentials: true fails the criterion's literal rule; the Observatory judges only its OPTIONS preflight, and passes both * (public access) and no CORS",
}

type observatoryResult struct {
	Status int `json:"status"`
	Tests  map[string]struct {
		Pass   bool   `json:"pass"`
		Result string `json:"result"`
	} `json:"tests"`
	Error string `json:"error"`
}

func runObservatory(t testing.TB, n *nginxServer) observatoryResult {
	t.Helper()
	node, script := interoptest.NodeTool(t, "observatory", "scan-loopback.mjs", "@mdn/mdn-http-observatory")
	cmd := exec.Command(node, script, "127.0.0.1", strconv.Itoa(n.TLSPort), strconv.Itoa(n.PlainPort))
	cmd.Env = append(os.Environ(), "NODE_EXTRA_CA_CERTS="+n.PKI.caFile)
	out := interoptest.Output(t, cmd, nil)
	var r observatoryResult
	if err := json.Unmarshal(out, &r); err != nil || r.Error != "" {
		t.Fatalf("observatory output %q: %v %s", out, err, r.Error)
	}
	return r
}

// TestInteropCompareObservatory compares every header verdict with the MDN HTTP Observatory's on
// the same nginx, in the weak, strong and edge configurations.
func TestInteropCompareObservatory(t *testing.T) {
	var rows []string
	for _, mode := range []string{modeWeak, modeStrong, modeEdge} {
		n := startNginx(t, mode)
		obs := runObservatory(t, n)
		ours := runChecks(t, n)
		for _, m := range observatoryTests {
			o, ok := obs.Tests[m.test]
			if !ok {
				t.Errorf("%s: the Observatory ran no %s test", mode, m.test)
				continue
			}
			r := ours[m.criterion]
			p06pass := r.Status == scoring.Pass
			agree := p06pass == o.Pass
			why, known := knownDifferences[mode+" "+m.criterion]
			verdict := "agree"
			switch {
			case agree && known:
				t.Errorf("%s %s: expected a documented difference (%s) but both say pass=%v", mode, m.criterion, why, o.Pass)
			case !agree && known:
				verdict = "differs by design: " + why
			case !agree:
				verdict = "**DISAGREE**"
				t.Errorf("%s nginx %s: p06 %s (%s), Observatory %s pass=%v", mode, m.criterion, r.Status, r.Message, o.Result, o.Pass)
			}
			rows = append(rows, fmt.Sprintf("| %s | %s | %s | %s | %s (%s) | %s |", mode, m.criterion, m.test, r.Status,
				yesNo(o.Pass, "pass", "fail"), o.Result, verdict))
		}
	}
	interoptest.Results(t, "### Headers: p06 vs the MDN HTTP Observatory ("+observatoryVersion(t)+")\n\n"+
		"| nginx | criterion | Observatory test | p06 | Observatory | verdict |\n|---|---|---|---|---|---|\n"+strings.Join(rows, "\n")+"\n")
}

func observatoryVersion(t testing.TB) string {
	b, err := os.ReadFile(interoptest.Repo(t, ".ci/observatory/node_modules/@mdn/mdn-http-observatory/package.json"))
	if err != nil {
		return "@mdn/mdn-http-observatory"
	}
	var p struct{ Version string }
	_ = json.Unmarshal(b, &p)
	return "@mdn/mdn-http-observatory " + p.Version
}
