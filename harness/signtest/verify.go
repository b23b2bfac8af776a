package signtest

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/subtle"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/p06kit/p06kit/harness/msg"
)

// MaxSignatureBytes bounds the signatures [Verify] reads: larger input is ErrMalformed.
const MaxSignatureBytes = 64 << 20

// maxClockSkew is how far in the future a signing time may be before it is refused.
const maxClockSkew = 5 * time.Minute

// maxCertificates bounds the certificates read from one signature.
const maxCertificates = 64

// VerifyOptions control [Verify]. Roots is required: without a trust list nothing is trusted.
type VerifyOptions struct {
	// Roots is the trust list. If nil, every signature is ErrUntrusted: the system roots are
	// never used, because a Project 06 trust list is not the browser's.
	Roots *x509.CertPool
	// Intermediates are CA certificates the verifier knows besides those in the signature.
	Intermediates []*x509.Certificate
	// Certificates are end-entity certificates the verifier knows, for signatures that carry none.
	Certificates []*x509.Certificate
	// CRLs are revocation lists; a CRL counts for a certificate when its issuer signed it and
	// it is current (NextUpdate not passed).
	CRLs []*x509.RevocationList
	// FetchCRL, when not nil, is asked for the CRL at each http(s) CRL distribution point of a
	// certificate that no CRL of CRLs covers (at most two per certificate). See [CRLFetcher].
	// The CRL it returns counts only if the issuer signed it and it is current.
	FetchCRL func(url string) (*x509.RevocationList, error)
	// RequireRevocation makes a certificate that no current CRL covers an error
	// (ErrRevocationUnknown). Default false: only listed certificates fail.
	RequireRevocation bool
	// AtSigningTime judges validity and revocation at the signing time only, as long-term
	// validation does: the time of a verified time-stamp token when the signature has one, else
	// the signer's signingTime attribute (a claim: trust it only for signatures you keep
	// yourself). Default false: the chain must be valid both at the signing time and now, and any
	// revocation counts.
	AtSigningTime bool
	// Now is the verifier's clock. Default time.Now.
	Now func() time.Time
}

// Signed is a verified signature: who signed, when, and what.
type Signed struct {
	// Signer is the signer's certificate; Chain runs from it to the trusted root.
	Signer *x509.Certificate
	Chain  []*x509.Certificate
	// Kind is the kind of holder, from the certificate (see [Classify]).
	Kind Kind
	// Subject is the signer's subject ([FormatName]); CommonName its CN; Identifier the UID field
	// ("CCCD:…", "MST:…") or empty.
	Subject, CommonName, Identifier string
	// SigningTime is the signingTime attribute, or the zero time when the signature has none.
	SigningTime time.Time
	// Content is what was signed: the encapsulated content, or the data given for a detached
	// signature.
	Content []byte
	// Detached is true when the signature did not carry the content.
	Detached bool
	// Hash is the digest algorithm.
	Hash crypto.Hash
	// CAdES is true when the signature carries the signing-certificate-v2 attribute (CAdES-BES)
	// and it names the signer's certificate.
	CAdES bool
	// Timestamp is the time of a verified RFC 3161 time-stamp token on the signature (CAdES-T),
	// or the zero time; TimestampAuthority the authority's certificate, or nil.
	Timestamp          time.Time
	TimestampAuthority *x509.Certificate
}

// Summary says who signed and when, as a catalogue phrase (package msg): in Vietnamese as
// Circular 15/2025/TT-BKHCN asks verification software to show (signer, signing time in
// Vietnam's time and integrity), in English with the time in UTC.
func (s *Signed) Summary() msg.Phrase {
	t := msg.P(mNoSigningTime)
	if !s.SigningTime.IsZero() {
		t = msg.P(mSignedAt, moment(s.SigningTime))
	}
	return msg.P(mSigned, s.CommonName, s.Kind.Name(), t)
}

// String says who signed and when, in English.
func (s *Signed) String() string { return s.Summary().Render(msg.EN) }

// StringVI says who signed and when, in Vietnamese.
//
// Deprecated: use Summary, a catalogue phrase in either language (s.Summary().Render(msg.VI));
// StringVI goes in the next release.
func (s *Signed) StringVI() string { return s.Summary().Render(msg.VI) }

// Classify says what kind of holder cert was issued to: by the certificate policies of this
// package first, then by the UID field's prefix ("CCCD:", "CMND:" for citizens, "MST:" for
// organisations), then by the CA flag.
func Classify(cert *x509.Certificate) Kind {
	for _, p := range cert.Policies {
		for _, kp := range kindPolicies {
			if p.EqualASN1OID(kp.oid) {
				return kp.kind
			}
		}
	}
	uid := userID(cert)
	switch {
	case strings.HasPrefix(uid, "CCCD:"), strings.HasPrefix(uid, "CMND:"):
		return KindCitizen
	case strings.HasPrefix(uid, "MST:"):
		return KindOrganisation
	}
	if cert.IsCA {
		return KindCA
	}
	if hasTimeStamping(cert) {
		return KindTSA
	}
	return KindUnknown
}

