package harness_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/internal/bounded"
	"github.com/p06kit/p06kit/scoring"
)

// benchPortal is a small but complete portal: home page with the links discovery looks for,
// a procedure catalogue and pages, status look-up, privacy and contact pages, security.txt,
// robots.txt and a sitemap, with security headers. It is what a scan spends its time on.
func benchPortal() http.Handler {
	mux := http.NewServeMux()
	page := func(title, body string) string {
		return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
			`<title>` + title + `</title></head><body><header><a href="/">Trang chủ</a> <a href="/thu-tuc">Thủ tục hành chính</a> ` +
			`<a href="/tra-cuu">Tra cứu hồ sơ</a> <a href="/dang-nhap">Đăng nhập</a> <a href="/chinh-sach-bao-mat">Chính sách bảo mật</a> ` +
			`<a href="/lien-he">Liên hệ</a></header><main><h1>` + title + `</h1>` + body + `</main></body></html>`
	}
	var procs strings.Builder
	procs.WriteString("<table><tr><th>Mã thủ tục</th><th>Tên thủ tục</th><th>Mức độ</th></tr>")
	for i := range 20 {
		level := "Toàn trình"
		if i%5 == 0 {
			level = "Một phần"
		}
		fmt.Fprintf(&procs, `<tr><td>1.%06d</td><td><a href="/thu-tuc/1.%06d">Thủ tục số %d</a></td><td>%s</td></tr>`, i, i, i, level)
	}
	procs.WriteString("</table>")
	html := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(body))
		}
	}
	mux.HandleFunc("/{$}", html(page("Cổng dịch vụ công tỉnh Thử", "<p>Chào mừng</p>")))
	mux.HandleFunc("/thu-tuc", html(page("Thủ tục hành chính", procs.String())))
	mux.HandleFunc("/thu-tuc/{code}", html(page("Thủ tục", `<h2>Trình tự thực hiện</h2><p>…</p><h2>Cách thức thực hiện</h2><p>…</p>`+
		`<h2>Thành phần hồ sơ</h2><p>…</p><h2>Thời hạn giải quyết</h2><p>5 ngày</p><h2>Đối tượng thực hiện</h2><p>Công dân</p>`+
		`<h2>Cơ quan thực hiện</h2><p>UBND</p><h2>Lệ phí</h2><p>Không</p>`)))
	mux.HandleFunc("/tra-cuu", html(page("Tra cứu hồ sơ", `<form action="/tra-cuu"><label for="ma">Mã hồ sơ</label><input id="ma" name="ma"><button>Tra cứu</button></form>`)))
	mux.HandleFunc("/dang-nhap", html(page("Đăng nhập", `<a href="https://sso.dichvucong.gov.vn/">Đăng nhập bằng VNeID</a>`)))
	mux.HandleFunc("/chinh-sach-bao-mat", html(page("Chính sách bảo mật", "<p>Nghị định 13/2023/NĐ-CP</p>")))
	mux.HandleFunc("/lien-he", html(page("Liên hệ", "<p>Đường dây nóng: 1900 1234. Địa chỉ: 1 Đường A.</p>")))
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte("User-agent: *\nAllow: /\nSitemap: /sitemap.xml\n"))
	})
	mux.HandleFunc("/.well-known/security.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("Contact: mailto:security@example.gov.vn\nExpires: 2099-12-31T00:00:00Z\n"))
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Strict-Transport-Security", "max-age=31536000")
		h.Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'self'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "SAMEORIGIN")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		mux.ServeHTTP(w, r)
	})
}

// BenchmarkScan is one full p06-technical black-box scan of a loopback HTTPS portal (every
// automated check; assisted ones are not_tested without an adapter).
func BenchmarkScan(b *testing.B) {
	cert, pool := benchCert(b)
	srv := startPortal(benchPortal(), cert)
	defer srv.Close()
	target := harness.Target{BaseURL: srv.URL, Client: &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}}
	b.ReportAllocs()
	var r *scoring.Report
	for b.Loop() {
		var err error
		r, err = harness.Check(context.Background(), target, harness.Lang("en"))
		if err != nil {
			b.Fatal(err)
		}
	}
	n := map[scoring.Status]int{}
	for _, f := range r.Findings {
		n[f.Status]++
	}
	b.ReportMetric(float64(n[scoring.Pass]), "pass")
	b.ReportMetric(float64(n[scoring.Fail]+n[scoring.Error]), "fail+error")
}

