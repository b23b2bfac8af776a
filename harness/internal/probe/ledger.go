package probe

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/ledger"
	"github.com/p06kit/p06kit/harness/msg"
)

// elsewhereError is a fetch error that happened at another host than the one asked, after the
// portal redirected there.
type elsewhereError struct {
	host string
	err  error
}

func (e *elsewhereError) Error() string { return e.Render(msg.EN) }

// Render is the error in lang (the wrapped error too, when it is a catalogue error).
func (e *elsewhereError) Render(lang string) string { return mErrElse.Render(lang, e.err, e.host) }

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
func (s *Session) fetchFailure(method, abs string, resp *check.Response, err error) error {
	home := s.isHome(abs)
	var elsewhere *elsewhereError
	switch {
	case err == nil:
		if home && resp != nil && resp.StatusCode >= 400 {
			return msg.Error(mErrHome, method, check.RedactURL(abs), resp.StatusCode, http.StatusText(resp.StatusCode))
		}
		return nil
	case errors.Is(err, check.ErrUnsafeMethod):
		return nil
	case home:
		return err
	case errors.Is(err, check.ErrOffHostRedirect), errors.Is(err, check.ErrOutOfScope), errors.As(err, &elsewhere):
		return nil
	}
	return err
}

// note records, in the ledger of ctx if any, a fetch of method and abs that gave resp and err.
// cached says whether the fetch went through the session cache (Get, Page), whose requests
// are sent with the session's context and so are not seen by the transport as the check's.
func (s *Session) note(ctx context.Context, method, abs string, resp *check.Response, err error, cached bool) {
	if ledger.Of(ctx) == nil {
		return
	}
	fail := s.fetchFailure(method, abs, resp, err)
	if cached && resp != nil && err == nil {
		ledger.NoteSeen(ctx, method, abs, resp.StatusCode)
	}
	if errors.Is(err, check.ErrRequestBudget) {
		ledger.NoteBudget(ctx)
	}
	ledger.NoteFailure(ctx, fail)
}
