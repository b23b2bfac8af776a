package headers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/fakes"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/scoring"
)

// judgeCookie lists what is wrong with one cookie set over https (or not).
func judgeCookie(c Cookie, https bool) (p []msg.Phrase) {
	if !c.Secure {
		if https {
			p = append(p, msg.P(mCookieNotSecure))
		} else {
			p = append(p, msg.P(mCookieNotSecureHTTP))
		}
	}
	if c.IsSession() && !c.HttpOnly {
		p = append(p, msg.P(mCookieNoHttpOnly))
	}
	// Cookie prefixes (RFC 6265bis §4.1.3): browsers reject cookies that break them.
	switch {
	case strings.HasPrefix(c.Name, "__Host-") && (!c.Secure || c.Path != "/" || c.Domain != ""):
		p = append(p, msg.P(mCookieHostPrefix))
	case strings.HasPrefix(c.Name, "__Secure-") && !c.Secure:
		p = append(p, msg.P(mCookieSecurePrefix))
	}
	switch {
	case c.SameSite == "":
		p = append(p, msg.P(mCookieNoSameSite))
	case !c.SameSiteValid:
		p = append(p, msg.P(mCookieBadSameSite, c.SameSite))
	case strings.EqualFold(c.SameSite, "none") && !c.Secure:
		p = append(p, msg.P(mCookieNoneNotSecure))
	}
	return p
}

// checkCookies judges P06-SEC-11 on the cookies the citizen pages set, and on those the portal
// sets while a citizen logs in (the session cookie is usually set only then): every cookie
// Secure, session cookies HttpOnly, every cookie with a valid SameSite. The HTTP Observatory
// does not require SameSite (it only rewards it); the criterion does.
//
// The login is made when the target can log in (Target.SSO, or an adapter implementing
// check.Login). When it cannot, the verdict rests on the anonymous pages and says so; when the
// login fails and no cookie seen is unsafe, the result is an error: the cookies set at login,
// which the requirement names, were not seen.
func checkCookies(ctx context.Context, s *check.Session) check.Result {
	want := msg.P(mCookiesWant)
	type seen struct {
		name, page string
		login      bool
		problems   []msg.Phrase
	}
	var cookies []seen
	keys := map[string]bool{}
	var pages, errs []string
	var ev []scoring.Evidence
	judge := func(line, page string, status int, login bool) {
		c, err := ParseSetCookie(line)
		if err != nil {
			ev = append(ev, scoring.Evidence{Request: "GET " + page, Status: status}.Noted(mNoteCookieIgnored, err))
			return
		}
		key := fmt.Sprint(c.Name, login)
		if keys[key] {
			return
		}
		keys[key] = true
		u, _ := url.Parse(page)
		probs := judgeCookie(c, u != nil && u.Scheme == "https")
		cookies = append(cookies, seen{name: c.Name, page: page, login: login, problems: probs})
		note := msg.P(mNoteCookie, c.Name, describeCookie(c))
		if login {
			note = msg.P(mNoteCookieAtLogin, note)
		}
		if len(probs) > 0 {
			note = msg.P(mNoteCookieFaults, note, commas(probs))
		}
		ev = append(ev, scoring.Evidence{Request: "GET " + page, Status: status}.Noted(msg.Verbatim, note))
	}
	for _, u := range CitizenPages(ctx, s) {
		p, err := s.Page(ctx, u)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", check.Redact(u), err))
			continue
		}
		pages = append(pages, p.FinalURL)
		// Cookies set by the responses that redirected to this page (a login entry that sets
		// its session cookie, then redirects) count too: the page's own response lacks them.
		lines := append(p.Header.Values("Set-Cookie"), hopCookies(ctx, s, p.Redirects)...)
		if len(lines) == 0 {
			ev = append(ev, scoring.Evidence{Request: "GET " + check.Redact(p.FinalURL), Status: p.StatusCode}.Noted(mNoteNoSetCookie))
		}
		for _, line := range lines {
			judge(line, check.Redact(p.FinalURL), p.StatusCode, false)
		}
	}
	if len(pages) == 0 {
		return check.Error(mCookiesNoneRead, strings.Join(errs, "; "))
	}
	login, tried, loginErr := loginCookies(ctx, s)
	for _, l := range login {
		judge(l.Line, noQuery(l.URL), 0, true)
	}
	var bad []msg.Phrase
	var at string
	for _, c := range cookies {
		if len(c.problems) == 0 {
			continue
		}
		by := msg.P(mCookieSetBy, c.page)
		if c.login {
			by = msg.P(mCookieSetAtLogin, c.page)
		}
		bad = append(bad, msg.P(mCookieBad, c.name, by, commas(c.problems)))
		if at == "" {
			at = c.page
		}
	}
	if len(bad) > 0 {
		list := msg.List{Items: bad}
		return check.Fail(mCookiesUnsafe, len(bad), len(cookies), list).
			Saw(msg.P(mCookiesUnsafeGot, list), want).At(at).With(ev...)
	}
	if loginErr != nil {
		// The error in the finding's language (a catalogue error renders in Vietnamese too), redacted.
		quote := func(lang string) string { return truncate(check.Redact(msg.Verbatim.Render(lang, loginErr)), 200) }
		return check.Error(mCookiesLoginError, len(cookies), len(pages), msg.Rendered{EN: quote(msg.EN), VI: quote(msg.VI)}).With(ev...)
	}
	scope := msg.P(mCookiesScope, len(pages))
	if !tried {
		scope = msg.P(mCookiesScopeAnon, len(pages))
	}
	if len(cookies) == 0 {
		return check.Pass(mCookiesNone, scope).Saw(msg.P(mCookiesNoneGot), want).With(ev...)
	}
	names := make([]string, 0, len(cookies))
	for _, c := range cookies {
		names = append(names, c.name)
	}
	sort.Strings(names)
	return check.Pass(mCookiesSafe, len(cookies), scope, strings.Join(names, ", ")).
		Saw(msg.P(mCookiesSafeGot), want).With(ev...)
}

