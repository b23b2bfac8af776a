// Package fakeportal is a small portal with switchable defects, and its adapter, for the tests of
// the signature and data-warehouse checks: it signs results with the agency certificate of a
// signtest PKI, verifies signed submissions against the PKI's trust list, stores results in each
// citizen's data warehouse and lets dossiers reuse them. Each Defects field breaks one behaviour.
//
//	p, _ := fakeportal.New(pki, fakeportal.Defects{AcceptTampered: true})
//	defer p.Close()
//	target := check.Target{BaseURL: p.URL, Portal: p.Adapter(), PKI: pki}
package fakeportal

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/ident"
)

// Defects break the portal, one behaviour each. The zero value is a correct portal.
type Defects struct {
	// PDFResults is not a defect: results are signed PDFs (PAdES byte ranges) rather than a
	// document with a detached CMS signature.
	PDFResults bool
	// AttachedOnly is not a defect: the portal takes signed uploads as attached CMS files
	// (.p7m) only and refuses detached signatures.
	AttachedOnly bool

	// Results.
	UnsignedResults     bool // results carry no signature
	CitizenSignsResults bool // results are signed with a citizen certificate
	UntrustedResults    bool // results are signed by a certificate outside the trust list
	TamperedResults     bool // results are changed after signing
	PresignedResults    bool // results carry a signature made weeks before the dossier

	// Submissions.
	AcceptTampered  bool // a signature whose content changed is accepted
	AcceptExpired   bool // an expired certificate is accepted
	AcceptRevoked   bool // a revoked certificate is accepted
	AcceptUntrusted bool // a certificate outside the trust list is accepted
	NoVerification  bool // signatures are not verified at all
	RefuseSigned    bool // every signed document is refused, even a valid one
	NoSignerRecord  bool // the signer is not recorded
	IgnoreBadSigs   bool // a document whose signature fails is accepted as if unsigned

	// Warehouse.
	NoWarehouse       bool // results are not stored in the warehouse
	NoItemLinks       bool // the warehouse lists items without a name or link
	RefuseReuse       bool // dossiers cannot reuse warehouse items
	ReuseUnchecked    bool // any reuse reference is accepted, even one that does not exist
	ReuseOthers       bool // a dossier may reuse another citizen's item
	SharedList        bool // the warehouse list shows every citizen's items
	ForeignLinks      bool // not a defect: download links point to a storage host elsewhere
	IDORByID          bool // any logged-in citizen reads any item through the API
	IDORByURL         bool // any logged-in citizen reads any item by its download link
	AnonymousByURL    bool // download links work without a session
	HideDossierOfItem bool // items do not say which dossier they came from
}

// Portal is the fake portal, served on loopback. It is safe for concurrent use.
type Portal struct {
	// URL is the base URL, e.g. "http://127.0.0.1:1234".
	URL string

	pki     *signtest.PKI
	defects Defects
	srv     *httptest.Server

	mu       sync.Mutex
	sessions map[string]string // session id -> citizen id
	dossiers map[string]*dossier
	items    map[string]*item
	seq      int
}

type dossier struct {
	ID, Owner, Status string
	Signers           []string
	Result            *check.Document
}

type item struct {
	ID, Owner, Name, Dossier string
	Doc                      check.Document
}

// New starts a portal configured with pki.
func New(pki *signtest.PKI, d Defects) *Portal {
	p := &Portal{pki: pki, defects: d, sessions: map[string]string{}, dossiers: map[string]*dossier{}, items: map[string]*item{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		// A home page, so that the harness can read the portal it assesses.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, `<!doctype html><html lang="vi"><head><title>Cổng thử nghiệm</title></head><body><h1>Cổng thử nghiệm</h1></body></html>`)
	})
	mux.HandleFunc("POST /test-login", p.login)
	mux.HandleFunc("POST /api/dossiers", p.submit)
	mux.HandleFunc("POST /api/dossiers/{id}/complete", p.complete)
	mux.HandleFunc("GET /api/dossiers/{id}/result", p.result)
	mux.HandleFunc("GET /api/warehouse", p.listWarehouse)
	mux.HandleFunc("GET /api/warehouse/{id}", p.apiItem)
	mux.HandleFunc("GET /kho/{id}", p.download)
	p.srv = httptest.NewServer(mux)
	p.URL = p.srv.URL
	return p
}

