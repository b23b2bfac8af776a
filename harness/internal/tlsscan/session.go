package tlsscan

import (
	"context"
	"net"
	"sync"

	"golang.org/x/net/idna"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
)

// scan is the shared protocol scan of one session: SEC-03 and SEC-04 both need it, and it is
// done once (the second check waits for the first). It lives in the session's memo.
type scan struct {
	mu       sync.Mutex
	done     bool
	versions []VersionResult

	// The certificate SEC-01 and SEC-05 both judge: fetched once per session (one TLS
	// handshake instead of two), like the versions.
	certMu sync.Mutex
	cert   *CertInfo
}

// scanKey is the key of the shared scan in the session's memo.
type scanKey struct{}

// sessionState returns the shared state of s, created on first use.
func sessionState(s *check.Session) *scan {
	return s.Memo(scanKey{}, func() any { return &scan{} }).(*scan)
}

// sessionCert returns the certificate of the session's endpoint, fetched once per session. Only
// a successful fetch is shared: an error (a refused or cut-short handshake) is not.
func sessionCert(s *check.Session, fetch func() (*CertInfo, error)) (*CertInfo, error) {
	sc := sessionState(s)
	sc.certMu.Lock()
	defer sc.certMu.Unlock()
	if sc.cert != nil {
		return sc.cert, nil
	}
	info, err := fetch()
	if err != nil {
		return info, err
	}
	sc.cert = info
	return info, nil
}

func sessionScan(ctx context.Context, s *check.Session, p *Prober) ([]VersionResult, error) {
	sc := sessionState(s)
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.done {
		return sc.versions, nil
	}
	// Only a complete scan is shared: one cut short by a check's cancelled context is not.
	vs, err := p.ScanVersions(ctx)
	if err != nil {
		return vs, err
	}
	sc.versions, sc.done = vs, true
	return vs, nil
}

// endpoint returns the TLS endpoint of the target: host:port, the host name, and whether the
// target is served over HTTPS at all.
func endpoint(s *check.Session) (addr, host string, https bool) {
	u := s.Base()
	host = u.Hostname()
	// An internationalised name (Vietnamese portals may have one) goes on the wire, in SNI and in
	// certificates as its A-label ("xn--…").
	if a, err := idna.Lookup.ToASCII(host); err == nil {
		host = a
	}
	port := u.Port()
	if port == "" {
		port = "443"
		if u.Scheme == "http" {
			port = "80"
		}
	}
	return net.JoinHostPort(host, port), host, u.Scheme == "https"
}

// probeParallel is how many TLS probes a scan runs at once: each is a connection of its own
// beside the session's (Config.MaxConnsPerHost); Session.Acquire bounds them across checks.
const probeParallel = 2

func proberFor(s *check.Session) *Prober {
	addr, host, _ := endpoint(s)
	return &Prober{Addr: addr, ServerName: host, Parallel: probeParallel,
		Acquire: func(ctx context.Context) (func(), error) { return s.Acquire(ctx, addr) }}
}

// notHTTPS is the result of SEC-03 … SEC-05 for a target served over plain HTTP: there is no
// TLS to judge, and P06-SEC-01 fails instead.
//
// A portal without HTTPS fails the TLS criteria rather than leaving them (not_applicable would
// take them out of the denominator, so that a plain-HTTP portal lost fewer points than one
// offering TLS 1.0): what they protect is not protected. The evidence is the home page read
// over plain HTTP; when it cannot be read the engine makes the result error.
func notHTTPS(ctx context.Context, s *check.Session) check.Result {
	r := check.Fail(mNotHTTPS, s.Base().String()).
		Saw(msg.P(mGotNoTLS), msg.P(mWantHTTPS)).At(s.Base().String())
	if resp, err := s.Get(ctx, s.Base().String()); err == nil {
		r = r.With(resp.Evidence("Content-Type"))
	}
	return r
}

func versionList(vs []uint16) string {
	if len(vs) == 0 {
		return "none"
	}
	out := ""
	for i, v := range vs {
		if i > 0 {
			out += ", "
		}
		out += VersionName(v)
	}
	return out
}
