package probe

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/ledger"
	"github.com/p06kit/p06kit/harness/msg"
)

// newBoundedTransport returns the round tripper the session sends requests through: a clone of the
// target's *http.Transport (or of the default) with the header-size bound, our own
// decompression and handshake bounds and the scope's dial guard, wrapped to refuse requests
// outside the scope, keep the politeness limits (lim), count requests and bound raw body bytes.
//
// It also returns raw: the same connections, scope and limits, but without the body bound, for
// checks that must see the portal's raw behaviour (Session.Transport).
//
// clone is the clone, nil when rt is not an *http.Transport.
func newBoundedTransport(rt http.RoundTripper, cfg check.Config, stats *stats, sc *scope, lim *limiter) (bounded, raw http.RoundTripper, closeIdle func(), clone *http.Transport) {
	closeIdle = func() {}
	var tr http.RoundTripper
	if rt == nil {
		rt = http.DefaultTransport
	}
	switch v := rt.(type) {
	case *http.Transport:
		c := v.Clone()
		if v == http.DefaultTransport {
			c.DialContext = nil // the guard's net.Dialer replaces the default one, with the same timeouts
		}
		sc.guardDialer(c)
		tuneTransport(c, cfg)
		tr, closeIdle, clone = c, c.CloseIdleConnections, c
	default:
		// A custom round tripper (a test double, an instrumented client): bounds that cannot be
		// set on it are enforced after the fact by boundedRT.
		tr = v
		if ci, ok := v.(interface{ CloseIdleConnections() }); ok {
			closeIdle = ci.CloseIdleConnections
		}
	}
	return &boundedRT{next: tr, cfg: cfg, stats: stats, scope: sc, lim: lim},
		&boundedRT{next: tr, cfg: cfg, stats: stats, scope: sc, lim: lim, raw: true}, closeIdle, clone
}

func tuneTransport(t *http.Transport, cfg check.Config) {
	t.MaxResponseHeaderBytes = cfg.MaxHeaderBytes
	// The session decompresses itself, with a ratio bound, so that a gzip bomb is caught.
	t.DisableCompression = true
	t.TLSHandshakeTimeout = cfg.RequestTimeout
	t.ResponseHeaderTimeout = cfg.RequestTimeout
	t.ExpectContinueTimeout = time.Second
	t.IdleConnTimeout = 30 * time.Second
	// Checks run in parallel against one host: keep enough idle connections that parallel
	// requests do not open and close connections (a TLS handshake each) all the time.
	t.MaxIdleConnsPerHost = cfg.MaxConnsPerHost
	// The guest's bound: requests beyond it wait for a connection rather than open another.
	t.MaxConnsPerHost = cfg.MaxConnsPerHost
	// Resume TLS sessions: a scan opens tens of connections to the same portal, and a full
	// handshake costs the portal (and us) far more than a resumption.
	if t.TLSClientConfig == nil {
		t.TLSClientConfig = &tls.Config{}
	}
	if t.TLSClientConfig.ClientSessionCache == nil {
		t.TLSClientConfig.ClientSessionCache = tls.NewLRUClientSessionCache(32)
	}
	// The probe reads pages; judging the portal's key exchange is the TLS checks' job, on their
	// own connections. Classical curves keep each handshake cheap for both sides (the hybrid
	// post-quantum exchange costs several times more) and are what every portal supports.
	if t.TLSClientConfig.CurvePreferences == nil {
		t.TLSClientConfig.CurvePreferences = []tls.CurveID{tls.X25519, tls.CurveP256, tls.CurveP384}
	}
}

// stats counts what a session sent and read; safe for concurrent use.
type stats struct {
	requests atomic.Int64
	bytes    atomic.Int64
	// timeouts counts requests to the target that timed out in a row; a success resets it.
	timeouts atomic.Int64
}

// boundedRT counts requests against the budget and bounds raw body bytes and header size for
// every client the session hands out, including the browsers adapters drive. Every request
// holds one of the session's slots (see "Politeness") while it is sent and its headers awaited,
// unless its context says the caller holds one already; raw skips the body bound.
type boundedRT struct {
	next  http.RoundTripper
	cfg   check.Config
	stats *stats
	scope *scope
	lim   *limiter
	raw   bool
}

// TLSClientConfig is the TLS configuration of the transport underneath, when it has one: TLS
// checks read their trust roots from it.
func (b *boundedRT) TLSClientConfig() *tls.Config {
	switch t := b.next.(type) {
	case *http.Transport:
		return t.TLSClientConfig
	case interface{ TLSClientConfig() *tls.Config }:
		return t.TLSClientConfig()
	}
	return nil
}

