package tlsscan

import (
	"context"
	"crypto/ecdh"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"slices"
	"syscall"
	"time"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/bounded"
)

// probeTimeout bounds one probe (dial, write, read) when the context allows more.
const probeTimeout = 5 * time.Second

// Outcome is the answer to one probe.
type Outcome struct {
	// Reply is the server's answer; zero when it closed the connection or said nothing.
	Reply Reply
	// Silent is set when the server closed the connection or did not answer in time: how many
	// servers refuse a version they do not speak.
	Silent bool
	// Detail says what was seen, for messages: "ServerHello TLS 1.2, TLS_RSA_WITH_…",
	// "alert protocol_version", "connection closed".
	Detail string
	// Note is Detail as a catalogue phrase, rendered in the report's language; zero when Detail
	// is only what the server sent (see Outcome.Said).
	Note msg.Phrase
}

// said is the outcome whose Detail is the phrase p (in English) and whose Note is p.
func said(silent bool, p msg.Phrase) Outcome {
	return Outcome{Silent: silent, Detail: p.String(), Note: p}
}

// Said is what was seen in the report's language: Note, or Detail as it is.
func (o Outcome) Said() msg.Phrase {
	if o.Note.IsZero() {
		return msg.P(msg.Verbatim, o.Detail)
	}
	return o.Note
}

// Accepted reports whether the server agreed to a handshake at version v, and the suite it chose.
func (o Outcome) Accepted(v uint16) (uint16, bool) {
	h := o.Reply.Hello
	if h == nil || h.Version != v {
		return 0, false
	}
	return h.Suite, true
}

// Prober sends hand-built ClientHellos to one server. The zero value is not useful: set Addr.
// It is safe for concurrent use.
type Prober struct {
	// Addr is host:port of the TLS server.
	Addr string
	// ServerName is sent as SNI (unless it is an IP address).
	ServerName string
	// Dial connects; nil means a net.Dialer.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)
	// Acquire, when set, is called before each probe connects and waits for the caller's
	// politeness limits (check.Session.Acquire); the probe's own timeout starts once it returns.
	// The returned function is called when the probe's connection is closed.
	Acquire func(ctx context.Context) (release func(), err error)
	// Parallel bounds the probes ScanVersions and ScanWeak run at once (default 1: one after
	// another).
	Parallel int
}

