// Package rptest is a small relying-party portal that logs citizens in through the fake national
// SSO (ssotest), written on internal/jose as a real portal would be, with switchable defects —
// one per misbehaviour the identity checks must catch. It is the test vector of those checks and
// of the harness's end-to-end tests. Not for production: its sessions live in memory.
package rptest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/internal/jose"
)

// Defects switch on the misbehaviours of the portal, one per thing the checks must catch. The
// zero value is a correct portal.
type Defects struct {
	NoPKCE, NoNonce, NoState, ConstantState   bool
	SkipSignature, AcceptNone, SkipUnknownKID bool
	IgnoreIssuer, IgnoreAudience              bool
	IgnoreExpiry, IgnoreIssuedAt              bool
	IgnoreState, IgnoreNonce                  bool
	AllowReplay                               bool
	TrustUserinfo                             bool
	IgnoreLevel                               bool
	KeepSessionAfterLogout                    bool
	LocalRegistration                         bool
	PasswordLogin, RateLimit                  bool
	// PasswordLoginPage puts the password login form on its own page, linked from the home page
	// as "Cán bộ đăng nhập", instead of on the home page.
	PasswordLoginPage bool
	// ImplicitFlow asks for response_type "id_token token" instead of the code flow;
	// NoOpenIDScope leaves openid out of the scope.
	ImplicitFlow, NoOpenIDScope bool
	// News puts a news item naming a citizen on the home page for everyone, which must not be
	// taken for a login.
	News string
	// Captcha puts a CAPTCHA field in the password login form.
	Captcha bool
	// OffHostLoginForm makes the password login form submit to another host, with method
	// "post" or "get".
	OffHostLoginForm string
	// FormGoneAfter removes the password login form from the home page after that many failed
	// logins, with no message; LockoutPageAfter replaces it by a lockout message instead.
	FormGoneAfter, LockoutPageAfter int
	// SlowLoginAfter makes the password login stall (until the request is abandoned) after that
	// many failed logins.
	SlowLoginAfter int
	// TokenInLandingURL and IDInLandingURL send the browser, after the callback, to a page whose
	// URL carries the access token or the citizen's personal identification number.
	TokenInLandingURL, IDInLandingURL bool
	// InsecureSessionCookie sets the session cookie at login without Secure, HttpOnly or
	// SameSite.
	InsecureSessionCookie bool
	// SessionFixation gives the browser its session cookie when the login begins and, at the
	// callback, logs that same session in instead of issuing a new ID.
	SessionFixation bool
	// OpenRedirect sends the browser, after the login, wherever the login entry's return URL
	// (returnUrl, ReturnUrl or next) said, another site included; the correct portal follows
	// local paths only.
	OpenRedirect bool
	// NaiveLocalRedirect follows a return URL that starts with "/" but not "//", so "/\\host"
	// (which browsers read as "//host") gets through.
	NaiveLocalRedirect bool
	// OneSessionPerCitizen is a policy, not a defect: a new login ends the citizen's older
	// sessions, as some portals do.
	OneSessionPerCitizen bool
}

type pending struct {
	browser, state, nonce, verifier string
	// returnTo is where the citizen asked to go back to after the login.
	returnTo string
}

type session struct {
	id, name, acr string
}

// Portal is a running relying party on 127.0.0.1 (TLS). Its login entry is /dang-nhap, its
// callback /signin-oidc, its logout /dang-xuat; the home page greets the logged-in citizen by
// name and personal identification number.
type Portal struct {
	// URL is the portal's base URL.
	URL string

	d   Defects
	sso *ssotest.Server
	srv *httptest.Server

	keys *jose.RemoteKeySet

	mu       sync.Mutex
	pendings map[string]*pending // by browser cookie
	byState  map[string]*pending
	sessions map[string]*session
	failures map[string]int
}

