package harness

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/scoring"
)

// The hostile-portal suite: portals that misbehave in every way we know of, each served on
// loopback by an httptest server or a raw TCP listener. For each, the run must finish within its
// deadline, read a bounded number of bytes, not panic, and give the affected findings status
// error with a message that says what the portal did.

// Bounds of the suite's runs: small, so that the suite is fast and a hang shows at once, yet
// long enough that a bound other than the timeout (a size limit reached by a fast portal) is
// reached first even on a loaded machine under -race (300 ms was not).
const (
	hostileRequestTimeout = 2 * time.Second
	hostileCheckTimeout   = 12 * time.Second
	hostileDeadline       = 8 * time.Second
	hostileMaxBody        = 1 << 20
	// hostileSafetyNet ends a hung run; tests assert on what a run reports, never on how long
	// it took.
	hostileSafetyNet = 2 * time.Minute
)

// rawServer serves every connection with handle on a loopback TCP listener.
func rawServer(t *testing.T, handle func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	var wg sync.WaitGroup
	done := make(chan struct{})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				_ = c.SetDeadline(time.Now().Add(hostileDeadline))
				go func() { <-done; c.Close() }()
				handle(c)
			}()
		}
	}()
	t.Cleanup(func() { close(done); ln.Close(); wg.Wait() })
	return ln.Addr().String()
}

// readRequest consumes the request head of a raw connection.
func readRequest(c net.Conn) {
	br := bufio.NewReader(c)
	for {
		line, err := br.ReadString('\n')
		if err != nil || line == "\r\n" {
			return
		}
	}
}

func rawReply(reply string) func(net.Conn) {
	return func(c net.Conn) {
		readRequest(c)
		_, _ = io.WriteString(c, reply)
	}
}

func handlerServer(t *testing.T, h http.HandlerFunc) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(func() { srv.CloseClientConnections(); srv.Close() })
	return srv.URL
}

// testCert makes a certificate for hosts, valid from notBefore to notAfter, signed by parent
// (self-signed when parent is nil). It returns the certificate and its key.
func testCert(t *testing.T, cn string, hosts []string, ips []net.IP, notBefore, notAfter time.Time, isCA bool, parent *x509.Certificate, parentKey *ecdsa.PrivateKey) (*x509.Certificate, *ecdsa.PrivateKey, []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	tmpl := &x509.Certificate{SerialNumber: serial, Subject: pkix.Name{CommonName: cn}, NotBefore: notBefore, NotAfter: notAfter,
		DNSNames: hosts, IPAddresses: ips, KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, BasicConstraintsValid: true, IsCA: isCA}
	signer, signerKey := tmpl, key
	if parent != nil {
		signer, signerKey = parent, parentKey
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, signer, &key.PublicKey, signerKey)
	require.NoError(t, err)
	c, err := x509.ParseCertificate(der)
	require.NoError(t, err)
	return c, key, der
}

// tlsPortal serves a plain page over TLS with a leaf certificate made by mk, and returns the
// URL and a client that trusts the test CA.
func tlsPortal(t *testing.T, leaf func(ca *x509.Certificate, caKey *ecdsa.PrivateKey) tls.Certificate) (string, *http.Client) {
	t.Helper()
	now := time.Now()
	ca, caKey, _ := testCert(t, "p06kit hostile CA", nil, nil, now.Add(-time.Hour), now.Add(time.Hour), true, nil, nil)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "<html><head><title>x</title></head></html>")
	}))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{leaf(ca, caKey)}}
	srv.Config.ErrorLog = quietLog()
	srv.StartTLS()
	t.Cleanup(srv.Close)
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	return srv.URL, &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
}

func leafCert(t *testing.T, cn string, hosts []string, ips []net.IP, from, until time.Time, selfSigned bool) func(*x509.Certificate, *ecdsa.PrivateKey) tls.Certificate {
	return func(ca *x509.Certificate, caKey *ecdsa.PrivateKey) tls.Certificate {
		var c *x509.Certificate
		var k *ecdsa.PrivateKey
		var der []byte
		if selfSigned {
			c, k, der = testCert(t, cn, hosts, ips, from, until, false, nil, nil)
		} else {
			c, k, der = testCert(t, cn, hosts, ips, from, until, false, ca, caKey)
		}
		return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: k, Leaf: c}
	}
}

func gzipBytes(t *testing.T, n int) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, err := w.Write(make([]byte, n))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return b.Bytes()
}

func deflateBytes(t *testing.T, n int) []byte {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	_, err := w.Write(make([]byte, n))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return b.Bytes()
}

