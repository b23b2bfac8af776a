// Package oidcvendor is a small citizen portal written the way a vendor writes one on public
// libraries: the national SSO login with github.com/coreos/go-oidc/v3 (discovery, ID token
// verification) and golang.org/x/oauth2 (authorization-code flow with PKCE), server-side
// sessions in a cookie, and a dossier start that looks the citizen up in the population
// database and pre-fills the form. It is not built on p06kit's own OpenID code, so that the
// harness is tried against a login it did not write.
//
// Flaws switches on the mistakes such a portal makes; the zero value is the correct portal.
// Its tests run p06kit's identity and population-data checks against it.
package oidcvendor

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"

	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/ident"
)

// Flaws are the mistakes the portal can be made to have.
type Flaws struct {
	// TokenInLandingURL sends the browser, after the login, to a page whose URL carries the
	// access token ("so that the front end can call the API").
	TokenInLandingURL bool
	// InsecureSessionCookie sets the session cookie without Secure, HttpOnly or SameSite.
	InsecureSessionCookie bool
	// KeepSessionID gives every visitor a session ID at the first visit and marks that same
	// session logged in at the callback (session fixation).
	KeepSessionID bool
}

// Config is the portal's configuration.
type Config struct {
	// Issuer is the national SSO's issuer URL; ClientID, ClientSecret the portal's registration.
	Issuer, ClientID, ClientSecret string
	// BaseURL is where the portal is reached (its callback is BaseURL + "/auth/callback").
	BaseURL string
	// SSOClient is the HTTP client for the SSO (it trusts the SSO's certificate).
	SSOClient *http.Client
	// Population looks citizens up in the population database.
	Population *popdbtest.Client
	Flaws      Flaws
}

// Portal is the portal's HTTP handler.
type Portal struct {
	cfg      Config
	oauth    oauth2.Config
	verifier *oidc.IDTokenVerifier
	provider *oidc.Provider

	mu       sync.Mutex
	logins   map[string]login    // pending logins, by the login cookie
	sessions map[string]*session // by session ID
}

type login struct {
	state, nonce, verifier string
	// sid is the session the visitor already had (KeepSessionID).
	sid string
}

type session struct {
	// citizen is empty until the login completes.
	citizen ident.Person
	idToken string
}

const (
	sessionCookie = "dvc_sid"
	loginCookie   = "dvc_login"
	// maxTries is the look-ups of one citizen per dossier: the first and two retries.
	maxTries = 3
)

// New discovers the SSO and returns the portal.
func New(ctx context.Context, cfg Config) (*Portal, error) {
	ctx = oidc.ClientContext(ctx, cfg.SSOClient)
	provider, err := oidc.NewProvider(ctx, cfg.Issuer)
	if err != nil {
		return nil, fmt.Errorf("discovering the SSO %s: %w", cfg.Issuer, err)
	}
	p := &Portal{cfg: cfg, provider: provider, logins: map[string]login{}, sessions: map[string]*session{},
		verifier: provider.Verifier(&oidc.Config{ClientID: cfg.ClientID})}
	p.oauth = oauth2.Config{ClientID: cfg.ClientID, ClientSecret: cfg.ClientSecret, Endpoint: provider.Endpoint(),
		RedirectURL: strings.TrimSuffix(cfg.BaseURL, "/") + "/auth/callback", Scopes: []string{oidc.ScopeOpenID, "profile"}}
	return p, nil
}

// ServeHTTP routes the portal's pages.
func (p *Portal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/":
		p.home(w, r)
	case "/dang-nhap":
		p.startLogin(w, r)
	case "/auth/callback":
		p.callback(w, r)
	case "/dang-xuat":
		p.logout(w, r)
	case "/ho-so":
		p.dossier(w, r)
	default:
		http.NotFound(w, r)
	}
}

func random() string {
	b := make([]byte, 18)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (p *Portal) cookie(name, value string, maxAge int) *http.Cookie {
	c := &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge, Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode}
	if p.cfg.Flaws.InsecureSessionCookie && name == sessionCookie {
		c = &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge}
	}
	return c
}

// current returns the visitor's session, logged in or not.
func (p *Portal) current(r *http.Request) (string, *session) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return "", nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return c.Value, p.sessions[c.Value]
}

