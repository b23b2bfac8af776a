// Package ssotest is a fake of the national SSO (the national public service portal's OpenID
// Connect provider, with VNeID accounts behind it), in the style of net/http/httptest.
//
// SCAFFOLD: the provider is being built (issue 7); only the type exists so the harness compiles.
package ssotest

// Server is a fake national SSO provider.
type Server struct {
	// URL is the issuer URL, e.g. "https://127.0.0.1:PORT".
	URL string
}
