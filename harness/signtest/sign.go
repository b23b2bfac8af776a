package signtest

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"fmt"
	"time"
)

// SignOptions control [Sign]. The zero value makes an attached signature with
// SHA-256, the signed attributes, the signer's chain and the current time.
type SignOptions struct {
	// Detached leaves the content out of the signature (a ".p7s" beside the document).
	Detached bool
	// Hash is the digest: crypto.SHA256 (default), SHA384 or SHA512.
	Hash crypto.Hash
	// SigningTime is the signingTime attribute. Default: now.
	SigningTime time.Time
	// NoChain includes the signer's certificate only, not its issuing CAs.
	NoChain bool
	// NoCertificates includes no certificate at all: the verifier must know the signer.
	NoCertificates bool
	// NoAttributes signs the content directly, without signed attributes (openssl -noattr). The
	// signature then carries no signing time.
	NoAttributes bool
	// TSA, when not nil, time-stamps the signature (RFC 3161 token in the unsigned attribute
	// signatureTimeStampToken: a CAdES-T signature) as this time-stamping authority, at
	// SigningTime. [PKI.TSA] is the PKI's.
	TSA *Identity
	// NoSigningCertificate leaves out the ESS signing-certificate-v2 attribute (RFC 5035) that
	// binds the signature to the signer's certificate and that CAdES-BES requires.
	NoSigningCertificate bool
}

// Sign makes a CMS SignedData (RFC 5652) over data as signer: one SignerInfo identified by issuer
// and serial number, with the signed attributes contentType, messageDigest, signingTime and
// signingCertificateV2 (a CAdES-BES signature, ETSI EN 319 122-1), the signer's certificate and
// its chain. The result is DER. RSA keys sign with PKCS #1 v1.5, ECDSA
// keys with ECDSA; the digest is SHA-256 unless opts say otherwise.
func Sign(data []byte, signer *Identity, opts SignOptions) ([]byte, error) {
	return sign(data, signer, opts, oidData)
}

