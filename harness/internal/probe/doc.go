// Package probe is the machinery behind a check.Session: the bounded, scoped and polite HTTP
// transport (transport.go, scope.go, polite.go), the response and page cache shared between
// checks, the ledger each check's fetches write to, rendering through a Target.Renderer, and
// the wiring of discovery (harness/internal/discover) and login automation
// (harness/internal/login). NewSession makes a session for the engine and for tests; checks
// see only check.Session.
package probe
