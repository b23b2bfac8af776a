package discover_test

import (
	"fmt"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/discover"
)

func ExampleParseProceduresJSON() {
	ps, err := discover.ParseProceduresJSON([]byte(`{"procedures":[
	  {"MaTTHC":"1.001193","Ten":"Đăng ký khai sinh","MucDo":"toan_trinh","ThietYeu":true,"URL":"/thu-tuc/1.001193"},
	  {"MaTTHC":"2.001234.000.00.00.H55","Ten":"Cấp giấy phép xây dựng","MucDo":"mot_phan","CoPhiLePhi":true},
	  {"MaTTHC":"1.000999","Ten":"Thủ tục chưa trực tuyến","MucDo":""}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range ps {
		fmt.Printf("%s online=%v level=%q fee=%v\n", p.Label(), p.Online(), p.Level, p.Fee)
	}
	_, err = discover.ParseProceduresJSON([]byte(`{"procedures":[{"MaTTHC":"1.000001","MucDo":"muc_do_4x"}]}`))
	fmt.Println(err)
	// Output:
	// 1.001193 Đăng ký khai sinh online=true level="toan_trinh" fee=false
	// 2.001234.000.00.00.H55 Cấp giấy phép xây dựng online=true level="mot_phan" fee=true
	// 1.000999 Thủ tục chưa trực tuyến online=false level="" fee=false
	// procedure catalogue $.procedures[0].MucDo: unknown level "muc_do_4x" (want "toan_trinh", "mot_phan" or "")
}

func ExampleFindProcedureCode() {
	fmt.Println(check.FindProcedureCode("Mã thủ tục: 2.001234.000.00.00.H55 – Cấp giấy phép"))
	fmt.Println(check.FindProcedureCode("Lệ phí 50.000 đồng") == "")
	// Output:
	// 2.001234.000.00.00.H55
	// true
}
