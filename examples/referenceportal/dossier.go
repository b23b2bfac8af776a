package referenceportal

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/ident"
)

// dossier is a dossier (hồ sơ) a citizen started.
type dossier struct {
	ID        string
	Owner     string // SoDinhDanh of the citizen
	Procedure Procedure
	Form      map[string]string
	Subjects  []string
	Signers   []string
	Reused    []string
	Status    string // "draft", "submitted", "processing", "done", "rejected"
	Created   time.Time
	Result    *item
}

// ProcedureName and StatusText are shown by the status look-up page.
func (d dossier) ProcedureName() string { return d.Procedure.Name }

// StatusText is the status in Vietnamese.
func (d dossier) StatusText() string {
	switch d.Status {
	case "draft":
		return "Đang soạn hồ sơ"
	case "submitted", "processing":
		return "Đang xử lý"
	case "done":
		return "Đã có kết quả"
	case "rejected":
		return "Từ chối tiếp nhận"
	}
	return d.Status
}

// item is a document in a citizen's electronic data warehouse (Kho quản lý dữ liệu điện tử).
type item struct {
	ID, Owner, Name, Dossier string
	Data, Signature          []byte
}

// Signer signs the portal's results and verifies citizens' signatures.
type Signer struct {
	// Sign signs data as the agency and returns a detached CMS signature.
	Sign func(data []byte) ([]byte, error)
	// Verify verifies a citizen's CMS signature (detached when sig is given with data, attached
	// when data is the CMS itself and sig is nil) against the trust list and revocation lists,
	// and returns the signer's subject.
	Verify func(data, sig []byte) (subject string, err error)
}

