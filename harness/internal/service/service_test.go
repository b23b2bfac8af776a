package service

import (
	"context"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/internal/service/portaltest"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/scoring"
)

func runCheck(t *testing.T, id string, p *portaltest.Portal, prof *check.Profile) check.Result {
	t.Helper()
	srv := p.Start()
	defer srv.Close()
	s, err := probe.NewSession(check.Target{BaseURL: srv.URL, Client: srv.Client(), Profile: prof}, check.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range Checks() {
		if c.ID == id {
			return c.Run(context.Background(), s)
		}
	}
	t.Fatalf("no check %s", id)
	return check.Result{}
}

type tcase struct {
	name    string
	id      string
	mutate  func(p *portaltest.Portal)
	profile *check.Profile
	status  scoring.Status
	msg     []string // substrings of the English message
	msgVI   string   // substring of the Vietnamese message
}

func runCases(t *testing.T, cases []tcase) {
	for _, c := range cases {
		t.Run(c.id+"/"+c.name, func(t *testing.T) {
			p := portaltest.Good()
			if c.mutate != nil {
				c.mutate(p)
			}
			r := runCheck(t, c.id, p, c.profile)
			if r.Status != c.status {
				t.Fatalf("status = %s, want %s; message: %s", r.Status, c.status, r.Message)
			}
			for _, m := range c.msg {
				if !strings.Contains(r.Message, m) {
					t.Errorf("message %q does not contain %q", r.Message, m)
				}
			}
			if c.msgVI != "" && !strings.Contains(r.MessageVI, c.msgVI) {
				t.Errorf("Vietnamese message %q does not contain %q", r.MessageVI, c.msgVI)
			}
		})
	}
}

func setProcedures(ps ...portaltest.Procedure) func(p *portaltest.Portal) {
	return func(p *portaltest.Portal) { p.Procedures = append([]portaltest.Procedure(nil), ps...) }
}

func TestCatalogue(t *testing.T) {
	runCases(t, []tcase{
		{name: "good", id: "P06-SVC-01", status: scoring.Pass, msg: []string{"all 10 procedures"}, msgVI: "cả 10 thủ tục"},
		{name: "no catalogue", id: "P06-SVC-01", mutate: func(p *portaltest.Portal) {
			p.Pages["/"] = `<html lang="vi"><head><title>Trang chủ</title></head><body><h1>Xin chào</h1></body></html>`
		}, status: scoring.Fail, msg: []string{"no procedure catalogue", "Thủ tục hành chính"}},
		{name: "catalogue answers 404", id: "P06-SVC-01", profile: &check.Profile{Procedures: "/khong-co"},
			status: scoring.Fail, msg: []string{"answers status 404"}},
		{name: "row without level", id: "P06-SVC-01", mutate: func(p *portaltest.Portal) {
			p.Pages["/thu-tuc-hanh-chinh"] = portaltest.Layout("TTHC", `<h1>TTHC</h1><table><tr><td>1.000001</td><td><a href="/thu-tuc/1.000001">Đăng ký khai sinh</a></td><td>Toàn trình</td></tr>
<tr><td>1.000002</td><td><a href="/thu-tuc/1.000002">Đăng ký kết hôn</a></td><td></td></tr></table>`)
		}, status: scoring.Fail, msg: []string{"1 procedures without a level", "1.000002 Đăng ký kết hôn"}},
		{name: "bad code in JSON", id: "P06-SVC-01", mutate: func(p *portaltest.Portal) {
			p.Files["/api.json"] = portaltest.File{Type: "application/json", Body: `{"procedures":[{"MaTTHC":"TT-01","Ten":"Khai sinh","MucDo":"toan_trinh"},{"MaTTHC":"1.000002","Ten":"B","MucDo":""}]}`}
		}, profile: &check.Profile{ProceduresJSON: "/api.json"}, status: scoring.Fail, msg: []string{`code "TT-01" is not a procedure code`, "$.procedures[0]"}},
		{name: "malformed JSON is an error", id: "P06-SVC-01", mutate: func(p *portaltest.Portal) {
			p.Files["/api.json"] = portaltest.File{Type: "application/json", Body: `{"procedures":[{"MaTTHC":1}]}`}
		}, profile: &check.Profile{ProceduresJSON: "/api.json"}, status: scoring.Error, msg: []string{"$.procedures[0]: MaTTHC: got JSON number, want string"}},
		{name: "old level wording", id: "P06-SVC-01", mutate: func(p *portaltest.Portal) {
			p.Pages["/thu-tuc-hanh-chinh"] = portaltest.Layout("TTHC", `<h1>TTHC</h1><table><tr><td>1.000001</td><td><a href="/thu-tuc/1.000001">Đăng ký khai sinh</a></td><td>Mức độ 4</td></tr>
<tr><td>1.000002</td><td><a href="/thu-tuc/1.000002">Đăng ký kết hôn</a></td><td>Toàn trình</td></tr></table>`)
		}, status: scoring.Fail, msg: []string{"1 procedures show the level in the wording Decree 42/2022 replaced (Mức độ 3/4)", "1.000001 Đăng ký khai sinh"}},
		{name: "old level wording still counts for the rates", id: "P06-SVC-07", mutate: func(p *portaltest.Portal) {
			p.Pages["/thu-tuc-hanh-chinh"] = portaltest.Layout("TTHC", `<h1>TTHC</h1><table><tr><td>1.000001</td><td><a href="/thu-tuc/1.000001">Đăng ký khai sinh</a></td><td>Mức độ 4</td></tr></table>`)
		}, status: scoring.Pass, msg: []string{"(1/1)"}},
		{name: "empty catalogue", id: "P06-SVC-01", mutate: func(p *portaltest.Portal) { p.Procedures = nil },
			status: scoring.Fail, msg: []string{"lists no procedures"}},
	})
}

func TestRates(t *testing.T) {
	mixed := setProcedures(
		portaltest.Procedure{Code: "1.000001", Name: "A", Level: "toan_trinh"},
		portaltest.Procedure{Code: "1.000002", Name: "B", Level: "toan_trinh"},
		portaltest.Procedure{Code: "1.000003", Name: "C", Level: "mot_phan"},
		portaltest.Procedure{Code: "1.000004", Name: "D", Level: "mot_phan"},
		portaltest.Procedure{Code: "1.000005", Name: "E", Level: ""},
	)
	runCases(t, []tcase{
		{name: "good", id: "P06-SVC-06", status: scoring.Pass, msg: []string{"100.00% procedures offered online", "(10/10)", "≥ 80.00%"}},
		{name: "four of five", id: "P06-SVC-06", mutate: mixed, status: scoring.Pass, msg: []string{"80.00%", "(4/5)"}},
		{name: "below target", id: "P06-SVC-06", mutate: func(p *portaltest.Portal) {
			mixed(p)
			p.Procedures[0].Level = ""
		}, status: scoring.Fail, msg: []string{"only 60.00%", "(3/5)", "below the target ≥ 80.00%", "not online: 1.000001 A; 1.000005 E"}, msgVI: "dưới chỉ tiêu"},
		{name: "good", id: "P06-SVC-07", status: scoring.Pass, msg: []string{"90.00%", "(9/10)"}},
		{name: "half full-process", id: "P06-SVC-07", mutate: mixed, status: scoring.Fail, msg: []string{"only 50.00%", "(2/4)", "partial: 1.000003 C; 1.000004 D"}},
		{name: "none online", id: "P06-SVC-07", mutate: setProcedures(portaltest.Procedure{Code: "1.000001", Name: "A"}),
			status: scoring.Fail, msg: []string{"offers no procedure online"}},
	})
}

func TestComponents(t *testing.T) {
	runCases(t, []tcase{
		{name: "good", id: "P06-SVC-02", status: scoring.Pass, msg: []string{"all 10 procedure pages"}},
		{name: "labels in a table without accents", id: "P06-SVC-02", mutate: func(p *portaltest.Portal) {
			p.Procedures = p.Procedures[:1]
			p.Pages[p.Procedures[0].Path()] = portaltest.Layout("x", `<table>
<tr><td>Tên thủ tục</td><td>Đăng ký khai sinh</td></tr><tr><td>TRINH TU THUC HIEN</td><td>…</td></tr>
<tr><td>Cách thức thực hiện</td><td>…</td></tr><tr><th>Thành phần, số lượng hồ sơ</th><td>…</td></tr>
<tr><td><b>Thời hạn giải quyết:</b></td><td>…</td></tr><tr><td>Đối tượng thực hiện</td><td>…</td></tr><tr><td>Cơ quan thực hiện</td><td>…</td></tr></table>`)
		}, status: scoring.Pass},
		{name: "missing components", id: "P06-SVC-02", mutate: func(p *portaltest.Portal) {
			p.Pages[p.Procedures[2].Path()] = portaltest.Layout("x", `<h1>Đăng ký kết hôn</h1><h2>Trình tự thực hiện</h2><p>…</p><h2>Thời hạn giải quyết</h2>
<p>Cách thức thực hiện và đối tượng thực hiện được mô tả trong một đoạn văn dài, không phải tiêu đề.</p>`)
		}, status: scoring.Fail, msg: []string{"1 of 10 procedure pages", "/thu-tuc/1.001002 lacks (c) cách thức thực hiện, (d) thành phần, số lượng hồ sơ, (e) đối tượng thực hiện, (g) cơ quan thực hiện"}, msgVI: "thiếu (c)"},
		{name: "page answers 404", id: "P06-SVC-02", profile: &check.Profile{ProcedurePages: []string{"/thu-tuc/khong-co"}},
			status: scoring.Fail, msg: []string{"status 404"}},
		{name: "no pages", id: "P06-SVC-02", mutate: func(p *portaltest.Portal) { p.Procedures = nil }, status: scoring.Fail, msg: []string{"no procedure page"}},
	})
}

func TestLookup(t *testing.T) {
	runCases(t, []tcase{
		{name: "good with sample", id: "P06-SVC-03", profile: &check.Profile{SampleDossier: "000.00.30.H55-250101-0001"},
			status: scoring.Pass, msg: []string{"finds the sample dossier 000.00.30.H55-250101-0001"}},
		// Without a dossier, neither the status nor the owner's data can be seen: not a pass.
		{name: "good without sample", id: "P06-SVC-03", status: scoring.NotTested, msg: []string{"set sample_dossier"}},
		// The public look-up: another person's full name and driving-licence number.
		{name: "sample shows a name and a licence number", id: "P06-SVC-03", profile: &check.Profile{SampleDossier: "000.00.30.H55-250101-0001"},
			mutate: func(p *portaltest.Portal) {
				p.LookupExtra = "<p>Họ và tên: Trần Thị Bích Ngọc</p><p>Số giấy phép lái xe: 790123456789</p>"
			},
			status: scoring.Fail, msg: []string{"a full name (T*** T** B*** N***) with a giấy phép lái xe number (*********789)"}},
		{name: "sample shows a mobile number", id: "P06-SVC-03", profile: &check.Profile{SampleDossier: "000.00.30.H55-250101-0001"},
			mutate: func(p *portaltest.Portal) { p.LookupExtra = "<p>Liên hệ người nộp: 0912345678</p>" },
			status: scoring.Fail, msg: []string{"a mobile number in full (*******678)"}},
		{name: "masked data is fine", id: "P06-SVC-03", profile: &check.Profile{SampleDossier: "000.00.30.H55-250101-0001"},
			mutate: func(p *portaltest.Portal) {
				p.LookupExtra = "<p>Họ và tên: T*** T** B*** N***</p><p>Số CCCD: *********789</p>"
			},
			status: scoring.Pass},
		// "Không tìm thấy hồ sơ?" outside the result (a help box in the footer) is not the answer.
		{name: "not-found phrase only in the footer", id: "P06-SVC-03", mutate: func(p *portaltest.Portal) {
			p.LookupNotFound = ""
			p.Rewrite = func(path, page string) string {
				if path != "/tra-cuu-ho-so" {
					return page
				}
				return strings.Replace(page, "</body>", "<footer><p>Không tìm thấy hồ sơ? Gọi 1900 1234.</p></footer></body>", 1)
			}
		}, status: scoring.Fail, msg: []string{"no clear \"not found\""}},
		{name: "sample shows the owner's number", id: "P06-SVC-03", profile: &check.Profile{SampleDossier: "000.00.30.H55-250101-0001"},
			mutate: func(p *portaltest.Portal) { p.LookupOwner = ident.Synthetic(1, 1)[0].ID },
			status: scoring.Fail, msg: []string{"shows personal identification numbers", "*******"}},
		{name: "sample not found", id: "P06-SVC-03", profile: &check.Profile{SampleDossier: "000.00.30.H55-250101-9999"},
			status: scoring.Fail, msg: []string{"does not show it"}},
		{name: "unknown code gives 500", id: "P06-SVC-03", mutate: func(p *portaltest.Portal) {
			p.LookupStatus, p.LookupNotFound = 500, "java.lang.NullPointerException"
		}, status: scoring.Fail, msg: []string{"status 500, an error page"}},
		{name: "unknown code gives an error page with 200", id: "P06-SVC-03", mutate: func(p *portaltest.Portal) {
			p.LookupNotFound = "Đã xảy ra lỗi. Không tìm thấy: java.lang.NullPointerException at vn.gov.dvc.HoSoService"
		}, status: scoring.Fail, msg: []string{`gives an error page ("exception")`}},
		{name: "unknown code gives no message", id: "P06-SVC-03", mutate: func(p *portaltest.Portal) { p.LookupNotFound = "" },
			status: scoring.Fail, msg: []string{"no clear \"not found\""}},
		{name: "page without a form", id: "P06-SVC-03", mutate: func(p *portaltest.Portal) {
			p.Pages["/tra-cuu-ho-so"] = portaltest.Layout("Tra cứu", `<h1>Tra cứu hồ sơ</h1><p>Vui lòng gọi tổng đài.</p>`)
		}, status: scoring.Fail, msg: []string{"has no GET form with a dossier-code field"}},
		{name: "no look-up at all", id: "P06-SVC-03", mutate: func(p *portaltest.Portal) {
			p.Pages["/"] = `<html lang="vi"><head><title>Trang chủ</title></head><body><h1>Xin chào</h1></body></html>`
		}, status: scoring.Fail, msg: []string{"no dossier status look-up"}},
	})
}

func TestPayment(t *testing.T) {
	runCases(t, []tcase{
		{name: "good", id: "P06-SVC-04", status: scoring.Pass, msg: []string{"all 3 fee-bearing procedures"}},
		{name: "fee without payment link", id: "P06-SVC-04", mutate: func(p *portaltest.Portal) {
			pr := p.Procedures[7]
			p.Pages[pr.Path()] = portaltest.Layout(pr.Name, `<h1>`+pr.Name+`</h1><h2>Lệ phí</h2><p>100.000 đồng</p>`)
		}, status: scoring.Fail, msg: []string{"1 of 3 fee-bearing procedures offer no online payment", "/thu-tuc/2.001234.000.00.00.H55"}},
		{name: "no fees", id: "P06-SVC-04", mutate: func(p *portaltest.Portal) {
			for i := range p.Procedures {
				p.Procedures[i].Fee = false
			}
		}, status: scoring.NotApplicable, msg: []string{"none of the 10 procedure pages"}},
		// Missing evidence does not shrink the denominator: no procedure page seen is error.
		{name: "no procedure page readable", id: "P06-SVC-04", mutate: func(p *portaltest.Portal) {
			for _, pr := range p.Procedures {
				p.Files[pr.Path()] = portaltest.File{Type: "application/octet-stream", Body: "x"}
			}
		}, status: scoring.Error, msg: []string{"could not be seen"}},
		{name: "fee flagged in JSON only", id: "P06-SVC-04", mutate: func(p *portaltest.Portal) {
			p.Files["/api.json"] = portaltest.File{Type: "application/json", Body: `{"procedures":[{"MaTTHC":"1.000009","Ten":"X","MucDo":"mot_phan","CoPhiLePhi":true,"URL":"/x"}]}`}
			p.Pages["/x"] = portaltest.Layout("X", `<h1>X</h1><p>Nộp hồ sơ</p>`)
		}, profile: &check.Profile{ProceduresJSON: "/api.json"}, status: scoring.Fail, msg: []string{"1 of 1"}},
		// A link to the payment entry counts whatever its text; one in the site navigation does not.
		{name: "link to the payment entry", id: "P06-SVC-04", mutate: func(p *portaltest.Portal) {
			p.Files["/api.json"] = portaltest.File{Type: "application/json", Body: `{"procedures":[{"MaTTHC":"1.000009","Ten":"X","MucDo":"mot_phan","CoPhiLePhi":true,"URL":"/x"}]}`}
			p.Pages["/x"] = `<html><body><nav><a href="/thanh-toan">Thanh toán</a></nav><h1>X</h1><a href="/thanh-toan?ma=1">Nộp tiền</a></body></html>`
		}, profile: &check.Profile{ProceduresJSON: "/api.json"}, status: scoring.Pass},
		{name: "payment only in the navigation", id: "P06-SVC-04", mutate: func(p *portaltest.Portal) {
			p.Files["/api.json"] = portaltest.File{Type: "application/json", Body: `{"procedures":[{"MaTTHC":"1.000009","Ten":"X","MucDo":"mot_phan","CoPhiLePhi":true,"URL":"/x"}]}`}
			p.Pages["/x"] = `<html><body><header><a href="/thanh-toan">Thanh toán</a></header><h1>X</h1></body></html>`
		}, profile: &check.Profile{ProceduresJSON: "/api.json"}, status: scoring.Fail},
	})
}

func TestFeedback(t *testing.T) {
	runCases(t, []tcase{
		{name: "good", id: "P06-SVC-05", status: scoring.Pass, msg: []string{"feedback / petitions", "/phan-anh-kien-nghi", "/danh-gia"}},
		{name: "no rating", id: "P06-SVC-05", mutate: func(p *portaltest.Portal) {
			p.Rewrite = func(_, page string) string {
				return strings.Replace(page, `<li><a href="/danh-gia">Đánh giá mức độ hài lòng</a></li>`, "", 1)
			}
		}, status: scoring.Fail, msg: []string{"no satisfaction rating (đánh giá mức độ hài lòng) page found"}, msgVI: "không tìm thấy trang đánh giá mức độ hài lòng"},
		{name: "feedback by phone only", id: "P06-SVC-05", mutate: func(p *portaltest.Portal) {
			p.Pages["/phan-anh-kien-nghi"] = portaltest.Layout("PAKN", "<h1>Phản ánh, kiến nghị</h1><p>Vui lòng gọi tổng đài 1900 1234.</p>")
		}, status: scoring.Fail, msg: []string{"offers no form to use it online"}},
		{name: "feedback on the national portal", id: "P06-SVC-05", mutate: func(p *portaltest.Portal) {
			p.Pages["/phan-anh-kien-nghi"] = portaltest.Layout("PAKN", `<h1>Phản ánh, kiến nghị</h1><p><a href="https://dichvucong.gov.vn/p/phananhkiennghi/pakn-gui-pakn.html">Gửi phản ánh, kiến nghị trên Cổng Dịch vụ công quốc gia</a></p>`)
		}, status: scoring.Pass},
		{name: "rating without choices", id: "P06-SVC-05", mutate: func(p *portaltest.Portal) {
			p.Pages["/danh-gia"] = portaltest.Layout("Đánh giá", `<h1>Đánh giá mức độ hài lòng</h1><form><label for="y">Ý kiến</label><input id="y" name="y"><button>Gửi</button></form>`)
		}, status: scoring.Fail, msg: []string{"satisfaction rating (đánh giá mức độ hài lòng) page", "offers no form"}},
		{name: "feedback page broken", id: "P06-SVC-05", profile: &check.Profile{Feedback: "/pakn-cu"},
			status: scoring.Fail, msg: []string{"/pakn-cu answers status 404"}},
	})
}

func TestEssential(t *testing.T) {
	runCases(t, []tcase{
		{name: "province good", id: "P06-SVC-08", status: scoring.Pass, msg: []string{"all 7 essential services within a province portal's scope"}, msgVI: "thuộc phạm vi cổng cấp tỉnh"},
		{name: "commune good", id: "P06-SVC-08", profile: &check.Profile{Scope: "commune"}, status: scoring.Pass, msg: []string{"all 6 essential"}},
		{name: "missing and offline", id: "P06-SVC-08", mutate: func(p *portaltest.Portal) {
			p.Procedures[0].Level = ""               // khai sinh offline
			p.Procedures = p.Procedures[:6]          // drops trợ cấp thất nghiệp
			p.Procedures[2].Name = "ĐĂNG KÝ KẾT HÔN" // accent-insensitive match
		}, status: scoring.Fail, msg: []string{"5 of 7", "Not in the catalogue: #23 Giải quyết hưởng trợ cấp thất nghiệp (Unemployment benefit)", "Listed but not online: #14 Đăng ký khai sinh as 1.001000 Đăng ký khai sinh, not online"}},
		{name: "linked to the national portal", id: "P06-SVC-08", mutate: func(p *portaltest.Portal) {
			p.Procedures = p.Procedures[:6] // drops trợ cấp thất nghiệp from the catalogue
			p.Pages["/"] = portaltest.Layout("Trang chủ", `<h1>Trang chủ</h1><a href="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001978">Giải quyết hưởng trợ cấp thất nghiệp (Cổng DVCQG)</a>`)
		}, status: scoring.Pass, msg: []string{"all 7 essential services", "(1 through a link, not the catalogue: #23 → https://dichvucong.gov.vn/"}},
		{name: "ministry with none", id: "P06-SVC-08", profile: &check.Profile{Scope: "ministry"},
			mutate: setProcedures(portaltest.Procedure{Code: "1.000012", Name: "Cấp phép hoạt động", Level: "toan_trinh"}), status: scoring.NotApplicable},
		{name: "ministry with passport offline", id: "P06-SVC-08", profile: &check.Profile{Scope: "ministry"}, mutate: func(p *portaltest.Portal) {
			p.Procedures = []portaltest.Procedure{{Code: "1.000011", Name: "Cấp hộ chiếu phổ thông ở trong nước"}, {Code: "1.000012", Name: "Khác", Level: "toan_trinh"}}
		}, status: scoring.Fail, msg: []string{"0 of 1", "#9"}},
	})
}

func TestPageFee(t *testing.T) {
	cases := []struct {
		name, body string
		fee, known bool
	}{
		{"heading with amount", `<h2>Phí, lệ phí</h2><p>50.000 đồng</p>`, true, true},
		{"heading with none", `<h2>Lệ phí</h2><p>Không</p>`, false, true},
		{"table free", `<table><tr><td>Phí</td><td>Miễn phí</td></tr></table>`, false, true},
		{"inline label", `<p><strong>Lệ phí:</strong> 20.000 đồng</p>`, true, true},
		{"absent", `<p>Nội dung</p>`, false, false},
		{"a ceiling is a fee", `<h2>Phí</h2><p>Không quá 50.000 đồng</p>`, true, true},
		{"a form is not a fee", `<h2>Phiếu đăng ký</h2><p>Mẫu số 01</p>`, false, false},
		{"fee for a form", `<h2>Lệ phí</h2><p>Phiếu lý lịch tư pháp: 200.000 đồng</p>`, true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := mustParse(t, c.body)
			fee, known := pageFee(doc)
			if fee != c.fee || known != c.known {
				t.Errorf("pageFee = %v, %v; want %v, %v", fee, known, c.fee, c.known)
			}
		})
	}
}
