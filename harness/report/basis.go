package report

import (
	"net/url"
	"strings"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/scoring"
)

// basisItem is one legal basis of a criterion, as a report shows it: the document (in the
// report's language where the catalogue has it), the provision, the kind (quoted law or a
// derived control) and the reliability of the source, and a link to a copy of the text.
type basisItem struct {
	Text, Kind, Reliability, URL string
}

// kindLabels and reliabilityLabels explain the catalogue's codes in each language.
var kindLabels = map[string]map[criteria.Kind]string{
	"en": {criteria.Quoted: "quoted law", criteria.Derived: "derived control"},
	"vi": {criteria.Quoted: "trích quy định", criteria.Derived: "kiểm soát suy ra từ quy định"},
}

var reliabilityLabels = map[string]map[string]string{
	"en": {"P": "primary source", "S": "secondary source", "R": "reverse-engineered", "U": "unverified"},
	"vi": {"P": "nguồn gốc", "S": "nguồn thứ cấp", "R": "suy ngược từ số liệu", "U": "chưa xác minh"},
}

// articlesVI are the Vietnamese of the provisions most often cited in the built-in catalogue
// (the catalogue keeps them in English); a provision not listed is shown as written.
var articlesVI = map[string]string{
	"technical requirements":       "yêu cầu kỹ thuật",
	"protection by security level": "bảo vệ theo cấp độ",
	"targets for 2023–2025":        "mục tiêu giai đoạn 2023–2025",
	"Appendix, item 3":             "Phụ lục, mục 3",
	"Appendix V":                   "Phụ lục V",
	"digitisation; electronic data warehouse of organisations and individuals":                               "số hóa; kho quản lý dữ liệu điện tử của tổ chức, cá nhân",
	"security conditions for connecting to the National Population Database":                                 "điều kiện an toàn khi kết nối CSDLQG về dân cư",
	"administrative procedures in the electronic environment":                                                "thực hiện thủ tục hành chính trên môi trường điện tử",
	"security of personal data":                                                                              "bảo đảm an toàn dữ liệu cá nhân",
	"encryption of important data in transit":                                                                "mã hóa dữ liệu quan trọng khi truyền",
	"signing and signature-verification software":                                                            "phần mềm ký số và kiểm tra chữ ký số",
	"information that must be published online":                                                              "thông tin phải công bố trên môi trường mạng",
	"Art. 5: function groups of the TTHC information system":                                                 "Điều 5: các nhóm chức năng của Hệ thống thông tin giải quyết TTHC",
	"function group 3: digital signing (ký số)":                                                              "nhóm chức năng 3: ký số",
	"function group 8: data warehouse (kho dữ liệu)":                                                         "nhóm chức năng 8: kho dữ liệu",
	"Art. 5: function group utilities (tiện ích)":                                                            "Điều 5: nhóm chức năng tiện ích",
	"Art. 5 and its appendix of concrete requirements":                                                       "Điều 5 và phụ lục yêu cầu cụ thể",
	"systems connecting to the population database meet level 3 or higher":                                   "hệ thống kết nối CSDL dân cư đạt cấp độ 3 trở lên",
	"target: 100% of individuals' TTHC results stored electronically":                                        "mục tiêu: 100% kết quả giải quyết TTHC của cá nhân được lưu trữ điện tử",
	"§4.2: a client capable of S256 MUST use it":                                                             "§4.2: client hỗ trợ S256 BẮT BUỘC phải dùng S256",
	"§4.1.2 (a code must not be used more than once)":                                                        "§4.1.2 (mã ủy quyền không được dùng quá một lần)",
	"connect TTHC systems to the population database under Decree 107/2021 within 2025":                      "kết nối hệ thống giải quyết TTHC với CSDL dân cư theo Nghị định 107/2021 trong năm 2025",
	"basic portal functions: pre-fill e-forms from databases":                                                "chức năng cơ bản của cổng: tự động điền biểu mẫu điện tử từ cơ sở dữ liệu",
	"Art. 5: function group catalogues and dossiers (danh mục và hồ sơ)":                                     "Điều 5: nhóm chức năng danh mục và hồ sơ",
	"purpose limitation and data minimisation":                                                               "giới hạn mục đích và tối thiểu hóa dữ liệu",
	"Decree 137/2015 Art. 13 (structure of the number)":                                                      "Nghị định 137/2015, Điều 13 (cấu trúc số định danh)",
	"indicator 4.1 (dossiers with an electronic result)":                                                     "chỉ số 4.1 (hồ sơ có kết quả điện tử)",
	"§III.3 (business and functional requirements)":                                                          "§III.3 (yêu cầu nghiệp vụ và chức năng)",
	"mobile and remote signing standards":                                                                    "tiêu chuẩn ký số trên thiết bị di động và ký số từ xa",
	"indicator 4.4 (digitised dossiers linked to the citizen's data list on DVCQG)":                          "chỉ số 4.4 (hồ sơ số hóa gắn với danh mục dữ liệu của công dân trên DVCQG)",
	"two levels of online public service (probably Art. 11 [U])":                                             "hai mức độ dịch vụ công trực tuyến (có thể là Điều 11 [U])",
	"indicator 1.3 (TTHC published with all mandatory components)":                                           "chỉ số 1.3 (TTHC được công khai đủ các bộ phận bắt buộc)",
	"basic portal functions: return results electronically and look them up":                                 "chức năng cơ bản của cổng: trả kết quả điện tử và tra cứu kết quả",
	"Art. 5: function group receiving and processing (tiếp nhận và giải quyết)":                              "Điều 5: nhóm chức năng tiếp nhận và giải quyết",
	"indicator 3.5 and 3.6 (online payment)":                                                                 "chỉ số 3.5 và 3.6 (thanh toán trực tuyến)",
	"25 essential public services: no paper dossiers from 01/10/2025":                                        "25 dịch vụ công thiết yếu: không tiếp nhận hồ sơ giấy từ 01/10/2025",
	"HSTS: max-age of at least six months":                                                                   "HSTS: max-age tối thiểu sáu tháng",
	"account lockout after 10 failed logins, 5 for business software with important data from level 2":       "khóa tài khoản sau 10 lần đăng nhập sai, 5 lần với phần mềm nghiệp vụ có dữ liệu quan trọng từ cấp độ 2",
	"classification by security level (cấp độ 1–5)":                                                          "phân loại theo cấp độ an toàn (cấp độ 1–5)",
	"level 3 or above: deploy a monitoring plan before going live":                                           "từ cấp độ 3: triển khai phương án giám sát trước khi đưa vào vận hành",
	"level 3 or above: security test and assessment before go-live, periodically and on demand":              "từ cấp độ 3: kiểm tra, đánh giá an toàn thông tin trước khi vận hành, định kỳ và đột xuất",
	"security check with police tools before connecting to the population database and after design changes": "kiểm tra an ninh bằng công cụ của Bộ Công an trước khi kết nối CSDL dân cư và sau khi thay đổi thiết kế",
	"basic portal functions: log and report access":                                                          "chức năng cơ bản của cổng: ghi nhật ký và báo cáo truy cập",
	"log retention by level":                                                                                 "thời gian lưu nhật ký theo cấp độ",
	"technical requirements for e-transaction systems connected to the DTM system":                           "yêu cầu kỹ thuật với hệ thống giao dịch điện tử kết nối hệ thống DTM",
	"success criterion 3.1.1 Language of Page":                                                               "tiêu chí thành công 3.1.1 (ngôn ngữ của trang)",
	"success criterion 1.3.1 Info and Relationships":                                                         "tiêu chí thành công 1.3.1 (thông tin và quan hệ)",
	"success criterion 3.3.2 Labels or Instructions":                                                         "tiêu chí thành công 3.3.2 (nhãn hoặc hướng dẫn)",
	"success criterion 4.1.2 Name, Role, Value":                                                              "tiêu chí thành công 4.1.2 (tên, vai trò, giá trị)",
	"success criterion 4.1.1 Parsing":                                                                        "tiêu chí thành công 4.1.1 (phân tích cú pháp)",
	"success criterion 1.1.1 Non-text Content":                                                               "tiêu chí thành công 1.1.1 (nội dung không phải văn bản)",
	"basic portal functions: search services by criteria":                                                    "chức năng cơ bản của cổng: tìm kiếm dịch vụ theo tiêu chí",
	"performance: 20 of 100 points":                                                                          "hiệu năng: 20 trên 100 điểm",
	"§10.12 Cross-Site Request Forgery":                                                                      "§10.12 giả mạo yêu cầu liên trang (CSRF)",
	"§3.1.3.7 ID Token Validation":                                                                           "§3.1.3.7 kiểm tra ID token",
	"§3.1.2.1 Authentication Request":                                                                        "§3.1.2.1 yêu cầu xác thực",
	"amends Art. 5 (nine function groups) and repeals some articles and appendices":                          "sửa đổi Điều 5 (chín nhóm chức năng) và bãi bỏ một số điều, phụ lục",
	"criterion 'access speed' (tốc độ truy cập)":                                                             "tiêu chí tốc độ truy cập",
	"score = 6 × rate": "điểm = 6 × tỷ lệ",
}

