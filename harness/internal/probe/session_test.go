package probe

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/internal/htmlx"
)

func newTestSession(t *testing.T, url string, cfg check.Config) *check.Session {
	t.Helper()
	s, err := NewSessionContext(t.Context(), check.Target{BaseURL: url}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

func compress(t *testing.T, enc string, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	var w interface {
		Write([]byte) (int, error)
		Close() error
	}
	switch enc {
	case "gzip":
		w = gzip.NewWriter(&b)
	case "zlib":
		w = zlib.NewWriter(&b)
	case "flate":
		w, _ = flate.NewWriter(&b, flate.DefaultCompression)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGetDecompresses(t *testing.T) {
	page := []byte(strings.Repeat("<p>Thủ tục hành chính</p>", 200))
	cases := []struct {
		name, header string
		body         []byte
		err          error
	}{
		{"identity", "", page, nil},
		{"gzip", "gzip", compress(t, "gzip", page), nil},
		{"deflate zlib", "deflate", compress(t, "zlib", page), nil},
		{"deflate raw", "deflate", compress(t, "flate", page), nil},
		{"gzip header but plain body", "gzip", page, check.ErrBadEncoding},
		{"brotli not offered", "br", page, check.ErrBadEncoding},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var gotAE string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				gotAE = r.Header.Get("Accept-Encoding")
				if tc.header != "" {
					w.Header().Set("Content-Encoding", tc.header)
				}
				_, _ = w.Write(tc.body)
			}))
			defer srv.Close()
			s := newTestSession(t, srv.URL, check.Config{})
			resp, err := s.Get(t.Context(), "/")
			if gotAE != "gzip, deflate" {
				t.Errorf("Accept-Encoding sent = %q, want %q", gotAE, "gzip, deflate")
			}
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("err = %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(resp.Body, page) {
				t.Errorf("body = %d bytes, want the %d-byte page", len(resp.Body), len(page))
			}
		})
	}
}

func TestGetBounds(t *testing.T) {
	bomb := compress(t, "gzip", make([]byte, 8<<20))
	mux := http.NewServeMux()
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write(make([]byte, 3<<20)) })
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = w.Write(bomb)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/away", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://evil.example/", http.StatusFound)
	})
	mux.HandleFunc("/headers", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Big", strings.Repeat("a", 100<<10))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	s := newTestSession(t, srv.URL, check.Config{MaxBodyBytes: 1 << 20, MaxRedirects: 5, MaxDecompressionRatio: 100})
	cases := []struct {
		path string
		err  error
		msg  string
	}{
		{"/big", check.ErrBodyTooLarge, "more than 1 MiB"},
		{"/bomb", check.ErrDecompressionBomb, "expanded to more than"},
		{"/loop", check.ErrTooManyRedirects, "stopped after 5 redirects"},
		{"/away", check.ErrOffHostRedirect, "redirected to evil.example"},
		{"/headers", check.ErrHeaderTooLarge, "header"},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			resp, err := s.Get(t.Context(), tc.path)
			if !errors.Is(err, tc.err) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("err = %q, want it to contain %q", err, tc.msg)
			}
			if resp != nil && int64(len(resp.Body)) > 1<<20 {
				t.Errorf("body of %d bytes kept, limit 1 MiB", len(resp.Body))
			}
		})
	}
	if st := s.Stats(); st.BytesRead > 3<<20 {
		t.Errorf("read %d bytes off the wire, want the bounds to stop reads early", st.BytesRead)
	}
}

func TestMethodPolicy(t *testing.T) {
	var posts atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			posts.Add(1)
		}
	}))
	defer srv.Close()
	fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer fake.Close()
	for _, active := range []bool{false, true} {
		s := newTestSession(t, srv.URL, check.Config{Active: active})
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/login", strings.NewReader("u=1"))
		_, err := s.Do(t.Context(), req)
		if active != (err == nil) || (!active && !errors.Is(err, check.ErrUnsafeMethod)) {
			t.Errorf("active=%v: POST to the target: err = %v", active, err)
		}
	}
	if posts.Load() != 1 {
		t.Errorf("the target received %d POSTs, want 1 (only with active checks)", posts.Load())
	}
}

