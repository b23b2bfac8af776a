package popdata

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/ident"
)

// defects are the ways a fixture portal misbehaves; the zero value is a compliant portal.
type defects struct {
	trustAny       bool // accepts any gateway certificate
	lookupOther    bool // also looks up someone the dossier does not concern
	noValidate     bool // sends subjects to the gateway without validating them
	retries        int  // retries after a failed look-up (compliant: 2)
	leak           bool // shows the raw error with a stack trace
	noMessage      bool // refuses silently when the gateway fails
	noPrefill      bool // leaves the form empty
	wrongName      bool // shows a name that is not the record's
	noLookup       bool // never calls the gateway
	constantID     bool // same MaYeuCau for every request
	wrongCode      bool // MaTichHop 036
	badSecret      bool // signs with the wrong secret
	idInGatewayURL bool // puts the identifier in the gateway URL's query
	idInLinks      bool // links to pages with the identifier in the query
	lookupTwice    bool // looks the citizen up twice per dossier
	ignoreTimeout  bool // no client timeout towards the gateway
	idInLoginURL   bool // the login form posts to a URL carrying the identifier
	lookupAtLogin  bool // also looks the citizen up at login (a kept-alive gateway connection waits)
	plainGateway   bool // speaks plain HTTP to the gateway's TLS port
	// gatewayTimeout overrides the portal's timeout towards the gateway (default 500ms).
	gatewayTimeout time.Duration
}

// fixture is a small portal over HTTP on 127.0.0.1 that looks citizens up in a popdbtest
// gateway, and its adapter.
type fixture struct {
	d      defects
	gw     *popdbtest.Server
	srv    *httptest.Server
	client *popdbtest.Client

	// timeout is the harness's request timeout. Default 5s.
	timeout time.Duration

	mu       sync.Mutex
	sessions map[string]ident.Person
	n        int
	procs    []string // the procedure of each dossier started
}

const officer = "001085123445"

func newFixture(t *testing.T, d defects) *fixture {
	t.Helper()
	f := &fixture{d: d, gw: popdbtest.NewServer(), sessions: map[string]ident.Person{}, timeout: 5 * time.Second}
	t.Cleanup(f.gw.Close)
	tlsCfg := f.gw.TLSConfig()
	if d.trustAny {
		tlsCfg = &tls.Config{InsecureSkipVerify: true}
	}
	timeout := 500 * time.Millisecond // generous: a loaded CI machine must not make a compliant fixture retry
	if d.gatewayTimeout > 0 {
		timeout = d.gatewayTimeout
	}
	if d.ignoreTimeout {
		timeout = 0
	}
	creds := f.gw.Credentials
	if d.badSecret {
		creds.Secret = "not-the-secret"
	}
	endpoint := f.gw.Endpoint()
	if d.plainGateway {
		endpoint = "http://" + strings.TrimPrefix(endpoint, "https://")
	}
	f.client = &popdbtest.Client{Endpoint: endpoint, Credentials: creds,
		HTTP: &http.Client{Transport: &http.Transport{TLSClientConfig: tlsCfg}, Timeout: timeout}}
	if d.retries == 0 {
		f.d.retries = 2
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", f.home)
	mux.HandleFunc("POST /login", f.login)
	mux.HandleFunc("POST /dossiers", f.dossiers)
	mux.HandleFunc("GET /thu-tuc", f.procedures)
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fixture) home(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	link := `<a href="/thu-tuc">Thủ tục hành chính</a>`
	if f.d.idInLinks {
		link += fmt.Sprintf(`<a href="/tra-cuu?soDinhDanh=%s">Hồ sơ của tôi</a>`, f.gw.People[0].ID)
	}
	fmt.Fprintf(w, `<!doctype html><html lang="vi"><head><title>Cổng DVC</title></head><body>%s
<form action="/tim-kiem" method="get"><input name="q"></form></body></html>`, link)
}

// procedures is the portal's procedure catalogue page.
func (f *fixture) procedures(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprint(w, `<!doctype html><html lang="vi"><head><title>Thủ tục hành chính</title></head><body><ul>
<li data-ma-tthc="1.000656" data-muc-do="toan_trinh"><a href="/thu-tuc/1.000656">1.000656 Cấp phiếu lý lịch tư pháp</a> Toàn trình</li>
<li data-ma-tthc="1.001612" data-muc-do="toan_trinh"><a href="/thu-tuc/1.001612">1.001612 Đăng ký khai sinh</a> Toàn trình</li>
</ul></body></html>`)
}

func (f *fixture) login(w http.ResponseWriter, r *http.Request) {
	p, ok := f.gw.Citizen(r.FormValue("id"))
	if !ok {
		http.Error(w, "unknown", http.StatusForbidden)
		return
	}
	f.mu.Lock()
	f.n++
	sid := fmt.Sprintf("s%d", f.n)
	f.sessions[sid] = p
	f.mu.Unlock()
	if f.d.lookupAtLogin {
		if _, err := f.lookup(r.Context(), p.ID); err != nil {
			http.Error(w, "population database unavailable", http.StatusBadGateway)
			return
		}
	}
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: sid, Path: "/", HttpOnly: true})
	w.WriteHeader(http.StatusNoContent)
}

