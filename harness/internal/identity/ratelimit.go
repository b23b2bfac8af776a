package identity

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// loginAttempts is how many wrong passwords P06-SEC-19 submits for one account.
const loginAttempts = 10

// throttleWords are signs, folded, that a portal slowed down or locked a login.
var throttleWords = []string{"captcha", "ma xac nhan", "ma kiem tra", "tam khoa", "bi khoa", "thu lai sau", "qua so lan",
	"vuot qua so lan", "too many", "locked", "try again later", "rate limit"}

// P06-SEC-19 (active): repeated failed logins are rate-limited (OWASP ASVS 2.2.1). The check
// finds the portal's local password login form (officials' or citizens') on the login entry, the
// home page, or a same-host page they link to with a "Đăng nhập" label; without one the criterion does not apply, since logins then go through the
// national SSO. Otherwise it submits loginAttempts wrong passwords for one synthetic account,
// refreshing the form each time as a browser would, and passes at the first sign of limiting:
// status 429 or 423, a Retry-After header, or a CAPTCHA or lockout message that the first failure
// did not show (on the answer, or on the refreshed login page when the form is gone from it).
//
// Only evidence of limiting passes. A request that fails (the session's request budget, a
// deadline, a reset), a page that cannot be parsed, a login form that is gone without a lockout
// message, or a server error (5xx without Retry-After) is an error with its cause: it shows
// neither a limit nor its absence. A form whose action leads to another host than the portal's
// (and its allowed hosts) is never submitted, since the scanner sends nothing to a host it was
// not given: the finding is an error that names the host and shows the form as evidence, since
// where the passwords go is then outside the assessment (allow the host to assess it there).
func checkLoginRateLimit(ctx context.Context, s *check.Session) check.Result {
	prof, home, err := profileHome(ctx, s)
	if err != nil {
		return fromErr(msg.P(mStepProfile), err)
	}
	pageURL, read := findPasswordLogin(ctx, s, prof.Login, home)
	if pageURL == "" {
		return check.NotApplicable(mRateNoLocal, read)
	}
	user := "p06kit-probe-" + randHex(4)
	b := s.NewBrowser()
	var first *check.Response
	var ev []scoring.Evidence
	for i := 1; i <= loginAttempts; i++ {
		resp, err := submitWrongPassword(ctx, s, b, pageURL, user)
		var off *offHostForm
		if errors.As(err, &off) {
			return check.Error(mRateOffHost, check.Redact(pageURL), off.host).
				At(check.Redact(pageURL)).
				With(append(ev, scoring.Evidence{Request: "GET " + check.Redact(pageURL), Location: off.path}.
					Noted(mNoteFormOffHost, off.method, check.RedactURL(off.action)))...)
		}
		var gone *formGone
		if errors.As(err, &gone) && first != nil {
			if w := newThrottleWord(first.Body, gone.page.Body); w != "" {
				ev = append(ev, scoring.Evidence{Request: "GET " + check.Redact(gone.page.FinalURL), Status: gone.page.StatusCode}.Noted(mNoteFormReplaced, w))
				return check.Pass(mRateFormReplaced, i-1, w).With(ev...)
			}
		}
		if err != nil {
			what := msg.P(mStepWrongPassword, i, loginAttempts)
			if i > 1 {
				// What stopped the run is not evidence of a limit: a budget, a deadline or a
				// parse error says nothing about the portal's policy.
				what = msg.P(mStepWrongPasswordAfter, i, loginAttempts, i-1)
			}
			return fromErr(what, err).At(check.Redact(pageURL)).With(ev...)
		}
		if resp == nil { // the refreshed form now has a CAPTCHA
			if i == 1 {
				return check.Pass(mRateCaptchaFirst).At(check.Redact(pageURL))
			}
			return check.Pass(mRateCaptchaAfter, i-1).With(ev...)
		}
		ev = append(ev, scoring.Evidence{Request: resp.Method + " " + check.Redact(resp.URL), Status: resp.StatusCode}.Noted(mNoteFailedLogin, i))
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusLocked || resp.Header.Get("Retry-After") != "" {
			return check.Pass(mRateStatus, i, resp.StatusCode, retryAfter(resp)).With(ev...)
		}
		if resp.StatusCode >= 500 {
			return check.Error(mRateServerError, i, loginAttempts, resp.StatusCode).
				At(check.Redact(pageURL)).With(ev...)
		}
		if first == nil {
			first = resp
			continue
		}
		if w := newThrottleWord(first.Body, resp.Body); w != "" {
			return check.Pass(mRateMessage, i, w).With(ev...)
		}
	}
	return check.Fail(mRateFail, loginAttempts, first.StatusCode).
		Saw(msg.P(mRateFailGot, loginAttempts), msg.P(mRateWant)).At(check.Redact(pageURL)).With(ev...)
}

// formGone is the error of a refreshed login page without its login form.
type formGone struct {
	page *check.Response
}

func (e *formGone) Error() string {
	return fmt.Sprintf("the login form is gone from %s (status %d) without a lockout message", check.Redact(e.page.FinalURL), e.page.StatusCode)
}

// offHostForm is the error of a login form whose action leads to a host out of scope.
type offHostForm struct {
	host, method, action, path string
}

func (e *offHostForm) Error() string {
	return fmt.Sprintf("the login form %ss to %s, another host (not submitted)", e.method, e.host)
}

// inScope reports whether a form may be submitted to u: the session's scope (the target's
// origin, its HTTP↔HTTPS pair, the hosts the run names); the transport refuses the rest anyway.
func inScope(s *check.Session, u *url.URL) bool { return s.InScope(u) }