func TestSharedFetch(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		time.Sleep(20 * time.Millisecond)
		w.Header().Set("Content-Type", "text/html; charset=windows-1258")
		// "Tiếng Việt" in Windows-1258 needs combining marks; use a simple accented word:
		// "Hà Nội" -> H\xe0 N\xf4\xf2i is not exact; a byte-exact sample of é (0xE9) suffices.
		_, _ = w.Write([]byte("<html><head><title>Caf\xe9</title></head><body><p>x</p></body></html>"))
	}))
	defer srv.Close()
	s := newTestSession(t, srv.URL, check.Config{})
	var wg sync.WaitGroup
	pages := make([]*check.Page, 16)
	for i := range pages {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := s.Page(t.Context(), "/")
			if err != nil {
				t.Error(err)
			}
			pages[i] = p
		}()
	}
	wg.Wait()
	if hits.Load() != 1 {
		t.Errorf("16 concurrent Page calls made %d requests, want 1", hits.Load())
	}
	p := pages[0]
	for _, q := range pages {
		if q != p {
			t.Fatal("concurrent callers got different pages")
		}
	}
	if p.Charset != "windows-1258" || p.DeclaredCharset != "windows-1258" {
		t.Errorf("charset = %q declared %q, want windows-1258", p.Charset, p.DeclaredCharset)
	}
	if got := htmlx.Text(htmlx.First(p.Doc, "title")); got != "Café" {
		t.Errorf("title = %q, want %q (decoded from windows-1258)", got, "Café")
	}
}

func TestSharedFetchSurvivesCallerCancel(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-release
		_, _ = w.Write([]byte("ok"))
	}))
	defer srv.Close()
	s := newTestSession(t, srv.URL, check.Config{})
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := s.Get(ctx, "/"); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled caller: err = %v", err)
	}
	close(release)
	resp, err := s.Get(t.Context(), "/")
	if err != nil || string(resp.Body) != "ok" {
		t.Fatalf("second caller got %v, %v: the first caller's cancellation poisoned the cache", resp, err)
	}
}

func TestTimeoutCircuitBreaker(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		<-r.Context().Done()
	}))
	defer srv.Close()
	s := newTestSession(t, srv.URL, check.Config{RequestTimeout: 50 * time.Millisecond, MaxConsecutiveTimeouts: 2})
	for i := range 5 {
		_, err := s.Get(t.Context(), "/p"+string(rune('a'+i)))
		if !errors.Is(err, check.ErrTimeout) {
			t.Fatalf("request %d: err = %v, want ErrTimeout", i, err)
		}
		if i == 0 && !strings.Contains(err.Error(), "stalled while waiting for the response headers") {
			t.Errorf("first timeout message %q does not say where the portal stalled", err)
		}
		if i >= 2 && !strings.Contains(err.Error(), "stopped responding") {
			t.Errorf("request %d: %q, want the breaker's message", i, err)
		}
	}
	if hits.Load() != 2 {
		t.Errorf("the portal got %d requests, want 2 before the breaker opened", hits.Load())
	}
}

func TestResolveRejectsOtherSchemes(t *testing.T) {
	s := newTestSession(t, "https://portal.example/", check.Config{})
	for _, ref := range []string{"javascript:alert(1)", "file:///etc/passwd"} {
		if _, err := s.Resolve(ref); err == nil {
			t.Errorf("Resolve(%q) accepted", ref)
		}
	}
	if got, _ := s.Resolve("/a?b=1"); got != "https://portal.example/a?b=1" {
		t.Errorf("Resolve = %q", got)
	}
}
