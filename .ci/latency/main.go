// Command latency measures p06 scan and the MDN HTTP Observatory at real network round-trip
// times: it serves a static portal (home page, 20 procedure pages, a look-up, login, privacy and
// contact pages) from Debian's nginx on 127.0.0.1, puts a delay proxy (internal/delayproxy) in
// front of it for each RTT, and times both tools through it, run after run in turn, so that both
// meet the same machine load. It prints a Markdown table: medians, round trips per scan (the
// time beyond the loopback run divided by the RTT), the ratio p06 ÷ Observatory, the HTTP
// requests p06 sent (counted in nginx's access log; -keep keeps each RTT's last list), the
// connections p06 opened and the most it had open at once, and whether p06's findings were the
// same as on loopback. Run it through .ci/bench-latency, which builds p06 and installs what it needs.
package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/p06kit/p06kit/internal/delayproxy"
)

func main() {
	p06 := flag.String("p06", "", "the p06 binary")
	rtts := flag.String("rtt", "0,20,50,100,200", "round-trip times to measure, in ms")
	runs := flag.Int("runs", 5, "runs of each tool at each RTT")
	obs := flag.String("observatory", ".ci/observatory/scan-loopback.mjs", "the Observatory script (empty: skip)")
	parallel := flag.String("parallel", "", "p06 scan --parallel value (empty: the default)")
	extra := flag.String("args", "", "more p06 scan flags, space-separated (e.g. \"--conns-per-host 8\")")
	h2 := flag.Bool("http2", false, "nginx speaks HTTP/2 (default: HTTP/1.1 only, as many portals do)")
	keep := flag.String("keep", "", "a directory to keep each RTT's last p06 report and request list in (report-<RTT>ms.json, requests-<RTT>ms.log)")
	flag.Parse()
	if *p06 == "" {
		fail(errors.New("-p06 is required"))
	}
	dir, err := os.MkdirTemp("", "p06-latency-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(dir)
	// nginx's workers run as nobody when it is started as root: they must be able to read the site.
	if err := os.Chmod(dir, 0o755); err != nil {
		fail(err)
	}
	port, stop, err := startPortal(dir, *h2)
	if err != nil {
		fail(err)
	}
	defer stop()
	upstream := "127.0.0.1:" + strconv.Itoa(port)

	type row struct {
		rtt                 time.Duration
		p06, observatory    []time.Duration
		conns, maxOpen      int64
		requests            []int
		same                bool
		pass, fail, errored int
	}
	var rows []row
	var base map[string]string
	for _, s := range strings.Split(*rtts, ",") {
		ms, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			fail(fmt.Errorf("-rtt %q: %w", s, err))
		}
		rtt := time.Duration(ms) * time.Millisecond
		px, err := delayproxy.Start(upstream, rtt/2)
		if err != nil {
			fail(err)
		}
		r := row{rtt: rtt, same: true}
		for i := 0; i < *runs; i++ {
			px.ResetStats()
			// nginx appends to its access log: emptied before each scan, read after it, so that
			// the Observatory's requests are not counted.
			logPath := filepath.Join(dir, "access.log")
			if err := os.Truncate(logPath, 0); err != nil && !os.IsNotExist(err) {
				fail(err)
			}
			d, findings, err := scan(*p06, dir, px.Addr(), *parallel, strings.Fields(*extra))
			if err != nil {
				px.Close()
				fail(fmt.Errorf("RTT %v: %w", rtt, err))
			}
			st := px.Stats()
			r.p06 = append(r.p06, d)
			r.conns = max(r.conns, st.Conns)
			r.maxOpen = max(r.maxOpen, st.MaxOpen)
			if base == nil {
				base = findings
			}
			if !sameFindings(base, findings) {
				r.same = false
			}
			r.pass, r.fail, r.errored = count(findings)
			reqs, err := os.ReadFile(logPath)
			if err != nil {
				fail(fmt.Errorf("nginx access log: %w", err))
			}
			r.requests = append(r.requests, strings.Count(string(reqs), "\n"))
			if *keep != "" {
				if err := keepReport(dir, *keep, rtt); err != nil {
					fail(err)
				}
				if err := os.WriteFile(filepath.Join(*keep, fmt.Sprintf("requests-%dms.log", rtt.Milliseconds())), reqs, 0o644); err != nil {
					fail(err)
				}
			}
			if *obs != "" {
				d, err := observatory(*obs, dir, px.Addr())
				if err != nil {
					px.Close()
					fail(fmt.Errorf("RTT %v: observatory: %w", rtt, err))
				}
				r.observatory = append(r.observatory, d)
			}
		}
		px.Close()
		rows = append(rows, r)
		fmt.Fprintf(os.Stderr, "RTT %v: p06 %v, observatory %v\n", rtt, median(r.p06), median(r.observatory))
	}

	fmt.Printf("| RTT | p06 scan (median of %d) | round trips | Observatory | round trips | p06 ÷ Observatory | p06 requests | p06 connections (most open at once) | findings as on loopback |\n", *runs)
	fmt.Println("|---|---|---|---|---|---|---|---|---|")
	p0, o0 := median(rows[0].p06), median(rows[0].observatory)
	for _, r := range rows {
		p, o := median(r.p06), median(r.observatory)
		trips := func(d, d0 time.Duration) string {
			if r.rtt == 0 || d == 0 {
				return "–"
			}
			return fmt.Sprintf("%.1f", float64(d-d0)/float64(r.rtt))
		}
		ratio := "–"
		if o > 0 {
			ratio = fmt.Sprintf("%.2f", float64(p)/float64(o))
		}
		same := "yes"
		if !r.same {
			same = "**no**"
		}
		fmt.Printf("| %d ms | %.2f s | %s | %s | %s | %s | %s | %d (%d) | %s (%d pass, %d fail, %d error) |\n",
			r.rtt.Milliseconds(), p.Seconds(), trips(p, p0), secs(o), trips(o, o0), ratio, span(r.requests), r.conns, r.maxOpen, same, r.pass, r.fail, r.errored)
	}
}

