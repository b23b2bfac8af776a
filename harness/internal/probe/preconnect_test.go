package probe

import (
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/check"
)

// connCounter counts the connections a test server accepted and the requests it read.
type connCounter struct {
	conns, requests atomic.Int64
}

func (c *connCounter) state(_ net.Conn, s http.ConnState) {
	if s == http.StateNew {
		c.conns.Add(1)
	}
}

// TestRunSessionPreconnects: a run session's first request (the preflight) to a portal that
// speaks HTTP/1.1 opens the other connections the politeness bound allows, and sends nothing on
// them: after it, the portal has read one request. The checks' requests then use those
// connections: 6 requests held at once by the portal arrive on 6 connections in all, so none
// was opened in vain. To a portal that speaks HTTP/2, to a session of one request in flight, and
// from a session that is not a run's, no connection is preconnected.
func TestRunSessionPreconnects(t *testing.T) {
	cases := []struct {
		name     string
		h2, run  bool
		inFlight int
		want     int64 // connections preconnected
	}{
		{"HTTP/1.1 run session", false, true, 8, 5},
		{"HTTP/1.1 run session, 4 in flight", false, true, 4, 3},
		{"HTTP/1.1 run session, 1 in flight", false, true, 1, 0},
		{"HTTP/2 run session", true, true, 8, 0},
		{"HTTP/1.1 session of a check's test", false, false, 8, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var cc connCounter
			const held = 6
			var mu sync.Mutex
			cur := 0
			all := make(chan struct{}) // closed when held requests are in the handler at once
			srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				cc.requests.Add(1)
				if r.URL.Path == "/" {
					fmt.Fprint(w, "<!doctype html><title>home</title>")
					return
				}
				mu.Lock()
				if cur++; cur == held {
					close(all)
				}
				mu.Unlock()
				select {
				case <-all:
				case <-r.Context().Done():
				}
			}))
			srv.EnableHTTP2 = tc.h2
			srv.Config.ConnState = cc.state
			srv.Config.ErrorLog = log.New(io.Discard, "", 0) // preconnections closed mid-handshake when a case ends early
			srv.StartTLS()
			t.Cleanup(srv.Close)
			s, err := newSession(t.Context(), check.Target{BaseURL: srv.URL, Client: srv.Client()},
				check.Config{MaxInFlight: tc.inFlight, RequestTimeout: time.Minute}, tc.run)
			require.NoError(t, err)
			t.Cleanup(s.Close)

			_, err = s.Page(t.Context(), "/")
			require.NoError(t, err)
			assert.Equal(t, tc.want, s.preconnects.Load(), "connections preconnected")
			assert.Equal(t, int64(1), cc.requests.Load(), "requests the portal read after the preflight")
			if tc.h2 || tc.inFlight < held {
				return
			}
			// The checks: held requests at once, answered when all have arrived.
			var wg sync.WaitGroup
			for i := range held {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, err := s.Get(t.Context(), fmt.Sprintf("/p%d", i))
					assert.NoError(t, err)
				}()
			}
			wg.Wait()
			assert.Equal(t, int64(1+held), cc.requests.Load(), "requests the portal read")
			assert.Equal(t, int64(held), cc.conns.Load(), "connections the portal accepted")
		})
	}
}