func (p *Portal) home(w http.ResponseWriter, r *http.Request) {
	_, s := p.current(r)
	if s == nil && p.cfg.Flaws.KeepSessionID {
		sid := random()
		p.mu.Lock()
		p.sessions[sid] = &session{}
		p.mu.Unlock()
		http.SetCookie(w, p.cookie(sessionCookie, sid, 0))
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Referrer-Policy", "strict-origin-when-cross-origin")
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng dịch vụ công</title></head><body><header>`)
	if s != nil && s.citizen.ID != "" {
		fmt.Fprintf(&b, `<p>Xin chào, %s (%s)</p><a href="/dang-xuat">Đăng xuất</a>`, html.EscapeString(s.citizen.FullName()), s.citizen.ID)
	} else {
		b.WriteString(`<a href="/dang-nhap">Đăng nhập bằng VNeID</a>`)
	}
	b.WriteString(`</header><main><h1>Cổng dịch vụ công</h1><a href="/thu-tuc">Thủ tục hành chính</a></main></body></html>`)
	_, _ = w.Write([]byte(b.String()))
}

func (p *Portal) startLogin(w http.ResponseWriter, r *http.Request) {
	l := login{state: random(), nonce: random(), verifier: oauth2.GenerateVerifier()}
	key := random()
	if c, err := r.Cookie(sessionCookie); err == nil && p.cfg.Flaws.KeepSessionID {
		l.sid = c.Value
	} else if p.cfg.Flaws.KeepSessionID {
		l.sid = random()
		p.mu.Lock()
		p.sessions[l.sid] = &session{}
		p.mu.Unlock()
		http.SetCookie(w, p.cookie(sessionCookie, l.sid, 0))
	}
	p.mu.Lock()
	p.logins[key] = l
	p.mu.Unlock()
	http.SetCookie(w, p.cookie(loginCookie, key, 600))
	http.Redirect(w, r, p.oauth.AuthCodeURL(l.state, oidc.Nonce(l.nonce), oauth2.S256ChallengeOption(l.verifier)), http.StatusFound)
}

// claims are the national SSO's identity claims.
type claims struct {
	SoDinhDanh string `json:"SoDinhDanh"`
	HoVaTen    string `json:"HoVaTen"`
	ACR        string `json:"acr"`
}

func (p *Portal) refuse(w http.ResponseWriter, why string) {
	http.Error(w, "Đăng nhập không thành công: "+why, http.StatusForbidden)
}

func (p *Portal) callback(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(loginCookie)
	if err != nil {
		p.refuse(w, "phiên đăng nhập đã hết hạn")
		return
	}
	p.mu.Lock()
	l, ok := p.logins[c.Value]
	delete(p.logins, c.Value) // one use, whatever happens next
	p.mu.Unlock()
	http.SetCookie(w, p.cookie(loginCookie, "", -1))
	if !ok || r.URL.Query().Get("state") == "" || r.URL.Query().Get("state") != l.state {
		p.refuse(w, "state không khớp")
		return
	}
	if e := r.URL.Query().Get("error"); e != "" {
		p.refuse(w, e)
		return
	}
	ctx := oidc.ClientContext(r.Context(), p.cfg.SSOClient)
	tok, err := p.oauth.Exchange(ctx, r.URL.Query().Get("code"), oauth2.VerifierOption(l.verifier))
	if err != nil {
		p.refuse(w, "không đổi được mã ủy quyền")
		return
	}
	raw, ok := tok.Extra("id_token").(string)
	if !ok {
		p.refuse(w, "không có ID token")
		return
	}
	idt, err := p.verifier.Verify(ctx, raw)
	if err != nil {
		p.refuse(w, "ID token không hợp lệ")
		return
	}
	if idt.Nonce != l.nonce {
		p.refuse(w, "nonce không khớp")
		return
	}
	if idt.IssuedAt.After(time.Now().Add(time.Minute)) {
		p.refuse(w, "ID token phát hành trong tương lai")
		return
	}
	var cl claims
	if err := idt.Claims(&cl); err != nil || cl.SoDinhDanh == "" {
		p.refuse(w, "ID token thiếu số định danh")
		return
	}
	ui, err := p.provider.UserInfo(ctx, oauth2.StaticTokenSource(tok))
	if err != nil || ui.Subject != idt.Subject {
		p.refuse(w, "userinfo không khớp ID token")
		return
	}
	who := ident.Person{ID: cl.SoDinhDanh, Level: 1}
	if cl.ACR == "LoA2" {
		who.Level = 2
	}
	if f, g, ok := strings.Cut(cl.HoVaTen, " "); ok {
		who.Family, who.Given = f, g
	} else {
		who.Given = cl.HoVaTen
	}
	sid := random()
	if p.cfg.Flaws.KeepSessionID && l.sid != "" {
		sid = l.sid
	}
	p.mu.Lock()
	p.sessions[sid] = &session{citizen: who, idToken: raw}
	p.mu.Unlock()
	http.SetCookie(w, p.cookie(sessionCookie, sid, 0))
	landing := "/"
	if p.cfg.Flaws.TokenInLandingURL {
		landing = "/?access_token=" + url.QueryEscape(tok.AccessToken)
	}
	http.Redirect(w, r, landing, http.StatusFound)
}

func (p *Portal) logout(w http.ResponseWriter, r *http.Request) {
	sid, s := p.current(r)
	hint := ""
	if s != nil {
		hint = s.idToken
		p.mu.Lock()
		delete(p.sessions, sid)
		p.mu.Unlock()
	}
	http.SetCookie(w, p.cookie(sessionCookie, "", -1))
	var end struct {
		URL string `json:"end_session_endpoint"`
	}
	if err := p.provider.Claims(&end); err != nil || end.URL == "" {
		http.Redirect(w, r, "/", http.StatusFound)
		return
	}
	v := url.Values{"client_id": {p.cfg.ClientID}, "post_logout_redirect_uri": {strings.TrimSuffix(p.cfg.BaseURL, "/") + "/"}}
	if hint != "" {
		v.Set("id_token_hint", hint)
	}
	http.Redirect(w, r, end.URL+"?"+v.Encode(), http.StatusFound)
}

// DossierRequest is the body of POST /ho-so.
type DossierRequest struct {
	Procedure string   `json:"procedure"`
	Subjects  []string `json:"subjects"`
}

// Dossier is the answer of POST /ho-so.
type Dossier struct {
	ID       string            `json:"id,omitempty"`
	Accepted bool              `json:"accepted"`
	Form     map[string]string `json:"form,omitempty"`
	Message  string            `json:"message,omitempty"`
}

// Level2 are the procedures the portal opens to level-2 accounts only.
var Level2 = []string{"1.001234"}

func (p *Portal) dossier(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "POST", http.StatusMethodNotAllowed)
		return
	}
	_, s := p.current(r)
	if s == nil || s.citizen.ID == "" {
		http.Error(w, "chưa đăng nhập", http.StatusUnauthorized)
		return
	}
	var req DossierRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16)).Decode(&req); err != nil {
		http.Error(w, "yêu cầu không hợp lệ", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	for _, l2 := range Level2 {
		if req.Procedure == l2 && s.citizen.Level < 2 {
			_ = json.NewEncoder(w).Encode(Dossier{Message: "Thủ tục yêu cầu tài khoản định danh điện tử mức 2"})
			return
		}
	}
	for _, id := range req.Subjects {
		if !ident.ValidPIN(id) {
			_ = json.NewEncoder(w).Encode(Dossier{Message: "Số định danh cá nhân không hợp lệ: " + ident.Mask(id)})
			return
		}
	}
	d := Dossier{ID: "HS-" + random()[:8], Accepted: true, Form: map[string]string{}}
	rec, err := p.lookup(r.Context(), s.citizen.ID)
	if err != nil {
		d.Message = "Chưa kết nối được Cơ sở dữ liệu quốc gia về dân cư; vui lòng nhập thông tin thủ công."
		_ = json.NewEncoder(w).Encode(d)
		return
	}
	if rec != nil {
		n := rec.NgayThangNamSinh.NgayThangNam
		sex := "Nữ"
		if rec.GioiTinh == popdbtest.SexMale {
			sex = "Nam"
		}
		d.Form = map[string]string{"HoVaTen": strings.ToUpper(rec.HoVaTen.String()), "SoDinhDanh": rec.SoDinhDanh,
			"GioiTinh": sex, "ThuongTru": rec.ThuongTru.String(), "QuocTich": "Việt Nam"}
		if len(n) == 8 {
			d.Form["NgayThangNamSinh"] = n[6:8] + "/" + n[4:6] + "/" + n[:4]
		}
	}
	for _, id := range req.Subjects {
		_, _ = p.lookup(r.Context(), id)
	}
	_ = json.NewEncoder(w).Encode(d)
}

// lookup asks the population database for one citizen, with at most two retries, each bounded.
func (p *Portal) lookup(ctx context.Context, id string) (*popdbtest.CongDan, error) {
	if p.cfg.Population == nil {
		return nil, errors.New("no population database configured")
	}
	var last error
	for i := 0; i < maxTries; i++ {
		req := popdbtest.LookupRequest{MaDVC: "VPCP", MaCanBo: "001085123445", MaDonVi: "000.00.00.H00", SoDinhDanh: id}
		cd, err := p.cfg.Population.Lookup(ctx, req)
		if err == nil || errors.Is(err, popdbtest.ErrNotFound) {
			return cd, err
		}
		last = err
		if ctx.Err() != nil {
			break
		}
	}
	return nil, last
}
