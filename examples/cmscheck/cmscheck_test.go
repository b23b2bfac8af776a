package cmscheck_test

import (
	"crypto"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
	"testing"

	"github.com/smallstep/pkcs7"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/examples/cmscheck"
	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/ident"
)

var algorithms = map[string]signtest.Algorithm{"ECDSA P-256": signtest.ECDSAP256, "RSA 2048": signtest.RSA2048}

var hashes = map[crypto.Hash]asn1.ObjectIdentifier{
	crypto.SHA256: pkcs7.OIDDigestAlgorithmSHA256,
	crypto.SHA384: pkcs7.OIDDigestAlgorithmSHA384,
	crypto.SHA512: pkcs7.OIDDigestAlgorithmSHA512,
}

// What signtest signs, smallstep/pkcs7 verifies: every key algorithm, digest, attached and
// detached, with the signer signtest signed as.
func TestSigntestSignaturesVerifyWithPKCS7(t *testing.T) {
	doc := []byte("%PDF-1.7 … Giấy khai sinh …")
	for name, alg := range algorithms {
		pki, err := signtest.NewPKI(signtest.WithAlgorithm(alg))
		require.NoError(t, err)
		for h := range hashes {
			for _, detached := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%v/detached=%v", name, h, detached), func(t *testing.T) {
					sig, err := pki.Sign(doc, pki.Agency(), signtest.SignOptions{Hash: h, Detached: detached})
					require.NoError(t, err)
					content := []byte(nil)
					if detached {
						content = doc
					}
					signer, err := cmscheck.Verify(sig, content, pki.TrustPool(), pki.Now())
					require.NoError(t, err)
					assert.True(t, signer.Equal(pki.Agency().Cert), "pkcs7 names the signer signtest signed as")

					// And the edits signtest makes on purpose are refused by pkcs7 too.
					bad, err := signtest.TamperSignature(sig)
					require.NoError(t, err)
					_, err = cmscheck.Verify(bad, content, pki.TrustPool(), pki.Now())
					assert.Error(t, err, "a flipped signature bit")
					if detached {
						_, err = cmscheck.Verify(sig, signtest.TamperData(doc), pki.TrustPool(), pki.Now())
					} else {
						bad, err = signtest.TamperAttached(sig)
						require.NoError(t, err)
						_, err = cmscheck.Verify(bad, nil, pki.TrustPool(), pki.Now())
					}
					assert.Error(t, err, "an edited document")
				})
			}
		}
	}
}

// What smallstep/pkcs7 signs, signtest verifies, with the signer pkcs7 signed as; an edited
// document is refused as tampered.
func TestPKCS7SignaturesVerifyWithSigntest(t *testing.T) {
	doc := []byte("Tờ khai đăng ký khai sinh")
	for name, alg := range algorithms {
		pki, err := signtest.NewPKI(signtest.WithAlgorithm(alg))
		require.NoError(t, err)
		citizen, err := pki.Citizen(ident.DefaultPeople()[0])
		require.NoError(t, err)
		for h, oid := range hashes {
			for _, detached := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%v/detached=%v", name, h, detached), func(t *testing.T) {
					sd, err := pkcs7.NewSignedData(doc)
					require.NoError(t, err)
					sd.SetDigestAlgorithm(oid)
					require.NoError(t, sd.AddSignerChain(citizen.Cert, citizen.Key, citizen.Chain, pkcs7.SignerInfoConfig{}))
					if detached {
						sd.Detach()
					}
					sig, err := sd.Finish()
					require.NoError(t, err)

					signed, err := pki.Verify(doc, sig)
					require.NoError(t, err)
					assert.True(t, signed.Signer.Equal(citizen.Cert))
					assert.Equal(t, h, signed.Hash)
					assert.Equal(t, detached, signed.Detached)
					assert.Equal(t, doc, signed.Content)
					assert.False(t, signed.CAdES, "pkcs7 adds no signing-certificate-v2 attribute: not CAdES-BES, as signtest reports")

					_, err = pki.Verify(signtest.TamperData(doc), sig)
					assert.ErrorIs(t, err, signtest.ErrTampered)
				})
			}
		}
	}
}

// The refusals of signtest's test cases, as smallstep/pkcs7 judges them. pkcs7 checks the
// signature, the chain to the trust list and validity at the signing time; it has no revocation
// checking, so a signature by a revoked certificate passes it: the one case where the two differ,
// and the reason P06-SIG criteria are judged by signtest, which requires revocation information.
func TestSigntestCasesAsPKCS7JudgesThem(t *testing.T) {
	pki, err := signtest.NewPKI()
	require.NoError(t, err)
	doc := []byte("tờ khai")
	cases, err := pki.Cases(doc, ident.DefaultPeople()[0])
	require.NoError(t, err)
	require.NotEmpty(t, cases)
	seen := map[string]bool{}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			_, sigErr := pki.VerifyFile(c.Data, c.Signature)
			require.True(t, errors.Is(sigErr, c.Want) || c.Want == nil && sigErr == nil, "signtest: %v, want %v", sigErr, c.Want)
			content := c.Data
			if p7, err := pkcs7.Parse(c.Signature); err == nil && len(p7.Content) > 0 {
				content = nil
			}
			_, p7Err := cmscheck.Verify(c.Signature, content, pki.TrustPool(), pki.Now())
			switch {
			case c.Want == nil:
				assert.NoError(t, p7Err, "a valid signature")
			case errors.Is(c.Want, signtest.ErrRevoked):
				assert.NoError(t, p7Err, "pkcs7 does not check revocation (documented difference)")
			default:
				assert.Error(t, p7Err, "signtest refuses it as %v; pkcs7 must refuse it too", c.Want)
			}
			seen[c.Name] = true
		})
	}
	for _, name := range []string{"valid", "tampered document", "tampered signature", "expired certificate", "revoked certificate", "untrusted issuer"} {
		assert.True(t, seen[name], "case %q ran", name)
	}
}

func TestVerifyNeedsATrustList(t *testing.T) {
	_, err := cmscheck.Verify([]byte{0x30}, nil, nil, x509.Certificate{}.NotAfter)
	assert.ErrorContains(t, err, "no trust list")
}
