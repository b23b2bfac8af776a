package jose_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
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

// A portal keeps the national SSO's keys in a RemoteKeySet: fetched from jwks_uri once, fetched
// again when the provider rotates its key and a token names the new kid.
func ExampleRemoteKeySet() {
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	jwk, _ := jose.NewJWK(&key.PublicKey, "2026-1")
	jwks := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(w).Encode(jose.JWKSet{Keys: []*jose.JWK{jwk}})
	}))
	defer jwks.Close()

	keys := &jose.RemoteKeySet{URL: jwks.URL, Client: jwks.Client()}
	now := time.Now()
	payload, _ := json.Marshal(jose.Claims{Issuer: "https://sso.example", Subject: "c-1", Audience: jose.Audience{"portal"},
		Expiry: now.Add(time.Minute).Unix(), IssuedAt: now.Unix()})
	token, _ := jose.Sign(key, "2026-1", "JWT", payload)

	claims, _, err := jose.VerifyIDTokenRemote(context.Background(), token, keys, jose.Expected{Issuer: "https://sso.example", Audience: "portal"})
	fmt.Println(claims.Subject, err)
	// Output: c-1 <nil>
}
