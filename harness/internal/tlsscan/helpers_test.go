package tlsscan

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/scoring"
)

// testPKI is a CA and a leaf for the tests: the leaf's names and validity are chosen per test.
type testPKI struct {
	pool  *x509.CertPool
	leaf  tls.Certificate
	caKey *ecdsa.PrivateKey
}

func newPKI(t testing.TB, hosts []string, notAfter time.Time) testPKI {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "p06 test root"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(10 * 365 * 24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: hosts[0]},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: notAfter,
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	for _, h := range hosts {
		if ip := net.ParseIP(h); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, h)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	return testPKI{pool: pool, leaf: tls.Certificate{Certificate: [][]byte{der, caDER}, PrivateKey: key}, caKey: caKey}
}

// tlsServer starts an HTTPS test server with cfg (nil: httptest's defaults).
func tlsServer(t testing.TB, cfg *tls.Config, h http.Handler) *httptest.Server {
	t.Helper()
	if h == nil {
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("ok")) })
	}
	srv := httptest.NewUnstartedServer(h)
	if cfg != nil {
		srv.TLS = cfg
	}
	// Probes that refuse to finish handshakes are the point: keep the server's log quiet.
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv
}

func session(t testing.TB, base string, client *http.Client, prof *check.Profile) *check.Session {
	t.Helper()
	s, err := probe.NewSession(check.Target{BaseURL: base, Client: client, Profile: prof}, check.Config{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func clientTrusting(pool *x509.CertPool) *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
}

func wantStatus(t *testing.T, r check.Result, want scoring.Status) {
	t.Helper()
	if r.Status != want {
		t.Fatalf("status = %s, want %s; message: %s", r.Status, want, r.Message)
	}
}
