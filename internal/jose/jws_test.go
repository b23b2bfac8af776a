package jose

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"errors"
	"math/big"
	"strings"
	"testing"
)

// RFC 7515 Appendix A.2: RS256, with the RSA key of its Figure 12 (private members included so
// that signing can be checked to reproduce the published token byte for byte: RSASSA-PKCS1-v1_5
// is deterministic).
const (
	rfc7515N  = "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ"
	rfc7515D  = "Eq5xpGnNCivDflJsRQBXHx1hdR1k6Ulwe2JZD50LpXyWPEAeP88vLNO97IjlA7_GQ5sLKMgvfTeXZx9SE-7YwVol2NXOoAJe46sui395IW_GO-pWJ1O0BkTGoVEn2bKVRUCgu-GjBVaYLU6f3l9kJfFNS3E0QbVdxzubSu3Mkqzjkn439X0M_V51gfpRLI9JYanrC4D4qAdGcopV_0ZHHzQlBjudU2QvXt4ehNYTCBr6XCLQUShb1juUO1ZdiYoFaFQT5Tw8bGUl_x_jTj3ccPDVZFD9pIuhLhBOneufuBiB4cS98l2SR_RQyGWSeWjnczT0QU91p1DhOVRuOopznQ"
	rfc7515P  = "4BzEEOtIpmVdVEZNCqS7baC4crd0pqnRH_5IB3jw3bcxGn6QLvnEtfdUdiYrqBdss1l58BQ3KhooKeQTa9AB0Hw_Py5PJdTJNPY8cQn7ouZ2KKDcmnPGBY5t7yLc1QlQ5xHdwW1VhvKn-nXqhJTBgIPgtldC-KDV5z-y2XDwGUc"
	rfc7515Q  = "uQPEfgmVtjL0Uyyx88GZFF1fOunH3-7cepKmtH4pxhtCoHqpWmT8YAmZxaewHgHAjLYsp1ZSe7zFYHj7C6ul7TjeLQeZD_YwD66t62wDmpe_HlB-TnBA-njbglfIsRLtXlnDzQkv5dTltRJ11BKBBypeeF6689rjcJIDEz9RWdc"
	rfc7515A2 = "eyJhbGciOiJSUzI1NiJ9" +
		".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ" +
		".cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw"
	rfc7515Payload = "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}"

	// RFC 7515 Appendix A.3: ES256 (verification only: ECDSA signatures are randomised).
	rfc7515A3 = "eyJhbGciOiJFUzI1NiJ9" +
		".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ" +
		".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q"
	rfc7515A3Key = `{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}`

	// RFC 7520 §4.1: RS256 with kid, signed by the key of §3.4 (public part only here).
	rfc7520Key     = `{"kty":"RSA","kid":"bilbo.baggins@hobbiton.example","use":"sig","n":"n4EPtAOCc9AlkeQHPzHStgAbgs7bTZLwUBZdR8_KuKPEHLd4rHVTeT-O-XV2jRojdNhxJWTDvNd7nqQ0VEiZQHz_AJmSCpMaJMRBSFKrKb2wqVwGU_NsYOYL-QtiWN2lbzcEe6XC0dApr5ydQLrHqkHHig3RBordaZ6Aj-oBHqFEHYpPe7Tpe-OfVfHd1E6cS6M1FZcD1NNLYD5lFHpPI9bTwJlsde3uhGqC0ZCuEHg8lhzwOHrtIQbS0FVbb9k3-tVTU4fg_3L_vniUFAKwuCLqKnS2BYwdq_mzSnbLY7h_qixoR7jig3__kRhuaxwUkRz5iaiQkqgc5gHdrNP5zw","e":"AQAB"}`
	rfc7520Payload = "It\u2019s a dangerous business, Frodo, going out your door. You step onto the road, and if you don't keep your feet, there\u2019s no knowing where you might be swept off to."
	rfc7520Sig     = "MRjdkly7_-oTPTS3AXP41iQIGKa80A0ZmTuV5MEaHoxnW2e5CZ5NlKtainoFmKZopdHM1O2U4mwzJdQx996ivp83xuglII7PNDi84wnB-BDkoBwA78185hX-Es4JIwmDLJK3lfWRa-XtL0RnltuYv746iYTh_qHRD68BNt1uSNCrUCTJDt5aAE6x8wW1Kt9eRo4QPocSadnHXFxnt8Is9UzpERV0ePPQdLuW3IS_de3xyIrDaLGdjluPxUAhb6L2aXic1U12podGU0KLUQSE_oI-ZnmKJ3F4uOZDnd6QZWJushZ41Axf_fcIe8u9ipH84ogoree7vjbU5y18kDquDg"
)