// The dossier API is JSON over HTTPS for the portal's own web front end; the harness adapter
// (adapter.go) drives the same endpoints.
func (p *Portal) routesDossier(mux *http.ServeMux) {
	mux.HandleFunc("POST /api/ho-so", p.startDossier)
	mux.HandleFunc("POST /api/ho-so/{id}/nop", p.submitDossier)
	mux.HandleFunc("POST /api/ho-so/{id}/hoan-thanh", p.completeDossier)
	mux.HandleFunc("GET /api/ho-so/{id}/ket-qua", p.result)
	mux.HandleFunc("GET /api/kho-du-lieu", p.listWarehouse)
	mux.HandleFunc("GET /kho-du-lieu/{id}", p.warehouseItem)
	mux.HandleFunc("GET /kho-du-lieu", p.warehousePage)
	mux.HandleFunc("GET /nop-ho-so/{code}", func(w http.ResponseWriter, r *http.Request) {
		if p.citizen(r) == nil {
			http.Redirect(w, r, "/dang-nhap?next=/nop-ho-so/"+r.PathValue("code"), http.StatusFound)
			return
		}
		p.render(w, r, http.StatusOK, "text", page{Title: "Nộp hồ sơ trực tuyến", Message: "Thông tin công dân đã được điền sẵn từ Cơ sở dữ liệu quốc gia về dân cư."})
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// DossierResponse is what the dossier API answers.
type DossierResponse struct {
	ID       string            `json:"MaHoSo,omitempty"`
	Accepted bool              `json:"TiepNhan"`
	Message  string            `json:"ThongBao,omitempty"`
	Form     map[string]string `json:"BieuMau,omitempty"`
	Signers  []string          `json:"NguoiKy,omitempty"`
	Status   string            `json:"TrangThai,omitempty"`
}

// StartRequest starts a dossier.
type StartRequest struct {
	Procedure string   `json:"MaTTHC"`
	Subjects  []string `json:"SoDinhDanhLienQuan,omitempty"`
}

func readJSON(r *http.Request, v any) error {
	return json.NewDecoder(io.LimitReader(r.Body, 32<<20)).Decode(v)
}

func (p *Portal) startDossier(w http.ResponseWriter, r *http.Request) {
	c := p.citizen(r)
	if c == nil {
		writeJSON(w, http.StatusUnauthorized, DossierResponse{Message: "Vui lòng đăng nhập."})
		return
	}
	var req StartRequest
	if err := readJSON(r, &req); err != nil {
		writeJSON(w, http.StatusBadRequest, DossierResponse{Message: "Yêu cầu không hợp lệ."})
		return
	}
	pr, ok := procedureByCode(req.Procedure)
	if !ok || pr.Level == "" {
		writeJSON(w, http.StatusNotFound, DossierResponse{Message: "Thủ tục không có hoặc không cung cấp trực tuyến."})
		return
	}
	d := p.cfg.Defects
	if pr.Level2 && c.Level < 2 && !d.IgnoreLevel {
		writeJSON(w, http.StatusForbidden, DossierResponse{Message: "Thủ tục yêu cầu tài khoản định danh điện tử mức độ 2."})
		return
	}
	// Identifiers typed by the citizen are validated before anything is asked of the
	// population database.
	if !d.NoIDValidation {
		for _, s := range req.Subjects {
			if _, err := ident.ParsePIN(s); err != nil {
				writeJSON(w, http.StatusOK, DossierResponse{Accepted: false, Message: "Số định danh cá nhân " + ident.Mask(s) + " không hợp lệ: " + err.Error()})
				return
			}
		}
	}
	ds := &dossier{ID: p.newDossierID(), Owner: c.ID, Procedure: pr, Subjects: req.Subjects, Status: "draft", Created: p.now(),
		Form: map[string]string{"SoDinhDanh": c.ID, "HoVaTen": c.Name}}
	msg := ""
	if !d.NoLookup {
		rec, err := p.lookUp(r.Context(), c.ID)
		switch {
		case err == nil:
			for k, v := range prefill(rec) {
				ds.Form[k] = v
			}
		default:
			p.logf("population database: %v", err)
			msg = "Chưa kết nối được Cơ sở dữ liệu quốc gia về dân cư. Bạn có thể nhập thông tin thủ công hoặc thử lại sau ít phút."
		}
		for _, s := range req.Subjects {
			if _, err := p.lookUp(r.Context(), s); err != nil {
				p.logf("population database (subject): %v", err)
			}
		}
		if d.LookUpEveryone {
			for _, other := range ident.DefaultPeople()[:2] {
				_, _ = p.lookUp(r.Context(), other.ID)
			}
		}
	}
	p.mu.Lock()
	p.dossiers[ds.ID] = ds
	p.mu.Unlock()
	writeJSON(w, http.StatusOK, DossierResponse{ID: ds.ID, Accepted: true, Message: msg, Form: ds.Form, Status: ds.Status})
}

// prefill maps a population-database record to the form's fields (declare once).
func prefill(cd *popdbtest.CongDan) map[string]string {
	f := map[string]string{
		"SoDinhDanh":  cd.SoDinhDanh,
		"HoVaTen":     cd.HoVaTen.String(),
		"GioiTinh":    cd.GioiTinh,
		"ThuongTru":   cd.ThuongTru.String(),
		"NoiOHienTai": cd.NoiOHienTai.String(),
		"QueQuan":     cd.QueQuan.String(),
		"QuocTich":    cd.QuocTich,
		"DanToc":      cd.DanToc,
	}
	if n := cd.NgayThangNamSinh.NgayThangNam; len(n) == 8 {
		f["NgayThangNamSinh"] = n[:4] + "-" + n[4:6] + "-" + n[6:]
	} else {
		f["NgayThangNamSinh"] = cd.NgayThangNamSinh.Nam
	}
	if cd.SoSoHoKhau != "" {
		f["SoSoHoKhau"] = cd.SoSoHoKhau
	}
	for k, v := range f {
		if v == "" {
			delete(f, k)
		}
	}
	return f
}

// lookUp asks the population database through the gateway, retrying a failed request at most
// twice (three attempts), each bounded by a deadline.
func (p *Portal) lookUp(ctx context.Context, id string) (*popdbtest.CongDan, error) {
	cfg := p.cfg.PopDB
	if cfg.URL == "" {
		return nil, errors.New("no population-database gateway configured")
	}
	hc := httpClient(cfg.Roots)
	if p.cfg.Defects.TrustAnyGateway {
		hc.Transport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true} //nolint:gosec // the broken portal's defect
	}
	client := &popdbtest.Client{Endpoint: cfg.URL, HTTP: hc, Now: p.now,
		Credentials: popdbtest.Credentials{Username: cfg.Username, Secret: cfg.Secret, APIKey: cfg.APIKey, Client: cfg.Client}}
	req := popdbtest.LookupRequest{MaDVC: "TINHMAU", MaCanBo: cfg.Officer, MaDonVi: cfg.Unit, TaiKhoan: "dvc-tinhmau", SoDinhDanh: id}
	var last error
	for attempt := 0; attempt < 3; attempt++ {
		actx, cancel := context.WithTimeout(ctx, 3*time.Second)
		req.MaYeuCau = popdbtest.NewRequestID()
		rec, err := client.Lookup(actx, req)
		cancel()
		if err == nil || errors.Is(err, popdbtest.ErrNotFound) {
			return rec, err
		}
		last = err
		if ctx.Err() != nil || isTLSRefusal(err) {
			break
		}
	}
	return nil, last
}

func isTLSRefusal(err error) bool {
	s := err.Error()
	return strings.Contains(s, "certificate") || strings.Contains(s, "x509")
}

func (p *Portal) newDossierID() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.seq++
	return fmt.Sprintf("000.00.01.H99-%s-%04d", p.now().Format("060102"), p.seq+1)
}

// DocumentJSON is a document in the dossier API.
type DocumentJSON struct {
	Name        string `json:"TenTep"`
	ContentType string `json:"LoaiTep,omitempty"`
	Data        []byte `json:"NoiDung"`
	Signature   []byte `json:"ChuKy,omitempty"`
}

// SubmitRequest submits a dossier with documents and reused warehouse items.
type SubmitRequest struct {
	Documents []DocumentJSON `json:"TaiLieu,omitempty"`
	Reuse     []string       `json:"TaiSuDung,omitempty"`
}

func (p *Portal) ownDossier(w http.ResponseWriter, r *http.Request) (*citizen, *dossier) {
	c := p.citizen(r)
	if c == nil {
		writeJSON(w, http.StatusUnauthorized, DossierResponse{Message: "Vui lòng đăng nhập."})
		return nil, nil
	}
	p.mu.Lock()
	ds := p.dossiers[r.PathValue("id")]
	p.mu.Unlock()
	if ds == nil || ds.Owner != c.ID {
		writeJSON(w, http.StatusNotFound, DossierResponse{Message: "Không tìm thấy hồ sơ."})
		return nil, nil
	}
	return c, ds
}

func (p *Portal) submitDossier(w http.ResponseWriter, r *http.Request) {
	c, ds := p.ownDossier(w, r)
	if ds == nil {
		return
	}
	var req SubmitRequest
	if err := readJSON(r, &req); err != nil {
		writeJSON(w, http.StatusBadRequest, DossierResponse{Message: "Yêu cầu không hợp lệ."})
		return
	}
	var signers []string
	for _, doc := range req.Documents {
		if len(doc.Signature) == 0 && !strings.Contains(doc.ContentType, "pkcs7") {
			continue
		}
		subject := "(chưa kiểm tra)"
		if !p.cfg.Defects.AcceptAnySignature {
			if p.cfg.Signer.Verify == nil {
				writeJSON(w, http.StatusOK, DossierResponse{ID: ds.ID, Message: "Không kiểm tra được chữ ký số."})
				return
			}
			s, err := p.cfg.Signer.Verify(doc.Data, doc.Signature)
			if err != nil {
				writeJSON(w, http.StatusOK, DossierResponse{ID: ds.ID, Accepted: false, Message: "Chữ ký số trên tệp " + doc.Name + " không hợp lệ: " + err.Error()})
				return
			}
			subject = s
		}
		signers = append(signers, subject)
	}
	p.mu.Lock()
	for _, id := range req.Reuse {
		it := p.items[id]
		if it == nil || it.Owner != c.ID {
			p.mu.Unlock()
			writeJSON(w, http.StatusOK, DossierResponse{ID: ds.ID, Message: "Giấy tờ " + id + " không có trong kho dữ liệu của bạn."})
			return
		}
	}
	ds.Signers = append(ds.Signers, signers...)
	ds.Reused = append(ds.Reused, req.Reuse...)
	ds.Status = "submitted"
	resp := DossierResponse{ID: ds.ID, Accepted: true, Form: ds.Form, Signers: ds.Signers, Status: ds.Status, Message: "Đã tiếp nhận hồ sơ."}
	p.mu.Unlock()
	writeJSON(w, http.StatusOK, resp)
}

// completeDossier is the officer's side, reduced to a test hook: the agency processes the
// dossier and issues its signed electronic result into the citizen's warehouse. It needs the
// officer token (Config.OfficerToken).
func (p *Portal) completeDossier(w http.ResponseWriter, r *http.Request) {
	if p.cfg.OfficerToken == "" || r.Header.Get("X-Officer-Token") != p.cfg.OfficerToken {
		writeJSON(w, http.StatusForbidden, DossierResponse{Message: "Chỉ cán bộ xử lý được hoàn thành hồ sơ."})
		return
	}
	p.mu.Lock()
	ds := p.dossiers[r.PathValue("id")]
	p.mu.Unlock()
	if ds == nil {
		writeJSON(w, http.StatusNotFound, DossierResponse{Message: "Không tìm thấy hồ sơ."})
		return
	}
	data := []byte(fmt.Sprintf("%%PDF-1.7\n%% Kết quả giải quyết thủ tục %s\n%% Hồ sơ %s, công dân %s\n%%%%EOF\n", ds.Procedure.Name, ds.ID, ident.Mask(ds.Owner)))
	var sig []byte
	if !p.cfg.Defects.UnsignedResults && p.cfg.Signer.Sign != nil {
		var err error
		if sig, err = p.cfg.Signer.Sign(data); err != nil {
			writeJSON(w, http.StatusInternalServerError, DossierResponse{Message: "Không ký được kết quả."})
			return
		}
	}
	it := &item{ID: "kq-" + randomID(8), Owner: ds.Owner, Name: "Kết quả " + ds.Procedure.Name + ".pdf", Dossier: ds.ID, Data: data, Signature: sig}
	p.mu.Lock()
	ds.Status, ds.Result = "done", it
	p.items[it.ID] = it
	p.mu.Unlock()
	writeJSON(w, http.StatusOK, DossierResponse{ID: ds.ID, Accepted: true, Status: ds.Status})
}

func (p *Portal) result(w http.ResponseWriter, r *http.Request) {
	_, ds := p.ownDossier(w, r)
	if ds == nil {
		return
	}
	p.mu.Lock()
	it := ds.Result
	p.mu.Unlock()
	if it == nil {
		writeJSON(w, http.StatusNotFound, DossierResponse{ID: ds.ID, Message: "Hồ sơ chưa có kết quả."})
		return
	}
	writeJSON(w, http.StatusOK, DocumentJSON{Name: it.Name, ContentType: "application/pdf", Data: it.Data, Signature: it.Signature})
}

// WarehouseItemJSON is one item of the warehouse listing.
type WarehouseItemJSON struct {
	ID      string `json:"Ma"`
	Name    string `json:"Ten"`
	URL     string `json:"DuongDan"`
	Dossier string `json:"MaHoSo,omitempty"`
}

func (p *Portal) listWarehouse(w http.ResponseWriter, r *http.Request) {
	c := p.citizen(r)
	if c == nil {
		writeJSON(w, http.StatusUnauthorized, DossierResponse{Message: "Vui lòng đăng nhập."})
		return
	}
	out := []WarehouseItemJSON{}
	p.mu.Lock()
	for _, it := range p.items {
		if it.Owner == c.ID {
			out = append(out, WarehouseItemJSON{ID: it.ID, Name: it.Name, URL: "/kho-du-lieu/" + it.ID, Dossier: it.Dossier})
		}
	}
	p.mu.Unlock()
	sortItems(out)
	writeJSON(w, http.StatusOK, map[string]any{"GiayTo": out})
}

func (p *Portal) warehouseItem(w http.ResponseWriter, r *http.Request) {
	c := p.citizen(r)
	if c == nil {
		http.Error(w, "Vui lòng đăng nhập.", http.StatusUnauthorized)
		return
	}
	p.mu.Lock()
	it := p.items[r.PathValue("id")]
	p.mu.Unlock()
	if it == nil || (it.Owner != c.ID && !p.cfg.Defects.WarehouseIDOR) {
		// The same answer for "not yours" and "not there": no oracle for other citizens' items.
		http.Error(w, "Không tìm thấy giấy tờ.", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="ket-qua.pdf"`)
	_, _ = w.Write(it.Data)
}

func (p *Portal) warehousePage(w http.ResponseWriter, r *http.Request) {
	c := p.citizen(r)
	if c == nil {
		http.Redirect(w, r, "/dang-nhap?next=/kho-du-lieu", http.StatusFound)
		return
	}
	var b strings.Builder
	b.WriteString("<ul>")
	p.mu.Lock()
	for _, it := range p.items {
		if it.Owner == c.ID {
			fmt.Fprintf(&b, `<li><a href="/kho-du-lieu/%s">%s</a></li>`, it.ID, template.HTMLEscapeString(it.Name))
		}
	}
	p.mu.Unlock()
	b.WriteString("</ul>")
	p.render(w, r, http.StatusOK, "text", page{Title: "Kho dữ liệu của tôi", Message: template.HTML(b.String())})
}

func sortItems(items []WarehouseItemJSON) {
	sort.Slice(items, func(i, j int) bool { return items[i].ID < items[j].ID })
}