func (b *boundedRT) RoundTrip(req *http.Request) (*http.Response, error) {
	// The scope first: a request to another host is refused unsent, whatever its method, and
	// costs nothing of the budget.
	if !b.scope.allows(req.URL) {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, b.scope.refuse(req.Method, req.URL)
	}
	if n := b.stats.requests.Add(1); n > int64(b.cfg.MaxRequests) {
		if req.Body != nil {
			req.Body.Close()
		}
		ledger.NoteBudget(req.Context())
		return nil, msg.Error(mErrBudget, check.ErrRequestBudget, b.cfg.MaxRequests)
	}
	if b.lim != nil && !holdsSlot(req.Context()) {
		release, err := b.lim.acquire(req.Context(), hostKey(req.URL), true)
		if err != nil {
			if req.Body != nil {
				req.Body.Close()
			}
			return nil, err
		}
		defer release()
	}
	resp, err := b.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if b.lim != nil {
		b.lim.observe(hostKey(req.URL), resp, time.Now())
	}
	if b.raw {
		ledger.NoteSeen(req.Context(), req.Method, req.URL.String(), resp.StatusCode)
		return resp, nil
	}
	if _, ok := b.next.(*http.Transport); !ok {
		if n := headerSize(resp.Header); n > b.cfg.MaxHeaderBytes {
			resp.Body.Close()
			return nil, msg.Error(mErrHeaderSize, check.ErrHeaderTooLarge, n, b.cfg.MaxHeaderBytes)
		}
	}
	// Raw bytes are bounded at the decompression limit too: a compressed body larger than the
	// limit cannot decompress to less.
	resp.Body = &limitedBody{rc: resp.Body, left: b.cfg.MaxBodyBytes, stats: b.stats}
	ledger.NoteSeen(req.Context(), req.Method, req.URL.String(), resp.StatusCode)
	return resp, nil
}

func headerSize(h http.Header) int64 {
	var n int64
	for k, vs := range h {
		for _, v := range vs {
			n += int64(len(k) + len(v) + 4)
		}
	}
	return n
}

// limitedBody stops a raw body after a number of bytes with ErrBodyTooLarge.
type limitedBody struct {
	rc    io.ReadCloser
	left  int64
	stats *stats
}

func (l *limitedBody) Read(p []byte) (int, error) {
	if l.left <= 0 {
		// Probe one byte to tell an exact-size body from a longer one.
		var one [1]byte
		n, err := l.rc.Read(one[:])
		if n > 0 {
			return 0, check.ErrBodyTooLarge
		}
		return 0, err
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.rc.Read(p)
	l.left -= int64(n)
	l.stats.bytes.Add(int64(n))
	return n, err
}

func (l *limitedBody) Close() error { return l.rc.Close() }

// countingReader counts bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// decodedBody reads a response body, decompressing gzip and deflate with the size and ratio
// bounds. It returns what it could read even with an error.
func decodedBody(resp *http.Response, cfg check.Config) (body []byte, truncated bool, err error) {
	raw := &countingReader{r: resp.Body}
	var r io.Reader = raw
	enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding")))
	switch enc {
	case "", "identity":
	case "gzip", "x-gzip":
		br := bufio.NewReader(raw)
		if _, perr := br.Peek(1); perr != nil {
			break // empty body: nothing to decompress
		}
		zr, zerr := gzip.NewReader(br)
		if zerr != nil {
			return nil, false, msg.Error(mErrNotGzip, check.ErrBadEncoding, msg.P(msg.Verbatim, zerr.Error()))
		}
		defer zr.Close()
		r = zr
	case "deflate":
		// RFC 9110 deflate is zlib-wrapped, but many servers send raw deflate: accept both.
		br := bufio.NewReader(raw)
		hdr, perr := br.Peek(2)
		if perr != nil {
			break
		}
		if hdr[0]&0x0f == 8 && (uint16(hdr[0])<<8|uint16(hdr[1]))%31 == 0 {
			zr, zerr := zlib.NewReader(br)
			if zerr != nil {
				return nil, false, msg.Error(mErrNotZlib, check.ErrBadEncoding, msg.P(msg.Verbatim, zerr.Error()))
			}
			defer zr.Close()
			r = zr
		} else {
			fr := flate.NewReader(br)
			defer fr.Close()
			r = fr
		}
	default:
		// Only gzip and deflate were offered in Accept-Encoding.
		b, _ := io.ReadAll(io.LimitReader(raw, 512))
		return b, true, msg.Error(mErrNotOffered, check.ErrBadEncoding, enc)
	}
	limit := cfg.MaxBodyBytes
	// Read straight into a buffer sized from Content-Length (bounded: the header may lie), so
	// that a scan's hundreds of small pages cost one small allocation each.
	size := int64(4 << 10)
	if cl := resp.ContentLength; cl >= 0 && r == io.Reader(raw) {
		size = cl + 1 // +1 to see EOF without growing
	}
	buf := make([]byte, 0, min(size, limit+1, 1<<20))
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow
		}
		room := buf[len(buf):cap(buf)]
		if over := int64(len(buf)+len(room)) - limit; over > 0 {
			room = room[:int64(len(room))-over]
		}
		if len(room) == 0 {
			// At the limit: one more byte tells a body of exactly the limit from a longer one.
			var one [1]byte
			n, rerr := r.Read(one[:])
			if n > 0 || errors.Is(rerr, check.ErrBodyTooLarge) {
				return buf, true, msg.Error(mErrBodySize, check.ErrBodyTooLarge, byteSize(limit))
			}
			if rerr == io.EOF {
				return buf, false, nil
			}
			if rerr != nil {
				return buf, false, rerr
			}
			continue
		}
		n, rerr := r.Read(room)
		if n > 0 {
			buf = buf[:len(buf)+n]
			// The ratio is judged first: a bomb is a more precise diagnosis than a big body.
			if r != io.Reader(raw) && int64(len(buf)) >= min(1<<20, limit) && int64(len(buf)) > int64(cfg.MaxDecompressionRatio)*max(raw.n, 1) {
				return buf, true, msg.Error(mErrBomb,
					check.ErrDecompressionBomb, byteSize(raw.n), enc, byteSize(int64(len(buf))), cfg.MaxDecompressionRatio)
			}
		}
		if rerr == io.EOF {
			return buf, false, nil
		}
		if rerr != nil {
			if errors.Is(rerr, check.ErrBodyTooLarge) {
				return buf, true, msg.Error(mErrWireSize, check.ErrBodyTooLarge, byteSize(limit))
			}
			if enc != "" && enc != "identity" && !isNetErr(rerr) {
				return buf, false, msg.Error(mErrCorrupt, check.ErrBadEncoding, enc, msg.P(msg.Verbatim, rerr.Error()))
			}
			return buf, false, rerr
		}
	}
}

