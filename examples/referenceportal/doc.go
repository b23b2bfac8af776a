// Package referenceportal is a provincial public-service portal that meets every automated and
// assisted Project 06 criterion of the p06-technical catalogue, written for vendors to read and
// copy: it uses only the standard library, the field's public OpenID Connect libraries
// (github.com/coreos/go-oidc/v3 for discovery and ID token verification, golang.org/x/oauth2 for
// the authorization-code flow with PKCE) and public p06kit packages, never an internal one
// (arch_test.go holds it to that).
//
// What to copy: the citizen login as a relying party of the national SSO (auth.go), the
// security headers and cookies (security.go), the dossier flow that pre-fills forms from the
// population database and signs its results (dossier.go), and the harness adapter (adapter.go).
// env.go is the demo's wiring, not portal code: [StartEnv] starts the portal against p06kit's
// fakes of the national SSO, population-database gateway and PKI, as a vendor's own test would.
//
// [Defects] switches on deliberate defects, one per criterion they break; [Broken] is the broken
// portal that `p06 demo` assesses beside this one.
package referenceportal
