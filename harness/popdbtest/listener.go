package popdbtest

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// tlsListener performs the TLS handshakes itself, so that the gateway can choose the certificate
// per connection (the untrusted-certificate fault) and record whether the client refused it.
type tlsListener struct {
	s     *Server
	raw   net.Listener
	conns chan net.Conn
	done  chan struct{}
	once  sync.Once
}

// gwConn is an established TLS connection, marked when the untrusted certificate was presented.
type gwConn struct {
	*tls.Conn
	untrusted bool
}

func newTLSListener(s *Server, raw net.Listener) *tlsListener {
	l := &tlsListener{s: s, raw: raw, conns: make(chan net.Conn), done: make(chan struct{})}
	go l.acceptLoop()
	return l
}

func (l *tlsListener) acceptLoop() {
	for {
		c, err := l.raw.Accept()
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			l.Close()
			return
		}
		go l.handshake(c)
	}
}

func (l *tlsListener) handshake(c net.Conn) {
	// A handshake in progress counts as activity for WaitIdle: a check that waits for the
	// gateway to be idle must see the handshake a refusing client aborted.
	l.s.mu.Lock()
	l.s.inflight++
	l.s.mu.Unlock()
	untrusted := l.s.Faults().UntrustedCert
	auth := l.s.trusted
	if untrusted {
		auth = l.s.untrusted
	}
	var hello atomic.Bool
	leaf := auth.leaf
	cfg := &tls.Config{MinVersion: tls.VersionTLS12, NextProtos: []string{"http/1.1"},
		GetCertificate: func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
			hello.Store(true)
			return &leaf, nil
		}}
	tc := tls.Server(c, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	err := tc.HandshakeContext(ctx)
	cancel()
	h := Handshake{Time: time.Now(), Remote: c.RemoteAddr().String(), Untrusted: untrusted}
	if err == nil {
		h.Version = tls.VersionName(tc.ConnectionState().Version)
	} else {
		h.Err = err.Error()
		// A client that sent its hello, received the certificate and then did not finish
		// refused it: most send an alert (remote error: bad certificate, unknown authority);
		// some abort in ways the server sees as a record error (OpenSSL under TLS 1.3).
		var oe *net.OpError
		h.ClientRefused = (errors.As(err, &oe) && oe.Op == "remote error") || (hello.Load() && !errors.Is(err, context.DeadlineExceeded))
	}
	l.s.mu.Lock()
	l.s.handshakes = append(l.s.handshakes, h)
	l.s.inflight--
	l.s.mu.Unlock()
	if err != nil {
		_ = c.Close()
		return
	}
	select {
	case l.conns <- &gwConn{Conn: tc, untrusted: untrusted}:
	case <-l.done:
		_ = tc.Close()
	}
}

func (l *tlsListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *tlsListener) Close() error {
	l.once.Do(func() {
		close(l.done)
		_ = l.raw.Close()
	})
	return nil
}

func (l *tlsListener) Addr() net.Addr { return l.raw.Addr() }