func userID(cert *x509.Certificate) string {
	for _, n := range cert.Subject.Names {
		if n.Type.Equal(OIDUserID) {
			if s, ok := n.Value.(string); ok {
				return s
			}
		}
	}
	return ""
}

// Verify verifies the CMS signature sig. data is the signed content of a detached signature; for
// an attached one it may be nil, or the content the caller expects (a mismatch is ErrTampered).
// Every SignerInfo must verify; the first one's signer is returned.
//
// The checks, in order: the structure (ErrMalformed, ErrUnsigned, ErrNoContent), the
// algorithms (ErrUnsupported), the content digest and the signature value (ErrTampered), the
// key size (ErrWeakKey), the chain to opts.Roots at the signing time (ErrExpired,
// ErrNotYetValid, ErrUntrusted), validity now (ErrExpired) unless opts.AtSigningTime, and
// revocation (ErrRevoked, ErrRevocationUnknown). The error is a *[VerifyError].
func Verify(data, sig []byte, opts VerifyOptions) (*Signed, error) {
	p, err := parse(sig)
	if err != nil {
		return nil, err
	}
	content := p.content
	switch {
	case p.attached && data != nil && !bytes.Equal(data, p.content):
		return nil, verr(ErrTampered, nil, msg.P(mContentDiffers), nil)
	case !p.attached && data == nil:
		return nil, verr(ErrNoContent, nil, msg.Phrase{}, nil)
	case !p.attached:
		content = data
	}
	if len(p.sd.SignerInfos) == 0 {
		return nil, verr(ErrUnsigned, nil, msg.P(mNoSignerInfo), nil)
	}
	var first *Signed
	for i := range p.sd.SignerInfos {
		s, err := verifySigner(p, &p.sd.SignerInfos[i], content, opts, true)
		if err != nil {
			return nil, err
		}
		if first == nil {
			first = s
		}
	}
	first.Detached = !p.attached
	return first, nil
}

