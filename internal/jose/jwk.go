package jose

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
)

// MaxKeys bounds the number of keys in a key set.
const MaxKeys = 100

// ErrKey: a JWK or key set is malformed or holds an unusable key.
var ErrKey = errors.New("bad JSON Web Key")

// JWK is a public JSON Web Key (RFC 7517) of type RSA or EC (P-256). Private members are never
// serialised.
type JWK struct {
	Kty string `json:"kty"`
	Kid string `json:"kid,omitempty"`
	Use string `json:"use,omitempty"`
	Alg string `json:"alg,omitempty"`
	// RSA.
	N string `json:"n,omitempty"`
	E string `json:"e,omitempty"`
	// EC.
	Crv string `json:"crv,omitempty"`
	X   string `json:"x,omitempty"`
	Y   string `json:"y,omitempty"`

	pub crypto.PublicKey
}

// NewJWK describes pub (an *rsa.PublicKey or a P-256 *ecdsa.PublicKey) as a signing JWK.
func NewJWK(pub crypto.PublicKey, kid string) (*JWK, error) {
	alg, err := algFor(pub)
	if err != nil {
		return nil, err
	}
	k := &JWK{Kid: kid, Use: "sig", Alg: alg, pub: pub}
	switch p := pub.(type) {
	case *rsa.PublicKey:
		k.Kty = "RSA"
		k.N = b64.EncodeToString(p.N.Bytes())
		k.E = b64.EncodeToString(big.NewInt(int64(p.E)).Bytes())
	case *ecdsa.PublicKey:
		k.Kty = "EC"
		k.Crv = "P-256"
		// Bytes is the uncompressed point 0x04 || X || Y, each coordinate 32 bytes for P-256.
		b, err := p.Bytes()
		if err != nil || len(b) != 65 {
			return nil, fmt.Errorf("jose: encoding the P-256 public key: %v", err)
		}
		k.X, k.Y = b64.EncodeToString(b[1:33]), b64.EncodeToString(b[33:])
	}
	return k, nil
}

// Public returns the key as an *rsa.PublicKey or *ecdsa.PublicKey.
func (k *JWK) Public() crypto.PublicKey { return k.pub }

// Thumbprint is the RFC 7638 SHA-256 thumbprint of the key, base64url encoded: a stable kid.
func (k *JWK) Thumbprint() string {
	var s string
	switch k.Kty {
	case "RSA":
		s = fmt.Sprintf(`{"e":%q,"kty":"RSA","n":%q}`, k.E, k.N)
	default:
		s = fmt.Sprintf(`{"crv":%q,"kty":"EC","x":%q,"y":%q}`, k.Crv, k.X, k.Y)
	}
	sum := sha256.Sum256([]byte(s))
	return b64.EncodeToString(sum[:])
}

// UnmarshalJSON parses and validates one public key.
func (k *JWK) UnmarshalJSON(data []byte) error {
	type plain JWK
	var p plain
	if err := unmarshalExact(data, &p); err != nil {
		return fmt.Errorf("%w: %v", ErrKey, err)
	}
	*k = JWK(p)
	switch k.Kty {
	case "RSA":
		n, err := decodeB64(k.N)
		if err != nil || len(n) == 0 {
			return fmt.Errorf("%w: kid %q: member n is not base64url", ErrKey, k.Kid)
		}
		e, err := decodeB64(k.E)
		if err != nil || len(e) == 0 || len(e) > 4 {
			return fmt.Errorf("%w: kid %q: member e is not a base64url integer of at most 4 bytes", ErrKey, k.Kid)
		}
		ei := int(new(big.Int).SetBytes(e).Int64())
		if ei < 3 || ei%2 == 0 {
			return fmt.Errorf("%w: kid %q: RSA exponent %d", ErrKey, k.Kid, ei)
		}
		pub := &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: ei}
		if pub.N.BitLen() < 2048 || pub.N.BitLen() > 8192 {
			return fmt.Errorf("%w: kid %q: RSA modulus of %d bits, want 2048 to 8192", ErrKey, k.Kid, pub.N.BitLen())
		}
		k.pub = pub
	case "EC":
		if k.Crv != "P-256" {
			return fmt.Errorf("%w: kid %q: curve %q, only P-256 is supported", ErrKey, k.Kid, k.Crv)
		}
		x, errX := decodeB64(k.X)
		y, errY := decodeB64(k.Y)
		if errX != nil || errY != nil || len(x) != 32 || len(y) != 32 {
			return fmt.Errorf("%w: kid %q: members x and y must be 32-byte base64url", ErrKey, k.Kid)
		}
		uncompressed := append(append([]byte{4}, x...), y...)
		pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), uncompressed)
		if err != nil {
			return fmt.Errorf("%w: kid %q: point not on P-256", ErrKey, k.Kid)
		}
		k.pub = pub
	default:
		return fmt.Errorf("%w: kid %q: key type %q, want RSA or EC", ErrKey, k.Kid, k.Kty)
	}
	return nil
}

// JWKSet is a JSON Web Key Set: {"keys":[…]}.
type JWKSet struct {
	Keys []*JWK `json:"keys"`
}

// ParseJWKS parses a key set. Keys of types this package does not support make the whole set
// an error only when no usable key remains; unusable keys are skipped, as RFC 7517 §5 asks.
func ParseJWKS(data []byte) (*JWKSet, error) {
	var raw struct {
		Keys []json.RawMessage `json:"keys"`
	}
	if err := unmarshalExact(data, &raw); err != nil {
		return nil, fmt.Errorf("%w: key set is not a JSON object with keys: %v", ErrKey, err)
	}
	if len(raw.Keys) > MaxKeys {
		return nil, fmt.Errorf("%w: %d keys, more than the limit of %d", ErrKey, len(raw.Keys), MaxKeys)
	}
	set := &JWKSet{}
	var firstErr error
	for i, r := range raw.Keys {
		k := &JWK{}
		if err := json.Unmarshal(r, k); err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("keys[%d]: %w", i, err)
			}
			continue
		}
		if k.Use != "" && k.Use != "sig" {
			continue
		}
		set.Keys = append(set.Keys, k)
	}
	if len(set.Keys) == 0 {
		if firstErr != nil {
			return nil, firstErr
		}
		return nil, fmt.Errorf("%w: the set has no signing key", ErrKey)
	}
	return set, nil
}

// Select returns the key with the kid. An empty kid selects the only key of a one-key set.
func (s *JWKSet) Select(kid string) (*JWK, error) {
	if s == nil || len(s.Keys) == 0 {
		return nil, fmt.Errorf("%w: the key set is empty", ErrUnknownKey)
	}
	if kid == "" {
		if len(s.Keys) == 1 {
			return s.Keys[0], nil
		}
		return nil, fmt.Errorf("%w: the token has no kid and the set has %d keys", ErrUnknownKey, len(s.Keys))
	}
	for _, k := range s.Keys {
		if k.Kid == kid {
			return k, nil
		}
	}
	return nil, fmt.Errorf("%w: kid %q", ErrUnknownKey, kid)
}