// Close shuts the portal down.
func (p *Portal) Close() { p.srv.Close() }

// Client is an HTTP client for the portal.
func (p *Portal) Client() *http.Client { return p.srv.Client() }

func (p *Portal) nextID(prefix string) string {
	p.seq++
	return fmt.Sprintf("%s-%06d", prefix, p.seq)
}

func (p *Portal) who(r *http.Request) string {
	c, err := r.Cookie("sid")
	if err != nil {
		return ""
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.sessions[c.Value]
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (p *Portal) login(w http.ResponseWriter, r *http.Request) {
	id := r.FormValue("id")
	if id == "" {
		http.Error(w, "missing id", http.StatusBadRequest)
		return
	}
	var b [16]byte
	_, _ = rand.Read(b[:])
	sid := hex.EncodeToString(b[:])
	p.mu.Lock()
	p.sessions[sid] = id
	p.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: sid, Path: "/", HttpOnly: true})
	w.WriteHeader(http.StatusNoContent)
}

// submission is the JSON body of POST /api/dossiers.
type submission struct {
	Procedure string           `json:"procedure"`
	Documents []check.Document `json:"documents"`
	Reuse     []string         `json:"reuse"`
}

type reply struct {
	ID       string   `json:"id,omitempty"`
	Accepted bool     `json:"accepted"`
	Message  string   `json:"message"`
	Signers  []string `json:"signers,omitempty"`
	Status   string   `json:"status,omitempty"`
}

