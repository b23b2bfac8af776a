package harness

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// The engine's errors read in the run's language: the finding an unreachable portal gives every
// check, the finding a check whose home page answered an error status is demoted to, and the
// error Check returns for each (rendered as a message would quote it), with no English function
// word in Vietnamese; errors.Is still sees ErrUnreachable and ErrUnreadable.
func TestEngineErrorsReadInTheRunsLanguage(t *testing.T) {
	readsHome := check.Check{ID: "T-SEC-01", Run: func(ctx context.Context, s *check.Session) check.Result {
		if _, err := s.Page(ctx, s.Target().BaseURL); err != nil {
			return check.FromError(check.StepProfile.ID(), err)
		}
		return check.Passf("ran")
	}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	closed := "http://" + ln.Addr().String() + "/"
	ln.Close() // nothing listens there now
	down := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "bảo trì", http.StatusServiceUnavailable)
	}))
	t.Cleanup(down.Close)

	for _, tc := range []struct {
		name, url string
		is        error
	}{
		{"unreachable", closed, ErrUnreachable},
		{"home page answers 503", down.URL + "/", ErrUnreadable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Check(t.Context(), Target{BaseURL: tc.url}, Catalogue(testCatalogue()), NoBuiltin(), Checks(readsHome))
			require.ErrorIs(t, err, tc.is)
			require.NotNil(t, r)
			f := findingOf(r, "T-SEC-01")
			assert.Equal(t, scoring.Error, f.Status)
			assert.Empty(t, msg.EnglishWords(f.Message), "finding in Vietnamese: %s", f.Message)
			vi := msg.P(msg.Verbatim, err).Render(msg.VI)
			assert.Empty(t, msg.EnglishWords(vi), "Check's error in Vietnamese: %s", vi)
			assert.NotEqual(t, vi, err.Error(), "the error is the same in both languages")
			assert.False(t, strings.Contains(err.Error(), "không"), "Check's error in English: %s", err)
			assert.True(t, errors.Is(err, tc.is))
		})
	}
}

// A check that panics is an error finding whose evidence names where, in both languages.
func TestPanicEvidenceReadsInTheRunsLanguage(t *testing.T) {
	srv := okServer(t)
	c := check.Check{ID: "T-SEC-01", Run: func(context.Context, *check.Session) check.Result {
		var m map[string]int
		//lint:ignore SA5000 the panic is what this test reads
		m["x"]++
		return check.Passf("unreachable")
	}}
	r, err := Check(t.Context(), Target{BaseURL: srv.URL}, Catalogue(testCatalogue()), NoBuiltin(), Checks(c))
	require.NoError(t, err)
	f := findingOf(r, "T-SEC-01")
	require.Equal(t, scoring.Error, f.Status)
	require.NotEmpty(t, f.Evidence)
	ev := f.Evidence[0]
	assert.True(t, strings.HasPrefix(ev.Note, "panic at "), "note: %q", ev.Note)
	assert.True(t, strings.HasPrefix(ev.NoteVI, "lỗi panic tại "), "Vietnamese note: %q", ev.NoteVI)
	assert.Contains(t, ev.NoteVI, "engine_errors_test.go", "the note names the check's frame")
}
