package jose

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestJWKRoundTrip(t *testing.T) {
	key := rfc7515Key(t)
	k, err := NewJWK(&key.PublicKey, "k1")
	if err != nil {
		t.Fatal(err)
	}
	if k.N != rfc7515N || k.E != "AQAB" {
		t.Errorf("n/e not as in RFC 7515: %s %s", k.N, k.E)
	}
	b, _ := json.Marshal(&JWKSet{Keys: []*JWK{k}})
	set, err := ParseJWKS(b)
	if err != nil {
		t.Fatal(err)
	}
	got, err := set.Select("k1")
	if err != nil || got.Thumbprint() != k.Thumbprint() {
		t.Errorf("Select: %v", err)
	}
}

// RFC 7638 §3.1 gives the thumbprint of the RFC 7517 A.1 RSA key (the key of RFC 7515 A.2).
func TestThumbprintRFC7638(t *testing.T) {
	k := &JWK{Kty: "RSA", N: "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw", E: "AQAB"}
	if got, want := k.Thumbprint(), "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"; got != want {
		t.Errorf("Thumbprint = %s, want %s", got, want)
	}
}

func TestParseJWKSErrors(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"not JSON", `{`},
		{"no keys", `{"keys":[]}`},
		{"short RSA", `{"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB"}]}`},
		{"even exponent", `{"keys":[{"kty":"RSA","n":"` + rfc7515N + `","e":"Ag"}]}`},
		{"bad curve", `{"keys":[{"kty":"EC","crv":"P-384","x":"AA","y":"AA"}]}`},
		{"point off curve", `{"keys":[{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"}]}`},
		{"oct", `{"keys":[{"kty":"oct","k":"AA"}]}`},
		{"encryption key only", `{"keys":[{"kty":"RSA","use":"enc","n":"` + rfc7515N + `","e":"AQAB"}]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := ParseJWKS([]byte(tc.in)); !errors.Is(err, ErrKey) {
				t.Errorf("err = %v, want ErrKey", err)
			}
		})
	}
	// An unusable key beside a good one is skipped, not fatal.
	set, err := ParseJWKS([]byte(`{"keys":[{"kty":"oct","k":"AA"},` + rfc7515A3Key + `]}`))
	if err != nil || len(set.Keys) != 1 {
		t.Errorf("mixed set: %v", err)
	}
}

func FuzzParseJWKS(f *testing.F) {
	f.Add([]byte(`{"keys":[` + rfc7515A3Key + `]}`))
	f.Add([]byte(`{"keys":[` + rfc7520Key + `]}`))
	f.Add([]byte(`{"keys":[{"kty":"EC"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		set, err := ParseJWKS(b)
		if err != nil {
			return
		}
		for _, k := range set.Keys {
			if k.Public() == nil {
				t.Fatalf("parsed key %q without a public key", k.Kid)
			}
		}
	})
}