// probeStats records what the probe checks saw, for the bounds assertions.
type probeStats struct {
	mu    sync.Mutex
	stats check.Stats
}

// probeChecks are two ordinary black-box checks on the home page, like the built-in ones: one
// fetches the raw response, one the parsed page. They turn the probe's errors into findings with
// check.FromError and call an error status of the portal an error, as a check that needs the
// page would.
func probeChecks(ps *probeStats) []check.Check {
	record := func(s *check.Session) {
		ps.mu.Lock()
		defer ps.mu.Unlock()
		ps.stats = s.Stats()
	}
	return []check.Check{
		{ID: "T-SEC-01", Run: func(ctx context.Context, s *check.Session) check.Result {
			defer record(s)
			resp, err := s.Get(ctx, "/")
			if err != nil {
				return check.FromError("fetching the home page", err)
			}
			if resp.StatusCode >= 400 {
				return check.Errorf("the home page answered HTTP %d", resp.StatusCode).At(resp.URL).With(resp.Evidence())
			}
			return check.Passf("home page fetched (%d bytes)", len(resp.Body))
		}},
		{ID: "T-A11Y-01", Run: func(ctx context.Context, s *check.Session) check.Result {
			defer record(s)
			p, err := s.Page(ctx, "/")
			if err != nil {
				return check.FromError("parsing the home page", err)
			}
			if p.StatusCode >= 400 {
				return check.Errorf("the home page answered HTTP %d", p.StatusCode)
			}
			if p.Doc == nil {
				return check.Failf("the home page is not HTML")
			}
			return check.Passf("home page parsed as %s", p.Charset)
		}},
	}
}

type hostileCase struct {
	name string
	// serve starts the portal and returns its base URL and, for TLS cases, a client.
	serve func(t *testing.T) (string, *http.Client)
	// status and message are what the affected findings (both probe checks unless only is
	// set) must say.
	status scoring.Status
	msg    string
	only   string // the one affected criterion, when the other is unaffected
}