func New(sso *ssotest.Server, d Defects) *Portal {
	rp := &Portal{d: d, sso: sso, pendings: map[string]*pending{}, byState: map[string]*pending{},
		sessions: map[string]*session{}, failures: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/", rp.home)
	mux.HandleFunc("/dang-nhap", rp.begin)
	mux.HandleFunc("/signin-oidc", rp.callback)
	mux.HandleFunc("/dang-xuat", rp.logout)
	mux.HandleFunc("/ho-so/bat-dau", rp.startDossier)
	mux.HandleFunc("/dang-ky", rp.register)
	mux.HandleFunc("/dang-nhap-noi-bo", rp.passwordLogin)
	mux.HandleFunc("/can-bo/dang-nhap", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`<!doctype html><html><body><form method="post" action="/dang-nhap-noi-bo"><input name="username"><input type="password" name="password"><button>Đăng nhập</button></form></body></html>`))
	})
	// The JWKS is fetched from the provider's jwks_uri and refetched when a token names a new
	// kid, as a portal must do to survive key rotation.
	rp.keys = &jose.RemoteKeySet{URL: sso.URL + ssotest.JWKSPath, Client: sso.Client(), MinRefresh: time.Second}
	rp.srv = httptest.NewTLSServer(mux)
	rp.URL = rp.srv.URL
	return rp
}

// Close shuts the portal down.
func (rp *Portal) Close() { rp.srv.Close() }

// Client returns a client trusting the portal's certificate.
func (rp *Portal) Client() *http.Client { return rp.srv.Client() }

// Profile is the portal's profile for the harness.
func (rp *Portal) Profile() *check.Profile {
	return &check.Profile{Login: "/dang-nhap", Logout: "/dang-xuat"}
}

func rnd() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (rp *Portal) current(r *http.Request) *session {
	c, err := r.Cookie("rp_session")
	if err != nil {
		return nil
	}
	rp.mu.Lock()
	defer rp.mu.Unlock()
	return rp.sessions[c.Value]
}

