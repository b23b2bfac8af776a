//go:build interop

package signtest_test

import (
	"bytes"
	"encoding/asn1"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/internal/interoptest"
)

// openssl runs openssl with args and returns its combined output.
func openssl(t *testing.T, args ...string) ([]byte, error) {
	t.Helper()
	bin := interoptest.Program(t, "apt-get install openssl", "openssl")
	return exec.Command(bin, args...).CombinedOutput()
}

type files struct {
	dir, trust, crl, doc, tampered string
}

func writeFiles(t *testing.T, pki *signtest.PKI) files {
	t.Helper()
	dir := t.TempDir()
	f := files{dir: dir, trust: filepath.Join(dir, "trust.pem"), crl: filepath.Join(dir, "crl.pem"),
		doc: filepath.Join(dir, "doc.pdf"), tampered: filepath.Join(dir, "tampered.pdf")}
	require.NoError(t, os.WriteFile(f.trust, pki.TrustPEM(), 0o600))
	// openssl cms has no -CRLfile: it reads CRLs from the -CAfile.
	require.NoError(t, os.WriteFile(f.crl, append(pki.TrustPEM(), pki.CRLPEM()...), 0o600))
	require.NoError(t, os.WriteFile(f.doc, doc, 0o600))
	require.NoError(t, os.WriteFile(f.tampered, signtest.TamperData(doc), 0o600))
	return f
}

func writeIdentity(t *testing.T, dir, name string, id *signtest.Identity) (cert, key, chain string) {
	t.Helper()
	cert, key, chain = filepath.Join(dir, name+".crt"), filepath.Join(dir, name+".key"), filepath.Join(dir, name+"-chain.pem")
	require.NoError(t, os.WriteFile(chain, id.ChainPEM(), 0o600))
	kp, err := id.KeyPEM()
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(cert, id.CertPEM(), 0o600))
	require.NoError(t, os.WriteFile(key, kp, 0o600))
	return cert, key, chain
}

// forEachAlgorithm runs test, as a subtest, on a new PKI of each key algorithm, with its files
// written for openssl.
func forEachAlgorithm(t *testing.T, test func(t *testing.T, pki *signtest.PKI, f files)) {
	for _, alg := range []struct {
		name string
		alg  signtest.Algorithm
	}{{"ECDSA P-256", signtest.ECDSAP256}, {"RSA 2048", signtest.RSA2048}} {
		t.Run(alg.name, func(t *testing.T) {
			pki, err := signtest.NewPKI(signtest.WithAlgorithm(alg.alg))
			require.NoError(t, err)
			test(t, pki, writeFiles(t, pki))
		})
	}
}

