package index766

import (
	"regexp"
	"strings"
)

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

// badReasonsVI turns the English phrases of a bad record's reason (the record's own values, field
// names and offsets kept) into Vietnamese; longer phrases come first, so that they win over the
// phrases they contain.
var badReasonsVI = strings.NewReplacer(
	"unsupported date format dd/MM/yyyy (day and month order cannot be checked): ", "không hỗ trợ định dạng ngày dd/MM/yyyy (không kiểm tra được thứ tự ngày và tháng): ",
	"want 0, 1 (national portal), 2 (local payment gateway) or empty", "cần 0, 1 (Cổng DVCQG), 2 (cổng thanh toán của địa phương) hoặc để trống",
	"want 1 (in person), 2 (online), 3 (postal) or empty", "cần 1 (trực tiếp), 2 (trực tuyến), 3 (bưu chính) hoặc để trống",
	"nested objects and arrays are not dossier fields", "đối tượng và mảng lồng nhau không phải trường của hồ sơ",
	"want RFC 3339 or yyyyMMddHHmmss (Vietnam time)", "cần RFC 3339 hoặc yyyyMMddHHmmss (giờ Việt Nam)",
	"impossible date: before NgayTiepNhan", "ngày không hợp lệ: trước NgayTiepNhan",
	"required field missing or empty", "thiếu trường bắt buộc hoặc trường để trống",
	"want a non-negative amount in VND", "cần số tiền không âm, tính bằng VND",
	"control character in a string", "ký tự điều khiển trong chuỗi",
	"unsupported date format: ", "không hỗ trợ định dạng ngày: ",
	"want ':' after a field name", "cần ':' sau tên trường",
	"want a JSON object '{'", "cần một đối tượng JSON '{'",
	"data after the object", "có dữ liệu sau đối tượng",
	"malformed \\u escape", "chuỗi thoát \\u viết sai",
	"impossible date: ", "ngày không tồn tại: ",
	"unterminated string", "chuỗi chưa đóng",
	"want 0, 1 or empty", "cần 0, 1 hoặc để trống",
	"want a field name", "cần tên trường",
	"malformed number", "số viết sai",
	"invalid escape", "chuỗi thoát không hợp lệ",
	"want ',' or '}'", "cần ',' hoặc '}'",
	"invalid UTF-8", "UTF-8 không hợp lệ",
	"want a string", "cần một chuỗi",
	"want a number", "cần một số",
	"want a value", "cần một giá trị",
)

var (
	reColumn     = regexp.MustCompile(`^column (\d+): `)
	reFields     = regexp.MustCompile(`^(\d+) fields, the header has (\d+)$`)
	reLongRecord = regexp.MustCompile(`^record longer than (\d+) bytes$`)
)

// ReasonIn is the record's reason in lang: Vietnamese unless lang is "en".
func (b BadRecord) ReasonIn(lang string) string {
	if lang == "en" {
		return b.Reason
	}
	s := reColumn.ReplaceAllString(b.Reason, "cột $1: ")
	s = reFields.ReplaceAllString(s, "$1 trường, dòng tiêu đề có $2")
	s = reLongRecord.ReplaceAllString(s, "bản ghi dài hơn $1 byte")
	return badReasonsVI.Replace(s)
}
