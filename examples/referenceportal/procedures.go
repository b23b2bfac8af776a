package referenceportal

// Procedure is one administrative procedure (thủ tục hành chính) the portal offers.
type Procedure struct {
	// Code is the procedure code (MaTTHC) as in the National TTHC Database.
	Code string `json:"MaTTHC"`
	Name string `json:"Ten"`
	// Level is "toan_trinh" (full-process online), "mot_phan" (partial) or "" (not online).
	Level string `json:"MucDo"`
	// Fee is the fee in VND; 0 when there is none.
	Fee       int64 `json:"-"`
	HasFee    bool  `json:"CoPhiLePhi"`
	Essential bool  `json:"ThietYeu"`
	// Level2 marks procedures that need an e-ID account of assurance level 2.
	Level2 bool   `json:"-"`
	URL    string `json:"URL"`
	Agency string `json:"-"`
	Days   int    `json:"-"`
}

// procedures is the province's catalogue: the Project 06 essential services within a province's
// scope and other common procedures. Codes are illustrative, in the national format.
var procedures = []Procedure{
	{Code: "1.001612", Name: "Đăng ký khai sinh", Level: "toan_trinh", Essential: true, Agency: "UBND cấp xã", Days: 1},
	{Code: "1.001766", Name: "Đăng ký khai tử", Level: "toan_trinh", Essential: true, Agency: "UBND cấp xã", Days: 1},
	{Code: "1.000894", Name: "Đăng ký kết hôn", Level: "toan_trinh", Essential: true, Fee: 0, Agency: "UBND cấp xã", Days: 1},
	{Code: "1.003005", Name: "Liên thông đăng ký khai sinh – đăng ký thường trú – cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi", Level: "toan_trinh", Essential: true, Agency: "UBND cấp xã", Days: 5},
	{Code: "1.003006", Name: "Liên thông đăng ký khai tử – xóa đăng ký thường trú – trợ cấp mai táng phí", Level: "toan_trinh", Essential: true, Agency: "UBND cấp xã", Days: 5},
	{Code: "1.004227", Name: "Đăng ký biến động về quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", Level: "mot_phan", Essential: true, Fee: 30000, Agency: "Văn phòng đăng ký đất đai", Days: 10},
	{Code: "2.000986", Name: "Cấp điện mới từ lưới điện hạ áp (220/380V)", Level: "toan_trinh", Essential: true, Agency: "Công ty Điện lực tỉnh", Days: 3},
	{Code: "2.000987", Name: "Thay đổi chủ thể hợp đồng mua bán điện", Level: "toan_trinh", Essential: true, Agency: "Công ty Điện lực tỉnh", Days: 3},
	{Code: "1.001978", Name: "Giải quyết hưởng trợ cấp thất nghiệp", Level: "toan_trinh", Essential: true, Agency: "Sở Nội vụ", Days: 20},
	{Code: "1.010713", Name: "Đăng ký dự thi tốt nghiệp THPT quốc gia và xét tuyển đại học, cao đẳng", Level: "toan_trinh", Essential: true, Agency: "Sở Giáo dục và Đào tạo", Days: 1},
	{Code: "1.000656", Name: "Cấp phiếu lý lịch tư pháp", Level: "toan_trinh", Essential: true, Fee: 200000, Agency: "Sở Tư pháp", Days: 10},
	{Code: "1.002809", Name: "Cấp đổi, cấp lại giấy phép lái xe", Level: "toan_trinh", Essential: true, Fee: 135000, Level2: true, Agency: "Sở Xây dựng", Days: 5},
	{Code: "1.004946", Name: "Đăng ký thuế lần đầu đối với người nộp thuế là hộ gia đình, cá nhân", Level: "toan_trinh", Essential: true, Agency: "Cục Thuế tỉnh", Days: 3},
	{Code: "1.005400", Name: "Gia hạn thẻ bảo hiểm y tế theo hộ gia đình có giảm trừ mức đóng", Level: "toan_trinh", Essential: true, Fee: 1200000, Agency: "Bảo hiểm xã hội tỉnh", Days: 3},
	{Code: "2.000815", Name: "Chứng thực bản sao điện tử từ bản chính", Level: "toan_trinh", Fee: 2000, Agency: "UBND cấp xã", Days: 1},
	{Code: "1.000775", Name: "Cấp giấy phép xây dựng nhà ở riêng lẻ", Level: "mot_phan", Fee: 75000, Agency: "UBND cấp huyện", Days: 15},
	{Code: "2.001823", Name: "Cấp giấy chứng nhận đăng ký hộ kinh doanh", Level: "toan_trinh", Fee: 100000, Agency: "Phòng Tài chính – Kế hoạch", Days: 3},
	{Code: "1.001193", Name: "Cấp bản sao trích lục hộ tịch", Level: "toan_trinh", Fee: 8000, Agency: "UBND cấp xã", Days: 1},
	{Code: "1.000419", Name: "Xác nhận tình trạng hôn nhân", Level: "toan_trinh", Agency: "UBND cấp xã", Days: 3},
	{Code: "1.009994", Name: "Cấp giấy phép lao động cho người nước ngoài", Level: "toan_trinh", Fee: 600000, Agency: "Sở Nội vụ", Days: 5},
	{Code: "1.004438", Name: "Cấp giấy phép khai thác nước dưới đất", Level: "mot_phan", Fee: 500000, Agency: "Sở Nông nghiệp và Môi trường", Days: 30},
	{Code: "1.000105", Name: "Công nhận hòa giải viên", Level: "", Agency: "UBND cấp xã", Days: 5},
}

func init() {
	for i := range procedures {
		p := &procedures[i]
		p.HasFee = p.Fee > 0
		p.URL = "/thu-tuc/" + p.Code
	}
}

func procedureByCode(code string) (Procedure, bool) {
	for _, p := range procedures {
		if p.Code == code {
			return p, true
		}
	}
	return Procedure{}, false
}

func levelLabel(level string) string {
	switch level {
	case "toan_trinh":
		return "Toàn trình"
	case "mot_phan":
		return "Một phần"
	}
	return "Trực tiếp"
}
