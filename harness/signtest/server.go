package signtest

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
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

	pki      *PKI
	srv      *httptest.Server
	requests atomic.Int64
}

// NewServer starts a server for pki on 127.0.0.1.
func NewServer(pki *PKI) *Server {
	s := &Server{pki: pki}
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
	serve("/crls.pem", "application/x-pem-file", pki.CRLPEM)
	s.srv = httptest.NewServer(mux)
	s.URL = s.srv.URL
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
