package check

import (
	"fmt"
	"strings"
	"testing"
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