func hostileCases() []hostileCase {
	plain := func(h http.HandlerFunc) func(t *testing.T) (string, *http.Client) {
		return func(t *testing.T) (string, *http.Client) { return handlerServer(t, h), nil }
	}
	raw := func(handle func(net.Conn)) func(t *testing.T) (string, *http.Client) {
		return func(t *testing.T) (string, *http.Client) { return "http://" + rawServer(t, handle) + "/", nil }
	}
	now := time.Now()
	localhost := []net.IP{net.IPv4(127, 0, 0, 1)}
	return []hostileCase{
		{name: "never-ending body", status: scoring.Error, msg: "response body exceeds the size limit: more than 1 MiB",
			serve: plain(func(w http.ResponseWriter, r *http.Request) {
				chunk := bytes.Repeat([]byte("<p>Thủ tục</p>"), 4096)
				for r.Context().Err() == nil {
					if _, err := w.Write(chunk); err != nil {
						return
					}
				}
			})},
		{name: "slow body", status: scoring.Error, msg: "stalled while reading the response body",
			serve: plain(func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(200)
				for r.Context().Err() == nil {
					_, _ = w.Write([]byte("<p>"))
					w.(http.Flusher).Flush()
					time.Sleep(50 * time.Millisecond)
				}
			})},
		{name: "slow headers", status: scoring.Error, msg: "stalled while waiting for the response headers",
			serve: plain(func(w http.ResponseWriter, r *http.Request) {
				select {
				case <-r.Context().Done():
				case <-time.After(5 * time.Second):
				}
			})},
		{name: "headers trickled one byte at a time", status: scoring.Error, msg: "did not complete the response within " + hostileRequestTimeout.String() + "",
			serve: raw(func(c net.Conn) {
				readRequest(c)
				for _, b := range []byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n") {
					if _, err := c.Write([]byte{b}); err != nil {
						return
					}
					time.Sleep(30 * time.Millisecond)
				}
			})},
		{name: "stalled TLS handshake", status: scoring.Error, msg: "stalled while the TLS handshake",
			serve: func(t *testing.T) (string, *http.Client) {
				return "https://" + rawServer(t, func(c net.Conn) { _, _ = io.Copy(io.Discard, c) }) + "/", nil
			}},
		{name: "TLS handshake closed", status: scoring.Error, msg: "",
			serve: func(t *testing.T) (string, *http.Client) {
				return "https://" + rawServer(t, func(c net.Conn) { _, _ = c.Read(make([]byte, 512)) }) + "/", nil
			}},
		{name: "connection reset mid-body", status: scoring.Error, msg: "the portal reset the connection while reading the response body",
			serve: raw(func(c net.Conn) {
				readRequest(c)
				_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html><body>")
				time.Sleep(20 * time.Millisecond)
				if tc, ok := c.(*net.TCPConn); ok {
					_ = tc.SetLinger(0) // close with RST
				}
			})},
		{name: "connection closed mid-body", status: scoring.Error, msg: "closed the connection while reading the response body",
			serve: raw(rawReply("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html><body>"))},
		{name: "connection closed before any reply", status: scoring.Error, msg: "closed the connection",
			serve: raw(func(c net.Conn) { readRequest(c) })},
		{name: "redirect loop", status: scoring.Error, msg: "too many redirects: stopped after 10 redirects",
			serve: plain(func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/", http.StatusFound) })},
		{name: "50-deep redirect chain", status: scoring.Error, msg: "too many redirects",
			serve: plain(func(w http.ResponseWriter, r *http.Request) {
				var n int
				fmt.Sscanf(r.URL.Query().Get("n"), "%d", &n)
				if n < 50 {
					http.Redirect(w, r, fmt.Sprintf("/?n=%d", n+1), http.StatusFound)
					return
				}
				_, _ = io.WriteString(w, "<html></html>")
			})},
		{name: "redirect to another host", status: scoring.Error, msg: "the portal redirected to evil.example, another host",
			serve: plain(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, "http://evil.example/phish", http.StatusFound)
			})},
		{name: "redirect to another scheme", status: scoring.Error, msg: "redirect to a host that is not allowed",
			serve: plain(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Location", "file:///etc/passwd")
				w.WriteHeader(http.StatusFound)
			})},
		{name: "gzip bomb", status: scoring.Error, msg: "compressed body expands beyond the decompression ratio limit",
			serve: func(t *testing.T) (string, *http.Client) {
				bomb := gzipBytes(t, 4<<20)
				return handlerServer(t, func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Content-Encoding", "gzip")
					w.Header().Set("Content-Type", "text/html")
					_, _ = w.Write(bomb)
				}), nil
			}},
		{name: "deflate bomb", status: scoring.Error, msg: "expands beyond the decompression ratio limit",
			serve: func(t *testing.T) (string, *http.Client) {
				bomb := deflateBytes(t, 4<<20)
				return handlerServer(t, func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Content-Encoding", "deflate")
					_, _ = w.Write(bomb)
				}), nil
			}},
		{name: "corrupt gzip", status: scoring.Error, msg: "Content-Encoding gzip but the body is not gzip data",
			serve: plain(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Encoding", "gzip")
				_, _ = io.WriteString(w, "<html>not compressed</html>")
			})},
		{name: "unrequested brotli", status: scoring.Error, msg: `Content-Encoding "br" was not offered`,
			serve: plain(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Encoding", "br")
				_, _ = w.Write([]byte{0x8b, 0x02, 0x80})
			})},
		{name: "1 MB header", status: scoring.Error, msg: "response headers exceed the size limit",
			serve: raw(rawReply("HTTP/1.1 200 OK\r\nX-Big: " + strings.Repeat("a", 1<<20) + "\r\nContent-Length: 0\r\n\r\n"))},
		{name: "enormous Set-Cookie", status: scoring.Error, msg: "response headers exceed the size limit",
			serve: plain(func(w http.ResponseWriter, r *http.Request) {
				for i := range 200 {
					w.Header().Add("Set-Cookie", fmt.Sprintf("c%d=%s; Path=/", i, strings.Repeat("v", 4000)))
				}
			})},
		{name: "endless header lines", status: scoring.Error, msg: "response headers exceed the size limit",
			serve: raw(func(c net.Conn) {
				readRequest(c)
				_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\n")
				for i := 0; ; i++ {
					if _, err := fmt.Fprintf(c, "X-H%d: v\r\n", i); err != nil {
						return
					}
				}
			})},
		{name: "HTTP/0.9 reply", status: scoring.Error, msg: "malformed HTTP response",
			serve: raw(rawReply("<html><body>no status line, no headers</body></html>"))},
		{name: "invalid status line", status: scoring.Error, msg: "malformed HTTP",
			serve: raw(rawReply("HTTP/1.1 OK-ish\r\nContent-Length: 2\r\n\r\nok"))},
		{name: "conflicting Content-Length headers", status: scoring.Error, msg: "invalid framing headers",
			serve: raw(rawReply("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 50\r\n\r\nhello"))},
		{name: "broken chunked encoding", status: scoring.Error, msg: "while reading the response body",
			serve: raw(rawReply("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"))},
		{name: "1xx flood", status: scoring.Error, msg: "the portal sent more than 64 KiB of headers (1xx responses included)",
			serve: raw(func(c net.Conn) {
				readRequest(c)
				for range 5000 {
					if _, err := io.WriteString(c, "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"); err != nil {
						return
					}
				}
				_, _ = io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
			})},
		{name: "100,000-deep HTML nesting", status: scoring.Error, msg: "nests HTML elements deeper than the parser allows", only: "T-A11Y-01",
			serve: plain(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				_, _ = io.WriteString(w, strings.Repeat("<div>", 100000))
			})},
		{name: "unknown charset", status: scoring.Error, msg: `declares an unknown charset "x-klingon"`, only: "T-A11Y-01",
			serve: plain(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=x-klingon")
				_, _ = io.WriteString(w, "<html><title>x</title></html>")
			})},
		{name: "5xx on every path", status: scoring.Error, msg: "the home page answered HTTP 503",
			serve: plain(func(w http.ResponseWriter, r *http.Request) {
				http.Error(w, "maintenance", http.StatusServiceUnavailable)
			})},
		{name: "404 on every path", status: scoring.Error, msg: "the home page answered HTTP 404",
			serve: plain(func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })},
		{name: "closed port", status: scoring.Error, msg: "connection refused: nothing listens on the port",
			serve: func(t *testing.T) (string, *http.Client) {
				ln, err := net.Listen("tcp", "127.0.0.1:0")
				require.NoError(t, err)
				addr := ln.Addr().String()
				ln.Close()
				return "http://" + addr + "/", nil
			}},
		{name: "plain HTTP on the HTTPS port", status: scoring.Error, msg: "did not answer with TLS",
			serve: func(t *testing.T) (string, *http.Client) {
				u := handlerServer(t, func(w http.ResponseWriter, r *http.Request) {})
				return strings.Replace(u, "http://", "https://", 1), nil
			}},
		{name: "TLS expired certificate", status: scoring.Error, msg: "certificate is not valid: expired or not yet valid",
			serve: func(t *testing.T) (string, *http.Client) {
				return tlsPortal(t, leafCert(t, "127.0.0.1", nil, localhost, now.Add(-48*time.Hour), now.Add(-24*time.Hour), false))
			}},
		{name: "TLS wrong-host certificate", status: scoring.Error, msg: "not valid for host 127.0.0.1",
			serve: func(t *testing.T) (string, *http.Client) {
				return tlsPortal(t, leafCert(t, "portal.example", []string{"portal.example"}, nil, now.Add(-time.Hour), now.Add(time.Hour), false))
			}},
		{name: "TLS self-signed certificate", status: scoring.Error, msg: `self-signed certificate "selfie" not trusted`,
			serve: func(t *testing.T) (string, *http.Client) {
				return tlsPortal(t, leafCert(t, "selfie", nil, localhost, now.Add(-time.Hour), now.Add(time.Hour), true))
			}},
	}
}

