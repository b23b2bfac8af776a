package tlsscan

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/checktest"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

func TestCheckVersions(t *testing.T) {
	tests := []struct {
		name   string
		cfg    *tls.Config
		status scoring.Status
		says   msg.Text
		// versions are the versions the message names: the accepted ones when passing, the
		// deprecated ones accepted when failing.
		versions string
	}{
		{"modern server passes", &tls.Config{MinVersion: tls.VersionTLS12}, scoring.Pass, mVersionsOK, "TLS 1.2, TLS 1.3"},
		{"tls13 only passes", &tls.Config{MinVersion: tls.VersionTLS13}, scoring.Pass, mVersionsOK, "TLS 1.3"},
		{"tls10 accepted fails", &tls.Config{MinVersion: tls.VersionTLS10}, scoring.Fail, mLegacyVersions, "TLS 1.0, TLS 1.1"},
		{"tls11 accepted fails", &tls.Config{MinVersion: tls.VersionTLS11, MaxVersion: tls.VersionTLS12}, scoring.Fail, mLegacyVersions, "TLS 1.1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := tlsServer(t, tc.cfg, nil)
			r := checkVersions(context.Background(), session(t, srv.URL, srv.Client(), nil))
			wantStatus(t, r, tc.status)
			checktest.Says(t, r, tc.says, strings.TrimPrefix(srv.URL, "https://"), tc.versions)
			if len(r.Evidence) != len(Versions)+1 {
				t.Errorf("want one evidence per version (SSLv2 included), got %d", len(r.Evidence))
			}
		})
	}
}

func TestCheckVersionsNotTLS(t *testing.T) {
	// A plain-HTTP server on an https:// URL: no version is accepted.
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	r := checkVersions(context.Background(), session(t, strings.Replace(srv.URL, "http:", "https:", 1), nil, nil))
	wantStatus(t, r, scoring.Error)
	checktest.Says(t, r, mNoVersion, strings.TrimPrefix(srv.URL, "http://"))
	// A plain-HTTP portal fails (it does not leave the denominator).
	r = checkVersions(context.Background(), session(t, srv.URL, nil, nil))
	wantStatus(t, r, scoring.Fail)
	checktest.Says(t, r, mNotHTTPS, srv.URL+"/")
}

func TestCheckWeakSuites(t *testing.T) {
	tests := []struct {
		name   string
		cfg    *tls.Config
		status scoring.Status
		says   msg.Text
		// value is what the message says was probed (versions) or accepted (suites), in English;
		// vi is the list of suites accepted, rendered in Vietnamese.
		value, vi string
	}{
		{"strong suites pass", &tls.Config{MinVersion: tls.VersionTLS12}, scoring.Pass, mWeakRefused, "at TLS 1.2", "ở TLS 1.2"},
		{"tls13 only passes", &tls.Config{MinVersion: tls.VersionTLS13}, scoring.Pass, mTLS13OnlyOK, "", ""},
		{"3DES fails", &tls.Config{MinVersion: tls.VersionTLS12, MaxVersion: tls.VersionTLS12,
			CipherSuites: []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA}},
			scoring.Fail, mWeakAccepts, "TLS_RSA_WITH_3DES_EDE_CBC_SHA (3DES) at TLS 1.2", "TLS_RSA_WITH_3DES_EDE_CBC_SHA (3DES) ở TLS 1.2"},
		{"RC4 at TLS 1.0 fails", &tls.Config{MinVersion: tls.VersionTLS10, MaxVersion: tls.VersionTLS12,
			CipherSuites: []uint16{tls.TLS_RSA_WITH_AES_128_CBC_SHA, tls.TLS_RSA_WITH_RC4_128_SHA, tls.TLS_ECDHE_RSA_WITH_RC4_128_SHA}},
			scoring.Fail, mWeakAccepts, "TLS_ECDHE_RSA_WITH_RC4_128_SHA (RC4) at TLS 1.0, TLS 1.1, TLS 1.2", "TLS_ECDHE_RSA_WITH_RC4_128_SHA (RC4) ở TLS 1.0, TLS 1.1, TLS 1.2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := tlsServer(t, tc.cfg, nil)
			r := checkWeakSuites(context.Background(), session(t, srv.URL, srv.Client(), nil))
			wantStatus(t, r, tc.status)
			checktest.Says(t, r, tc.says)
			checktest.Contains(t, r.Message, tc.value)
			if tc.says == mWeakAccepts {
				checktest.Contains(t, r.Args[2].(msg.List).Render(msg.VI), tc.vi)
			}
		})
	}
}

