package identity

import (
	"context"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/ssotest"
)

// P06-AUTH-03: an ID token with an invalid signature is rejected — a tampered signature, an
// unsigned token (alg "none") and a token signed by a key the provider never published (OpenID
// Connect Core §3.1.3.7 items 6–8; the conformance suite's rp-id_token-bad-sig-rs256,
// rp-id_token-sig-none and rp-id_token-kid-absent tests).
func checkSignature(ctx context.Context, s *check.Session) check.Result {
	return forgedCheck(ctx, s, slotSignature, mWhatSignature,
		ssotest.BadSignature, ssotest.AlgNone, ssotest.UnknownKID)
}

// P06-AUTH-04: an ID token with the wrong issuer or audience is rejected (Core §3.1.3.7 items
// 2–3; rp-id_token-iss-mismatch, rp-id_token-aud).
func checkIssuerAudience(ctx context.Context, s *check.Session) check.Result {
	return forgedCheck(ctx, s, slotIssuer, mWhatIssuer,
		ssotest.WrongIssuer, ssotest.WrongAudience)
}

// P06-AUTH-05: an expired ID token, or one issued in the future, is rejected (Core §3.1.3.7
// items 9–10; rp-id_token-iat).
func checkLifetime(ctx context.Context, s *check.Session) check.Result {
	return forgedCheck(ctx, s, slotLifetime, mWhatLifetime,
		ssotest.Expired, ssotest.IssuedInFuture)
}

// P06-AUTH-06: a callback whose state does not match the browser's, or an ID token whose nonce
// does not match the request's, is rejected (RFC 6749 §10.12, Core §3.1.3.7 item 11;
// rp-id_token-bad-nonce and the state tests).
func checkStateNonce(ctx context.Context, s *check.Session) check.Result {
	return forgedCheck(ctx, s, slotStateNonce, mWhatStateNonce,
		ssotest.StateMismatch, ssotest.NonceMismatch)
}
