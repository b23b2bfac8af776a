//go:build interop

package signtest_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/internal/interoptest"
)

// tool runs a program the PDF interop tests compare with and returns its combined output.
func tool(t *testing.T, name string, args ...string) (string, error) {
	t.Helper()
	bin := interoptest.Program(t, "apt-get install poppler-utils qpdf", name)
	out, err := exec.Command(bin, args...).CombinedOutput()
	return string(out), err
}

// TestInteropPDFSignatures: both ways between SignPDF/VerifyPDF and the PDF programs.
// Files that qpdf writes (a plain rewrite, object and cross-reference streams, a linearized
// file) are read and signed twice by SignPDF; qpdf --check finds the signed files sound, pdfsig
// (poppler) finds both signatures, valid, the last covering the whole document, and VerifyPDF
// agrees. A signed file that qpdf rewrites no longer verifies, for pdfsig or VerifyPDF.
func TestInteropPDFSignatures(t *testing.T) {
	pki := testPKI(t)
	dir := t.TempDir()
	base := filepath.Join(dir, "base.pdf")
	require.NoError(t, os.WriteFile(base, signtest.NewPDF("Kết quả giải quyết thủ tục hành chính"), 0o600))
	out, err := tool(t, "qpdf", "--check", base)
	require.NoError(t, err, "qpdf --check on NewPDF:\n%s", out)

	for _, tc := range []struct {
		name string
		args []string
	}{
		{"as NewPDF writes it", nil},
		{"qpdf rewrite", []string{}},
		{"qpdf object streams", []string{"--object-streams=generate", "--compress-streams=y"}},
		{"qpdf linearized", []string{"--linearize"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := base
			if tc.args != nil {
				in = filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".pdf")
				out, err := tool(t, "qpdf", append(append([]string{}, tc.args...), base, in)...)
				require.NoError(t, err, "qpdf:\n%s", out)
			}
			raw, err := os.ReadFile(in)
			require.NoError(t, err)
			once, err := signtest.SignPDF(raw, pki.Agency(), signtest.SignOptions{})
			require.NoError(t, err)
			twice, err := signtest.SignPDF(once, pki.Organisation(), signtest.SignOptions{TSA: pki.TSA()})
			require.NoError(t, err)
			signed := in + ".signed.pdf"
			require.NoError(t, os.WriteFile(signed, twice, 0o600))

			out, err := tool(t, "qpdf", "--check", signed)
			require.NoError(t, err, "qpdf --check on the signed file:\n%s", out)
			assert.NotContains(t, out, "WARNING")

			out, err = tool(t, "pdfsig", signed)
			require.NoError(t, err, "pdfsig:\n%s", out)
			assert.Equal(t, 2, strings.Count(out, "Signature Validation: Signature is Valid."), "pdfsig:\n%s", out)
			assert.Contains(t, out, "Signature Field Name: Signature1")
			assert.Contains(t, out, "Signature Field Name: Signature2")
			assert.Contains(t, out, "Total document signed", "the last signature covers the file")

			sigs, err := signtest.VerifyPDF(twice, pki.VerifyOptions())
			require.NoError(t, err)
			require.Len(t, sigs, 2)
			assert.Equal(t, signtest.AgencyName, sigs[0].CommonName)
			assert.Equal(t, signtest.OrganisationName, sigs[1].CommonName)

			// qpdf rewrites the whole file: the byte ranges no longer hold what was signed.
			rewritten := signed + ".rewritten.pdf"
			out, err = tool(t, "qpdf", "--object-streams=generate", signed, rewritten)
			require.NoError(t, err, "qpdf:\n%s", out)
			rw, err := os.ReadFile(rewritten)
			require.NoError(t, err)
			_, err = signtest.VerifyPDF(rw, pki.VerifyOptions())
			require.Error(t, err, "VerifyPDF accepted a file rewritten after signing")
			out, _ = tool(t, "pdfsig", rewritten)
			assert.NotContains(t, out, "Total document signed", "pdfsig:\n%s", out)
		})
	}
}

// TestInteropPDFSignedByPoppler: the other way round, a PDF that pdfsig -add-signature (poppler
// with an NSS key database) signs with the PKI's agency key is read and verified by VerifyPDF,
// and found tampered once a byte of it changes. RSA keys: pdfsig 22.12 fails to sign with the
// PKI's ECDSA keys ("unable update signature").
func TestInteropPDFSignedByPoppler(t *testing.T) {
	pki, err := signtest.NewPKI(signtest.WithAlgorithm(signtest.RSA2048))
	require.NoError(t, err)
	dir := t.TempDir()
	agency := pki.Agency()
	key, err := agency.KeyPEM()
	require.NoError(t, err)
	keyFile, certFile, p12 := filepath.Join(dir, "key.pem"), filepath.Join(dir, "cert.pem"), filepath.Join(dir, "agency.p12")
	require.NoError(t, os.WriteFile(keyFile, key, 0o600))
	require.NoError(t, os.WriteFile(certFile, append(agency.CertPEM(), agency.ChainPEM()...), 0o600))
	out, err := openssl(t, "pkcs12", "-export", "-inkey", keyFile, "-in", certFile, "-name", "agency", "-passout", "pass:p06", "-out", p12)
	require.NoError(t, err, "openssl pkcs12:\n%s", out)
	nss := filepath.Join(dir, "nss")
	require.NoError(t, os.Mkdir(nss, 0o700))
	s, err := tool(t, "certutil", "-N", "-d", "sql:"+nss, "--empty-password")
	require.NoError(t, err, "certutil (apt-get install libnss3-tools):\n%s", s)
	s, err = tool(t, "pk12util", "-i", p12, "-d", "sql:"+nss, "-W", "p06")
	require.NoError(t, err, "pk12util:\n%s", s)

	in, signed := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "signed.pdf")
	require.NoError(t, os.WriteFile(in, signtest.NewPDF("Kết quả giải quyết thủ tục hành chính"), 0o600))
	s, err = tool(t, "pdfsig", "-nssdir", "sql:"+nss, "-add-signature", "-nick", "agency", in, signed)
	require.NoError(t, err, "pdfsig -add-signature:\n%s", s)
	b, err := os.ReadFile(signed)
	require.NoError(t, err)

	sigs, err := signtest.VerifyPDF(b, pki.VerifyOptions())
	require.NoError(t, err, "VerifyPDF on poppler's signature")
	require.Len(t, sigs, 1)
	assert.Equal(t, signtest.AgencyName, sigs[0].CommonName)
	assert.True(t, signtest.IsSignedPDF(b))

	// Change one byte the signature covers (in the original document, before the update).
	at := bytes.Index(b, []byte("/MediaBox"))
	require.Greater(t, at, 0)
	tampered := append([]byte(nil), b...)
	tampered[at+1] = 'm'
	_, err = signtest.VerifyPDF(tampered, pki.VerifyOptions())
	assert.ErrorIs(t, err, signtest.ErrTampered)
}