// keepReport copies the last p06 report into keep as report-<RTT>ms.json.
func keepReport(dir, keep string, rtt time.Duration) error {
	b, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(keep, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(keep, fmt.Sprintf("report-%dms.json", rtt.Milliseconds())), b, 0o644)
}

// span is "n" when every run sent n requests, else "min–max".
func span(ns []int) string {
	lo, hi := slices.Min(ns), slices.Max(ns)
	if lo == hi {
		return strconv.Itoa(lo)
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}

func secs(d time.Duration) string {
	if d == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "latency:", err)
	os.Exit(2)
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

// scan runs p06 scan through the proxy and returns its time and its findings (criterion →
// status).
func scan(p06, dir, addr, parallel string, extra []string) (time.Duration, map[string]string, error) {
	out := filepath.Join(dir, "report.json")
	args := []string{"scan", "--quiet", "--format", "json", "--lang", "en", "--ca", filepath.Join(dir, "ca.pem"), "--out", out}
	if parallel != "" {
		args = append(args, "--parallel", parallel)
	}
	args = append(args, extra...)
	args = append(args, "https://"+addr+"/")
	cmd := exec.Command(p06, args...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 1) {
		return 0, nil, fmt.Errorf("p06 scan: %w", err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return 0, nil, err
	}
	var rep struct {
		Findings []struct {
			Criterion, Status string
		} `json:"findings"`
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		return 0, nil, fmt.Errorf("p06 report: %w", err)
	}
	m := map[string]string{}
	for _, f := range rep.Findings {
		m[f.Criterion] = f.Status
	}
	return d, m, nil
}

func sameFindings(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			fmt.Fprintf(os.Stderr, "finding differs: %s %s → %s\n", k, v, b[k])
			return false
		}
	}
	return true
}

func count(m map[string]string) (pass, fail, errored int) {
	for _, s := range m {
		switch s {
		case "pass":
			pass++
		case "fail":
			fail++
		case "error":
			errored++
		}
	}
	return
}

func observatory(script, dir, addr string) (time.Duration, error) {
	_, port, _ := net.SplitHostPort(addr)
	cmd := exec.Command("node", script, "127.0.0.1", port)
	cmd.Env = append(os.Environ(), "NODE_EXTRA_CA_CERTS="+filepath.Join(dir, "ca.pem"))
	var out strings.Builder
	cmd.Stdout = &out
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("%w: %s", err, out.String())
	}
	d := time.Since(start)
	if !strings.Contains(out.String(), `"tests"`) {
		return 0, fmt.Errorf("no tests in its output: %s", out.String())
	}
	return d, nil
}

