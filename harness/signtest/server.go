package signtest

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
)

// Server publishes a PKI's trust list and CRLs over HTTP on loopback, as a CA's repository does,
// for portals that fetch them rather than read files. Paths:
//
//	/trust.pem          the trust list (root certificates), PEM
//	/root.crt           the root certificate, DER
//	/intermediate.crt   the intermediate certificate, DER
//	/crl/intermediate.crl  the intermediate's current CRL, DER (application/pkix-crl)
//	/crl/root.crl       the root's CRL, DER
//	/crls.pem           both CRLs, PEM
//
// Like httptest.Server it is started by [NewServer] and stopped by [Server.Close].
type Server struct {
	// URL is the base URL, e.g. "http://127.0.0.1:41234", without a trailing slash.
	URL string
	// PKI is the PKI the server publishes.
	PKI *PKI

	pki      *PKI
	srv      *httptest.Server
	requests atomic.Int64
}

// NewServer starts a server for pki, which must come from [NewPKI], on 127.0.0.1.
func NewServer(pki *PKI) *Server {
	s := newServer(pki)
	s.srv = httptest.NewServer(s.srv.Config.Handler)
	s.URL = s.srv.URL
	return s
}

// NewPKIServer creates a PKI whose certificates point at the server it starts ([WithRepository]):
// their CRL distribution points and CA issuers URLs resolve to it. Certificates issued later
// point there too.
func NewPKIServer(opts ...Option) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("signtest: listening on loopback: %w", err)
	}
	url := "http://" + ln.Addr().String()
	pki, err := NewPKI(append(append([]Option(nil), opts...), WithRepository(url))...)
	if err != nil {
		ln.Close()
		return nil, err
	}
	s := newServer(pki)
	ts := httptest.NewUnstartedServer(s.srv.Config.Handler)
	ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	s.srv, s.URL = ts, ts.URL
	return s, nil
}

func newServer(pki *PKI) *Server {
	s := &Server{pki: pki, PKI: pki}
	mux := http.NewServeMux()
	serve := func(path, ctype string, body func() []byte) {
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
			s.requests.Add(1)
			w.Header().Set("Content-Type", ctype)
			w.Header().Set("Cache-Control", "no-cache")
			_, _ = w.Write(body())
		})
	}
	serve("/trust.pem", "application/x-pem-file", pki.TrustPEM)
	serve("/root.crt", "application/pkix-cert", func() []byte { return pki.Root.Cert.Raw })
	serve("/intermediate.crt", "application/pkix-cert", func() []byte { return pki.Intermediate.Cert.Raw })
	serve("/crl/intermediate.crl", "application/pkix-crl", func() []byte { return pki.CRLs()[0].Raw })
	serve("/crl/root.crl", "application/pkix-crl", func() []byte { return pki.CRLs()[1].Raw })
	// NewServer and NewPKIServer take a PKI from NewPKI; the handlers above rely on it.
	serve("/crls.pem", "application/x-pem-file", pki.CRLPEM)
	s.srv = &httptest.Server{Config: &http.Server{Handler: mux}}
	return s
}

// Close shuts the server down and waits for outstanding requests.
func (s *Server) Close() { s.srv.Close() }

// Client returns an HTTP client for the server.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Requests is how many requests the server has answered: a test can assert that the portal
// fetched the CRL.
func (s *Server) Requests() int64 { return s.requests.Load() }

// maxCRLBytes bounds a fetched CRL.
const maxCRLBytes = 8 << 20

// FetchCRL downloads a CRL (DER or PEM) from url with client (http.DefaultClient when nil) and
// parses it. The download is bounded by ctx and by size. It does not check the CRL's signature:
// [Verify] does, against the certificate's issuer.
func FetchCRL(ctx context.Context, client *http.Client, url string) (*x509.RevocationList, error) {
	if client == nil {
		client = http.DefaultClient
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("signtest: fetching CRL %s: %w", url, err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("signtest: fetching CRL %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("signtest: fetching CRL %s: status %d", url, resp.StatusCode)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxCRLBytes+1))
	if err != nil {
		return nil, fmt.Errorf("signtest: fetching CRL %s: %w", url, err)
	}
	if len(b) > maxCRLBytes {
		return nil, fmt.Errorf("signtest: fetching CRL %s: larger than %d bytes", url, maxCRLBytes)
	}
	if blk, _ := pem.Decode(b); blk != nil {
		b = blk.Bytes
	}
	crl, err := x509.ParseRevocationList(b)
	if err != nil {
		return nil, fmt.Errorf("signtest: parsing CRL from %s: %w", url, err)
	}
	return crl, nil
}

// CRLFetcher returns a [VerifyOptions.FetchCRL] that downloads CRLs with [FetchCRL], bounded by
// ctx, with client (http.DefaultClient when nil). It fetches each URL once and keeps the
// answer, error included, so a verifier that meets the same distribution point twice asks once.
// Safe for concurrent use.
func CRLFetcher(ctx context.Context, client *http.Client) func(url string) (*x509.RevocationList, error) {
	var mu sync.Mutex
	type entry struct {
		crl *x509.RevocationList
		err error
	}
	cache := map[string]entry{}
	return func(url string) (*x509.RevocationList, error) {
		mu.Lock()
		defer mu.Unlock()
		if e, ok := cache[url]; ok {
			return e.crl, e.err
		}
		crl, err := FetchCRL(ctx, client, url)
		cache[url] = entry{crl, err}
		return crl, err
	}
}
