package ssotest_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/internal/jose"
)

const redirect = "https://127.0.0.1:1/signin-oidc"

type rp struct {
	t        testing.TB
	s        *ssotest.Server
	c        *http.Client
	verifier string
	state    string
	nonce    string
}

func newRP(t testing.TB, s *ssotest.Server) *rp {
	return &rp{t: t, s: s, c: s.Client(), verifier: strings.Repeat("v", 43), state: "st-1", nonce: "n-1"}
}

func (r *rp) authorizeURL(extra url.Values) string {
	sum := sha256.Sum256([]byte(r.verifier))
	v := url.Values{"response_type": {"code"}, "client_id": {ssotest.DefaultClientID}, "redirect_uri": {redirect},
		"scope": {"openid profile"}, "state": {r.state}, "nonce": {r.nonce},
		"code_challenge": {base64.RawURLEncoding.EncodeToString(sum[:])}, "code_challenge_method": {"S256"}, "acr_values": {"LoA1"}}
	for k, x := range extra {
		v[k] = x
	}
	return r.s.URL + ssotest.AuthorizePath + "?" + v.Encode()
}

// login drives the browser side and returns the flow ID and the callback URL.
func (r *rp) login(who ident.Person, mode ssotest.Mode) (string, *url.URL) {
	r.t.Helper()
	resp, err := r.c.Get(r.authorizeURL(nil))
	if err != nil {
		r.t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	id, ok := r.s.FlowID(resp.Request.URL)
	if !ok || resp.StatusCode != 200 || !strings.Contains(string(body), "Đăng nhập") {
		r.t.Fatalf("not at the login page: %s %d", resp.Request.URL, resp.StatusCode)
	}
	cb, err := r.s.Authenticate(context.Background(), r.c, id, who, mode)
	if err != nil {
		r.t.Fatal(err)
	}
	return id, cb
}

type tokens struct {
	AccessToken string `json:"access_token"`
	IDToken     string `json:"id_token"`
	Error       string `json:"error"`
}

func (r *rp) redeem(code string, basic bool, verifier string) (int, tokens) {
	r.t.Helper()
	form := url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {redirect}, "code_verifier": {verifier}}
	if !basic {
		form.Set("client_id", ssotest.DefaultClientID)
		form.Set("client_secret", ssotest.DefaultClientSecret)
	}
	req, _ := http.NewRequest(http.MethodPost, r.s.URL+ssotest.TokenPath, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if basic {
		req.SetBasicAuth(ssotest.DefaultClientID, ssotest.DefaultClientSecret)
	}
	resp, err := r.c.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	defer resp.Body.Close()
	var tk tokens
	_ = json.NewDecoder(resp.Body).Decode(&tk)
	return resp.StatusCode, tk
}

// userInfo calls the userinfo endpoint with an access token and returns the status and the
// claims it sent (nil when the body is not a JSON object).
func (r *rp) userInfo(accessToken string) (int, map[string]any) {
	r.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, r.s.URL+ssotest.UserInfoPath, nil)
	req.Header.Set("Authorization", "Bearer "+accessToken)
	resp, err := r.c.Do(req)
	if err != nil {
		r.t.Fatal(err)
	}
	defer resp.Body.Close()
	var ui map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&ui)
	return resp.StatusCode, ui
}

func (r *rp) verify(idToken string) (*jose.Claims, error) {
	return verifyWith(r.s, idToken, r.nonce)
}

func verifyWith(s *ssotest.Server, idToken, nonce string) (*jose.Claims, error) {
	c, _, err := jose.VerifyIDToken(idToken, s.JWKS(), jose.Expected{Issuer: s.URL, Audience: ssotest.DefaultClientID, Nonce: nonce})
	return c, err
}

// startRP starts the fake SSO, closed when the test ends, and returns it with a relying party
// and a level-2 account.
func startRP(t *testing.T) (*ssotest.Server, *rp, ident.Person) {
	t.Helper()
	s := ssotest.NewServer()
	t.Cleanup(s.Close)
	return s, newRP(t, s), level(t, s, 2)
}

// signIn logs who in with the SSO in mode and redeems the code (client_secret_basic, PKCE); it
// returns the callback URL and the tokens.
func (r *rp) signIn(who ident.Person, mode ssotest.Mode) (*url.URL, tokens) {
	r.t.Helper()
	_, cb := r.login(who, mode)
	_, tk := r.redeem(cb.Query().Get("code"), true, r.verifier)
	return cb, tk
}

