package popdata

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/popdbtest"
)

// MaxAttempts is the most look-ups of one citizen a portal may make for one dossier while the
// database is failing: the first and at most 3 retries.
const MaxAttempts = 4

// scenario is a failing-database condition P06-POP-05 puts the portal in.
type scenario struct {
	name, nameVI string
	faults       popdbtest.Faults
}

var scenarios = []scenario{
	{"answered HTTP 503", "trả lỗi HTTP 503", popdbtest.Faults{Status: 503}},
	{"hung without answering", "treo không trả lời", popdbtest.Faults{Hang: true}},
	{"answered a malformed reply", "trả dữ liệu hỏng", popdbtest.Faults{Malformed: true}},
}

// judgeDegrade is P06-POP-05: when the database fails (5xx), hangs, or answers garbage, the
// portal answers the citizen within the harness's deadline with a message or a manual path,
// retries at most 3 times, and shows no internals (stack traces, gateway address, credentials,
// raw faults).
func judgeDegrade(ctx context.Context, e *env, b *check.Browser) check.Result {
	var fails, failsVI, oks []string
	var all []popdbtest.Request
	for _, sc := range scenarios {
		restore := e.gw.Inject(sc.faults)
		a := e.start(ctx, b, check.DossierRequest{})
		restore()
		all = append(all, a.entries...)
		before := len(fails)
		attempts := 0
		for _, r := range a.entries {
			if isCitizen(r.Subject, e.who) {
				attempts++
			}
		}
		bad := func(en, vi string) {
			fails = append(fails, "when the database "+sc.name+": "+en)
			failsVI = append(failsVI, "khi CSDL "+sc.nameVI+": "+vi)
		}
		switch {
		case a.err != nil && (errors.Is(a.err, context.DeadlineExceeded) || a.elapsed >= e.s.Config().RequestTimeout):
			bad(fmt.Sprintf("the portal did not answer the citizen within %s", e.s.Config().RequestTimeout),
				fmt.Sprintf("cổng không trả lời công dân trong %s", e.s.Config().RequestTimeout))
		case a.err != nil:
			bad(fmt.Sprintf("starting the dossier failed (%v)", truncate(a.err.Error(), 200)),
				fmt.Sprintf("bắt đầu hồ sơ thất bại (%v)", truncate(a.err.Error(), 200)))
		case !a.dossier.Accepted && strings.TrimSpace(a.dossier.Message) == "":
			bad("the portal refused the dossier without telling the citizen why or offering a manual path",
				"cổng từ chối hồ sơ mà không thông báo lý do hay cách nhập thủ công")
		}
		if attempts > MaxAttempts {
			bad(fmt.Sprintf("the portal looked the citizen up %d times (the first and %d retries; at most %d retries)", attempts, attempts-1, MaxAttempts-1),
				fmt.Sprintf("cổng tra cứu công dân %d lần (tối đa 1 lần và %d lần thử lại)", attempts, MaxAttempts-1))
		}
		if a.dossier != nil {
			if leaks := Leaks(shown(a.dossier), e.gw); len(leaks) > 0 {
				bad("what the portal showed the citizen leaks internals: "+joinEN(leaks, ", "),
					"nội dung cổng hiển thị cho công dân làm lộ thông tin nội bộ: "+joinVI(leaks, ", "))
			}
		}
		if len(fails) == before {
			what := "a manual path (the form, with the message " + quoteOr(a.dossier.Message) + ")"
			if !a.dossier.Accepted {
				what = "the message " + quoteOr(a.dossier.Message)
			}
			oks = append(oks, fmt.Sprintf("%s: %s after %d look-up(s) in %s", sc.name, what, attempts, a.elapsed.Round(1e6)))
		}
	}
	want := fmt.Sprintf("a clear message or manual path within %s, at most %d retries, no internals shown", e.s.Config().RequestTimeout, MaxAttempts-1)
	if len(fails) > 0 {
		got := strings.Join(fails, "; ")
		return check.Failf("%s", got).VI("%s", strings.Join(failsVI, "; ")).GotWant(got, want).
			With(evidence(all)...)
	}
	got := strings.Join(oks, "; ")
	return check.Passf("the portal degrades clearly when the population database fails — %s", got).
		VI("Cổng xử lý rõ ràng khi CSDL dân cư gặp sự cố (lỗi 503, treo, dữ liệu hỏng): thông báo hoặc cho nhập thủ công, không quá %d lần thử lại, không lộ thông tin nội bộ", MaxAttempts-1).
		GotWant(got, want).
		With(evidence(all)...)
}

func quoteOr(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(none)"
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
	name, nameVI string
	re           *regexp.Regexp
}{
	{"a Go stack trace", "vết ngăn xếp Go", regexp.MustCompile(`goroutine \d+ \[|panic: |\.go:\d+`)},
	{"a Java or .NET stack trace", "vết ngăn xếp Java/.NET", regexp.MustCompile(`(?m)^\s*at [\w.$<>]+\(|Exception:|\w+Exception\b|System\.\w+\.\w+`)},
	{"a Python traceback", "vết lỗi Python", regexp.MustCompile(`Traceback \(most recent call last\)`)},
	{"a PHP error", "lỗi PHP", regexp.MustCompile(`(?i)(Fatal error|Warning|Notice): .* on line \d+`)},
	{"a raw SOAP fault or envelope", "thông điệp/lỗi SOAP thô", regexp.MustCompile(`(?i)soap:(Server|Client|Envelope)|faultstring|faultcode|<\?xml`)},
	{"a low-level network error", "lỗi mạng cấp thấp", regexp.MustCompile(`(?i)dial tcp|connection refused|context deadline exceeded|x509: |tls: |i/o timeout|EOF\b`)},
	{"the fake gateway's fault codes", "mã lỗi của trục tích hợp", regexp.MustCompile(`\b(GW|DC)-\d{3}-[A-Z]+\b|DC-5XX`)},
}

// Leaks lists the internals found in text shown to a citizen: stack traces, raw SOAP faults,
// network errors, the gateway's address or endpoint, and the portal's gateway credentials (named,
// never quoted). gw may be nil.
func Leaks(text string, gw *popdbtest.Server) []Problem {
	var out []Problem
	for _, p := range leakPatterns {
		if p.re.MatchString(text) {
			out = append(out, Problem{p.name, p.nameVI})
		}
	}
	if gw == nil {
		return out
	}
	if u, err := url.Parse(gw.URL); err == nil && u.Host != "" && strings.Contains(text, u.Host) {
		out = append(out, Problem{"the gateway's address", "địa chỉ trục tích hợp"})
	} else if gw.Path != "" && strings.Contains(text, gw.Path) {
		out = append(out, Problem{"the gateway's endpoint path", "đường dẫn dịch vụ của trục tích hợp"})
	}
	c := gw.Credentials
	for _, cred := range []struct{ name, vi, v string }{
		{"the gateway secret", "khóa bí mật của trục tích hợp", c.Secret},
		{"the gateway ApiKey", "ApiKey của trục tích hợp", c.APIKey},
		{"the gateway username", "tên tài khoản trục tích hợp", c.Username},
		{"the X-Road-Client identifier", "định danh X-Road-Client", c.Client},
	} {
		if cred.v != "" && strings.Contains(text, cred.v) {
			out = append(out, Problem{cred.name, cred.vi})
		}
	}
	return out
}
