package tlsscan

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/headers"
	"github.com/p06kit/p06kit/harness/internal/leakage"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/scoring"
)

// TestSecurityChecksAreSafe runs every security check of the three families against a portal
// that records the methods it receives: none may send anything but GET or HEAD, none is marked
// Active, and each covers its own criterion once.
func TestSecurityChecksAreSafe(t *testing.T) {
	var mu sync.Mutex
	methods := map[string]int{}
	record := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			methods[r.Method]++
			mu.Unlock()
			h.ServeHTTP(w, r)
		})
	}
	site := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" && r.URL.Path != "/dang-nhap" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`<!doctype html><html lang="vi"><head><title>Cổng</title></head><body><a href="/dang-nhap">Đăng nhập</a></body></html>`))
	})
	srv := httptest.NewTLSServer(record(site))
	defer srv.Close()
	plain := httptest.NewServer(record(http.RedirectHandler(srv.URL, http.StatusMovedPermanently)))
	defer plain.Close()
	s, err := probe.NewSession(check.Target{BaseURL: srv.URL + "/", Client: srv.Client(),
		Profile: &check.Profile{PlainHTTP: plain.URL, Login: "/dang-nhap"}}, check.Config{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range []func() []check.Check{Checks, headers.Checks, leakage.Checks} {
		for _, c := range f() {
			if seen[c.ID] {
				t.Errorf("%s has two checks", c.ID)
			}
			seen[c.ID] = true
			if c.Active {
				t.Errorf("%s is marked Active; the security checks must be passive", c.ID)
			}
			if r := c.Run(context.Background(), s); r.Status == "" || r.Message == "" || r.Status == scoring.NotTested {
				t.Errorf("%s: status %q message %q", c.ID, r.Status, r.Message)
			}
		}
	}
	for i := 1; i <= 18; i++ {
		id := "P06-SEC-" + string(rune('0'+i/10)) + string(rune('0'+i%10))
		if !seen[id] {
			t.Errorf("no check for %s", id)
		}
	}
	for m, n := range methods {
		if m != http.MethodGet && m != http.MethodHead {
			t.Errorf("%d %s request(s) sent; only GET and HEAD are allowed", n, m)
		}
	}
	if methods[http.MethodGet] == 0 {
		t.Fatal("no request recorded: the test is not observing the checks")
	}
}