func level(t testing.TB, s *ssotest.Server, l int) ident.Person {
	p, ok := s.AccountWithLevel(l)
	if !ok {
		t.Fatalf("no level-%d account", l)
	}
	return p
}

func TestNormalFlow(t *testing.T) {
	s := ssotest.NewServer()
	defer s.Close()
	r := newRP(t, s)
	who := level(t, s, 2)
	id, cb := r.login(who, ssotest.Normal)
	if cb.Query().Get("state") != "st-1" || !strings.HasPrefix(cb.String(), redirect) {
		t.Fatalf("callback %s", cb)
	}
	status, tk := r.redeem(cb.Query().Get("code"), true, r.verifier)
	if status != 200 {
		t.Fatalf("token: %d %s", status, tk.Error)
	}
	c, err := r.verify(tk.IDToken)
	if err != nil {
		t.Fatalf("ID token does not verify: %v", err)
	}
	if c.Subject != ssotest.Subject(who) || c.ACR != "LoA2" || c.Nonce != "n-1" {
		t.Errorf("claims %+v", c)
	}
	_, ui := r.userInfo(tk.AccessToken)
	for _, name := range ssotest.ClaimNames() {
		if _, ok := ui[name]; !ok {
			t.Errorf("userinfo lacks %s", name)
		}
	}
	if ui["sub"] != c.Subject || ui["SoDinhDanh"] != who.ID || ui["HoVaTen"] != who.FullName() {
		t.Errorf("userinfo %v", ui)
	}
	f, ok := s.Flow(id)
	if !ok || f.Account != who.ID || f.UserInfo != 1 || len(f.Redemptions) != 1 || f.Redemptions[0].AuthMethod != "client_secret_basic" ||
		!f.Redemptions[0].CodeVerifier || f.Request.ACRValues != "LoA1" || f.Request.State != "st-1" {
		t.Errorf("audit %+v", f)
	}
}

func TestModes(t *testing.T) {
	s := ssotest.NewServer()
	t.Cleanup(s.Close)
	who := level(t, s, 1)
	for _, tc := range []struct {
		mode ssotest.Mode
		want error // from jose.VerifyIDToken; nil when the token itself is fine
	}{
		{ssotest.Normal, nil},
		{ssotest.BadSignature, jose.ErrSignature},
		{ssotest.AlgNone, jose.ErrAlgorithm},
		{ssotest.UnknownKID, jose.ErrUnknownKey},
		{ssotest.WrongIssuer, jose.ErrIssuer},
		{ssotest.WrongAudience, jose.ErrAudience},
		{ssotest.Expired, jose.ErrExpired},
		{ssotest.IssuedInFuture, jose.ErrNotYetValid},
		{ssotest.NonceMismatch, jose.ErrNonce},
		{ssotest.StateMismatch, nil},
		{ssotest.ReplayableCode, nil},
		{ssotest.UserinfoSubMismatch, nil},
	} {
		t.Run(tc.mode.String(), func(t *testing.T) {
			t.Parallel()
			r := newRP(t, s)
			id, cb := r.login(who, tc.mode)
			if got := cb.Query().Get("state"); (got != r.state) != (tc.mode == ssotest.StateMismatch) {
				t.Errorf("state in callback %q", got)
			}
			code := cb.Query().Get("code")
			status, tk := r.redeem(code, false, r.verifier)
			if status != 200 {
				t.Fatalf("token: %d %s", status, tk.Error)
			}
			_, err := r.verify(tk.IDToken)
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("verify: %v, want %v", err, tc.want)
			}
			status, _ = r.redeem(code, false, r.verifier)
			if (status == 200) != (tc.mode == ssotest.ReplayableCode) {
				t.Errorf("second redemption: status %d", status)
			}
			if f, _ := s.Flow(id); f.Mode != tc.mode || f.Redemptions[0].AuthMethod != "client_secret_post" {
				t.Errorf("flow %+v", f)
			}
		})
	}
}

func TestUserinfoSubMismatch(t *testing.T) {
	_, r, who := startRP(t)
	_, tk := r.signIn(who, ssotest.UserinfoSubMismatch)
	_, ui := r.userInfo(tk.AccessToken)
	if ui["sub"] == ssotest.Subject(who) || ui["SoDinhDanh"] == who.ID {
		t.Errorf("userinfo is the same citizen's: %v", ui)
	}
}