// loginCookies logs a citizen in when the target can (an adapter's Login, or the fake national
// SSO) and returns the Set-Cookie lines the portal sent during the login; tried is false when
// the target cannot log in.
func loginCookies(ctx context.Context, s *check.Session) (lines []check.SetCookie, tried bool, err error) {
	t := s.Target()
	_, hasLogin := t.Portal.(check.Login)
	if !hasLogin && fakes.SSO(t) == nil {
		return nil, false, nil
	}
	who := loginCitizen(s)
	b, err := s.Login(ctx, who)
	if b != nil {
		lines = b.SetCookies()
	}
	if errors.Is(err, check.ErrNotImplemented) {
		// The login needs something the caller did not give (BeginLogin, active checks): the
		// anonymous pages are judged, and the message says the login was not.
		return lines, false, nil
	}
	return lines, true, err
}

// loginCitizen picks who SEC-11 logs in as: an account of the fake SSO that the identity checks
// are least likely to use (they prefer level-2 accounts), so that a portal allowing one session
// per citizen does not end theirs.
func loginCitizen(s *check.Session) ident.Person {
	t := s.Target()
	if fakes.SSO(t) != nil {
		acc := fakes.SSO(t).Accounts()
		for i := len(acc) - 1; i >= 0; i-- {
			if acc[i].Level != 2 {
				return acc[i]
			}
		}
		if len(acc) > 0 {
			return acc[len(acc)-1]
		}
	}
	if fakes.PopDB(t) != nil && len(fakes.PopDB(t).People) > 0 {
		return fakes.PopDB(t).People[len(fakes.PopDB(t).People)-1]
	}
	people := ident.DefaultPeople()
	return people[len(people)-1]
}

// noQuery is a URL without its query and fragment (a callback's code and state are secrets),
// redacted.
func noQuery(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return check.Redact(raw)
	}
	u.RawQuery, u.Fragment = "", ""
	return check.Redact(u.String())
}

// judgeCookies judges the cookies one response sets (the per-response view of P06-SEC-11).
func judgeCookies(p *check.Page) verdict {
	var bad []msg.Phrase
	var names []string
	for _, line := range p.Header.Values("Set-Cookie") {
		c, err := ParseSetCookie(line)
		if err != nil {
			continue
		}
		names = append(names, c.Name)
		if probs := judgeCookie(c, isHTTPS(p)); len(probs) > 0 {
			bad = append(bad, msg.P(mCookieResponseFaults, c.Name, commas(probs)))
		}
	}
	if len(bad) > 0 {
		return verdict{Fault: msg.P(mCookieResponseList, msg.List{Items: bad})}
	}
	if len(names) == 0 {
		return verdict{Note: msg.P(mNoteNoCookies)}
	}
	return verdict{Note: msg.P(mNoteCookiesSafe, strings.Join(names, ", "))}
}

// commas joins what is wrong with a cookie.
func commas(p []msg.Phrase) msg.List { return msg.List{Items: p, Sep: ", "} }

// maxHops bounds the redirect responses re-fetched for their cookies, per page.
const maxHops = 4

// hopCookies fetches, without following, each same-host URL of a redirect chain and returns the
// Set-Cookie values of the redirect responses.
func hopCookies(ctx context.Context, s *check.Session, hops []string) []string {
	var out []string
	c := &http.Client{Transport: s.Transport(), CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for i, h := range hops {
		if i == maxHops {
			break
		}
		u, err := url.Parse(h)
		if err != nil || !strings.EqualFold(u.Host, s.Base().Host) {
			continue
		}
		rctx, cancel := context.WithTimeout(ctx, s.Config().RequestTimeout)
		req, err := http.NewRequestWithContext(rctx, http.MethodGet, h, nil)
		if err != nil {
			cancel()
			continue
		}
		req.Header.Set("User-Agent", s.Config().UserAgent)
		resp, err := c.Do(req)
		if err == nil {
			out = append(out, resp.Header.Values("Set-Cookie")...)
			_, _ = io.CopyN(io.Discard, resp.Body, 64<<10)
			resp.Body.Close()
		}
		cancel()
	}
	return out
}

func describeCookie(c Cookie) msg.List {
	var a []msg.Phrase
	if c.Secure {
		a = append(a, msg.P(msg.Verbatim, "Secure"))
	}
	if c.HttpOnly {
		a = append(a, msg.P(msg.Verbatim, "HttpOnly"))
	}
	if c.SameSite != "" {
		a = append(a, msg.P(msg.Verbatim, "SameSite="+c.SameSite))
	}
	if c.Persistent {
		a = append(a, msg.P(mCookiePersistent))
	} else {
		a = append(a, msg.P(mCookieSessionLifetime))
	}
	if c.IsSession() {
		a = append(a, msg.P(mCookieTreatedAsSession))
	}
	return msg.List{Items: a}
}
