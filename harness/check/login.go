package check

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/scoring"
)

// Login returns a new browser logged in to the portal as who: through the adapter's Login when
// the adapter implements it, otherwise through the fake national SSO (Target.SSO) with
// [Session.LoginSSO], as a browser would.
func (s *Session) Login(ctx context.Context, who ident.Person) (*Browser, error) {
	if l, ok := s.target.Portal.(Login); ok {
		b := s.ssoBrowser()
		b.Citizen = who
		if err := l.Login(ctx, b, who); err != nil {
			return nil, fmt.Errorf("logging in as %s through the adapter: %w", Redact(who.ID), err)
		}
		return b, nil
	}
	if s.target.SSO == nil {
		return nil, &NotImplementedError{Method: "Login.Login (or a Target.SSO fake to log in through)"}
	}
	b, _, err := s.LoginSSO(ctx, who, ssotest.Normal)
	return b, err
}

// LoginTrace records a login through the fake national SSO, for checks and evidence.
type LoginTrace struct {
	// Start is where the login began: the profile's Login entry, or the URL the adapter's
	// BeginLogin returned.
	Start string
	// Chain is every URL the browser visited, in order, redirects included.
	Chain []string
	// Authorize is the authorization request the portal sent the browser to the SSO with, or
	// nil when the browser never reached the SSO's authorization endpoint.
	Authorize *url.URL
	// Flow is the ID of the fake's audit record of this login (ssotest.Server.Flow).
	Flow string
	// Callback is the URL the SSO sent the browser back to, with code and state.
	Callback *url.URL
	// Final is the portal's response to the callback after its redirects; nil when the
	// adapter's CompleteLogin delivered the callback.
	Final *Response
	// PreLogin are the portal's cookies the browser held when the SSO sent it back (names and
	// values, as the cookie jar keeps them for the callback URL): what an attacker who planted
	// a session ID before the login would know. Nil when the flow did not reach the callback.
	PreLogin []*http.Cookie
	// SetCookies are the Set-Cookie lines the portal's responses sent the browser during the
	// login, in order, with the URL of each response (redirects included).
	SetCookies []SetCookie
}

// SetCookie is one Set-Cookie header line a response of the portal sent a browser.
type SetCookie struct {
	// URL is the URL of the request the response answered (not redacted).
	URL string
	// Line is the header's value, attributes included.
	Line string
}

// SetCookies returns the Set-Cookie lines the portal's responses sent b so far, in order: every
// response, redirects included, that b received through a client the session made for it
// (Session.Login, LoginSSO). Nil for a browser the session did not make.
func (b *Browser) SetCookies() []SetCookie {
	if b == nil || b.cookies == nil {
		return nil
	}
	return b.cookies.all()
}

// cookieLog records the Set-Cookie lines a browser receives; safe for concurrent use.
type cookieLog struct {
	mu    sync.Mutex
	lines []SetCookie
}

func (l *cookieLog) all() []SetCookie {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]SetCookie(nil), l.lines...)
}

// cookieRecorder records the Set-Cookie lines of every response it passes on.
type cookieRecorder struct {
	next http.RoundTripper
	log  *cookieLog
}

func (c *cookieRecorder) RoundTrip(r *http.Request) (*http.Response, error) {
	next := c.next
	if next == nil {
		next = http.DefaultTransport
	}
	resp, err := next.RoundTrip(r)
	if resp != nil {
		if lines := resp.Header.Values("Set-Cookie"); len(lines) > 0 {
			c.log.mu.Lock()
			for _, l := range lines {
				c.log.lines = append(c.log.lines, SetCookie{URL: r.URL.String(), Line: l})
			}
			c.log.mu.Unlock()
		}
	}
	return resp, err
}

// Evidence describes the login's redirect chain with codes, states and tokens masked.
func (t *LoginTrace) Evidence() []scoring.Evidence {
	if t == nil {
		return nil
	}
	var ev []scoring.Evidence
	for i, u := range t.Chain {
		if i > 0 && u == t.Chain[i-1] {
			continue
		}
		ev = append(ev, scoring.Evidence{Request: "GET " + maskURL(u)})
	}
	if t.Final != nil {
		ev = append(ev, scoring.Evidence{Request: "GET " + maskURL(t.Final.FinalURL), Status: t.Final.StatusCode,
			Note: "the portal's answer to the SSO's callback"})
	}
	return ev
}

