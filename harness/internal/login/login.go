// Package login logs a simulated citizen in to the portal under assessment: through the vendor's
// adapter (check.Login) when it has one, otherwise through the fake national SSO
// (ssotest.Server) as a browser would, following the portal's login entry, links and forms to
// the fake's login page and back. check.Session's Login, LoginSSO and LoginSSOAt run it.
package login

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/internal/redact"
)

// Login returns a new browser logged in to the portal as who: through the adapter's Login when
// the adapter implements it, otherwise through the fake national SSO (Target.SSO) with
// [Session.LoginSSO], as a browser would.
func Login(ctx context.Context, s *check.Session, who ident.Person) (*check.Browser, error) {
	if l, ok := s.Target().Portal.(check.Login); ok {
		b := ssoBrowser(s)
		b.Citizen = who
		if err := l.Login(ctx, b, who); err != nil {
			return nil, msg.Error(mErrAdapter, check.Redact(who.ID), err)
		}
		return b, nil
	}
	if ssoOf(s) == nil {
		return nil, msg.Error(mErrNoLoginWay, &check.NotImplementedError{Method: "Login.Login"})
	}
	b, _, err := SSO(ctx, s, who, ssotest.Normal, "")
	return b, err
}

func SSO(ctx context.Context, s *check.Session, who ident.Person, m check.SSOMode, start string) (*check.Browser, *check.LoginTrace, error) {
	sso := ssoOf(s)
	if sso == nil {
		return nil, nil, msg.Error(mErrNoSSO, check.ErrNoFake)
	}
	b := ssoBrowser(s)
	b.Citizen = who
	tr := &check.LoginTrace{Start: start}
	bl, begins := s.Target().Portal.(check.BeginLogin)
	switch {
	case start != "": // the check chose where the login begins
	case begins:
		start, err := bl.BeginLogin(ctx, b)
		if err != nil {
			return nil, tr, flowErr(msg.P(mStepBeginLogin), err)
		}
		tr.Start = start
	default:
		prof, err := s.Profile(ctx)
		if err != nil {
			return nil, tr, flowErr(msg.P(check.StepProfile), err)
		}
		if prof.Login == "" {
			return nil, tr, msg.Error(mErrNoLoginEntry, &check.NotImplementedError{Method: "BeginLogin.BeginLogin"})
		}
		tr.Start = prof.Login
	}
	mode, err := modeOf(m)
	if err != nil {
		return nil, nil, msg.Error(mErrCause, check.ErrLoginFlow, quoted(err))
	}
	flow, err := reachSSO(ctx, s, sso, b, tr)
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
		return nil, tr, flowErr(msg.P(mStepSSOPage), err)
	}
	tr.Callback = cb
	tr.Chain = append(tr.Chain, cb.String())
	if b.Client.Jar != nil {
		tr.PreLogin = b.Client.Jar.Cookies(cb)
	}
	if cl, ok := s.Target().Portal.(check.CompleteLogin); ok {
		err := cl.CompleteLogin(ctx, b, cb.String())
		tr.SetCookies = b.SetCookies()
		if err != nil {
			return b, tr, flowErr(msg.P(mStepCompleteLogin), err)
		}
		return b, tr, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, cb.String(), nil)
	if err != nil {
		return nil, tr, flowErr(msg.P(mStepCallbackURL), err)
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
		return b, tr, flowErr(msg.P(mStepCallback), err)
	}
	return b, tr, nil
}

// reachSSO follows the login entry to the fake's login page and returns the flow ID.
func reachSSO(ctx context.Context, s *check.Session, sso *ssotest.Server, b *check.Browser, tr *check.LoginTrace) (string, error) {
	abs, err := s.Resolve(tr.Start)
	if err != nil {
		return "", msg.Error(mErrCause, check.ErrLoginFlow, quoted(err))
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, abs, nil)
	if err != nil {
		return "", msg.Error(mErrCause, check.ErrLoginFlow, quoted(err))
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
			return "", msg.Error(mErrFollowing, check.ErrLoginFlow, quoted(err))
		}
		final, _ := url.Parse(resp.FinalURL)
		if id, ok := sso.FlowID(final); ok {
			return id, nil
		}
		if tr.Authorize != nil {
			return "", refused(sso, tr, final)
		}
		e := ssoEntry(resp, sso.URL)
		if e == nil {
			return "", msg.Error(mErrNoSSOLink,
				check.ErrLoginFlow, redact.LoginURL(tr.Start), redact.LoginURL(resp.FinalURL), resp.StatusCode)
		}
		if e.method == http.MethodPost && !s.Config().Active && !sameHost(e.target(final).Host, sso.URL) {
			return "", msg.Error(mErrFormPost,
				check.ErrLoginFlow, redact.LoginURL(resp.FinalURL), &check.NotImplementedError{Method: "BeginLogin.BeginLogin"})
		}
		req, err = e.request(ctx, final)
		if err != nil {
			return "", msg.Error(mErrCause, check.ErrLoginFlow, quoted(err))
		}
	}
	return "", msg.Error(mErrTooDeep, check.ErrLoginFlow, redact.LoginURL(tr.Start))
}

// refused explains why the browser passed the SSO's authorization endpoint without staying at
// its login page.
func refused(sso *ssotest.Server, tr *check.LoginTrace, final *url.URL) error {
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
			return msg.Error(mErrAutoLogin,
				check.ErrLoginFlow, check.Redact(f[i].Account))
		}
	}
	if reason == "" && final != nil {
		reason = final.Query().Get("error") + " " + final.Query().Get("error_description")
	}
	reason = strings.TrimSpace(reason)
	var pkce, stateNonce msg.Phrase // empty unless the reason calls for them
	if strings.Contains(reason, "code_challenge is required") {
		pkce = msg.P(mHintPKCE)
	}
	if strings.Contains(reason, "state is required") || strings.Contains(reason, "nonce is required") {
		stateNonce = msg.P(mHintStateNonce)
	}
	return msg.Error(mErrRefused, check.ErrLoginFlow, reason, pkce, stateNonce)
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
		return nil, msg.Error(mErrLoginLink, e.href)
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
func ssoLink(resp *check.Response, ssoURL string) string {
	if e := ssoEntry(resp, ssoURL); e != nil && e.form == nil {
		return e.href
	}
	return ""
}

// ssoEntry finds, on an HTML page, how a citizen would go on to log in with the national SSO:
// a link pointing at the SSO itself, else a link whose text names VNeID, the national portal's
// account or "Đăng nhập", else a form whose button says so (ASP.NET's external-login form).
func ssoEntry(resp *check.Response, ssoURL string) *entry {
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
func ssoBrowser(s *check.Session) *check.Browser {
	b := check.RecordSetCookies(s.NewBrowser())
	if sso := ssoOf(s); sso != nil && sso.URL != "" {
		host := ""
		if u, err := url.Parse(sso.URL); err == nil {
			host = u.Host
		}
		c := *b.Client
		c.Transport = &splitTransport{host: host, sso: sso.Client().Transport, rest: c.Transport}
		b.Client = &c
	}
	return b
}

// ssoOf is the target's fake SSO, nil when it has none.
func ssoOf(s *check.Session) *ssotest.Server {
	sso, _ := s.Target().SSO.(*ssotest.Server)
	return sso
}

// modeOf is the ssotest mode m names (nil is ssotest.Normal).
func modeOf(m check.SSOMode) (ssotest.Mode, error) {
	switch m := m.(type) {
	case nil:
		return ssotest.Normal, nil
	case ssotest.Mode:
		return m, nil
	}
	return ssotest.ParseMode(m.String())
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
