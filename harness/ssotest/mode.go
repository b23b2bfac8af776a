package ssotest

import "fmt"

// Mode is a misbehaviour of the provider, applied to one authorization flow. The identity checks
// log in once per mode and expect the portal to refuse every mode but Normal; together the modes
// are the relying-party tests of the OpenID Foundation's conformance suite that matter for the
// national SSO.
type Mode string

// The misbehaviour modes.
const (
	// Normal: the provider behaves.
	Normal Mode = ""
	// BadSignature: the ID token's signature does not verify (its bytes are altered).
	BadSignature Mode = "bad-signature"
	// AlgNone: the ID token is unsecured: header alg "none", empty signature.
	AlgNone Mode = "alg-none"
	// UnknownKID: the ID token is signed by a key that is not in the JWKS, under a kid the JWKS
	// does not have.
	UnknownKID Mode = "unknown-kid"
	// WrongIssuer: the ID token's iss is another provider.
	WrongIssuer Mode = "wrong-issuer"
	// WrongAudience: the ID token's aud is another client.
	WrongAudience Mode = "wrong-audience"
	// Expired: the ID token expired ten minutes ago.
	Expired Mode = "expired"
	// IssuedInFuture: the ID token's iat and nbf are an hour ahead.
	IssuedInFuture Mode = "issued-in-future"
	// NonceMismatch: the ID token's nonce is not the one of the authorization request.
	NonceMismatch Mode = "nonce-mismatch"
	// StateMismatch: the redirect back to the portal carries another state than the request's.
	StateMismatch Mode = "state-mismatch"
	// ReplayableCode: the authorization code may be redeemed more than once, so that only the
	// portal itself can stop a replayed callback.
	ReplayableCode Mode = "replayable-code"
	// UserinfoSubMismatch: userinfo answers with another citizen's claims, whose sub differs from
	// the ID token's.
	UserinfoSubMismatch Mode = "userinfo-sub-mismatch"
)

// Modes lists every mode but Normal, in a stable order.
func Modes() []Mode {
	return []Mode{BadSignature, AlgNone, UnknownKID, WrongIssuer, WrongAudience, Expired, IssuedInFuture,
		NonceMismatch, StateMismatch, ReplayableCode, UserinfoSubMismatch}
}

// ParseMode returns the mode named s ("" is Normal).
func ParseMode(s string) (Mode, error) {
	if s == "" || s == "normal" {
		return Normal, nil
	}
	for _, m := range Modes() {
		if string(m) == s {
			return m, nil
		}
	}
	return Normal, fmt.Errorf("ssotest: unknown mode %q", s)
}

// String returns the mode's name, "normal" for Normal.
func (m Mode) String() string {
	if m == Normal {
		return "normal"
	}
	return string(m)
}

// Describe says in English what the provider does in this mode, for messages.
func (m Mode) Describe() string {
	switch m {
	case BadSignature:
		return "an ID token with an invalid signature"
	case AlgNone:
		return `an unsigned ID token (alg "none")`
	case UnknownKID:
		return "an ID token signed by a key not in the provider's JWKS (unknown kid)"
	case WrongIssuer:
		return "an ID token from another issuer"
	case WrongAudience:
		return "an ID token for another client (wrong audience)"
	case Expired:
		return "an expired ID token"
	case IssuedInFuture:
		return "an ID token issued in the future"
	case NonceMismatch:
		return "an ID token whose nonce does not match the request's"
	case StateMismatch:
		return "a callback whose state does not match the request's"
	case ReplayableCode:
		return "an authorization code replayed from another browser"
	case UserinfoSubMismatch:
		return "userinfo claims of another citizen (sub different from the ID token's)"
	}
	return "a normal login"
}

// DescribeVI is Describe in Vietnamese.
func (m Mode) DescribeVI() string {
	switch m {
	case BadSignature:
		return "ID token có chữ ký không hợp lệ"
	case AlgNone:
		return `ID token không ký (alg "none")`
	case UnknownKID:
		return "ID token ký bằng khóa không có trong JWKS (kid lạ)"
	case WrongIssuer:
		return "ID token của bên phát hành khác"
	case WrongAudience:
		return "ID token cấp cho ứng dụng khác (sai audience)"
	case Expired:
		return "ID token đã hết hạn"
	case IssuedInFuture:
		return "ID token phát hành ở thời điểm tương lai"
	case NonceMismatch:
		return "ID token có nonce không khớp"
	case StateMismatch:
		return "callback có state không khớp"
	case ReplayableCode:
		return "mã ủy quyền bị dùng lại từ trình duyệt khác"
	case UserinfoSubMismatch:
		return "userinfo trả về thông tin công dân khác (sub khác ID token)"
	}
	return "đăng nhập bình thường"
}
