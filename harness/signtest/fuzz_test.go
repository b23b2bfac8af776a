package signtest_test

import (
	"bytes"
	"testing"

	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/ident"
)

// FuzzVerify: Verify never panics on hostile input, always explains a failure with a
// *VerifyError, and never accepts content other than what the PKI's holders signed (forging is
// infeasible, so a mutation that verifies must keep the signed content).
func FuzzVerify(f *testing.F) {
	pki := testPKI(f)
	citizen, err := pki.Citizen(ident.DefaultPeople()[0])
	if err != nil {
		f.Fatal(err)
	}
	for _, o := range []signtest.SignOptions{{}, {Detached: true}, {NoAttributes: true}, {NoChain: true}} {
		for _, id := range []*signtest.Identity{pki.Agency(), citizen} {
			sig, err := pki.Sign(doc, id, o)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(sig, o.Detached)
		}
	}
	stamped, err := pki.Sign(doc, pki.Agency(), signtest.SignOptions{TSA: pki.TSA()})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(stamped, false)
	f.Add([]byte("-----BEGIN CMS-----\nMAA=\n-----END CMS-----\n"), false)
	f.Add([]byte{0x30, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02, 0x00, 0x00}, false)
	opts := pki.VerifyOptions()
	f.Fuzz(func(t *testing.T, sig []byte, detached bool) {
		var data []byte
		if detached {
			data = doc
		}
		s, err := signtest.Verify(data, sig, opts)
		if err != nil {
			var ve *signtest.VerifyError
			if !errorsAs(err, &ve) || ve.Reason == nil {
				t.Fatalf("error %v is not a *VerifyError with a reason", err)
			}
			return
		}
		if s.Signer == nil || len(s.Chain) == 0 {
			t.Fatalf("verified without a signer or chain")
		}
		if !bytes.Equal(s.Content, doc) {
			t.Fatalf("verified content %q that nobody signed", s.Content)
		}
		_ = signtest.IsSignedData(sig)
	})
}