// verifySigner verifies one SignerInfo; timestamps says whether to read a time-stamp token in
// its unsigned attributes (not inside a token itself).
func verifySigner(p *parsed, si *signerInfo, content []byte, opts VerifyOptions, timestamps bool) (*Signed, error) {
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	cert, err := findSigner(si.SID, append(append([]*x509.Certificate(nil), p.certs...), opts.Certificates...))
	if err != nil {
		return nil, err
	}
	h, ok := hashByOID(si.DigestAlgorithm.Algorithm)
	if !ok {
		return nil, verr(ErrUnsupported, cert, msg.P(mDigestAlg, si.DigestAlgorithm.Algorithm), nil)
	}
	dg := h.New()
	dg.Write(content)
	md := dg.Sum(nil)

	var signingTime time.Time
	cades := false
	if len(si.SignedAttrs.FullBytes) > 0 {
		set := append([]byte(nil), si.SignedAttrs.FullBytes...)
		set[0] = 0x31 // the signature covers the attributes as a SET (RFC 5652 5.4)
		attrs, err := readAttributes(si.SignedAttrs.Bytes)
		if err != nil {
			return nil, verr(ErrMalformed, cert, msg.P(mSignedAttrs), err)
		}
		ct, ok := attrs[oidContentType.String()]
		var ctOID asn1.ObjectIdentifier
		if !ok || unmarshalAll(ct, &ctOID) != nil {
			return nil, verr(ErrMalformed, cert, msg.P(mContentType), nil)
		}
		if !ctOID.Equal(p.sd.EncapContentInfo.EContentType) {
			return nil, verr(ErrTampered, cert, msg.P(mContentTypeDiffers, ctOID, p.sd.EncapContentInfo.EContentType), nil)
		}
		mdv, ok := attrs[oidMessageDigest.String()]
		var signedMD []byte
		if !ok || unmarshalAll(mdv, &signedMD) != nil {
			return nil, verr(ErrMalformed, cert, msg.P(mMessageDigest), nil)
		}
		if subtle.ConstantTimeCompare(signedMD, md) != 1 {
			return nil, verr(ErrTampered, cert, msg.P(mDigestDiffers), nil)
		}
		if scv, ok := attrs[oidSigningCertificateV2.String()]; ok {
			if err := checkSigningCertificate(scv, cert); err != nil {
				return nil, err
			}
			cades = true
		}
		if stv, ok := attrs[oidSigningTime.String()]; ok {
			if err := unmarshalAll(stv, &signingTime); err != nil {
				return nil, verr(ErrMalformed, cert, msg.P(mSigningTime), err)
			}
		}
		// With signed attributes the signature covers their digest, not the content's.
		dg = h.New()
		dg.Write(set)
		md = dg.Sum(nil)
	} else if !p.sd.EncapContentInfo.EContentType.Equal(oidData) {
		return nil, verr(ErrMalformed, cert, msg.P(mNoAttrs), nil)
	}
	if err := checkSignatureValue(cert, si, h, md); err != nil {
		return nil, err
	}
	if err := checkKeySize(cert); err != nil {
		return nil, err
	}

	if !signingTime.IsZero() && signingTime.After(now().Add(maxClockSkew)) {
		return nil, verr(ErrMalformed, cert, msg.P(mFutureSigning, moment(signingTime)), nil)
	}
	var stamped time.Time
	var tsa *x509.Certificate
	if timestamps && len(si.UnsignedAttrs.FullBytes) > 0 {
		unsigned, err := readAttributes(si.UnsignedAttrs.Bytes)
		if err != nil {
			return nil, verr(ErrMalformed, cert, msg.P(mUnsignedAttrs), err)
		}
		if token, ok := unsigned[oidTimeStampToken.String()]; ok {
			if stamped, tsa, err = verifyTimestamp(token, si.Signature, cert, opts); err != nil {
				return nil, err
			}
			if !signingTime.IsZero() && signingTime.After(stamped.Add(maxClockSkew)) {
				return nil, verr(ErrMalformed, cert, msg.P(mAfterStamp, moment(signingTime), moment(stamped)), nil)
			}
		}
	}
	// The time the chain is judged at: the time-stamp's when there is one (a trusted third party
	// vouches for it), else the signer's claim, else now.
	at := stamped
	if at.IsZero() {
		at = signingTime
	}
	if at.IsZero() {
		at = now()
	}
	chain, err := buildChain(cert, p.certs, at, opts)
	if err != nil {
		return nil, err
	}
	n := now()
	if !opts.AtSigningTime {
		for _, c := range chain {
			if n.After(c.NotAfter) {
				return nil, verr(ErrExpired, cert, msg.P(mExpiredNow, c.Subject.CommonName, date(c.NotAfter), moment(n)), nil)
			}
			if n.Before(c.NotBefore) {
				return nil, verr(ErrNotYetValid, cert, msg.P(mNotYetValidNow, c.Subject.CommonName, date(c.NotBefore)), nil)
			}
		}
	}
	if err := checkRevocation(cert, chain, at, n, opts); err != nil {
		return nil, err
	}
	return &Signed{
		Signer: cert, Chain: chain, Kind: Classify(cert),
		Subject: FormatName(cert.Subject), CommonName: cert.Subject.CommonName, Identifier: userID(cert),
		SigningTime: signingTime, Content: content, Hash: h, CAdES: cades,
		Timestamp: stamped, TimestampAuthority: tsa,
	}, nil
}

// checkSigningCertificate checks that the signing-certificate-v2 attribute names cert: without
// it, a signer's certificate could be swapped for another with the same key.
func checkSigningCertificate(der []byte, cert *x509.Certificate) error {
	var sc signingCertificateV2
	if err := unmarshalAll(der, &sc); err != nil || len(sc.Certs) == 0 {
		return verr(ErrMalformed, cert, msg.P(mSigningCertAttr), err)
	}
	id := sc.Certs[0]
	h := crypto.SHA256
	if len(id.HashAlgorithm.Algorithm) > 0 {
		var ok bool
		if h, ok = hashByOID(id.HashAlgorithm.Algorithm); !ok {
			return verr(ErrUnsupported, cert, msg.P(mSigningCertHash, id.HashAlgorithm.Algorithm), nil)
		}
	}
	d := h.New()
	d.Write(cert.Raw)
	if !bytes.Equal(d.Sum(nil), id.CertHash) {
		return verr(ErrTampered, cert, msg.P(mSigningCertMismatch), nil)
	}
	return nil
}

func unmarshalAll(der []byte, v any) error {
	rest, err := asn1.Unmarshal(der, v)
	if err == nil && len(rest) > 0 {
		err = errors.New("trailing data")
	}
	return err
}