func TestAuthorizeErrors(t *testing.T) {
	s := ssotest.NewServer()
	defer s.Close()
	noRedirect := *s.Client()
	noRedirect.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	for _, tc := range []struct {
		name      string
		extra     url.Values
		status    int
		wantError string
	}{
		{"no PKCE", url.Values{"code_challenge": {""}}, http.StatusFound, "invalid_request"},
		{"plain PKCE", url.Values{"code_challenge_method": {"plain"}}, http.StatusFound, "invalid_request"},
		{"implicit flow", url.Values{"response_type": {"id_token"}}, http.StatusFound, "unsupported_response_type"},
		{"no openid scope", url.Values{"scope": {"profile"}}, http.StatusFound, "invalid_scope"},
		{"prompt none", url.Values{"prompt": {"none"}}, http.StatusFound, "login_required"},
		{"unknown client", url.Values{"client_id": {"nobody"}}, http.StatusBadRequest, ""},
		{"redirect to another host", url.Values{"redirect_uri": {"https://evil.example/cb"}}, http.StatusBadRequest, ""},
		{"redirect to a name that starts like a loopback address", url.Values{"redirect_uri": {"http://127.0.0.1.attacker.example/cb"}}, http.StatusBadRequest, ""},
		{"redirect to 127.x name", url.Values{"redirect_uri": {"http://127.evil.example/cb"}}, http.StatusBadRequest, ""},
		{"redirect with user information", url.Values{"redirect_uri": {"http://u:p@127.0.0.1/cb"}}, http.StatusBadRequest, ""},
		{"redirect with a zone", url.Values{"redirect_uri": {"http://[::1%25eth0]/cb"}}, http.StatusBadRequest, ""},
		{"no state", url.Values{"state": {""}}, http.StatusFound, "invalid_request"},
		{"no nonce", url.Values{"nonce": {""}}, http.StatusFound, "invalid_request"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRP(t, s)
			resp, err := noRedirect.Get(r.authorizeURL(tc.extra))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tc.status)
			}
			if tc.wantError != "" {
				loc, _ := resp.Location()
				wantState := "st-1"
				if v, ok := tc.extra["state"]; ok {
					wantState = v[0]
				}
				if loc.Query().Get("error") != tc.wantError || loc.Query().Get("state") != wantState {
					t.Errorf("redirect %s", loc)
				}
			}
			flows := s.Flows()
			if last := flows[len(flows)-1]; last.Request.Error == "" {
				t.Errorf("refused request not recorded as an error: %+v", last.Request)
			}
		})
	}
}

// TestLoopbackRedirectURIs: the default client accepts a redirect URI on a loopback host, judged
// by parsing the host as an IP address, never by its first characters.
func TestLoopbackRedirectURIs(t *testing.T) {
	s := ssotest.NewServer()
	defer s.Close()
	noRedirect := *s.Client()
	noRedirect.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	for _, uri := range []string{"http://127.0.0.1:8080/cb", "https://127.1.2.3/cb", "http://[::1]:9/cb", "http://localhost/cb", "http://LOCALHOST/cb", "http://[::ffff:127.0.0.1]/cb"} {
		resp, err := noRedirect.Get(newRP(t, s).authorizeURL(url.Values{"redirect_uri": {uri}}))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusFound {
			t.Errorf("%s: status %d, want 302 (a loopback redirect URI)", uri, resp.StatusCode)
		}
	}
}

// TestStateNonceOptional: the option that relaxes the state and nonce requirement is the only way
// a request without them reaches the login page.
func TestStateNonceOptional(t *testing.T) {
	s := ssotest.NewUnstartedServer()
	s.StateNonceOptional = true
	s.Start()
	defer s.Close()
	resp, err := s.Client().Get(newRP(t, s).authorizeURL(url.Values{"state": {""}, "nonce": {""}}))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if _, ok := s.FlowID(resp.Request.URL); !ok || resp.StatusCode != http.StatusOK {
		t.Fatalf("with StateNonceOptional, a request without state and nonce ended at %s (%d), not the login page", resp.Request.URL, resp.StatusCode)
	}
}

