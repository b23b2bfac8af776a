package signtest_test

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/ident"
)

func TestServer(t *testing.T) {
	pki := testPKI(t)
	srv := signtest.NewServer(pki)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()

	t.Run("trust list", func(t *testing.T) {
		resp, err := srv.Client().Get(srv.URL + "/trust.pem")
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		blk, _ := pem.Decode(b)
		require.NotNil(t, blk)
		c, err := x509.ParseCertificate(blk.Bytes)
		require.NoError(t, err)
		assert.Equal(t, pki.Root.Cert.Raw, c.Raw)
	})
	t.Run("CRL follows revocations", func(t *testing.T) {
		revoked, err := pki.Issue(ident.DefaultPeople()[7], signtest.Revoked)
		require.NoError(t, err)
		crl, err := signtest.FetchCRL(ctx, srv.Client(), srv.URL+"/crl/intermediate.crl")
		require.NoError(t, err)
		require.NoError(t, crl.CheckSignatureFrom(pki.Intermediate.Cert))
		found := false
		for _, e := range crl.RevokedCertificateEntries {
			found = found || e.SerialNumber.Cmp(revoked.Cert.SerialNumber) == 0
		}
		assert.True(t, found, "the served CRL lists the certificate revoked after the server started")

		// A verifier configured from the server alone rejects the revoked signer.
		root, err := signtest.FetchCRL(ctx, srv.Client(), srv.URL+"/crl/root.crl")
		require.NoError(t, err)
		sig, err := pki.Sign(doc, revoked, signtest.SignOptions{})
		require.NoError(t, err)
		_, err = signtest.Verify(nil, sig, signtest.VerifyOptions{Roots: pki.TrustPool(), CRLs: []*x509.RevocationList{crl, root}, RequireRevocation: true})
		assert.ErrorIs(t, err, signtest.ErrRevoked)
		assert.GreaterOrEqual(t, srv.Requests(), int64(2))
	})
	t.Run("PEM CRLs", func(t *testing.T) {
		crl, err := signtest.FetchCRL(ctx, srv.Client(), srv.URL+"/crls.pem")
		require.NoError(t, err)
		assert.Equal(t, pki.CRLs()[0].Raw, crl.Raw, "the first PEM block is the intermediate's CRL")
	})
	t.Run("missing", func(t *testing.T) {
		_, err := signtest.FetchCRL(ctx, srv.Client(), srv.URL+"/crl/none.crl")
		assert.ErrorContains(t, err, "status 404")
	})
	t.Run("not a CRL", func(t *testing.T) {
		_, err := signtest.FetchCRL(ctx, srv.Client(), srv.URL+"/root.crt")
		assert.ErrorContains(t, err, "parsing CRL")
	})
	t.Run("bad URL", func(t *testing.T) {
		_, err := signtest.FetchCRL(ctx, nil, "http://127.0.0.1:1/\x7f")
		assert.Error(t, err)
	})
}

// A verifier that follows the certificates' CRL distribution points needs no CRL configured.
func TestPKIServerDistributionPoints(t *testing.T) {
	srv, err := signtest.NewPKIServer()
	require.NoError(t, err)
	defer srv.Close()
	pki := srv.PKI
	who := ident.DefaultPeople()[9]
	good, err := pki.Citizen(who)
	require.NoError(t, err)
	assert.Equal(t, []string{srv.URL + "/crl/intermediate.crl"}, good.Cert.CRLDistributionPoints)
	assert.Equal(t, []string{srv.URL + "/crl/root.crl"}, pki.Intermediate.Cert.CRLDistributionPoints)
	assert.Equal(t, []string{srv.URL + "/crl/root.crl"}, pki.Root.Cert.CRLDistributionPoints)
	assert.Empty(t, pki.UntrustedRoot.Cert.CRLDistributionPoints, "the untrusted root is not this repository's")
	revoked, err := pki.Issue(who, signtest.Revoked)
	require.NoError(t, err)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	verify := func(id *signtest.Identity, fetch func(string) (*x509.RevocationList, error)) error {
		sig, err := pki.Sign(doc, id, signtest.SignOptions{})
		require.NoError(t, err)
		_, err = signtest.Verify(nil, sig, signtest.VerifyOptions{Roots: pki.TrustPool(), RequireRevocation: true, FetchCRL: fetch})
		return err
	}
	fetch := signtest.CRLFetcher(ctx, srv.Client())
	assert.NoError(t, verify(good, fetch))
	before := srv.Requests()
	assert.ErrorIs(t, verify(revoked, fetch), signtest.ErrRevoked)
	assert.Equal(t, before, srv.Requests(), "the fetcher asks each distribution point once")
	assert.ErrorIs(t, verify(revoked, signtest.CRLFetcher(ctx, srv.Client())), signtest.ErrRevoked, "a fresh fetcher sees the current CRL")

	// Without a fetcher nothing covers the certificates; a fetcher that fails says why.
	assert.ErrorIs(t, verify(good, nil), signtest.ErrRevocationUnknown)
	err = verify(good, func(string) (*x509.RevocationList, error) { return nil, errors.New("repository down") })
	assert.ErrorIs(t, err, signtest.ErrRevocationUnknown)
	assert.ErrorContains(t, err, "repository down")
	// A CRL signed by someone else does not count.
	other, err := signtest.NewPKI()
	require.NoError(t, err)
	err = verify(good, func(string) (*x509.RevocationList, error) { return other.CRLs()[0], nil })
	assert.ErrorContains(t, err, "is not a current CRL signed by")
}

// Given an old CRL and a newer one from the same issuer, the newer one decides.
func TestLatestCRLWins(t *testing.T) {
	clock := time.Now()
	pki, err := signtest.NewPKI(signtest.WithClock(func() time.Time { return clock }))
	require.NoError(t, err)
	old := pki.CRLs()
	clock = clock.Add(time.Hour)
	revoked, err := pki.Issue(ident.DefaultPeople()[11], signtest.Revoked)
	require.NoError(t, err)
	sig, err := pki.Sign(doc, revoked, signtest.SignOptions{})
	require.NoError(t, err)
	opts := pki.VerifyOptions()
	opts.CRLs = append(append([]*x509.RevocationList(nil), old...), pki.CRLs()...)
	_, err = signtest.Verify(nil, sig, opts)
	assert.ErrorIs(t, err, signtest.ErrRevoked)
	opts.CRLs = append(append([]*x509.RevocationList(nil), pki.CRLs()...), old...)
	_, err = signtest.Verify(nil, sig, opts)
	assert.ErrorIs(t, err, signtest.ErrRevoked, "whatever the order")
}
