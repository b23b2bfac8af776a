package signtest

import (
	"crypto/x509"
	"errors"
	"fmt"

	"github.com/p06kit/p06kit/harness/msg"
)

// The reasons a signature does not verify. [Verify] returns a *[VerifyError] that wraps exactly
// one of them, so callers branch with errors.Is.
var (
	// ErrMalformed: the signature is not a CMS SignedData this package can read.
	ErrMalformed = errors.New("malformed signature")
	// ErrUnsigned: the SignedData has no signer.
	ErrUnsigned = errors.New("no signer in the signature")
	// ErrUnsupported: an algorithm this package does not accept (SHA-1, MD5, RSA-PSS, …).
	ErrUnsupported = errors.New("unsupported algorithm")
	// ErrTampered: the content or the signed attributes do not match the signature.
	ErrTampered = errors.New("content does not match the signature (tampered)")
	// ErrWeakKey: the signer's key is below RSA 2048 / ECDSA 256 bits (Circular 15/2025/TT-BKHCN).
	ErrWeakKey = errors.New("signer key too weak")
	// ErrExpired: a certificate of the chain was not valid at the signing time, or is no longer
	// valid now.
	ErrExpired = errors.New("certificate expired")
	// ErrNotYetValid: a certificate of the chain was not yet valid at the signing time.
	ErrNotYetValid = errors.New("certificate not yet valid")
	// ErrRevoked: a certificate of the chain is listed on its issuer's CRL.
	ErrRevoked = errors.New("certificate revoked")
	// ErrRevocationUnknown: revocation checking is required and no current CRL signed by the
	// issuer covers a certificate of the chain.
	ErrRevocationUnknown = errors.New("revocation status unknown")
	// ErrUntrusted: the chain does not lead to a root of the trust list.
	ErrUntrusted = errors.New("certificate not trusted")
	// ErrNoContent: a detached signature was given no content to verify against.
	ErrNoContent = errors.New("detached signature without content")
)

// VerifyError says why a signature did not verify, and who the signer was when that is known.
type VerifyError struct {
	// Reason is one of the sentinel errors of this package.
	Reason error
	// Signer is the signer's certificate, or nil when the signature could not be read that far.
	Signer *x509.Certificate
	// Why says what exactly was wrong, as a catalogue phrase (package msg): a value of a message,
	// rendered in its language. It is the zero Phrase when there is nothing to add to Reason.
	Why msg.Phrase
	// Detail is Why in English.
	Detail string
	// DetailVI is Why in Vietnamese.
	//
	// Deprecated: use Why (Why.Render(msg.VI)); DetailVI goes in the next release.
	DetailVI string
	// Err is the underlying error, if any.
	Err error
}

func (e *VerifyError) Error() string {
	s := "signtest: " + e.Reason.Error()
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	if e.Signer != nil {
		s += fmt.Sprintf(" (signer %s)", FormatName(e.Signer.Subject))
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Render is the error as a value of a catalogue message: in English its text (Error), in
// Vietnamese the reason and what exactly was wrong.
func (e *VerifyError) Render(lang string) string {
	if lang == msg.EN {
		return e.Error()
	}
	if e.Why.Text.IsZero() {
		return Reason(e).Render(lang)
	}
	return mReasonDetail.Render(lang, Reason(e), e.Why)
}

// Unwrap returns the reason and the underlying error, so errors.Is works on both.
func (e *VerifyError) Unwrap() []error {
	if e.Err != nil {
		return []error{e.Reason, e.Err}
	}
	return []error{e.Reason}
}

// ReasonVI is the Vietnamese name of a verification failure reason, for messages citizens read
// (Circular 15/2025/TT-BKHCN asks for results in Vietnamese).
//
// Deprecated: use Reason, a catalogue phrase in either language (Reason(err).Render(msg.VI));
// ReasonVI goes in the next release.
func ReasonVI(err error) string { return Reason(err).Render(msg.VI) }

// verr is a VerifyError for reason, saying why (the zero Phrase: nothing to add).
func verr(reason error, signer *x509.Certificate, why msg.Phrase, err error) *VerifyError {
	e := &VerifyError{Reason: reason, Signer: signer, Err: err}
	e.explain(why)
	return e
}

// explain sets Why, and Detail and DetailVI from it.
func (e *VerifyError) explain(why msg.Phrase) {
	e.Why, e.Detail, e.DetailVI = why, "", ""
	if !why.Text.IsZero() {
		e.Detail, e.DetailVI = why.Render(msg.EN), why.Render(msg.VI)
	}
}