// loginSecrets are query parameters whose values never go into evidence.
var loginSecrets = []string{"code", "state", "nonce", "code_challenge", "code_verifier", "id_token_hint",
	"access_token", "id_token", "sessionDataKey", "token"}

func maskURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return Redact(raw)
	}
	q := u.Query()
	changed := false
	for _, p := range loginSecrets {
		if v := q.Get(p); v != "" {
			q.Set(p, "[redacted]")
			changed = true
		}
	}
	if changed {
		u.RawQuery = strings.ReplaceAll(q.Encode(), "%5Bredacted%5D", "[redacted]")
	}
	return Redact(u.String())
}

// ErrLoginFlow is wrapped when the browser flow through the fake SSO could not be completed:
// the login entry did not lead to the SSO, the SSO refused the portal's request, the callback
// failed.
var ErrLoginFlow = errors.New("login through the national SSO failed")

// LoginSSO logs who in through the fake national SSO (Target.SSO) as a browser would, with the
// fake misbehaving as mode for this login only, and returns the browser and the trace. It does
// not judge whether the portal accepted the login: callers ask the portal (WhoAmI). A citizen
// the fake does not know is added to its accounts first.
//
// The browser begins at the adapter's BeginLogin URL, or else at the profile's Login entry,
// following redirects and, when a page stands in the way, up to two links or forms that lead to
// the SSO or are labelled VNeID / "Dịch vụ công quốc gia" / "Đăng nhập", until it reaches the
// fake's login page; it logs in there, then visits the callback (or hands it to the adapter's
// CompleteLogin). Requests to the fake are not subject to the GET-only policy; requests to the
// portal are GETs, except a login form that posts (ASP.NET's external-login button), which is
// submitted only with active checks enabled — otherwise the error wraps a NotImplementedError
// naming BeginLogin, so that checks report not_tested.
func (s *Session) LoginSSO(ctx context.Context, who ident.Person, mode ssotest.Mode) (*Browser, *LoginTrace, error) {
	return s.loginSSO(ctx, who, mode, "")
}

// LoginSSOAt is LoginSSO beginning at the portal URL start (absolute, or relative to the base
// URL) instead of the adapter's BeginLogin or the profile's Login entry: a login entry with
// parameters of the check's choosing, such as a return URL.
func (s *Session) LoginSSOAt(ctx context.Context, who ident.Person, mode ssotest.Mode, start string) (*Browser, *LoginTrace, error) {
	if start == "" {
		return nil, nil, fmt.Errorf("%w: LoginSSOAt needs a start URL", ErrLoginFlow)
	}
	return s.loginSSO(ctx, who, mode, start)
}