func TestCheckHTTPS(t *testing.T) {
	good := newPKI(t, []string{"127.0.0.1"}, time.Now().Add(200*24*time.Hour))
	wrongHost := newPKI(t, []string{"other.example"}, time.Now().Add(200*24*time.Hour))
	expired := newPKI(t, []string{"127.0.0.1"}, time.Now().Add(-24*time.Hour))
	tests := []struct {
		name   string
		pki    testPKI
		trust  bool
		status scoring.Status
		says   msg.Text
		// why is the reason a chain does not verify, and its values.
		why     msg.Text
		whyArgs []any
	}{
		{"chain valid for host passes", good, true, scoring.Pass, mHTTPSOK, msg.Text{}, nil},
		{"untrusted root fails", good, false, scoring.Fail, mNotVerified, mUntrusted, []any{"CN=p06 test root"}},
		{"wrong host fails", wrongHost, true, scoring.Fail, mNotVerified, mWrongHost, []any{"127.0.0.1", "other.example"}},
		{"expired fails", expired, true, scoring.Fail, mNotVerified, mExpiredInChain, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := tlsServer(t, &tls.Config{Certificates: []tls.Certificate{tc.pki.leaf}}, nil)
			client := clientTrusting(nil)
			if tc.trust {
				client = clientTrusting(tc.pki.pool)
			}
			r := checkHTTPS(context.Background(), session(t, srv.URL, client, nil))
			wantStatus(t, r, tc.status)
			addr := strings.TrimPrefix(srv.URL, "https://")
			if tc.why.IsZero() {
				checktest.Says(t, r, tc.says, addr, "CN=127.0.0.1", "p06 test root", "127.0.0.1")
				return
			}
			checktest.Says(t, r, tc.says)
			why, ok := r.Args[len(r.Args)-1].(msg.Phrase)
			if !ok || why.Text.ID() != tc.why.ID() {
				t.Fatalf("reason %v, want %s", r.Args[len(r.Args)-1], tc.why.ID())
			}
			if tc.whyArgs != nil {
				checktest.Says(t, check.Result{MsgID: why.Text.ID(), Args: why.Args}, tc.why, tc.whyArgs...)
			}
			if r.Got != why.String() || !strings.Contains(r.Want, "host 127.0.0.1") {
				t.Errorf("got/want %q/%q", r.Got, r.Want)
			}
		})
	}
	plain := httptest.NewServer(http.NotFoundHandler())
	defer plain.Close()
	r := checkHTTPS(context.Background(), session(t, plain.URL, nil, nil))
	wantStatus(t, r, scoring.Fail)
	checktest.Says(t, r, mPlainHTTP, plain.URL+"/")
}

func TestCheckExpiry(t *testing.T) {
	tests := []struct {
		name   string
		left   time.Duration
		status scoring.Status
		says   msg.Text
		// got is the certificate's state the message gives (nil when passing), days the days left.
		got  msg.Text
		days int
	}{
		{"200 days left passes", 200 * 24 * time.Hour, scoring.Pass, mExpiryOK, msg.Text{}, 199},
		{"10 days left fails", 10*24*time.Hour - time.Hour, scoring.Fail, mExpiring, mCertExpires, 9},
		{"expired fails", -48 * time.Hour, scoring.Fail, mExpiring, mCertExpired, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			notAfter := time.Now().Add(tc.left)
			pki := newPKI(t, []string{"127.0.0.1"}, notAfter)
			srv := tlsServer(t, &tls.Config{Certificates: []tls.Certificate{pki.leaf}}, nil)
			r := checkExpiry(context.Background(), session(t, srv.URL, clientTrusting(pki.pool), nil))
			wantStatus(t, r, tc.status)
			addr, date := strings.TrimPrefix(srv.URL, "https://"), notAfter.UTC().Format(time.DateOnly)
			if tc.got.IsZero() {
				checktest.Says(t, r, tc.says, addr, "CN=127.0.0.1", date, tc.days)
				return
			}
			checktest.Says(t, r, tc.says)
			got, ok := r.Args[1].(msg.Phrase)
			if !ok {
				t.Fatalf("the certificate's state is %T", r.Args[1])
			}
			leaf := msg.P(mRoleLeaf)
			if tc.got == mCertExpired {
				checktest.Says(t, check.Result{MsgID: got.Text.ID(), Args: got.Args}, tc.got, leaf, "CN=127.0.0.1", date)
			} else {
				checktest.Says(t, check.Result{MsgID: got.Text.ID(), Args: got.Args}, tc.got, leaf, "CN=127.0.0.1", date, tc.days)
			}
			if r.Args[2] != minDaysLeft {
				t.Errorf("threshold %v, want %d", r.Args[2], minDaysLeft)
			}
		})
	}
}

