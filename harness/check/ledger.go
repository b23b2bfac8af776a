package check

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"

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
}

// maxLedger bounds what a ledger keeps of each kind; the rest is counted.
const maxLedger = 8

type ledgerKey struct{}
type tolerateKey struct{}

// WithLedger returns ctx with a new ledger, and the ledger.
func WithLedger(ctx context.Context) (context.Context, *Ledger) {
	l := &Ledger{}
	return context.WithValue(ctx, ledgerKey{}, l), l
}

func ledgerOf(ctx context.Context) *Ledger {
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

// elsewhereError is a fetch error that happened at another host than the one asked, after the
// portal redirected there.
type elsewhereError struct {
	host string
	err  error
}

func (e *elsewhereError) Error() string {
	return fmt.Sprintf("%v (at %s, where the portal redirected)", e.err, e.host)
}

func (e *elsewhereError) Unwrap() error { return e.err }

// isHome reports whether abs is the target's base URL.
func (s *Session) isHome(abs string) bool {
	u, err := url.Parse(abs)
	if err != nil {
		return false
	}
	p := strings.TrimSuffix(u.Path, "/")
	return strings.EqualFold(u.Scheme, s.base.Scheme) && strings.EqualFold(u.Host, s.base.Host) &&
		p == strings.TrimSuffix(s.base.Path, "/") && u.RawQuery == s.base.RawQuery
}

// fetchFailure says whether a fetch of abs that gave resp and err failed in the ledger's sense,
// and why (nil if not).
func (s *Session) fetchFailure(method, abs string, resp *Response, err error) error {
	home := s.isHome(abs)
	var elsewhere *elsewhereError
	switch {
	case err == nil:
		if home && resp != nil && resp.StatusCode >= 400 {
			return fmt.Errorf("%s %s: the home page answered HTTP %d %s", method, RedactURL(abs), resp.StatusCode, http.StatusText(resp.StatusCode))
		}
		return nil
	case errors.Is(err, ErrUnsafeMethod):
		return nil
	case home:
		return err
	case errors.Is(err, ErrOffHostRedirect), errors.Is(err, ErrOutOfScope), errors.As(err, &elsewhere):
		return nil
	}
	return err
}

// note records, in the ledger of ctx if any, a fetch of method and abs that gave resp and err.
// cached says whether the fetch went through the session cache (Get, Page), whose requests
// are sent with the session's context and so are not seen by the transport as the check's.
func (s *Session) note(ctx context.Context, method, abs string, resp *Response, err error, cached bool) {
	l := ledgerOf(ctx)
	if l == nil {
		return
	}
	tolerated, _ := ctx.Value(tolerateKey{}).(bool)
	fail := s.fetchFailure(method, abs, resp, err)
	if cached && resp != nil && err == nil {
		noteSeen(ctx, method, abs, resp.StatusCode)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if errors.Is(err, ErrRequestBudget) {
		l.budget = true
	}
	if tolerated || fail == nil {
		return
	}
	l.nfail++
	if len(l.failures) < maxLedger {
		l.failures = append(l.failures, fail)
	}
}

// noteSeen records, in the ledger of ctx if any, a response the check got.
func noteSeen(ctx context.Context, method, rawURL string, status int) {
	l := ledgerOf(ctx)
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.nseen++
	if len(l.seen) < maxLedger {
		l.seen = append(l.seen, scoring.Evidence{Request: method + " " + RedactURL(rawURL), Status: status,
			Note: "response received by the check"})
	}
}

// noteFailure records failure err in the ledger of ctx, if any.
func noteFailure(ctx context.Context, err error) {
	l := ledgerOf(ctx)
	if l == nil || err == nil {
		return
	}
	if tolerated, _ := ctx.Value(tolerateKey{}).(bool); tolerated {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.nfail++
	if len(l.failures) < maxLedger {
		l.failures = append(l.failures, err)
	}
}

// noteBudget marks, in the ledger of ctx if any, a request refused for want of budget.
func noteBudget(ctx context.Context) {
	if l := ledgerOf(ctx); l != nil {
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
		out = append(out, scoring.Evidence{Note: fmt.Sprintf("and %d more responses fetched by the check", l.nseen-len(l.seen))})
	}
	return out, l.nseen
}
