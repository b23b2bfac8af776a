//go:build interop

package leakage

import (
	"fmt"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/internal/interoptest"
)

// sriCorpus are pages whose Subresource Integrity both p06 (P06-SEC-17) and the HTTP
// Observatory's subresource-integrity test judge. differs says why the verdicts differ by design.
var sriCorpus = []struct{ name, html, differs string }{
	{"no scripts", `<p>Cổng dịch vụ công</p>`, ""},
	{"same-origin scripts", `<script src="/js/app.js"></script><script src="https://portal.gov.vn/js/b.js"></script>`, ""},
	{"same-site subdomain", `<script src="https://static.portal.gov.vn/a.js"></script>`, ""},
	{"third-party without SRI", `<script src="https://cdn.jsdelivr.net/npm/jquery@3.7.1/dist/jquery.min.js"></script>`, ""},
	{"third-party with SRI", `<script src="https://cdn.jsdelivr.net/x.js" integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC" crossorigin="anonymous"></script>`, ""},
	{"protocol-relative third-party", `<script src="//cdn.jsdelivr.net/x.js"></script>`, ""},
	{"one of two third-party scripts without SRI", `<script src="https://cdn.jsdelivr.net/x.js" integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC" crossorigin="anonymous"></script><script src="https://unpkg.com/y.js"></script>`, ""},
	{"third-party SRI without crossorigin", `<script src="https://cdn.jsdelivr.net/x.js" integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC"></script>`,
		"without crossorigin the browser cannot check integrity across origins and blocks the script; the Observatory does not look at crossorigin"},
	{"third-party malformed SRI", `<script src="https://cdn.jsdelivr.net/x.js" integrity="sha384-abc" crossorigin="anonymous"></script>`,
		"a digest of the wrong length protects nothing (the browser blocks the script); the Observatory only checks that integrity is present"},
	{"third-party stylesheet without SRI", `<link rel="stylesheet" href="https://cdn.jsdelivr.net/bootstrap.min.css">`,
		"a third-party stylesheet can exfiltrate data through CSS selectors; the Observatory judges scripts only"},
	{"third-party http script with SRI", `<script src="http://cdn.jsdelivr.net/x.js" integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC" crossorigin="anonymous"></script>`,
		"the integrity is valid; loading it over http:// is mixed content, which P06-SEC-16 fails, while the Observatory fails it here"},
}

// TestInteropObservatorySRI compares P06-SEC-17's page verdicts with the Observatory's
// subresource-integrity test over the corpus.
func TestInteropObservatorySRI(t *testing.T) {
	const url = "https://portal.gov.vn/"
	cases := make([]interoptest.ObservatoryCase, len(sriCorpus))
	for i, c := range sriCorpus {
		cases[i] = interoptest.ObservatoryCase{URL: url, Headers: map[string][]string{"Content-Type": {"text/html; charset=utf-8"}}, HTML: c.html}
	}
	answers := interoptest.JudgeWithObservatory(t, cases)
	agree := 0
	var rows []string
	for i, theirs := range answers {
		c := sriCorpus[i]
		_, bad := ThirdPartySRI(parse(t, c.html), url)
		ours := len(bad) == 0
		o := theirs["subresource-integrity"]
		switch {
		case ours == o.Pass && c.differs != "":
			t.Errorf("%s: documented difference (%s) but both say pass=%v", c.name, c.differs, ours)
		case ours != o.Pass && c.differs == "":
			t.Errorf("%s: p06 pass=%v (%+v), Observatory pass=%v (%s)", c.name, ours, bad, o.Pass, o.Result)
		case ours == o.Pass:
			agree++
		}
		verdict := "agree"
		if ours != o.Pass {
			verdict = "differs by design: " + c.differs
		}
		rows = append(rows, fmt.Sprintf("| %s | %s | %s (%s) | %s |", c.name, interoptest.PassFail(ours), interoptest.PassFail(o.Pass), o.Result, verdict))
	}
	t.Logf("%d of %d SRI verdicts agree; the others differ by design", agree, len(sriCorpus))
	interoptest.Results(t, "### Subresource Integrity: P06-SEC-17 vs the Observatory's subresource-integrity test\n\n"+
		"| page | p06 | Observatory | verdict |\n|---|---|---|---|\n"+strings.Join(rows, "\n")+"\n")
}
