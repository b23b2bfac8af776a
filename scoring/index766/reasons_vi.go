package index766

import "strings"

// reasonsVI are the Vietnamese forms of the reasons an indicator is not computed, for reports
// read in Vietnamese.
var reasonsVI = map[string]string{
	"needs the dates of the publication decisions (QĐCB) and of the legal bases; dossier records do not carry them":                                                                                                                       "cần ngày ban hành quyết định công bố (QĐCB) và ngày hiệu lực của văn bản quy định; dữ liệu hồ sơ không có các ngày này",
	"needs the QĐCB dates and the National TTHC Database's publication dates; dossier records do not carry them":                                                                                                                          "cần ngày QĐCB và ngày công khai trên Cơ sở dữ liệu quốc gia về TTHC; dữ liệu hồ sơ không có các ngày này",
	"needs the published content of each TTHC; the procedure catalogue does not list its components":                                                                                                                                      "cần nội dung công bố của từng TTHC; danh mục thủ tục không liệt kê các bộ phận cấu thành",
	"needs the national reporting system's (BCQG) dossier count as denominator; the records are only the synchronised side":                                                                                                               "cần số hồ sơ của Hệ thống báo cáo quốc gia (BCQG) làm mẫu số; dữ liệu chỉ gồm các hồ sơ đã đồng bộ",
	"formula NOT FOUND in any source (docs/qd766.md); not guessed":                                                                                                                                                                        "chưa tìm thấy công thức trong nguồn nào; không suy đoán",
	"needs whether each dossier's components carry attachments (the documents submitted, TaiLieuNop) and which TTHC require an electronic result; the records carry neither (DuocSoHoa is indicator 4.3's re-use flag, not digitisation)": "cần biết thành phần hồ sơ có tệp đính kèm hay không (tài liệu nộp, TaiLieuNop) và TTHC nào yêu cầu kết quả điện tử; dữ liệu hồ sơ không có các thông tin này (DuocSoHoa là cờ tái sử dụng của chỉ số 4.3, không phải cờ số hóa)",
	"needs PAKN (feedback and petition) records":                                     "cần dữ liệu phản ánh, kiến nghị (PAKN)",
	"needs PAKN (feedback and petition) records with their handling dates":           "cần dữ liệu phản ánh, kiến nghị (PAKN) cùng thời hạn xử lý",
	"needs PAKN records and their likes and dislikes on DVCQG":                       "cần dữ liệu PAKN cùng lượt hài lòng, không hài lòng trên Cổng DVCQG",
	"needs the dossiers' PAKN and dislike counts; dossier records do not carry them": "cần số PAKN và lượt không hài lòng của hồ sơ; dữ liệu hồ sơ không có",
	noProcedures: "cần danh mục thủ tục hành chính (--procedures)",
	noDossiers:   "không có hồ sơ trong dữ liệu đầu vào (mẫu số bằng 0)",
}

// reasonVI returns the Vietnamese form of a reason; reasons of a zero denominator that are not
// listed get a general one.
func reasonVI(reason string) string {
	if vi, ok := reasonsVI[reason]; ok {
		return vi
	}
	if strings.HasSuffix(reason, "(denominator 0)") {
		return "không có dữ liệu phù hợp trong đầu vào (mẫu số bằng 0)"
	}
	return ""
}