func TestCheckRedirect(t *testing.T) {
	secure := tlsServer(t, nil, nil)
	plainHandler := func(h http.HandlerFunc) string {
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		return srv.URL
	}
	// A port with no listener: bind, note the port, close.
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := "http://" + l.Addr().String() + "/"
	l.Close()

	tests := []struct {
		name   string
		plain  string
		status scoring.Status
		says   msg.Text
		// value is what the message must say beside the plain-HTTP address (a status code, a host).
		value string
	}{
		{"redirect to https passes", plainHandler(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, secure.URL+r.URL.Path, http.StatusMovedPermanently)
		}), scoring.Pass, mRedirectOK, secure.URL},
		{"no plain listener passes", closed, scoring.Pass, mNoPlainHTTP, "connection refused"},
		{"plain 200 fails", plainHandler(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("hi")) }),
			scoring.Fail, mNoRedirect, "200"},
		// The requirement says permanently: a temporary redirect fails.
		{"temporary redirect to https fails", plainHandler(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, secure.URL+r.URL.Path, http.StatusFound)
		}), scoring.Fail, mTemporary, "302"},
		{"308 to https passes", plainHandler(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, secure.URL+r.URL.Path, http.StatusPermanentRedirect)
		}), scoring.Pass, mRedirectOK, secure.URL},
		{"redirect to another host fails", plainHandler(func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "https://sso.example/", http.StatusFound)
		}), scoring.Fail, mOtherHost, "sso.example"},
		{"redirect to plain http fails", plainHandler(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/" {
				http.Redirect(w, r, "/home", http.StatusFound)
				return
			}
			_, _ = w.Write([]byte("home"))
		}), scoring.Fail, mFirstNotHTTPS, "/home"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := session(t, secure.URL, secure.Client(), &check.Profile{PlainHTTP: tc.plain})
			r := checkRedirect(context.Background(), s)
			wantStatus(t, r, tc.status)
			if len(r.Evidence) == 0 {
				t.Errorf("a %s without evidence", r.Status)
			}
			checktest.Says(t, r, tc.says)
			checktest.Contains(t, r.Message, tc.value)
		})
	}
}

// A plain-HTTP port that accepts connections and then stays silent, or closes them, is a
// listener whose answer was not seen: P06-SEC-02 is an error, never a pass for "not listening".
func TestCheckRedirectSilentListener(t *testing.T) {
	secure := tlsServer(t, nil, nil)
	for _, tc := range []struct {
		name string
		conn func(net.Conn)
		want string
	}{
		{"silent", func(c net.Conn) { _, _ = io.Copy(io.Discard, c) }, "GET http://"},
		{"closes", func(c net.Conn) { c.Close() }, "GET http://"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { l.Close() })
			var conns sync.WaitGroup
			var mu sync.Mutex
			var open []net.Conn
			t.Cleanup(func() {
				mu.Lock()
				for _, c := range open {
					c.Close()
				}
				mu.Unlock()
				conns.Wait()
			})
			go func() {
				for {
					c, err := l.Accept()
					if err != nil {
						return
					}
					mu.Lock()
					open = append(open, c)
					mu.Unlock()
					conns.Add(1)
					go func() { defer conns.Done(); tc.conn(c) }()
				}
			}()
			// The silent listener holds the request until the session's timeout; nothing here
			// asserts on time.
			s, err := probe.NewSession(check.Target{BaseURL: secure.URL, Client: secure.Client(),
				Profile: &check.Profile{PlainHTTP: "http://" + l.Addr().String() + "/"}},
				check.Config{Lang: "en", RequestTimeout: 300 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			r := checkRedirect(context.Background(), s)
			wantStatus(t, r, scoring.Error)
			checktest.Says(t, r, mSilentPlain)
			checktest.Contains(t, r.Message, tc.want+l.Addr().String())
			if len(r.Evidence) == 0 {
				t.Error("no evidence of the accepted connection")
			}
		})
	}
}