// TestInteropOpenSSLVerifiesSigntest: openssl cms -verify accepts what signtest signs, with the
// trust list as -CAfile, and rejects the tampered document.
func TestInteropOpenSSLVerifiesSigntest(t *testing.T) {
	forEachAlgorithm(t, func(t *testing.T, pki *signtest.PKI, f files) {
		citizen, err := pki.Citizen(ident.DefaultPeople()[0])
		require.NoError(t, err)
		for _, tc := range []struct {
			name     string
			signer   *signtest.Identity
			detached bool
			tsa      *signtest.Identity
		}{{"agency attached", pki.Agency(), false, nil}, {"agency detached", pki.Agency(), true, nil},
			{"citizen detached", citizen, true, nil}, {"agency attached, time-stamped", pki.Agency(), false, pki.TSA()}} {
			t.Run(tc.name, func(t *testing.T) {
				sig, err := pki.Sign(doc, tc.signer, signtest.SignOptions{Detached: tc.detached, TSA: tc.tsa})
				require.NoError(t, err)
				sigFile := filepath.Join(f.dir, "sig.p7s")
				require.NoError(t, os.WriteFile(sigFile, sig, 0o600))
				out := filepath.Join(f.dir, "out")
				// -cades: openssl checks the signingCertificateV2 attribute signtest writes.
				args := []string{"cms", "-verify", "-binary", "-cades", "-inform", "DER", "-in", sigFile, "-CAfile", f.crl,
					"-crl_check_all", "-out", out}
				if tc.detached {
					args = append(args, "-content", f.doc)
				}
				res, err := openssl(t, args...)
				require.NoError(t, err, "openssl cms -verify refused a signtest signature:\n%s", res)
				assert.Contains(t, string(res), "Verification successful")
				got, err := os.ReadFile(out)
				require.NoError(t, err)
				assert.Equal(t, doc, got)

				var bad []string
				if tc.detached {
					bad = append(append([]string(nil), args...), "-content", f.tampered) // the later -content wins
				} else {
					forged, err := signtest.TamperAttached(sig)
					require.NoError(t, err)
					forgedFile := filepath.Join(f.dir, "forged.p7s")
					require.NoError(t, os.WriteFile(forgedFile, forged, 0o600))
					bad = append([]string(nil), args...)
					bad[slices.Index(bad, "-in")+1] = forgedFile
				}
				res, err = openssl(t, bad...)
				assert.Error(t, err, "openssl cms -verify accepted tampered content:\n%s", res)
				assert.Contains(t, string(res), "Verification failure", "openssl refused for the right reason")
			})
		}
		t.Run("revoked", func(t *testing.T) {
			revoked, err := pki.Issue(ident.DefaultPeople()[1], signtest.Revoked)
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(f.crl, append(pki.TrustPEM(), pki.CRLPEM()...), 0o600))
			sig, err := pki.Sign(doc, revoked, signtest.SignOptions{})
			require.NoError(t, err)
			sigFile := filepath.Join(f.dir, "revoked.p7s")
			require.NoError(t, os.WriteFile(sigFile, sig, 0o600))
			res, err := openssl(t, "cms", "-verify", "-binary", "-inform", "DER", "-in", sigFile, "-CAfile", f.crl,
				"-crl_check_all", "-out", filepath.Join(f.dir, "out"))
			require.Error(t, err, "openssl accepted a revoked signer:\n%s", res)
			assert.Contains(t, string(res), "revoked")
			_, err = pki.Verify(nil, sig)
			assert.ErrorIs(t, err, signtest.ErrRevoked)
		})
	})
}

// TestInteropSigntestVerifiesOpenSSL: signtest verifies what openssl cms -sign signs with the
// test certificates and keys, attached and detached, DER and PEM, and rejects tampered content.
func TestInteropSigntestVerifiesOpenSSL(t *testing.T) {
	forEachAlgorithm(t, func(t *testing.T, pki *signtest.PKI, f files) {
		who := ident.DefaultPeople()[4]
		citizen, err := pki.Citizen(who)
		require.NoError(t, err)
		cert, key, chain := writeIdentity(t, f.dir, "citizen", citizen)
		for _, tc := range []struct {
			name  string
			extra []string
			det   bool
		}{
			{"attached DER", []string{"-nodetach", "-outform", "DER"}, false},
			{"detached DER", []string{"-outform", "DER"}, true},
			{"attached PEM", []string{"-nodetach", "-outform", "PEM"}, false},
			{"attached streamed BER", []string{"-nodetach", "-outform", "DER", "-stream"}, false},
			{"subject key identifier", []string{"-nodetach", "-outform", "DER", "-keyid"}, false},
			{"SHA-384", []string{"-outform", "DER", "-md", "sha384"}, true},
			{"CAdES-BES", []string{"-nodetach", "-outform", "DER", "-cades"}, false},
		} {
			t.Run(tc.name, func(t *testing.T) {
				sigFile := filepath.Join(f.dir, "sig")
				args := append([]string{"cms", "-sign", "-binary", "-in", f.doc, "-signer", cert, "-inkey", key,
					"-certfile", chain, "-out", sigFile}, tc.extra...)
				res, err := openssl(t, args...)
				require.NoError(t, err, "openssl cms -sign: %s", res)
				sig, err := os.ReadFile(sigFile)
				require.NoError(t, err)
				var data []byte
				if tc.det {
					data = doc
				}
				s, err := pki.Verify(data, sig)
				require.NoError(t, err)
				assert.Equal(t, who.FullName(), s.CommonName)
				assert.Equal(t, signtest.KindCitizen, s.Kind)
				assert.False(t, s.SigningTime.IsZero(), "openssl writes a signingTime attribute")
				assert.True(t, bytes.Equal(doc, s.Content))
				assert.Equal(t, tc.name == "CAdES-BES", s.CAdES, "signingCertificateV2 read when openssl -cades writes it")

				_, err = pki.Verify(signtest.TamperData(doc), sig)
				assert.ErrorIs(t, err, signtest.ErrTampered)
			})
		}
	})
}

