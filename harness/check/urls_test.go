package check

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
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

// A portal served by Node or Tomcat answers 400 to a request line holding a raw space or raw
// UTF-8; the session must send what a browser sends, however the URL was built.
func TestRequestsArePercentEncoded(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.RequestURI)
		mu.Unlock()
		// Raw bytes 0x80 and 0xff make the request URI invalid UTF-8.
		if strings.Contains(r.RequestURI, " ") || !utf8.ValidString(r.RequestURI) {
			http.Error(w, "bad request line", http.StatusBadRequest)
			return
		}
		if r.URL.Path == "/cu" {
			w.Header().Set("Location", "/mới?ten=Góp ý")
			w.WriteHeader(http.StatusFound)
			return
		}
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	s := newTestSession(t, srv.URL, Config{})
	ctx := t.Context()
	// Through Session.Get (Resolve).
	if r, err := s.Get(ctx, "/góp ý?ten=Góp ý&x=a'b"); err != nil || r.StatusCode != 200 {
		t.Fatalf("Get: %v %v", r, err)
	}
	// A URL a check built with url.Parse and ResolveReference.
	ref, _ := url.Parse("/tra cứu?q=hồ sơ")
	req, _ := http.NewRequest(http.MethodGet, s.Base().ResolveReference(ref).String(), nil)
	if r, err := s.Do(ctx, req); err != nil || r.StatusCode != 200 {
		t.Fatalf("Do: %v %v", r, err)
	}
	// A redirect whose Location holds raw UTF-8 and a space.
	if r, err := s.Get(ctx, "/cu"); err != nil || r.StatusCode != 200 {
		t.Fatalf("redirect: %v %v", r, err)
	}
	want := []string{
		"/g%C3%B3p%20%C3%BD?ten=G%C3%B3p%20%C3%BD&x=a%27b",
		"/tra%20c%E1%BB%A9u?q=h%E1%BB%93%20s%C6%A1",
		"/cu",
		"/m%E1%BB%9Bi?ten=G%C3%B3p%20%C3%BD",
	}
	mu.Lock()
	defer mu.Unlock()
	if strings.Join(seen, "\n") != strings.Join(want, "\n") {
		t.Errorf("request URIs\n got %q\nwant %q", seen, want)
	}
}
