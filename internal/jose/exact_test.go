package jose

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

// TestClaimNamesExact: claim and header names are case-sensitive and appear once; a verifier
// that matched "ISS" to iss would accept tokens the national SSO's relying parties reject.
func TestClaimNamesExact(t *testing.T) {
	key := rfc7515Key(t)
	jwk, _ := NewJWK(&key.PublicKey, "k1")
	set := &JWKSet{Keys: []*JWK{jwk}}
	now := time.Now()
	exp := Expected{Issuer: "https://sso", Audience: "portal", Nonce: "n"}
	sign := func(payload string) string {
		tok, err := Sign(key, "k1", "JWT", []byte(payload))
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	times := `"exp":` + jsonInt(now.Add(time.Minute).Unix()) + `,"iat":` + jsonInt(now.Unix())
	for _, tc := range []struct {
		name, payload string
		want          error
	}{
		{"exact names", `{"iss":"https://sso","sub":"s","aud":"portal","nonce":"n",` + times + `}`, nil},
		{"issuer in capitals", `{"ISS":"https://sso","sub":"s","aud":"portal","nonce":"n",` + times + `}`, ErrIssuer},
		{"audience capitalised", `{"iss":"https://sso","sub":"s","Aud":"portal","nonce":"n",` + times + `}`, ErrAudience},
		{"nonce capitalised", `{"iss":"https://sso","sub":"s","aud":"portal","Nonce":"n",` + times + `}`, ErrNonce},
		{"issuer twice", `{"iss":"https://evil","sub":"s","aud":"portal","nonce":"n",` + times + `,"iss":"https://sso"}`, ErrClaims},
		{"payload not an object", `["iss"]`, ErrClaims},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := VerifyIDToken(sign(tc.payload), set, exp)
			if tc.want == nil && err != nil || tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("VerifyIDToken = %v, want %v", err, tc.want)
			}
		})
	}

	// A header whose alg is spelled "ALG" has no alg; one with alg twice is malformed.
	body := b64.EncodeToString([]byte(`{}`))
	j, err := Parse(b64.EncodeToString([]byte(`{"ALG":"RS256"}`)) + "." + body + ".c2ln")
	if err != nil || j.Header.Alg != "" {
		t.Errorf("header ALG: %+v, %v; want a header without alg", j, err)
	}
	if _, err := Parse(b64.EncodeToString([]byte(`{"alg":"none","alg":"RS256"}`)) + "." + body + ".c2ln"); !errors.Is(err, ErrMalformed) {
		t.Errorf("alg twice: %v, want ErrMalformed", err)
	}
	if _, err := ParseJWKS([]byte(`{"KEYS":[` + rfc7515A3Key + `]}`)); !errors.Is(err, ErrKey) {
		t.Errorf(`key set under "KEYS": %v, want ErrKey`, err)
	}
}

func jsonInt(n int64) string { b, _ := json.Marshal(n); return string(b) }

// TestBase64URLCanonical: each part has one encoding; padding, line breaks and non-zero unused
// bits are refused.
func TestBase64URLCanonical(t *testing.T) {
	header := "eyJhbGciOiJSUzI1NiJ9"
	if _, err := Parse(header + ".e30.c2ln"); err != nil {
		t.Fatalf("canonical token refused: %v", err)
	}
	for name, tok := range map[string]string{
		"unused bits set":  header + ".e31.c2ln", // "e31" decodes to "{}" only if the low bits are ignored
		"padding":          header + ".e30=.c2ln",
		"line break":       header + ".e3\n0.c2ln",
		"carriage return":  header + "\r.e30.c2ln",
		"standard base64":  header + ".e30.c2l+",
		"signature padded": header + ".e30.c2ln==",
	} {
		if _, err := Parse(tok); !errors.Is(err, ErrMalformed) {
			t.Errorf("%s: %v, want ErrMalformed", name, err)
		}
	}
	for name, key := range map[string]string{
		"x with unused bits set": strings.Replace(rfc7515A3Key, "VEU", "VEV", 1),
		"x padded":               strings.Replace(rfc7515A3Key, "VEU", "VEU=", 1),
	} {
		var k JWK
		if err := json.Unmarshal([]byte(key), &k); !errors.Is(err, ErrKey) {
			t.Errorf("%s: %v, want ErrKey", name, err)
		}
	}
	var k JWK
	if err := json.Unmarshal([]byte(rfc7515A3Key), &k); err != nil {
		t.Errorf("canonical key refused: %v", err)
	}
}