func TestHostilePortals(t *testing.T) {
	cases := hostileCases()
	require.GreaterOrEqual(t, len(cases), 25)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			base, client := tc.serve(t)
			var ps probeStats
			// A safety net against hangs, not a timing assertion: the bounds above end the run
			// long before it, even on a loaded machine.
			ctx, cancel := context.WithTimeout(t.Context(), hostileSafetyNet)
			defer cancel()
			r, err := Check(ctx, Target{BaseURL: base, Client: client}, Catalogue(testCatalogue()), NoBuiltin(), Lang("en"),
				Checks(probeChecks(&ps)...), RequestTimeout(hostileRequestTimeout), CheckTimeout(hostileCheckTimeout),
				Limits(hostileMaxBody, 64<<10, 10))
			// Reachability is decided once: every hostile portal here is unreachable or has an
			// unreadable home page, and Check says so (p06 scan exits 2 on either).
			require.Error(t, err)
			if !errors.Is(err, ErrUnreachable) {
				require.ErrorIs(t, err, ErrUnreadable)
			}
			require.NotNil(t, r)
			for _, id := range []string{"T-SEC-01", "T-A11Y-01"} {
				if tc.only != "" && id != tc.only {
					continue
				}
				f := findingOf(r, id)
				assert.Equal(t, tc.status, f.Status, "%s: %s", id, f.Message)
				assert.Contains(t, f.Message, tc.msg, id)
			}
			ps.mu.Lock()
			defer ps.mu.Unlock()
			// Two bounded bodies at most (the shared fetch, plus one retry), plus framing.
			assert.LessOrEqual(t, ps.stats.BytesRead, int64(2*hostileMaxBody+64<<10), "bytes read off the wire must stay bounded")
		})
	}
}

