//go:build interop

package report

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/p06kit/p06kit/internal/interoptest"
	"github.com/p06kit/p06kit/scoring"
)

// TestInteropHTMLReportNoNetwork opens the HTML report in Chromium with every request forced
// through a recording proxy, loopback included, and checks that the page renders and makes no
// request at all, even when a finding carries markup that would load a resource if it were not
// escaped.
func TestInteropHTMLReportNoNetwork(t *testing.T) {
	chromium := interoptest.Chromium(t)
	var mu sync.Mutex
	var seen []string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.Method+" "+r.Host+r.URL.Path)
		mu.Unlock()
		http.Error(w, "no network in this test", http.StatusBadGateway)
	}))
	defer proxy.Close()

	r := sampleReport()
	// Markup a hostile portal could put into an excerpt: if the writer did not escape it, the
	// browser would fetch it through the proxy.
	leak := proxy.URL + "/leak"
	r.Findings[0].Message += ` <img src="` + leak + `.png"><link rel="stylesheet" href="` + leak + `.css"><script src="` + leak + `.js"></script>`
	r.Findings[0].Evidence = append(r.Findings[0].Evidence, scoring.Evidence{Excerpt: `<iframe src="` + leak + `.html"></iframe>`})
	dir := t.TempDir()
	for _, lang := range []string{"vi", "en"} {
		page := filepath.Join(dir, "report-"+lang+".html")
		var b bytes.Buffer
		if err := WriteHTML(&b, r, Options{Lang: lang, Catalogue: testCatalogue()}); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
		cmd := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu",
			"--proxy-server="+proxy.URL, "--proxy-bypass-list=<-loopback>",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
			"--user-data-dir="+filepath.Join(dir, "profile-"+lang), "--virtual-time-budget=3000",
			"--dump-dom", "file://"+page)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		cancel()
		if err != nil {
			t.Fatalf("%s: chromium: %v\n%s", lang, err, errOut.String())
		}
		dom := out.String()
		want := map[string]string{"vi": "Báo cáo đánh giá theo Đề án 06", "en": "Project 06 assessment report"}[lang]
		if !strings.Contains(dom, want) || !strings.Contains(dom, "<svg") {
			t.Errorf("%s: the rendered DOM lacks the title or the SVG charts:\n%.500s", lang, dom)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	var browser int
	for _, s := range seen {
		if chromeBackground(s) {
			browser++ // Chromium's own update and time checks, not the page's
			continue
		}
		t.Errorf("the report made a network request: %s", s)
	}
	t.Logf("%d requests of Chromium's own background services ignored; none from the page", browser)
}

// chromeBackground reports whether a proxied request is Chromium's own traffic (component
// updates, clock checks, account services), which no page can cause.
func chromeBackground(req string) bool {
	_, hostPath, _ := strings.Cut(req, " ")
	host, _, _ := strings.Cut(hostPath, "/")
	host, _, _ = strings.Cut(host, ":")
	for _, suffix := range []string{".google.com", ".googleapis.com", ".gvt1.com"} {
		if strings.HasSuffix(host, suffix) {
			return true
		}
	}
	return false
}
