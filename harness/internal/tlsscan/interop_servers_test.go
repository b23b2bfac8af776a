//go:build interop

package tlsscan

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/p06kit/p06kit/internal/interoptest"
)

// The servers of the interop tests: Debian's nginx and openssl s_server, in weak and strong
// configurations, on 127.0.0.1 ephemeral ports, with certificates made here.

// pemPKI is a CA and an RSA leaf for 127.0.0.1 written as PEM files (RSA, so that the weak RSA
// key-exchange suites can be negotiated).
type pemPKI struct {
	dir              string
	caFile, certFile string
	keyFile          string
	pool             *x509.CertPool
}

func newPEMPKI(t testing.TB, dir string) pemPKI {
	t.Helper()
	caKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "p06kit interop root"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(3650 * 24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(365 * 24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, DNSNames: []string{"localhost"}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	p := pemPKI{dir: dir, caFile: filepath.Join(dir, "ca.pem"), certFile: filepath.Join(dir, "cert.pem"), keyFile: filepath.Join(dir, "key.pem")}
	write := func(path string, blocks ...*pem.Block) {
		var b []byte
		for _, bl := range blocks {
			b = append(b, pem.EncodeToMemory(bl)...)
		}
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(p.caFile, &pem.Block{Type: "CERTIFICATE", Bytes: caDER})
	write(p.certFile, &pem.Block{Type: "CERTIFICATE", Bytes: der}, &pem.Block{Type: "CERTIFICATE", Bytes: caDER})
	write(p.keyFile, &pem.Block{Type: "PRIVATE KEY", Bytes: mustPKCS8(t, key)})
	p.pool = x509.NewCertPool()
	p.pool.AddCert(ca)
	return p
}

func mustPKCS8(t testing.TB, k *rsa.PrivateKey) []byte {
	b, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// installServers says how to install the servers and scanners the tests compare with.
const installServers = "run .ci/install-interop (Debian: apt-get install nginx-light openssl testssl.sh)"

// startProcess runs cmd until the test ends and waits until addr accepts connections.
func startProcess(t testing.TB, cmd *exec.Cmd, addr, logFile string) {
	t.Helper()
	out, _ := os.Create(logFile)
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", cmd.Path, err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-done
		out.Close()
	})
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-done:
			b, _ := os.ReadFile(logFile)
			t.Fatalf("%s exited early:\n%s", cmd.Path, b)
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
			c.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	b, _ := os.ReadFile(logFile)
	t.Fatalf("%s did not listen on %s within 10s:\n%s", cmd.Path, addr, b)
}

// nginxServer is a running nginx.
type nginxServer struct {
	HTTPS, Plain string // base URLs
	TLSPort      int
	PlainPort    int
	PKI          pemPKI
}

// Weak is the misconfigured portal of the demonstration: TLS 1.0 and 1.1 on, every
// cipher OpenSSL still has at security level 0, no security headers, version banner, the Git
// metadata of the deployment left in the web root, a browsable directory, no security.txt.
// Strong is the same site configured properly.
const (
	modeWeak   = "weak"
	modeStrong = "strong"
	// modeEdge exercises the header rules where p06 is deliberately stricter than the HTTP
	// Observatory, and some where both fail: see TestInteropCompareObservatory.
	modeEdge = "edge"
)

func startNginx(t testing.TB, mode string) *nginxServer {
	t.Helper()
	bin := interoptest.Program(t, installServers, "nginx", "/usr/sbin/nginx")
	dir := t.TempDir()
	pki := newPEMPKI(t, dir)
	n := &nginxServer{TLSPort: freePort(t), PlainPort: freePort(t), PKI: pki}
	n.HTTPS = fmt.Sprintf("https://127.0.0.1:%d/", n.TLSPort)
	n.Plain = fmt.Sprintf("http://127.0.0.1:%d/", n.PlainPort)
	www := filepath.Join(dir, "www")
	files := map[string]string{
		"index.html": `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng dịch vụ công</title></head>` +
			`<body><h1>Cổng dịch vụ công tỉnh</h1><a href="/files/huong-dan.txt">Hướng dẫn</a></body></html>`,
		"files/huong-dan.txt": "Hướng dẫn nộp hồ sơ trực tuyến\n",
		".git/HEAD":           "ref: refs/heads/main\n",
		".git/config":         "[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n",
	}
	if mode == modeEdge {
		// A third-party script without Subresource Integrity: both tools fail it.
		files["index.html"] = strings.Replace(files["index.html"], "</head>",
			`<script src="https://cdn.jsdelivr.net/npm/jquery@3.7.1/dist/jquery.min.js"></script></head>`, 1)
	}
	if mode == modeStrong {
		files[".well-known/security.txt"] = "Contact: mailto:csirt@portal.example.gov.vn\nExpires: " +
			time.Now().Add(180*24*time.Hour).UTC().Format(time.RFC3339) + "\nPreferred-Languages: vi, en\n"
	}
	for name, body := range files {
		p := filepath.Join(www, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{"tmp", "logs"} {
		_ = os.MkdirAll(filepath.Join(dir, d), 0o755)
	}
	var site string
	switch mode {
	case modeWeak:
		site = `
    server_tokens on;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
    ssl_ciphers "ALL:eNULL:@SECLEVEL=0";
    location /files/ { autoindex on; }`
	case modeStrong:
		site = `
    server_tokens off;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_ciphers "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL";
    add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;
    add_header Content-Security-Policy "default-src 'self'; object-src 'none'; frame-ancestors 'self'; base-uri 'self'" always;
    add_header X-Frame-Options DENY always;
    add_header X-Content-Type-Options nosniff always;
    add_header Referrer-Policy strict-origin-when-cross-origin always;
    location ^~ /.well-known/ { charset utf-8; }
    location ~ /\. { return 404; }`
	case modeEdge:
		site = `
    server_tokens off;
    ssl_protocols TLSv1.2 TLSv1.3;
    add_header Strict-Transport-Security "max-age=86400" always;
    add_header Content-Security-Policy "default-src 'self'; script-src 'self' 'nonce-cDA2a2l0' 'unsafe-inline'; object-src 'none'" always;
    add_header X-Frame-Options "ALLOW-FROM https://partner.example" always;
    add_header X-Content-Type-Options nosniff always;
    add_header Referrer-Policy "no-referrer, unsafe-url" always;
    add_header Set-Cookie "sessionid=4f8a2c9e1b7d6035; Path=/; Secure; HttpOnly" always;
    add_header Access-Control-Allow-Origin "*" always;
    add_header Access-Control-Allow-Credentials "true" always;
    location ~ /\. { return 404; }`
	}
	plain := fmt.Sprintf("return 301 https://127.0.0.1:%d$request_uri;", n.TLSPort)
	if mode == modeEdge {
		plain = "root " + www + ";" // plain HTTP serves the site instead of redirecting
	}
	conf := fmt.Sprintf(`
daemon off;
master_process off;
worker_processes 1;
pid %[1]s/nginx.pid;
error_log %[1]s/logs/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path %[1]s/tmp/body;
  proxy_temp_path %[1]s/tmp/proxy;
  fastcgi_temp_path %[1]s/tmp/fastcgi;
  uwsgi_temp_path %[1]s/tmp/uwsgi;
  scgi_temp_path %[1]s/tmp/scgi;
  types { text/html html; text/plain txt; }
  default_type application/octet-stream;
  charset_types text/html text/plain;
  server {
    listen 127.0.0.1:%[2]d;
    server_tokens %[5]s;
    %[6]s
  }
  server {
    listen 127.0.0.1:%[3]d ssl;
    ssl_certificate %[1]s/cert.pem;
    ssl_certificate_key %[1]s/key.pem;
    root %[1]s/www;
    index index.html;
    %[4]s
  }
}
`, dir, n.PlainPort, n.TLSPort, site, map[string]string{modeWeak: "on", modeStrong: "off", modeEdge: "off"}[mode], plain)
	confFile := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(confFile, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-p", dir, "-c", confFile, "-e", filepath.Join(dir, "logs", "error.log"))
	startProcess(t, cmd, fmt.Sprintf("127.0.0.1:%d", n.TLSPort), filepath.Join(dir, "logs", "stdout.log"))
	return n
}

// startSServer runs `openssl s_server -www` with extra arguments (protocol and cipher options)
// and returns its https:// URL.
func startSServer(t testing.TB, args ...string) (string, pemPKI) {
	t.Helper()
	bin := interoptest.Program(t, installServers, "openssl")
	dir := t.TempDir()
	pki := newPEMPKI(t, dir)
	port := freePort(t)
	all := append([]string{"s_server", "-accept", fmt.Sprintf("127.0.0.1:%d", port), "-cert", pki.certFile, "-key", pki.keyFile, "-www", "-quiet"}, args...)
	startProcess(t, exec.Command(bin, all...), fmt.Sprintf("127.0.0.1:%d", port), filepath.Join(dir, "s_server.log"))
	return fmt.Sprintf("https://127.0.0.1:%d/", port), pki
}
