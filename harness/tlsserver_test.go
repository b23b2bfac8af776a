package harness

import (
	"fmt"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type logTB struct {
	testing.TB
	mu   sync.Mutex
	logs []string
}

func (l *logTB) Log(a ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.logs = append(l.logs, fmt.Sprint(a...))
}

func TestQuietTLSServer(t *testing.T) {
	tb := &logTB{TB: t}
	srv := QuietTLSServer(tb, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("ok")) }))
	// A client that is not TLS: the server logs a handshake error, which is dropped.
	c, err := net.Dial("tcp", srv.Listener.Addr().String())
	require.NoError(t, err)
	_, _ = c.Write([]byte("GET / HTTP/1.0\r\n\r\n"))
	_ = c.SetReadDeadline(time.Now().Add(30 * time.Second))
	_, _ = c.Read(make([]byte, 64)) // the server answers (a TLS alert or an HTTP 400) and closes
	c.Close()
	resp, err := srv.Client().Get(srv.URL)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode)
	// Other lines still reach the test log.
	_, _ = srv.Config.ErrorLog.Writer().Write([]byte("http: something else\n"))
	tb.mu.Lock()
	defer tb.mu.Unlock()
	assert.Equal(t, []string{"http: something else"}, tb.logs)
	for _, l := range tb.logs {
		assert.NotContains(t, l, "TLS handshake error")
	}
}
