package referenceportal

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/p06kit/p06kit/internal/jose"
)

// The portal is an OpenID Connect relying party of the national SSO: authorization-code flow
// with PKCE (S256), state bound to the browser by a cookie, nonce checked in the ID token, ID
// token verified against the provider's JWKS (re-fetched on an unknown kid, for key rotation),
// codes and states single-use, the userinfo subject checked against the ID token's, and sessions
// kept on the server so that logout really ends them.

// pendingLogin is one authorization request in flight.
type pendingLogin struct {
	state, nonce, verifier, next string
	level                        int
	created                      time.Time
}

type oidcProvider struct {
	Issuer                string `json:"issuer"`
	AuthorizationEndpoint string `json:"authorization_endpoint"`
	TokenEndpoint         string `json:"token_endpoint"`
	UserinfoEndpoint      string `json:"userinfo_endpoint"`
	JWKSURI               string `json:"jwks_uri"`
	EndSessionEndpoint    string `json:"end_session_endpoint"`
}

type ssoClient struct {
	once sync.Once
	http *http.Client
	mu   sync.Mutex
	prov *oidcProvider
	keys *jose.JWKSet
}

func httpClient(roots *x509.CertPool) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}
	return &http.Client{Transport: tr, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func (p *Portal) sso() *ssoClient {
	p.ssoC.once.Do(func() { p.ssoC.http = httpClient(p.cfg.SSO.Roots) })
	return &p.ssoC
}

func (p *Portal) ssoOrigin() string {
	u, err := url.Parse(p.cfg.SSO.Issuer)
	if err != nil || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

func getJSON(ctx context.Context, c *http.Client, u string, bearer string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return json.Unmarshal(body, v)
}

// provider returns the discovery document, fetched once.
func (p *Portal) provider(ctx context.Context) (*oidcProvider, error) {
	s := p.sso()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.prov != nil {
		return s.prov, nil
	}
	if p.cfg.SSO.Issuer == "" {
		return nil, errors.New("no national SSO configured")
	}
	var prov oidcProvider
	if err := getJSON(ctx, s.http, strings.TrimRight(p.cfg.SSO.Issuer, "/")+"/.well-known/openid-configuration", "", &prov); err != nil {
		return nil, fmt.Errorf("discovery: %w", err)
	}
	if prov.Issuer != p.cfg.SSO.Issuer {
		return nil, fmt.Errorf("discovery: issuer %q is not the configured %q", prov.Issuer, p.cfg.SSO.Issuer)
	}
	s.prov = &prov
	return s.prov, nil
}

// jwks returns the provider's keys; refresh re-fetches them (after a key rotation).
func (p *Portal) jwks(ctx context.Context, prov *oidcProvider, refresh bool) (*jose.JWKSet, error) {
	s := p.sso()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.keys != nil && !refresh {
		return s.keys, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, prov.JWKSURI, nil)
	if err != nil {
		return nil, err
	}
	resp, err := s.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	keys, err := jose.ParseJWKS(body)
	if err != nil {
		return nil, err
	}
	s.keys = keys
	return keys, nil
}

func (p *Portal) routesAuth(mux *http.ServeMux) {
	mux.HandleFunc("GET /dang-nhap", p.login)
	mux.HandleFunc("GET /signin-oidc", p.callback)
	mux.HandleFunc("GET /dang-xuat", p.logout)
	mux.HandleFunc("GET /api/toi", p.whoami)
	if p.cfg.Defects.LocalRegistration {
		mux.HandleFunc("GET /dang-ky-tai-khoan", p.text("Đăng ký tài khoản", `<form action="/dang-ky-tai-khoan" method="post"><p><label for="u">Tên đăng nhập</label> <input id="u" name="ten-dang-nhap"></p><p><label for="pw">Mật khẩu</label> <input id="pw" type="password" name="mat-khau"></p><p><button type="submit">Đăng ký</button></p></form>`))
	}
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// login starts the authorization-code flow at the national SSO.
func (p *Portal) login(w http.ResponseWriter, r *http.Request) {
	prov, err := p.provider(r.Context())
	if err != nil {
		p.logf("login: %v", err)
		p.render(w, r, http.StatusServiceUnavailable, "text", page{Title: "Không đăng nhập được", Message: "Hệ thống đăng nhập quốc gia tạm thời không phản hồi. Vui lòng thử lại sau."})
		return
	}
	pl := &pendingLogin{state: randomID(16), nonce: randomID(16), verifier: randomID(32), next: safeNext(r.URL.Query().Get("next")), level: 1, created: p.now()}
	if r.URL.Query().Get("muc-do") == "2" {
		pl.level = 2
	}
	p.mu.Lock()
	p.gcLogins()
	p.logins[pl.state] = pl
	p.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: "__Host-dn", Value: pl.state, Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: 600})
	q := url.Values{
		"response_type": {"code"},
		"client_id":     {p.cfg.SSO.ClientID},
		"redirect_uri":  {p.origin(r) + "/signin-oidc"},
		"scope":         {"openid profile"},
		"state":         {pl.state},
		"nonce":         {pl.nonce},
		"acr_values":    {fmt.Sprintf("LoA%d", pl.level)},
	}
	if !p.cfg.Defects.NoPKCE {
		sum := sha256.Sum256([]byte(pl.verifier))
		q.Set("code_challenge", b64(sum[:]))
		q.Set("code_challenge_method", "S256")
	}
	http.Redirect(w, r, prov.AuthorizationEndpoint+"?"+q.Encode(), http.StatusFound)
}

// safeNext keeps a return path local: one leading "/", not "//" nor "/\\" (which browsers read
// as "//", another host), and no backslash or control character anywhere.
func safeNext(next string) string {
	if strings.HasPrefix(next, "/") && !strings.HasPrefix(next, "//") && !strings.ContainsAny(next, "\\\r\n\t") {
		return next
	}
	return "/"
}

// gcLogins drops authorization requests older than ten minutes. p.mu is held.
func (p *Portal) gcLogins() {
	for k, pl := range p.logins {
		if p.now().Sub(pl.created) > 10*time.Minute {
			delete(p.logins, k)
		}
	}
}

func (p *Portal) loginFailed(w http.ResponseWriter, r *http.Request, why string, err error) {
	p.logf("login refused: %s: %v", why, err)
	p.render(w, r, http.StatusUnauthorized, "text", page{Title: "Đăng nhập không thành công", Message: "Không xác thực được phiên đăng nhập từ Cổng Dịch vụ công quốc gia. Vui lòng đăng nhập lại."})
}

// callback completes the flow: state, code exchange, ID token, userinfo, session.
func (p *Portal) callback(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	d := p.cfg.Defects
	q := r.URL.Query()
	state := q.Get("state")
	p.mu.Lock()
	pl := p.logins[state]
	if !d.ReplayableCode {
		delete(p.logins, state) // single use, whatever happens next
	}
	if d.IgnoreState && pl == nil {
		for _, any := range p.logins {
			pl = any
			break
		}
	}
	p.mu.Unlock()
	if pl == nil {
		p.loginFailed(w, r, "unknown or used state", nil)
		return
	}
	if c, err := r.Cookie("__Host-dn"); !d.IgnoreState && !d.ReplayableCode && (err != nil || c.Value != state) {
		p.loginFailed(w, r, "state not bound to this browser", err)
		return
	}
	if e := q.Get("error"); e != "" {
		p.loginFailed(w, r, "provider error "+e, nil)
		return
	}
	prov, err := p.provider(ctx)
	if err != nil {
		p.loginFailed(w, r, "discovery", err)
		return
	}
	tok, err := p.exchange(ctx, prov, q.Get("code"), p.origin(r)+"/signin-oidc", pl.verifier)
	if err != nil {
		p.loginFailed(w, r, "token", err)
		return
	}
	claims, err := p.verifyIDToken(ctx, prov, tok.IDToken, pl.nonce)
	if err != nil {
		p.loginFailed(w, r, "id token", err)
		return
	}
	var info map[string]any
	if err := getJSON(ctx, p.sso().http, prov.UserinfoEndpoint, tok.AccessToken, &info); err != nil {
		p.loginFailed(w, r, "userinfo", err)
		return
	}
	if sub, _ := info["sub"].(string); sub != claims.Subject {
		p.loginFailed(w, r, "userinfo sub differs from the ID token's", fmt.Errorf("%q vs %q", sub, claims.Subject))
		return
	}
	id, _ := info["SoDinhDanh"].(string)
	name, _ := info["HoVaTen"].(string)
	if id == "" {
		p.loginFailed(w, r, "userinfo has no SoDinhDanh", nil)
		return
	}
	level := 1
	if claims.ACR == "LoA2" {
		level = 2
	}
	if pl.level == 2 && level < 2 && !d.IgnoreLevel {
		p.render(w, r, http.StatusForbidden, "text", page{Title: "Cần tài khoản định danh điện tử mức độ 2",
			Message: "Dịch vụ này yêu cầu tài khoản định danh điện tử mức độ 2. Vui lòng nâng mức tài khoản VNeID."})
		return
	}
	c := &citizen{ID: id, Name: name, Level: level, sid: randomID(24)}
	p.mu.Lock()
	p.sessions[c.sid] = c
	p.mu.Unlock()
	p.setSession(w, c.sid, 0)
	http.SetCookie(w, &http.Cookie{Name: "__Host-dn", Value: "", Path: "/", Secure: true, HttpOnly: true, MaxAge: -1})
	http.Redirect(w, r, pl.next, http.StatusFound)
}

type tokenResponse struct {
	AccessToken string `json:"access_token"`
	IDToken     string `json:"id_token"`
	TokenType   string `json:"token_type"`
}

func (p *Portal) exchange(ctx context.Context, prov *oidcProvider, code, redirect, verifier string) (*tokenResponse, error) {
	form := url.Values{"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {redirect}}
	if !p.cfg.Defects.NoPKCE {
		form.Set("code_verifier", verifier)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, prov.TokenEndpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(url.QueryEscape(p.cfg.SSO.ClientID), url.QueryEscape(p.cfg.SSO.ClientSecret))
	resp, err := p.sso().http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("token endpoint: %s: %s", resp.Status, body)
	}
	var t tokenResponse
	if err := json.Unmarshal(body, &t); err != nil {
		return nil, err
	}
	return &t, nil
}

func (p *Portal) verifyIDToken(ctx context.Context, prov *oidcProvider, token, nonce string) (*jose.Claims, error) {
	d := p.cfg.Defects
	if d.IgnoreState {
		nonce = ""
	}
	keys, err := p.jwks(ctx, prov, false)
	if err != nil {
		return nil, err
	}
	if d.SkipSignature || d.AnyAudience || d.IgnoreExpiry {
		// The broken portal's shortcuts: decode without the checks its defects switch off.
		jws, err := jose.Parse(token)
		if err != nil {
			return nil, err
		}
		if !d.SkipSignature {
			if _, err := jws.VerifySet(keys); err != nil {
				return nil, err
			}
		}
		var c jose.Claims
		if err := json.Unmarshal(jws.Payload, &c); err != nil {
			return nil, err
		}
		if !d.IgnoreState && nonce != "" && c.Nonce != nonce {
			return nil, errors.New("nonce mismatch")
		}
		return &c, nil
	}
	e := jose.Expected{Issuer: prov.Issuer, Audience: p.cfg.SSO.ClientID, Nonce: nonce, Now: p.now()}
	claims, _, err := jose.VerifyIDToken(token, keys, e)
	if errors.Is(err, jose.ErrKey) || (err != nil && strings.Contains(err.Error(), "kid")) {
		// Perhaps the provider rotated its key: fetch the set again, once.
		if keys, err2 := p.jwks(ctx, prov, true); err2 == nil {
			claims, _, err = jose.VerifyIDToken(token, keys, e)
		}
	}
	return claims, err
}

// logout ends the session on the server, not only in the browser.
func (p *Portal) logout(w http.ResponseWriter, r *http.Request) {
	if sid := p.sessionCookie(r); sid != "" && !p.cfg.Defects.KeepSessionOnLogout {
		p.mu.Lock()
		delete(p.sessions, sid)
		p.mu.Unlock()
	}
	p.setSession(w, "", -1)
	http.Redirect(w, r, "/", http.StatusFound)
}

// whoami answers the logged-in citizen's identity as JSON (used by the harness adapter).
func (p *Portal) whoami(w http.ResponseWriter, r *http.Request) {
	c := p.citizen(r)
	if c == nil {
		http.Error(w, `{"loi":"chưa đăng nhập"}`, http.StatusUnauthorized)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(map[string]any{"SoDinhDanh": c.ID, "HoVaTen": c.Name, "MucDo": c.Level})
}
