package signtest

import (
	"crypto/x509"
	"errors"
	"fmt"
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
	// Detail says what exactly was wrong, in English.
	Detail string
	// DetailVI is Detail in Vietnamese.
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

// Unwrap returns the reason and the underlying error, so errors.Is works on both.
func (e *VerifyError) Unwrap() []error {
	if e.Err != nil {
		return []error{e.Reason, e.Err}
	}
	return []error{e.Reason}
}

// ReasonVI is the Vietnamese name of a verification failure reason, for messages citizens read
// (Circular 15/2025/TT-BKHCN asks for results in Vietnamese).
func ReasonVI(err error) string {
	switch {
	case errors.Is(err, ErrTampered):
		return "nội dung đã bị thay đổi sau khi ký"
	case errors.Is(err, ErrExpired):
		return "chứng thư số đã hết hạn"
	case errors.Is(err, ErrNotYetValid):
		return "chứng thư số chưa có hiệu lực"
	case errors.Is(err, ErrRevoked):
		return "chứng thư số đã bị thu hồi"
	case errors.Is(err, ErrRevocationUnknown):
		return "không xác định được tình trạng thu hồi"
	case errors.Is(err, ErrUntrusted):
		return "chứng thư số không thuộc danh sách tin cậy"
	case errors.Is(err, ErrWeakKey):
		return "khóa ký quá yếu"
	case errors.Is(err, ErrUnsupported):
		return "thuật toán không được hỗ trợ"
	case errors.Is(err, ErrUnsigned):
		return "không có chữ ký"
	case errors.Is(err, ErrNoContent):
		return "thiếu nội dung được ký"
	case errors.Is(err, ErrMalformed):
		return "chữ ký không đúng định dạng CMS"
	case err == nil:
		return "hợp lệ"
	}
	return "lỗi kiểm tra chữ ký"
}

func verr(reason error, signer *x509.Certificate, detail, detailVI string, err error) *VerifyError {
	return &VerifyError{Reason: reason, Signer: signer, Detail: detail, DetailVI: detailVI, Err: err}
}
