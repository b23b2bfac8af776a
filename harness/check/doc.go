// Package check is the contract between the harness engine and the checks: a [Check] examines a
// target for one criterion through a [Session] and returns a [Result]. The session gives checks a
// safe, bounded HTTP probe with a response and parsed-page cache shared between checks, the
// resolved portal [Profile], and the vendor's adapter (the interfaces in adapter.go) and fakes of
// the national services for assisted checks.
//
// Vendors rarely import this package directly: package harness re-exports what they need. It is
// public so that others (the ministry, a vendor) can write checks for criteria of their own
// catalogues and run them with the same engine.
//
// Checks never call t.Fatal, os.Exit or panic on portal behaviour: whatever the portal does is a
// Result (fail, or error when the check could not complete).
package check