// benchCert makes the portals' certificate: ECDSA P-256 for 127.0.0.1, self-signed, and the
// pool that trusts it. The portals run in the benchmark's process, so their TLS costs count
// against the harness; ECDSA keeps the portal side's signatures from dominating the numbers
// (an RSA-2048 signature costs about thirty times more).
func benchCert(b testing.TB) (tls.Certificate, *x509.CertPool) {
	b.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		b.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "portal.test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(365 * 24 * time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true, IsCA: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		b.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		b.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}

// startPortal starts h as a loopback HTTPS server with cert, speaking HTTP/2 and HTTP/1.1 as
// portals do.
func startPortal(h http.Handler, cert tls.Certificate) *httptest.Server {
	srv := httptest.NewUnstartedServer(h)
	srv.EnableHTTP2 = true
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	srv.Config.ErrorLog = quietLogger()
	srv.StartTLS()
	return srv
}

// BenchmarkFleet scans N distinct loopback HTTPS portals (each its own server: listener, TLS
// handshakes, connections) with bounded parallelism, as a survey of many portals does, and
// reports portals per second and the peak heap in use. At most `portals` servers are up at a
// time: each portal's server is started, scanned and closed, as the portals of a real survey
// live elsewhere. Run with -benchtime=1x: each iteration is a whole fleet.
func BenchmarkFleet(b *testing.B) {
	for _, n := range []int{100, 1000, 5000} {
		b.Run(fmt.Sprintf("portals=%d", n), func(b *testing.B) {
			if testing.Short() && n > 100 {
				b.Skip("short")
			}
			for b.Loop() {
				fleet(b, n, 16)
			}
		})
	}
}

func fleet(b *testing.B, n, parallel int) {
	handler := benchPortal()
	cert, pool := benchCert(b)

	m := scanFleet(b, n, parallel, pool, func(int) (string, func()) {
		srv := startPortal(handler, cert)
		return srv.URL, srv.Close
	})
	elapsed, cpu := m.elapsed, m.cpu
	b.ReportMetric(float64(n)/elapsed.Seconds(), "portals/s")
	b.ReportMetric(float64(m.peakHeap)/(1<<20), "peak-heap-MB")
	// CPU time per portal (harness and in-process portals together) is what the machine's load
	// does not change: 2 cores / cpu-ms-per-portal bounds portals/s on a dedicated machine.
	b.ReportMetric(float64(cpu.Milliseconds())/float64(n), "cpu-ms/portal")
	b.ReportMetric(peakRSSMB(), "peak-rss-MB")
}

// fleetMeasure is what scanFleet measured.
type fleetMeasure struct {
	elapsed, cpu time.Duration // wall clock and CPU time (user and system) of the whole fleet
	peakHeap     uint64        // peak heap in use, in bytes
}

// scanFleet scans n portals, parallel at once, each what `p06 scan URL` runs, trusting pool, while
// it samples the peak heap; portal(i) gives the i-th portal's URL and what to call when its scan is
// done. It fails b when a portal could not be scanned.
func scanFleet(b *testing.B, n, parallel int, pool *x509.CertPool, portal func(i int) (url string, done func())) fleetMeasure {
	var peak atomic.Uint64
	stop := make(chan struct{})
	var mwg sync.WaitGroup
	mwg.Add(1)
	go func() {
		defer mwg.Done()
		// runtime/metrics, unlike ReadMemStats, does not stop the world at every sample.
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()

	cpu0 := cpuTime()
	start := time.Now()
	var failed atomic.Int64
	bounded.Each(n, parallel, func(i int) {
		u, done := portal(i)
		defer done()
		tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}, ForceAttemptHTTP2: true}
		defer tr.CloseIdleConnections()
		r, err := harness.Check(context.Background(), harness.Target{BaseURL: u, Client: &http.Client{Transport: tr}},
			harness.Lang("en"), harness.Parallel(8))
		if err != nil || r == nil {
			failed.Add(1)
		}
	})
	m := fleetMeasure{elapsed: time.Since(start), cpu: cpuTime() - cpu0}
	close(stop)
	mwg.Wait()
	if failed.Load() > 0 {
		b.Fatalf("%d of %d portals could not be scanned", failed.Load(), n)
	}
	m.peakHeap = peak.Load()
	return m
}

// cpuTime is the CPU time (user and system) the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSSMB is the peak resident set size of this process so far, from the OS (getrusage), in MiB.
func peakRSSMB() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // KiB on Linux
}

func quietLogger() *log.Logger { return log.New(io.Discard, "", 0) }
