package ssotest

import (
	"fmt"

	"github.com/p06kit/p06kit/harness/msg"
)

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

// modeTexts say what the provider does in each mode: messages of p06kit's catalogue (package
// msg), rendered in the language of the finding that names the mode.
var modeTexts = map[Mode]msg.Text{
	Normal:              msg.New("ssotest.mode.normal", "a normal login", "đăng nhập bình thường"),
	BadSignature:        msg.New("ssotest.mode.bad-signature", "an ID token with an invalid signature", "ID token có chữ ký không hợp lệ"),
	AlgNone:             msg.New("ssotest.mode.alg-none", `an unsigned ID token (alg "none")`, "ID token không ký (alg `none`)"),
	UnknownKID:          msg.New("ssotest.mode.unknown-kid", "an ID token signed by a key not in the provider's JWKS (unknown kid)", "ID token ký bằng khóa không có trong JWKS (kid lạ)"),
	WrongIssuer:         msg.New("ssotest.mode.wrong-issuer", "an ID token from another issuer", "ID token của bên phát hành khác"),
	WrongAudience:       msg.New("ssotest.mode.wrong-audience", "an ID token for another client (wrong audience)", "ID token cấp cho ứng dụng khác (sai audience)"),
	Expired:             msg.New("ssotest.mode.expired", "an expired ID token", "ID token đã hết hạn"),
	IssuedInFuture:      msg.New("ssotest.mode.issued-in-future", "an ID token issued in the future", "ID token phát hành ở thời điểm tương lai"),
	NonceMismatch:       msg.New("ssotest.mode.nonce-mismatch", "an ID token whose nonce does not match the request's", "ID token có nonce không khớp"),
	StateMismatch:       msg.New("ssotest.mode.state-mismatch", "a callback whose state does not match the request's", "callback có state không khớp"),
	ReplayableCode:      msg.New("ssotest.mode.replayable-code", "an authorization code replayed from another browser", "mã ủy quyền bị dùng lại từ trình duyệt khác"),
	UserinfoSubMismatch: msg.New("ssotest.mode.userinfo-sub-mismatch", "userinfo claims of another citizen (sub different from the ID token's)", "userinfo trả về thông tin công dân khác (sub khác ID token)"),
}

// Phrase says what the provider does in this mode, as a catalogue phrase (package msg): it
// renders in the language of the message it is part of.
func (m Mode) Phrase() msg.Phrase {
	t, ok := modeTexts[m]
	if !ok {
		t = modeTexts[Normal]
	}
	return msg.P(t)
}

// Describe says in English what the provider does in this mode (Phrase in English).
func (m Mode) Describe() string { return m.Phrase().Render(msg.EN) }

// DescribeVI is Describe in Vietnamese.
//
// Deprecated: use Phrase, which renders in the language of the message it is part of.
// DescribeVI is kept for one release and then removed.
func (m Mode) DescribeVI() string { return m.Phrase().Render(msg.VI) }