func TestTokenErrors(t *testing.T) {
	s := ssotest.NewUnstartedServer()
	clock := time.Now()
	var mu sync.Mutex
	s.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	s.Start()
	defer s.Close()
	who := level(t, s, 2)
	post := func(form url.Values, user, pass string) int {
		req, _ := http.NewRequest(http.MethodPost, s.URL+ssotest.TokenPath, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if user != "" {
			req.SetBasicAuth(user, pass)
		}
		resp, err := s.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, tc := range []struct {
		name   string
		mod    func(v url.Values) (user, pass string)
		status int
	}{
		{"wrong secret", func(url.Values) (string, string) { return ssotest.DefaultClientID, "wrong" }, 401},
		{"no client authentication", func(url.Values) (string, string) { return "", "" }, 401},
		{"both methods", func(v url.Values) (string, string) {
			v.Set("client_secret", ssotest.DefaultClientSecret)
			return ssotest.DefaultClientID, ssotest.DefaultClientSecret
		}, 400},
		{"wrong verifier", func(v url.Values) (string, string) {
			v.Set("code_verifier", "x")
			return ssotest.DefaultClientID, ssotest.DefaultClientSecret
		}, 400},
		{"other redirect_uri", func(v url.Values) (string, string) {
			v.Set("redirect_uri", redirect+"x")
			return ssotest.DefaultClientID, ssotest.DefaultClientSecret
		}, 400},
		{"unknown code", func(v url.Values) (string, string) {
			v.Set("code", "nope")
			return ssotest.DefaultClientID, ssotest.DefaultClientSecret
		}, 400},
		{"expired code", func(url.Values) (string, string) {
			mu.Lock()
			clock = clock.Add(2 * time.Minute)
			mu.Unlock()
			return ssotest.DefaultClientID, ssotest.DefaultClientSecret
		}, 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRP(t, s)
			_, cb := r.login(who, ssotest.Normal)
			v := url.Values{"grant_type": {"authorization_code"}, "code": {cb.Query().Get("code")}, "redirect_uri": {redirect}, "code_verifier": {r.verifier}}
			user, pass := tc.mod(v)
			if got := post(v, user, pass); got != tc.status {
				t.Errorf("status %d, want %d", got, tc.status)
			}
		})
	}
}

func TestReusedCodeRevokesTokens(t *testing.T) {
	_, r, who := startRP(t)
	cb, tk := r.signIn(who, ssotest.Normal)
	if st, _ := r.redeem(cb.Query().Get("code"), true, r.verifier); st != 400 {
		t.Fatalf("reuse: %d", st)
	}
	if st, _ := r.userInfo(tk.AccessToken); st != 401 {
		t.Errorf("userinfo with a token of a reused code: %d, want 401", st)
	}
}

func TestRotate(t *testing.T) {
	s, r, who := startRP(t)
	_, before := r.signIn(who, ssotest.Normal)
	old := s.KeyID()
	for i := 0; i < 2; i++ {
		kid := s.Rotate()
		if kid == old || s.KeyID() != kid || len(s.JWKS().Keys) != 2 {
			t.Fatalf("rotation %d: kid %s, keys %d", i, kid, len(s.JWKS().Keys))
		}
		if i == 0 {
			if _, err := r.verify(before.IDToken); err != nil {
				t.Errorf("token of the previous key no longer verifies after one rotation: %v", err)
			}
		}
		old = kid
	}
	if _, err := r.verify(before.IDToken); !errors.Is(err, jose.ErrUnknownKey) {
		t.Errorf("token of a withdrawn key: %v", err)
	}
	_, after := r.signIn(who, ssotest.Normal)
	if _, err := r.verify(after.IDToken); err != nil {
		t.Errorf("token of the new key: %v", err)
	}
}

func TestDiscoveryAndRegisteredClient(t *testing.T) {
	s := ssotest.NewServer()
	defer s.Close()
	resp, err := s.Client().Get(s.URL + ssotest.DiscoveryPath)
	if err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&d)
	resp.Body.Close()
	if d["issuer"] != s.URL || d["token_endpoint"] != s.URL+ssotest.TokenPath || d["end_session_endpoint"] != s.URL+ssotest.LogoutPath {
		t.Errorf("discovery %v", d)
	}
	s.RegisterClient("cong-tinh", "bi-mat", "https://127.0.0.1:9/cb")
	noRedirect := *s.Client()
	noRedirect.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	for uri, want := range map[string]int{"https://127.0.0.1:9/cb": 302, "https://127.0.0.1:9/other": 400} {
		v := url.Values{"response_type": {"code"}, "client_id": {"cong-tinh"}, "redirect_uri": {uri}, "scope": {"openid"},
			"code_challenge": {strings.Repeat("A", 43)}, "code_challenge_method": {"S256"}}
		resp, err := noRedirect.Get(s.URL + ssotest.AuthorizePath + "?" + v.Encode())
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("redirect_uri %s: %d, want %d", uri, resp.StatusCode, want)
		}
	}
}

