package login_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/ident"
)

// loginPortal is a minimal relying party for the browser flow: /entry is a page with a VNeID
// link to /go, which redirects to the SSO; /signin-oidc sets a session cookie.
func loginPortal(t *testing.T, sso *ssotest.Server, pkce bool) *httptest.Server {
	mux := http.NewServeMux()
	var srv *httptest.Server
	authorize := func() string {
		sum := sha256.Sum256([]byte(strings.Repeat("v", 43)))
		v := url.Values{"response_type": {"code"}, "client_id": {ssotest.DefaultClientID}, "redirect_uri": {srv.URL + "/signin-oidc"},
			"scope": {"openid"}, "state": {"s-123"}, "nonce": {"n-123"}}
		if pkce {
			v.Set("code_challenge", base64.RawURLEncoding.EncodeToString(sum[:]))
			v.Set("code_challenge_method", "S256")
		}
		return sso.URL + ssotest.AuthorizePath + "?" + v.Encode()
	}
	mux.HandleFunc("/entry", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`<html><body><a href="/tin-tuc">Tin tức</a><a href="/go"><img alt="Đăng nhập bằng VNeID"></a></body></html>`))
	})
	mux.HandleFunc("/nowhere", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`<html><body><a href="/tin-tuc">Tin tức</a></body></html>`))
	})
	mux.HandleFunc("/go", func(w http.ResponseWriter, r *http.Request) {
		// A cookie set before the login (a pre-login session, a state cookie).
		http.SetCookie(w, &http.Cookie{Name: "pre", Value: "p1", Path: "/"})
		http.Redirect(w, r, authorize(), http.StatusFound)
	})
	mux.HandleFunc("/form-get", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`<html><body><form action="/tim-kiem"><input name="q"><button>Tìm kiếm</button></form>
<form action="/go-form" method="get"><input type="hidden" name="returnUrl" value="/"><button type="submit">Đăng nhập với VNeID</button></form></body></html>`))
	})
	mux.HandleFunc("/form-post", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`<html><body><form action="/go-form" method="post"><input type="hidden" name="__RequestVerificationToken" value="t">
<button type="submit" name="provider" value="VNeID" title="Đăng nhập bằng tài khoản VNeID">VNeID</button></form></body></html>`))
	})
	mux.HandleFunc("/go-form", func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		if r.Form.Get("returnUrl") != "/" && r.Form.Get("provider") != "VNeID" {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		http.Redirect(w, r, authorize(), http.StatusFound)
	})
	mux.HandleFunc("/signin-oidc", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("error") != "" {
			http.Error(w, "login failed", http.StatusForbidden)
			return
		}
		http.SetCookie(w, &http.Cookie{Name: "sid", Value: r.URL.Query().Get("code"), Path: "/"})
		http.Redirect(w, r, "/trang-chu?lan=1", http.StatusFound)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("home")) })
	srv = httptest.NewTLSServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

type beginComplete struct {
	begin    string
	callback *string
}

func (a beginComplete) BeginLogin(context.Context, *check.Browser) (string, error) {
	return a.begin, nil
}
func (a beginComplete) CompleteLogin(_ context.Context, _ *check.Browser, cb string) error {
	*a.callback = cb
	return nil
}

type adapterLogin struct{ called *bool }

func (a adapterLogin) Login(_ context.Context, b *check.Browser, who ident.Person) error {
	*a.called = b != nil && who.ID != ""
	return nil
}