// basisItems returns c's legal bases for a report in lang.
func basisItems(c *criteria.Criterion, lang string) []basisItem {
	if c == nil {
		return nil
	}
	if lang != "en" {
		lang = "vi"
	}
	var out []basisItem
	for _, b := range c.Basis {
		doc := b.Document
		if lang == "vi" && b.DocumentVI != "" {
			doc = b.DocumentVI
		}
		art := b.Article
		if lang == "vi" {
			if vi, ok := articlesVI[art]; ok {
				art = vi
			}
		}
		if art != "" {
			doc += ", " + art
		}
		it := basisItem{Text: doc, Kind: kindLabels[lang][b.Kind], Reliability: reliabilityLabels[lang][b.Reliability], URL: safeURL(b.URL)}
		if it.Kind == "" {
			it.Kind = string(b.Kind)
		}
		out = append(out, it)
	}
	return out
}

// label is "(kind)" or "(kind; reliability)".
func (b basisItem) label() string {
	if b.Reliability == "" {
		return "(" + b.Kind + ")"
	}
	return "(" + b.Kind + "; " + b.Reliability + ")"
}

// basisText is the bases as plain text, for formats without links.
func basisText(c *criteria.Criterion, lang string) string {
	var parts []string
	for _, b := range basisItems(c, lang) {
		parts = append(parts, b.Text+" "+b.label())
	}
	return strings.Join(parts, "; ")
}

// basisMarkdown is the bases as inline Markdown, each document linked to its source.
func basisMarkdown(c *criteria.Criterion, lang string) string {
	var parts []string
	for _, b := range basisItems(c, lang) {
		t := mdInline(b.Text)
		if b.URL != "" {
			t = "[" + t + "](" + strings.NewReplacer("(", "%28", ")", "%29", " ", "%20").Replace(b.URL) + ")"
		}
		parts = append(parts, t+" "+mdInline(b.label()))
	}
	return strings.Join(parts, "; ")
}

// safeURL returns u when it is an absolute http(s) URL, "" otherwise (a catalogue file could
// hold anything).
func safeURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
		return ""
	}
	return p.String()
}

// wantText is what a report shows as required: in Vietnamese the catalogue's requirement
// (the checks state what they want in English), in English the check's own want, else the
// requirement.
func wantText(f scoring.Finding, c *criteria.Criterion, lang string) string {
	if c != nil && lang != "en" {
		if vi := c.Requirement.In("vi"); vi != "" {
			return vi
		}
	}
	if f.Want != "" {
		return f.Want
	}
	if c != nil {
		return c.Requirement.In(lang)
	}
	return ""
}
