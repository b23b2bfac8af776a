package harness

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// ErrUnreadable is wrapped by the error Check returns when the portal answers but its home page
// cannot be read (an untrusted certificate, a TLS handshake that stalls or is closed, a timeout,
// a response past the size, depth or redirect limits, garbage, an error status). The report is
// still returned: the checks whose result rested on the portal's pages are error, saying why
// and what would make them assessable; checks that judge something else (the TLS configuration,
// the fakes) keep their verdicts. p06 scan exits 2, as for an unreachable portal.
var ErrUnreadable = msg.Error(mErrUnreadable)

// earned applies the engine's invariants to a check's result, whatever the check returned (the
// status table of package scoring says what each status means):
//
//   - a pass, fail or not_applicable that arrives after the check's context expired is error:
//     what the check did not finish seeing cannot support a verdict;
//   - one that rests on a failed fetch (see check.Ledger: a page that could not be read, the
//     home page answering an error status, discovery that could not read the pages it needed)
//     is error with that fetch's cause and what would make it assessable;
//   - one made while the session refused a request of the check for want of budget is error:
//     requests the check needed were not sent;
//   - a pass or fail without evidence is error, unless the responses the check fetched (its
//     ledger) can be shown as the evidence it rests on.
//
// error and not_tested results pass through unchanged.
func earned(r check.Result, l *check.Ledger, ctxErr error, timeout time.Duration) check.Result {
	if r.Status != scoring.Pass && r.Status != scoring.Fail && r.Status != scoring.NotApplicable {
		return r
	}
	was := statusWord(r.Status)
	demote := func(t msg.Text, args ...any) check.Result {
		out := check.Error(t, args...)
		out.URL, out.Evidence = r.URL, r.Evidence
		if out.Evidence == nil {
			out.Evidence, _ = l.Seen()
		}
		return out
	}
	if ctxErr != nil {
		cause := msg.P(mCauseTimeLimit, timeout.String())
		if !errors.Is(ctxErr, context.DeadlineExceeded) {
			cause = msg.P(mCauseCancelled)
		}
		return demote(mLate, was, cause, said(r))
	}
	if err, n := l.Failure(); err != nil {
		more := msg.Phrase{}
		if n > 1 {
			more = msg.P(mMoreFailures, n-1)
		}
		return demote(mUnread, was, err, more, assessHint(err), said(r))
	}
	if l.BudgetHit() {
		return demote(mBudget, was, said(r))
	}
	if r.Status == scoring.NotApplicable || len(r.Evidence) > 0 {
		return r
	}
	if seen, n := l.Seen(); n > 0 {
		r.Evidence = seen
		return r
	}
	return check.Error(mNoEvidence, was, said(r)).At(r.URL)
}

// assessHint says what would make a criterion assessable after err, with a leading space, or is
// empty when nothing the caller can do would help.
func assessHint(err error) msg.Phrase {
	switch {
	case strings.Contains(err.Error(), "certificate is not valid"):
		return msg.P(mHintCA)
	case errors.Is(err, check.ErrTimeout):
		return msg.P(mHintTimeout)
	case errors.Is(err, check.ErrBodyTooLarge), errors.Is(err, check.ErrHeaderTooLarge):
		return msg.P(mHintSize)
	case errors.Is(err, check.ErrOffHostRedirect), errors.Is(err, check.ErrOutOfScope):
		return msg.P(mHintHost)
	case errors.Is(err, check.ErrRequestBudget):
		return msg.P(mHintBudget)
	}
	return msg.Phrase{}
}
