package probe

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/p06kit/p06kit/harness/check"
)

// # Politeness
//
// The scanner is a guest: whatever the checks do, a session keeps at most Config.MaxInFlight
// HTTP requests in flight to all hosts together, opens at most Config.MaxConnsPerHost
// connections to one host through its transport (to a host that speaks HTTP/1.x, which answers
// one request per connection at a time, at most that many requests are in flight, so that none
// waits for a connection inside its timeout; HTTP/2 multiplexes them on one connection), runs
// the TLS probes, which need connections of their own, at most maxProbes at a time (with the
// defaults, at most 6 + 2 connections to the portal are open at once), and backs off when a
// host says it is overloaded: after a 429 or 503 response, no new request goes to that host
// before the time its Retry-After names (at most maxRetryAfter away) or, without one, an
// exponential pause (1 s, 2 s, 4 s, 8 s) that resets on the next other answer. The response
// itself is returned as it came: the harness never resends a request on its own, so a check
// that judges a 429 (rate limiting) still sees it.
//
// Waiting for a turn is not part of a request's timeout (Config.RequestTimeout starts when the
// request holds its slot) nor of the response time the harness measures (Response.TTFB is the
// portal's own time), so the same portal gets the same findings at every concurrency.

const (
	// maxRetryAfter bounds how long one Retry-After makes the session wait.
	maxRetryAfter = 30 * time.Second
	// maxBackoff bounds the pause after repeated 429/503 answers without Retry-After.
	maxBackoff = 8 * time.Second
	// maxProbes bounds the exchanges on connections of their own (TLS probes) at once.
	maxProbes = 2
)

// limiter holds the session's request slots and the per-host back-off gates.
type limiter struct {
	slots   chan struct{}
	probes  chan struct{}
	perHost int

	mu    sync.Mutex
	hosts map[string]*gate

	backoffs atomic.Int64 // 429/503 answers that made the session pause
	waited   atomic.Int64 // nanoseconds requests spent waiting on a gate
}

// gate is one host's connection slots and back-off state.
type gate struct {
	// conns bounds the requests in flight to the host while it is not known to speak HTTP/2.
	conns     chan struct{}
	h2        atomic.Bool
	notBefore time.Time
	strikes   int
}

func newLimiter(inFlight, perHost int) *limiter {
	return &limiter{slots: make(chan struct{}, inFlight), probes: make(chan struct{}, maxProbes), perHost: perHost, hosts: map[string]*gate{}}
}

// gate returns host's gate, creating it; l.mu must be held.
func (l *limiter) gateLocked(host string) *gate {
	key := strings.ToLower(host)
	g := l.hosts[key]
	if g == nil {
		g = &gate{conns: make(chan struct{}, l.perHost)}
		l.hosts[key] = g
	}
	return g
}

// slotKey marks a context whose request already holds a slot (Session.do takes it once for a
// whole redirect chain), so that the transport does not take a second one.
type slotKey struct{}

func holdsSlot(ctx context.Context) bool { return ctx.Value(slotKey{}) != nil }

// acquire waits until host may be sent a request and a slot is free; conn says the request
// goes over the session's transport (an HTTP request: a request slot, and a connection slot
// while the host is not known to speak HTTP/2) rather than a connection of its own (a TLS
// probe: a probe slot). It returns the function that frees the slot.
//
// The host's connection slot is taken before the session's slot, so that a request waiting for a
// busy host does not keep another host's request waiting.
func (l *limiter) acquire(ctx context.Context, host string, conn bool) (func(), error) {
	l.mu.Lock()
	g := l.gateLocked(host)
	l.mu.Unlock()
	if err := l.waitGate(ctx, g); err != nil {
		return nil, err
	}
	var taken []chan struct{}
	release := func() {
		for _, c := range taken {
			<-c
		}
	}
	sems := []chan struct{}{l.probes}
	if conn {
		sems = []chan struct{}{l.slots}
		if !g.h2.Load() {
			sems = []chan struct{}{g.conns, l.slots}
		}
	}
	for _, c := range sems {
		select {
		case c <- struct{}{}:
			taken = append(taken, c)
		case <-ctx.Done():
			release()
			return nil, ctx.Err()
		}
	}
	var once sync.Once
	return func() { once.Do(release) }, nil
}