func isNetErr(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// stage records how far a request got, so a timeout or a reset can say what the portal did, and
// how long the portal took to answer each request written.
type stage struct {
	v atomic.Int32

	mu     sync.Mutex
	wrote  time.Time     // when the current hop's request was written
	server time.Duration // sum over hops of written → first response byte
	hops   int
}

// serverTime is the portal's answer time (see Response.TTFB); total when the trace saw no
// request written (a custom round tripper that reports nothing).
func (s *stage) serverTime(total time.Duration) time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.hops == 0 {
		return total
	}
	return s.server
}

const (
	stageStart int32 = iota
	stageDNS
	stageConnecting
	stageConnected
	stageTLSDone
	stageWrote
	stageHeaders
	stageBody
)

func (s *stage) trace() *httptrace.ClientTrace {
	set := func(v int32) { s.v.Store(v) }
	return &httptrace.ClientTrace{
		DNSStart:     func(httptrace.DNSStartInfo) { set(stageDNS) },
		ConnectStart: func(string, string) { set(stageConnecting) },
		GotConn: func(info httptrace.GotConnInfo) {
			// A reused connection has done its handshake already.
			if info.Reused {
				set(stageTLSDone)
			} else if s.v.Load() < stageTLSDone {
				set(stageConnected)
			}
		},
		ConnectDone: func(_, _ string, err error) {
			if err == nil {
				set(stageConnected)
			}
		},
		TLSHandshakeDone: func(_ tls.ConnectionState, err error) {
			if err == nil {
				set(stageTLSDone)
			}
		},
		WroteRequest: func(httptrace.WroteRequestInfo) {
			set(stageWrote)
			s.mu.Lock()
			s.wrote = time.Now()
			s.mu.Unlock()
		},
		GotFirstResponseByte: func() {
			set(stageHeaders)
			s.mu.Lock()
			if !s.wrote.IsZero() {
				s.server += time.Since(s.wrote)
				s.hops++
				s.wrote = time.Time{}
			}
			s.mu.Unlock()
		},
	}
}

func (s *stage) doing() msg.Phrase {
	switch s.v.Load() {
	case stageStart, stageDNS:
		return msg.P(mDoingResolve)
	case stageConnecting:
		return msg.P(mDoingConnect)
	case stageConnected:
		return msg.P(mDoingHandshake)
	case stageTLSDone:
		return msg.P(mDoingSend)
	case stageWrote:
		return msg.P(mDoingWait)
	case stageHeaders:
		return msg.P(mDoingHeaders)
	default:
		return msg.P(mDoingBody)
	}
}