func (rp *Portal) home(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="vi"><head><title>Cổng DVC tỉnh</title></head><body><header>`)
	if s := rp.current(r); s != nil {
		fmt.Fprintf(&b, `<p>Xin chào, %s (%s)</p><a href="/dang-xuat">Đăng xuất</a>`, html.EscapeString(s.name), s.id)
	} else {
		b.WriteString(`<a href="/dang-nhap">Đăng nhập</a>`)
	}
	b.WriteString(`</header><main><a href="/thu-tuc/dang-ky-khai-sinh">Đăng ký khai sinh</a>`)
	if rp.d.News != "" {
		fmt.Fprintf(&b, `<article><h2>Tin tức</h2><p>Ông %s được khen thưởng.</p></article>`, html.EscapeString(rp.d.News))
	}
	if rp.d.LocalRegistration {
		b.WriteString(`<a href="/dang-ky">Đăng ký tài khoản</a>`)
	}
	if rp.d.PasswordLogin && rp.d.PasswordLoginPage {
		b.WriteString(`<a href="/can-bo/dang-nhap">Cán bộ đăng nhập</a>`)
	}
	rp.mu.Lock()
	failed := 0
	for _, n := range rp.failures {
		failed += n
	}
	rp.mu.Unlock()
	switch {
	case rp.d.LockoutPageAfter > 0 && failed >= rp.d.LockoutPageAfter:
		b.WriteString(`<p>Tài khoản tạm khóa, vui lòng thử lại sau 15 phút</p>`)
	case rp.d.FormGoneAfter > 0 && failed >= rp.d.FormGoneAfter:
	case rp.d.PasswordLogin && !rp.d.PasswordLoginPage:
		action, method := "/dang-nhap-noi-bo", "post"
		if rp.d.OffHostLoginForm != "" {
			action, method = "https://idp.other.invalid/dang-nhap", rp.d.OffHostLoginForm
		}
		fmt.Fprintf(&b, `<form method="%s" action="%s"><h2>Cán bộ đăng nhập</h2><input type="hidden" name="csrf" value="x">
<input name="username"><input type="password" name="password">`, method, action)
		if rp.d.Captcha {
			b.WriteString(`<img src="/captcha.png" alt="Mã xác nhận"><input name="CaptchaCode">`)
		}
		b.WriteString(`<button type="submit">Đăng nhập</button></form>`)
	}
	b.WriteString(`</main></body></html>`)
	_, _ = w.Write([]byte(b.String()))
}

func (rp *Portal) begin(w http.ResponseWriter, r *http.Request) {
	p := &pending{browser: rnd(), state: rnd(), nonce: rnd(), verifier: rnd() + rnd()}
	for _, name := range []string{"returnUrl", "ReturnUrl", "next"} {
		if v := r.URL.Query().Get(name); v != "" {
			p.returnTo = v
			break
		}
	}
	if rp.d.ConstantState {
		p.state, p.nonce = "co-dinh", "co-dinh"
	}
	rp.mu.Lock()
	rp.pendings[p.browser] = p
	rp.byState[p.state] = p
	rp.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: "rp_login", Value: p.browser, Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	if rp.d.SessionFixation {
		if _, err := r.Cookie("rp_session"); err != nil {
			http.SetCookie(w, &http.Cookie{Name: "rp_session", Value: rnd(), Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
		}
	}
	sum := sha256.Sum256([]byte(p.verifier))
	v := url.Values{"response_type": {"code"}, "client_id": {ssotest.DefaultClientID}, "redirect_uri": {rp.srv.URL + "/signin-oidc"},
		"scope": {"openid profile"}, "acr_values": {"LoA1"}}
	if rp.d.ImplicitFlow {
		v.Set("response_type", "id_token token")
	}
	if rp.d.NoOpenIDScope {
		v.Set("scope", "profile")
	}
	if !rp.d.NoState {
		v.Set("state", p.state)
	}
	if !rp.d.NoNonce {
		v.Set("nonce", p.nonce)
	}
	if !rp.d.NoPKCE {
		v.Set("code_challenge", base64.RawURLEncoding.EncodeToString(sum[:]))
		v.Set("code_challenge_method", "S256")
	}
	http.Redirect(w, r, rp.sso.URL+ssotest.AuthorizePath+"?"+v.Encode(), http.StatusFound)
}

func (rp *Portal) refuse(w http.ResponseWriter, why string) {
	http.Error(w, "Đăng nhập thất bại: "+why, http.StatusForbidden)
}

func (rp *Portal) callback(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var p *pending
	rp.mu.Lock()
	if rp.d.AllowReplay {
		p = rp.byState[q.Get("state")] // not bound to the browser, never consumed
	} else if c, err := r.Cookie("rp_login"); err == nil {
		p = rp.pendings[c.Value]
		if p != nil && (rp.d.IgnoreState || p.state == q.Get("state")) {
			delete(rp.pendings, c.Value)
			delete(rp.byState, p.state)
		} else {
			p = nil
		}
	}
	rp.mu.Unlock()
	if p == nil {
		rp.refuse(w, "state does not match")
		return
	}
	form := url.Values{"grant_type": {"authorization_code"}, "code": {q.Get("code")}, "redirect_uri": {rp.srv.URL + "/signin-oidc"},
		"code_verifier": {p.verifier}}
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodPost, rp.sso.URL+ssotest.TokenPath, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(ssotest.DefaultClientID, ssotest.DefaultClientSecret)
	resp, err := rp.sso.Client().Do(req)
	if err != nil {
		rp.refuse(w, err.Error())
		return
	}
	var tok struct {
		AccessToken string `json:"access_token"`
		IDToken     string `json:"id_token"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&tok)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		rp.refuse(w, "token endpoint "+resp.Status)
		return
	}
	claims, extra, err := rp.verify(r.Context(), tok.IDToken, p.nonce)
	if err != nil {
		rp.refuse(w, err.Error())
		return
	}
	s := &session{id: extra.SoDinhDanh, name: extra.HoVaTen, acr: claims.ACR}
	ui, err := rp.userinfo(r, tok.AccessToken)
	if err != nil {
		rp.refuse(w, err.Error())
		return
	}
	if ui.Sub != claims.Subject {
		if !rp.d.TrustUserinfo {
			rp.refuse(w, "userinfo sub differs from the ID token's")
			return
		}
	}
	if rp.d.TrustUserinfo {
		s.id, s.name = ui.SoDinhDanh, ui.HoVaTen
	}
	sid := rnd()
	if c, err := r.Cookie("rp_session"); err == nil && rp.d.SessionFixation {
		sid = c.Value // the session ID the browser had before the login
	}
	rp.mu.Lock()
	if rp.d.OneSessionPerCitizen {
		for k, old := range rp.sessions {
			if old.id == s.id {
				delete(rp.sessions, k)
			}
		}
	}
	rp.sessions[sid] = s
	rp.mu.Unlock()
	cookie := &http.Cookie{Name: "rp_session", Value: sid, Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode}
	if rp.d.InsecureSessionCookie {
		cookie = &http.Cookie{Name: "rp_session", Value: sid, Path: "/"}
	}
	http.SetCookie(w, cookie)
	landing := "/"
	switch {
	case p.returnTo != "" && rp.d.OpenRedirect:
		landing = p.returnTo
	case rp.d.NaiveLocalRedirect && strings.HasPrefix(p.returnTo, "/") && !strings.HasPrefix(p.returnTo, "//"):
		landing = p.returnTo
	case strings.HasPrefix(p.returnTo, "/") && !strings.HasPrefix(p.returnTo, "//") && !strings.HasPrefix(p.returnTo, "/\\"):
		landing = p.returnTo // a local path only
	}
	switch {
	case rp.d.TokenInLandingURL:
		landing = "/?access_token=" + url.QueryEscape(tok.AccessToken)
	case rp.d.IDInLandingURL:
		landing = "/?soDinhDanh=" + url.QueryEscape(s.id)
	}
	http.Redirect(w, r, landing, http.StatusFound)
}