// waitGate waits until the host's back-off time, if any, has passed.
func (l *limiter) waitGate(ctx context.Context, g *gate) error {
	for {
		l.mu.Lock()
		wait := time.Until(g.notBefore)
		l.mu.Unlock()
		if wait <= 0 {
			return nil
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
			l.waited.Add(int64(wait))
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
	}
}

// observe feeds host's gate with a response status: 429 and 503 close it for a while, any other
// answer resets the exponential back-off.
func (l *limiter) observe(host string, resp *http.Response, now time.Time) {
	if resp == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	g := l.gateLocked(host)
	if resp.ProtoMajor == 2 {
		g.h2.Store(true)
	}
	if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable {
		g.strikes = 0
		return
	}
	g.strikes++
	d, ok := retryAfter(resp.Header.Get("Retry-After"), now)
	if !ok {
		d = time.Second << min(g.strikes-1, 3)
		d = min(d, maxBackoff)
	}
	d = min(d, maxRetryAfter)
	if until := now.Add(d); until.After(g.notBefore) {
		g.notBefore = until
	}
	l.backoffs.Add(1)
}

// hostKey names the host a request goes to as host:port, the default port made explicit, so that
// "example.vn" and "example.vn:443" share one gate.
func hostKey(u *url.URL) string {
	if u.Port() != "" {
		return u.Host
	}
	if u.Scheme == "http" {
		return net.JoinHostPort(u.Hostname(), "80")
	}
	return net.JoinHostPort(u.Hostname(), "443")
}

// retryAfter parses a Retry-After value: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > int64(maxRetryAfter/time.Second) {
			return maxRetryAfter, true
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	if d := t.Sub(now); d > 0 {
		return d, true
	}
	return 0, true
}

// Limits returns the session's politeness limits and back-off counters.
func (s *Session) Limits() check.Limits {
	return check.Limits{MaxInFlight: s.cfg.MaxInFlight, MaxConnsPerHost: s.cfg.MaxConnsPerHost,
		Backoffs: s.lim.backoffs.Load(), Waited: time.Duration(s.lim.waited.Load())}
}

// Acquire takes one of the session's probe slots (at most 2 at once) for work that reaches addr
// (host:port) on a connection of its own rather than through the session's transport (a TLS
// probe's handshake), waiting for the host's back-off like a request would. Call the returned
// function when the connection is closed.
func (s *Session) Acquire(ctx context.Context, addr string) (release func(), err error) {
	return s.lim.acquire(ctx, addr, false)
}

// Prefetch fetches refs as pages (Session.Page), up to Config.MaxInFlight at once, and returns
// when all have been fetched or ctx is done. The pages land in the session's cache, so that a
// check that reads them one after another afterwards does not wait a round trip for each:
// results, errors included, are the same as those of sequential Page calls.
func (s *Session) Prefetch(ctx context.Context, refs ...string) {
	s.Each(ctx, len(refs), func(i int) { _, _ = s.Page(ctx, refs[i]) })
}

// Each calls f(0) … f(n-1), up to Config.MaxInFlight at once, and returns when all have
// returned: for a check's independent requests (probes of many paths, many pages), which then
// cost a few round trips rather than one each. f must be safe to run concurrently; a check
// that collects results into a slice indexed by i and judges them in order afterwards gives
// the same verdict at any concurrency. Calls not yet started when ctx is done are skipped.
func (s *Session) Each(ctx context.Context, n int, f func(i int)) {
	if n <= 0 {
		return
	}
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(n, s.cfg.MaxInFlight) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				f(i)
			}
		}()
	}
	defer func() { close(work); wg.Wait() }()
	for i := range n {
		if ctx.Err() != nil {
			return
		}
		select {
		case work <- i:
		case <-ctx.Done():
			return
		}
	}
}

// timings keeps, for each URL, the answer times (Response.TTFB) of the first successful GETs the
// session sent it, whatever check sent them: a check that samples response times counts them
// and only sends the requests still missing.
type timings struct {
	mu sync.Mutex
	m  map[string][]time.Duration
}

// Bounds of the timing record: URLs kept, samples per URL.
const (
	maxTimedURLs   = 4096
	maxTimesPerURL = 16
)

func (t *timings) note(u string, d time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.m == nil {
		t.m = map[string][]time.Duration{}
	}
	ds, ok := t.m[u]
	if (!ok && len(t.m) >= maxTimedURLs) || len(ds) >= maxTimesPerURL {
		return
	}
	t.m[u] = append(ds, d)
}

// Timings returns the answer times (Response.TTFB) of the successful GETs (status 200) the session
// has sent to u (absolute, as requested) so far, in the order they completed, at most 16.
func (s *Session) Timings(u string) []time.Duration {
	s.timings.mu.Lock()
	defer s.timings.mu.Unlock()
	return append([]time.Duration(nil), s.timings.m[u]...)
}