func (s *Session) loginSSO(ctx context.Context, who ident.Person, mode ssotest.Mode, start string) (*Browser, *LoginTrace, error) {
	sso := s.target.SSO
	if sso == nil {
		return nil, nil, fmt.Errorf("logging in through the national SSO: %w", ErrNoFake)
	}
	b := s.ssoBrowser()
	b.Citizen = who
	tr := &LoginTrace{Start: start}
	bl, begins := s.target.Portal.(BeginLogin)
	switch {
	case start != "": // the check chose where the login begins
	case begins:
		start, err := bl.BeginLogin(ctx, b)
		if err != nil {
			return nil, tr, fmt.Errorf("%w: the adapter's BeginLogin: %v", ErrLoginFlow, err)
		}
		tr.Start = start
	default:
		prof, err := s.Profile(ctx)
		if err != nil {
			return nil, tr, fmt.Errorf("%w: resolving the profile: %v", ErrLoginFlow, err)
		}
		if prof.Login == "" {
			return nil, tr, &NotImplementedError{Method: "BeginLogin.BeginLogin (or a profile Login entry, which discovery did not find)"}
		}
		tr.Start = prof.Login
	}
	flow, err := s.reachSSO(ctx, b, tr)
	if err != nil {
		return nil, tr, err
	}
	tr.Flow = flow
	if _, known := sso.Account(who.ID); !known && who.ID != "" {
		// A citizen another check made up (a synthetic person of its own): give them an account,
		// as the national SSO would have one for every citizen.
		sso.AddAccount(who)
	}
	cb, err := sso.Authenticate(ctx, b.Client, flow, who, mode)
	if err != nil {
		return nil, tr, fmt.Errorf("%w: at the SSO's login page: %v", ErrLoginFlow, err)
	}
	tr.Callback = cb
	tr.Chain = append(tr.Chain, cb.String())
	if b.Client.Jar != nil {
		tr.PreLogin = b.Client.Jar.Cookies(cb)
	}
	if cl, ok := s.target.Portal.(CompleteLogin); ok {
		err := cl.CompleteLogin(ctx, b, cb.String())
		tr.SetCookies = b.SetCookies()
		if err != nil {
			return b, tr, fmt.Errorf("%w: the adapter's CompleteLogin: %v", ErrLoginFlow, err)
		}
		return b, tr, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, cb.String(), nil)
	if err != nil {
		return nil, tr, fmt.Errorf("%w: callback URL: %v", ErrLoginFlow, err)
	}
	resp, err := s.Fetch(ctx, b, req)
	if resp != nil {
		tr.Final = resp
		tr.Chain = append(tr.Chain, resp.Redirects...)
		// Where the browser lands after the callback is a URL it visited too (a token or an
		// identification number in it is in the browser's history and Referer).
		tr.Chain = append(tr.Chain, resp.FinalURL)
	}
	tr.SetCookies = b.SetCookies()
	if err != nil {
		return b, tr, fmt.Errorf("%w: visiting the callback: %v", ErrLoginFlow, err)
	}
	return b, tr, nil
}

// reachSSO follows the login entry to the fake's login page and returns the flow ID.
func (s *Session) reachSSO(ctx context.Context, b *Browser, tr *LoginTrace) (string, error) {
	sso := s.target.SSO
	abs, err := s.Resolve(tr.Start)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrLoginFlow, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, abs, nil)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrLoginFlow, err)
	}
	for hop := 0; hop < 3; hop++ {
		resp, err := s.Fetch(ctx, b, req)
		if resp != nil {
			tr.Chain = append(tr.Chain, resp.Redirects...)
			tr.Chain = append(tr.Chain, resp.FinalURL)
		}
		for _, u := range tr.Chain {
			if pu, perr := url.Parse(u); perr == nil && tr.Authorize == nil && sameHost(pu.Host, sso.URL) && pu.Path == ssotest.AuthorizePath {
				tr.Authorize = pu
			}
		}
		if err != nil {
			return "", fmt.Errorf("%w: following the login entry: %v", ErrLoginFlow, err)
		}
		final, _ := url.Parse(resp.FinalURL)
		if id, ok := sso.FlowID(final); ok {
			return id, nil
		}
		if tr.Authorize != nil {
			return "", s.refused(tr, final)
		}
		e := ssoEntry(resp, sso.URL)
		if e == nil {
			return "", fmt.Errorf("%w: the login entry %s led to %s (status %d), not to the national SSO, and no link or form on it leads there",
				ErrLoginFlow, maskURL(tr.Start), maskURL(resp.FinalURL), resp.StatusCode)
		}
		if e.method == http.MethodPost && !s.cfg.Active && !sameHost(e.target(final).Host, sso.URL) {
			return "", fmt.Errorf("%w: the login entry %s starts the SSO login with a form post, which the harness sends only with active checks enabled; enable them or implement BeginLogin.BeginLogin: %w",
				ErrLoginFlow, maskURL(resp.FinalURL), &NotImplementedError{Method: "BeginLogin.BeginLogin"})
		}
		req, err = e.request(ctx, final)
		if err != nil {
			return "", fmt.Errorf("%w: %v", ErrLoginFlow, err)
		}
	}
	return "", fmt.Errorf("%w: the login entry %s did not reach the national SSO within 3 pages", ErrLoginFlow, maskURL(tr.Start))
}