// TestHostilePortalsBuiltin is the hostile harness: every built-in check, run against portals
// whose transport fails in each way the suite knows (resets, stalls, timeouts, size and depth
// limits, parse errors, redirect loops, error statuses, certificates), must not pass and must
// not fail without evidence: a verdict the harness did not earn is error, saying why. The run
// reports the portal as unreadable (or unreachable), which p06 scan turns into exit 2.
func TestHostilePortalsBuiltin(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every built-in check against hostile portals")
	}
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			base, client := tc.serve(t)
			ctx, cancel := context.WithTimeout(t.Context(), hostileSafetyNet)
			defer cancel()
			var finished atomic.Int32
			r, err := Check(ctx, Target{BaseURL: base, Client: client}, Lang("en"), RequestTimeout(hostileRequestTimeout),
				CheckTimeout(hostileCheckTimeout), Limits(hostileMaxBody, 64<<10, 10), Parallel(16), Active(),
				Observe(func(scoring.Finding) { finished.Add(1) }))
			require.Error(t, err)
			if !errors.Is(err, ErrUnreachable) {
				require.ErrorIs(t, err, ErrUnreadable)
			}
			require.NotNil(t, r)
			assert.Positive(t, finished.Load())
			for _, f := range r.Findings {
				assert.NotContains(t, f.Message, "panicked", "%s", f.Criterion)
				if f.Status == scoring.Pass && !transportLevel[f.Criterion] {
					t.Errorf("%s passed on a portal whose pages cannot be read: %s", f.Criterion, f.Message)
				}
				if f.Status == scoring.Fail && len(f.Evidence) == 0 {
					t.Errorf("%s failed without evidence: %s", f.Criterion, f.Message)
				}
				if f.Status == scoring.Fail && strings.Contains(tc.name, "TLS handshake") {
					t.Errorf("%s failed on a portal whose TLS handshake never completes: %s", f.Criterion, f.Message)
				}
				if f.Status == scoring.Fail && contentGroups[f.Group] {
					t.Errorf("%s (%s) failed on a portal whose pages cannot be read: %s", f.Criterion, f.Group, f.Message)
				}
			}
		})
	}
}

// contentGroups are the groups whose criteria judge the portal's pages: none may fail when the
// pages cannot be read.
var contentGroups = map[string]bool{"online-service": true, "accessibility": true, "experience": true}

// transportLevel are the criteria judged on the TLS handshake or the plain-HTTP port, which a
// portal can meet while its pages cannot be read.
var transportLevel = map[string]bool{"P06-SEC-03": true, "P06-SEC-04": true, "P06-SEC-05": true}

// TestBudgetAndDeadlineAreNotVerdicts runs every built-in check against a plain, readable portal
// while the session's request budget is one request (the home page) and, separately, while each
// check has almost no time: a check whose requests were refused or cut short is error; the
// findings that stay pass or fail rest on evidence (the home page, read once).
func TestBudgetAndDeadlineAreNotVerdicts(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every built-in check")
	}
	base := handlerServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = io.WriteString(w, `<!doctype html><html lang="vi"><head><title>Cổng dịch vụ công</title></head>`+
			`<body><h1>Cổng</h1><a href="/thu-tuc">Thủ tục</a> <a href="/lien-he">Liên hệ</a></body></html>`)
	})
	for _, tc := range []struct {
		name string
		opt  Option
		want string
	}{
		{"budget of one request", MaxRequests(1), "request budget"},
		{"one millisecond per check", CheckTimeout(time.Millisecond), "time limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), hostileSafetyNet)
			defer cancel()
			r, err := Check(ctx, Target{BaseURL: base}, Lang("en"), Active(), tc.opt)
			require.NoError(t, err)
			errs := 0
			for _, f := range r.Findings {
				switch f.Status {
				case scoring.Pass, scoring.Fail:
					assert.NotEmpty(t, f.Evidence, "%s %s without evidence: %s", f.Criterion, f.Status, f.Message)
				case scoring.Error:
					if strings.Contains(f.Message, tc.want) {
						errs++
					}
				}
			}
			assert.Positive(t, errs, "some checks must say %q", tc.want)
		})
	}
}

// quietLog discards the TLS handshake errors the hostile servers log.
func quietLog() *log.Logger { return log.New(io.Discard, "", 0) }