// startPortal writes the PKI, the site and nginx's configuration under dir and starts nginx on a
// free port of 127.0.0.1.
func startPortal(dir string, h2 bool) (int, func(), error) {
	if err := writePKI(dir); err != nil {
		return 0, nil, err
	}
	site := filepath.Join(dir, "site")
	if err := writeSite(site); err != nil {
		return 0, nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, nil, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	conf := fmt.Sprintf(`daemon off;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log;
events { worker_connections 256; }
http {
  log_format p06 '$msec $request_method $request_uri $status';
  access_log %[1]s/access.log p06;
  client_body_temp_path %[1]s/tmp;
  proxy_temp_path %[1]s/tmp;
  fastcgi_temp_path %[1]s/tmp;
  uwsgi_temp_path %[1]s/tmp;
  scgi_temp_path %[1]s/tmp;
  types { text/html html; text/css css; application/javascript js; text/plain txt; }
  default_type text/html;
  charset utf-8;
  server_tokens off;
  server {
    listen 127.0.0.1:%[2]d ssl%[3]s;
    ssl_certificate %[1]s/cert.pem;
    ssl_certificate_key %[1]s/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    root %[1]s/site;
    index index.html;
    add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
    add_header Content-Security-Policy "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'" always;
    add_header X-Content-Type-Options nosniff always;
    add_header X-Frame-Options DENY always;
    add_header Referrer-Policy strict-origin-when-cross-origin always;
    location / { try_files $uri $uri.html $uri/index.html =404; }
  }
}
`, dir, port, map[bool]string{true: " http2"}[h2])
	if err := os.MkdirAll(filepath.Join(dir, "tmp"), 0o755); err != nil {
		return 0, nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "nginx.conf"), []byte(conf), 0o644); err != nil {
		return 0, nil, err
	}
	nginx, err := exec.LookPath("nginx")
	if err != nil {
		nginx = "/usr/sbin/nginx"
	}
	cmd := exec.Command(nginx, "-p", dir, "-c", filepath.Join(dir, "nginx.conf"))
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return 0, nil, fmt.Errorf("nginx: %w", err)
	}
	// SIGTERM, not Kill: nginx's master then stops its workers, which a killed master leaves
	// running (orphaned, one per run of this program).
	stop := func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() }
	for i := 0; ; i++ {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			c.Close()
			break
		}
		if i == 100 {
			stop()
			return 0, nil, fmt.Errorf("nginx did not listen on %d: %w", port, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return port, stop, nil
}

func writePKI(dir string) error {
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return err
	}
	ca := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "p06 latency benchmark CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(365 * 24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		return err
	}
	caCert, _ := x509.ParseCertificate(caDER)
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return err
	}
	leaf := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(365 * 24 * time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, leaf, caCert, &key.PublicKey, caKey)
	if err != nil {
		return err
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return err
	}
	write := func(name, typ string, b []byte) error {
		return os.WriteFile(filepath.Join(dir, name), pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: b}), 0o600)
	}
	if err := write("ca.pem", "CERTIFICATE", caDER); err != nil {
		return err
	}
	if err := write("cert.pem", "CERTIFICATE", der); err != nil {
		return err
	}
	return write("key.pem", "EC PRIVATE KEY", keyDER)
}

const page = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>%[1]s – Cổng dịch vụ công tỉnh Mẫu</title><link rel="stylesheet" href="/site.css"></head>
<body><header><nav aria-label="Điều hướng chính"><ul>
<li><a href="/">Trang chủ</a></li><li><a href="/thu-tuc-hanh-chinh/">Thủ tục hành chính</a></li>
<li><a href="/tra-cuu-ho-so">Tra cứu hồ sơ</a></li><li><a href="/dang-nhap">Đăng nhập</a></li>
<li><a href="/chinh-sach-bao-mat">Chính sách bảo mật</a></li><li><a href="/lien-he">Liên hệ</a></li>
<li><a href="/phan-anh-kien-nghi">Phản ánh, kiến nghị</a></li><li><a href="/huong-dan">Hướng dẫn sử dụng</a></li>
</ul></nav></header><main><h1>%[1]s</h1>%[2]s</main>
<footer><p>Cổng dịch vụ công tỉnh Mẫu. Địa chỉ: số 1 đường Trần Phú, tỉnh Mẫu. Điện thoại: 0200 3800 000. Email: <a href="mailto:hotro@example.gov.vn">hotro@example.gov.vn</a></p></footer>
</body></html>
`

func writeSite(dir string) error {
	files := map[string]string{
		"site.css": "body{font-family:sans-serif;max-width:60em;margin:auto}\n",
		"index.html": fmt.Sprintf(page, "Trang chủ", `<p>Người dân và doanh nghiệp nộp hồ sơ, tra cứu kết quả và thanh toán trực tuyến.</p>
