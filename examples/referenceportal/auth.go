package referenceportal

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// The portal is an OpenID Connect relying party of the national SSO, written on the field's
// public libraries: github.com/coreos/go-oidc/v3 discovers the provider and verifies ID tokens
// (signature against the provider's JWKS, re-fetched when a token names a key it has not seen,
// for key rotation; issuer, audience, expiry), golang.org/x/oauth2 builds the authorization
// request and redeems the code. Around them the portal does what the libraries leave to it:
// PKCE (S256), state bound to the browser by a cookie, the nonce compared with the one it sent,
// the issue time checked, codes and states single-use, the userinfo subject checked against the
// ID token's, and sessions kept on the server so that logout really ends them.

// pendingLogin is one authorization request in flight.
type pendingLogin struct {
	state, nonce, verifier, next string
	level                        int
	created                      time.Time
}

// ssoClient is the portal's connection to the national SSO: its HTTP client, and the provider
// and ID token verifier once discovery has succeeded.
type ssoClient struct {
	once     sync.Once
	http     *http.Client
	mu       sync.Mutex
	prov     *oidc.Provider
	verifier *oidc.IDTokenVerifier
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

// ssoContext makes go-oidc and x/oauth2 talk to the SSO through the portal's own client (its
// trust roots and timeout).
func (p *Portal) ssoContext(ctx context.Context) context.Context {
	return oidc.ClientContext(ctx, p.sso().http)
}

func (p *Portal) ssoOrigin() string {
	u, err := url.Parse(p.cfg.SSO.Issuer)
	if err != nil || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

// shortcutClaims reports whether the portal skips the ID token's claim checks (issuer,
// audience, expiry, issue time): the broken portal's shortcut, taken for any of the defects
// that switch off part of the verification.
func (d Defects) shortcutClaims() bool { return d.SkipSignature || d.AnyAudience || d.IgnoreExpiry }

// provider returns the discovered provider and the ID token verifier, discovering once. A
// failed discovery is tried again at the next login. go-oidc refuses a discovery document whose
// issuer is not the configured one.
func (p *Portal) provider(ctx context.Context) (*oidc.Provider, *oidc.IDTokenVerifier, error) {
	s := p.sso()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.prov != nil {
		return s.prov, s.verifier, nil
	}
	if p.cfg.SSO.Issuer == "" {
		return nil, nil, errors.New("no national SSO configured")
	}
	prov, err := oidc.NewProvider(p.ssoContext(ctx), p.cfg.SSO.Issuer)
	if err != nil {
		return nil, nil, fmt.Errorf("discovery: %w", err)
	}
	d := p.cfg.Defects
	// The algorithms are those the discovery document lists (go-oidc never accepts "none" unless
	// signature checks are off); keys come from jwks_uri and are fetched again when a token's
	// signature does not verify with the cached ones (a rotated key).
	s.verifier = prov.Verifier(&oidc.Config{
		ClientID:                   p.cfg.SSO.ClientID,
		Now:                        p.now,
		InsecureSkipSignatureCheck: d.SkipSignature,
		SkipIssuerCheck:            d.shortcutClaims(),
		SkipClientIDCheck:          d.shortcutClaims(),
		SkipExpiryCheck:            d.shortcutClaims(),
	})
	s.prov = prov
	return s.prov, s.verifier, nil
}

// oauthConfig is the portal's OAuth 2.0 client registration for one request: the callback is on
// the origin the browser used.
func (p *Portal) oauthConfig(prov *oidc.Provider, redirect string) *oauth2.Config {
	ep := prov.Endpoint()
	// client_secret_basic, and only that: auto-detection would retry a refused code with the
	// secret in the body, redeeming it twice.
	ep.AuthStyle = oauth2.AuthStyleInHeader
	return &oauth2.Config{ClientID: p.cfg.SSO.ClientID, ClientSecret: p.cfg.SSO.ClientSecret, Endpoint: ep,
		RedirectURL: redirect, Scopes: []string{oidc.ScopeOpenID, "profile"}}
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

// login starts the authorization-code flow at the national SSO.
func (p *Portal) login(w http.ResponseWriter, r *http.Request) {
	prov, _, err := p.provider(r.Context())
	if err != nil {
		p.logf("login: %v", err)
		p.render(w, r, http.StatusServiceUnavailable, "text", page{Title: "Không đăng nhập được", Message: "Hệ thống đăng nhập quốc gia tạm thời không phản hồi. Vui lòng thử lại sau."})
		return
	}
	pl := &pendingLogin{state: randomID(16), nonce: randomID(16), verifier: oauth2.GenerateVerifier(), next: safeNext(r.URL.Query().Get("next")), level: 1, created: p.now()}
	if r.URL.Query().Get("muc-do") == "2" {
		pl.level = 2
	}
	p.mu.Lock()
	p.gcLogins()
	p.logins[pl.state] = pl
	p.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: "__Host-dn", Value: pl.state, Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: 600})
	opts := []oauth2.AuthCodeOption{oidc.Nonce(pl.nonce), oauth2.SetAuthURLParam("acr_values", fmt.Sprintf("LoA%d", pl.level))}
	if !p.cfg.Defects.NoPKCE {
		opts = append(opts, oauth2.S256ChallengeOption(pl.verifier))
	}
	http.Redirect(w, r, p.oauthConfig(prov, p.origin(r)+"/signin-oidc").AuthCodeURL(pl.state, opts...), http.StatusFound)
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
	prov, verifier, err := p.provider(ctx)
	if err != nil {
		p.loginFailed(w, r, "discovery", err)
		return
	}
	sctx := p.ssoContext(ctx)
	var exopts []oauth2.AuthCodeOption
	if !d.NoPKCE {
		exopts = append(exopts, oauth2.VerifierOption(pl.verifier))
	}
	tok, err := p.oauthConfig(prov, p.origin(r)+"/signin-oidc").Exchange(sctx, q.Get("code"), exopts...)
	if err != nil {
		p.loginFailed(w, r, "token", err)
		return
	}
	rawID, _ := tok.Extra("id_token").(string)
	idt, acr, err := p.verifyIDToken(sctx, verifier, rawID, pl.nonce)
	if err != nil {
		p.loginFailed(w, r, "id token", err)
		return
	}
	ui, err := prov.UserInfo(sctx, oauth2.StaticTokenSource(tok))
	if err != nil {
		p.loginFailed(w, r, "userinfo", err)
		return
	}
	if ui.Subject != idt.Subject {
		p.loginFailed(w, r, "userinfo sub differs from the ID token's", fmt.Errorf("%q vs %q", ui.Subject, idt.Subject))
		return
	}
	var info struct {
		ID   string `json:"SoDinhDanh"`
		Name string `json:"HoVaTen"`
	}
	if err := ui.Claims(&info); err != nil || info.ID == "" {
		p.loginFailed(w, r, "userinfo has no SoDinhDanh", err)
		return
	}
	level := 1
	if acr == "LoA2" {
		level = 2
	}
	if pl.level == 2 && level < 2 && !d.IgnoreLevel {
		p.render(w, r, http.StatusForbidden, "text", page{Title: "Cần tài khoản định danh điện tử mức độ 2",
			Message: "Dịch vụ này yêu cầu tài khoản định danh điện tử mức độ 2. Vui lòng nâng mức tài khoản VNeID."})
		return
	}
	c := &citizen{ID: info.ID, Name: info.Name, Level: level, sid: randomID(24)}
	p.mu.Lock()
	p.sessions[c.sid] = c
	p.mu.Unlock()
	p.setSession(w, c.sid, 0)
	http.SetCookie(w, &http.Cookie{Name: "__Host-dn", Value: "", Path: "/", Secure: true, HttpOnly: true, MaxAge: -1})
	http.Redirect(w, r, pl.next, http.StatusFound)
}

// clockSkew is the tolerance on the ID token's issue time.
const clockSkew = time.Minute

// verifyIDToken verifies the ID token with go-oidc (signature, and issuer, audience and expiry
// unless the defects switch them off) and checks what go-oidc leaves to the relying party: the
// nonce, a subject, an issue time not in the future, and azp when there are several audiences
// (OpenID Connect Core §3.1.3.7). It returns the token and its acr.
func (p *Portal) verifyIDToken(ctx context.Context, v *oidc.IDTokenVerifier, raw, nonce string) (*oidc.IDToken, string, error) {
	d := p.cfg.Defects
	idt, err := v.Verify(ctx, raw)
	if err != nil {
		return nil, "", err
	}
	var extra struct {
		ACR string `json:"acr"`
		AZP string `json:"azp"`
	}
	if err := idt.Claims(&extra); err != nil {
		return nil, "", err
	}
	if !d.IgnoreState && idt.Nonce != nonce {
		return nil, "", errors.New("nonce mismatch")
	}
	if d.shortcutClaims() {
		return idt, extra.ACR, nil
	}
	switch {
	case idt.Subject == "":
		return nil, "", errors.New("no sub")
	case idt.IssuedAt.IsZero():
		return nil, "", errors.New("no iat")
	case idt.IssuedAt.After(p.now().Add(clockSkew)):
		return nil, "", fmt.Errorf("iat %s is in the future", idt.IssuedAt.UTC().Format(time.RFC3339))
	case len(idt.Audience) > 1 && extra.AZP != p.cfg.SSO.ClientID:
		return nil, "", fmt.Errorf("aud has %d values and azp is %q", len(idt.Audience), extra.AZP)
	}
	return idt, extra.ACR, nil
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
