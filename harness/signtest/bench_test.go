package signtest_test

import (
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/signtest"
)

func benchPKI(b *testing.B, alg signtest.Algorithm) *signtest.PKI {
	b.Helper()
	if alg == signtest.ECDSAP256 {
		return testPKI(b)
	}
	pki, err := signtest.NewPKI(signtest.WithAlgorithm(alg))
	if err != nil {
		b.Fatal(err)
	}
	return pki
}

var algs = []struct {
	name string
	alg  signtest.Algorithm
}{{"ECDSA-P256", signtest.ECDSAP256}, {"RSA-2048", signtest.RSA2048}}

// BenchmarkSign signs a 64 KiB document, detached, with the agency certificate.
func BenchmarkSign(b *testing.B) {
	data := make([]byte, 64<<10)
	for _, a := range algs {
		b.Run(a.name, func(b *testing.B) {
			pki := benchPKI(b, a.alg)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := pki.Sign(data, pki.Agency(), signtest.SignOptions{Detached: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkVerifyTimestamped verifies a time-stamped (CAdES-T) signature: twice the chain work.
func BenchmarkVerifyTimestamped(b *testing.B) {
	pki := testPKI(b)
	benchVerify(b, pki, signtest.SignOptions{Detached: true, TSA: pki.TSA()})
}

// BenchmarkVerifyPDF verifies a signed 64 KiB PDF: byte ranges, hex, CMS, chain and CRLs.
func BenchmarkVerifyPDF(b *testing.B) {
	pdf := signtest.NewPDF(strings.Repeat("x", 64<<10))
	pki := testPKI(b)
	signed, err := signtest.SignPDF(pdf, pki.Agency(), signtest.SignOptions{})
	if err != nil {
		b.Fatal(err)
	}
	opts := pki.VerifyOptions()
	b.SetBytes(int64(len(signed)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := signtest.VerifyPDF(signed, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerify verifies that signature: CMS parsing, digest, signature value, chain to the
// trust list and both CRLs.
func BenchmarkVerify(b *testing.B) {
	for _, a := range algs {
		b.Run(a.name, func(b *testing.B) {
			benchVerify(b, benchPKI(b, a.alg), signtest.SignOptions{Detached: true})
		})
	}
}

// benchVerify measures Verify on a 64 KiB document that the agency certificate signs with so.
func benchVerify(b *testing.B, pki *signtest.PKI, so signtest.SignOptions) {
	b.Helper()
	data := make([]byte, 64<<10)
	sig, err := pki.Sign(data, pki.Agency(), so)
	if err != nil {
		b.Fatal(err)
	}
	opts := pki.VerifyOptions()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := signtest.Verify(data, sig, opts); err != nil {
			b.Fatal(err)
		}
	}
}
