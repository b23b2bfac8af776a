// Package signtest is a test PKI with CMS signing and verification, in the style of
// net/http/httptest.
//
// SCAFFOLD: the PKI is being built (issue 9); only the type exists so the harness compiles.
package signtest

// PKI is a test certificate authority with its trust list.
type PKI struct{}
