// Package delayproxy is a TCP proxy that adds a fixed delay in each direction, so that a scan of
// a portal on loopback meets the round-trip time of a real network. It is how the latency
// benchmark (.ci/bench-latency) and the scan's latency tests put a portal 20–200 ms away.
//
//	p, _ := delayproxy.Start("127.0.0.1:8443", 50*time.Millisecond) // RTT 100 ms
//	defer p.Close()
//	// dial p.Addr() instead of 127.0.0.1:8443
//
// Every chunk of bytes read on one side is written to the other side one delay later, in order,
// so a request–response exchange costs two delays (one round trip), however the bytes are split.
// A new connection's first bytes towards the server wait one round trip more, as the TCP
// handshake a real network would need before them. The proxy counts connections, the most open
// at once, and bytes each way, so a test can bound what a client opens.
package delayproxy

import (
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// Proxy forwards connections to one upstream address with a fixed one-way delay. It is safe for
// concurrent use.
type Proxy struct {
	ln       net.Listener
	upstream string
	delay    time.Duration

	conns    atomic.Int64 // accepted so far
	open     atomic.Int64 // open now
	maxOpen  atomic.Int64 // the most open at once
	up, down atomic.Int64 // bytes client→server, server→client

	mu     sync.Mutex
	active map[net.Conn]struct{}
	closed bool
	wg     sync.WaitGroup
}

// Stats are a proxy's counters.
type Stats struct {
	// Conns is the number of client connections accepted.
	Conns int64
	// MaxOpen is the largest number of client connections open at the same time, each counted
	// from its accept until one of its ends closes it.
	MaxOpen int64
	// BytesUp and BytesDown are the bytes forwarded towards the upstream and back.
	BytesUp, BytesDown int64
}

// Start listens on 127.0.0.1 (an ephemeral port) and forwards each connection to upstream with
// oneWay added in each direction. A zero delay forwards as fast as it can.
func Start(upstream string, oneWay time.Duration) (*Proxy, error) {
	return Listen("127.0.0.1:0", upstream, oneWay)
}

// Listen is Start on a given listening address.
func Listen(addr, upstream string, oneWay time.Duration) (*Proxy, error) {
	if oneWay < 0 {
		return nil, fmt.Errorf("delayproxy: negative delay %v", oneWay)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("delayproxy: %w", err)
	}
	p := &Proxy{ln: ln, upstream: upstream, delay: oneWay, active: map[net.Conn]struct{}{}}
	p.wg.Add(1)
	go p.serve()
	return p, nil
}

// Addr is the address clients dial (host:port).
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// Stats returns the counters so far.
func (p *Proxy) Stats() Stats {
	return Stats{Conns: p.conns.Load(), MaxOpen: p.maxOpen.Load(), BytesUp: p.up.Load(), BytesDown: p.down.Load()}
}

// ResetStats zeroes the counters (connections open now stay counted as open).
func (p *Proxy) ResetStats() {
	p.conns.Store(0)
	p.maxOpen.Store(p.open.Load())
	p.up.Store(0)
	p.down.Store(0)
}

// Close stops accepting, closes every connection and waits for the forwarding goroutines.
func (p *Proxy) Close() error {
	p.mu.Lock()
	p.closed = true
	for c := range p.active {
		c.Close()
	}
	p.mu.Unlock()
	err := p.ln.Close()
	p.wg.Wait()
	return err
}

func (p *Proxy) track(c net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return false
	}
	p.active[c] = struct{}{}
	return true
}

func (p *Proxy) untrack(c net.Conn) {
	p.mu.Lock()
	delete(p.active, c)
	p.mu.Unlock()
}

func (p *Proxy) serve() {
	defer p.wg.Done()
	for {
		c, err := p.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			continue
		}
		p.wg.Add(1)
		go p.handle(c)
	}
}

func (p *Proxy) handle(client net.Conn) {
	defer p.wg.Done()
	if !p.track(client) {
		client.Close()
		return
	}
	defer p.untrack(client)
	p.conns.Add(1)
	p.open.Add(1)
	// The most open at once is sampled when a connection's first bytes arrive, not at its accept:
	// a client that closes a connection and opens the next at once is not caught holding both
	// because the proxy's goroutine for the new one ran before the one reading the old one's close.
	sample := func() {
		n := p.open.Load()
		for m := p.maxOpen.Load(); n > m && !p.maxOpen.CompareAndSwap(m, n); m = p.maxOpen.Load() {
		}
	}
	// A connection counts as open until one of its ends closes it: the proxy may still be
	// delivering the close a delay later, but the closing end is done with it (a client that
	// closes a connection and opens another at once, or whose server closed it, does not hold
	// two).
	var closed sync.Once
	closing := func() { closed.Do(func() { p.open.Add(-1) }) }
	defer closing()
	defer client.Close()
	server, err := net.Dial("tcp", p.upstream)
	if err != nil {
		return
	}
	if !p.track(server) {
		server.Close()
		return
	}
	defer p.untrack(server)
	defer server.Close()
	done := make(chan struct{}, 2)
	// The client believes it is connected at once; a real network would make its first bytes
	// wait for the TCP handshake, one round trip.
	go func() { p.pipe(server, client, 2*p.delay, &p.up, sample, closing); done <- struct{}{} }()
	go func() { p.pipe(client, server, 0, &p.down, nil, closing); done <- struct{}{} }()
	<-done
	// One side finished: close both so that the other pipe ends too.
	client.Close()
	server.Close()
	<-done
}

type chunk struct {
	at   time.Time
	data []byte
	err  error
}

// pipe copies src to dst, each chunk written one delay after it was read (the first one extra
// later), in order. srcFirst, if set, is called when the first bytes are read from src; srcDone,
// if set, as soon as reading src ends.
func (p *Proxy) pipe(dst, src net.Conn, extraFirst time.Duration, count *atomic.Int64, srcFirst, srcDone func()) {
	q := make(chan chunk, 256)
	go func() {
		defer close(q)
		first := true
		for {
			buf := make([]byte, 32<<10)
			n, err := src.Read(buf)
			at := time.Now().Add(p.delay)
			if first && n > 0 {
				at = at.Add(extraFirst)
				first = false
				if srcFirst != nil {
					srcFirst()
				}
			}
			if n > 0 {
				q <- chunk{at: at, data: buf[:n]}
			}
			if err != nil {
				if srcDone != nil {
					srcDone()
				}
				q <- chunk{at: at, err: err}
				return
			}
		}
	}()
	for c := range q {
		if d := time.Until(c.at); d > 0 {
			time.Sleep(d)
		}
		if c.err != nil {
			if errors.Is(c.err, io.EOF) {
				if tc, ok := dst.(*net.TCPConn); ok {
					tc.CloseWrite()
					continue
				}
			}
			dst.Close()
			continue
		}
		// Counted before the write: a peer that has read the bytes finds them counted (counted
		// after it, the last chunk could still be missing when the peer asks for the stats).
		count.Add(int64(len(c.data)))
		if _, err := dst.Write(c.data); err != nil {
			count.Add(-int64(len(c.data)))
			src.Close()
			for range q {
			}
			return
		}
	}
}
