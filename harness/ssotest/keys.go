package ssotest

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"net/http"
	"sync"

	"github.com/p06kit/p06kit/internal/jose"
)

type signingKey struct {
	priv *rsa.PrivateKey
	jwk  *jose.JWK
}

func newSigningKey(priv *rsa.PrivateKey) *signingKey {
	jwk, err := jose.NewJWK(&priv.PublicKey, "")
	if err != nil {
		// Unreachable: the keys are RSA-2048, which NewJWK accepts.
		panic("ssotest: " + err.Error())
	}
	jwk.Kid = "ssotest-" + jwk.Thumbprint()[:16]
	return &signingKey{priv: priv, jwk: jwk}
}

func parseTestKey(p string) *signingKey {
	b, _ := pem.Decode([]byte(p))
	k, err := x509.ParsePKCS1PrivateKey(b.Bytes)
	if err != nil {
		panic("ssotest: embedded test key: " + err.Error())
	}
	return newSigningKey(k)
}

var testKeys = sync.OnceValues(func() ([]*signingKey, *signingKey) {
	var ks []*signingKey
	for _, p := range testKeysPEM {
		ks = append(ks, parseTestKey(p))
	}
	return ks, parseTestKey(unknownKeyPEM)
})

func initialKey() *signingKey { ks, _ := testKeys(); return ks[0] }

// Rotate makes a new key the signing key. The previous signing key stays in the JWKS (so tokens
// it signed still verify) until the next rotation; older keys are withdrawn. It returns the new
// key's kid. A relying party that caches the JWKS must refetch it when it meets an unknown kid.
func (s *Server) Rotate() string {
	s.mu.Lock()
	s.rotation++
	n := s.rotation
	s.mu.Unlock()
	var k *signingKey
	if ks, _ := testKeys(); n < len(ks) {
		k = ks[n]
	} else {
		priv, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic("ssotest: generating a key: " + err.Error())
		}
		k = newSigningKey(priv)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.keys = []*signingKey{k, s.keys[0]}
	return k.jwk.Kid
}

// KeyID returns the kid of the current signing key.
func (s *Server) KeyID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.keys[0].jwk.Kid
}

// JWKS returns the published key set.
func (s *Server) JWKS() *jose.JWKSet {
	s.mu.Lock()
	defer s.mu.Unlock()
	set := &jose.JWKSet{}
	for _, k := range s.keys {
		set.Keys = append(set.Keys, k.jwk)
	}
	return set
}

func (s *Server) serveJWKS(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.JWKS())
}

// ClaimNames returns the userinfo claims of the national SSO that this fake returns (docs/integration.md
// §9).
func ClaimNames() []string {
	return []string{"sub", "SoDinhDanh", "SoCMND", "HoVaTen", "NgayThangNamSinh", "GioiTinh", "QuocTich",
		"ThuongTru", "NoiOHienNay", "loAs", "LoaiTaiKhoan", "TrangThai"}
}

func (s *Server) serveDiscovery(w http.ResponseWriter, r *http.Request) {
	iss := s.issuer()
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer":                                iss,
		"authorization_endpoint":                iss + AuthorizePath,
		"token_endpoint":                        iss + TokenPath,
		"userinfo_endpoint":                     iss + UserInfoPath,
		"jwks_uri":                              iss + JWKSPath,
		"end_session_endpoint":                  iss + LogoutPath,
		"response_types_supported":              []string{"code"},
		"grant_types_supported":                 []string{"authorization_code"},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{jose.RS256},
		"scopes_supported":                      []string{"openid", "profile"},
		"token_endpoint_auth_methods_supported": []string{"client_secret_basic", "client_secret_post"},
		"code_challenge_methods_supported":      []string{"S256"},
		"acr_values_supported":                  []string{"LoA1", "LoA2"},
		"claims_supported":                      append([]string{"iss", "aud", "exp", "iat", "nonce", "acr", "auth_time"}, ClaimNames()...),
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
