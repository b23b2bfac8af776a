package probe

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// blockingPortal answers every request only when released, and counts the requests it holds
// at once.
type blockingPortal struct {
	mu       sync.Mutex
	cur, max int
	arrived  chan struct{} // one value per request that arrived
	release  chan struct{} // closed: answer everything
	proto    atomic.Value  // the last request's protocol
}

func newBlockingPortal() *blockingPortal {
	return &blockingPortal{arrived: make(chan struct{}, 1000), release: make(chan struct{})}
}

func (b *blockingPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b.proto.Store(r.Proto)
	if r.URL.Path == "/first" {
		return // answered at once: lets the client learn the protocol
	}
	b.mu.Lock()
	b.cur++
	b.max = max(b.max, b.cur)
	b.mu.Unlock()
	b.arrived <- struct{}{}
	<-b.release
	b.mu.Lock()
	b.cur--
	b.mu.Unlock()
}

func (b *blockingPortal) most() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.max
}

// TestRequestSlotsBoundTheLoad sends many requests at once and checks that the portal never
// holds more than the bound: the connections per host for HTTP/1.1 (one request per connection),
// the requests in flight for HTTP/2 (multiplexed). The test waits for the bound to be reached
// (progress, not time), then releases everything.
func TestRequestSlotsBoundTheLoad(t *testing.T) {
	cases := []struct {
		name              string
		h2                bool
		inFlight, perHost int
		want              int
	}{
		{"HTTP/1.1 bounded by the requests in flight", false, 3, 6, 3},
		{"HTTP/1.1 bounded by the connections per host", false, 8, 2, 2},
		{"HTTP/2 bounded by the requests in flight only", true, 5, 2, 5},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			bp := newBlockingPortal()
			srv := httptest.NewUnstartedServer(bp)
			srv.EnableHTTP2 = tc.h2
			srv.StartTLS()
			t.Cleanup(srv.Close)
			released := false
			t.Cleanup(func() {
				if !released {
					close(bp.release)
				}
			})
			s, err := NewSessionContext(t.Context(), check.Target{BaseURL: srv.URL, Client: srv.Client()},
				check.Config{MaxInFlight: tc.inFlight, MaxConnsPerHost: tc.perHost, RequestTimeout: time.Minute})
			require.NoError(t, err)
			t.Cleanup(s.Close)
			if tc.h2 {
				_, err := s.Get(t.Context(), "/first")
				require.NoError(t, err)
				require.Equal(t, "HTTP/2.0", bp.proto.Load())
			}
			const n = 12
			var wg sync.WaitGroup
			errs := make([]error, n)
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, errs[i] = s.Get(t.Context(), fmt.Sprintf("/p%d", i))
				}()
			}
			for range tc.want {
				select {
				case <-bp.arrived:
				case <-time.After(time.Minute):
					t.Fatalf("only %d requests reached the portal; want %d at once", bp.most(), tc.want)
				}
			}
			close(bp.release)
			released = true
			wg.Wait()
			for _, err := range errs {
				assert.NoError(t, err)
			}
			assert.Equal(t, tc.want, bp.most(), "requests the portal held at once")
		})
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		v    string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"5", 5 * time.Second, true},
		{" 0 ", 0, true},
		{"-1", 0, false},
		{"3600", maxRetryAfter, true},
		{"99999999999999999999", 0, false},
		{now.Add(10 * time.Second).Format(http.TimeFormat), 10 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{"soon", 0, false},
	} {
		got, ok := retryAfter(tc.v, now)
		assert.Equal(t, tc.ok, ok, "%q", tc.v)
		assert.Equal(t, tc.want, got, "%q", tc.v)
	}
}

// TestBackoffGate checks when a host's gate opens again after 429 and 503 answers: at the
// Retry-After time (bounded), else after 1 s, 2 s, 4 s, 8 s, 8 s; any other answer resets the
// exponential back-off.
func TestBackoffGate(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	answer := func(status int, retry string) *http.Response {
		h := http.Header{}
		if retry != "" {
			h.Set("Retry-After", retry)
		}
		return &http.Response{StatusCode: status, Header: h}
	}
	l := newLimiter(8, 6)
	host := "portal.example:443"
	gateAt := func() time.Duration {
		l.mu.Lock()
		defer l.mu.Unlock()
		return l.gateLocked(host).notBefore.Sub(now)
	}
	l.observe(host, answer(http.StatusOK, ""), now)
	assert.LessOrEqual(t, gateAt(), time.Duration(0), "a 200 closes nothing")
	l.observe(host, answer(http.StatusTooManyRequests, "7"), now)
	assert.Equal(t, 7*time.Second, gateAt())
	l.observe(host, answer(http.StatusTooManyRequests, "100000"), now)
	assert.Equal(t, maxRetryAfter, gateAt(), "Retry-After is bounded")

	l = newLimiter(8, 6)
	var got []time.Duration
	for range 5 {
		l.observe(host, answer(http.StatusServiceUnavailable, ""), now)
		got = append(got, gateAt())
	}
	assert.Equal(t, []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 8 * time.Second}, got)
	l.observe(host, answer(http.StatusOK, ""), now)
	later := now.Add(time.Minute)
	l.observe(host, answer(http.StatusServiceUnavailable, ""), later)
	assert.Equal(t, time.Minute+time.Second, gateAt(), "a success resets the back-off")
	assert.EqualValues(t, 6, l.backoffs.Load())
	l.mu.Lock()
	_, other := l.hosts["other.example:443"]
	l.mu.Unlock()
	assert.False(t, other, "other hosts are not paused")
}