type national struct {
	Sub        string `json:"sub"`
	SoDinhDanh string
	HoVaTen    string
}

func (rp *Portal) userinfo(r *http.Request, at string) (national, error) {
	var ui national
	req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, rp.sso.URL+ssotest.UserInfoPath, nil)
	req.Header.Set("Authorization", "Bearer "+at)
	resp, err := rp.sso.Client().Do(req)
	if err != nil {
		return ui, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return ui, fmt.Errorf("userinfo %s", resp.Status)
	}
	return ui, json.NewDecoder(resp.Body).Decode(&ui)
}

func (rp *Portal) verify(ctx context.Context, token, nonce string) (*jose.Claims, national, error) {
	var extra national
	j, err := jose.Parse(token)
	if err != nil {
		return nil, extra, err
	}
	skip := rp.d.SkipSignature || (rp.d.AcceptNone && j.Header.Alg == jose.None)
	if rp.d.SkipUnknownKID {
		if keys, err := rp.keys.Keys(ctx); err == nil {
			if _, err := keys.Select(j.Header.Kid); err != nil {
				skip = true
			}
		}
	}
	if !skip {
		if _, err := rp.keys.Verify(ctx, token); err != nil {
			return nil, extra, err
		}
	}
	var c jose.Claims
	if err := json.Unmarshal(j.Payload, &c); err != nil {
		return nil, extra, err
	}
	_ = json.Unmarshal(j.Payload, &extra)
	now := time.Now()
	if rp.d.IgnoreIssuer {
		c.Issuer = rp.sso.URL
	}
	if rp.d.IgnoreAudience {
		c.Audience = jose.Audience{ssotest.DefaultClientID}
	}
	if rp.d.IgnoreExpiry {
		c.Expiry = now.Add(time.Hour).Unix()
	}
	if rp.d.IgnoreIssuedAt {
		c.IssuedAt, c.NotBefore = now.Unix(), 0
	}
	if rp.d.IgnoreNonce {
		c.Nonce = nonce
	}
	return &c, extra, c.Validate(jose.Expected{Issuer: rp.sso.URL, Audience: ssotest.DefaultClientID, Nonce: nonce, Now: now})
}

func (rp *Portal) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie("rp_session"); err == nil && !rp.d.KeepSessionAfterLogout {
		rp.mu.Lock()
		delete(rp.sessions, c.Value)
		rp.mu.Unlock()
	}
	http.SetCookie(w, &http.Cookie{Name: "rp_session", Value: "", Path: "/", MaxAge: -1, Secure: true})
	v := url.Values{"client_id": {ssotest.DefaultClientID}, "post_logout_redirect_uri": {rp.srv.URL + "/"}}
	http.Redirect(w, r, rp.sso.URL+ssotest.LogoutPath+"?"+v.Encode(), http.StatusFound)
}

// Level2 are the procedures the portal reserves to level-2 accounts.
var Level2 = []string{"1.001234"}

