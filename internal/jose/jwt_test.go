package jose

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func TestClaimsValidate(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	good := Claims{Issuer: "https://sso", Subject: "s", Audience: Audience{"portal"}, Expiry: now.Add(5 * time.Minute).Unix(),
		IssuedAt: now.Unix(), Nonce: "n1"}
	exp := Expected{Issuer: "https://sso", Audience: "portal", Nonce: "n1", Now: now}
	for _, tc := range []struct {
		name string
		mod  func(c *Claims, e *Expected)
		want error
	}{
		{"valid", func(*Claims, *Expected) {}, nil},
		{"wrong issuer", func(c *Claims, _ *Expected) { c.Issuer = "https://evil" }, ErrIssuer},
		{"issuer with trailing slash", func(c *Claims, _ *Expected) { c.Issuer = "https://sso/" }, ErrIssuer},
		{"wrong audience", func(c *Claims, _ *Expected) { c.Audience = Audience{"other"} }, ErrAudience},
		{"several audiences without azp", func(c *Claims, _ *Expected) { c.Audience = Audience{"portal", "other"} }, ErrAudience},
		{"several audiences with azp", func(c *Claims, _ *Expected) { c.Audience = Audience{"portal", "other"}; c.AuthorizedParty = "portal" }, nil},
		{"expired", func(c *Claims, _ *Expected) { c.Expiry = now.Add(-2 * time.Minute).Unix() }, ErrExpired},
		{"expired within leeway", func(c *Claims, _ *Expected) { c.Expiry = now.Add(-30 * time.Second).Unix() }, nil},
		{"no exp", func(c *Claims, _ *Expected) { c.Expiry = 0 }, ErrClaims},
		{"no sub", func(c *Claims, _ *Expected) { c.Subject = "" }, ErrClaims},
		{"issued in the future", func(c *Claims, _ *Expected) { c.IssuedAt = now.Add(time.Hour).Unix() }, ErrNotYetValid},
		{"not before in the future", func(c *Claims, _ *Expected) { c.NotBefore = now.Add(time.Hour).Unix() }, ErrNotYetValid},
		{"too old for max age", func(c *Claims, e *Expected) { c.IssuedAt = now.Add(-time.Hour).Unix(); e.MaxAge = time.Minute }, ErrExpired},
		{"nonce mismatch", func(c *Claims, _ *Expected) { c.Nonce = "n2" }, ErrNonce},
		{"no nonce when one was sent", func(c *Claims, _ *Expected) { c.Nonce = "" }, ErrNonce},
		{"verifier without audience", func(_ *Claims, e *Expected) { e.Audience = "" }, ErrClaims},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, e := good, exp
			tc.mod(&c, &e)
			err := c.Validate(e)
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("Validate = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestAudienceJSON(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
		ok   bool
	}{
		{`"a"`, []string{"a"}, true},
		{`["a","b"]`, []string{"a", "b"}, true},
		{`5`, nil, false},
		{`{"a":1}`, nil, false},
	} {
		var a Audience
		err := json.Unmarshal([]byte(tc.in), &a)
		if (err == nil) != tc.ok || tc.ok && len(a) != len(tc.want) {
			t.Errorf("%s: %v, %v", tc.in, a, err)
		}
	}
	b, _ := json.Marshal(Audience{"x"})
	if string(b) != `"x"` {
		t.Errorf("single audience marshals as %s", b)
	}
}

func TestVerifyIDToken(t *testing.T) {
	key := rfc7515Key(t)
	jwk, _ := NewJWK(&key.PublicKey, "k1")
	set := &JWKSet{Keys: []*JWK{jwk}}
	now := time.Now()
	claims := map[string]any{"iss": "https://sso", "sub": "s", "aud": "portal", "exp": now.Add(time.Minute).Unix(),
		"iat": now.Unix(), "nonce": "n", "SoDinhDanh": "001090000001"}
	payload, _ := json.Marshal(claims)
	tok, _ := Sign(key, "k1", "JWT", payload)
	c, raw, err := VerifyIDToken(tok, set, Expected{Issuer: "https://sso", Audience: "portal", Nonce: "n"})
	if err != nil {
		t.Fatal(err)
	}
	var extra struct{ SoDinhDanh string }
	_ = json.Unmarshal(raw, &extra)
	if c.Subject != "s" || extra.SoDinhDanh != "001090000001" {
		t.Errorf("claims %+v, extra %+v", c, extra)
	}
	if _, _, err := VerifyIDToken(SignNone(payload), set, Expected{Issuer: "https://sso", Audience: "portal"}); !errors.Is(err, ErrAlgorithm) {
		t.Errorf("alg none: %v", err)
	}
	if _, _, err := VerifyIDToken(tok, set, Expected{Issuer: "https://sso", Audience: "other"}); !errors.Is(err, ErrAudience) {
		t.Errorf("audience: %v", err)
	}
}