<form action="/tim-kiem" method="get" role="search"><label for="q">Tìm thủ tục</label><input id="q" name="q" type="search"><button>Tìm</button></form>`),
		"tra-cuu-ho-so.html": fmt.Sprintf(page, "Tra cứu hồ sơ", `<form action="/tra-cuu-ho-so" method="get"><label for="ma">Mã hồ sơ</label><input id="ma" name="ma"><button>Tra cứu</button></form>`),
		"dang-nhap.html":     fmt.Sprintf(page, "Đăng nhập", `<p><a href="/dang-nhap/vneid">Đăng nhập bằng tài khoản định danh điện tử VNeID</a></p>`),
		"chinh-sach-bao-mat.html": fmt.Sprintf(page, "Chính sách bảo mật", `<p>Cổng thu thập và xử lý dữ liệu cá nhân theo quy định về bảo vệ dữ liệu cá nhân:
mục đích xử lý, loại dữ liệu, thời gian lưu trữ, quyền của chủ thể dữ liệu và cách liên hệ.</p>`),
		"lien-he.html":  fmt.Sprintf(page, "Liên hệ", `<p>Địa chỉ: số 1 đường Trần Phú, tỉnh Mẫu. Điện thoại: 0200 3800 000.</p>`),
		"tim-kiem.html": fmt.Sprintf(page, "Kết quả tìm kiếm", `<p>Không có kết quả.</p>`),
		"phan-anh-kien-nghi.html": fmt.Sprintf(page, "Phản ánh, kiến nghị", `<form action="/phan-anh-kien-nghi" method="post"><label for="nd">Nội dung phản ánh</label><textarea id="nd" name="nd"></textarea><button>Gửi</button></form>
<p><a href="/danh-gia">Đánh giá mức độ hài lòng</a></p>`),
		"huong-dan.html":           fmt.Sprintf(page, "Hướng dẫn sử dụng", `<p>Hướng dẫn nộp hồ sơ trực tuyến.</p>`),
		".well-known/security.txt": "Contact: mailto:security@example.gov.vn\nExpires: 2030-01-01T00:00:00.000Z\nPreferred-Languages: vi, en\n",
	}
	var list strings.Builder
	list.WriteString("<ul>")
	for i := 1; i <= 20; i++ {
		name := fmt.Sprintf("thu-tuc-hanh-chinh/thu-tuc-%02d.html", i)
		title := fmt.Sprintf("Thủ tục số %d: cấp giấy xác nhận", i)
		fmt.Fprintf(&list, `<li>1.0001%02d <a href="/thu-tuc-hanh-chinh/thu-tuc-%02d">%s</a> Toàn trình</li>`, i, i, title)
		files[name] = fmt.Sprintf(page, title, `<h2>Trình tự thực hiện</h2><p>Nộp hồ sơ trực tuyến.</p>
<h2>Thành phần hồ sơ</h2><p>Tờ khai.</p><h2>Thời hạn giải quyết</h2><p>05 ngày làm việc.</p>
<h2>Phí, lệ phí</h2><p>Không.</p><h2>Cơ quan thực hiện</h2><p>Ủy ban nhân dân cấp xã.</p>
<p><a href="/nop-ho-so">Nộp hồ sơ trực tuyến</a></p>`)
	}
	list.WriteString("</ul>")
	files["thu-tuc-hanh-chinh/index.html"] = fmt.Sprintf(page, "Thủ tục hành chính", list.String())
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			return err
		}
	}
	return nil
}
