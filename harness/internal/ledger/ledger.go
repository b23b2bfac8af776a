// Package ledger keeps, in a check's context, what the check's fetches saw and which failed
// (check.Ledger is this Ledger): the session's transport writes to it, the engine reads it.
package ledger

import (
	"context"
	"sync"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/redact"
	"github.com/p06kit/p06kit/scoring"
)

// Ledger records what the fetches of one check saw and which of them failed: the engine gives
// each check a ledger in its context (WithLedger) and judges the check's result against it, so
// that no pass, fail or not_applicable rests on a page the harness could not read. Session.Get,
// Page, Do, Fetch and Profile write to the ledger of the context they are called with, and the
// session's bounded transport marks a request refused for want of budget; connections a check
// opens itself (TLS probes through Session.Transport) are not recorded.
//
// A fetch fails when it returns an error (a timeout, a reset, a size or depth limit, a parse
// error, the request budget…), and a fetch of the home page also when the portal answers it
// with a status of 400 or more (the portal's content was not shown). Not failures: a redirect
// the session does not follow to another host (what the portal did is seen), a request the
// session refused to send outside the scan's scope (a link to another site), an error at another
// host the portal redirected to (the national SSO), a request refused because active checks are
// off, and a profile whose discovery read every page it needed. A check that provokes failures
// on purpose and judges them itself fetches with the context returned by Tolerate.
type Ledger struct {
	mu       sync.Mutex
	seen     []scoring.Evidence
	nseen    int
	failures []error
	nfail    int
	budget   bool
	// shells are the shells the check read, in order, unique.
	shells []Shell
}

// maxLedger bounds what a ledger keeps of each kind; the rest is counted.
const maxLedger = 8

type ledgerKey struct{}
type tolerateKey struct{}

// With returns ctx with a new ledger, and the ledger.
func With(ctx context.Context) (context.Context, *Ledger) {
	l := &Ledger{}
	return context.WithValue(ctx, ledgerKey{}, l), l
}

// Of returns the ledger of ctx, or nil.
func Of(ctx context.Context) *Ledger {
	if ctx == nil {
		return nil
	}
	l, _ := ctx.Value(ledgerKey{}).(*Ledger)
	return l
}

// Tolerate returns ctx marked so that failed fetches made with it are not recorded as failures
// in the check's ledger (their responses are still recorded as seen). Use it only for requests
// whose failure the check judges as evidence itself, and say so in the check's documentation.
func Tolerate(ctx context.Context) context.Context {
	return context.WithValue(ctx, tolerateKey{}, true)
}

// Tolerated reports whether ctx was marked by Tolerate.
func Tolerated(ctx context.Context) bool {
	t, _ := ctx.Value(tolerateKey{}).(bool)
	return t
}

// NoteSeen records, in the ledger of ctx if any, a response the check got.
func NoteSeen(ctx context.Context, method, rawURL string, status int) {
	l := Of(ctx)
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.nseen++
	if len(l.seen) < maxLedger {
		l.seen = append(l.seen, scoring.Evidence{Request: method + " " + redact.URL(rawURL), Status: status}.
			Noted(mNoteReceived))
	}
}

// NoteFailure records failure err in the ledger of ctx, if any.
func NoteFailure(ctx context.Context, err error) {
	l := Of(ctx)
	if l == nil || err == nil {
		return
	}
	if Tolerated(ctx) {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.nfail++
	if len(l.failures) < maxLedger {
		l.failures = append(l.failures, err)
	}
}

// NoteBudget marks, in the ledger of ctx if any, a request refused for want of budget.
func NoteBudget(ctx context.Context) {
	if l := Of(ctx); l != nil {
		l.mu.Lock()
		l.budget = true
		l.mu.Unlock()
	}
}

// Failure returns the first failed fetch recorded and how many failed, or nil and 0.
//
//lint:ignore ST1008 the error is the value asked for here, not a failure of the call
func (l *Ledger) Failure() (error, int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.failures) == 0 {
		return nil, 0
	}
	return l.failures[0], l.nfail
}

// BudgetHit reports whether a request of the check was refused by the session's request budget.
func (l *Ledger) BudgetHit() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.budget
}

// Seen returns evidence of the responses the check's fetches got (at most a few, the count of
// the rest in a last note), and how many there were.
func (l *Ledger) Seen() ([]scoring.Evidence, int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := append([]scoring.Evidence(nil), l.seen...)
	if l.nseen > len(l.seen) {
		out = append(out, scoring.Evidence{}.Noted(mNoteMore, l.nseen-len(l.seen)))
	}
	return out, l.nseen
}

// Shell is a page a check read whose content is rendered by JavaScript and was not drawn.
type Shell struct {
	URL string   // redacted
	Why msg.List // the shell test's reason, and why rendering did not draw it
}

// NoteShell records, in the ledger of ctx if any, that the check read a page whose content is
// rendered by JavaScript and was not drawn (a shell, a partial shell, or an app still empty
// after rendering): url (redacted) and why. The engine decides, per criterion, which verdicts
// such a page can support.
func NoteShell(ctx context.Context, url string, why msg.List) {
	l := Of(ctx)
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, s := range l.shells {
		if s.URL == url {
			return
		}
	}
	if len(l.shells) < maxLedger {
		l.shells = append(l.shells, Shell{URL: url, Why: why})
	}
}

// Shells returns the shells the check read (NoteShell).
func (l *Ledger) Shells() []Shell {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Shell(nil), l.shells...)
}
