package ssotest

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/internal/jose"
)

type accessToken struct {
	flow    *flow
	expires time.Time
	revoked bool
}

func (s *Server) serveToken(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		tokenError(w, http.StatusMethodNotAllowed, "invalid_request", "the token endpoint takes POST")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		tokenError(w, http.StatusBadRequest, "invalid_request", "unreadable form: "+err.Error())
		return
	}
	form := r.PostForm
	red := Redemption{Time: s.Now(), AuthMethod: "none", RedirectURI: form.Get("redirect_uri")}

	// Client authentication (RFC 6749 §2.3.1): HTTP Basic or the client_secret_post form fields,
	// never both.
	var id, secret string
	basicID, basicSecret, hasBasic := r.BasicAuth()
	switch {
	case hasBasic && form.Get("client_secret") != "":
		red.AuthMethod = "client_secret_basic+client_secret_post"
	case hasBasic:
		red.AuthMethod = "client_secret_basic"
		id, _ = url.QueryUnescape(basicID)
		secret, _ = url.QueryUnescape(basicSecret)
	case form.Get("client_secret") != "":
		red.AuthMethod = "client_secret_post"
		id, secret = form.Get("client_id"), form.Get("client_secret")
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.codes[form.Get("code")]
	record := func(status int, code, desc string) {
		red.Error = code + ": " + desc
		if f != nil {
			f.Redemptions = append(f.Redemptions, red)
		}
		if code == "invalid_client" && hasBasic {
			w.Header().Set("WWW-Authenticate", `Basic realm="ssotest"`)
		}
		tokenError(w, status, code, desc)
	}
	if strings.Contains(red.AuthMethod, "+") {
		record(http.StatusBadRequest, "invalid_request", "the client used more than one authentication method")
		return
	}
	c := s.clientLocked(id)
	if red.AuthMethod == "none" || c == nil || !c.secretOK(secret) {
		record(http.StatusUnauthorized, "invalid_client", "client authentication failed (client_secret_basic or client_secret_post)")
		return
	}
	if form.Get("client_id") != "" && form.Get("client_id") != id {
		record(http.StatusBadRequest, "invalid_request", "client_id does not match the authenticated client")
		return
	}
	if gt := form.Get("grant_type"); gt != "authorization_code" {
		record(http.StatusBadRequest, "unsupported_grant_type", fmt.Sprintf("grant_type %q", gt))
		return
	}
	if f == nil {
		record(http.StatusBadRequest, "invalid_grant", "unknown authorization code")
		return
	}
	if f.clientID != id {
		record(http.StatusBadRequest, "invalid_grant", "the code was issued to another client")
		return
	}
	if f.Redeemed() && f.Mode != ReplayableCode {
		// RFC 6749 §4.1.2: a code used twice revokes the tokens issued from it.
		for _, t := range f.tokens {
			if at := s.tokens[t]; at != nil {
				at.revoked = true
			}
		}
		record(http.StatusBadRequest, "invalid_grant", "the authorization code was already used; tokens issued from it are revoked")
		return
	}
	if s.Now().Sub(f.codeIssued) > s.CodeTTL {
		record(http.StatusBadRequest, "invalid_grant", fmt.Sprintf("the authorization code expired (lifetime %s)", s.CodeTTL))
		return
	}
	if red.RedirectURI != f.Request.RedirectURI {
		record(http.StatusBadRequest, "invalid_grant", "redirect_uri differs from the authorization request's")
		return
	}
	if f.Request.CodeChallenge != "" {
		sum := sha256.Sum256([]byte(form.Get("code_verifier")))
		red.CodeVerifier = base64.RawURLEncoding.EncodeToString(sum[:]) == f.Request.CodeChallenge
		if !red.CodeVerifier {
			record(http.StatusBadRequest, "invalid_grant", "code_verifier missing or does not match the code_challenge (PKCE S256)")
			return
		}
	}
	who := s.people[s.byID[f.Account]]
	at := randomID(24)
	idToken, err := s.mintLocked(f, who, id, at)
	if err != nil {
		record(http.StatusInternalServerError, "server_error", err.Error())
		return
	}
	f.IDToken = idToken
	s.tokens[at] = &accessToken{flow: f, expires: s.Now().Add(s.TokenTTL)}
	f.tokens = append(f.tokens, at)
	f.Redemptions = append(f.Redemptions, red)
	writeJSON(w, http.StatusOK, map[string]any{
		"access_token": at, "token_type": "Bearer", "expires_in": int(s.TokenTTL / time.Second),
		"id_token": idToken, "scope": f.Request.Scope,
	})
}

func tokenError(w http.ResponseWriter, status int, code, desc string) {
	writeJSON(w, status, map[string]string{"error": code, "error_description": desc})
}