// refused explains why the browser passed the SSO's authorization endpoint without staying at
// its login page.
func (s *Session) refused(tr *LoginTrace, final *url.URL) error {
	sso := s.target.SSO
	f := sso.Flows()
	reason := ""
	for i := len(f) - 1; i >= 0; i-- {
		if f[i].Request.State != tr.Authorize.Query().Get("state") {
			continue
		}
		if f[i].Request.Error != "" {
			reason = f[i].Request.Error
			break
		}
		if f[i].Account != "" {
			return fmt.Errorf("%w: the fake SSO logged %s in without showing its login page (SetAutoLogin is on); the harness needs the login page to choose the account and the misbehaviour",
				ErrLoginFlow, Redact(f[i].Account))
		}
	}
	if reason == "" && final != nil {
		reason = final.Query().Get("error") + " " + final.Query().Get("error_description")
	}
	reason = strings.TrimSpace(reason)
	if strings.Contains(reason, "code_challenge is required") {
		reason += " (P06-AUTH-01 reports it; set PKCEOptional on the ssotest.Server to assess the rest of the login)"
	}
	if strings.Contains(reason, "state is required") || strings.Contains(reason, "nonce is required") {
		reason += " (P06-AUTH-01 reports it; set StateNonceOptional on the ssotest.Server to assess the rest of the login)"
	}
	return fmt.Errorf("%w: the national SSO refused the portal's authorization request: %s", ErrLoginFlow, reason)
}

func sameHost(host, rawURL string) bool {
	u, err := url.Parse(rawURL)
	return err == nil && strings.EqualFold(u.Host, host)
}

// entry is how a login page sends the citizen on to the national SSO: a link, or a form.
type entry struct {
	method string
	href   string
	form   url.Values
}

func (e *entry) target(base *url.URL) *url.URL {
	ref, err := url.Parse(e.href)
	if err != nil || base == nil {
		return &url.URL{}
	}
	return base.ResolveReference(ref)
}

func (e *entry) request(ctx context.Context, base *url.URL) (*http.Request, error) {
	u := e.target(base)
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("the login link %q is not an http(s) URL", e.href)
	}
	if e.method == http.MethodPost {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), strings.NewReader(e.form.Encode()))
		if err == nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		return req, err
	}
	if e.form != nil {
		u.RawQuery = e.form.Encode()
	}
	return http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
}

// ssoLink is the href of the link ssoEntry picks, or "" (for tests).
func ssoLink(resp *Response, ssoURL string) string {
	if e := ssoEntry(resp, ssoURL); e != nil && e.form == nil {
		return e.href
	}
	return ""
}

