package identity

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/internal/jose"
)

// defects switch on the misbehaviours of the fixture relying party, one per thing the checks
// must catch. The zero value is a correct portal.
type defects struct {
	noPKCE, noNonce, noState, constantState   bool
	skipSignature, acceptNone, skipUnknownKID bool
	ignoreIssuer, ignoreAudience              bool
	ignoreExpiry, ignoreIssuedAt              bool
	ignoreState, ignoreNonce                  bool
	allowReplay                               bool
	trustUserinfo                             bool
	ignoreLevel                               bool
	keepSessionAfterLogout                    bool
	localRegistration                         bool
	passwordLogin, rateLimit                  bool
}

type pending struct {
	browser, state, nonce, verifier string
}

type session struct {
	id, name, acr string
}

// relyingParty is a small portal that logs citizens in through ssotest, written on
// internal/jose as a real portal would be.
type relyingParty struct {
	d   defects
	sso *ssotest.Server
	srv *httptest.Server

	mu       sync.Mutex
	pendings map[string]*pending // by browser cookie
	byState  map[string]*pending
	sessions map[string]*session
	failures map[string]int
}

func newRP(t testing.TB, sso *ssotest.Server, d defects) *relyingParty {
	rp := &relyingParty{d: d, sso: sso, pendings: map[string]*pending{}, byState: map[string]*pending{},
		sessions: map[string]*session{}, failures: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/", rp.home)
	mux.HandleFunc("/dang-nhap", rp.begin)
	mux.HandleFunc("/signin-oidc", rp.callback)
	mux.HandleFunc("/dang-xuat", rp.logout)
	mux.HandleFunc("/ho-so/bat-dau", rp.startDossier)
	mux.HandleFunc("/dang-ky", rp.register)
	mux.HandleFunc("/dang-nhap-noi-bo", rp.passwordLogin)
	rp.srv = httptest.NewTLSServer(mux)
	t.Cleanup(rp.srv.Close)
	return rp
}

func rnd() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (rp *relyingParty) current(r *http.Request) *session {
	c, err := r.Cookie("rp_session")
	if err != nil {
		return nil
	}
	rp.mu.Lock()
	defer rp.mu.Unlock()
	return rp.sessions[c.Value]
}

func (rp *relyingParty) home(w http.ResponseWriter, r *http.Request) {
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
	if rp.d.localRegistration {
		b.WriteString(`<a href="/dang-ky">Đăng ký tài khoản</a>`)
	}
	if rp.d.passwordLogin {
		b.WriteString(`<form method="post" action="/dang-nhap-noi-bo"><h2>Cán bộ đăng nhập</h2><input type="hidden" name="csrf" value="x">
<input name="username"><input type="password" name="password"><button type="submit">Đăng nhập</button></form>`)
	}
	b.WriteString(`</main></body></html>`)
	_, _ = w.Write([]byte(b.String()))
}

func (rp *relyingParty) begin(w http.ResponseWriter, r *http.Request) {
	p := &pending{browser: rnd(), state: rnd(), nonce: rnd(), verifier: rnd() + rnd()}
	if rp.d.constantState {
		p.state, p.nonce = "co-dinh", "co-dinh"
	}
	rp.mu.Lock()
	rp.pendings[p.browser] = p
	rp.byState[p.state] = p
	rp.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: "rp_login", Value: p.browser, Path: "/", HttpOnly: true, Secure: true})
	sum := sha256.Sum256([]byte(p.verifier))
	v := url.Values{"response_type": {"code"}, "client_id": {ssotest.DefaultClientID}, "redirect_uri": {rp.srv.URL + "/signin-oidc"},
		"scope": {"openid profile"}, "acr_values": {"LoA1"}}
	if !rp.d.noState {
		v.Set("state", p.state)
	}
	if !rp.d.noNonce {
		v.Set("nonce", p.nonce)
	}
	if !rp.d.noPKCE {
		v.Set("code_challenge", base64.RawURLEncoding.EncodeToString(sum[:]))
		v.Set("code_challenge_method", "S256")
	}
	http.Redirect(w, r, rp.sso.URL+ssotest.AuthorizePath+"?"+v.Encode(), http.StatusFound)
}

func (rp *relyingParty) refuse(w http.ResponseWriter, why string) {
	http.Error(w, "Đăng nhập thất bại: "+why, http.StatusForbidden)
}

