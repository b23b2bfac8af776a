package signtest

import (
	"crypto"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"math/big"
	"time"

	"github.com/p06kit/p06kit/harness/msg"
)

// Time-stamps (RFC 3161). Circular 15/2025/TT-BKHCN asks signing software to support them: a
// time-stamp token from a trusted authority fixes when the signature existed, so its
// certificate can be judged at that time even after it expires or is revoked (CAdES-T).

var (
	oidTSTInfo        = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 1, 4}
	oidTimeStampToken = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 16, 2, 14}
	oidKPTimeStamping = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 8}
	oidExtKeyUsage    = asn1.ObjectIdentifier{2, 5, 29, 37}
	// OIDPolicyTimestamp is the policy of the PKI's time-stamps (under the 2.999 example arc).
	OIDPolicyTimestamp = asn1.ObjectIdentifier{2, 999, 6, 9}
)

type messageImprint struct {
	HashAlgorithm pkix.AlgorithmIdentifier
	HashedMessage []byte
}

// tstInfo holds the fields of TSTInfo this package reads; encoding/asn1 ignores the optional
// ones after genTime (accuracy, ordering, nonce, tsa, extensions).
type tstInfo struct {
	Version        int
	Policy         asn1.ObjectIdentifier
	MessageImprint messageImprint
	SerialNumber   *big.Int
	GenTime        time.Time `asn1:"generalized"`
}

// timestampToken makes an RFC 3161 TimeStampToken over a signature value: a SignedData whose
// content is a TSTInfo, signed by tsa with the signingCertificateV2 attribute (RFC 5816).
func timestampToken(tsa *Identity, sigValue []byte, h crypto.Hash, at time.Time) ([]byte, error) {
	hashOID, ok := oidByHash(h)
	if !ok {
		return nil, fmt.Errorf("hash %v: %w", h, ErrUnsupported)
	}
	d := h.New()
	d.Write(sigValue)
	var serial [8]byte
	if _, err := rand.Read(serial[:]); err != nil {
		return nil, err
	}
	info, err := asn1.Marshal(tstInfo{
		Version:        1,
		Policy:         OIDPolicyTimestamp,
		MessageImprint: messageImprint{HashAlgorithm: pkix.AlgorithmIdentifier{Algorithm: hashOID}, HashedMessage: d.Sum(nil)},
		SerialNumber:   new(big.Int).SetBytes(serial[:]),
		GenTime:        at.UTC().Truncate(time.Second),
	})
	if err != nil {
		return nil, err
	}
	return sign(info, tsa, SignOptions{SigningTime: at}, oidTSTInfo)
}

// verifyTimestamp verifies a TimeStampToken over sigValue with opts and returns its time and
// the authority's certificate.
func verifyTimestamp(token, sigValue []byte, signer *x509.Certificate, opts VerifyOptions) (time.Time, *x509.Certificate, error) {
	bad := func(reason error, why msg.Phrase, err error) (time.Time, *x509.Certificate, error) {
		return time.Time{}, nil, verr(reason, signer, msg.P(mTSToken, why), err)
	}
	p, err := parse(token)
	if err != nil {
		return bad(ErrMalformed, msg.P(mTSUnparsable), err)
	}
	if !p.sd.EncapContentInfo.EContentType.Equal(oidTSTInfo) || !p.attached {
		return bad(ErrMalformed, msg.P(mTSNotTSTInfo), nil)
	}
	if len(p.sd.SignerInfos) != 1 {
		return bad(ErrMalformed, msg.P(mTSSigners, len(p.sd.SignerInfos)), nil)
	}
	var info tstInfo
	if _, err := asn1.Unmarshal(p.content, &info); err != nil {
		return bad(ErrMalformed, msg.P(mTSBadTSTInfo), err)
	}
	h, ok := hashByOID(info.MessageImprint.HashAlgorithm.Algorithm)
	if !ok {
		return bad(ErrUnsupported, msg.P(mTSImprintHash, info.MessageImprint.HashAlgorithm.Algorithm), nil)
	}
	d := h.New()
	d.Write(sigValue)
	if string(d.Sum(nil)) != string(info.MessageImprint.HashedMessage) {
		return bad(ErrTampered, msg.P(mTSOtherSignature), nil)
	}
	// The token's own chain is judged now; it must not carry a time-stamp of its own.
	topts := opts
	topts.AtSigningTime = false
	s, err := verifySigner(p, &p.sd.SignerInfos[0], p.content, topts, false)
	if err != nil {
		if ve, ok := err.(*VerifyError); ok {
			ve.explain(msg.P(mTSToken, ve.Why))
		}
		return time.Time{}, nil, err
	}
	if !hasTimeStamping(s.Signer) {
		return bad(ErrUntrusted, msg.P(mTSNotTSA, s.CommonName), nil)
	}
	return info.GenTime, s.Signer, nil
}

// hasTimeStamping: RFC 3161 2.3 asks for exactly the timeStamping purpose, marked critical.
func hasTimeStamping(c *x509.Certificate) bool {
	for _, e := range c.Extensions {
		if e.Id.Equal(oidExtKeyUsage) {
			return e.Critical && len(c.ExtKeyUsage) == 1 && c.ExtKeyUsage[0] == x509.ExtKeyUsageTimeStamping
		}
	}
	return false
}
