package probe

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/p06kit/p06kit/harness/check"
)

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
	s := newTestSession(t, srv.URL, check.Config{})
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