// TestInteropOpenSSLVerifiesSignedPDF: the signature SignPDF embeds is a detached CMS over the
// byte ranges that openssl cms -verify accepts, as any PAdES verifier would extract it.
func TestInteropOpenSSLVerifiesSignedPDF(t *testing.T) {
	pki, err := signtest.NewPKI()
	require.NoError(t, err)
	f := writeFiles(t, pki)
	pdf, err := signtest.SignPDF(signtest.NewPDF("Giấy khai sinh"), pki.Agency(), signtest.SignOptions{})
	require.NoError(t, err)
	var r [4]int
	at := bytes.Index(pdf, []byte("/ByteRange ["))
	require.GreaterOrEqual(t, at, 0)
	_, err = fmt.Sscanf(string(pdf[at+len("/ByteRange ["):]), "%d %d %d %d", &r[0], &r[1], &r[2], &r[3])
	require.NoError(t, err)
	content := append(append([]byte(nil), pdf[r[0]:r[0]+r[1]]...), pdf[r[2]:r[2]+r[3]]...)
	padded, err := hex.DecodeString(string(pdf[r[0]+r[1]+1 : r[2]-1]))
	require.NoError(t, err)
	var rv asn1.RawValue // the CMS value, without the zero padding after it
	_, err = asn1.Unmarshal(padded, &rv)
	require.NoError(t, err)
	sig := rv.FullBytes
	contentFile, sigFile := filepath.Join(f.dir, "ranges.bin"), filepath.Join(f.dir, "pdf.p7s")
	require.NoError(t, os.WriteFile(contentFile, content, 0o600))
	require.NoError(t, os.WriteFile(sigFile, sig, 0o600))
	res, err := openssl(t, "cms", "-verify", "-binary", "-cades", "-inform", "DER", "-in", sigFile, "-content", contentFile,
		"-CAfile", f.crl, "-crl_check_all", "-out", filepath.Join(f.dir, "out"))
	require.NoError(t, err, "openssl refused the PDF's signature:\n%s", res)
}

// TestInteropOpenSSLFollowsDistributionPoints: openssl verify -crl_download finds the CRLs
// through the distribution points of certificates from NewPKIServer and refuses the revoked one
// (openssl cms has no -crl_download; the certificates are what matters).
func TestInteropOpenSSLFollowsDistributionPoints(t *testing.T) {
	srv, err := signtest.NewPKIServer()
	require.NoError(t, err)
	defer srv.Close()
	pki := srv.PKI
	f := writeFiles(t, pki)
	who := ident.DefaultPeople()[3]
	for _, tc := range []struct {
		name  string
		state signtest.State
		ok    bool
	}{{"valid", signtest.Valid, true}, {"revoked", signtest.Revoked, false}} {
		t.Run(tc.name, func(t *testing.T) {
			id, err := pki.Issue(who, tc.state)
			require.NoError(t, err)
			leaf, chain := filepath.Join(f.dir, tc.name+".crt"), filepath.Join(f.dir, tc.name+"-chain.pem")
			require.NoError(t, os.WriteFile(leaf, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: id.Cert.Raw}), 0o600))
			require.NoError(t, os.WriteFile(chain, id.ChainPEM(), 0o600))
			before := srv.Requests()
			res, err := openssl(t, "verify", "-CAfile", f.trust, "-untrusted", chain, "-crl_download", "-crl_check_all", leaf)
			assert.Greater(t, srv.Requests(), before, "openssl fetched the CRLs from the distribution points")
			if tc.ok {
				require.NoError(t, err, "openssl: %s", res)
				return
			}
			require.Error(t, err, "openssl accepted a revoked certificate: %s", res)
			assert.Contains(t, string(res), "revoked")
		})
	}
}
