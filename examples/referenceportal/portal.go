package referenceportal

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Portal is the reference public service portal. Create it with New, serve Handler (or Start
// it on loopback with TLS). Safe for concurrent use.
type Portal struct {
	cfg Config

	mu       sync.Mutex
	sessions map[string]*citizen // session ID -> who
	logins   map[string]*pendingLogin
	dossiers map[string]*dossier
	items    map[string]*item // warehouse items by ID
	seq      int
	ssoC     ssoClient
}

// citizen is a logged-in person as the portal knows them from the national SSO.
type citizen struct {
	ID    string // SoDinhDanh
	Name  string
	Level int
	sid   string
}

// New returns a portal configured by cfg.
func New(cfg Config) *Portal {
	p := &Portal{cfg: cfg, sessions: map[string]*citizen{}, logins: map[string]*pendingLogin{},
		dossiers: map[string]*dossier{}, items: map[string]*item{}}
	// A sample dossier anyone can look up by its code (the portal profile's SampleDossier).
	p.dossiers[SampleDossier] = &dossier{ID: SampleDossier, Procedure: procedures[0], Status: "processing", Created: time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)}
	return p
}

// SampleDossier is a dossier code whose status the look-up page finds.
const SampleDossier = "000.00.01.H99-261120-0001"

func (p *Portal) logf(format string, a ...any) {
	if p.cfg.Log != nil {
		p.cfg.Log.Printf(format, a...)
	}
}

// Handler returns the portal's HTTP handler.
func (p *Portal) Handler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /{$}", p.home)
	mux.HandleFunc("GET /thu-tuc", p.catalogue)
	mux.HandleFunc("GET /thu-tuc/{code}", p.procedure)
	mux.HandleFunc("GET /api/thu-tuc", p.catalogueJSON)
	mux.HandleFunc("GET /tim-kiem", p.search)
	mux.HandleFunc("GET /tra-cuu-ho-so", p.lookup)
	mux.HandleFunc("GET /thanh-toan", p.text("Thanh toán trực tuyến", `<p>Phí, lệ phí của thủ tục được thanh toán trực tuyến qua Nền tảng thanh toán trực tuyến của Cổng Dịch vụ công quốc gia hoặc cổng thanh toán của tỉnh, sau khi nộp hồ sơ.</p>`))
	mux.HandleFunc("GET /phan-anh-kien-nghi", p.text("Phản ánh kiến nghị", `<form action="/phan-anh-kien-nghi" method="post"><p><label for="nd">Nội dung phản ánh, kiến nghị</label><br><textarea id="nd" name="noi-dung" rows="4" cols="50"></textarea></p><p><button type="submit">Gửi phản ánh</button></p></form>`))
	mux.HandleFunc("GET /danh-gia", p.text("Đánh giá mức độ hài lòng", `<form action="/danh-gia" method="post"><fieldset><legend>Mức độ hài lòng với dịch vụ</legend><p><input type="radio" id="r1" name="muc-do" value="1"><label for="r1">Rất hài lòng</label> <input type="radio" id="r2" name="muc-do" value="2"><label for="r2">Hài lòng</label> <input type="radio" id="r3" name="muc-do" value="3"><label for="r3">Không hài lòng</label></p></fieldset><p><button type="submit">Gửi đánh giá</button></p></form>`))
	mux.HandleFunc("GET /lien-he", p.text("Hướng dẫn và liên hệ", `<p>Hướng dẫn sử dụng: đăng nhập bằng tài khoản VNeID mức độ 2, chọn thủ tục, kiểm tra thông tin điền sẵn, nộp hồ sơ.</p><p>Tổng đài hỗ trợ: <a href="tel:18001096">1800 1096</a> (miễn phí, 7h30–17h00 các ngày làm việc).</p><p>Địa chỉ: Trung tâm Phục vụ hành chính công tỉnh Mẫu, Số 1 đường Hùng Vương, phường Trung Tâm, tỉnh Mẫu.</p>`))
	mux.HandleFunc("GET /chinh-sach-bao-mat", p.text("Chính sách bảo mật và bảo vệ dữ liệu cá nhân", `<p>Cổng xử lý dữ liệu cá nhân theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân: chỉ thu thập dữ liệu cần cho thủ tục, khai thác thông tin công dân từ Cơ sở dữ liệu quốc gia về dân cư khi công dân thực hiện thủ tục, không chia sẻ cho bên thứ ba ngoài quy định của pháp luật.</p><p>Công dân có quyền được biết, đồng ý, truy cập, chỉnh sửa và yêu cầu xóa dữ liệu theo quy định.</p>`))
	mux.HandleFunc("GET /robots.txt", p.robots)
	mux.HandleFunc("GET /sitemap.xml", p.sitemap)
	mux.HandleFunc("GET /.well-known/security.txt", p.securityTxt)
	p.routesAuth(mux)
	p.routesDossier(mux)
	if p.cfg.Defects.ExposedGit {
		mux.HandleFunc("GET /.git/HEAD", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, "ref: refs/heads/main\n")
		})
		mux.HandleFunc("GET /.git/config", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, "[core]\n\trepositoryformatversion = 0\n[remote \"origin\"]\n\turl = git@gitlab.tinhmau.example:dvc/portal.git\n")
		})
	}
	mux.HandleFunc("/", p.notFound)
	return p.secure(mux)
}

