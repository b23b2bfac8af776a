//go:build interop

package jose

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/asn1"
	"encoding/pem"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/internal/interoptest"
)

func writePEM(t *testing.T, path, typ string, der []byte) {
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}

type ecdsaSig struct{ R, S *big.Int }

// OpenSSL verifies the signatures this package makes, and this package verifies OpenSSL's.
func TestInteropOpenSSL(t *testing.T) {
	bin := interoptest.Program(t, "apt-get install openssl", "openssl")
	dir := t.TempDir()
	rsaKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	ecKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	payload := []byte(`{"iss":"https://xacthuc.dichvucong.gov.vn","sub":"c-1"}`)

	for _, tc := range []struct{ name string }{{"RS256"}, {"ES256"}} {
		t.Run("openssl verifies "+tc.name, func(t *testing.T) {
			var tok string
			var pub any
			if tc.name == "RS256" {
				tok, _ = Sign(rsaKey, "k", "JWT", payload)
				pub = &rsaKey.PublicKey
			} else {
				tok, _ = Sign(ecKey, "k", "JWT", payload)
				pub = &ecKey.PublicKey
			}
			j, err := Parse(tok)
			if err != nil {
				t.Fatal(err)
			}
			sig := j.Signature
			if tc.name == "ES256" {
				sig, _ = asn1.Marshal(ecdsaSig{new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])})
			}
			der, _ := x509.MarshalPKIXPublicKey(pub)
			writePEM(t, filepath.Join(dir, "pub.pem"), "PUBLIC KEY", der)
			_ = os.WriteFile(filepath.Join(dir, "input"), []byte(j.signingInput), 0o600)
			_ = os.WriteFile(filepath.Join(dir, "sig"), sig, 0o600)
			out, err := exec.Command(bin, "dgst", "-sha256", "-verify", filepath.Join(dir, "pub.pem"),
				"-signature", filepath.Join(dir, "sig"), filepath.Join(dir, "input")).CombinedOutput()
			if err != nil || !strings.Contains(string(out), "Verified OK") {
				t.Fatalf("openssl: %v: %s", err, out)
			}
		})
		t.Run("jose verifies openssl's "+tc.name, func(t *testing.T) {
			var der []byte
			var pub any
			if tc.name == "RS256" {
				der, pub = x509.MarshalPKCS1PrivateKey(rsaKey), &rsaKey.PublicKey
				writePEM(t, filepath.Join(dir, "priv.pem"), "RSA PRIVATE KEY", der)
			} else {
				der, _ = x509.MarshalECPrivateKey(ecKey)
				pub = &ecKey.PublicKey
				writePEM(t, filepath.Join(dir, "priv.pem"), "EC PRIVATE KEY", der)
			}
			input := b64.EncodeToString([]byte(`{"alg":"`+tc.name+`","kid":"k"}`)) + "." + b64.EncodeToString(payload)
			_ = os.WriteFile(filepath.Join(dir, "input"), []byte(input), 0o600)
			out, err := exec.Command(bin, "dgst", "-sha256", "-sign", filepath.Join(dir, "priv.pem"),
				"-out", filepath.Join(dir, "sig"), filepath.Join(dir, "input")).CombinedOutput()
			if err != nil {
				t.Fatalf("openssl: %v: %s", err, out)
			}
			sig, _ := os.ReadFile(filepath.Join(dir, "sig"))
			if tc.name == "ES256" {
				var s ecdsaSig
				if _, err := asn1.Unmarshal(sig, &s); err != nil {
					t.Fatal(err)
				}
				sig = make([]byte, 64)
				s.R.FillBytes(sig[:32])
				s.S.FillBytes(sig[32:])
			}
			j, err := Parse(input + "." + b64.EncodeToString(sig))
			if err != nil {
				t.Fatal(err)
			}
			if err := j.Verify(pub); err != nil {
				t.Errorf("Verify: %v", err)
			}
		})
	}
}