func b64int(t testing.TB, s string) *big.Int {
	t.Helper()
	b, err := b64.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return new(big.Int).SetBytes(b)
}

func rfc7515Key(t testing.TB) *rsa.PrivateKey {
	k := &rsa.PrivateKey{
		PublicKey: rsa.PublicKey{N: b64int(t, rfc7515N), E: 65537},
		D:         b64int(t, rfc7515D),
		Primes:    []*big.Int{b64int(t, rfc7515P), b64int(t, rfc7515Q)},
	}
	if err := k.Validate(); err != nil {
		t.Fatal(err)
	}
	k.Precompute()
	return k
}

func TestRFC7515A2SignReproducesPublishedToken(t *testing.T) {
	got, err := Sign(rfc7515Key(t), "", "", []byte(rfc7515Payload))
	if err != nil {
		t.Fatal(err)
	}
	if got != rfc7515A2 {
		t.Errorf("Sign = %s\nwant the RFC 7515 A.2 token %s", got, rfc7515A2)
	}
}

func TestRFC7515A2Verify(t *testing.T) {
	j, err := Parse(rfc7515A2)
	if err != nil {
		t.Fatal(err)
	}
	if string(j.Payload) != rfc7515Payload {
		t.Errorf("payload %q", j.Payload)
	}
	if err := j.Verify(&rfc7515Key(t).PublicKey); err != nil {
		t.Errorf("Verify: %v", err)
	}
}

func TestRFC7515A3VerifyES256(t *testing.T) {
	set, err := ParseJWKS([]byte(`{"keys":[` + rfc7515A3Key + `]}`))
	if err != nil {
		t.Fatal(err)
	}
	j, err := Parse(rfc7515A3)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := j.VerifySet(set); err != nil {
		t.Errorf("VerifySet: %v", err)
	}
	j.Signature[63] ^= 1
	if _, err := j.VerifySet(set); !errors.Is(err, ErrSignature) {
		t.Errorf("tampered ES256 signature: err = %v, want ErrSignature", err)
	}
}

func TestRFC7520Section41Verify(t *testing.T) {
	set, err := ParseJWKS([]byte(`{"keys":[` + rfc7520Key + `]}`))
	if err != nil {
		t.Fatal(err)
	}
	token := "eyJhbGciOiJSUzI1NiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9." +
		b64.EncodeToString([]byte(rfc7520Payload)) + "." + rfc7520Sig
	j, err := Parse(token)
	if err != nil {
		t.Fatal(err)
	}
	k, err := j.VerifySet(set)
	if err != nil {
		t.Fatalf("VerifySet: %v", err)
	}
	if k.Kid != "bilbo.baggins@hobbiton.example" {
		t.Errorf("selected kid %q", k.Kid)
	}
}

