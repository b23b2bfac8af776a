package check

import (
	"context"

	"github.com/p06kit/p06kit/harness/internal/ledger"
)

// Ledger records what the fetches of one check saw and which of them failed: the engine gives
// each check a ledger in its context (WithLedger) and judges the check's result against it, so
// that no pass, fail or not_applicable rests on a page the harness could not read.
//
// A fetch fails when it returns an error (a timeout, a reset, a size or depth limit, a parse
// error, the request budget…), and a fetch of the home page also when it answers 400 or more.
// Not failures: a redirect to another host not followed, a request refused outside the scan's
// scope, an error at another host the portal redirected to, a request refused because active
// checks are off. A check that provokes failures on purpose fetches with Tolerate's context.
type Ledger = ledger.Ledger

// WithLedger returns ctx with a new ledger, and the ledger.
func WithLedger(ctx context.Context) (context.Context, *Ledger) { return ledger.With(ctx) }

// Tolerate returns ctx marked so that failed fetches made with it are not recorded as failures
// in the check's ledger (their responses are still recorded as seen). Use it only for requests
// whose failure the check judges as evidence itself, and say so in the check's documentation.
func Tolerate(ctx context.Context) context.Context { return ledger.Tolerate(ctx) }