// readAttributes returns the single value of each attribute, keyed by OID. An attribute twice,
// or with other than one value, is malformed (RFC 5652 11).
func readAttributes(b []byte) (map[string][]byte, error) {
	out := map[string][]byte{}
	for len(b) > 0 {
		var a attribute
		var err error
		b, err = asn1.Unmarshal(b, &a)
		if err != nil {
			return nil, err
		}
		if a.Values.Class != asn1.ClassUniversal || a.Values.Tag != asn1.TagSet {
			return nil, fmt.Errorf("attribute %v: values are not a SET", a.Type)
		}
		k := a.Type.String()
		if _, dup := out[k]; dup {
			return nil, fmt.Errorf("attribute %v appears twice", a.Type)
		}
		var v asn1.RawValue
		rest, err := asn1.Unmarshal(a.Values.Bytes, &v)
		if err != nil {
			return nil, fmt.Errorf("attribute %v: %w", a.Type, err)
		}
		if len(rest) > 0 {
			// Only the attributes read here must have one value; others are kept as their first.
			switch k {
			case oidContentType.String(), oidMessageDigest.String(), oidSigningTime.String():
				return nil, fmt.Errorf("attribute %v has more than one value", a.Type)
			}
		}
		out[k] = v.FullBytes
	}
	return out, nil
}

func findSigner(sid asn1.RawValue, certs []*x509.Certificate) (*x509.Certificate, error) {
	switch {
	case sid.Class == asn1.ClassUniversal && sid.Tag == asn1.TagSequence:
		var ias issuerAndSerial
		if err := unmarshalAll(sid.FullBytes, &ias); err != nil {
			return nil, verr(ErrMalformed, nil, msg.P(mBadSignerID), err)
		}
		for _, c := range certs {
			serial, err := asn1.Marshal(c.SerialNumber)
			if err == nil && bytes.Equal(c.RawIssuer, ias.Issuer.FullBytes) && bytes.Equal(serial, ias.SerialNumber.FullBytes) {
				return c, nil
			}
		}
	case sid.Class == asn1.ClassContextSpecific && sid.Tag == 0:
		for _, c := range certs {
			if len(c.SubjectKeyId) > 0 && bytes.Equal(c.SubjectKeyId, sid.Bytes) {
				return c, nil
			}
		}
	default:
		return nil, verr(ErrMalformed, nil, msg.P(mUnknownSignerID), nil)
	}
	return nil, verr(ErrUntrusted, nil, msg.P(mNoSignerCert), nil)
}

func checkSignatureValue(cert *x509.Certificate, si *signerInfo, h crypto.Hash, digest []byte) error {
	alg := si.SignatureAlgorithm.Algorithm
	bad := func(err error) error {
		return verr(ErrTampered, cert, msg.P(mBadValue), err)
	}
	switch {
	case alg.Equal(oidRSAEncryption), alg.Equal(oidSHA256WithRSA), alg.Equal(oidSHA384WithRSA), alg.Equal(oidSHA512WithRSA):
		pub, ok := cert.PublicKey.(*rsa.PublicKey)
		if !ok {
			return verr(ErrMalformed, cert, msg.P(mNotRSA), nil)
		}
		if err := rsa.VerifyPKCS1v15(pub, h, digest, si.Signature); err != nil {
			return bad(err)
		}
	case alg.Equal(oidECPublicKey), alg.Equal(oidECDSASHA256), alg.Equal(oidECDSASHA384), alg.Equal(oidECDSASHA512):
		pub, ok := cert.PublicKey.(*ecdsa.PublicKey)
		if !ok {
			return verr(ErrMalformed, cert, msg.P(mNotECDSA), nil)
		}
		if !ecdsa.VerifyASN1(pub, digest, si.Signature) {
			return bad(nil)
		}
	default:
		return verr(ErrUnsupported, cert, msg.P(mSigAlg, alg), nil)
	}
	return nil
}

func checkKeySize(cert *x509.Certificate) error {
	switch k := cert.PublicKey.(type) {
	case *rsa.PublicKey:
		if n := k.N.BitLen(); n < 2048 {
			return verr(ErrWeakKey, cert, msg.P(mWeakRSA, n), nil)
		}
	case *ecdsa.PublicKey:
		if n := k.Curve.Params().BitSize; n < 256 {
			return verr(ErrWeakKey, cert, msg.P(mWeakECDSA, n), nil)
		}
	}
	return nil
}

// VerifyFile verifies a document as a portal receives it: with a detached signature (sig not
// nil), as an attached CMS SignedData (sig nil, data the CMS), or as a signed PDF (sig nil; the
// last signature of [VerifyPDF] is returned). A document with none of these is ErrUnsigned.
func VerifyFile(data, sig []byte, opts VerifyOptions) (*Signed, error) {
	switch {
	case sig != nil:
		return Verify(data, sig, opts)
	case IsSignedData(data):
		return Verify(nil, data, opts)
	case isPDF(data) && (bytes.Contains(data, []byte("/ByteRange")) || IsSignedPDF(data)):
		// A PDF that names a byte range is judged by VerifyPDF, which reads its structure and
		// says when it cannot, rather than being taken for unsigned.
		all, err := VerifyPDF(data, opts)
		if err != nil {
			return nil, err
		}
		return all[len(all)-1], nil
	}
	return nil, verr(ErrUnsigned, nil, msg.P(mNoSignature), nil)
}
