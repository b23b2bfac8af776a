package service

import (
	"fmt"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/checktest"
	"github.com/p06kit/p06kit/harness/internal/service/portaltest"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/scoring"
)

func setProcedures(ps ...portaltest.Procedure) func(p *portaltest.Portal) {
	return func(p *portaltest.Portal) { p.Procedures = append([]portaltest.Procedure(nil), ps...) }
}

func TestCatalogue(t *testing.T) {
	checktest.RunPortalCases(t, Checks(), []checktest.PortalCase{
		{Name: "good", ID: "P06-SVC-01", Status: scoring.Pass, Msg: []string{"all 10 procedures"}, MsgVI: "cả 10 thủ tục", Says: mCataloguePass},
		{Name: "no catalogue", ID: "P06-SVC-01", Mutate: func(p *portaltest.Portal) {
			p.Pages["/"] = `<html lang="vi"><head><title>Trang chủ</title></head><body><h1>Xin chào</h1></body></html>`
		}, Status: scoring.Fail, Msg: []string{"Thủ tục hành chính"}, Says: mNoCatalogue},
		{Name: "catalogue answers 404", ID: "P06-SVC-01", Profile: &check.Profile{Procedures: "/khong-co"},
			Status: scoring.Fail, Msg: []string{"answers status 404"}, Says: mNoCatalogue},
		{Name: "row without level", ID: "P06-SVC-01", Mutate: func(p *portaltest.Portal) {
			p.Pages["/thu-tuc-hanh-chinh"] = portaltest.Layout("TTHC", `<h1>TTHC</h1><table><tr><td>1.000001</td><td><a href="/thu-tuc/1.000001">Đăng ký khai sinh</a></td><td>Toàn trình</td></tr>
<tr><td>1.000002</td><td><a href="/thu-tuc/1.000002">Đăng ký kết hôn</a></td><td></td></tr></table>`)
		}, Status: scoring.Fail, Msg: []string{"1 procedures without a level", "1.000002 Đăng ký kết hôn"}, MsgVI: "1 thủ tục không ghi mức độ", Says: mCatalogueFail},
		{Name: "bad code in JSON", ID: "P06-SVC-01", Mutate: func(p *portaltest.Portal) {
			p.Files["/api.json"] = portaltest.File{Type: "application/json", Body: `{"procedures":[{"MaTTHC":"TT-01","Ten":"Khai sinh","MucDo":"toan_trinh"},{"MaTTHC":"1.000002","Ten":"B","MucDo":""}]}`}
		}, Profile: &check.Profile{ProceduresJSON: "/api.json"}, Status: scoring.Fail, Msg: []string{`code "TT-01" is not a procedure code`, "$.procedures[0]"}, MsgVI: `"TT-01" không phải mã thủ tục`, Says: mCatalogueFail},
		{Name: "malformed JSON is an error", ID: "P06-SVC-01", Mutate: func(p *portaltest.Portal) {
			p.Files["/api.json"] = portaltest.File{Type: "application/json", Body: `{"procedures":[{"MaTTHC":1}]}`}
		}, Profile: &check.Profile{ProceduresJSON: "/api.json"}, Status: scoring.Error, Msg: []string{"$.procedures[0]: MaTTHC: got JSON number, want string"}},
		{Name: "old level wording", ID: "P06-SVC-01", Mutate: func(p *portaltest.Portal) {
			p.Pages["/thu-tuc-hanh-chinh"] = portaltest.Layout("TTHC", `<h1>TTHC</h1><table><tr><td>1.000001</td><td><a href="/thu-tuc/1.000001">Đăng ký khai sinh</a></td><td>Mức độ 4</td></tr>
<tr><td>1.000002</td><td><a href="/thu-tuc/1.000002">Đăng ký kết hôn</a></td><td>Toàn trình</td></tr></table>`)
		}, Status: scoring.Fail, Msg: []string{"1 procedures show the level in the wording Decree 42/2022 replaced (Mức độ 3/4)", "1.000001 Đăng ký khai sinh"}, Says: mCatalogueFail},
		{Name: "old level wording still counts for the rates", ID: "P06-SVC-07", Mutate: func(p *portaltest.Portal) {
			p.Pages["/thu-tuc-hanh-chinh"] = portaltest.Layout("TTHC", `<h1>TTHC</h1><table><tr><td>1.000001</td><td><a href="/thu-tuc/1.000001">Đăng ký khai sinh</a></td><td>Mức độ 4</td></tr></table>`)
		}, Status: scoring.Pass, Msg: []string{"(1/1)"}, Says: mRatePass},
		{Name: "empty catalogue", ID: "P06-SVC-01", Mutate: func(p *portaltest.Portal) { p.Procedures = nil },
			Status: scoring.Fail, Msg: []string{"/thu-tuc-hanh-chinh"}, Says: mEmptyCatalogue},
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
	checktest.RunPortalCases(t, Checks(), []checktest.PortalCase{
		{Name: "good", ID: "P06-SVC-06", Status: scoring.Pass, Msg: []string{"100.00% procedures offered online", "(10/10)", "≥ 80.00%"}, MsgVI: "tỷ lệ thủ tục được cung cấp dịch vụ công trực tuyến: 100.00% (10/10), chỉ tiêu ≥ 80.00%", Says: mRatePass},
		{Name: "four of five", ID: "P06-SVC-06", Mutate: mixed, Status: scoring.Pass, Msg: []string{"80.00%", "(4/5)"}, Says: mRatePass},
		{Name: "below target", ID: "P06-SVC-06", Mutate: func(p *portaltest.Portal) {
			mixed(p)
			p.Procedures[0].Level = ""
		}, Status: scoring.Fail, Msg: []string{"only 60.00%", "(3/5)", "below the target ≥ 80.00%", "not online: 1.000001 A; 1.000005 E"}, MsgVI: "dưới chỉ tiêu ≥ 80.00%. chưa trực tuyến: 1.000001 A; 1.000005 E", Says: mRateFail},
		// A row without a level counts as not online, and the finding says so.
		{Name: "row without level", ID: "P06-SVC-06", Mutate: func(p *portaltest.Portal) {
			p.Pages["/thu-tuc-hanh-chinh"] = portaltest.Layout("TTHC", `<h1>TTHC</h1><table><tr><td>1.000001</td><td><a href="/thu-tuc/1.000001">Đăng ký khai sinh</a></td><td>Toàn trình</td></tr>
<tr><td>1.000002</td><td><a href="/thu-tuc/1.000002">Đăng ký kết hôn</a></td><td></td></tr></table>`)
		}, Status: scoring.Fail, Msg: []string{"only 50.00%", "(1/2)", "(1 procedures show no level and count as not online)", "not online: 1.000002 Đăng ký kết hôn"},
			MsgVI: "(1 thủ tục không ghi mức độ, được tính là chưa trực tuyến)", Says: mRateFail},
		{Name: "good", ID: "P06-SVC-07", Status: scoring.Pass, Msg: []string{"90.00%", "(9/10)"}, Says: mRatePass},
		{Name: "half full-process", ID: "P06-SVC-07", Mutate: mixed, Status: scoring.Fail, Msg: []string{"only 50.00%", "(2/4)", "partial: 1.000003 C; 1.000004 D"}, MsgVI: "một phần: 1.000003 C; 1.000004 D", Says: mRateFail},
		{Name: "none online", ID: "P06-SVC-07", Mutate: setProcedures(portaltest.Procedure{Code: "1.000001", Name: "A"}),
			Status: scoring.Fail, Msg: []string{"(1 procedures)"}, Says: mRateNoneOnline},
	})
}

func TestComponents(t *testing.T) {
	checktest.RunPortalCases(t, Checks(), []checktest.PortalCase{
		{Name: "good", ID: "P06-SVC-02", Status: scoring.Pass, Msg: []string{"all 10 procedure pages"}, Says: mComponentsPass},
		{Name: "labels in a table without accents", ID: "P06-SVC-02", Mutate: func(p *portaltest.Portal) {
			p.Procedures = p.Procedures[:1]
			p.Pages[p.Procedures[0].Path()] = portaltest.Layout("x", `<table>
<tr><td>Tên thủ tục</td><td>Đăng ký khai sinh</td></tr><tr><td>TRINH TU THUC HIEN</td><td>…</td></tr>
<tr><td>Cách thức thực hiện</td><td>…</td></tr><tr><th>Thành phần, số lượng hồ sơ</th><td>…</td></tr>
<tr><td><b>Thời hạn giải quyết:</b></td><td>…</td></tr><tr><td>Đối tượng thực hiện</td><td>…</td></tr><tr><td>Cơ quan thực hiện</td><td>…</td></tr></table>`)
		}, Status: scoring.Pass, Says: mComponentsPass},
		{Name: "missing components", ID: "P06-SVC-02", Mutate: func(p *portaltest.Portal) {
			p.Pages[p.Procedures[2].Path()] = portaltest.Layout("x", `<h1>Đăng ký kết hôn</h1><h2>Trình tự thực hiện</h2><p>…</p><h2>Thời hạn giải quyết</h2>
<p>Cách thức thực hiện và đối tượng thực hiện được mô tả trong một đoạn văn dài, không phải tiêu đề.</p>`)
		}, Status: scoring.Fail, Msg: []string{"1 of 10 procedure pages", "/thu-tuc/1.001002 lacks (c) method, (d) dossier components and number of copies, (e) subjects, (g) agency"},
			MsgVI: "/thu-tuc/1.001002 thiếu (c) cách thức thực hiện, (d) thành phần, số lượng hồ sơ, (e) đối tượng thực hiện, (g) cơ quan thực hiện", Says: mComponentsFail},
		{Name: "page answers 404", ID: "P06-SVC-02", Profile: &check.Profile{ProcedurePages: []string{"/thu-tuc/khong-co"}},
			Status: scoring.Fail, Msg: []string{"/thu-tuc/khong-co: status 404"}, MsgVI: "/thu-tuc/khong-co: mã trạng thái 404", Says: mComponentsFail},
		{Name: "no pages", ID: "P06-SVC-02", Mutate: func(p *portaltest.Portal) { p.Procedures = nil }, Status: scoring.Fail, Says: mComponentsNoPages},
	})
}

func TestLookup(t *testing.T) {
	checktest.RunPortalCases(t, Checks(), []checktest.PortalCase{
		{Name: "good with sample", ID: "P06-SVC-03", Profile: &check.Profile{SampleDossier: "000.00.30.H55-250101-0001"},
			Status: scoring.Pass, Msg: []string{"000.00.30.H55-250101-0001"}, Says: mLookupPass},
		// Without a dossier, neither the status nor the owner's data can be seen: not a pass.
		{Name: "good without sample", ID: "P06-SVC-03", Status: scoring.NotTested, Says: mLookupNoSample},
		// The public look-up: another person's full name and driving-licence number.
		{Name: "sample shows a name and a licence number", ID: "P06-SVC-03", Profile: &check.Profile{SampleDossier: "000.00.30.H55-250101-0001"},
			Mutate: func(p *portaltest.Portal) {
				p.LookupExtra = "<p>Họ và tên: Trần Thị Bích Ngọc</p><p>Số giấy phép lái xe: 790123456789</p>"
			},
			Status: scoring.Fail, Msg: []string{"a full name (T*** T** B*** N***) with a giấy phép lái xe number (*********789)"},
			MsgVI: "họ tên đầy đủ (T*** T** B*** N***) kèm số giấy phép lái xe (*********789)", Says: mLookupPersonalData},
		{Name: "sample shows a mobile number", ID: "P06-SVC-03", Profile: &check.Profile{SampleDossier: "000.00.30.H55-250101-0001"},
			Mutate: func(p *portaltest.Portal) { p.LookupExtra = "<p>Liên hệ người nộp: 0912345678</p>" },
			Status: scoring.Fail, Msg: []string{"a mobile number in full (*******678)"}, MsgVI: "số điện thoại di động đầy đủ (*******678)", Says: mLookupPersonalData},
		{Name: "masked data is fine", ID: "P06-SVC-03", Profile: &check.Profile{SampleDossier: "000.00.30.H55-250101-0001"},
			Mutate: func(p *portaltest.Portal) {
				p.LookupExtra = "<p>Họ và tên: T*** T** B*** N***</p><p>Số CCCD: *********789</p>"
			},
			Status: scoring.Pass, Says: mLookupPass},
		// "Không tìm thấy hồ sơ?" outside the result (a help box in the footer) is not the answer.
		{Name: "not-found phrase only in the footer", ID: "P06-SVC-03", Mutate: func(p *portaltest.Portal) {
			p.LookupNotFound = ""
			p.Rewrite = func(path, page string) string {
				if path != "/tra-cuu-ho-so" {
					return page
				}
				return strings.Replace(page, "</body>", "<footer><p>Không tìm thấy hồ sơ? Gọi 1900 1234.</p></footer></body>", 1)
			}
		}, Status: scoring.Fail, Msg: []string{"(status 200)"}, Says: mLookupNoNotFound},
		{Name: "sample shows the owner's number", ID: "P06-SVC-03", Profile: &check.Profile{SampleDossier: "000.00.30.H55-250101-0001"},
			Mutate: func(p *portaltest.Portal) { p.LookupOwner = ident.Synthetic(1, 1)[0].ID },
			Status: scoring.Fail, Msg: []string{"*******"}, Says: mLookupPINs},
		{Name: "sample not found", ID: "P06-SVC-03", Profile: &check.Profile{SampleDossier: "000.00.30.H55-250101-9999"},
			Status: scoring.Fail, Msg: []string{"000.00.30.H55-250101-9999"}, Says: mLookupSampleMissing},
		{Name: "unknown code gives 500", ID: "P06-SVC-03", Mutate: func(p *portaltest.Portal) {
			p.LookupStatus, p.LookupNotFound = 500, "java.lang.NullPointerException"
		}, Status: scoring.Fail, Msg: []string{"status 500"}, Says: mLookupServerError},
		{Name: "unknown code gives an error page with 200", ID: "P06-SVC-03", Mutate: func(p *portaltest.Portal) {
			p.LookupNotFound = "Đã xảy ra lỗi. Không tìm thấy: java.lang.NullPointerException at vn.gov.dvc.HoSoService"
		}, Status: scoring.Fail, Msg: []string{`("exception")`}, Says: mLookupErrorPage},
		{Name: "unknown code gives no message", ID: "P06-SVC-03", Mutate: func(p *portaltest.Portal) { p.LookupNotFound = "" },
			Status: scoring.Fail, Msg: []string{"(status 200)", `"Không tìm thấy hồ sơ"`}, Says: mLookupNoNotFound},
		{Name: "page without a form", ID: "P06-SVC-03", Mutate: func(p *portaltest.Portal) {
			p.Pages["/tra-cuu-ho-so"] = portaltest.Layout("Tra cứu", `<h1>Tra cứu hồ sơ</h1><p>Vui lòng gọi tổng đài.</p>`)
		}, Status: scoring.Fail, Msg: []string{"/tra-cuu-ho-so"}, Says: mLookupNoForm},
		{Name: "no look-up at all", ID: "P06-SVC-03", Mutate: func(p *portaltest.Portal) {
			p.Pages["/"] = `<html lang="vi"><head><title>Trang chủ</title></head><body><h1>Xin chào</h1></body></html>`
		}, Status: scoring.Fail, Msg: []string{`"Tra cứu hồ sơ"`}, Says: mLookupNone},
	})
}

func TestPayment(t *testing.T) {
	checktest.RunPortalCases(t, Checks(), []checktest.PortalCase{
		{Name: "good", ID: "P06-SVC-04", Status: scoring.Pass, Msg: []string{"all 3 fee-bearing procedures"}, Says: mPaymentPass},
		{Name: "fee without payment link", ID: "P06-SVC-04", Mutate: func(p *portaltest.Portal) {
			pr := p.Procedures[7]
			p.Pages[pr.Path()] = portaltest.Layout(pr.Name, `<h1>`+pr.Name+`</h1><h2>Lệ phí</h2><p>100.000 đồng</p>`)
		}, Status: scoring.Fail, Msg: []string{"1 of 3 fee-bearing procedures offer no online payment", "/thu-tuc/2.001234.000.00.00.H55"}, MsgVI: "1/3 thủ tục", Says: mPaymentFail},
		{Name: "no fees", ID: "P06-SVC-04", Mutate: func(p *portaltest.Portal) {
			for i := range p.Procedures {
				p.Procedures[i].Fee = false
			}
		}, Status: scoring.NotApplicable, Msg: []string{"none of the 10 procedure pages"}, Says: mPaymentNoFees},
		// Missing evidence does not shrink the denominator: no procedure page seen is error.
		{Name: "no procedure page readable", ID: "P06-SVC-04", Mutate: func(p *portaltest.Portal) {
			for _, pr := range p.Procedures {
				p.Files[pr.Path()] = portaltest.File{Type: "application/octet-stream", Body: "x"}
			}
		}, Status: scoring.Error, Msg: []string{"none of the 10 procedure pages"}, Says: mPaymentNoneRead},
		{Name: "fee flagged in JSON only", ID: "P06-SVC-04", Mutate: func(p *portaltest.Portal) {
			p.Files["/api.json"] = portaltest.File{Type: "application/json", Body: `{"procedures":[{"MaTTHC":"1.000009","Ten":"X","MucDo":"mot_phan","CoPhiLePhi":true,"URL":"/x"}]}`}
			p.Pages["/x"] = portaltest.Layout("X", `<h1>X</h1><p>Nộp hồ sơ</p>`)
		}, Profile: &check.Profile{ProceduresJSON: "/api.json"}, Status: scoring.Fail, Msg: []string{"1 of 1", "/x"}, Says: mPaymentFail},
		// A link to the payment entry counts whatever its text; one in the site navigation does not.
		{Name: "link to the payment entry", ID: "P06-SVC-04", Mutate: func(p *portaltest.Portal) {
			p.Files["/api.json"] = portaltest.File{Type: "application/json", Body: `{"procedures":[{"MaTTHC":"1.000009","Ten":"X","MucDo":"mot_phan","CoPhiLePhi":true,"URL":"/x"}]}`}
			p.Pages["/x"] = `<html><body><nav><a href="/thanh-toan">Thanh toán</a></nav><h1>X</h1><a href="/thanh-toan?ma=1">Nộp tiền</a></body></html>`
		}, Profile: &check.Profile{ProceduresJSON: "/api.json"}, Status: scoring.Pass, Says: mPaymentPass},
		{Name: "payment only in the navigation", ID: "P06-SVC-04", Mutate: func(p *portaltest.Portal) {
			p.Files["/api.json"] = portaltest.File{Type: "application/json", Body: `{"procedures":[{"MaTTHC":"1.000009","Ten":"X","MucDo":"mot_phan","CoPhiLePhi":true,"URL":"/x"}]}`}
			p.Pages["/x"] = `<html><body><header><a href="/thanh-toan">Thanh toán</a></header><h1>X</h1></body></html>`
		}, Profile: &check.Profile{ProceduresJSON: "/api.json"}, Status: scoring.Fail, Says: mPaymentFail},
	})
}

func TestFeedback(t *testing.T) {
	checktest.RunPortalCases(t, Checks(), []checktest.PortalCase{
		{Name: "good", ID: "P06-SVC-05", Status: scoring.Pass, Msg: []string{"/phan-anh-kien-nghi", "/danh-gia"}, Says: mFeedbackPass},
		{Name: "no rating", ID: "P06-SVC-05", Mutate: func(p *portaltest.Portal) {
			p.Rewrite = func(_, page string) string {
				return strings.Replace(page, `<li><a href="/danh-gia">Đánh giá mức độ hài lòng</a></li>`, "", 1)
			}
		}, Status: scoring.Fail, Msg: []string{"no satisfaction rating (đánh giá mức độ hài lòng) page found (profile field rating)"}, MsgVI: "không tìm thấy trang đánh giá mức độ hài lòng", Says: mFeedbackFail},
		{Name: "feedback by phone only", ID: "P06-SVC-05", Mutate: func(p *portaltest.Portal) {
			p.Pages["/phan-anh-kien-nghi"] = portaltest.Layout("PAKN", "<h1>Phản ánh, kiến nghị</h1><p>Vui lòng gọi tổng đài 1900 1234.</p>")
		}, Status: scoring.Fail, Msg: []string{"feedback / petitions (phản ánh, kiến nghị) page", "/phan-anh-kien-nghi offers no form to use it online"}, MsgVI: "trang phản ánh, kiến nghị", Says: mFeedbackFail},
		{Name: "feedback on the national portal", ID: "P06-SVC-05", Mutate: func(p *portaltest.Portal) {
			p.Pages["/phan-anh-kien-nghi"] = portaltest.Layout("PAKN", `<h1>Phản ánh, kiến nghị</h1><p><a href="https://dichvucong.gov.vn/p/phananhkiennghi/pakn-gui-pakn.html">Gửi phản ánh, kiến nghị trên Cổng Dịch vụ công quốc gia</a></p>`)
		}, Status: scoring.Pass, Says: mFeedbackPass},
		{Name: "rating without choices", ID: "P06-SVC-05", Mutate: func(p *portaltest.Portal) {
			p.Pages["/danh-gia"] = portaltest.Layout("Đánh giá", `<h1>Đánh giá mức độ hài lòng</h1><form><label for="y">Ý kiến</label><input id="y" name="y"><button>Gửi</button></form>`)
		}, Status: scoring.Fail, Msg: []string{"satisfaction rating (đánh giá mức độ hài lòng) page", "offers no form"}, Says: mFeedbackFail},
		{Name: "feedback page broken", ID: "P06-SVC-05", Profile: &check.Profile{Feedback: "/pakn-cu"},
			Status: scoring.Fail, Msg: []string{"/pakn-cu answers status 404"}, MsgVI: "/pakn-cu trả về mã 404", Says: mFeedbackFail},
	})
}

func TestEssential(t *testing.T) {
	checktest.RunPortalCases(t, Checks(), []checktest.PortalCase{
		{Name: "province good", ID: "P06-SVC-08", Status: scoring.Pass, Msg: []string{"all 7 essential services within a province portal's scope"}, MsgVI: "thuộc phạm vi cổng cấp tỉnh", Says: mEssentialPass},
		{Name: "commune good", ID: "P06-SVC-08", Profile: &check.Profile{Scope: "commune"}, Status: scoring.Pass, Msg: []string{"all 6 essential", "commune"}, MsgVI: "cổng cấp xã", Says: mEssentialPass},
		{Name: "missing and offline", ID: "P06-SVC-08", Mutate: func(p *portaltest.Portal) {
			p.Procedures[0].Level = ""               // khai sinh offline
			p.Procedures = p.Procedures[:6]          // drops trợ cấp thất nghiệp
			p.Procedures[2].Name = "ĐĂNG KÝ KẾT HÔN" // accent-insensitive match
		}, Status: scoring.Fail, Msg: []string{"5 of 7", "Not in the catalogue: #23 Giải quyết hưởng trợ cấp thất nghiệp (Unemployment benefit)", "Listed but not online: #14 Đăng ký khai sinh as 1.001000 Đăng ký khai sinh, not online"},
			MsgVI: "Không có trong danh mục: #23 Giải quyết hưởng trợ cấp thất nghiệp. Có trong danh mục nhưng chưa trực tuyến: #14 Đăng ký khai sinh (1.001000 Đăng ký khai sinh) chưa trực tuyến.", Says: mEssentialFail},
		{Name: "linked to the national portal", ID: "P06-SVC-08", Mutate: func(p *portaltest.Portal) {
			p.Procedures = p.Procedures[:6] // drops trợ cấp thất nghiệp from the catalogue
			p.Pages["/"] = portaltest.Layout("Trang chủ", `<h1>Trang chủ</h1><a href="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001978">Giải quyết hưởng trợ cấp thất nghiệp (Cổng DVCQG)</a>`)
		}, Status: scoring.Pass, Msg: []string{"all 7 essential services", "(1 through a link, not the catalogue: #23 → https://dichvucong.gov.vn/"}, Says: mEssentialPass},
		{Name: "ministry with none", ID: "P06-SVC-08", Profile: &check.Profile{Scope: "ministry"},
			Mutate: setProcedures(portaltest.Procedure{Code: "1.000012", Name: "Cấp phép hoạt động", Level: "toan_trinh"}), Status: scoring.NotApplicable, Msg: []string{"this ministry portal"}, MsgVI: "cổng cấp bộ", Says: mEssentialNone},
		{Name: "ministry with passport offline", ID: "P06-SVC-08", Profile: &check.Profile{Scope: "ministry"}, Mutate: func(p *portaltest.Portal) {
			p.Procedures = []portaltest.Procedure{{Code: "1.000011", Name: "Cấp hộ chiếu phổ thông ở trong nước"}, {Code: "1.000012", Name: "Khác", Level: "toan_trinh"}}
		}, Status: scoring.Fail, Msg: []string{"0 of 1", "#9"}, Says: mEssentialFail},
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

// A check that cannot go on names its step in the report's language.
func TestStepInVietnamese(t *testing.T) {
	s := checktest.FailingSession(check.Target{}, check.Config{}, fmt.Errorf("GET /: %w", check.ErrTimeout))
	for _, id := range []string{"P06-SVC-01", "P06-SVC-06", "P06-SVC-07"} {
		r := checktest.Run(t, Checks(), id, s)
		if r.Status != scoring.Error || !strings.HasPrefix(r.Message, "reading the procedure catalogue: GET /") {
			t.Errorf("%s %s: %s", id, r.Status, r.Message)
		}
		checktest.SaysStep(t, r, mStepCatalogue)
	}
}