// turn waits for Acquire, if set.
// connect takes a turn and opens a connection to the target, bounded by timeout; done closes it
// and gives the turn back. The context returned carries the bound.
func (p *Prober) connect(ctx context.Context, timeout time.Duration) (_ context.Context, _ net.Conn, done func(), _ error) {
	release, err := p.turn(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	dial := p.Dial
	if dial == nil {
		dial = (&net.Dialer{}).DialContext
	}
	conn, err := dial(ctx, "tcp", p.Addr)
	if err != nil {
		cancel()
		release()
		return nil, nil, nil, msg.Wrap(msg.P(mStepConnect, p.Addr), err)
	}
	return ctx, conn, func() { conn.Close(); cancel(); release() }, nil
}

func (p *Prober) turn(ctx context.Context) (func(), error) {
	if p.Acquire == nil {
		return func() {}, nil
	}
	return p.Acquire(ctx)
}

func (p *Prober) parallel() int { return max(p.Parallel, 1) }

// Probe sends one ClientHello offering version v and suites, and reads the answer. err is set
// only when the server could not be reached at all (the dial failed) or the hello could not be
// built; every answer of a reachable server, silence included, is an Outcome.
func (p *Prober) Probe(ctx context.Context, v uint16, suites []uint16) (Outcome, error) {
	o, _, err := p.exchange(ctx, v, suites, false)
	return o, err
}

// Certificates sends a ClientHello offering version v (TLS 1.2 or older, where the server's
// Certificate message is sent in the clear) and returns the certificate chain the server sends
// after its ServerHello, as DER, leaf first. It lets the certificate of a server be judged even
// when Go's TLS client cannot handshake with it (DHE-only, Camellia-only or NULL-only suites).
func (p *Prober) Certificates(ctx context.Context, v uint16, suites []uint16) ([][]byte, Outcome, error) {
	if v >= VersionTLS13 {
		return nil, Outcome{}, msg.Error(mErrTLS13Cert)
	}
	o, chain, err := p.exchange(ctx, v, suites, true)
	return chain, o, err
}

func (p *Prober) exchange(ctx context.Context, v uint16, suites []uint16, wantCert bool) (Outcome, [][]byte, error) {
	h := Hello{Version: v, Suites: suites, ServerName: p.ServerName}
	if _, err := rand.Read(h.Random[:]); err != nil {
		return Outcome{}, nil, err
	}
	if v == VersionTLS13 {
		k, err := ecdh.X25519().GenerateKey(rand.Reader)
		if err != nil {
			return Outcome{}, nil, err
		}
		h.KeyShare = k.PublicKey().Bytes()
	}
	hello, err := h.Marshal()
	if err != nil {
		return Outcome{}, nil, err
	}
	ctx, conn, done, err := p.connect(ctx, probeTimeout)
	if err != nil {
		return Outcome{}, nil, err
	}
	defer done()
	if d, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(d)
	}
	stop := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	if _, err := conn.Write(hello); err != nil {
		return said(true, msg.P(mSeenClosedSending, "ClientHello")), nil, nil
	}
	hr := &handshakeReader{r: io.LimitReader(conn, maxHandshake+5)}
	rep, err := hr.reply()
	switch {
	case err == nil && rep.Alert != nil:
		return Outcome{Reply: rep, Detail: rep.Alert.String()}, nil, nil
	case err == nil:
		sh := rep.Hello
		d := fmt.Sprintf("ServerHello %s, %s", VersionName(sh.Version), SuiteName(sh.Suite))
		if sh.Retry {
			d = "HelloRetryRequest " + VersionName(sh.Version)
		}
		o := Outcome{Reply: rep, Detail: d}
		if !wantCert || sh.Version >= VersionTLS13 {
			return o, nil, nil
		}
		chain, err := hr.readCertificates()
		if err != nil {
			return o, nil, msg.Wrap(msg.P(mStepReadCert, d), err)
		}
		return o, chain, nil
	case errors.Is(err, io.EOF), errors.Is(err, syscall.ECONNRESET):
		return said(true, msg.P(mSeenClosed)), nil, nil
	case ctx.Err() != nil || isTimeout(err):
		if parent := context.Cause(ctx); parent != nil && !errors.Is(parent, context.DeadlineExceeded) {
			return Outcome{}, nil, parent
		}
		return said(true, msg.P(mSeenNoAnswer, probeTimeout.String())), nil, nil
	case errors.Is(err, ErrNotTLS):
		return said(false, msg.P(msg.Verbatim, err)), nil, nil
	default:
		return said(true, msg.P(msg.Verbatim, err)), nil, nil
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// Versions are the protocol versions the scanner probes, oldest first.
var Versions = []uint16{VersionSSL30, VersionTLS10, VersionTLS11, VersionTLS12, VersionTLS13}

// VersionResult is the verdict for one protocol version.
type VersionResult struct {
	Version  uint16
	Accepted bool
	// Suite is the suite the server chose when it accepted.
	Suite   uint16
	Outcome Outcome
}

// ScanVersions probes SSL 2.0 (with its own hello) and every version of Versions, one hello
// each, offering every suite the scanner knows for that version.
//
// The probes run up to Parallel at once; the results are in the order above whatever the order
// the answers came in.
func (p *Prober) ScanVersions(ctx context.Context) ([]VersionResult, error) {
	out := make([]VersionResult, 1+len(Versions))
	errs := make([]error, len(out))
	p.each(len(out), func(i int) {
		if i == 0 {
			out[0], errs[0] = p.ProbeSSLv2(ctx)
			return
		}
		v := Versions[i-1]
		s := legacySuites()
		if v == VersionTLS13 {
			s = tls13Suites()
		}
		o, err := p.Probe(ctx, v, s)
		r := VersionResult{Version: v, Outcome: o}
		r.Suite, r.Accepted = o.Accepted(v)
		out[i], errs[i] = r, err
	})
	// As when the probes ran one after another: the results before the first error, and it.
	for i, err := range errs {
		if err != nil {
			return out[:i], err
		}
	}
	return out, nil
}

// each calls f(0) … f(n-1), up to p.Parallel at once, and returns when all have returned.
func (p *Prober) each(n int, f func(i int)) { bounded.Each(n, p.parallel(), f) }

// WeakSuite is a weak suite the server accepted at a version.
type WeakSuite struct {
	Version uint16
	Suite   uint16
}

// maxWeakRounds bounds the handshakes spent enumerating weak suites per version: enough for
// every weak suite the scanner knows, so the list is complete.
const maxWeakRounds = 48

// ScanWeak offers only weak suites at each version in versions (TLS 1.3 has none) and, each time
// the server picks one, offers the rest again, so that every weak suite it accepts is listed (up
// to a bound of handshakes per version).
//
// The versions are enumerated side by side (up to Parallel at once); each version's handshakes
// depend on the previous one's answer and run one after another. The list is in the order of
// versions.
func (p *Prober) ScanWeak(ctx context.Context, versions []uint16) ([]WeakSuite, error) {
	found := make([][]WeakSuite, len(versions))
	errs := make([]error, len(versions))
	p.each(len(versions), func(i int) {
		v := versions[i]
		if v >= VersionTLS13 {
			return
		}
		offer := weakSuites()
		for range maxWeakRounds {
			o, err := p.Probe(ctx, v, offer)
			if err != nil {
				errs[i] = err
				return
			}
			s, ok := o.Accepted(v)
			if !ok {
				return
			}
			found[i] = append(found[i], WeakSuite{Version: v, Suite: s})
			j := slices.Index(offer, s)
			if j < 0 { // the server chose a suite it was not offered
				return
			}
			offer = slices.Delete(offer, j, j+1)
			if len(offer) == 0 {
				return
			}
		}
	})
	var out []WeakSuite
	for i := range versions {
		out = append(out, found[i]...)
		if errs[i] != nil {
			return out, errs[i]
		}
	}
	return out, nil
}
