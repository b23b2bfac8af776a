package jose

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// The algorithms this package implements (RFC 7518 §3.1).
const (
	RS256 = "RS256"
	ES256 = "ES256"
	// None is the unsecured algorithm. It is never accepted by Verify; [SignNone] produces it so
	// that tests can check that verifiers reject it.
	None = "none"
)

// MaxTokenBytes bounds the length of a compact JWS this package will parse.
const MaxTokenBytes = 64 << 10

// Errors callers may branch on with errors.Is.
var (
	// ErrMalformed: the token is not a compact JWS (three base64url parts, JSON header).
	ErrMalformed = errors.New("malformed JWS")
	// ErrAlgorithm: the header's alg is missing, unsupported, "none" or not the key's algorithm.
	ErrAlgorithm = errors.New("unacceptable signature algorithm")
	// ErrSignature: the signature does not verify with the key.
	ErrSignature = errors.New("invalid signature")
	// ErrUnknownKey: no key of the set has the token's kid.
	ErrUnknownKey = errors.New("no key for the token's kid")
)

// Header is the protected header of a JWS.
type Header struct {
	Alg string `json:"alg"`
	Kid string `json:"kid,omitempty"`
	Typ string `json:"typ,omitempty"`
	// Crit lists extensions the signer requires the verifier to understand; this package
	// understands none, so a token with Crit is rejected (RFC 7515 §4.1.11).
	Crit []string `json:"crit,omitempty"`
}

// JWS is a parsed, not yet verified, compact JWS.
type JWS struct {
	Header Header
	// Payload is the decoded payload. Do not trust it before Verify succeeds.
	Payload []byte
	// Signature is the decoded signature.
	Signature []byte
	// signingInput is the first two parts as they appeared, dot-separated.
	signingInput string
}

var b64 = base64.RawURLEncoding

// Parse splits and decodes a compact JWS without verifying it.
func Parse(token string) (*JWS, error) {
	if len(token) > MaxTokenBytes {
		return nil, fmt.Errorf("%w: %d bytes, more than the limit of %d", ErrMalformed, len(token), MaxTokenBytes)
	}
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil, fmt.Errorf("%w: %d parts separated by dots, want 3", ErrMalformed, len(parts))
	}
	rawHeader, err := decodeB64(parts[0])
	if err != nil {
		return nil, fmt.Errorf("%w: header is not base64url: %v", ErrMalformed, err)
	}
	var h Header
	if err := unmarshalExact(rawHeader, &h); err != nil {
		return nil, fmt.Errorf("%w: header is not a JSON object: %v", ErrMalformed, err)
	}
	payload, err := decodeB64(parts[1])
	if err != nil {
		return nil, fmt.Errorf("%w: payload is not base64url: %v", ErrMalformed, err)
	}
	sig, err := decodeB64(parts[2])
	if err != nil {
		return nil, fmt.Errorf("%w: signature is not base64url: %v", ErrMalformed, err)
	}
	return &JWS{Header: h, Payload: payload, Signature: sig, signingInput: parts[0] + "." + parts[1]}, nil
}

// Verify checks the signature with pub, an *rsa.PublicKey (RS256) or an *ecdsa.PublicKey on
// P-256 (ES256). The header's alg must be the key's algorithm.
func (j *JWS) Verify(pub crypto.PublicKey) error {
	if len(j.Header.Crit) > 0 {
		return fmt.Errorf("%w: header has crit %q, which this verifier does not understand", ErrAlgorithm, j.Header.Crit)
	}
	want, err := algFor(pub)
	if err != nil {
		return err
	}
	if j.Header.Alg != want {
		return fmt.Errorf("%w: header alg %q, the key is for %s", ErrAlgorithm, j.Header.Alg, want)
	}
	digest := sha256.Sum256([]byte(j.signingInput))
	switch k := pub.(type) {
	case *rsa.PublicKey:
		if err := rsa.VerifyPKCS1v15(k, crypto.SHA256, digest[:], j.Signature); err != nil {
			return ErrSignature
		}
	case *ecdsa.PublicKey:
		// JWS carries R || S, each 32 bytes (RFC 7518 §3.4), not ASN.1.
		if len(j.Signature) != 64 {
			return fmt.Errorf("%w: ES256 signature is %d bytes, want 64", ErrSignature, len(j.Signature))
		}
		r := new(big.Int).SetBytes(j.Signature[:32])
		s := new(big.Int).SetBytes(j.Signature[32:])
		if !ecdsa.Verify(k, digest[:], r, s) {
			return ErrSignature
		}
	}
	return nil
}

// VerifySet selects the key for the token's kid from keys and verifies with it. It returns the
// key used.
func (j *JWS) VerifySet(keys *JWKSet) (*JWK, error) {
	if j.Header.Alg == None || j.Header.Alg == "" {
		return nil, fmt.Errorf("%w: header alg %q", ErrAlgorithm, j.Header.Alg)
	}
	k, err := keys.Select(j.Header.Kid)
	if err != nil {
		return nil, err
	}
	return k, j.Verify(k.Public())
}

func algFor(pub crypto.PublicKey) (string, error) {
	switch k := pub.(type) {
	case *rsa.PublicKey:
		if k == nil || k.N == nil || k.N.BitLen() < 2048 {
			return "", fmt.Errorf("%w: RSA key shorter than 2048 bits", ErrAlgorithm)
		}
		return RS256, nil
	case *ecdsa.PublicKey:
		if k == nil || k.Curve == nil || k.Curve.Params().Name != "P-256" {
			return "", fmt.Errorf("%w: EC key not on P-256", ErrAlgorithm)
		}
		return ES256, nil
	}
	return "", fmt.Errorf("%w: unsupported key type %T", ErrAlgorithm, pub)
}

// Sign returns the compact JWS of payload signed with key, an *rsa.PrivateKey (RS256) or an
// *ecdsa.PrivateKey on P-256 (ES256). kid and typ are put in the header when not empty.
func Sign(key crypto.Signer, kid, typ string, payload []byte) (string, error) {
	alg, err := algFor(key.Public())
	if err != nil {
		return "", err
	}
	input, err := signingInput(Header{Alg: alg, Kid: kid, Typ: typ}, payload)
	if err != nil {
		return "", err
	}
	digest := sha256.Sum256([]byte(input))
	var sig []byte
	switch k := key.(type) {
	case *rsa.PrivateKey:
		sig, err = rsa.SignPKCS1v15(nil, k, crypto.SHA256, digest[:])
	case *ecdsa.PrivateKey:
		var r, s *big.Int
		r, s, err = ecdsa.Sign(rand.Reader, k, digest[:])
		if err == nil {
			sig = make([]byte, 64)
			r.FillBytes(sig[:32])
			s.FillBytes(sig[32:])
		}
	default:
		return "", fmt.Errorf("%w: unsupported signer %T", ErrAlgorithm, key)
	}
	if err != nil {
		return "", fmt.Errorf("signing: %w", err)
	}
	return input + "." + b64.EncodeToString(sig), nil
}

// SignNone returns an unsecured JWS (alg "none", empty signature). Only for testing verifiers.
func SignNone(payload []byte) string {
	input, _ := signingInput(Header{Alg: None, Typ: "JWT"}, payload)
	return input + "."
}

func signingInput(h Header, payload []byte) (string, error) {
	hj, err := json.Marshal(h)
	if err != nil {
		return "", err
	}
	return b64.EncodeToString(hj) + "." + b64.EncodeToString(payload), nil
}
