package ux

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/net/html"
)

func parseContact(t *testing.T, body string) contactFacts {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<!doctype html><html lang=vi><body>" + body + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	return findContact(doc)
}

func TestFindContactAddress(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		// The quoted address ends with its paragraph (NukeViet's footer: "Địa chỉ:", then
		// "Điện thoại:" and "Email:" in the following <p>s).
		{"label stops at its paragraph", `<div><p>Địa chỉ: Số 1 đường Trung tâm, phường Trung Tâm, tỉnh Mẫu</p><p>Điện thoại: 0200 3800 000</p><p>Email: vp@example.gov.vn</p></div>`,
			"Số 1 đường Trung tâm, phường Trung Tâm, tỉnh Mẫu"},
		{"label stops at a line break", `<div>Địa chỉ: <b>12 Lê Lợi, phường Một, tỉnh Hai</b><br>Điện thoại: 0200 3800 000</div>`,
			"12 Lê Lợi, phường Một, tỉnh Hai"},
		{"label on a later line of a block", `<div>Điện thoại: 0200 3800 000<br>Trụ sở: 12 Lê Lợi, phường Một</div>`, "12 Lê Lợi, phường Một"},
		{"Font Awesome map marker", `<p><i class="fa fa-map-marker"></i> Số 1 đường Trung tâm, phường Trung Tâm</p><p><i class="fa fa-phone"></i> 0200.3800.000</p>`,
			"Số 1 đường Trung tâm, phường Trung Tâm"},
		{"icon inside a span", `<li><span class="ico"><i class="bi bi-geo-alt"></i></span> 5 Trần Phú, Ba Đình, Hà Nội</li>`, "5 Trần Phú, Ba Đình, Hà Nội"},
		{"icon followed by two words only", `<p><i class="fa fa-map-marker"></i> Hà Nội</p>`, ""},
		{"other icons are not addresses", `<p><i class="fa fa-clock"></i> Thứ Hai đến Thứ Sáu hằng tuần</p><input class="placeholder-x">`, ""},
		{"label inside a footer without blocks", `<footer>Địa chỉ: 8 Hai Bà Trưng, Hoàn Kiếm. Điện thoại: 024 3825 0000</footer>`, "8 Hai Bà Trưng, Hoàn Kiếm"},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, parseContact(t, c.body).address)
		})
	}
	f := parseContact(t, `<footer><p><i class="fa fa-map-marker"></i> Số 1 đường Trung tâm, tỉnh Mẫu</p><p><i class="fa fa-phone"></i> 0200.3800.000</p><p><i class="fa fa-envelope"></i> vpub@example.gov.vn</p></footer>`)
	assert.Equal(t, "0200.3800.000", f.phone)
	assert.Equal(t, "vpub@example.gov.vn", f.email)
}