// describe turns a transport error into a message that says what the portal did, wrapping the
// probe's sentinel where one applies.
func describe(err error, st *stage, cfg check.Config) error {
	timeout := cfg.RequestTimeout
	if err == nil {
		return nil
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var (
		dns     *net.DNSError
		unknown x509.UnknownAuthorityError
		host    x509.HostnameError
		invalid x509.CertificateInvalidError
		rec     tls.RecordHeaderError
		verify  *tls.CertificateVerificationError
		alert   tls.AlertError
	)
	reached := st.v.Load() >= stageConnected
	switch {
	case errors.Is(err, check.ErrBodyTooLarge), errors.Is(err, check.ErrHeaderTooLarge), errors.Is(err, check.ErrTooManyRedirects),
		errors.Is(err, check.ErrOffHostRedirect), errors.Is(err, check.ErrRequestBudget), errors.Is(err, check.ErrUnsafeMethod),
		errors.Is(err, check.ErrDecompressionBomb), errors.Is(err, check.ErrBadEncoding), errors.Is(err, check.ErrOutOfScope):
		return ours(err)
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		if !reached {
			return msg.Error(mErrNoConnect, check.ErrUnreachable, timeout, check.ErrTimeout)
		}
		return msg.Error(mErrStalled, check.ErrTimeout, timeout, st.doing())
	case errors.Is(err, context.Canceled):
		return msg.Error(mErrCancelled, st.doing(), err)
	case errors.As(err, &dns):
		return msg.Error(mErrDNS, check.ErrUnreachable, dns.Name, dns.Err)
	case errors.Is(err, syscall.ECONNREFUSED):
		return msg.Error(mErrRefusedConn, check.ErrUnreachable)
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return msg.Error(mErrNoRoute, check.ErrUnreachable)
	case errors.As(err, &verify):
		return msg.Error(mErrCert, certReason(verify.Err))
	case errors.As(err, &unknown), errors.As(err, &host), errors.As(err, &invalid):
		return msg.Error(mErrCert, certReason(err))
	case errors.As(err, &rec):
		return msg.Error(mErrNotTLS, rec.RecordHeader[:])
	case errors.As(err, &alert):
		return msg.Error(mErrAlert, alert.Error())
	case strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"):
		return msg.Error(mErrPlainHTTP)
	case strings.Contains(err.Error(), "server response headers exceeded"):
		return msg.Error(mErrHeaders1xx, check.ErrHeaderTooLarge, byteSize(cfg.MaxHeaderBytes))
	case errors.Is(err, syscall.ECONNRESET):
		return msg.Error(mErrReset, st.doing())
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF), strings.Contains(err.Error(), "unexpected EOF"):
		return msg.Error(mErrClosed, st.doing())
	case strings.Contains(err.Error(), "malformed HTTP"), strings.Contains(err.Error(), "HTTP/0.9"):
		return msg.Error(mErrMalformed, msg.P(msg.Verbatim, err.Error()))
	case strings.Contains(err.Error(), "Content-Length"), strings.Contains(err.Error(), "Transfer-Encoding"):
		return msg.Error(mErrFraming, msg.P(msg.Verbatim, err.Error()))
	}
	return msg.Error(mErrWhile, st.doing(), err)
}

// ours returns the catalogue error (msg.Error) inside err, such as the scope's refusal a
// dialer's *net.OpError wraps, so that it renders in the language of the finding that quotes it;
// err itself when there is none.
func ours(err error) error {
	for e := err; e != nil; e = errors.Unwrap(e) {
		if _, ok := e.(interface{ Render(string) string }); ok {
			return e
		}
	}
	return err
}

func certReason(err error) msg.Phrase {
	var (
		unknown x509.UnknownAuthorityError
		host    x509.HostnameError
		invalid x509.CertificateInvalidError
	)
	switch {
	case errors.As(err, &unknown):
		if c := unknown.Cert; c != nil && c.Issuer.String() == c.Subject.String() {
			return msg.P(mCertSelfSigned, c.Subject.CommonName)
		}
		return msg.P(mCertUnknownCA)
	case errors.As(err, &host):
		return msg.P(mCertHost, host.Host, msg.P(msg.Verbatim, host.Error()))
	case errors.As(err, &invalid):
		if invalid.Reason == x509.Expired {
			return msg.P(mCertExpired, invalid.Detail)
		}
		return msg.P(msg.Verbatim, invalid.Error())
	}
	return msg.P(msg.Verbatim, err.Error())
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}
