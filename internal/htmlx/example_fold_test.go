package htmlx_test

import (
	"fmt"

	"github.com/p06kit/p06kit/internal/htmlx"
)

func ExampleFold() {
	fmt.Println(htmlx.Fold("Thủ tục HÀNH CHÍNH – Đăng ký"))
	fmt.Println(htmlx.FoldContains("Tra cứu hồ sơ trực tuyến", "TRA CUU HO SO"))
	// Output:
	// thu tuc hanh chinh dang ky
	// true
}
