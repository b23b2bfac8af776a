package popdata

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/popdbtest"
)

// MaxAttempts is the most look-ups of one citizen a portal may make for one dossier while the
// database is failing: the first and at most 3 retries.
const MaxAttempts = 4

// scenario is a failing-database condition P06-POP-05 puts the portal in.
type scenario struct {
	name   msg.Text
	faults popdbtest.Faults
}

var scenarios = []scenario{
	{mDB503, popdbtest.Faults{Status: 503}},
	{mDBHang, popdbtest.Faults{Hang: true}},
	{mDBMalformed, popdbtest.Faults{Malformed: true}},
}

// judgeDegrade is P06-POP-05: when the database fails (5xx), hangs, or answers garbage, the
// portal answers the citizen within the harness's deadline with a message or a manual path,
// retries at most 3 times, and shows no internals (stack traces, gateway address, credentials,
// raw faults).
func judgeDegrade(ctx context.Context, e *env, b *check.Browser) check.Result {
	fails, oks := msg.List{Sep: "; "}, msg.List{Sep: "; "}
	var all []popdbtest.Request
	for _, sc := range scenarios {
		restore := e.gw.Inject(sc.faults)
		a := e.start(ctx, b, check.DossierRequest{})
		restore()
		all = append(all, a.entries...)
		before := len(fails.Items)
		attempts := 0
		for _, r := range a.entries {
			if isCitizen(r.Subject, e.who) {
				attempts++
			}
		}
		bad := func(m msg.Text, a ...any) {
			fails.Items = append(fails.Items, msg.P(mWhenDB, msg.P(sc.name), msg.P(m, a...)))
		}
		switch {
		case a.err != nil && (errors.Is(a.err, context.DeadlineExceeded) || a.elapsed >= e.s.Config().RequestTimeout):
			bad(mDgTimeout, e.s.Config().RequestTimeout)
		case a.err != nil:
			quote := func(lang string) string { return truncate(msg.Verbatim.Render(lang, a.err), 200) }
			bad(mDgFailed, msg.Rendered{EN: quote(msg.EN), VI: quote(msg.VI)})
		case !a.dossier.Accepted && strings.TrimSpace(a.dossier.Message) == "":
			bad(mDgSilent)
		}
		if attempts > MaxAttempts {
			bad(mDgRetries, attempts, attempts-1, MaxAttempts-1)
		}
		if a.dossier != nil {
			if leaks := Leaks(shown(a.dossier), e.gw); len(leaks) > 0 {
				bad(mDgLeaks, list(leaks, ", "))
			}
		}
		if len(fails.Items) == before {
			what := msg.P(mDgManual, quoteOr(a.dossier.Message))
			if !a.dossier.Accepted {
				what = msg.P(mDgMessage, quoteOr(a.dossier.Message))
			}
			oks.Items = append(oks.Items, msg.P(mDgOK, msg.P(sc.name), what, attempts, a.elapsed.Round(1e6)))
		}
	}
	want := msg.P(mDegradeWant, e.s.Config().RequestTimeout, MaxAttempts-1)
	if len(fails.Items) > 0 {
		return check.Fail(mDegradeFail, fails).Saw(msg.P(mPlain, fails), want).
			With(evidence(all)...)
	}
	return check.Pass(mDegradePass, oks).
		Saw(msg.P(mPlain, oks), want).
		With(evidence(all)...)
}

// quoteOr quotes the portal's message, or says there was none.
func quoteOr(s string) any {
	if strings.TrimSpace(s) == "" {
		return msg.P(mDgNone)
	}
	return fmt.Sprintf("%q", truncate(s, 120))
}

// shown is what the portal showed the citizen: the message and the form's values.
func shown(d *check.Dossier) string {
	var b strings.Builder
	b.WriteString(d.Message)
	for k, v := range d.Form {
		b.WriteString("\n" + k + ": " + v)
	}
	return b.String()
}

var leakPatterns = []struct {
	name msg.Text
	re   *regexp.Regexp
}{
	{mLeakGo, regexp.MustCompile(`goroutine \d+ \[|panic: |\.go:\d+`)},
	{mLeakJava, regexp.MustCompile(`(?m)^\s*at [\w.$<>]+\(|Exception:|\w+Exception\b|System\.\w+\.\w+`)},
	{mLeakPython, regexp.MustCompile(`Traceback \(most recent call last\)`)},
	{mLeakPHP, regexp.MustCompile(`(?i)(Fatal error|Warning|Notice): .* on line \d+`)},
	{mLeakSOAP, regexp.MustCompile(`(?i)soap:(Server|Client|Envelope)|faultstring|faultcode|<\?xml`)},
	{mLeakNet, regexp.MustCompile(`(?i)dial tcp|connection refused|context deadline exceeded|x509: |tls: |i/o timeout|EOF\b`)},
	{mLeakFault, regexp.MustCompile(`\b(GW|DC)-\d{3}-[A-Z]+\b|DC-5XX`)},
}

// Leaks lists the internals found in text shown to a citizen: stack traces, raw SOAP faults,
// network errors, the gateway's address or endpoint, and the portal's gateway credentials (named,
// never quoted). gw may be nil.
func Leaks(text string, gw *popdbtest.Server) []msg.Phrase {
	var out []msg.Phrase
	for _, p := range leakPatterns {
		if p.re.MatchString(text) {
			out = append(out, msg.P(p.name))
		}
	}
	if gw == nil {
		return out
	}
	if u, err := url.Parse(gw.URL); err == nil && u.Host != "" && strings.Contains(text, u.Host) {
		out = append(out, msg.P(mLeakAddress))
	} else if gw.Path != "" && strings.Contains(text, gw.Path) {
		out = append(out, msg.P(mLeakPath))
	}
	c := gw.Credentials
	for _, cred := range []struct {
		name msg.Text
		v    string
	}{
		{mLeakSecret, c.Secret},
		{mLeakAPIKey, c.APIKey},
		{mLeakUsername, c.Username},
		{mLeakClientID, c.Client},
	} {
		if cred.v != "" && strings.Contains(text, cred.v) {
			out = append(out, msg.P(cred.name))
		}
	}
	return out
}
