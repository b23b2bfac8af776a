package signtest

import (
	"crypto/rand"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"math/big"
	"testing"
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
