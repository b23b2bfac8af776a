package referenceportal

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"time"
)

// Server is the portal running on loopback: HTTPS with a certificate from its own test CA, and a
// plain-HTTP listener that redirects to it.
type Server struct {
	// URL is the portal's HTTPS address, e.g. "https://127.0.0.1:41234".
	URL string
	// PlainURL is the plain-HTTP address that redirects to URL.
	PlainURL string
	Portal   *Portal

	pool  *x509.CertPool
	https *http.Server
	plain *http.Server
}

// Start runs a portal configured by cfg on 127.0.0.1 (ephemeral ports). Close stops it.
func Start(cfg Config) (*Server, error) {
	p := New(cfg)
	cert, pool, err := selfSigned(cfg.Defects.TLS10)
	if err != nil {
		return nil, err
	}
	s := &Server{Portal: p, pool: pool}
	tlsCfg := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	if cfg.Defects.TLS10 {
		// The broken portal's defect: TLS 1.0 and legacy CBC/3DES suites (P06-SEC-03, P06-SEC-04).
		tlsCfg.MinVersion = tls.VersionTLS10
		tlsCfg.MaxVersion = tls.VersionTLS12
		tlsCfg.CipherSuites = []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
			tls.TLS_RSA_WITH_AES_128_CBC_SHA, tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA, tls.TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s.URL = "https://" + ln.Addr().String()
	if cfg.Defects.NoTLS {
		s.URL = "http://" + ln.Addr().String()
	}
	s.https = &http.Server{Handler: p.Handler(), ReadHeaderTimeout: 10 * time.Second, TLSConfig: tlsCfg,
		// TLS handshake errors from scanners probing old protocols are expected: not logged.
		ErrorLog: log.New(io.Discard, "", 0)}
	go func() {
		if cfg.Defects.NoTLS {
			_ = s.https.Serve(ln)
			return
		}
		_ = s.https.Serve(tls.NewListener(ln, tlsCfg))
	}()
	pln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		s.Close()
		return nil, err
	}
	s.PlainURL = "http://" + pln.Addr().String()
	target := s.URL
	s.plain = &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target+r.URL.RequestURI(), http.StatusMovedPermanently)
	})}
	go func() { _ = s.plain.Serve(pln) }()
	return s, nil
}

// CertPool returns the CA that issued the portal's certificate.
func (s *Server) CertPool() *x509.CertPool { return s.pool }

// Client returns an HTTP client that trusts the portal's certificate.
func (s *Server) Client() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{RootCAs: s.pool}
	return &http.Client{Transport: tr}
}

// Close stops both listeners.
func (s *Server) Close() {
	if s.https != nil {
		_ = s.https.Close()
	}
	if s.plain != nil {
		_ = s.plain.Close()
	}
}

// selfSigned makes a test CA and a certificate for 127.0.0.1 and localhost, valid for a year.
// rsaKey selects RSA (needed by the legacy suites of the broken portal) instead of ECDSA P-256.
func selfSigned(rsaKey bool) (tls.Certificate, *x509.CertPool, error) {
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	now := time.Now()
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Tỉnh Mẫu test CA", Country: []string{"VN"}},
		NotBefore: now.Add(-time.Hour), NotAfter: now.AddDate(2, 0, 0), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	ca, err := x509.ParseCertificate(caDER)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	var key any
	var pub any
	if rsaKey {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			return tls.Certificate{}, nil, err
		}
		key, pub = k, &k.PublicKey
	} else {
		k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			return tls.Certificate{}, nil, err
		}
		key, pub = k, &k.PublicKey
	}
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	leaf := &x509.Certificate{SerialNumber: serial, Subject: pkix.Name{CommonName: "dichvucong.tinhmau.example", Organization: []string{"UBND tỉnh Mẫu"}, Country: []string{"VN"}},
		DNSNames: []string{"localhost", "dichvucong.tinhmau.example"}, IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore: now.Add(-time.Hour), NotAfter: now.AddDate(1, 0, 0),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, leaf, ca, pub, caKey)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	pool := x509.NewCertPool()
	pool.AddCert(ca)
	if key == nil {
		return tls.Certificate{}, nil, errors.New("no key")
	}
	return tls.Certificate{Certificate: [][]byte{der, caDER}, PrivateKey: key}, pool, nil
}