func (rp *relyingParty) callback(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var p *pending
	rp.mu.Lock()
	if rp.d.allowReplay {
		p = rp.byState[q.Get("state")] // not bound to the browser, never consumed
	} else if c, err := r.Cookie("rp_login"); err == nil {
		p = rp.pendings[c.Value]
		if p != nil && (rp.d.ignoreState || p.state == q.Get("state")) {
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
	claims, extra, err := rp.verify(tok.IDToken, p.nonce)
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
		if !rp.d.trustUserinfo {
			rp.refuse(w, "userinfo sub differs from the ID token's")
			return
		}
	}
	if rp.d.trustUserinfo {
		s.id, s.name = ui.SoDinhDanh, ui.HoVaTen
	}
	sid := rnd()
	rp.mu.Lock()
	rp.sessions[sid] = s
	rp.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: "rp_session", Value: sid, Path: "/", HttpOnly: true, Secure: true, SameSite: http.SameSiteLaxMode})
	http.Redirect(w, r, "/", http.StatusFound)
}

type national struct {
	Sub        string `json:"sub"`
	SoDinhDanh string
	HoVaTen    string
}

func (rp *relyingParty) userinfo(r *http.Request, at string) (national, error) {
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

func (rp *relyingParty) verify(token, nonce string) (*jose.Claims, national, error) {
	var extra national
	j, err := jose.Parse(token)
	if err != nil {
		return nil, extra, err
	}
	keys := rp.sso.JWKS() // a real portal fetches jwks_uri; the fixture reads the same set directly
	skip := rp.d.skipSignature || (rp.d.acceptNone && j.Header.Alg == jose.None)
	if rp.d.skipUnknownKID {
		if _, err := keys.Select(j.Header.Kid); err != nil {
			skip = true
		}
	}
	if !skip {
		if _, err := j.VerifySet(keys); err != nil {
			return nil, extra, err
		}
	}
	var c jose.Claims
	if err := json.Unmarshal(j.Payload, &c); err != nil {
		return nil, extra, err
	}
	_ = json.Unmarshal(j.Payload, &extra)
	now := time.Now()
	if rp.d.ignoreIssuer {
		c.Issuer = rp.sso.URL
	}
	if rp.d.ignoreAudience {
		c.Audience = jose.Audience{ssotest.DefaultClientID}
	}
	if rp.d.ignoreExpiry {
		c.Expiry = now.Add(time.Hour).Unix()
	}
	if rp.d.ignoreIssuedAt {
		c.IssuedAt, c.NotBefore = now.Unix(), 0
	}
	if rp.d.ignoreNonce {
		c.Nonce = nonce
	}
	return &c, extra, c.Validate(jose.Expected{Issuer: rp.sso.URL, Audience: ssotest.DefaultClientID, Nonce: nonce, Now: now})
}

func (rp *relyingParty) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie("rp_session"); err == nil && !rp.d.keepSessionAfterLogout {
		rp.mu.Lock()
		delete(rp.sessions, c.Value)
		rp.mu.Unlock()
	}
	http.SetCookie(w, &http.Cookie{Name: "rp_session", Value: "", Path: "/", MaxAge: -1, Secure: true})
	v := url.Values{"client_id": {ssotest.DefaultClientID}, "post_logout_redirect_uri": {rp.srv.URL + "/"}}
	http.Redirect(w, r, rp.sso.URL+ssotest.LogoutPath+"?"+v.Encode(), http.StatusFound)
}

// level2 are the fixture's procedures reserved to level-2 accounts.
var level2 = []string{"1.001234"}

func (rp *relyingParty) startDossier(w http.ResponseWriter, r *http.Request) {
	s := rp.current(r)
	if s == nil {
		http.Error(w, "chưa đăng nhập", http.StatusUnauthorized)
		return
	}
	proc := r.URL.Query().Get("ma")
	for _, p := range level2 {
		if p == proc && s.acr != "LoA2" && !rp.d.ignoreLevel {
			http.Error(w, "Thủ tục yêu cầu tài khoản định danh điện tử mức 2", http.StatusForbidden)
			return
		}
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"id":"HS-1"}`))
}

func (rp *relyingParty) register(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(`<!doctype html><html><body><form method="post" action="/dang-ky" id="frmDangKy">
<input name="hoten"><input name="cccd"><input type="password" name="matkhau"><input type="password" name="nhaplaimatkhau">
<button type="submit">Đăng ký</button></form></body></html>`))
}

func (rp *relyingParty) passwordLogin(w http.ResponseWriter, r *http.Request) {
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
	if rp.d.rateLimit && n > 5 {
		w.Header().Set("Retry-After", "300")
		http.Error(w, "Quá nhiều lần thử", http.StatusTooManyRequests)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(`<!doctype html><html><body><p>Sai tên đăng nhập hoặc mật khẩu</p></body></html>`))
}
