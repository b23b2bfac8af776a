// Package portaltest serves a small Vietnamese public-service portal on loopback for the tests of
// the accessibility, experience and online-service checks and of profile discovery. [Good] is a
// portal that meets every criterion those checks assess; a test breaks one thing (replaces a page,
// a procedure, the look-up) to get its failing fixture.
package portaltest

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/p06kit/p06kit/internal/htmlx"
)

// Procedure is one procedure of the fixture's catalogue.
type Procedure struct {
	Code, Name string
	// Level is "toan_trinh", "mot_phan" or "" (offline).
	Level string
	Fee   bool
}

// Path is the procedure's page.
func (p Procedure) Path() string { return "/thu-tuc/" + p.Code }

// Portal is the fixture. Change its fields before Start; a started portal is read under a lock,
// so a test may also change it between requests through Set.
type Portal struct {
	mu sync.Mutex
	// Pages maps a path to a full HTML document, overriding what the portal would generate.
	Pages map[string]string
	// Files maps a path to a non-HTML resource: its content type and body.
	Files map[string]File
	// Procedures is the catalogue.
	Procedures []Procedure
	// SampleDossier is the dossier code the look-up finds.
	SampleDossier string
	// LookupOwner, when set, is a personal identification number the look-up shows with the
	// sample dossier (a leak).
	LookupOwner string
	// LookupExtra is HTML the look-up result of the sample dossier adds (another person's data,
	// a "not found" line outside the result, …).
	LookupExtra string
	// LookupStatus is the status code of a look-up of an unknown dossier (default 200).
	LookupStatus int
	// LookupNotFound is the text shown for an unknown dossier.
	LookupNotFound string
	// Delay is added before every response.
	Delay time.Duration
	// Header is added to every response.
	Header http.Header
	// NoSearch disables the search endpoint (404).
	NoSearch bool
	// SearchExact makes the search match names as typed (case-insensitive) instead of ignoring
	// diacritics.
	SearchExact bool
	// Rewrite, when set, rewrites every HTML page the portal generates (not Pages), e.g. to drop
	// a navigation link from every page.
	Rewrite func(path, page string) string
}

// File is a non-HTML resource.
type File struct {
	Type string
	Body string
}

// EssentialProvince are the names the fixture uses for the essential services within a province's
// scope (Addendum A2 #14–#19, #23).
var EssentialProvince = []string{
	"Đăng ký khai sinh",
	"Đăng ký khai tử",
	"Đăng ký kết hôn",
	"Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
	"Liên thông đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất, trợ cấp mai táng phí",
	"Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
	"Giải quyết hưởng trợ cấp thất nghiệp",
}

// Good returns a portal that meets every criterion of the accessibility, experience and
// online-service families.
func Good() *Portal {
	p := &Portal{Pages: map[string]string{}, Files: map[string]File{
		"/static/site.css": {"text/css", "body{font-family:Arial,sans-serif}"},
		"/static/app.js":   {"application/javascript", "console.log('ok')"},
		"/static/logo.png": {"image/png", "\x89PNG\r\n\x1a\nfixture"},
	}, SampleDossier: "000.00.30.H55-250101-0001", LookupNotFound: "Không tìm thấy hồ sơ có mã này."}
	for i, n := range EssentialProvince {
		p.Procedures = append(p.Procedures, Procedure{Code: fmt.Sprintf("1.00%04d", 1000+i), Name: n, Level: "toan_trinh", Fee: i == 5})
	}
	p.Procedures = append(p.Procedures,
		Procedure{Code: "2.001234.000.00.00.H55", Name: "Cấp giấy phép xây dựng nhà ở riêng lẻ", Level: "mot_phan", Fee: true},
		Procedure{Code: "1.004227", Name: "Cấp bản sao trích lục hộ tịch", Level: "toan_trinh", Fee: true},
		Procedure{Code: "1.003583", Name: "Chứng thực bản sao từ bản chính", Level: "toan_trinh"},
	)
	return p
}

// Set runs f with the portal locked, for changes while it serves.
func (p *Portal) Set(f func(p *Portal)) { p.mu.Lock(); defer p.mu.Unlock(); f(p) }

// Start serves the portal on 127.0.0.1 until the returned server is closed.
func (p *Portal) Start() *httptest.Server { return httptest.NewServer(p) }

