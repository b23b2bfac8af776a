package harness_test

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/scoring"
)

// TestPoliteAtEveryConcurrency scans a complete portal, over HTTP/1.1 and over HTTP/2, one
// request at a time and with the default bound, through a dialer that counts the connections
// the scan's transport holds open: the findings are the same in every run, the connections never
// exceed the per-host bound (the 2 TLS probes at a time are Session's own bound, tested in
// package check), and the report records the limits it kept.
func TestPoliteAtEveryConcurrency(t *testing.T) {
	if testing.Short() {
		t.Skip("four full scans")
	}
	cert, pool := benchCert(t)
	var want map[string]string
	for _, proto := range []string{"HTTP/1.1", "HTTP/2"} {
		srv := httptest.NewUnstartedServer(benchPortal())
		srv.EnableHTTP2 = proto == "HTTP/2"
		srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
		srv.Config.ErrorLog = quietLogger()
		srv.StartTLS()
		t.Cleanup(srv.Close)
		for _, parallel := range []int{1, harness.DefaultParallel} {
			dial := &countingDialer{}
			tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}, ForceAttemptHTTP2: true, DialContext: dial.DialContext}
			r, err := harness.Check(t.Context(), harness.Target{BaseURL: srv.URL, Client: &http.Client{Transport: tr}},
				harness.Lang("en"), harness.Parallel(parallel))
			tr.CloseIdleConnections()
			require.NoError(t, err, "%s, Parallel(%d)", proto, parallel)
			got := map[string]string{}
			for _, f := range r.Findings {
				got[f.Criterion] = string(f.Status)
			}
			if want == nil {
				want = got
			}
			assert.Equal(t, want, got, "%s, Parallel(%d): findings differ from the first run's", proto, parallel)
			assert.LessOrEqual(t, dial.max.Load(), int64(check.DefaultMaxConnsPerHost), "%s, Parallel(%d): connections open at once", proto, parallel)
			assert.Positive(t, dial.max.Load())
			if assert.NotNil(t, r.Traffic) {
				assert.Equal(t, parallel, r.Traffic.MaxInFlight)
				assert.Equal(t, check.DefaultMaxConnsPerHost, r.Traffic.MaxConnsPerHost)
				assert.Greater(t, r.Traffic.Requests, int64(20), "a full scan of the portal")
				assert.Zero(t, r.Traffic.Backoffs)
				assert.Equal(t, "standard", r.Traffic.Depth)
			}
		}
	}
}

// Deep reaches the probing checks and the report: P06-SEC-13 sends its whole dump and archive
// list, says so, and the report's traffic records the depth; the verdict is the same.
func TestDeepProbesMore(t *testing.T) {
	srv := httptest.NewUnstartedServer(benchPortal())
	srv.Config.ErrorLog = quietLogger()
	srv.StartTLS()
	t.Cleanup(srv.Close)
	scan := func(opts ...harness.Option) *scoring.Report {
		r, err := harness.Check(t.Context(), harness.Target{BaseURL: srv.URL, Client: srv.Client()},
			append([]harness.Option{harness.Lang("en"), harness.Only("P06-SEC-13")}, opts...)...)
		require.NoError(t, err)
		require.NotNil(t, r.Traffic)
		return r
	}
	std, deep := scan(), scan(harness.Deep())
	assert.Equal(t, "standard", std.Traffic.Depth)
	assert.Equal(t, "deep", deep.Traffic.Depth)
	// The loopback portal has an IP address: 8 dump and archive names at standard depth, 47 deep.
	assert.Equal(t, std.Traffic.Requests+39, deep.Traffic.Requests)
	finding := func(r *scoring.Report) *scoring.Finding {
		for i := range r.Findings {
			if r.Findings[i].Criterion == "P06-SEC-13" {
				return &r.Findings[i]
			}
		}
		t.Fatal("no finding of P06-SEC-13")
		return nil
	}
	fs, fd := finding(std), finding(deep)
	assert.Equal(t, scoring.Pass, fs.Status)
	assert.Equal(t, fs.Status, fd.Status)
	assert.Contains(t, fs.Message, "standard depth: 8 dump and archive names of the 47 known")
	assert.Contains(t, fs.Message, "--deep checks 39 more")
	assert.Contains(t, fd.Message, "deep: all 47 dump and archive names known")
}

// countingDialer dials TCP and counts the connections open at once, as the client sees them.
type countingDialer struct {
	d         net.Dialer
	open, max atomic.Int64
}

func (c *countingDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	conn, err := c.d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	n := c.open.Add(1)
	for m := c.max.Load(); n > m && !c.max.CompareAndSwap(m, n); m = c.max.Load() {
	}
	return &countedConn{Conn: conn, open: &c.open}, nil
}

type countedConn struct {
	net.Conn
	open   *atomic.Int64
	closed atomic.Bool
}

func (c *countedConn) Close() error {
	if c.closed.CompareAndSwap(false, true) {
		c.open.Add(-1)
	}
	return c.Conn.Close()
}
