package ssotest

import (
	"context"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/p06kit/p06kit/ident"
)

// Form fields of the login page, for browsers driven by code.
const (
	// FieldFlow carries the flow ID (sessionDataKey).
	FieldFlow = "sessionDataKey"
	// FieldAccount is the personal identification number of the account to log in as.
	FieldAccount = "account"
	// FieldMode is the misbehaviour for this flow only (a [Mode] name; empty for normal).
	FieldMode = "mode"
)

func (s *Server) serveAuthorize(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad request: "+err.Error(), http.StatusBadRequest)
		return
	}
	q := r.Form
	req := AuthRequest{ClientID: q.Get("client_id"), RedirectURI: q.Get("redirect_uri"), ResponseType: q.Get("response_type"),
		Scope: q.Get("scope"), State: q.Get("state"), Nonce: q.Get("nonce"), CodeChallenge: q.Get("code_challenge"),
		CodeChallengeMethod: q.Get("code_challenge_method"), ACRValues: q.Get("acr_values"), Prompt: q.Get("prompt"), Query: q}
	f := &flow{Flow: Flow{ID: randomID(16), Started: s.Now(), Request: req}, clientID: req.ClientID}
	s.mu.Lock()
	f.Mode = s.mode
	c := s.clientLocked(req.ClientID)
	s.addFlowLocked(f)
	s.mu.Unlock()

	// RFC 6749 §4.1.2.1: without a valid client and redirect URI the provider must not redirect.
	if c == nil || !c.allows(req.RedirectURI) {
		what := fmt.Sprintf("unknown client_id %q", req.ClientID)
		if c != nil {
			what = fmt.Sprintf("redirect_uri %q is not registered for client %q", req.RedirectURI, req.ClientID)
		}
		s.fail(f, "invalid_request: "+what)
		s.page(w, http.StatusBadRequest, "Yêu cầu không hợp lệ / Invalid request", what)
		return
	}
	var code, desc string
	scopes := strings.Fields(req.Scope)
	switch {
	case req.ResponseType != "code":
		code, desc = "unsupported_response_type", fmt.Sprintf("response_type %q; only the authorization-code flow (code) is supported", req.ResponseType)
	case !contains(scopes, "openid"):
		code, desc = "invalid_scope", fmt.Sprintf("scope %q lacks openid", req.Scope)
	case req.CodeChallenge == "" && !s.PKCEOptional:
		code, desc = "invalid_request", "code_challenge is required (PKCE with S256)"
	case req.CodeChallenge != "" && req.CodeChallengeMethod != "S256":
		code, desc = "invalid_request", fmt.Sprintf("code_challenge_method %q; only S256 is supported", req.CodeChallengeMethod)
	case req.CodeChallenge != "" && (len(req.CodeChallenge) != 43 || strings.Trim(req.CodeChallenge, b64chars) != ""):
		code, desc = "invalid_request", "code_challenge is not a base64url SHA-256 digest (43 characters)"
	case req.State == "" && !s.StateNonceOptional:
		code, desc = "invalid_request", "state is required"
	case req.Nonce == "" && !s.StateNonceOptional:
		code, desc = "invalid_request", "nonce is required"
	case req.Prompt == "none":
		code, desc = "login_required", "prompt=none but the citizen has no session at the SSO"
	}
	if code != "" {
		s.fail(f, code+": "+desc)
		redirectError(w, r, req.RedirectURI, code, desc, req.State)
		return
	}
	s.mu.Lock()
	if s.auto != nil {
		if _, known := s.byID[s.auto.ID]; !known {
			s.addAccountLocked(*s.auto)
		}
		cb := s.completeLocked(f, s.people[s.byID[s.auto.ID]])
		s.mu.Unlock()
		http.Redirect(w, r, cb, http.StatusFound)
		return
	}
	s.mu.Unlock()
	http.Redirect(w, r, LoginPath+"?"+url.Values{FieldFlow: {f.ID}}.Encode(), http.StatusFound)
}

const b64chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

func (s *Server) fail(f *flow, msg string) {
	s.mu.Lock()
	f.Request.Error = msg
	s.mu.Unlock()
}

func redirectError(w http.ResponseWriter, r *http.Request, redirectURI, code, desc, state string) {
	v := url.Values{"error": {code}, "error_description": {desc}}
	if state != "" {
		v.Set("state", state)
	}
	http.Redirect(w, r, appendQuery(redirectURI, v), http.StatusFound)
}

