package service_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/a11y"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/internal/service"
	"github.com/p06kit/p06kit/harness/internal/service/portaltest"
	"github.com/p06kit/p06kit/harness/internal/ux"
)

// TestHostilePortalIsBounded runs every check of the three families against a portal built to
// make a crawler run forever: endless pagination, thousands of links, a sitemap index that names
// itself, a huge robots.txt. Each check must finish with a result, the requests stay bounded, and
// every request is a GET or a HEAD.
func TestHostilePortalIsBounded(t *testing.T) {
	var requests, unsafe atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			unsafe.Add(1)
		}
		switch {
		case r.URL.Path == "/robots.txt":
			fmt.Fprint(w, strings.Repeat("User-agent: *\nDisallow: /x*y*z*$\n", 50000), "Sitemap: /sitemap.xml\n")
		case r.URL.Path == "/sitemap.xml":
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprint(w, `<sitemapindex><sitemap><loc>/sitemap.xml</loc></sitemap><sitemap><loc>/sitemap.xml?again</loc></sitemap></sitemapindex>`)
		case strings.HasPrefix(r.URL.Path, "/tthc/"):
			n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/tthc/"))
			fmt.Fprintf(w, `<html><body><table><tr><td>1.%06d</td><td><a href="/p/%d">Thủ tục %d</a></td><td>Toàn trình</td></tr></table><a rel="next" href="/tthc/%d">Trang sau</a></body></html>`, n, n, n, n+1)
		case r.URL.Path == "/":
			var b strings.Builder
			b.WriteString(`<html><body><a href="/tthc/1">Thủ tục hành chính</a><form role="search" action="/s"><input name="q"></form>`)
			for i := 0; i < 5000; i++ {
				fmt.Fprintf(&b, `<a href="/l/%d">Liên kết %d</a>`, i, i)
			}
			b.WriteString("</body></html>")
			fmt.Fprint(w, b.String())
		default:
			n := requests.Load()
			fmt.Fprintf(w, `<html><body><a href="/l/more-%d">tiếp</a><a href="/l/other-%d">khác</a></body></html>`, n, n)
		}
	}))
	defer srv.Close()
	s, err := probe.NewSession(check.Target{BaseURL: srv.URL, Client: srv.Client()}, check.Config{MaxPages: 30})
	if err != nil {
		t.Fatal(err)
	}
	var checks []check.Check
	checks = append(checks, service.Checks()...)
	checks = append(checks, a11y.Checks()...)
	checks = append(checks, ux.Checks()...)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, c := range checks {
		r := c.Run(ctx, s)
		if r.Status == "" || r.Message == "" {
			t.Errorf("%s: empty result %+v", c.ID, r)
		}
	}
	if ctx.Err() != nil {
		t.Fatal("the checks did not finish within a minute")
	}
	// Discovery ≤ 12 pages, catalogue ≤ 30 pages, crawl ≤ 30 pages, ≤ 6 sitemaps, 8 pages × 3
	// timings, 5 pages weighed with their resources, searches, look-ups, and the sampled pages.
	if n := requests.Load(); n > 400 {
		t.Errorf("%d requests to a hostile portal, want at most 400", n)
	}
	if n := unsafe.Load(); n > 0 {
		t.Errorf("%d requests other than GET or HEAD", n)
	}
	t.Logf("%d requests", requests.Load())
}

// BenchmarkFamilies runs every A11Y, UX and SVC check against the fixture portal on loopback,
// with a fresh session (discovery, fetches, timings) each time: the cost of assessing one portal
// for these 25 criteria, network on loopback included.
func BenchmarkFamilies(b *testing.B) {
	srv := portaltest.Good().Start()
	defer srv.Close()
	var checks []check.Check
	checks = append(checks, service.Checks()...)
	checks = append(checks, a11y.Checks()...)
	checks = append(checks, ux.Checks()...)
	b.ReportAllocs()
	for b.Loop() {
		s, err := probe.NewSession(check.Target{BaseURL: srv.URL, Client: srv.Client()}, check.Config{})
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range checks {
			if r := c.Run(context.Background(), s); r.Status != "pass" {
				b.Fatalf("%s: %s %s", c.ID, r.Status, r.Message)
			}
		}
	}
}
