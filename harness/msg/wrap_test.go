package msg_test

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"github.com/p06kit/p06kit/harness/msg"
)

var (
	mTestStepOuter = msg.New("msgtest.step.outer", "reading %s", "đọc %s")
	mTestStepInner = msg.New("msgtest.step.inner", "opening it", "mở tệp")
	mTestFailed    = msg.New("msgtest.failed", "failed (%v)", "thất bại (%v)")
)

// A wrapped error says its steps in the language of the message it is a value of, and is still
// the error it wraps.
func TestWrapSaysTheStepInTheMessagesLanguage(t *testing.T) {
	err := msg.Wrap(msg.P(mTestStepOuter, "a.json"), msg.Wrap(msg.P(mTestStepInner), fs.ErrNotExist))
	if got := err.Error(); got != "reading a.json: opening it: file does not exist" {
		t.Errorf("Error() = %q", got)
	}
	if got := mTestFailed.Render(msg.VI, err); got != "thất bại (đọc a.json: mở tệp: file does not exist)" {
		t.Errorf("in Vietnamese: %q", got)
	}
	if !errors.Is(err, fs.ErrNotExist) || !errors.Is(fmt.Errorf("x: %w", err), fs.ErrNotExist) {
		t.Error("Wrap hides the error it wraps")
	}
	err = msg.Error(mTestFailed, fs.ErrPermission)
	if err.Error() != "failed (permission denied)" || mTestFailed.Render(msg.VI, err) != "thất bại (thất bại (permission denied))" || !errors.Is(err, fs.ErrPermission) {
		t.Errorf("msg.Error: %q, %q", err, mTestFailed.Render(msg.VI, err))
	}
	if msg.Wrap(msg.P(mTestStepInner), nil) != nil {
		t.Error("Wrap of nil is not nil")
	}
}