func TestVerifyRejects(t *testing.T) {
	key := rfc7515Key(t)
	pub, err := NewJWK(&key.PublicKey, "k1")
	if err != nil {
		t.Fatal(err)
	}
	other, _ := rsa.GenerateKey(rand.Reader, 2048)
	otherJWK, _ := NewJWK(&other.PublicKey, "k2")
	set := &JWKSet{Keys: []*JWK{pub, otherJWK}}
	good, err := Sign(key, "k1", "JWT", []byte(`{"a":1}`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := mustParse(t, good).VerifySet(set); err != nil {
		t.Fatalf("good token rejected: %v", err)
	}
	parts := strings.Split(good, ".")
	hs := b64.EncodeToString([]byte(`{"alg":"HS256","kid":"k1"}`))
	flipped := []byte(parts[2])
	if flipped[10] == 'A' {
		flipped[10] = 'B'
	} else {
		flipped[10] = 'A'
	}
	for _, tc := range []struct {
		name  string
		token string
		want  error
	}{
		{"alg none", SignNone([]byte(`{"a":1}`)), ErrAlgorithm},
		{"alg none with kid", b64.EncodeToString([]byte(`{"alg":"none","kid":"k1"}`)) + "." + parts[1] + ".", ErrAlgorithm},
		{"alg confusion HS256", hs + "." + parts[1] + "." + parts[2], ErrAlgorithm},
		{"tampered payload", parts[0] + "." + b64.EncodeToString([]byte(`{"a":2}`)) + "." + parts[2], ErrSignature},
		{"tampered signature", parts[0] + "." + parts[1] + "." + string(flipped), ErrSignature},
		{"signed by another key under k1", resign(t, other, "k1"), ErrSignature},
		{"unknown kid", resign(t, key, "k9"), ErrUnknownKey},
		{"no kid, two keys", resign(t, key, ""), ErrUnknownKey},
		{"crit", b64.EncodeToString([]byte(`{"alg":"RS256","kid":"k1","crit":["exp"]}`)) + "." + parts[1] + "." + parts[2], ErrAlgorithm},
	} {
		t.Run(tc.name, func(t *testing.T) {
			j, err := Parse(tc.token)
			if err == nil {
				_, err = j.VerifySet(set)
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

func resign(t *testing.T, k *rsa.PrivateKey, kid string) string {
	s, err := Sign(k, kid, "JWT", []byte(`{"a":1}`))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mustParse(t *testing.T, s string) *JWS {
	j, err := Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func TestES256RoundTrip(t *testing.T) {
	k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tok, err := Sign(k, "ec", "", []byte("hi"))
	if err != nil {
		t.Fatal(err)
	}
	jwk, _ := NewJWK(&k.PublicKey, "ec")
	if _, err := mustParse(t, tok).VerifySet(&JWKSet{Keys: []*JWK{jwk}}); err != nil {
		t.Error(err)
	}
}

func TestParseMalformed(t *testing.T) {
	for _, tc := range []struct{ name, token string }{
		{"empty", ""},
		{"two parts", "a.b"},
		{"four parts", "a.b.c.d"},
		{"header not base64", "a!.b.c"},
		{"header not JSON", b64.EncodeToString([]byte("not json")) + ".b.c"},
		{"payload not base64", "eyJhbGciOiJSUzI1NiJ9.b!.c"},
		{"signature not base64", "eyJhbGciOiJSUzI1NiJ9.eyJ9.c!"},
		{"too long", strings.Repeat("a", MaxTokenBytes+1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Parse(tc.token); !errors.Is(err, ErrMalformed) {
				t.Errorf("err = %v, want ErrMalformed", err)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{rfc7515A2, rfc7515A3, "a.b.c", "..", "eyJhbGciOiJub25lIn0.e30."} {
		f.Add(s)
	}
	set, _ := ParseJWKS([]byte(`{"keys":[` + rfc7515A3Key + `]}`))
	f.Fuzz(func(t *testing.T, s string) {
		j, err := Parse(s)
		if err != nil {
			return
		}
		_, _ = j.VerifySet(set)
	})
}

func BenchmarkVerifyRS256(b *testing.B) {
	key := rfc7515Key(b)
	jwk, _ := NewJWK(&key.PublicKey, "k")
	set := &JWKSet{Keys: []*JWK{jwk}}
	tok, _ := Sign(key, "k", "JWT", []byte(`{"iss":"x"}`))
	b.ReportAllocs()
	for b.Loop() {
		j, err := Parse(tok)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := j.VerifySet(set); err != nil {
			b.Fatal(err)
		}
	}
}
