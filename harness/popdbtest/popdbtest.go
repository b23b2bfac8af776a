// Package popdbtest is a fake of the National Population Database citizen look-up (service 037)
// behind the integration gateway, in the style of net/http/httptest.
//
// SCAFFOLD: the fake is being built (issue 8); only the type exists so the harness compiles.
package popdbtest

// Server is a fake population-database gateway.
type Server struct {
	// URL is the gateway endpoint, e.g. "https://127.0.0.1:PORT".
	URL string
}
