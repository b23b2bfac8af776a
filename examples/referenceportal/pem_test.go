package referenceportal_test

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/examples/referenceportal"
)

// The PEM is the CA a client needs to trust the portal, and nothing else.
func TestCACertPEM(t *testing.T) {
	for _, d := range []referenceportal.Defects{{}, {TLS10: true}} { // ECDSA and RSA portals
		s, err := referenceportal.Start(referenceportal.Config{Defects: d})
		require.NoError(t, err)
		defer s.Close()
		b := s.CACertPEM()
		block, rest := pem.Decode(b)
		require.NotNil(t, block)
		assert.Empty(t, rest)
		assert.Equal(t, "CERTIFICATE", block.Type)
		ca, err := x509.ParseCertificate(block.Bytes)
		require.NoError(t, err)
		assert.True(t, ca.IsCA)

		pool := x509.NewCertPool()
		require.True(t, pool.AppendCertsFromPEM(b))
		c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
		resp, err := c.Get(s.URL + "/")
		require.NoError(t, err, "a client trusting only the PEM reaches the portal")
		resp.Body.Close()
		c.CloseIdleConnections()

		_, err = (&http.Client{Transport: &http.Transport{}}).Get(s.URL + "/")
		assert.Error(t, err, "without it the portal's certificate is not trusted")
	}
	assert.Nil(t, (&referenceportal.Server{}).CACertPEM())
	assert.Nil(t, (*referenceportal.Server)(nil).CACertPEM())
}