// ssoEntry finds, on an HTML page, how a citizen would go on to log in with the national SSO:
// a link pointing at the SSO itself, else a link whose text names VNeID, the national portal's
// account or "Đăng nhập", else a form whose button says so (ASP.NET's external-login form).
func ssoEntry(resp *Response, ssoURL string) *entry {
	if ct := resp.Header.Get("Content-Type"); ct != "" && !strings.Contains(ct, "html") {
		return nil
	}
	doc, err := resp.HTML()
	if err != nil {
		return nil
	}
	labelled := func(text string) bool {
		t := strings.ToLower(text)
		return strings.Contains(t, "vneid") || strings.Contains(t, "dịch vụ công quốc gia") ||
			strings.Contains(t, "dvcqg") || strings.Contains(t, "đăng nhập")
	}
	var byHost, byText string
	var form *entry
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 256 {
			return
		}
		if n.Type == html.ElementNode && n.Data == "a" {
			href := strings.TrimSpace(lattr(n, "href"))
			if href != "" && !strings.HasPrefix(href, "#") && !strings.HasPrefix(strings.ToLower(href), "javascript:") {
				if u, err := url.Parse(href); err == nil && u.Host != "" && sameHost(u.Host, ssoURL) && byHost == "" {
					byHost = href
				}
				if byText == "" && labelled(nodeText(n)) {
					byText = href
				}
			}
		}
		if n.Type == html.ElementNode && n.Data == "form" && form == nil && !hasPassword(n) && labelled(formButtons(n)) {
			method := http.MethodGet
			if strings.EqualFold(lattr(n, "method"), "post") {
				method = http.MethodPost
			}
			form = &entry{method: method, href: strings.TrimSpace(lattr(n, "action")), form: formValues(n)}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	switch {
	case byHost != "":
		return &entry{method: http.MethodGet, href: byHost}
	case byText != "":
		return &entry{method: http.MethodGet, href: byText}
	}
	return form
}

func lattr(n *html.Node, key string) string { v, _ := attrOK(n, key); return v }

// elements returns the element nodes under n (bounded depth).
func elements(n *html.Node, f func(*html.Node)) {
	var walk func(*html.Node, int)
	walk = func(n *html.Node, d int) {
		if d > 128 {
			return
		}
		if n.Type == html.ElementNode {
			f(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, d+1)
		}
	}
	walk(n, 0)
}

func hasPassword(form *html.Node) bool {
	found := false
	elements(form, func(e *html.Node) {
		if e.Data == "input" && strings.EqualFold(lattr(e, "type"), "password") {
			found = true
		}
	})
	return found
}

// formButtons is the text of a form's submit buttons (and their name/value, which ASP.NET's
// external-login buttons use: name="provider" value="VNeID").
func formButtons(form *html.Node) string {
	var parts []string
	elements(form, func(e *html.Node) {
		t := strings.ToLower(lattr(e, "type"))
		if (e.Data == "button" && (t == "" || t == "submit")) || (e.Data == "input" && (t == "submit" || t == "image")) {
			parts = append(parts, nodeText(e), lattr(e, "value"), lattr(e, "title"), lattr(e, "alt"))
		}
	})
	return strings.Join(parts, " ")
}

// formValues are the values a browser submits: hidden and other named inputs, and the first
// submit button's name and value.
func formValues(form *html.Node) url.Values {
	v := url.Values{}
	button := false
	elements(form, func(e *html.Node) {
		name := lattr(e, "name")
		if name == "" {
			return
		}
		t := strings.ToLower(lattr(e, "type"))
		switch {
		case e.Data == "button" || t == "submit":
			if !button {
				v.Set(name, lattr(e, "value"))
				button = true
			}
		case e.Data == "input" && (t == "checkbox" || t == "radio"):
			if _, ok := attrOK(e, "checked"); ok {
				v.Add(name, lattr(e, "value"))
			}
		case e.Data == "input":
			v.Add(name, lattr(e, "value"))
		}
	})
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

func nodeText(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node, int)
	walk = func(n *html.Node, d int) {
		if d > 64 || sb.Len() > 512 {
			return
		}
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "title" || a.Key == "aria-label" || a.Key == "alt" {
					sb.WriteString(" " + a.Val + " ")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, d+1)
		}
	}
	walk(n, 0)
	return strings.Join(strings.Fields(sb.String()), " ")
}

// ssoBrowser is a fresh browser whose requests to the fake SSO go through a transport that trusts
// the fake's certificate; everything else goes through the session's bounded transport.
// The browser records the Set-Cookie lines of the portal's responses ([Browser.SetCookies]), not
// of the fake SSO's.
func (s *Session) ssoBrowser() *Browser {
	b := s.NewBrowser()
	b.cookies = &cookieLog{}
	rec := &cookieRecorder{next: b.Client.Transport, log: b.cookies}
	c := *b.Client
	c.Transport = rec
	if s.target.SSO != nil && s.target.SSO.URL != "" {
		host := ""
		if u, err := url.Parse(s.target.SSO.URL); err == nil {
			host = u.Host
		}
		c.Transport = &splitTransport{host: host, sso: s.target.SSO.Client().Transport, rest: rec}
	}
	b.Client = &c
	return b
}

type splitTransport struct {
	host      string
	sso, rest http.RoundTripper
}

func (t *splitTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.EqualFold(r.URL.Host, t.host) {
		return t.sso.RoundTrip(r)
	}
	rest := t.rest
	if rest == nil {
		rest = http.DefaultTransport
	}
	return rest.RoundTrip(r)
}
