package tlsscan

import (
	"bytes"
	"context"
	"net"
	"strings"
	"testing"
	"time"
)

// hostileServer accepts connections on loopback and answers every one with behave.
func hostileServer(t *testing.T, behave func(net.Conn)) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				_ = c.SetDeadline(time.Now().Add(10 * time.Second))
				buf := make([]byte, 4096)
				_, _ = c.Read(buf)
				behave(c)
			}()
		}
	}()
	return l.Addr().String()
}

func TestProbeHostileServers(t *testing.T) {
	endless := bytes.Repeat(append([]byte{22, 3, 3, 0x40, 0x00}, make([]byte, 0x4000)...), 100) // 1.6 MB, no ServerHello end
	tests := []struct {
		name   string
		behave func(net.Conn)
		silent bool
		detail string
	}{
		{"endless handshake records", func(c net.Conn) { _, _ = c.Write(endless) }, false, "not TLS"},
		{"huge declared message", func(c net.Conn) { _, _ = c.Write([]byte{22, 3, 3, 0, 4, 2, 0xff, 0xff, 0xff}) }, false, "handshake message of 16777215 bytes"},
		{"silence", func(c net.Conn) { time.Sleep(2 * time.Second) }, true, "no answer"},
		{"HTTP answer", func(c net.Conn) { _, _ = c.Write([]byte("HTTP/1.1 400 Bad Request\r\n\r\n")) }, false, "not TLS"},
		{"reset", func(c net.Conn) { c.(*net.TCPConn).SetLinger(0) }, true, "closed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			addr := hostileServer(t, tc.behave)
			ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
			defer cancel()
			o, err := (&Prober{Addr: addr}).Probe(ctx, VersionTLS12, legacySuites())
			if err != nil {
				t.Fatalf("a reachable server's answer must be an outcome, got error %v", err)
			}
			if _, ok := o.Accepted(VersionTLS12); ok {
				t.Fatal("a hostile answer counted as acceptance")
			}
			if o.Silent != tc.silent || !strings.Contains(o.Detail, tc.detail) {
				t.Errorf("outcome %+v, want silent=%v and detail containing %q", o, tc.silent, tc.detail)
			}
		})
	}
}

func TestProbeUnreachable(t *testing.T) {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := l.Addr().String()
	l.Close()
	if _, err := (&Prober{Addr: addr}).Probe(context.Background(), VersionTLS12, legacySuites()); err == nil || !strings.Contains(err.Error(), "connecting to") {
		t.Fatalf("err = %v, want a connection error", err)
	}
	r := checkVersions(context.Background(), session(t, "https://"+addr+"/", nil, nil))
	wantStatus(t, r, "error")
}