func TestLoginSSO(t *testing.T) {
	sso := ssotest.NewServer()
	t.Cleanup(sso.Close)
	who, _ := sso.AccountWithLevel(2)
	ctx := context.Background()
	session := func(srv *httptest.Server, login string, portal any) *check.Session {
		s, err := probe.NewSession(check.Target{BaseURL: srv.URL, Client: srv.Client(), SSO: sso, Portal: portal,
			Profile: &check.Profile{Login: login}}, check.Config{})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}

	t.Run("follows a VNeID link and the redirects", func(t *testing.T) {
		srv := loginPortal(t, sso, true)
		b, tr, err := session(srv, "/entry", nil).LoginSSO(ctx, who, ssotest.Normal)
		if err != nil {
			t.Fatal(err)
		}
		if tr.Authorize == nil || tr.Authorize.Query().Get("state") != "s-123" || tr.Callback == nil || tr.Final == nil || tr.Final.StatusCode != 200 {
			t.Fatalf("trace %+v", tr)
		}
		base, _ := url.Parse(srv.URL)
		if !hasCookie(b.Client.Jar.Cookies(base), "sid") {
			t.Errorf("no session cookie kept")
		}
		// Where the browser lands after the callback is in the chain (P06-POP-08 reads it).
		if last := tr.Chain[len(tr.Chain)-1]; last != srv.URL+"/trang-chu?lan=1" {
			t.Errorf("the chain ends at %q, not at the landing page: %q", last, tr.Chain)
		}
		// The cookies the browser held before the callback, and those the portal set at login.
		if !hasCookie(tr.PreLogin, "pre") || hasCookie(tr.PreLogin, "sid") {
			t.Errorf("pre-login cookies %v", tr.PreLogin)
		}
		var set []string
		for _, c := range tr.SetCookies {
			set = append(set, c.Line+" @ "+strings.TrimPrefix(c.URL, srv.URL))
		}
		if got := strings.Join(set, "; "); !strings.HasPrefix(got, "pre=p1; Path=/ @ /go; sid=") || !strings.Contains(got, "@ /signin-oidc?") {
			t.Errorf("Set-Cookie lines %q", got)
		}
		if len(b.SetCookies()) != len(tr.SetCookies) {
			t.Errorf("browser %d lines, trace %d", len(b.SetCookies()), len(tr.SetCookies))
		}
		if f, ok := sso.Flow(tr.Flow); !ok || f.Account != who.ID {
			t.Errorf("flow %+v", f)
		}
		for _, e := range tr.Evidence() {
			if strings.Contains(e.Request, "s-123") || strings.Contains(e.Request, "code="+tr.Callback.Query().Get("code")) {
				t.Errorf("evidence leaks state or code: %s", e.Request)
			}
		}
	})
	t.Run("a citizen the fake does not know gets an account", func(t *testing.T) {
		srv := loginPortal(t, sso, true)
		stranger := ident.Person{ID: "001099012345", Family: "Lê", Given: "Mới", Level: 1}
		if _, _, err := session(srv, "/go", nil).LoginSSO(ctx, stranger, ssotest.Normal); err != nil {
			t.Fatal(err)
		}
		if _, ok := sso.Account(stranger.ID); !ok {
			t.Error("not added")
		}
	})
	t.Run("mode applies to this login only", func(t *testing.T) {
		srv := loginPortal(t, sso, true)
		_, tr, err := session(srv, "/go", nil).LoginSSO(ctx, who, ssotest.StateMismatch)
		if err != nil {
			t.Fatal(err)
		}
		if tr.Callback.Query().Get("state") == "s-123" {
			t.Errorf("state not altered")
		}
	})
	t.Run("the SSO refuses a request without PKCE", func(t *testing.T) {
		srv := loginPortal(t, sso, false)
		_, tr, err := session(srv, "/go", nil).LoginSSO(ctx, who, ssotest.Normal)
		if !errors.Is(err, check.ErrLoginFlow) || !strings.Contains(err.Error(), "invalid_request: code_challenge is required") {
			t.Fatalf("err = %v", err)
		}
		if w := viWords(err, "invalid_request: code_challenge is required (PKCE with S256)"); len(w) > 0 {
			t.Errorf("English words %q in Vietnamese: %s", w, msg.P(msg.Verbatim, err).Render(msg.VI))
		}
		if tr.Authorize == nil {
			t.Error("the refused authorization request is not in the trace")
		}
	})
	t.Run("a login entry that leads nowhere", func(t *testing.T) {
		srv := loginPortal(t, sso, true)
		_, _, err := session(srv, "/nowhere", nil).LoginSSO(ctx, who, ssotest.Normal)
		if !errors.Is(err, check.ErrLoginFlow) || !strings.Contains(err.Error(), "not to the national SSO") {
			t.Fatalf("err = %v", err)
		}
		if w := viWords(err); len(w) > 0 {
			t.Errorf("English words %q in Vietnamese: %s", w, msg.P(msg.Verbatim, err).Render(msg.VI))
		}
	})
	t.Run("a GET form labelled VNeID", func(t *testing.T) {
		srv := loginPortal(t, sso, true)
		if _, tr, err := session(srv, "/form-get", nil).LoginSSO(ctx, who, ssotest.Normal); err != nil || tr.Callback == nil {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("a POST form needs active checks or BeginLogin", func(t *testing.T) {
		srv := loginPortal(t, sso, true)
		_, _, err := session(srv, "/form-post", nil).LoginSSO(ctx, who, ssotest.Normal)
		if !errors.Is(err, check.ErrNotImplemented) || !strings.Contains(err.Error(), "form post") {
			t.Fatalf("err = %v", err)
		}
		s, _ := probe.NewSession(check.Target{BaseURL: srv.URL, Client: srv.Client(), SSO: sso, Profile: &check.Profile{Login: "/form-post"}},
			check.Config{Active: true})
		if _, tr, err := s.LoginSSO(ctx, who, ssotest.Normal); err != nil || tr.Callback == nil {
			t.Fatalf("with active checks: %v", err)
		}
	})
	t.Run("BeginLogin and CompleteLogin", func(t *testing.T) {
		srv := loginPortal(t, sso, true)
		var cb string
		_, tr, err := session(srv, "", beginComplete{begin: srv.URL + "/go", callback: &cb}).LoginSSO(ctx, who, ssotest.Normal)
		if err != nil {
			t.Fatal(err)
		}
		if cb == "" || cb != tr.Callback.String() || tr.Final != nil {
			t.Errorf("callback %q, trace %+v", cb, tr)
		}
	})
	t.Run("no login entry", func(t *testing.T) {
		srv := loginPortal(t, sso, true)
		s, _ := probe.NewSession(check.Target{BaseURL: srv.URL + "/nowhere", Client: srv.Client(), SSO: sso}, check.Config{})
		_, _, err := s.LoginSSO(ctx, who, ssotest.Normal)
		var ni *check.NotImplementedError
		if !errors.As(err, &ni) || !strings.Contains(ni.Method, "BeginLogin") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("Session.Login prefers the adapter", func(t *testing.T) {
		srv := loginPortal(t, sso, true)
		called := false
		if _, err := session(srv, "/entry", adapterLogin{&called}).Login(ctx, who); err != nil || !called {
			t.Fatalf("err %v, called %v", err, called)
		}
	})
	t.Run("Session.Login without adapter or fake", func(t *testing.T) {
		srv := loginPortal(t, sso, true)
		s, _ := probe.NewSession(check.Target{BaseURL: srv.URL, Client: srv.Client()}, check.Config{})
		_, err := s.Login(ctx, who)
		if !errors.Is(err, check.ErrNotImplemented) {
			t.Fatalf("err = %v", err)
		}
	})
}

func hasCookie(cs []*http.Cookie, name string) bool {
	for _, c := range cs {
		if c.Name == name {
			return true
		}
	}
	return false
}

// viWords are the English function words of err rendered in Vietnamese (as a finding quotes it),
// outside data: the SSO's own words.
func viWords(err error, data ...string) []string {
	vi := msg.P(msg.Verbatim, err).Render(msg.VI)
	for _, d := range data {
		vi = strings.ReplaceAll(vi, d, " ")
	}
	return msg.EnglishWords(vi)
}
