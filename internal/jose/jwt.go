package jose

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Errors of claim validation, for errors.Is.
var (
	ErrIssuer   = errors.New("wrong issuer")
	ErrAudience = errors.New("wrong audience")
	ErrExpired  = errors.New("token expired")
	// ErrNotYetValid: iat or nbf lies in the future beyond the leeway.
	ErrNotYetValid = errors.New("token issued in the future")
	ErrNonce       = errors.New("nonce mismatch")
	ErrClaims      = errors.New("bad claims")
)

// Audience is the aud claim: one string or an array of strings (RFC 7519 §4.1.3).
type Audience []string

// UnmarshalJSON accepts a string or an array of strings.
func (a *Audience) UnmarshalJSON(data []byte) error {
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte(`"`)) {
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
		*a = Audience{s}
		return nil
	}
	var l []string
	if err := json.Unmarshal(data, &l); err != nil {
		return fmt.Errorf("aud is neither a string nor an array of strings")
	}
	*a = l
	return nil
}

// MarshalJSON writes a single audience as a string.
func (a Audience) MarshalJSON() ([]byte, error) {
	if len(a) == 1 {
		return json.Marshal(a[0])
	}
	return json.Marshal([]string(a))
}

// Contains reports whether aud is one of the audiences.
func (a Audience) Contains(aud string) bool {
	for _, x := range a {
		if x == aud {
			return true
		}
	}
	return false
}

// Claims are the registered JWT claims and those OpenID Connect adds to ID tokens. Times are
// seconds since the epoch (NumericDate); zero means absent.
type Claims struct {
	Issuer    string   `json:"iss,omitempty"`
	Subject   string   `json:"sub,omitempty"`
	Audience  Audience `json:"aud,omitempty"`
	Expiry    int64    `json:"exp,omitempty"`
	NotBefore int64    `json:"nbf,omitempty"`
	IssuedAt  int64    `json:"iat,omitempty"`
	ID        string   `json:"jti,omitempty"`
	// OpenID Connect Core §2.
	AuthTime        int64  `json:"auth_time,omitempty"`
	Nonce           string `json:"nonce,omitempty"`
	ACR             string `json:"acr,omitempty"`
	AuthorizedParty string `json:"azp,omitempty"`
	AccessTokenHash string `json:"at_hash,omitempty"`
	SessionID       string `json:"sid,omitempty"`
}

// Expected is what a relying party expects of an ID token.
type Expected struct {
	// Issuer must equal iss exactly. Required.
	Issuer string
	// Audience (the client ID) must be among aud; when aud has several values, azp must be
	// Audience too. Required.
	Audience string
	// Nonce, when not empty, must equal the nonce claim.
	Nonce string
	// Now is the verifier's clock. Zero means time.Now().
	Now time.Time
	// Leeway tolerates clock skew on exp, nbf and iat. Zero means 1 minute; negative means none.
	Leeway time.Duration
	// MaxAge, when positive, rejects tokens whose iat is older than MaxAge.
	MaxAge time.Duration
}

// Validate checks the claims against e. It reports the first problem in this order: issuer,
// audience, expiry, issued-in-the-future, age, nonce.
func (c *Claims) Validate(e Expected) error {
	now := e.Now
	if now.IsZero() {
		now = time.Now()
	}
	leeway := e.Leeway
	if leeway == 0 {
		leeway = time.Minute
	} else if leeway < 0 {
		leeway = 0
	}
	if e.Issuer == "" || e.Audience == "" {
		return fmt.Errorf("%w: the verifier must name the expected issuer and audience", ErrClaims)
	}
	if c.Issuer != e.Issuer {
		return fmt.Errorf("%w: iss %q, want %q", ErrIssuer, c.Issuer, e.Issuer)
	}
	if !c.Audience.Contains(e.Audience) {
		return fmt.Errorf("%w: aud %q does not contain %q", ErrAudience, []string(c.Audience), e.Audience)
	}
	if len(c.Audience) > 1 && c.AuthorizedParty != e.Audience {
		return fmt.Errorf("%w: aud has %d values and azp is %q, want %q", ErrAudience, len(c.Audience), c.AuthorizedParty, e.Audience)
	}
	if c.Subject == "" {
		return fmt.Errorf("%w: no sub", ErrClaims)
	}
	if c.Expiry == 0 {
		return fmt.Errorf("%w: no exp", ErrClaims)
	}
	if now.After(time.Unix(c.Expiry, 0).Add(leeway)) {
		return fmt.Errorf("%w: exp %s is before now %s", ErrExpired, time.Unix(c.Expiry, 0).UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	if c.NotBefore != 0 && time.Unix(c.NotBefore, 0).After(now.Add(leeway)) {
		return fmt.Errorf("%w: nbf %s is after now %s", ErrNotYetValid, time.Unix(c.NotBefore, 0).UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	if c.IssuedAt == 0 {
		return fmt.Errorf("%w: no iat", ErrClaims)
	}
	if time.Unix(c.IssuedAt, 0).After(now.Add(leeway)) {
		return fmt.Errorf("%w: iat %s is after now %s", ErrNotYetValid, time.Unix(c.IssuedAt, 0).UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	if e.MaxAge > 0 && now.Sub(time.Unix(c.IssuedAt, 0)) > e.MaxAge+leeway {
		return fmt.Errorf("%w: iat %s is older than %s", ErrExpired, time.Unix(c.IssuedAt, 0).UTC().Format(time.RFC3339), e.MaxAge)
	}
	if e.Nonce != "" && c.Nonce != e.Nonce {
		return fmt.Errorf("%w: nonce %q, want the one sent in the authorization request", ErrNonce, c.Nonce)
	}
	return nil
}

// VerifyIDToken verifies an ID token's signature with keys (by kid) and validates its claims
// against e, as OpenID Connect Core §3.1.3.7 asks of a relying party. It returns the claims and
// the raw payload (for claims beyond [Claims], such as the national SSO's SoDinhDanh).
func VerifyIDToken(token string, keys *JWKSet, e Expected) (*Claims, []byte, error) {
	j, err := Parse(token)
	if err != nil {
		return nil, nil, err
	}
	if _, err := j.VerifySet(keys); err != nil {
		return nil, nil, err
	}
	return validatePayload(j.Payload, e)
}

func validatePayload(payload []byte, e Expected) (*Claims, []byte, error) {
	var c Claims
	if err := unmarshalExact(payload, &c); err != nil {
		return nil, nil, fmt.Errorf("%w: payload is not a JSON claims object: %v", ErrClaims, err)
	}
	if err := c.Validate(e); err != nil {
		return nil, nil, err
	}
	return &c, payload, nil
}
