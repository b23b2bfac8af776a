package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/msg"
)

func TestFromErrorClassifies(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"unsafe method", fmt.Errorf("POST x: %w", ErrUnsafeMethod), "not_tested"},
		{"missing adapter", &NotImplementedError{Method: "Dossiers.StartDossier"}, "not_tested"},
		{"no fake", fmt.Errorf("x: %w", ErrNoFake), "not_tested"},
		{"timeout", fmt.Errorf("GET x: %w", ErrTimeout), "error"},
		{"body too large", fmt.Errorf("GET x: %w", ErrBodyTooLarge), "error"},
	}
	for _, tc := range cases {
		if got := FromError("step", tc.err); string(got.Status) != tc.want {
			t.Errorf("%s: status %s, want %s (%s)", tc.name, got.Status, tc.want, got.Message)
		}
	}
}

func TestFromErrorVietnamese(t *testing.T) {
	r := FromError("fetching the home page", fmt.Errorf("GET x: %w: stalled", ErrTimeout))
	if !strings.HasPrefix(r.MessageVI, "cổng không trả lời đầy đủ trong thời hạn (fetching the home page: GET x:") {
		t.Errorf("MessageVI = %q", r.MessageVI)
	}
	if r.Message != "fetching the home page: GET x: timed out: stalled" {
		t.Errorf("Message = %q", r.Message)
	}
}

var mStepHome = msg.New("checktest.step.home", "fetching the home page", "tải trang chủ")

// A step named by a catalogue phrase is said in the report's language; a string as it is.
func TestFromErrorStepInTheReportsLanguage(t *testing.T) {
	step := mStepHome
	err := fmt.Errorf("GET /: %w", ErrTimeout)
	r := FromError(msg.P(step), err)
	if r.MsgID != "check.error.timeout" || !strings.HasPrefix(r.Message, "fetching the home page: GET /") ||
		!strings.Contains(r.MessageVI, "(tải trang chủ: GET /") {
		t.Errorf("FromError(phrase) = %s / %q / %q", r.MsgID, r.Message, r.MessageVI)
	}
	r = FromError("fetching the home page", err)
	if !strings.Contains(r.MessageVI, "(fetching the home page: GET /") {
		t.Errorf("FromError(string) VI = %q", r.MessageVI)
	}
}
