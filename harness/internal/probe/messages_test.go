package probe

import (
	"bytes"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
)

// TestErrorsReadInTheRunsLanguage builds the session's real errors against hostile servers on
// 127.0.0.1 and reads the finding check.FromError makes of each in Vietnamese: no English
// function word outside the Go or system error it quotes (listed per case), and errors.Is still
// finds every sentinel the error stands for.
func TestErrorsReadInTheRunsLanguage(t *testing.T) {
	stall := make(chan struct{})
	t.Cleanup(func() { close(stall) })
	mux := http.NewServeMux()
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/away", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://elsewhere.invalid/", http.StatusFound)
	})
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://x.invalid/", http.StatusFound)
	})
	mux.HandleFunc("/headers", func(w http.ResponseWriter, r *http.Request) {
		for i := range 40 {
			w.Header().Set("X-Pad-"+string(rune('a'+i%26))+string(rune('a'+i/26)), strings.Repeat("x", 100))
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write(bytes.Repeat([]byte("a"), 8<<10)) })
	bomb := compress(t, "gzip", bytes.Repeat([]byte{0}, 2<<20))
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = w.Write(bomb)
	})
	mux.HandleFunc("/notgzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = w.Write([]byte("<p>plain</p>"))
	})
	mux.HandleFunc("/br", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "br")
		_, _ = w.Write([]byte("<p>plain</p>"))
	})
	mux.HandleFunc("/stall", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-stall:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("<p>ok</p>")) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	tlsSrv := httptest.NewTLSServer(mux)
	tlsSrv.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshakes the test makes fail on purpose
	t.Cleanup(tlsSrv.Close)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String() + "/"
	l.Close()

	cfg := check.Config{MaxRedirects: 3, MaxHeaderBytes: 2 << 10, MaxBodyBytes: 4 << 10, MaxDecompressionRatio: 10,
		RequestTimeout: 300 * time.Millisecond}
	get := func(base, path string, cfg check.Config) func(*testing.T) error {
		return func(t *testing.T) error {
			s := newTestSession(t, base, cfg)
			_, err := s.Get(t.Context(), base+path)
			return err
		}
	}
	cases := []struct {
		name   string
		fetch  func(*testing.T) error
		is     []error
		system []string // Go or system error text the message quotes, as it is
	}{
		{"redirect loop", get(srv.URL, "/loop", cfg), []error{check.ErrTooManyRedirects}, nil},
		{"off-host redirect", get(srv.URL, "/away", cfg), []error{check.ErrOffHostRedirect, check.ErrOutOfScope}, nil},
		{"redirect to another scheme", get(srv.URL, "/ftp", cfg), []error{check.ErrOffHostRedirect}, nil},
		{"oversize headers", get(srv.URL, "/headers", cfg), []error{check.ErrHeaderTooLarge}, nil},
		{"oversize body", get(srv.URL, "/big", cfg), []error{check.ErrBodyTooLarge}, nil},
		{"gzip bomb", get(srv.URL, "/bomb", check.Config{MaxBodyBytes: 8 << 20, MaxDecompressionRatio: 10}), []error{check.ErrDecompressionBomb}, nil},
		{"gzip header on a plain body", get(srv.URL, "/notgzip", cfg), []error{check.ErrBadEncoding}, []string{"gzip: invalid header"}},
		{"encoding not offered", get(srv.URL, "/br", cfg), []error{check.ErrBadEncoding}, nil},
		{"stalled response", get(srv.URL, "/stall", cfg), []error{check.ErrTimeout}, nil},
		{"unreachable port", get(closed, "", cfg), []error{check.ErrUnreachable}, nil},
		{"out of scope", func(t *testing.T) error {
			s := newTestSession(t, srv.URL, cfg)
			_, err := s.Get(t.Context(), "http://elsewhere.invalid/")
			return err
		}, []error{check.ErrOutOfScope}, nil},
		{"untrusted certificate", get(tlsSrv.URL, "/", cfg), nil, nil},
		{"plain HTTP on https", get(strings.Replace(srv.URL, "http://", "https://", 1), "/", cfg), nil, nil},
		{"request budget", func(t *testing.T) error {
			s := newTestSession(t, srv.URL, check.Config{MaxRequests: 1})
			if _, err := s.Get(t.Context(), srv.URL+"/"); err != nil {
				return err
			}
			_, err := s.Get(t.Context(), srv.URL+"/second")
			return err
		}, []error{check.ErrRequestBudget}, nil},
		{"unsafe method", func(t *testing.T) error {
			s := newTestSession(t, srv.URL, cfg)
			req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, srv.URL+"/", nil)
			_, err := s.Do(t.Context(), req)
			return err
		}, []error{check.ErrUnsafeMethod}, nil},
	}
	step := msg.P(check.StepProfile)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.fetch(t)
			if err == nil {
				t.Fatal("no error")
			}
			for _, want := range tc.is {
				if !errors.Is(err, want) {
					t.Errorf("errors.Is(err, %q) = false; err = %v", want, err)
				}
			}
			r := check.FromError(step, err)
			if r.Message != "" && !strings.Contains(r.Message, err.Error()) {
				t.Errorf("English finding %q does not quote the error %q", r.Message, err.Error())
			}
			t.Logf("vi: %s", r.MessageVI)
			vi := r.MessageVI
			for _, s := range tc.system {
				if !strings.Contains(vi, s) {
					t.Errorf("Vietnamese finding %q lacks the system error %q", vi, s)
				}
				vi = strings.ReplaceAll(vi, s, " ")
			}
			if words := msg.EnglishWords(vi); len(words) > 0 {
				t.Errorf("English words %q in the Vietnamese finding: %s", words, r.MessageVI)
			}
		})
	}
}
