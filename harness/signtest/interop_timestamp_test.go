//go:build interop

package signtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/internal/interoptest"
)

// TestInteropOpenSSLVerifiesTimestamp: openssl ts -verify accepts the RFC 3161 token signtest puts
// on a signature, over that signature's value, and refuses it over another value.
func TestInteropOpenSSLVerifiesTimestamp(t *testing.T) {
	bin := interoptest.Program(t, "apt-get install openssl", "openssl")
	pki, err := NewPKI()
	if err != nil {
		t.Fatal(err)
	}
	sig, err := pki.Sign(doc, pki.Agency(), SignOptions{TSA: pki.TSA()})
	if err != nil {
		t.Fatal(err)
	}
	p, err := parse(sig)
	if err != nil {
		t.Fatal(err)
	}
	si := p.sd.SignerInfos[0]
	attrs, err := readAttributes(si.UnsignedAttrs.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	token := attrs[oidTimeStampToken.String()]
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tok, value, other := write("token.der", token), write("sigvalue.bin", si.Signature), write("other.bin", []byte("khác"))
	trust, chain := write("trust.pem", pki.TrustPEM()), write("chain.pem", pki.TSA().ChainPEM())
	run := func(data string) (string, error) {
		out, err := exec.Command(bin, "ts", "-verify", "-token_in", "-in", tok, "-data", data, "-CAfile", trust, "-untrusted", chain).CombinedOutput()
		return string(out), err
	}
	if out, err := run(value); err != nil || !strings.Contains(out, "Verification: OK") {
		t.Fatalf("openssl ts -verify refused the token: %v\n%s", err, out)
	}
	if out, err := run(other); err == nil {
		t.Fatalf("openssl ts -verify accepted the token over other data:\n%s", out)
	}
}
