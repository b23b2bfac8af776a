// Package jose signs and verifies compact JSON Web Signatures (RFC 7515) and JSON Web Tokens
// (RFC 7519) with the standard library's crypto, parses JSON Web Key sets (RFC 7517) and
// validates the claims of OpenID Connect ID tokens.
//
// It is deliberately small: RS256 and ES256 only, compact serialization only, no encryption. The
// fake national SSO (harness/ssotest) signs with it, the identity checks and the example portals
// verify with it.
//
//	keys, err := jose.ParseJWKS(body)          // the provider's jwks_uri document
//	claims, raw, err := jose.VerifyIDToken(idToken, keys, jose.Expected{
//		Issuer:   "https://xacthuc.dichvucong.gov.vn",
//		Audience: "my-portal",
//		Nonce:    nonceFromSession,
//		Now:      time.Now(),
//	})
//	// claims.Subject, claims.ACR …; raw holds every claim (json.Unmarshal it for SoDinhDanh).
//
// A portal keeps the provider's keys in a [RemoteKeySet] (fetched from jwks_uri, refetched when
// the provider rotates its key) and calls [VerifyIDTokenRemote].
//
// # Algorithms
//
// Verification takes the algorithm from the key, never from the token alone: a token whose
// header says "none", "HS256" or anything other than the algorithm of the key selected for it is
// rejected with [ErrAlgorithm]. Keys are selected by the token's "kid"; a token without "kid" is
// accepted only when the set holds exactly one signing key.
//
// # Limits
//
// Tokens longer than [MaxTokenBytes] and key sets with more than [MaxKeys] keys are rejected, so
// that a hostile peer cannot make a verifier allocate without bound. Nothing here panics on bad
// input; every error says which part of the token or key set was wrong.
//
// The package is safe for concurrent use: its values are immutable after construction.
package jose