func appendQuery(u string, v url.Values) string {
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	return u + sep + v.Encode()
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

var loginPage = template.Must(template.New("login").Parse(`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Đăng nhập — Cổng Dịch vụ công Quốc gia (ssotest)</title></head>
<body><main>
<h1>Đăng nhập bằng tài khoản định danh điện tử (VNeID)</h1>
<p>Giả lập để kiểm thử (ssotest) — test fake of the national SSO. Ứng dụng: {{.Client}}</p>
<form method="post" action="{{.Action}}">
<input type="hidden" name="sessionDataKey" value="{{.Flow}}">
<fieldset><legend>Chọn công dân / Choose a citizen</legend>
{{range $i, $p := .People}}<label><input type="radio" name="account" value="{{$p.ID}}"{{if eq $i 0}} checked{{end}}> {{$p.FullName}} — {{$p.ID}} — mức {{$p.Level}}</label><br>
{{end}}</fieldset>
<label for="mode">Hành vi sai (chỉ để kiểm thử) / Misbehaviour (tests only)</label>
<select id="mode" name="mode"><option value="">normal</option>{{range .Modes}}<option value="{{.}}">{{.}} — {{.Describe}}</option>{{end}}</select>
<button type="submit">Đăng nhập</button>
</form></main></body></html>
`))

func (s *Server) serveLogin(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad request: "+err.Error(), http.StatusBadRequest)
		return
	}
	id := r.Form.Get(FieldFlow)
	s.mu.Lock()
	f, ok := s.flows[id]
	var pending bool
	if ok {
		pending = f.Request.Error == "" && f.Account == ""
	}
	s.mu.Unlock()
	if !ok || !pending {
		s.page(w, http.StatusBadRequest, "Phiên đăng nhập không hợp lệ / Unknown or finished login",
			"sessionDataKey does not name a pending authorization request of this provider")
		return
	}
	if r.Method == http.MethodGet {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_ = loginPage.Execute(w, map[string]any{"Action": LoginPath, "Flow": id, "Client": f.clientID,
			"People": s.Accounts(), "Modes": Modes()})
		return
	}
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	who, ok := s.Account(r.Form.Get(FieldAccount))
	if !ok {
		s.page(w, http.StatusBadRequest, "Tài khoản không tồn tại / No such account",
			fmt.Sprintf("the provider has no account %q; add it with AddAccount", r.Form.Get(FieldAccount)))
		return
	}
	mode, err := ParseMode(r.Form.Get(FieldMode))
	if err != nil {
		s.page(w, http.StatusBadRequest, "Chế độ không hợp lệ / Unknown mode", err.Error())
		return
	}
	s.mu.Lock()
	if f.Account != "" { // a concurrent submission won
		s.mu.Unlock()
		s.page(w, http.StatusBadRequest, "Phiên đăng nhập đã dùng / Login already submitted", "")
		return
	}
	if r.Form.Has(FieldMode) {
		f.Mode = mode
	}
	cb := s.completeLocked(f, who)
	s.mu.Unlock()
	http.Redirect(w, r, cb, http.StatusSeeOther)
}

// completeLocked logs who in on flow f: it issues the code and returns the callback URL.
func (s *Server) completeLocked(f *flow, who ident.Person) string {
	f.Account = who.ID
	f.authTime = s.Now()
	f.codeIssued = f.authTime
	f.code = randomID(24)
	s.codes[f.code] = f
	state := f.Request.State
	if f.Mode == StateMismatch {
		state = "ssotest-other-state-" + randomID(8)
	}
	v := url.Values{"code": {f.code}}
	if state != "" {
		v.Set("state", state)
	}
	f.Callback = appendQuery(f.Request.RedirectURI, v)
	return f.Callback
}

// SetAutoLogin makes every authorization request log who in at once, without the login page,
// so that a vendor's own tests can log in with any HTTP client that follows redirects. nil
// restores the login page. The harness's identity checks need the login page (they choose the
// account and the misbehaviour per login): leave auto-login off when they run.
func (s *Server) SetAutoLogin(who *ident.Person) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if who == nil {
		s.auto = nil
		return
	}
	p := *who
	s.auto = &p
}

func (s *Server) page(w http.ResponseWriter, status int, title, detail string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = template.Must(template.New("p").Parse(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{.T}}</title></head><body><h1>{{.T}}</h1><p>{{.D}}</p></body></html>`)).
		Execute(w, map[string]string{"T": title, "D": detail})
}

// FlowID returns the flow ID when u is this server's login page (where the authorization
// endpoint sends the browser), so that code driving a browser can then call Authenticate.
func (s *Server) FlowID(u *url.URL) (string, bool) {
	base, err := url.Parse(s.URL)
	if err != nil || u == nil || !strings.EqualFold(u.Host, base.Host) || u.Path != LoginPath {
		return "", false
	}
	id := u.Query().Get(FieldFlow)
	return id, id != ""
}

// Authenticate submits the login page of flow id as the citizen who, with the misbehaviour mode
// for this flow only, using c (which must trust the server: Client's transport, or a browser's
// client with it). It does not follow the redirect back to the portal: it returns the callback
// URL (the portal's redirect_uri with code and state), for the browser to visit.
func (s *Server) Authenticate(ctx context.Context, c *http.Client, id string, who ident.Person, mode Mode) (*url.URL, error) {
	form := url.Values{FieldFlow: {id}, FieldAccount: {who.ID}, FieldMode: {string(mode)}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.URL+LoginPath, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	cc := *c
	cc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := cc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("ssotest: submitting the login page: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusSeeOther {
		return nil, fmt.Errorf("ssotest: login page answered %s: %s", resp.Status, textOf(body))
	}
	loc, err := resp.Location()
	if err != nil {
		return nil, fmt.Errorf("ssotest: login page redirect: %w", err)
	}
	return loc, nil
}

// textOf strips tags from a short HTML error page for messages.
func textOf(b []byte) string {
	var out strings.Builder
	in := false
	for _, r := range string(b) {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
			out.WriteByte(' ')
		case !in:
			out.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(out.String()), " ")
}
