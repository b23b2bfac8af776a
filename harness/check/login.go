package check

import (
	"net/http"
	"net/url"
	"sync"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/redact"
	"github.com/p06kit/p06kit/scoring"
)

// SSOMode is how the fake national SSO misbehaves for one login: an ssotest.Mode (ssotest.Normal,
// ssotest.BadSignature, …); String is its name, as ssotest.ParseMode reads it.
type SSOMode interface{ String() string }

// RecordSetCookies returns a copy of b whose client records the Set-Cookie lines of the
// responses it receives, for Browser.SetCookies. The session's login automation makes its
// browsers with it.
func RecordSetCookies(b *Browser) *Browser {
	out := *b
	out.cookies = &cookieLog{}
	c := *b.Client
	c.Transport = &cookieRecorder{next: c.Transport, log: out.cookies}
	out.Client = &c
	return &out
}

// ErrLoginFlow is wrapped when the browser flow through the fake SSO could not be completed:
// the login entry did not lead to the SSO, the SSO refused the portal's request, the callback
// failed.
var ErrLoginFlow = msg.Error(msg.New("check.err.login-flow", "login through the national SSO failed", "đăng nhập qua SSO quốc gia không thành công"))

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
		ev = append(ev, scoring.Evidence{Request: "GET " + maskURL(t.Final.FinalURL), Status: t.Final.StatusCode}.
			Noted(mCallbackAnswer))
	}
	return ev
}

func maskURL(raw string) string { return redact.LoginURL(raw) }
