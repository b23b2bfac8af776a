package signtest

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"
)

// A certificate substituted for the signer's, with the same key, keeps the signature value valid;
// the signing-certificate-v2 attribute is what catches it.
func TestSigningCertificateSubstitution(t *testing.T) {
	pki, err := NewPKI()
	if err != nil {
		t.Fatal(err)
	}
	agency := pki.Agency()
	tmpl := *agency.Cert
	tmpl.SerialNumber = big.NewInt(424242)
	tmpl.Subject.CommonName = "Kẻ giả mạo"
	tmpl.Subject.Organization = []string{"Kẻ giả mạo"}
	tmpl.Subject.Names = nil
	der, err := x509.CreateCertificate(rand.Reader, &tmpl, pki.Intermediate.Cert, agency.Key.Public(), pki.Intermediate.Key)
	if err != nil {
		t.Fatal(err)
	}
	twin, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := pki.Sign(doc, agency, SignOptions{})
	if err != nil {
		t.Fatal(err)
	}
	swapped, err := rewrite(sig, func(sd *signedData) error {
		serial, err := asn1.Marshal(twin.SerialNumber)
		if err != nil {
			return err
		}
		ias, err := asn1.Marshal(issuerAndSerial{Issuer: asn1.RawValue{FullBytes: twin.RawIssuer}, SerialNumber: asn1.RawValue{FullBytes: serial}})
		if err != nil {
			return err
		}
		sd.SignerInfos[0].SID = asn1.RawValue{FullBytes: ias}
		sd.Certificates = asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true,
			Bytes: append(append([]byte(nil), twin.Raw...), pki.Intermediate.Cert.Raw...)}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_, err = pki.Verify(nil, swapped)
	if !errors.Is(err, ErrTampered) {
		t.Fatalf("certificate substitution: got %v, want ErrTampered", err)
	}

	// Without the attribute the substitution goes unnoticed: why CAdES-BES requires it.
	plain, err := pki.Sign(doc, agency, SignOptions{NoSigningCertificate: true})
	if err != nil {
		t.Fatal(err)
	}
	s, err := pki.Verify(nil, plain)
	if err != nil || s.CAdES {
		t.Fatalf("plain CMS: %v, CAdES %v", err, s != nil && s.CAdES)
	}
}

var doc = []byte("%PDF-1.7\nkết quả\n%%EOF\n")

func TestWeakKeyAndFutureTime(t *testing.T) {
	pki, err := NewPKI()
	if err != nil {
		t.Fatal(err)
	}
	weakKey, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := *pki.Agency().Cert
	tmpl.SerialNumber = big.NewInt(777)
	der, err := x509.CreateCertificate(rand.Reader, &tmpl, pki.Intermediate.Cert, weakKey.Public(), pki.Intermediate.Key)
	if err != nil {
		t.Fatal(err)
	}
	weakCert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	weak := &Identity{Kind: KindAgency, Cert: weakCert, Key: weakKey, Chain: pki.Agency().Chain}
	sig, err := pki.Sign(doc, weak, SignOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pki.Verify(nil, sig); !errors.Is(err, ErrWeakKey) || !strings.Contains(err.Error(), "1024 bits") {
		t.Fatalf("RSA 1024: got %v, want ErrWeakKey naming 1024 bits", err)
	}

	future, err := pki.Sign(doc, pki.Agency(), SignOptions{SigningTime: pki.Now().Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pki.Verify(nil, future); !errors.Is(err, ErrMalformed) || !strings.Contains(err.Error(), "in the future") {
		t.Fatalf("future signing time: got %v", err)
	}
	skewed, err := pki.Sign(doc, pki.Agency(), SignOptions{SigningTime: pki.Now().Add(time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pki.Verify(nil, skewed); err != nil {
		t.Fatalf("a minute of clock skew: %v", err)
	}
}

func TestTwoSigners(t *testing.T) {
	pki, err := NewPKI()
	if err != nil {
		t.Fatal(err)
	}
	a, err := pki.Sign(doc, pki.Agency(), SignOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := pki.Sign(doc, pki.Organisation(), SignOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pb, err := parse(b)
	if err != nil {
		t.Fatal(err)
	}
	both, err := rewrite(a, func(sd *signedData) error {
		sd.SignerInfos = append(sd.SignerInfos, pb.sd.SignerInfos[0])
		sd.Certificates.Bytes = append(append([]byte(nil), sd.Certificates.Bytes...), pki.Organisation().Cert.Raw...)
		sd.Certificates.FullBytes = nil
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s, err := pki.Verify(nil, both)
	if err != nil {
		t.Fatalf("two valid signers: %v", err)
	}
	// SignerInfos is a SET OF: "first" is the first in DER order, either of the two.
	if s.Kind != KindAgency && s.Kind != KindOrganisation {
		t.Fatalf("signer kind %v, want agency or organisation", s.Kind)
	}
	// A second signer whose signature is broken fails the whole.
	broken := append([]byte(nil), pb.sd.SignerInfos[0].Signature...)
	broken[len(broken)/2] ^= 1
	bad, err := rewrite(both, func(sd *signedData) error {
		for i := range sd.SignerInfos {
			if bytes.Equal(sd.SignerInfos[i].Signature, pb.sd.SignerInfos[0].Signature) {
				sd.SignerInfos[i].Signature = broken
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pki.Verify(nil, bad); !errors.Is(err, ErrTampered) {
		t.Fatalf("broken second signer: got %v, want ErrTampered", err)
	}
}