func (rp *Portal) startDossier(w http.ResponseWriter, r *http.Request) {
	s := rp.current(r)
	if s == nil {
		http.Error(w, "chưa đăng nhập", http.StatusUnauthorized)
		return
	}
	proc := r.URL.Query().Get("ma")
	for _, p := range Level2 {
		if p == proc && s.acr != "LoA2" && !rp.d.IgnoreLevel {
			http.Error(w, "Thủ tục yêu cầu tài khoản định danh điện tử mức 2", http.StatusForbidden)
			return
		}
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"id":"HS-1"}`))
}

func (rp *Portal) register(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(`<!doctype html><html><body><form method="post" action="/dang-ky" id="frmDangKy">
<input name="hoten"><input name="cccd"><input type="password" name="matkhau"><input type="password" name="nhaplaimatkhau">
<button type="submit">Đăng ký</button></form></body></html>`))
}

func (rp *Portal) passwordLogin(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method", http.StatusMethodNotAllowed)
		return
	}
	_ = r.ParseForm()
	u := r.PostForm.Get("username")
	rp.mu.Lock()
	rp.failures[u]++
	n := rp.failures[u]
	rp.mu.Unlock()
	if rp.d.SlowLoginAfter > 0 && n > rp.d.SlowLoginAfter {
		<-r.Context().Done()
		return
	}
	if rp.d.RateLimit && n > 5 {
		w.Header().Set("Retry-After", "300")
		http.Error(w, "Quá nhiều lần thử", http.StatusTooManyRequests)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(`<!doctype html><html><body><p>Sai tên đăng nhập hoặc mật khẩu</p></body></html>`))
}

// FailedLogins is how many password logins the portal has answered, all accounts together.
func (rp *Portal) FailedLogins() int {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	n := 0
	for _, f := range rp.failures {
		n += f
	}
	return n
}

// Adapter is the vendor adapter of the portal: check.Assurance, check.Dossiers (StartDossier
// only) and, when WhoAmI is set, check.WhoAmI reading the home page's greeting.
type Adapter struct {
	Portal *Portal
}

// Level2Procedures implements check.Assurance.
func (a Adapter) Level2Procedures() []string { return Level2 }

// StartDossier implements check.Dossiers: 200 is accepted, 403 refused, 401 not logged in.
func (a Adapter) StartDossier(ctx context.Context, b *check.Browser, req check.DossierRequest) (*check.Dossier, error) {
	r, err := http.NewRequestWithContext(ctx, http.MethodGet, a.Portal.URL+"/ho-so/bat-dau?ma="+url.QueryEscape(req.Procedure), nil)
	if err != nil {
		return nil, err
	}
	resp, err := b.Client.Do(r)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	switch resp.StatusCode {
	case http.StatusOK:
		return &check.Dossier{ID: "HS-1", Accepted: true}, nil
	case http.StatusUnauthorized:
		return nil, fmt.Errorf("start dossier: %w", check.ErrNotLoggedIn)
	case http.StatusForbidden:
		return &check.Dossier{Accepted: false, Message: strings.TrimSpace(string(body))}, nil
	}
	return nil, fmt.Errorf("start dossier: status %d", resp.StatusCode)
}

// SubmitDossier implements check.Dossiers; the portal has no submission.
func (a Adapter) SubmitDossier(context.Context, *check.Browser, *check.Dossier, check.DossierRequest) (*check.Dossier, error) {
	return nil, errors.New("rptest: no dossier submission")
}

// WhoAmIAdapter is Adapter with check.WhoAmI.
type WhoAmIAdapter struct{ Adapter }

// WhoAmI implements check.WhoAmI from the home page's greeting.
func (a WhoAmIAdapter) WhoAmI(ctx context.Context, b *check.Browser) (string, error) {
	r, err := http.NewRequestWithContext(ctx, http.MethodGet, a.Portal.URL+"/", nil)
	if err != nil {
		return "", err
	}
	resp, err := b.Client.Do(r)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	_, rest, ok := strings.Cut(string(body), "Xin chào, ")
	if !ok {
		return "", check.ErrNotLoggedIn
	}
	_, id, _ := strings.Cut(rest, "(")
	id, _, _ = strings.Cut(id, ")")
	return id, nil
}
