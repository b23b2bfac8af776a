package delayproxy_test

import (
	"bufio"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/p06kit/p06kit/internal/delayproxy"
)

// echo starts a line echo server on loopback.
func echo(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				io.Copy(c, c)
			}()
		}
	}()
	return ln.Addr().String()
}

func TestForwardsInOrderAndCounts(t *testing.T) {
	p, err := delayproxy.Start(echo(t), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var conns []net.Conn
	for range 3 {
		c, err := net.Dial("tcp", p.Addr())
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	for i, c := range conns {
		r := bufio.NewReader(c)
		for j := range 50 {
			msg := strings.Repeat("x", j) + "\n"
			if _, err := io.WriteString(c, msg); err != nil {
				t.Fatal(err)
			}
			got, err := r.ReadString('\n')
			if err != nil || got != msg {
				t.Fatalf("conn %d message %d: got %q, %v; want %q", i, j, got, err, msg)
			}
		}
	}
	for _, c := range conns {
		c.Close()
	}
	s := p.Stats()
	if s.Conns != 3 || s.MaxOpen != 3 {
		t.Errorf("stats %+v: want 3 connections, 3 open at once", s)
	}
	want := int64(3 * (50 * 51 / 2)) // bytes of x plus newlines: sum over j of (j+1)
	if s.BytesUp != want || s.BytesDown != want {
		t.Errorf("bytes up %d, down %d; want %d each", s.BytesUp, s.BytesDown, want)
	}
}

// A request–response exchange through the proxy takes at least one round trip (two delays), and
// the first one on a connection at least two (the emulated TCP handshake). Only lower bounds are
// asserted: a loaded machine can only make it slower.
func TestAddsTheDelay(t *testing.T) {
	const d = 30 * time.Millisecond
	p, err := delayproxy.Start(echo(t), d)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	c, err := net.Dial("tcp", p.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	r := bufio.NewReader(c)
	for i, min := range []time.Duration{4 * d, 2 * d, 2 * d} {
		start := time.Now()
		io.WriteString(c, "ping\n")
		if _, err := r.ReadString('\n'); err != nil {
			t.Fatal(err)
		}
		if el := time.Since(start); el < min {
			t.Errorf("exchange %d took %v, want at least %v", i, el, min)
		}
	}
}

func TestCloseEndsConnections(t *testing.T) {
	p, err := delayproxy.Start(echo(t), time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	c, err := net.Dial("tcp", p.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "x\n")
	bufio.NewReader(c).ReadString('\n')
	p.Close() // must not hang with a connection open
	if _, err := c.Read(make([]byte, 1)); err == nil {
		t.Error("connection still open after Close")
	}
}

func TestNegativeDelay(t *testing.T) {
	if _, err := delayproxy.Start("127.0.0.1:1", -time.Second); err == nil {
		t.Error("negative delay accepted")
	}
}
