package check

import (
	"errors"
	"testing"

	"github.com/p06kit/p06kit/harness/msg"
)

var mTestDetail = msg.New("msgtest.check.detail", "%v: detail %d", "%v: chi tiết %d")

// The session's sentinels, the engine's and the adapter's are catalogue errors: English as
// errors, Vietnamese as a value of a Vietnamese message, and errors.Is finds them through the
// catalogue errors that wrap them.
func TestSentinelsReadInTheRunsLanguage(t *testing.T) {
	for _, e := range []error{ErrBodyTooLarge, ErrHeaderTooLarge, ErrDecompressionBomb, ErrTooManyRedirects, ErrOffHostRedirect,
		ErrRequestBudget, ErrUnreachable, ErrTimeout, ErrBadEncoding, ErrOutOfScope, ErrUnsafeMethod, ErrNoCatalogue,
		ErrLoginFlow, ErrNotImplemented, ErrNoFake, &NotImplementedError{Method: "Dossiers.StartDossier"}} {
		r, ok := e.(interface{ Render(string) string })
		if !ok {
			t.Errorf("%q is not a catalogue error", e)
			continue
		}
		if vi := r.Render(msg.VI); vi == e.Error() || len(msg.EnglishWords(vi)) > 0 {
			t.Errorf("%q in Vietnamese: %q", e, vi)
		}
		wrapped := msg.Error(mTestDetail, e, 3)
		if !errors.Is(wrapped, e) {
			t.Errorf("errors.Is does not find %q through %q", e, wrapped)
		}
		res := FromError("step", wrapped)
		if words := msg.EnglishWords(res.MessageVI); len(words) > 0 {
			t.Errorf("FromError's Vietnamese message has English words %q: %s", words, res.MessageVI)
		}
	}
}
