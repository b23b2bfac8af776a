package check

import (
	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/msg"
)

// Profile tells the harness where things are on a portal. Every field is optional: what is
// missing is discovered by crawling the home page, and the report says which fields were
// configured and which discovered. URLs may be absolute or relative to the target's BaseURL.
//
// # Discovery
//
// Session.Profile fills every field the vendor left empty, once per session. It reads the home
// page and, while something is still missing, the same-host pages it links to (breadth first,
// the pages just found first; at most 12 pages and Config.MaxPages; GET only; documents, images,
// scripts and logout links are not followed). Links (a and area; their text, aria-label and
// title) are matched after folding — lower case, accents removed, đ as d, punctuation as spaces,
// whole words (see htmlx.Fold) — first by text, label by label in the order below, then by the
// folded URL path:
//
//	procedures     "Thủ tục hành chính", "Danh mục thủ tục", "Danh sách thủ tục", "Tra cứu thủ tục",
//	               "Procedures", "Dịch vụ công trực tuyến"; path thu-tuc-hanh-chinh, thu-tuc, tthc
//	status_lookup  "Tra cứu hồ sơ", "Tra cứu tình trạng hồ sơ", "Tra cứu tiến độ", "Tình trạng hồ sơ",
//	               "Tra cứu kết quả"; path tra-cuu-ho-so, tracuuhoso, tra-cuu, lookup, status
//	login          "Đăng nhập", "Login", "Sign in"; path dang-nhap, login, signin — this one may
//	               lead to another allowed host (the national SSO)
//	logout         "Đăng xuất", "Logout", "Sign out"
//	privacy        "Chính sách bảo mật", "Quyền riêng tư", "Bảo vệ dữ liệu cá nhân", "Chính sách bảo
//	               vệ dữ liệu", "Privacy"; path chinh-sach-bao-mat, quyen-rieng-tu, privacy
//	contact        "Liên hệ", "Thông tin liên hệ", "Contact", "Hướng dẫn", "Hỗ trợ"
//	feedback       "Phản ánh kiến nghị", "Phản ánh", "Kiến nghị", "Góp ý", "Feedback"; path pakn
//	rating         "Mức độ hài lòng", "Đánh giá hài lòng", "Đánh giá", "Khảo sát", "Rating"
//	payment        "Thanh toán trực tuyến", "Thanh toán", "Nộp phí", "Payment"
//
// Forms (GET, or no method; same host) give the templates:
//
//   - search: a form with role="search", or with an input of type search or named q, keyword,
//     keywords, tukhoa, tu_khoa, query, search, s, key, textsearch, searchtext → its action with
//     "?name={q}" and the form's hidden inputs;
//   - status_lookup: on any page, a form with a text input named like a dossier code (ma_ho_so,
//     mahoso, so_ho_so, sohoso, ma_hs, dossier, dossier_code, ho_so…); on the page the "Tra cứu
//     hồ sơ" link leads to (or a configured status_lookup without {code}), the first GET form
//     with a text input that is not the site search → its action with "?name={code}". A look-up
//     page without such a form is kept as status_lookup without {code}, and P06-SVC-03 says so.
//   - procedures_json: a <link rel="alternate" type="application/json" href> on a visited page.
//
// The procedure catalogue is then read (Session.Procedures): from procedures_json — JSON
// {"procedures":[{"MaTTHC","Ten","MucDo","CoPhiLePhi","ThietYeu","URL"}]} or the bare array, with
// MucDo "toan_trinh", "mot_phan" or "" (not online), the field names of the Decision 766
// procedure catalogue — else from the procedures page (see ProceduresFromHTML: data-ma-tthc /
// data-muc-do / data-ten / data-co-phi / data-thiet-yeu attributes, or rows tr/li/article holding
// a procedure code such as 1.000123 or 2.001234.000.00.00.H55, a link and a level label "Toàn
// trình" / "Một phần" / "Trực tiếp"). A paginated catalogue is followed through its "next page"
// links (rel="next", or a link reading "Trang sau", "Tiếp", "Next", "›", "»", ">"; same host; at
// most 50 pages and Config.MaxPages), each procedure kept once. procedure_pages are the first 20
// (at most Config.MaxPages) same-host procedure URLs of the catalogue.
//
// Defaults: home is the base URL; plain_http the base URL with scheme http and no port (HTTPS
// targets only); scope is province. Resolved.Sources says, per JSON field name, "configured",
// "discovered", "default" or "missing"; Resolved.Notes what discovery saw (the catalogue read and
// its size, pages it could not fetch).
type Profile struct {
	// Home is the home page. Default: the BaseURL.
	Home string `json:"home,omitempty"`
	// PlainHTTP is the portal's plain-HTTP address, which should redirect to HTTPS. Default: the
	// BaseURL with scheme http and the default port.
	PlainHTTP string `json:"plain_http,omitempty"`
	// Procedures is the procedure catalogue page (HTML).
	Procedures string `json:"procedures,omitempty"`
	// ProceduresJSON is an endpoint listing procedures as JSON.
	ProceduresJSON string `json:"procedures_json,omitempty"`
	// ProcedurePages are procedure pages to check; when empty they are found from the catalogue.
	ProcedurePages []string `json:"procedure_pages,omitempty"`
	// Search is the site-search URL with "{q}" where the query goes.
	Search string `json:"search,omitempty"`
	// StatusLookup is the dossier status look-up URL with "{code}" where the dossier code goes.
	StatusLookup string `json:"status_lookup,omitempty"`
	// Login is the citizen login entry.
	Login string `json:"login,omitempty"`
	// Logout ends the session.
	Logout string `json:"logout,omitempty"`
	// Privacy is the privacy notice; Contact the guidance and contact page.
	Privacy string `json:"privacy,omitempty"`
	Contact string `json:"contact,omitempty"`
	// Feedback is the feedback / petitions (PAKN) page; Rating the satisfaction rating page.
	Feedback string `json:"feedback,omitempty"`
	Rating   string `json:"rating,omitempty"`
	// Payment is the online payment entry.
	Payment string `json:"payment,omitempty"`
	// Samples are extra pages to time and weigh.
	Samples []string `json:"samples,omitempty"`
	// SampleDossier is a dossier code whose status the look-up should find.
	SampleDossier string `json:"sample_dossier,omitempty"`
	// Scope is the portal's level of government: ministry, province (default) or commune.
	Scope criteria.Scope `json:"scope,omitempty"`
	// Budgets are the performance budgets of P06-UX-07 and P06-UX-08.
	Budgets Budgets `json:"budgets,omitempty"`
}

// Budgets are performance budgets; zero fields take the defaults.
type Budgets struct {
	// TTFBp95Ms is the 95th percentile time to first byte, in milliseconds. Default 1000.
	TTFBp95Ms int `json:"ttfb_p95_ms,omitempty"`
	// PageWeightBytes is the weight of a page with its same-host resources. Default 2,000,000.
	PageWeightBytes int64 `json:"page_weight_bytes,omitempty"`
}

// Resolved is a profile with every discoverable field filled in, and where each came from.
type Resolved struct {
	Profile
	// Sources maps a field's JSON name to "configured", "discovered", "default" (a documented
	// default, e.g. home = the base URL) or "missing".
	Sources map[string]string `json:"sources"`
	// Notes say what discovery saw that a reader of the report should know: the catalogue read and
	// its size, pages it could not fetch, a look-up page without a form (in JSON, in English).
	Notes []msg.Phrase `json:"notes,omitempty"`
}
