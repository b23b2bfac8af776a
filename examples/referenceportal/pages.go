package referenceportal

import (
	"embed"
	"html/template"
	"net/http"
	"strconv"
	"strings"
)

//go:embed static
var staticFS embed.FS

// page is what every template receives.
type page struct {
	Title      string
	Citizen    string // logged-in citizen's name, or ""
	Procedures []Procedure
	Procedure  Procedure
	Query      string
	Message    template.HTML
	Dossier    *dossier
	Defects    Defects
	FeeText    string
}

var funcs = template.FuncMap{"level": levelLabel}

// vnd formats an amount of đồng the Vietnamese way: 135.000 đồng.
func vnd(n int64) string {
	d := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteByte(d[i])
	}
	return b.String() + " đồng"
}

const layout = `{{define "top"}}<!DOCTYPE html>
<html lang="{{if .Defects.NoLang}}{{else}}vi{{end}}">
<head>
<meta charset="utf-8">
{{if not .Defects.NoViewport}}<meta name="viewport" content="width=device-width, initial-scale=1">{{end}}
<title>{{.Title}} – Cổng Dịch vụ công tỉnh Mẫu</title>
<link rel="stylesheet" href="/static/site.css">
{{if .Defects.ThirdPartyScriptNoSRI}}<script src="https://cdn.example.net/analytics.js"></script>{{end}}
{{if .Defects.MixedContent}}<link rel="stylesheet" href="http://cdn.example.net/legacy.css">{{end}}
</head>
<body>
<header class="site">
<a class="brand" href="/">Cổng Dịch vụ công tỉnh Mẫu</a>
<nav aria-label="Điều hướng chính"><ul>
<li><a href="/">Trang chủ</a></li>
<li><a href="/thu-tuc">Thủ tục hành chính</a></li>
<li><a href="/tra-cuu-ho-so">Tra cứu hồ sơ</a></li>
<li><a href="/thanh-toan">Thanh toán trực tuyến</a></li>
<li><a href="/phan-anh-kien-nghi">Phản ánh kiến nghị</a></li>
<li><a href="/danh-gia">Đánh giá mức độ hài lòng</a></li>
<li><a href="/lien-he">Hướng dẫn và liên hệ</a></li>
{{if .Citizen}}<li><a href="/kho-du-lieu">Kho dữ liệu của tôi</a></li><li><a href="/dang-xuat">Đăng xuất ({{.Citizen}})</a></li>{{else}}<li><a href="/dang-nhap">Đăng nhập</a></li>{{end}}
{{if .Defects.LocalRegistration}}<li><a href="/dang-ky-tai-khoan">Đăng ký tài khoản</a></li>{{end}}
</ul></nav>
</header>
<main>
{{end}}
{{define "bottom"}}</main>
<footer class="site">
<p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Mẫu. Địa chỉ: Số 1 đường Hùng Vương, phường Trung Tâm, tỉnh Mẫu.</p>
<p>Tổng đài hỗ trợ: <a href="tel:18001096">1800 1096</a> · Thư điện tử: <a href="mailto:hotro@dichvucong.tinhmau.example">hotro@dichvucong.tinhmau.example</a></p>
<p>{{if not .Defects.NoPrivacyLink}}<a href="/chinh-sach-bao-mat">Chính sách bảo mật và bảo vệ dữ liệu cá nhân</a> · {{end}}<a href="/lien-he">Liên hệ</a> · <a href="/sitemap.xml">Sơ đồ trang</a></p>
</footer>
</body>
</html>
{{end}}`

