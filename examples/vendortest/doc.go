// Package vendortest is how a portal vendor tests its portal with p06kit, in its own go test
// suite. Read the files in this order:
//
//   - shortest_test.go — the shortest useful test: the black-box checks against the running
//     portal, one subtest per criterion (go test -run 'TestPortalBlackBox/security/').
//   - full_test.go — the whole assessment: the portal wired to fakes of the national SSO, the
//     population database and the PKI, the adapter for the assisted checks, attestations,
//     a waiver, report files for CI, and release gates written as testify assertions.
//   - suite_test.go — the same inside a testify suite, the fakes started once per suite.
//
// The portal under test here is examples/referenceportal; yours replaces it.
package vendortest