func TestLogoutRecorded(t *testing.T) {
	s := ssotest.NewServer()
	defer s.Close()
	noRedirect := *s.Client()
	noRedirect.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	v := url.Values{"client_id": {ssotest.DefaultClientID}, "post_logout_redirect_uri": {"https://127.0.0.1:1/"}, "state": {"x"}}
	resp, err := noRedirect.Get(s.URL + ssotest.LogoutPath + "?" + v.Encode())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc, _ := resp.Location(); resp.StatusCode != 302 || loc.Query().Get("state") != "x" {
		t.Errorf("logout: %d %v", resp.StatusCode, loc)
	}
	if l := s.Logouts(); len(l) != 1 || l[0].ClientID != ssotest.DefaultClientID {
		t.Errorf("logouts %+v", l)
	}
}

func TestLoginPageRejects(t *testing.T) {
	s := ssotest.NewServer()
	defer s.Close()
	r := newRP(t, s)
	if _, err := s.Authenticate(context.Background(), r.c, "no-such-flow", level(t, s, 1), ssotest.Normal); err == nil {
		t.Error("unknown flow accepted")
	}
	resp, _ := r.c.Get(r.authorizeURL(nil))
	resp.Body.Close()
	id, _ := s.FlowID(resp.Request.URL)
	if _, err := s.Authenticate(context.Background(), r.c, id, ident.Person{ID: "000000000000"}, ssotest.Normal); err == nil || !strings.Contains(err.Error(), "AddAccount") {
		t.Errorf("unknown account: %v", err)
	}
	if _, err := s.Authenticate(context.Background(), r.c, id, level(t, s, 1), ssotest.Normal); err != nil {
		t.Errorf("first submission: %v", err)
	}
	if _, err := s.Authenticate(context.Background(), r.c, id, level(t, s, 1), ssotest.Normal); err == nil {
		t.Error("second submission of the same flow accepted")
	}
}

func BenchmarkStart(b *testing.B) {
	for b.Loop() {
		s := ssotest.NewServer()
		s.Close()
	}
}

// BenchmarkFlow measures the provider's side of one login: authorization request, login page,
// login, token request (with RS256 signing) and userinfo.
func BenchmarkFlow(b *testing.B) {
	s := ssotest.NewServer()
	defer s.Close()
	r := newRP(b, s)
	who := level(b, s, 2)
	b.ReportAllocs()
	for b.Loop() {
		_, cb := r.login(who, ssotest.Normal)
		if st, _ := r.redeem(cb.Query().Get("code"), true, r.verifier); st != 200 {
			b.Fatalf("token: %d", st)
		}
	}
}

func TestAutoLogin(t *testing.T) {
	s := ssotest.NewServer()
	defer s.Close()
	who := level(t, s, 1)
	s.SetAutoLogin(&who)
	r := newRP(t, s)
	noRedirect := *s.Client()
	noRedirect.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := noRedirect.Get(r.authorizeURL(nil))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc, _ := resp.Location()
	if resp.StatusCode != http.StatusFound || !strings.HasPrefix(loc.String(), redirect) || loc.Query().Get("code") == "" {
		t.Fatalf("auto-login: %d %v", resp.StatusCode, loc)
	}
	if st, tk := r.redeem(loc.Query().Get("code"), true, r.verifier); st != 200 {
		t.Fatalf("token %d", st)
	} else if c, err := r.verify(tk.IDToken); err != nil || c.Subject != ssotest.Subject(who) || c.ACR != "LoA1" {
		t.Errorf("claims %+v, %v", c, err)
	}
	s.SetAutoLogin(nil)
	resp, _ = noRedirect.Get(r.authorizeURL(nil))
	resp.Body.Close()
	if loc, _ := resp.Location(); loc.Path != ssotest.LoginPath {
		t.Errorf("login page not restored: %v", loc)
	}
}