func (p *Portal) home(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Has("debug") && p.cfg.Defects.StackTraces {
		p.stackTrace(w)
		return
	}
	p.render(w, r, http.StatusOK, "home", page{Title: "Trang chủ"})
}

func (p *Portal) catalogue(w http.ResponseWriter, r *http.Request) {
	p.render(w, r, http.StatusOK, "catalogue", page{Title: "Danh mục thủ tục hành chính", Procedures: procedures})
}

func (p *Portal) procedure(w http.ResponseWriter, r *http.Request) {
	pr, ok := procedureByCode(r.PathValue("code"))
	if !ok {
		p.notFound(w, r)
		return
	}
	fee := "Không thu phí, lệ phí."
	if pr.Fee > 0 {
		fee = vnd(pr.Fee)
	}
	p.render(w, r, http.StatusOK, "procedure", page{Title: pr.Name, Procedure: pr, FeeText: fee})
}

func (p *Portal) catalogueJSON(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(map[string]any{"procedures": procedures})
}

func (p *Portal) search(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	var found []Procedure
	if q != "" {
		fq := fold(q)
		for _, pr := range procedures {
			if strings.Contains(fold(pr.Name), fq) || strings.Contains(pr.Code, q) {
				found = append(found, pr)
			}
		}
	}
	p.render(w, r, http.StatusOK, "search", page{Title: "Tìm kiếm", Query: q, Procedures: found})
}

func (p *Portal) lookup(w http.ResponseWriter, r *http.Request) {
	code := strings.TrimSpace(r.URL.Query().Get("ma-ho-so"))
	data := page{Title: "Tra cứu hồ sơ", Query: code}
	if code != "" {
		p.mu.Lock()
		if d, ok := p.dossiers[code]; ok {
			cp := *d
			data.Dossier = &cp
		}
		p.mu.Unlock()
	}
	p.render(w, r, http.StatusOK, "lookup", data)
}

func (p *Portal) text(title string, body template.HTML) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p.render(w, r, http.StatusOK, "text", page{Title: title, Message: body})
	}
}

func (p *Portal) notFound(w http.ResponseWriter, r *http.Request) {
	if p.cfg.Defects.StackTraces {
		p.stackTrace(w)
		return
	}
	p.render(w, r, http.StatusNotFound, "text", page{Title: "Không tìm thấy trang", Message: "Trang bạn tìm không tồn tại. Vui lòng quay lại trang chủ."})
}

func (p *Portal) stackTrace(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	fmt.Fprint(w, `<html><body><h1>Server Error in '/' Application.</h1><pre>System.NullReferenceException: Object reference not set to an instance of an object.
   at DVC.Portal.Controllers.HomeController.Index() in D:\build\DVC.Portal\Controllers\HomeController.cs:line 42
   at System.Web.Mvc.ActionMethodDispatcher.Execute(ControllerBase controller, Object[] parameters)</pre></body></html>`)
}

func (p *Portal) robots(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "User-agent: *\nDisallow: /kho-du-lieu\nDisallow: /api/\nSitemap: %s/sitemap.xml\n", p.origin(r))
}

func (p *Portal) sitemap(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	o := p.origin(r)
	fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`+"\n")
	for _, u := range []string{"/", "/thu-tuc", "/tra-cuu-ho-so", "/lien-he", "/chinh-sach-bao-mat"} {
		fmt.Fprintf(w, "<url><loc>%s%s</loc></url>\n", o, u)
	}
	for _, pr := range procedures {
		fmt.Fprintf(w, "<url><loc>%s%s</loc></url>\n", o, pr.URL)
	}
	fmt.Fprint(w, "</urlset>\n")
}

func (p *Portal) securityTxt(w http.ResponseWriter, r *http.Request) {
	if p.cfg.Defects.NoSecurityTxt {
		p.notFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	exp := p.now().AddDate(0, 6, 0).UTC().Format(time.RFC3339)
	fmt.Fprintf(w, "Contact: mailto:attt@tinhmau.example\nContact: tel:+84-18001096\nExpires: %s\nPreferred-Languages: vi, en\nCanonical: %s/.well-known/security.txt\n", exp, p.origin(r))
}

func (p *Portal) origin(r *http.Request) string {
	return "https://" + r.Host
}

func (p *Portal) now() time.Time {
	if p.cfg.Now != nil {
		return p.cfg.Now()
	}
	return time.Now()
}

func randomID(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