func (p *Portal) submit(w http.ResponseWriter, r *http.Request) {
	owner := p.who(r)
	if owner == "" {
		http.Error(w, "đăng nhập để nộp hồ sơ", http.StatusUnauthorized)
		return
	}
	var sub submission
	if err := json.NewDecoder(io.LimitReader(r.Body, 8<<20)).Decode(&sub); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	var signers []string
	for _, d := range sub.Documents {
		if d.Signature == nil && !signtest.IsSignedData(d.Data) {
			continue
		}
		if p.defects.AttachedOnly && d.Signature != nil {
			writeJSON(w, http.StatusOK, reply{Message: "Chỉ nhận tệp ký số dạng đóng gói (.p7m)"})
			return
		}
		if p.defects.RefuseSigned {
			writeJSON(w, http.StatusOK, reply{Message: "Hệ thống không nhận tài liệu có chữ ký số"})
			return
		}
		if p.defects.NoVerification {
			signers = append(signers, "(không kiểm tra)")
			continue
		}
		s, err := p.pki.VerifyFile(d.Data, d.Signature)
		if err != nil && p.defects.IgnoreBadSigs {
			continue
		}
		if err != nil && !p.tolerated(err) {
			writeJSON(w, http.StatusOK, reply{Message: fmt.Sprintf("Chữ ký số của tệp %q không hợp lệ: %s", d.Name, signtest.Reason(err).Render(msg.VI))})
			return
		}
		if p.defects.NoSignerRecord {
			continue
		}
		var ve *signtest.VerifyError
		switch {
		case s != nil:
			signers = append(signers, s.Subject)
		case errors.As(err, &ve) && ve.Signer != nil: // a tolerated failure: the signer is still known
			signers = append(signers, signtest.FormatName(ve.Signer.Subject))
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, id := range sub.Reuse {
		it, ok := p.items[id]
		if p.defects.RefuseReuse {
			writeJSON(w, http.StatusOK, reply{Message: "Không hỗ trợ sử dụng lại giấy tờ từ kho dữ liệu; vui lòng tải lên tệp"})
			return
		}
		switch {
		case p.defects.ReuseUnchecked:
		case !ok, it.Owner != owner && !p.defects.ReuseOthers:
			writeJSON(w, http.StatusOK, reply{Message: fmt.Sprintf("Không tìm thấy giấy tờ %s trong kho dữ liệu của bạn", id)})
			return
		}
	}
	if len(sub.Documents) == 0 && len(sub.Reuse) == 0 {
		writeJSON(w, http.StatusOK, reply{Message: "Hồ sơ thiếu thành phần"})
		return
	}
	d := &dossier{ID: p.nextID("HS"), Owner: owner, Status: "Đã tiếp nhận", Signers: signers}
	p.dossiers[d.ID] = d
	writeJSON(w, http.StatusOK, reply{ID: d.ID, Accepted: true, Message: "Nộp hồ sơ thành công", Signers: signers, Status: d.Status})
}

// tolerated says whether a defect makes the portal accept a signature that failed for err.
func (p *Portal) tolerated(err error) bool {
	switch {
	case errors.Is(err, signtest.ErrTampered):
		return p.defects.AcceptTampered
	case errors.Is(err, signtest.ErrExpired):
		return p.defects.AcceptExpired
	case errors.Is(err, signtest.ErrRevoked):
		return p.defects.AcceptRevoked
	case errors.Is(err, signtest.ErrUntrusted):
		return p.defects.AcceptUntrusted
	}
	return false
}

func (p *Portal) complete(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	d, ok := p.dossiers[r.PathValue("id")]
	p.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	data := signtest.NewPDF("Kết quả giải quyết hồ sơ " + d.ID)
	signer := p.pki.Agency()
	var err error
	switch {
	case p.defects.CitizenSignsResults:
		signer, err = p.pki.Citizen(ident.DefaultPeople()[5])
	case p.defects.UntrustedResults:
		signer, err = p.pki.Issue(ident.DefaultPeople()[5], signtest.Untrusted)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	res := &check.Document{Name: "ket-qua-" + d.ID + ".pdf", ContentType: "application/pdf", Data: data}
	switch {
	case p.defects.UnsignedResults:
	case p.defects.PDFResults:
		res.Data, err = signtest.SignPDF(data, signer, signtest.SignOptions{SigningTime: p.pki.Now()})
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	default:
		st := p.pki.Now()
		if p.defects.PresignedResults {
			st = st.AddDate(0, 0, -20) // within the certificate's validity, which began a month ago
		}
		res.Signature, err = p.pki.Sign(data, signer, signtest.SignOptions{Detached: true, SigningTime: st, TSA: p.pki.TSA()})
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	}
	if p.defects.TamperedResults {
		// Change the document itself: for a signed PDF the middle of the file is the zero
		// padding of the signature, which no verifier reads.
		res.Data = append([]byte(nil), res.Data...)
		res.Data[len(data)/2] ^= 0x01
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	d.Status, d.Result = "Đã trả kết quả", res
	if !p.defects.NoWarehouse {
		it := &item{ID: p.nextID("KHO"), Owner: d.Owner, Name: "Kết quả hồ sơ " + d.ID, Dossier: d.ID, Doc: *res}
		p.items[it.ID] = it
	}
	w.WriteHeader(http.StatusNoContent)
}

func (p *Portal) result(w http.ResponseWriter, r *http.Request) {
	owner := p.who(r)
	p.mu.Lock()
	d, ok := p.dossiers[r.PathValue("id")]
	p.mu.Unlock()
	if !ok || owner == "" || d.Owner != owner {
		http.NotFound(w, r)
		return
	}
	if d.Result == nil {
		http.Error(w, "chưa có kết quả", http.StatusConflict)
		return
	}
	writeJSON(w, http.StatusOK, d.Result)
}

type listedItem struct {
	ID      string `json:"id"`
	Name    string `json:"name,omitempty"`
	URL     string `json:"url,omitempty"`
	Dossier string `json:"dossier,omitempty"`
}

func (p *Portal) listWarehouse(w http.ResponseWriter, r *http.Request) {
	owner := p.who(r)
	if owner == "" {
		http.Error(w, "đăng nhập", http.StatusUnauthorized)
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	out := []listedItem{}
	for _, it := range p.items {
		if it.Owner != owner && !p.defects.SharedList {
			continue
		}
		li := listedItem{ID: it.ID, Name: it.Name, URL: "/kho/" + it.ID, Dossier: it.Dossier}
		if p.defects.ForeignLinks {
			li.URL = "http://kho.example.invalid/kho/" + it.ID
		}
		if p.defects.NoItemLinks {
			li.Name, li.URL = "", ""
		}
		if p.defects.HideDossierOfItem {
			li.Dossier = ""
		}
		out = append(out, li)
	}
	writeJSON(w, http.StatusOK, out)
}

// item returns the item if the requester may read it under the portal's (possibly broken) rules.
func (p *Portal) item(r *http.Request, idor, anonymous bool) (*item, int) {
	owner := p.who(r)
	p.mu.Lock()
	it, ok := p.items[r.PathValue("id")]
	p.mu.Unlock()
	switch {
	case !ok:
		return nil, http.StatusNotFound
	case owner == "" && !anonymous:
		return nil, http.StatusUnauthorized
	case owner != "" && it.Owner != owner && !idor:
		return nil, http.StatusForbidden
	}
	return it, http.StatusOK
}

func (p *Portal) apiItem(w http.ResponseWriter, r *http.Request) {
	it, status := p.item(r, p.defects.IDORByID, false)
	if it == nil {
		http.Error(w, http.StatusText(status), status)
		return
	}
	writeJSON(w, http.StatusOK, it.Doc)
}

func (p *Portal) download(w http.ResponseWriter, r *http.Request) {
	it, status := p.item(r, p.defects.IDORByURL, p.defects.AnonymousByURL)
	if it == nil {
		// Like many portals, send the visitor to a login page with 200 rather than an error.
		if status == http.StatusUnauthorized {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = io.WriteString(w, "<!doctype html><title>Đăng nhập</title><p>Vui lòng đăng nhập.</p>")
			return
		}
		http.Error(w, http.StatusText(status), status)
		return
	}
	w.Header().Set("Content-Type", it.Doc.ContentType)
	_, _ = w.Write(it.Doc.Data)
}

// Adapter returns the portal's adapter: check.Login, check.Dossiers, check.Results and
// check.Warehouse, driving the portal over HTTP with the browser's client.
func (p *Portal) Adapter() *Adapter { return &Adapter{BaseURL: p.URL, portal: p} }

// Adapter drives the fake portal. Fields may be cleared to hide an interface from a check: use
// the wrappers in this package for that.
type Adapter struct {
	BaseURL string
	portal  *Portal
}

var (
	_ check.Login     = (*Adapter)(nil)
	_ check.Dossiers  = (*Adapter)(nil)
	_ check.Results   = (*Adapter)(nil)
	_ check.Warehouse = (*Adapter)(nil)
)

func (a *Adapter) do(ctx context.Context, c *http.Client, method, path string, body io.Reader, ctype string) (*http.Response, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, a.BaseURL+path, body)
	if err != nil {
		return nil, nil, err
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	return resp, b, err
}

// Login implements check.Login with the portal's test-only login shortcut.
func (a *Adapter) Login(ctx context.Context, b *check.Browser, who ident.Person) error {
	resp, _, err := a.do(ctx, b.Client, http.MethodPost, "/test-login", strings.NewReader("id="+who.ID), "application/x-www-form-urlencoded")
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusNoContent {
		return fmt.Errorf("login: status %d", resp.StatusCode)
	}
	return nil
}

// StartDossier implements check.Dossiers: the fake portal opens the form without a round trip.
func (a *Adapter) StartDossier(ctx context.Context, b *check.Browser, req check.DossierRequest) (*check.Dossier, error) {
	return &check.Dossier{Accepted: true, Form: map[string]string{}}, nil
}

// SubmitDossier implements check.Dossiers.
func (a *Adapter) SubmitDossier(ctx context.Context, b *check.Browser, d *check.Dossier, req check.DossierRequest) (*check.Dossier, error) {
	body, err := json.Marshal(submission{Procedure: req.Procedure, Documents: req.Documents, Reuse: req.Reuse})
	if err != nil {
		return nil, err
	}
	resp, rb, err := a.do(ctx, b.Client, http.MethodPost, "/api/dossiers", bytes.NewReader(body), "application/json")
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusUnauthorized:
		return nil, fmt.Errorf("submit: %w", check.ErrNotLoggedIn)
	default:
		return nil, fmt.Errorf("submit: status %d", resp.StatusCode)
	}
	var rep reply
	if err := json.Unmarshal(rb, &rep); err != nil {
		return nil, fmt.Errorf("submit: %w", err)
	}
	return &check.Dossier{ID: rep.ID, Form: d.Form, Accepted: rep.Accepted, Message: rep.Message, Signers: rep.Signers, Status: rep.Status}, nil
}

// CompleteDossier implements check.Results with the portal's test hook.
func (a *Adapter) CompleteDossier(ctx context.Context, id string) error {
	resp, _, err := a.do(ctx, http.DefaultClient, http.MethodPost, "/api/dossiers/"+id+"/complete", nil, "")
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusNoContent {
		return fmt.Errorf("complete %s: status %d", id, resp.StatusCode)
	}
	return nil
}

func (a *Adapter) getDoc(ctx context.Context, b *check.Browser, path string) (*check.Document, error) {
	resp, rb, err := a.do(ctx, b.Client, http.MethodGet, path, nil, "")
	if err != nil {
		return nil, err
	}
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusUnauthorized:
		return nil, fmt.Errorf("GET %s: %w", path, check.ErrNotLoggedIn)
	case http.StatusForbidden, http.StatusNotFound:
		return nil, fmt.Errorf("GET %s: status %d: %w", path, resp.StatusCode, check.ErrRefused)
	default:
		return nil, fmt.Errorf("GET %s: status %d", path, resp.StatusCode)
	}
	var d check.Document
	if err := json.Unmarshal(rb, &d); err != nil {
		return nil, fmt.Errorf("GET %s: %w", path, err)
	}
	return &d, nil
}

// FetchResult implements check.Results.
func (a *Adapter) FetchResult(ctx context.Context, b *check.Browser, id string) (*check.Document, error) {
	return a.getDoc(ctx, b, "/api/dossiers/"+id+"/result")
}

// ListWarehouse implements check.Warehouse.
func (a *Adapter) ListWarehouse(ctx context.Context, b *check.Browser) ([]check.WarehouseItem, error) {
	resp, rb, err := a.do(ctx, b.Client, http.MethodGet, "/api/warehouse", nil, "")
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("list warehouse: status %d", resp.StatusCode)
	}
	var items []listedItem
	if err := json.Unmarshal(rb, &items); err != nil {
		return nil, err
	}
	out := make([]check.WarehouseItem, 0, len(items))
	for _, it := range items {
		out = append(out, check.WarehouseItem{ID: it.ID, Name: it.Name, URL: it.URL, Dossier: it.Dossier})
	}
	return out, nil
}

// FetchWarehouseItem implements check.Warehouse.
func (a *Adapter) FetchWarehouseItem(ctx context.Context, b *check.Browser, id string) (*check.Document, error) {
	return a.getDoc(ctx, b, "/api/warehouse/"+id)
}

// DossiersOnly hides every interface but check.Login and check.Dossiers.
type DossiersOnly struct{ A *Adapter }

// Login implements check.Login.
func (d DossiersOnly) Login(ctx context.Context, b *check.Browser, who ident.Person) error {
	return d.A.Login(ctx, b, who)
}

// StartDossier implements check.Dossiers.
func (d DossiersOnly) StartDossier(ctx context.Context, b *check.Browser, req check.DossierRequest) (*check.Dossier, error) {
	return d.A.StartDossier(ctx, b, req)
}

// SubmitDossier implements check.Dossiers.
func (d DossiersOnly) SubmitDossier(ctx context.Context, b *check.Browser, dd *check.Dossier, req check.DossierRequest) (*check.Dossier, error) {
	return d.A.SubmitDossier(ctx, b, dd, req)
}

// NoWarehouse hides check.Warehouse: it implements check.Login, check.Dossiers and check.Results.
type NoWarehouse struct{ DossiersOnly }

// CompleteDossier implements check.Results.
func (n NoWarehouse) CompleteDossier(ctx context.Context, id string) error {
	return n.A.CompleteDossier(ctx, id)
}

// FetchResult implements check.Results.
func (n NoWarehouse) FetchResult(ctx context.Context, b *check.Browser, id string) (*check.Document, error) {
	return n.A.FetchResult(ctx, b, id)
}
