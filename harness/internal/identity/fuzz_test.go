package identity

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/internal/htmlx"
)

func TestPasswordForms(t *testing.T) {
	for _, tc := range []struct {
		name         string
		page         string
		forms        int
		registration bool
	}{
		{"login", `<form action="/login"><input name=u><input type=password name=p><button>Đăng nhập</button></form>`, 1, false},
		{"two passwords", `<form><input type=password name=a><input type=password name=b></form>`, 1, true},
		{"confirmation field", `<form><input type=password name=NhapLaiMatKhau></form>`, 1, true},
		{"labelled Đăng ký", `<form action="/x"><input type=password name=p><input type=submit value="ĐĂNG KÝ"></form>`, 1, true},
		{"register action", `<form action="/Account/Register"><input type=password name=p></form>`, 1, true},
		{"no password", `<form action="/dang-ky"><input name=q></form>`, 0, false},
		{"search only", `<form action="/tim-kiem"><input name=q></form>`, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, _ := html.Parse(strings.NewReader(tc.page))
			got := passwordForms(doc)
			if len(got) != tc.forms || len(got) > 0 && got[0].registration != tc.registration {
				t.Errorf("forms %+v", got)
			}
			if (loginForm(doc) != nil) != (tc.forms == 1 && !tc.registration) {
				t.Errorf("loginForm disagrees")
			}
		})
	}
}

func TestIsRegistrationLink(t *testing.T) {
	for text, want := range map[string]bool{
		"Đăng ký tài khoản": true, "Đăng ký": true, "Tạo tài khoản": true, "Register": true,
		"Đăng ký khai sinh": false, "Đăng ký thường trú": false, "Đăng nhập": false,
	} {
		if got := isRegistrationLink(htmlx.Fold(text), "/x"); got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
	if !isRegistrationLink("", "/account/register") || isRegistrationLink("", "/thu-tuc/dang-ky-khai-sinh") {
		t.Error("href matching")
	}
}

func FuzzPasswordForms(f *testing.F) {
	f.Add(`<form><input type=password name=a><input type=password name=b></form>`)
	f.Add(`<form action="/dang-ky"><fieldset><legend>Đăng ký</legend><input type="PASSWORD"></fieldset></form>`)
	f.Add(strings.Repeat("<div>", 5000) + `<form><input type=password>`)
	f.Fuzz(func(t *testing.T, page string) {
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		for _, pf := range passwordForms(doc) {
			if pf.passwords == 0 || pf.registration != (pf.why != nil) {
				t.Fatalf("inconsistent form %+v", pf)
			}
		}
		_ = loginForm(doc)
	})
}