// retryAfter is the part of a message naming the response's Retry-After ("" when none).
func retryAfter(r *check.Response) msg.List {
	if v := r.Header.Get("Retry-After"); v != "" {
		return msg.List{Items: []msg.Phrase{msg.P(mRateRetryAfter, v)}}
	}
	return msg.List{}
}

func newThrottleWord(first, now []byte) string {
	f, n := htmlx.Fold(string(first)), htmlx.Fold(string(now))
	for _, w := range throttleWords {
		if htmlx.FoldedContains(n, w) && !htmlx.FoldedContains(f, w) {
			return w
		}
	}
	return ""
}

// loginForm returns the first password form that logs in (not registration).
func loginForm(doc *html.Node) *html.Node {
	for _, f := range passwordForms(doc) {
		if !f.registration && f.passwords == 1 {
			return f.node
		}
	}
	return nil
}

// submitWrongPassword fetches the login page with b, fills its login form with user and a wrong
// password and submits it. It returns a nil response (and no error) when the form has grown a
// CAPTCHA field.
func submitWrongPassword(ctx context.Context, s *check.Session, b *check.Browser, pageURL, user string) (*check.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, pageURL, nil)
	if err != nil {
		return nil, err
	}
	page, err := s.Fetch(ctx, b, req)
	if err != nil {
		return nil, err
	}
	doc, err := page.HTML()
	if err != nil {
		return nil, err
	}
	form := loginForm(doc)
	if form == nil {
		return nil, &formGone{page: page}
	}
	vals := url.Values{}
	userSet := false
	for _, in := range htmlx.All(form, "input", "select", "textarea") {
		name, _ := htmlx.Attr(in, "name")
		if name == "" {
			continue
		}
		t, _ := htmlx.Attr(in, "type")
		t = strings.ToLower(t)
		v, _ := htmlx.Attr(in, "value")
		if strings.Contains(htmlx.Fold(name), "captcha") {
			return nil, nil
		}
		switch {
		case t == "password":
			vals.Set(name, "Sai-"+randHex(6))
		case t == "hidden":
			vals.Set(name, v)
		case t == "submit" || t == "button" || t == "image" || t == "reset" || t == "file":
		case t == "checkbox" || t == "radio":
		case !userSet && (t == "" || t == "text" || t == "email" || t == "tel" || t == "number"):
			vals.Set(name, user)
			userSet = true
		default:
			vals.Set(name, v)
		}
	}
	if htmlx.First(form, "div") != nil {
		for _, n := range htmlx.All(form, "div") {
			if c, _ := htmlx.Attr(n, "class"); strings.Contains(c, "g-recaptcha") || strings.Contains(c, "h-captcha") {
				return nil, nil
			}
		}
	}
	action, _ := htmlx.Attr(form, "action")
	base, _ := url.Parse(page.FinalURL)
	ref, err := url.Parse(strings.TrimSpace(action))
	if err != nil {
		return nil, msg.Wrap(msg.P(mStepFormAction, action), err)
	}
	target := base.ResolveReference(ref)
	method, _ := htmlx.Attr(form, "method")
	if (target.Scheme != "http" && target.Scheme != "https") || !inScope(s, target) {
		m := http.MethodPost
		if strings.EqualFold(strings.TrimSpace(method), "get") {
			m = http.MethodGet
		}
		host := target.Host
		if host == "" {
			host = "a " + target.Scheme + ": URL"
		}
		return nil, &offHostForm{host: host, method: m, action: target.String(), path: htmlx.Path(form)}
	}
	var sub *http.Request
	if strings.EqualFold(method, "get") {
		target.RawQuery = vals.Encode()
		sub, err = http.NewRequestWithContext(ctx, http.MethodGet, target.String(), nil)
	} else {
		sub, err = http.NewRequestWithContext(ctx, http.MethodPost, target.String(), strings.NewReader(vals.Encode()))
		if sub != nil {
			sub.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
	}
	if err != nil {
		return nil, err
	}
	return s.Fetch(ctx, b, sub)
}

func randHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// maxLoginPages bounds the linked pages P06-SEC-19 reads looking for a password login.
const maxLoginPages = 4

// findPasswordLogin returns the URL of the first page with a local password login form, looking
// at the login entry, the home page and the same-host pages they link to with a login label, and
// how many pages it read.
func findPasswordLogin(ctx context.Context, s *check.Session, refs ...string) (string, int) {
	seen := map[string]bool{}
	read := 0
	queue := append([]string(nil), refs...)
	for i := 0; i < len(queue) && read < len(refs)+maxLoginPages; i++ {
		if queue[i] == "" {
			continue
		}
		abs, err := s.Resolve(queue[i])
		if err != nil || seen[abs] {
			continue
		}
		seen[abs] = true
		p, err := s.Page(ctx, abs)
		if err != nil || p.Doc == nil {
			continue
		}
		read++
		if loginForm(p.Doc) != nil {
			return p.FinalURL, read
		}
		if i >= len(refs) {
			continue // links are followed from the entry pages only
		}
		for _, l := range htmlx.Links(p.Doc, p.FinalURL) {
			text := l.Folded()
			if !htmlx.FoldedContains(text, "dang nhap") && !htmlx.FoldedContains(text, "login") && !htmlx.FoldedContains(text, "sign in") {
				continue
			}
			if l.OnHost(s.Base().Hostname()) {
				queue = append(queue, l.URL.String())
			}
		}
	}
	return "", read
}