// sign signs data whose content type is contentType (id-data, or id-ct-TSTInfo for a time-stamp
// token).
func sign(data []byte, signer *Identity, opts SignOptions, contentType asn1.ObjectIdentifier) ([]byte, error) {
	if signer == nil || signer.Cert == nil || signer.Key == nil {
		return nil, errors.New("signtest: sign: signer has no certificate or key")
	}
	h := opts.Hash
	if h == 0 {
		h = crypto.SHA256
	}
	hashOID, ok := oidByHash(h)
	if !ok || !h.Available() {
		return nil, fmt.Errorf("signtest: sign: hash %v: %w", h, ErrUnsupported)
	}
	var sigAlg pkix.AlgorithmIdentifier
	switch signer.Key.Public().(type) {
	case *rsa.PublicKey:
		// rsaEncryption, as openssl and RFC 5754 section 3.2 write it.
		sigAlg = pkix.AlgorithmIdentifier{Algorithm: oidRSAEncryption, Parameters: asn1.NullRawValue}
	case *ecdsa.PublicKey:
		sigAlg = pkix.AlgorithmIdentifier{Algorithm: map[crypto.Hash]asn1.ObjectIdentifier{
			crypto.SHA256: oidECDSASHA256, crypto.SHA384: oidECDSASHA384, crypto.SHA512: oidECDSASHA512}[h]}
	default:
		return nil, fmt.Errorf("signtest: sign: key type %T: %w", signer.Key.Public(), ErrUnsupported)
	}
	digest := h.New()
	digest.Write(data)
	md := digest.Sum(nil)

	si := signerInfo{
		Version:            1,
		DigestAlgorithm:    pkix.AlgorithmIdentifier{Algorithm: hashOID},
		SignatureAlgorithm: sigAlg,
	}
	serial, err := asn1.Marshal(signer.Cert.SerialNumber)
	if err != nil {
		return nil, fmt.Errorf("signtest: sign: encoding the serial number: %w", err)
	}
	ias, err := asn1.Marshal(issuerAndSerial{
		Issuer:       asn1.RawValue{FullBytes: signer.Cert.RawIssuer},
		SerialNumber: asn1.RawValue{FullBytes: serial},
	})
	if err != nil {
		return nil, fmt.Errorf("signtest: sign: encoding the signer identifier: %w", err)
	}
	si.SID = asn1.RawValue{FullBytes: ias}

	toSign := md
	if !opts.NoAttributes {
		st := opts.SigningTime
		if st.IsZero() {
			st = time.Now()
		}
		attrs, err := signedAttributes(md, st.UTC().Truncate(time.Second), contentType)
		if err != nil {
			return nil, fmt.Errorf("signtest: sign: %w", err)
		}
		if !opts.NoSigningCertificate {
			certHash := sha256.Sum256(signer.Cert.Raw)
			v, err := asn1.Marshal(signingCertificateV2{Certs: []essCertIDv2{{CertHash: certHash[:]}}})
			if err != nil {
				return nil, fmt.Errorf("signtest: sign: encoding signingCertificateV2: %w", err)
			}
			attrs = append(attrs, attribute{Type: oidSigningCertificateV2, Values: setOf(v)})
		}
		set, err := attributeSet(attrs, 0x31)
		if err != nil {
			return nil, fmt.Errorf("signtest: sign: %w", err)
		}
		digest = h.New()
		digest.Write(set)
		toSign = digest.Sum(nil)
		set[0] = 0xa0 // [0] IMPLICIT in the SignerInfo
		si.SignedAttrs = asn1.RawValue{FullBytes: set}
	}
	si.Signature, err = signer.Key.Sign(rand.Reader, toSign, h)
	if err != nil {
		return nil, fmt.Errorf("signtest: sign: signing with the key of %s: %w", signer.Subject(), err)
	}
	if opts.TSA != nil {
		at := opts.SigningTime
		if at.IsZero() {
			at = time.Now()
		}
		token, err := timestampToken(opts.TSA, si.Signature, h, at)
		if err != nil {
			return nil, fmt.Errorf("signtest: sign: time-stamping: %w", err)
		}
		set, err := attributeSet([]attribute{{Type: oidTimeStampToken, Values: setOf(token)}}, 0xa1)
		if err != nil {
			return nil, fmt.Errorf("signtest: sign: %w", err)
		}
		si.UnsignedAttrs = asn1.RawValue{FullBytes: set}
	}

	version := 1
	if !contentType.Equal(oidData) {
		version = 3 // RFC 5652 5.1: eContentType other than id-data
	}
	sd := signedData{
		Version:          version,
		DigestAlgorithms: []pkix.AlgorithmIdentifier{{Algorithm: hashOID}},
		EncapContentInfo: encapContentInfo{EContentType: contentType},
		SignerInfos:      []signerInfo{si},
	}
	if !opts.Detached {
		oct, err := asn1.Marshal(data)
		if err != nil {
			return nil, fmt.Errorf("signtest: sign: encoding the content: %w", err)
		}
		sd.EncapContentInfo.EContent = asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: oct}
	}
	if !opts.NoCertificates {
		var certs []byte
		certs = append(certs, signer.Cert.Raw...)
		if !opts.NoChain {
			for _, c := range signer.Chain {
				certs = append(certs, c.Raw...)
			}
		}
		sd.Certificates = asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: certs}
	}
	inner, err := asn1.Marshal(sd)
	if err != nil {
		return nil, fmt.Errorf("signtest: sign: encoding SignedData: %w", err)
	}
	out, err := asn1.Marshal(contentInfo{ContentType: oidSignedData, Content: explicit0(inner)})
	if err != nil {
		return nil, fmt.Errorf("signtest: sign: encoding ContentInfo: %w", err)
	}
	return out, nil
}

func signedAttributes(md []byte, st time.Time, contentType asn1.ObjectIdentifier) ([]attribute, error) {
	ct, err := asn1.Marshal(contentType)
	if err != nil {
		return nil, err
	}
	mdv, err := asn1.Marshal(md)
	if err != nil {
		return nil, err
	}
	stv, err := asn1.Marshal(st)
	if err != nil {
		return nil, fmt.Errorf("encoding the signing time: %w", err)
	}
	return []attribute{
		{Type: oidContentType, Values: setOf(ct)},
		{Type: oidSigningTime, Values: setOf(stv)},
		{Type: oidMessageDigest, Values: setOf(mdv)},
	}, nil
}
