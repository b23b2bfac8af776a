package jose_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/p06kit/p06kit/internal/jose"
)

// A relying party verifies an ID token with the provider's key set.
func ExampleVerifyIDToken() {
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	jwk, _ := jose.NewJWK(&key.PublicKey, "2026-1")
	set := &jose.JWKSet{Keys: []*jose.JWK{jwk}}

	now := time.Now()
	payload, _ := json.Marshal(jose.Claims{Issuer: "https://sso.example", Subject: "c-1", Audience: jose.Audience{"portal"},
		Expiry: now.Add(5 * time.Minute).Unix(), IssuedAt: now.Unix(), Nonce: "n-1"})
	token, _ := jose.Sign(key, "2026-1", "JWT", payload)

	claims, _, err := jose.VerifyIDToken(token, set, jose.Expected{Issuer: "https://sso.example", Audience: "portal", Nonce: "n-1"})
	fmt.Println(claims.Subject, err)

	_, _, err = jose.VerifyIDToken(token, set, jose.Expected{Issuer: "https://sso.example", Audience: "another-portal"})
	fmt.Println(errors.Is(err, jose.ErrAudience))
	// Output:
	// c-1 <nil>
	// true
}
