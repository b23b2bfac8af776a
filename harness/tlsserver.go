package harness

import (
	"bytes"
	"log"
	"net/http"
	"net/http/httptest"
	"testing"
)

// QuietTLSServer starts an httptest TLS server for h, closed when tb's test ends. Unlike
// httptest.NewTLSServer it drops the server's "http: TLS handshake error" log lines: the TLS
// checks provoke failed handshakes on purpose (old protocol versions, weak ciphers), and each
// would otherwise print a line in the test output. Other server log lines go to tb.Log.
func QuietTLSServer(tb testing.TB, h http.Handler) *httptest.Server {
	tb.Helper()
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ErrorLog = log.New(tlsQuietLog{tb}, "", 0)
	srv.StartTLS()
	tb.Cleanup(srv.Close)
	return srv
}

// tlsQuietLog forwards server log lines to the test log, except TLS handshake errors.
type tlsQuietLog struct{ tb testing.TB }

func (q tlsQuietLog) Write(p []byte) (int, error) {
	if !bytes.Contains(p, []byte("TLS handshake error")) {
		q.tb.Log(string(bytes.TrimRight(p, "\n")))
	}
	return len(p), nil
}
