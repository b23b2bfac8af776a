package popdbtest

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"sync"
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
	untrusted := l.s.Faults().UntrustedCert
	auth := l.s.trusted
	if untrusted {
		auth = l.s.untrusted
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{auth.leaf}, MinVersion: tls.VersionTLS12, NextProtos: []string{"http/1.1"}}
	tc := tls.Server(c, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	err := tc.HandshakeContext(ctx)
	cancel()
	h := Handshake{Time: time.Now(), Remote: c.RemoteAddr().String(), Untrusted: untrusted}
	if err == nil {
		h.Version = tls.VersionName(tc.ConnectionState().Version)
	} else {
		h.Err = err.Error()
		var oe *net.OpError
		h.ClientRefused = errors.As(err, &oe) && oe.Op == "remote error"
	}
	l.s.mu.Lock()
	l.s.handshakes = append(l.s.handshakes, h)
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
