package htmldoc

import (
	"net/url"
	"testing"
)

// The expected URLs are what the WHATWG URL parser of Node.js 20 (new URL(ref, base), hash
// removed) gives for the same input.
func TestResolveURLEncodesAsBrowsers(t *testing.T) {
	base, _ := url.Parse("https://dichvucong.example.vn/portal/trang chu.html")
	for _, c := range []struct{ ref, want string }{
		{"/thủ tục/góp ý?ten=Góp ý", "https://dichvucong.example.vn/th%E1%BB%A7%20t%E1%BB%A5c/g%C3%B3p%20%C3%BD?ten=G%C3%B3p%20%C3%BD"},
		{"gop-y.html?q=a b&x='1'", "https://dichvucong.example.vn/portal/gop-y.html?q=a%20b&x=%271%27"},
		{"  /a%20b?c=%C3%B3  ", "https://dichvucong.example.vn/a%20b?c=%C3%B3"},
		{"/tra cứu#kết quả", "https://dichvucong.example.vn/tra%20c%E1%BB%A9u"},
		{`\x\y`, "https://dichvucong.example.vn/x/y"},
		{"/a\n/b\t", "https://dichvucong.example.vn/a/b"},
		{"https://Bộ-Công-An.VN:8443/hồ sơ?x=ý", "https://xn--b-cng-an-63a1467e.vn:8443/h%E1%BB%93%20s%C6%A1?x=%C3%BD"},
		{"//CDN.example.vn/a b", "https://cdn.example.vn/a%20b"},
		{"?ten=Góp ý", "https://dichvucong.example.vn/portal/trang%20chu.html?ten=G%C3%B3p%20%C3%BD"},
		{"/a{b}`c`<d>\"", "https://dichvucong.example.vn/a%7Bb%7D%60c%60%3Cd%3E%22"},
		// A % that starts no escape stays in a browser's URL; Go cannot carry it raw, so it is
		// sent as %25 (the one place the request differs from a browser's).
		{"/giảm 50%?p=100%", "https://dichvucong.example.vn/gi%E1%BA%A3m%2050%25?p=100%25"},
	} {
		u, err := ResolveURL(base, c.ref)
		if err != nil {
			t.Errorf("ResolveURL(%q): %v", c.ref, err)
			continue
		}
		if got := u.String(); got != c.want {
			t.Errorf("ResolveURL(%q)\n got %s\nwant %s", c.ref, got, c.want)
		}
		if got := u.RequestURI(); got != u.EscapedPath()+func() string {
			if u.RawQuery != "" {
				return "?" + u.RawQuery
			}
			return ""
		}() {
			t.Errorf("request URI %q", got)
		}
	}
}
