package signtest

import (
	"bytes"
	"crypto/x509"
	"encoding/asn1"
	"encoding/pem"
	"errors"

	"github.com/p06kit/p06kit/harness/msg"
)

// parsed is a SignedData read from DER.
type parsed struct {
	sd       signedData
	content  []byte
	attached bool
	certs    []*x509.Certificate
}

// parse reads a CMS ContentInfo holding SignedData, BER or DER, raw or PEM.
func parse(sig []byte) (*parsed, error) {
	if len(sig) > MaxSignatureBytes {
		return nil, verr(ErrMalformed, nil, msg.P(mTooLarge, len(sig), MaxSignatureBytes), nil)
	}
	if t := bytes.TrimSpace(sig); bytes.HasPrefix(t, []byte("-----BEGIN")) {
		blk, _ := pem.Decode(t)
		if blk == nil {
			return nil, verr(ErrMalformed, nil, msg.P(mBadPEM), nil)
		}
		sig = blk.Bytes
	}
	if len(sig) == 0 {
		return nil, verr(ErrMalformed, nil, msg.P(mEmpty), nil)
	}
	der, err := berToDER(sig)
	if err != nil {
		return nil, verr(ErrMalformed, nil, msg.P(mNotBER), err)
	}
	var ci contentInfo
	rest, err := asn1.Unmarshal(der, &ci)
	if err != nil {
		return nil, verr(ErrMalformed, nil, msg.P(mNotContentInfo), err)
	}
	if len(rest) > 0 {
		return nil, verr(ErrMalformed, nil, msg.P(mTrailing), nil)
	}
	if !ci.ContentType.Equal(oidSignedData) {
		return nil, verr(ErrMalformed, nil, msg.P(mNotSignedData, ci.ContentType), nil)
	}
	p := &parsed{}
	if rest, err := asn1.Unmarshal(ci.Content.Bytes, &p.sd); err != nil || len(rest) > 0 {
		if err == nil {
			err = errors.New("trailing data")
		}
		return nil, verr(ErrMalformed, nil, msg.P(mBadSignedData), err)
	}
	if ec := p.sd.EncapContentInfo.EContent; len(ec.FullBytes) > 0 {
		var oct []byte
		if rest, err := asn1.Unmarshal(ec.Bytes, &oct); err != nil || len(rest) > 0 {
			if err == nil {
				err = errors.New("trailing data")
			}
			return nil, verr(ErrMalformed, nil, msg.P(mBadEncapContent), err)
		}
		p.content, p.attached = oct, true
	}
	for rest := p.sd.Certificates.Bytes; len(rest) > 0; {
		var rv asn1.RawValue
		var err error
		rest, err = asn1.Unmarshal(rest, &rv)
		if err != nil {
			return nil, verr(ErrMalformed, nil, msg.P(mBadCertSet), err)
		}
		if rv.Class != asn1.ClassUniversal || rv.Tag != asn1.TagSequence {
			continue // other CertificateChoices (attribute certificates) are not used here
		}
		if len(p.certs) == maxCertificates {
			return nil, verr(ErrMalformed, nil, msg.P(mTooManyCerts, maxCertificates), nil)
		}
		c, err := x509.ParseCertificate(rv.FullBytes)
		if err != nil {
			return nil, verr(ErrMalformed, nil, msg.P(mBadCert, len(p.certs)+1), err)
		}
		p.certs = append(p.certs, c)
	}
	return p, nil
}

// IsSignedData reports whether b looks like a CMS SignedData (DER, BER or PEM): a cheap test of
// the outer structure, not a verification.
func IsSignedData(b []byte) bool {
	if len(b) > MaxSignatureBytes {
		return false
	}
	if t := bytes.TrimSpace(b); bytes.HasPrefix(t, []byte("-----BEGIN")) {
		blk, _ := pem.Decode(t)
		if blk == nil {
			return false
		}
		b = blk.Bytes
	}
	if len(b) < 2 || b[0] != 0x30 {
		return false
	}
	der, err := berToDER(b)
	if err != nil {
		return false
	}
	var ci contentInfo
	_, err = asn1.Unmarshal(der, &ci)
	return err == nil && ci.ContentType.Equal(oidSignedData)
}