// Subject returns the sub the provider gives the citizen: stable and opaque, not the personal
// identification number (which travels in the SoDinhDanh claim).
func Subject(p ident.Person) string {
	sum := sha256.Sum256([]byte("ssotest-sub:" + p.ID))
	return fmt.Sprintf("%x-%x-%x-%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])
}

func loa(level int) string {
	if level == 2 {
		return "LoA2"
	}
	return "LoA1"
}

// mintLocked signs the ID token of flow f for client aud, applying f's misbehaviour.
func (s *Server) mintLocked(f *flow, who ident.Person, aud, accessToken string) (string, error) {
	now := s.Now()
	ath := sha256.Sum256([]byte(accessToken))
	c := map[string]any{
		"iss": s.issuerURL, "sub": Subject(who), "aud": aud, "exp": now.Add(s.TokenTTL).Unix(), "iat": now.Unix(),
		"auth_time": f.authTime.Unix(), "acr": loa(who.Level), "amr": []string{"pwd"},
		"at_hash":    base64.RawURLEncoding.EncodeToString(ath[:16]),
		"SoDinhDanh": who.ID, "HoVaTen": who.FullName(), "loAs": loAs(who.Level),
	}
	if f.Request.Nonce != "" {
		c["nonce"] = f.Request.Nonce
	}
	switch f.Mode {
	case WrongIssuer:
		c["iss"] = "https://sso.attacker.invalid"
	case WrongAudience:
		c["aud"] = "ssotest-another-portal"
	case Expired:
		c["iat"], c["exp"], c["auth_time"] = now.Add(-20*time.Minute).Unix(), now.Add(-10*time.Minute).Unix(), now.Add(-20*time.Minute).Unix()
	case IssuedInFuture:
		c["iat"], c["nbf"], c["exp"] = now.Add(time.Hour).Unix(), now.Add(time.Hour).Unix(), now.Add(time.Hour+s.TokenTTL).Unix()
	case NonceMismatch:
		c["nonce"] = "ssotest-other-nonce-" + randomID(8)
	}
	payload, err := json.Marshal(c)
	if err != nil {
		return "", err
	}
	switch f.Mode {
	case AlgNone:
		return jose.SignNone(payload), nil
	case UnknownKID:
		_, unknown := testKeys()
		return jose.Sign(unknown.priv, "ssotest-unknown-"+randomID(4), "JWT", payload)
	}
	k := s.keys[0]
	tok, err := jose.Sign(k.priv, k.jwk.Kid, "JWT", payload)
	if err != nil {
		return "", err
	}
	if f.Mode == BadSignature {
		// Alter the signature's bytes, keeping it well-formed base64url of the right length.
		i := strings.LastIndexByte(tok, '.')
		sig, _ := base64.RawURLEncoding.DecodeString(tok[i+1:])
		for j := range sig[:16] {
			sig[j] ^= 0x5a
		}
		tok = tok[:i+1] + base64.RawURLEncoding.EncodeToString(sig)
	}
	return tok, nil
}

func loAs(level int) []string {
	if level == 2 {
		return []string{"LoA1", "LoA2"}
	}
	return []string{"LoA1"}
}

// UserInfo returns the national SSO's userinfo claims of a citizen (docs/integration.md). Where the
// public sources name a claim but not its values, the fake's conventions are: NgayThangNamSinh
// as YYYY-MM-DD, GioiTinh 1 for male and 2 for female, LoaiTaiKhoan 1 for a citizen account,
// loAs the assurance levels the account satisfies, TrangThai 1 for active.
func UserInfo(p ident.Person) map[string]any {
	sex := 2
	if p.Male {
		sex = 1
	}
	return map[string]any{
		"sub": Subject(p), "SoDinhDanh": p.ID, "SoCMND": p.OldID, "HoVaTen": p.FullName(),
		"NgayThangNamSinh": p.BirthDate, "GioiTinh": sex, "QuocTich": "VN", "ThuongTru": p.Address,
		"NoiOHienNay": p.Address, "loAs": loAs(p.Level), "LoaiTaiKhoan": 1, "TrangThai": 1,
	}
}

func (s *Server) serveUserInfo(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	auth := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok {
		tok, ok = strings.CutPrefix(auth, "bearer ")
	}
	s.mu.Lock()
	at := s.tokens[strings.TrimSpace(tok)]
	var f *flow
	valid := ok && at != nil && !at.revoked && s.Now().Before(at.expires)
	if at != nil {
		f = at.flow
		f.UserInfo++
	}
	var who ident.Person
	if valid {
		who = s.people[s.byID[f.Account]]
		if f.Mode == UserinfoSubMismatch {
			for _, p := range s.people {
				if p.ID != who.ID {
					who = p
					break
				}
			}
		}
	}
	s.mu.Unlock()
	if !valid {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_token"})
		return
	}
	writeJSON(w, http.StatusOK, UserInfo(who))
}

func (s *Server) serveLogout(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	lo := Logout{Time: s.Now(), ClientID: r.Form.Get("client_id"), PostLogoutRedirectURI: r.Form.Get("post_logout_redirect_uri")}
	if hint := r.Form.Get("id_token_hint"); hint != "" {
		lo.IDTokenHint = true
		if j, err := jose.Parse(hint); err == nil {
			var c jose.Claims
			if json.Unmarshal(j.Payload, &c) == nil {
				lo.Subject = c.Subject
				if lo.ClientID == "" && len(c.Audience) > 0 {
					lo.ClientID = c.Audience[0]
				}
			}
		}
	}
	s.mu.Lock()
	s.logouts = append(s.logouts, lo)
	if len(s.logouts) > s.MaxFlows {
		s.logouts = s.logouts[1:]
	}
	c := s.clientLocked(lo.ClientID)
	s.mu.Unlock()
	if lo.PostLogoutRedirectURI != "" && c != nil && c.allows(lo.PostLogoutRedirectURI) {
		v := url.Values{}
		if st := r.Form.Get("state"); st != "" {
			v.Set("state", st)
		}
		target := lo.PostLogoutRedirectURI
		if len(v) > 0 {
			target = appendQuery(target, v)
		}
		http.Redirect(w, r, target, http.StatusFound)
		return
	}
	s.page(w, http.StatusOK, "Đã đăng xuất / Logged out", "Bạn đã đăng xuất khỏi Cổng Dịch vụ công Quốc gia (ssotest).")
}