// The certificate reader of the hand-built handshake, used when Go's client cannot handshake.
func TestRawCert(t *testing.T) {
	pki := newPKI(t, []string{"127.0.0.1"}, time.Now().Add(90*24*time.Hour))
	srv := tlsServer(t, &tls.Config{Certificates: []tls.Certificate{pki.leaf}, MaxVersion: tls.VersionTLS12}, nil)
	addr := strings.TrimPrefix(srv.URL, "https://")
	info, err := rawCert(context.Background(), addr, "127.0.0.1", errors.New("simulated"))
	if err != nil {
		t.Fatal(err)
	}
	if len(info.Chain) != 2 || info.Chain[0].Subject.CommonName != "127.0.0.1" || !strings.Contains(info.Raw, "TLS 1.2 handshake") {
		t.Fatalf("chain %d certs, leaf %q, raw %q", len(info.Chain), info.Chain[0].Subject.CommonName, info.Raw)
	}
	// A TLS 1.3-only server encrypts its certificate: the reader says it cannot.
	srv13 := tlsServer(t, &tls.Config{MinVersion: tls.VersionTLS13}, nil)
	if _, err := rawCert(context.Background(), strings.TrimPrefix(srv13.URL, "https://"), "127.0.0.1", errors.New("simulated")); err == nil {
		t.Fatal("want an error from a TLS 1.3-only server")
	}
}

func TestSSLv2(t *testing.T) {
	var ch [16]byte
	hello := SSLv2Hello(ch)
	if hello[0]&0x80 == 0 || int(hello[0]&0x7f)<<8|int(hello[1]) != len(hello)-2 || hello[2] != 1 || hello[3] != 0 || hello[4] != 2 {
		t.Fatalf("malformed CLIENT-HELLO % x", hello)
	}
	serverHello := []byte{0x80, 0x2e, 4, 0, 1, 0x00, 0x02, 0, 0, 0, 3, 0, 16, 0x01, 0x00, 0x80}
	tests := []struct {
		name string
		in   []byte
		ok   bool
	}{
		{"server hello", serverHello, true},
		{"no cipher in common", []byte{0x80, 0x2b, 4, 0, 1, 0x00, 0x02, 0, 0, 0, 0, 0, 16}, false},
		{"TLS alert", []byte{21, 3, 1, 0, 2, 2, 40}, false},
		{"HTTP", []byte("HTTP/1.1 400 Bad Request"), false},
		{"short", []byte{0x80}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if ok, detail := ParseSSLv2Reply(tc.in); ok != tc.ok || detail == "" {
				t.Errorf("ParseSSLv2Reply = %v %q, want %v", ok, detail, tc.ok)
			}
		})
	}
	// A server that answers SSL 2.0 hellos in SSL 2.0 fails P06-SEC-03 even if it speaks TLS too.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			buf := make([]byte, 512)
			n, _ := c.Read(buf)
			if n > 2 && buf[0]&0x80 != 0 && buf[2] == 1 {
				_, _ = c.Write(serverHello)
			}
			c.Close()
		}
	}()
	r := checkVersions(context.Background(), session(t, "https://"+l.Addr().String()+"/", nil, nil))
	wantStatus(t, r, scoring.Fail)
	checktest.Says(t, r, mLegacyVersions, l.Addr().String(), "SSLv2")
}

func FuzzParseSSLv2Reply(f *testing.F) {
	f.Add([]byte{0x80, 0x2e, 4, 0, 1, 0x00, 0x02, 0, 0, 0, 3, 0, 16, 0x01, 0x00, 0x80})
	f.Add([]byte{0x80})
	f.Fuzz(func(t *testing.T, b []byte) {
		if ok, detail := ParseSSLv2Reply(b); detail == "" || (ok && len(b) < 13) {
			t.Fatalf("ParseSSLv2Reply(% x) = %v %q", b, ok, detail)
		}
	})
}

func TestCheckHTTPSWeakKey(t *testing.T) {
	pki := newPKI(t, []string{"127.0.0.1"}, time.Now().Add(200*24*time.Hour))
	// Re-issue the leaf with a 1024-bit RSA key under the same CA.
	key, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(pki.leaf.Certificate[1])
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(3), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(200 * 24 * time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, pki.caKey)
	if err != nil {
		t.Fatal(err)
	}
	srv := tlsServer(t, &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der, ca.Raw}, PrivateKey: key}}}, nil)
	r := checkHTTPS(context.Background(), session(t, srv.URL, clientTrusting(pki.pool), nil))
	wantStatus(t, r, scoring.Fail)
	checktest.Says(t, r, mWeakKey, strings.TrimPrefix(srv.URL, "https://"), msg.P(mWeakRSA, 1024))
	checktest.Contains(t, r.Got, "RSA key of 1024 bits")
}

// The A-label was computed independently (Python's "idna" codec).
func TestEndpointIDN(t *testing.T) {
	s := session(t, "https://dịchvụcông.vn:8443/", nil, nil)
	addr, host, https := endpoint(s)
	if addr != "xn--dchvcng-x0a0689dsha.vn:8443" || host != "xn--dchvcng-x0a0689dsha.vn" || !https {
		t.Fatalf("endpoint = %q %q %v", addr, host, https)
	}
}
