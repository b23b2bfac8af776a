package probe

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync"
)

// # Preconnecting
//
// A run's first request is the preflight's GET of the home page, and the checks start when it
// has been answered. To a portal that speaks HTTP/1.1, which answers one request per connection
// at a time, the checks then open the other connections they may (Config.MaxConnsPerHost), a TCP
// and a TLS handshake each, before their requests go out side by side: two round trips in which
// one connection works. A run session (NewRunSession) opens them during the preflight instead: as
// soon as the preflight's TLS handshake says the portal speaks HTTP/1.1 (ALPN), it dials the
// other connections, which are idle in the pool when the checks start. Nothing is sent on them
// before a check sends its request: a preconnection is a connection, never a request, and the
// politeness contract holds: at most Config.MaxConnsPerHost connections to the host (the
// transport's own bound), and each handshake holds one of the session's Config.MaxInFlight
// slots while it runs, as the TLS probes' handshakes do. A portal that negotiates HTTP/2
// multiplexes the checks' requests on the preflight's connection and gets no other.
//
// How a connection is opened without sending a request: Go's transport opens a connection only
// for a request, and a request whose caller gives up while its connection is being dialled leaves
// the dialled connection in the pool. A preconnection is such a request: its dial, through the
// session's dialer, waits once connected until the requests of all preconnections have given up
// (each is cancelled as soon as its dial starts), so that no connection can be handed to one of
// them: a request waiting for its dial also waits for the next idle connection. The preflight's
// TLS handshake hook waits for the same, while the preflight's own connection is still being set
// up: no connection is idle in the pool until then. Every preconnection may dial at once, since
// the session's transport is new and the preflight's is its only other connection to the host
// (at most MaxConnsPerHost − 1 are opened).

// preconnecting marks the context of a preconnection's request; the session's dialer sees it.
type preconnecting struct {
	dialing chan struct{} // closed when the dial starts
	// allGaveUp is closed when the requests of every preconnection opened with this one have
	// returned (they were cancelled): until then a connection in the pool could be handed to
	// one of them, which would send its request.
	allGaveUp chan struct{}
	once      sync.Once
	release   func() // frees the session slot the handshake holds
}

type preconnectKey struct{}

func (p *preconnecting) started() { p.once.Do(func() { close(p.dialing) }) }

// preconnectDialer wraps t's dialer so that a preconnection's dial, once connected, waits until
// its request has given up (see "Preconnecting"). It returns false, leaving t alone, when t dials
// TLS itself (the hook and the wait would not see the handshake).
func preconnectDialer(t *http.Transport) bool {
	//lint:ignore SA1019 DialTLS is checked so as not to bypass it
	if t.DialContext == nil || t.DialTLSContext != nil || t.DialTLS != nil {
		return false
	}
	dial := t.DialContext
	t.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		p, _ := ctx.Value(preconnectKey{}).(*preconnecting)
		if p == nil {
			return dial(ctx, network, addr)
		}
		p.started()
		c, err := dial(ctx, network, addr)
		if err != nil {
			p.release() // no handshake will follow
		}
		select {
		case <-p.allGaveUp:
		case <-ctx.Done():
			if c != nil {
				c.Close()
			}
			p.release()
			return nil, ctx.Err()
		}
		return c, err
	}
	return true
}

// preconnectTrace is the trace of a run's first request to the target over HTTPS: when its TLS
// handshake negotiated HTTP/1.1, it opens the other connections and returns once every one's
// request has given up, its dial going on (or ctx, the request's, is done). nil when the session does not preconnect, the
// request is not the first, or it goes through a proxy (whose CONNECT the hook would not see).
func (s *Session) preconnectTrace(ctx context.Context, req *http.Request) *httptrace.ClientTrace {
	u := req.URL
	if s.tr == nil || u.Scheme != "https" || !strings.EqualFold(u.Host, s.base.Host) || !s.preconnected.CompareAndSwap(false, true) {
		return nil
	}
	if s.tr.Proxy != nil {
		if pu, err := s.tr.Proxy(req); err != nil || pu != nil {
			return nil
		}
	}
	var once sync.Once
	return &httptrace.ClientTrace{TLSHandshakeDone: func(cs tls.ConnectionState, err error) {
		if err == nil && cs.NegotiatedProtocol != "h2" {
			once.Do(func() { s.preconnect(ctx, u) })
		}
	}}
}

// preconnect opens up to min(MaxConnsPerHost, MaxInFlight) − 1 connections to u's host, as many
// as session slots are free at once (it never waits for one: the preflight holds one), and
// returns when every request has given up (the dials going on), or ctx is done.
func (s *Session) preconnect(ctx context.Context, u *url.URL) {
	var started []*preconnecting
	var returned sync.WaitGroup
	allGaveUp := make(chan struct{})
	for range min(s.cfg.MaxConnsPerHost, s.cfg.MaxInFlight) - 1 {
		release, ok := s.lim.trySlot()
		if !ok {
			break
		}
		p := &preconnecting{dialing: make(chan struct{}), allGaveUp: allGaveUp, release: release}
		pctx, cancel := context.WithCancel(context.WithValue(s.ctx, preconnectKey{}, p))
		pctx = httptrace.WithClientTrace(pctx, &httptrace.ClientTrace{
			TLSHandshakeDone: func(tls.ConnectionState, error) { release() },
		})
		req, err := http.NewRequestWithContext(pctx, http.MethodGet, u.String(), nil)
		if err != nil {
			cancel()
			release()
			break
		}
		started = append(started, p)
		gaveUp := make(chan struct{})
		go func() {
			// The request gives up as soon as its dial has started: the dial goes on, and its
			// connection goes to the pool.
			select {
			case <-p.dialing:
			case <-gaveUp:
			case <-pctx.Done():
			}
			cancel()
		}()
		returned.Add(1)
		go func() {
			defer returned.Done()
			resp, err := s.tr.RoundTrip(req)
			if err == nil { // not expected: no connection is idle until every request has given up
				resp.Body.Close()
			}
			close(gaveUp)
			select {
			case <-p.dialing:
			default:
				release() // no dial started: no handshake holds the slot
			}
		}()
	}
	go func() {
		returned.Wait()
		close(allGaveUp)
	}()
	// Wait until every request has given up, not only until each dial has started: a request
	// still waiting is also queued for the next idle connection.
	select {
	case <-allGaveUp:
	case <-ctx.Done():
		return
	}
	for _, p := range started {
		select {
		case <-p.dialing:
			s.preconnects.Add(1)
		default:
		}
	}
}

// trySlot takes one of the session's request slots if one is free now.
func (l *limiter) trySlot() (func(), bool) {
	select {
	case l.slots <- struct{}{}:
		var once sync.Once
		return func() { once.Do(func() { <-l.slots }) }, true
	default:
		return nil, false
	}
}
