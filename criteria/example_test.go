package criteria_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/criteria"
)

func ExampleP06Technical() {
	cat := criteria.P06Technical()
	c, _ := cat.Criterion("P06-SEC-03")
	fmt.Println(c.ID, c.Group, c.Method, c.Level, c.Critical)
	fmt.Println(c.Title.In("vi"))
	fmt.Println(c.Title.In("en"))
	fmt.Println(c.Basis[0].Kind, "—", c.Basis[0].Document)
	// Output:
	// P06-SEC-03 security automated mandatory true
	// Chỉ chấp nhận TLS 1.2 trở lên
	// Only TLS 1.2 or newer is accepted
	// derived — Decree 85/2016/NĐ-CP and Circular 12/2022/TT-BTTTT
}

func ExampleCatalogue_Select() {
	cat := criteria.P06Technical()
	for _, c := range cat.Select(criteria.ByGroup("security"), criteria.ByTag("cookies", "cors")) {
		fmt.Println(c.ID, c.Title.In("en"))
	}
	// Output:
	// P06-SEC-11 Cookies are Secure, session cookies HttpOnly, all have SameSite
	// P06-SEC-18 No CORS wildcard with credentials
}

func ExampleLoad() {
	const published = `{
	  "id": "province-extra", "version": "1.0.0",
	  "title": {"vi": "Tiêu chí bổ sung của tỉnh", "en": "Provincial extra criteria"},
	  "effective_from": "2024-01-01",
	  "groups": [{"id": "security", "title": {"vi": "An toàn thông tin", "en": "Security"}}],
	  "criteria": [{
	    "id": "PX-01", "group": "secutiry",
	    "title": {"vi": "Có WAF", "en": "A WAF is deployed"},
	    "requirement": {"vi": "Có tường lửa ứng dụng web", "en": "A web application firewall protects the portal"},
	    "advice": {"vi": "Triển khai WAF", "en": "Deploy a WAF"},
	    "level": "mandatory", "points": 2, "critical": false, "method": "attested",
	    "basis": [{"document": "TCVN 11930:2017", "kind": "assumed"}],
	    "scope": ["province"], "effective_from": "2024-02-30", "tags": ["attested"]
	  }]
	}`
	_, err := criteria.Load(strings.NewReader(published))
	var le *criteria.LoadError
	if errors.As(err, &le) {
		for _, p := range le.Problems {
			fmt.Println(p)
		}
	}
	// Output:
	// $.criteria[0].basis[0].kind: must be one of "quoted", "derived"
	// $.criteria[0].effective_from: "2024-02-30" is not a real calendar date
	// $.criteria[0].group: group "secutiry" does not exist; the catalogue's groups are security
}

func ExampleQD766() {
	cat := criteria.QD766()
	total := 0.0
	for _, g := range cat.Groups {
		sum := 0.0
		for _, c := range cat.Select(criteria.ByGroup(g.ID)) {
			sum += c.Points
		}
		fmt.Printf("%-15s %3.0f  %s\n", g.ID, sum, g.Title.In("vi"))
		total += sum
	}
	fmt.Println("total", total)
	// Output:
	// transparency     18  Công khai, minh bạch
	// progress         20  Tiến độ, kết quả giải quyết
	// online-service   12  Dịch vụ công trực tuyến
	// online-payment   10  Thanh toán trực tuyến
	// digitisation     22  Số hóa hồ sơ
	// satisfaction     18  Mức độ hài lòng
	// total 100
}