func (f *fixture) dossiers(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("sid")
	f.mu.Lock()
	who, ok := ident.Person{}, false
	if err == nil {
		who, ok = f.sessions[c.Value]
	}
	f.mu.Unlock()
	if !ok {
		http.Error(w, "login first", http.StatusUnauthorized)
		return
	}
	var req check.DossierRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	f.mu.Lock()
	f.procs = append(f.procs, req.Procedure)
	f.mu.Unlock()
	d := f.start(r.Context(), who, req.Subjects)
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(d)
}

func (f *fixture) lookup(ctx context.Context, id string) (*popdbtest.CongDan, error) {
	var last error
	for i := 0; i <= f.d.retries; i++ {
		req := popdbtest.LookupRequest{MaDVC: "VPCP", MaCanBo: officer, MaDonVi: "000.00.00.H00", SoDinhDanh: id}
		if len(id) == 9 {
			req.SoDinhDanh, req.SoCMND = "", id
		}
		if f.d.constantID {
			req.MaYeuCau = "YC-1"
		}
		if f.d.wrongCode {
			req.MaTichHop = "036"
		}
		c := *f.client
		if f.d.idInGatewayURL {
			c.Endpoint += "?soDinhDanh=" + url.QueryEscape(id)
		}
		cd, err := c.Lookup(ctx, req)
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

func (f *fixture) start(ctx context.Context, who ident.Person, subjects []string) check.Dossier {
	if !f.d.noValidate {
		for _, s := range subjects {
			if !ident.ValidPIN(s) {
				return check.Dossier{Message: "Số định danh cá nhân không hợp lệ: " + ident.Mask(s)}
			}
		}
	}
	if f.d.noLookup {
		return check.Dossier{ID: "HS-1", Accepted: true, Form: map[string]string{}}
	}
	rec, err := f.lookup(ctx, who.ID)
	if err != nil {
		switch {
		case f.d.leak:
			return check.Dossier{Message: fmt.Sprintf("Lỗi: %v\ngoroutine 1 [running]:\nportal.lookup()\n\t/src/portal/popdb.go:42 +0x1d", err)}
		case f.d.noMessage:
			return check.Dossier{}
		default:
			return check.Dossier{ID: "HS-1", Accepted: true, Form: map[string]string{},
				Message: "Chưa kết nối được Cơ sở dữ liệu quốc gia về dân cư; vui lòng nhập thông tin thủ công."}
		}
	}
	form := map[string]string{}
	if !f.d.noPrefill {
		sex := "Nữ"
		if rec.GioiTinh == popdbtest.SexMale {
			sex = "Nam"
		}
		n := rec.NgayThangNamSinh.NgayThangNam
		form = map[string]string{
			"HoVaTen":          strings.ToUpper(rec.HoVaTen.String()),
			"SoDinhDanh":       rec.SoDinhDanh,
			"NgayThangNamSinh": n[6:8] + "/" + n[4:6] + "/" + n[:4],
			"GioiTinh":         sex,
			"ThuongTru":        rec.ThuongTru.String(),
			"QuocTich":         "Việt Nam",
		}
		if f.d.wrongName {
			form["HoVaTen"] = "Nguyễn Văn Sai"
		}
	}
	if f.d.lookupTwice {
		_, _ = f.lookup(ctx, who.ID)
	}
	if f.d.lookupOther {
		for _, p := range f.gw.People {
			if p.ID != who.ID && p.Household != who.Household {
				_, _ = f.lookup(ctx, p.ID)
				break
			}
		}
	}
	for _, s := range subjects {
		_, _ = f.lookup(ctx, s)
	}
	return check.Dossier{ID: "HS-1", Accepted: true, Form: form}
}

// adapter drives the fixture portal as the harness's adapter.
type adapter struct {
	base string
	// idInURL makes Login post to /login?cccd=<ID>, as a careless portal's form would.
	idInURL bool
}

// namingAdapter also names the procedure of the population-data checks.
type namingAdapter struct {
	adapter
	proc string
}

func (a namingAdapter) PopulationProcedure() string { return a.proc }

var (
	_ check.Login    = adapter{}
	_ check.Dossiers = adapter{}
)

func (a adapter) Login(ctx context.Context, b *check.Browser, who ident.Person) error {
	target := a.base + "/login"
	if a.idInURL {
		target += "?cccd=" + who.ID
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, target, strings.NewReader(url.Values{"id": {who.ID}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := b.Client.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		return fmt.Errorf("login: HTTP %d", resp.StatusCode)
	}
	return nil
}

func (a adapter) StartDossier(ctx context.Context, b *check.Browser, dr check.DossierRequest) (*check.Dossier, error) {
	body, _ := json.Marshal(dr)
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, a.base+"/dossiers", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	resp, err := b.Client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("start dossier: HTTP %d", resp.StatusCode)
	}
	var d check.Dossier
	if err := json.NewDecoder(resp.Body).Decode(&d); err != nil {
		return nil, err
	}
	return &d, nil
}

func (a adapter) SubmitDossier(ctx context.Context, b *check.Browser, d *check.Dossier, dr check.DossierRequest) (*check.Dossier, error) {
	return nil, &check.NotImplementedError{Method: "Dossiers.SubmitDossier"}
}

// session is a harness session over the fixture.
func (f *fixture) session(t *testing.T) *check.Session {
	t.Helper()
	s, err := probe.NewSession(check.Target{BaseURL: f.srv.URL, Portal: adapter{base: f.srv.URL, idInURL: f.d.idInLoginURL}, PopDB: f.gw},
		check.Config{RequestTimeout: f.timeout})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