var templates = template.Must(template.New("").Funcs(funcs).Parse(layout + `
{{define "home"}}{{template "top" .}}
<h1>Cổng Dịch vụ công tỉnh Mẫu</h1>
<p>Thực hiện thủ tục hành chính trực tuyến, đăng nhập bằng tài khoản định danh điện tử VNeID qua Cổng Dịch vụ công quốc gia.</p>
<form class="search" role="search" action="/tim-kiem" method="get">
<label for="q">Tìm kiếm thủ tục</label>
<input id="q" name="q" type="search" placeholder="Ví dụ: khai sinh">
<button type="submit">Tìm kiếm</button>
</form>
<h2>Dịch vụ công thiết yếu</h2>
<ul>{{range .Procedures}}{{if .Essential}}<li><a href="{{.URL}}">{{.Name}}</a></li>{{end}}{{end}}</ul>
{{if .Defects.UnlabelledInput}}<form action="/tim-kiem"><input name="keyword" type="text"></form>{{end}}
{{if .Defects.ImageNoAlt}}<img src="/static/logo.png">{{else}}<img src="/static/logo.png" alt="Biểu trưng tỉnh Mẫu">{{end}}
{{template "bottom" .}}{{end}}

{{define "catalogue"}}{{template "top" .}}
<h1>Danh mục thủ tục hành chính</h1>
<table>
<thead><tr><th scope="col">Mã thủ tục</th><th scope="col">Tên thủ tục</th><th scope="col">Mức độ</th></tr></thead>
<tbody>{{range .Procedures}}
<tr data-ma-tthc="{{.Code}}" data-muc-do="{{.Level}}"><td>{{.Code}}</td><td><a href="{{.URL}}">{{.Name}}</a></td><td><span class="level">{{level .Level}}</span></td></tr>{{end}}
</tbody>
</table>
{{template "bottom" .}}{{end}}

{{define "procedure"}}{{template "top" .}}
<h1>{{.Procedure.Name}}</h1>
<p>Mã thủ tục: <span data-ma-tthc="{{.Procedure.Code}}">{{.Procedure.Code}}</span> · Mức độ: <span class="level" data-muc-do="{{.Procedure.Level}}">{{level .Procedure.Level}}</span></p>
<h2>Tên thủ tục</h2><p>{{.Procedure.Name}}</p>
<h2>Trình tự thực hiện</h2><ol><li>Đăng nhập bằng tài khoản định danh điện tử.</li><li>Kiểm tra thông tin công dân được điền sẵn từ Cơ sở dữ liệu quốc gia về dân cư.</li><li>Nộp hồ sơ và thanh toán phí, lệ phí (nếu có).</li><li>Nhận kết quả điện tử có chữ ký số tại Kho dữ liệu của tôi.</li></ol>
<h2>Cách thức thực hiện</h2><p>Trực tuyến trên Cổng Dịch vụ công; qua dịch vụ bưu chính công ích; trực tiếp tại Bộ phận Một cửa.</p>
{{if not .Defects.MissingComponents}}<h2>Thành phần, số lượng hồ sơ</h2><p>01 bộ hồ sơ gồm tờ khai theo mẫu; giấy tờ đã có trong Kho dữ liệu không phải nộp lại.</p>{{end}}
<h2>Thời hạn giải quyết</h2><p>{{.Procedure.Days}} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.</p>
<h2>Đối tượng thực hiện</h2><p>Công dân Việt Nam, người nước ngoài, tổ chức.</p>
<h2>Cơ quan thực hiện</h2><p>{{.Procedure.Agency}}</p>
<h2>Phí, lệ phí</h2><p>{{.FeeText}}</p>
{{if .Procedure.Level}}<p><a href="/nop-ho-so/{{.Procedure.Code}}">Nộp hồ sơ trực tuyến</a>{{if and .Procedure.HasFee (not .Defects.NoOnlinePayment)}} · <a href="/thanh-toan?ma-tthc={{.Procedure.Code}}">Thanh toán trực tuyến</a>{{end}}</p>{{end}}
{{template "bottom" .}}{{end}}

{{define "search"}}{{template "top" .}}
<h1>Kết quả tìm kiếm</h1>
<form class="search" role="search" action="/tim-kiem" method="get"><label for="q">Tìm kiếm thủ tục</label><input id="q" name="q" type="search" value="{{.Query}}"><button type="submit">Tìm kiếm</button></form>
{{if .Procedures}}<ul>{{range .Procedures}}<li><a href="{{.URL}}">{{.Name}}</a> ({{.Code}})</li>{{end}}</ul>{{else}}<p>Không tìm thấy thủ tục phù hợp với “{{.Query}}”.</p>{{end}}
{{template "bottom" .}}{{end}}

{{define "lookup"}}{{template "top" .}}
<h1>Tra cứu hồ sơ</h1>
<form action="/tra-cuu-ho-so" method="get"><label for="ma">Mã hồ sơ</label> <input id="ma" name="ma-ho-so" value="{{.Query}}"> <button type="submit">Tra cứu</button></form>
{{if .Dossier}}<h2>Hồ sơ {{.Dossier.ID}}</h2><p>Thủ tục: {{.Dossier.ProcedureName}}</p><p>Trạng thái: {{.Dossier.StatusText}}</p>{{else if .Query}}<p>Không tìm thấy hồ sơ có mã “{{.Query}}”. Vui lòng kiểm tra lại mã hồ sơ trên giấy tiếp nhận.</p>{{end}}
{{template "bottom" .}}{{end}}

{{define "text"}}{{template "top" .}}
<h1>{{.Title}}</h1>
{{.Message}}
{{template "bottom" .}}{{end}}
`))

// render writes a page with the portal's security headers.
func (p *Portal) render(w http.ResponseWriter, r *http.Request, status int, name string, data page) {
	data.Defects = p.cfg.Defects
	if c := p.citizen(r); c != nil {
		data.Citizen = c.Name
	}
	if data.Procedures == nil && name == "home" {
		data.Procedures = procedures
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := templates.ExecuteTemplate(w, name, data); err != nil {
		p.logf("template %s: %v", name, err)
	}
}