// Layout wraps a page body in the portal's layout: lang, charset, viewport, title, navigation,
// search box and a footer with the privacy link, hotline and address.
func Layout(title, body string) string {
	return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>` + html.EscapeString(title) + ` - Cổng Dịch vụ công tỉnh Mẫu</title>
<link rel="stylesheet" href="/static/site.css">
<script src="/static/app.js"></script>
</head>
<body>
<header>
<a href="/"><img src="/static/logo.png" alt="Cổng Dịch vụ công tỉnh Mẫu"></a>
<nav aria-label="Chính">
<ul>
<li><a href="/thu-tuc-hanh-chinh">Thủ tục hành chính</a></li>
<li><a href="/tra-cuu-ho-so">Tra cứu hồ sơ</a></li>
<li><a href="/phan-anh-kien-nghi">Phản ánh kiến nghị</a></li>
<li><a href="/danh-gia">Đánh giá mức độ hài lòng</a></li>
<li><a href="/thanh-toan">Thanh toán trực tuyến</a></li>
<li><a href="/huong-dan">Hướng dẫn</a></li>
<li><a href="/dang-nhap">Đăng nhập</a></li>
</ul>
</nav>
<form role="search" action="/tim-kiem" method="get">
<label for="q">Tìm kiếm thủ tục</label>
<input id="q" name="q" type="search">
<button type="submit">Tìm</button>
</form>
</header>
<main>
` + body + `
</main>
<footer>
<p><a href="/chinh-sach-bao-mat">Chính sách bảo mật</a> · <a href="/lien-he">Liên hệ</a></p>
<p>Tổng đài hỗ trợ: <a href="tel:19001234">1900 1234</a> · Thư điện tử: <a href="mailto:hotro@dvc.tinhmau.example">hotro@dvc.tinhmau.example</a></p>
<address>Địa chỉ: Số 1 đường Hùng Vương, phường Ba Đình, Hà Nội</address>
</footer>
</body>
</html>
`
}

// ServeHTTP serves the portal.
func (p *Portal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.Delay > 0 {
		time.Sleep(p.Delay)
	}
	for k, v := range p.Header {
		w.Header()[k] = v
	}
	if f, ok := p.Files[r.URL.Path]; ok {
		w.Header().Set("Content-Type", f.Type)
		fmt.Fprint(w, f.Body)
		return
	}
	if body, ok := p.Pages[r.URL.Path]; ok {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
		return
	}
	page, status := p.generate(r)
	if p.Rewrite != nil && page != "" && !strings.HasSuffix(r.URL.Path, ".xml") && r.URL.Path != "/robots.txt" {
		page = p.Rewrite(r.URL.Path, page)
	}
	if status == http.StatusNotFound && page == "" {
		http.NotFound(w, r)
		return
	}
	if strings.HasSuffix(r.URL.Path, ".xml") || r.URL.Path == "/robots.txt" {
		w.Header().Set("Content-Type", map[bool]string{true: "text/plain; charset=utf-8", false: "application/xml"}[r.URL.Path == "/robots.txt"])
	} else {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	}
	w.WriteHeader(status)
	fmt.Fprint(w, page)
}

func (p *Portal) generate(r *http.Request) (string, int) {
	base := "http://" + r.Host
	switch path := r.URL.Path; {
	case path == "/":
		return Layout("Trang chủ", `<h1>Cổng Dịch vụ công tỉnh Mẫu</h1>
<h2>Dịch vụ công nổi bật</h2>
<p>Nộp hồ sơ trực tuyến, tra cứu tiến độ và thanh toán phí, lệ phí.</p>`), 200
	case path == "/thu-tuc-hanh-chinh":
		var b strings.Builder
		b.WriteString(`<h1>Danh mục thủ tục hành chính</h1>
<table><thead><tr><th>Mã thủ tục</th><th>Tên thủ tục</th><th>Mức độ</th></tr></thead><tbody>`)
		for _, pr := range p.Procedures {
			level := map[string]string{"toan_trinh": "Toàn trình", "mot_phan": "Một phần", "": "Trực tiếp"}[pr.Level]
			fmt.Fprintf(&b, "<tr><td>%s</td><td><a href=\"%s\">%s</a></td><td>%s</td></tr>\n",
				pr.Code, pr.Path(), html.EscapeString(pr.Name), level)
		}
		b.WriteString("</tbody></table>")
		return Layout("Thủ tục hành chính", b.String()), 200
	case strings.HasPrefix(path, "/thu-tuc/"):
		for _, pr := range p.Procedures {
			if pr.Path() == path {
				return Layout(pr.Name, ProcedurePage(pr)), 200
			}
		}
	case path == "/tra-cuu-ho-so":
		code := r.URL.Query().Get("ma_ho_so")
		form := `<h1>Tra cứu hồ sơ</h1>
<form action="/tra-cuu-ho-so" method="get">
<label for="ma_ho_so">Mã hồ sơ</label>
<input id="ma_ho_so" name="ma_ho_so" type="text">
<button type="submit">Tra cứu</button>
</form>`
		switch {
		case code == "":
			return Layout("Tra cứu hồ sơ", form), 200
		case code == p.SampleDossier:
			owner := ""
			if p.LookupOwner != "" {
				owner = "<p>Chủ hồ sơ: số định danh " + p.LookupOwner + "</p>"
			}
			return Layout("Tra cứu hồ sơ", form+`<h2>Kết quả</h2><p>Hồ sơ `+html.EscapeString(code)+`: Đang giải quyết. Ngày hẹn trả: 15/01/2025.</p>`+owner+p.LookupExtra), 200
		default:
			st := p.LookupStatus
			if st == 0 {
				st = 200
			}
			return Layout("Tra cứu hồ sơ", form+`<h2>Kết quả</h2><p>`+html.EscapeString(p.LookupNotFound)+`</p>`), st
		}
	case path == "/tim-kiem":
		if p.NoSearch {
			return "", http.StatusNotFound
		}
		norm := htmlx.Fold
		if p.SearchExact {
			norm = strings.ToLower
		}
		q := norm(r.URL.Query().Get("q"))
		var b strings.Builder
		b.WriteString("<h1>Kết quả tìm kiếm</h1><ul>")
		for _, pr := range p.Procedures {
			if q != "" && strings.Contains(norm(pr.Name), q) {
				fmt.Fprintf(&b, `<li><a href="%s">%s</a></li>`, pr.Path(), html.EscapeString(pr.Name))
			}
		}
		b.WriteString("</ul>")
		return Layout("Tìm kiếm", b.String()), 200
	case path == "/dang-nhap":
		return Layout("Đăng nhập", `<h1>Đăng nhập</h1><p><a href="/sso/start">Đăng nhập bằng tài khoản định danh điện tử VNeID</a></p>`), 200
	case path == "/chinh-sach-bao-mat":
		return Layout("Chính sách bảo mật", `<h1>Chính sách bảo mật và bảo vệ dữ liệu cá nhân</h1><p>Cổng xử lý dữ liệu cá nhân theo Nghị định 13/2023/NĐ-CP.</p>`), 200
	case path == "/lien-he", path == "/huong-dan":
		return Layout("Liên hệ và hướng dẫn", `<h1>Liên hệ và hướng dẫn sử dụng</h1><p>Hướng dẫn nộp hồ sơ trực tuyến từng bước.</p>`), 200
	case path == "/phan-anh-kien-nghi":
		return Layout("Phản ánh kiến nghị", `<h1>Phản ánh, kiến nghị</h1><form action="/phan-anh-kien-nghi" method="post"><label for="nd">Nội dung</label><textarea id="nd" name="noi_dung"></textarea><button type="submit">Gửi</button></form>`), 200
	case path == "/danh-gia":
		return Layout("Đánh giá", `<h1>Đánh giá mức độ hài lòng</h1><form action="/danh-gia" method="post"><fieldset><legend>Mức độ hài lòng</legend><label><input type="radio" name="muc" value="3"> Rất hài lòng</label><label><input type="radio" name="muc" value="1"> Không hài lòng</label></fieldset><button type="submit">Gửi đánh giá</button></form>`), 200
	case path == "/thanh-toan":
		return Layout("Thanh toán", `<h1>Thanh toán trực tuyến</h1><p>Thanh toán phí, lệ phí qua Nền tảng thanh toán trực tuyến.</p>`), 200
	case path == "/robots.txt":
		return "User-agent: *\nDisallow: /quan-tri/\n\nSitemap: " + base + "/sitemap.xml\n", 200
	case path == "/sitemap.xml":
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		urls := []string{"/", "/thu-tuc-hanh-chinh"}
		for _, pr := range p.Procedures {
			urls = append(urls, pr.Path())
		}
		sort.Strings(urls)
		for _, u := range urls {
			b.WriteString("<url><loc>" + base + (&url.URL{Path: u}).EscapedPath() + "</loc></url>")
		}
		b.WriteString("</urlset>")
		return b.String(), 200
	}
	return "", http.StatusNotFound
}

// ProcedurePage is the body of a procedure page with every component of Decree 63/2010 Art. 8(2),
// fees, and the payment link when the procedure has fees.
func ProcedurePage(pr Procedure) string {
	fee := "<p>Không</p>"
	if pr.Fee {
		fee = `<p>50.000 đồng/hồ sơ.</p><p><a href="/thanh-toan?ma=` + pr.Code + `">Thanh toán trực tuyến</a></p>`
	}
	level := map[string]string{"toan_trinh": "Dịch vụ công trực tuyến toàn trình", "mot_phan": "Dịch vụ công trực tuyến một phần", "": "Trực tiếp"}[pr.Level]
	return `<h1>` + html.EscapeString(pr.Name) + `</h1>
<p>Mã thủ tục: ` + pr.Code + `. Mức độ: ` + level + `.</p>
<h2>Trình tự thực hiện</h2><p>Bước 1: nộp hồ sơ. Bước 2: nhận kết quả.</p>
<h2>Cách thức thực hiện</h2><p>Trực tuyến hoặc qua dịch vụ bưu chính công ích.</p>
<h2>Thành phần, số lượng hồ sơ</h2><p>01 tờ khai; 01 bộ.</p>
<h2>Thời hạn giải quyết</h2><p>03 ngày làm việc.</p>
<h2>Đối tượng thực hiện</h2><p>Công dân Việt Nam.</p>
<h2>Cơ quan thực hiện</h2><p>Ủy ban nhân dân cấp xã.</p>
<h2>Phí, lệ phí</h2>` + fee + `
<p><a href="/nop-ho-so?ma=` + pr.Code + `">Nộp hồ sơ trực tuyến</a></p>`
}