// TestBackoffWaitsAndIsCancellable: a request to a host whose gate is closed waits, and gives up
// with its context; a request to another host does not wait.
func TestBackoffWaitsAndIsCancellable(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits.Add(1) == 1 {
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, "ok")
	}))
	t.Cleanup(srv.Close)
	s := newTestSession(t, srv.URL, check.Config{})
	r, err := s.Get(t.Context(), "/busy")
	require.NoError(t, err)
	assert.Equal(t, http.StatusTooManyRequests, r.StatusCode, "the 429 itself is returned, not retried")
	assert.EqualValues(t, 1, s.Limits().Backoffs)

	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		_, err := s.Get(ctx, "/next")
		done <- err
	}()
	cancel()
	select {
	case err := <-done:
		require.Error(t, err)
		assert.True(t, errors.Is(err, context.Canceled), "%v", err)
	case <-time.After(time.Minute):
		t.Fatal("a request waiting for a closed gate did not give up with its context")
	}
	assert.EqualValues(t, 1, hits.Load(), "nothing was sent while the gate was closed")
}

func TestEachRunsAllWithinTheBound(t *testing.T) {
	s := newTestSession(t, "https://portal.example/", check.Config{MaxInFlight: 3})
	var cur, most atomic.Int64
	ran := make([]bool, 50)
	var mu sync.Mutex
	s.Each(t.Context(), len(ran), func(i int) {
		n := cur.Add(1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		mu.Lock()
		ran[i] = true
		mu.Unlock()
		cur.Add(-1)
	})
	for i, r := range ran {
		assert.True(t, r, "call %d", i)
	}
	assert.LessOrEqual(t, most.Load(), int64(3))

	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	calls := 0
	s.Each(ctx, 10, func(int) { calls++ })
	assert.Zero(t, calls, "nothing starts once the context is done")
}

// TestRawTransportSharesBudgetAndLimits: the raw transport checks use for unfollowed redirects
// counts against the request budget and carries the target's TLS configuration.
func TestRawTransportSharesBudgetAndLimits(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://elsewhere.example/", http.StatusFound)
	}))
	t.Cleanup(srv.Close)
	s, err := NewSessionContext(t.Context(), check.Target{BaseURL: srv.URL, Client: srv.Client()}, check.Config{MaxRequests: 2})
	require.NoError(t, err)
	t.Cleanup(s.Close)
	rt := s.Transport()
	tc, ok := rt.(interface{ TLSClientConfig() *tls.Config })
	require.True(t, ok)
	require.NotNil(t, tc.TLSClientConfig())
	assert.NotNil(t, tc.TLSClientConfig().RootCAs, "the target's trust roots")
	for i := range 3 {
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, srv.URL, nil)
		resp, err := rt.RoundTrip(req)
		if i < 2 {
			require.NoError(t, err)
			assert.Equal(t, http.StatusFound, resp.StatusCode, "not followed")
			resp.Body.Close()
			continue
		}
		assert.ErrorIs(t, err, check.ErrRequestBudget)
	}
}

// TestTTFBIsThePortalsTime: the time to first byte covers the portal's work (a lower bound only:
// no upper bound is asserted on a shared machine).
func TestTTFBIsThePortalsTime(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(30 * time.Millisecond)
		fmt.Fprint(w, "ok")
	}))
	t.Cleanup(srv.Close)
	s := newTestSession(t, srv.URL, check.Config{})
	r, err := s.Get(t.Context(), "/")
	require.NoError(t, err)
	assert.GreaterOrEqual(t, r.TTFB, 30*time.Millisecond)
	assert.LessOrEqual(t, r.TTFB, r.Duration)
	assert.Equal(t, []time.Duration{r.TTFB}, s.Timings(srv.URL+"/"), "the session records the GET's time")
}
