package tlsscan

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// maxPlainHops bounds the redirects followed from the plain-HTTP address.
const maxPlainHops = 5

// plainURL is where the portal's plain-HTTP address is: the profile's PlainHTTP, else the base
// URL with scheme http and the default port (as a browser typing the bare host name reaches it).
func plainURL(ctx context.Context, s *check.Session) string {
	if p, err := s.Profile(ctx); err == nil && p != nil && p.PlainHTTP != "" {
		if abs, err := s.Resolve(p.PlainHTTP); err == nil {
			return abs
		}
	}
	u := s.Base()
	u.Scheme = "http"
	u.Host = u.Hostname()
	if strings.Contains(u.Host, ":") {
		u.Host = "[" + u.Host + "]"
	}
	return u.String()
}

// checkRedirect judges P06-SEC-02 as the HTTP Observatory's "redirection" test does: a portal
// that does not listen on plain HTTP passes (nothing to redirect); one that does must redirect,
// first to HTTPS on the same host (so HSTS can be set), and end on HTTPS. Stricter than the
// Observatory, as the requirement says "permanently": the first redirect is a 301 or a 308.
func checkRedirect(ctx context.Context, s *check.Session) check.Result {
	start := plainURL(ctx, s)
	want := msg.P(mWantRedirect)
	c := &http.Client{
		Transport:     s.Transport(),
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	cur := start
	var chain []string
	var ev []scoring.Evidence
	startHost := ""
	if u, err := url.Parse(start); err == nil {
		startHost = u.Hostname()
	}
	for hop := 0; ; hop++ {
		u, err := url.Parse(cur)
		if err != nil {
			return check.Fail(mBadURL, cur).At(start)
		}
		if u.Scheme == "https" {
			if hop == 0 {
				return check.Error(mPlainIsHTTPS, start)
			}
			break
		}
		if hop >= maxPlainHops {
			return check.Fail(mTooManyHops, start, maxPlainHops, strings.Join(chain, " → ")).
				Saw(msg.P(mChain, strings.Join(chain, " → ")), want).At(start).With(ev...)
		}
		resp, conn, err := get(ctx, c, cur, s.Config().RequestTimeout, s.Config().UserAgent)
		if err != nil {
			if hop == 0 {
				if why, ok := notListening(conn, err); ok {
					return check.Pass(mNoPlainHTTP, start, why).
						Saw(msg.P(mGotNoPlain), want).At(start).
						With(scoring.Evidence{Request: "GET " + check.Redact(start)}.Noted(msg.Verbatim, why))
				}
			}
			if conn.connected {
				// Something listens and accepted the connection, then said nothing usable:
				// whether it would redirect is unseen.
				return check.Error(mSilentPlain, check.Redact(cur), err).
					At(check.Redact(cur)).With(append(ev, scoring.Evidence{Request: "GET " + check.Redact(cur)}.Noted(mNoteNoHTTPAnswer, err))...)
			}
			return check.Error(mGetFailed, check.Redact(cur), err).At(check.Redact(cur)).With(ev...)
		}
		ev = append(ev, scoring.Evidence{Request: "GET " + check.Redact(cur), Status: resp.StatusCode,
			Headers: map[string]string{"Location": check.Redact(resp.Header.Get("Location"))}})
		loc := resp.Header.Get("Location")
		if resp.StatusCode < 300 || resp.StatusCode > 399 || loc == "" {
			if hop == 0 {
				return check.Fail(mNoRedirect, start, resp.StatusCode).
					Saw(msg.P(mGotNoLocation, resp.StatusCode), want).At(start).With(ev...)
			}
			return check.Fail(mEndsPlain, start, cur, resp.StatusCode, strings.Join(chain, " → ")).
				Saw(msg.P(mChain, strings.Join(append(chain, cur), " → ")), want).At(start).With(ev...)
		}
		next, err := u.Parse(loc)
		if err != nil {
			return check.Fail(mBadLocation, cur, loc).At(cur).With(ev...)
		}
		chain = append(chain, cur)
		if hop == 0 {
			if next.Scheme != "https" {
				return check.Fail(mFirstNotHTTPS, start, next.String()).
					Saw(msg.P(mChain, start+" → "+next.String()), want).At(start).With(ev...)
			}
			if !strings.EqualFold(next.Hostname(), startHost) {
				return check.Fail(mOtherHost, start, next.Host, startHost).
					Saw(msg.P(mChain, start+" → "+next.String()), want).At(start).With(ev...)
			}
			// The requirement says permanently (301 or 308): a browser remembers those and goes
			// to HTTPS directly next time; a temporary redirect is asked again on plain HTTP.
			// The HTTP Observatory accepts any redirect.
			if resp.StatusCode != http.StatusMovedPermanently && resp.StatusCode != http.StatusPermanentRedirect {
				return check.Fail(mTemporary, start, resp.StatusCode).
					Saw(msg.P(mGotStatusTo, resp.StatusCode, next.String()), msg.P(mWantPermanentTLS)).At(start).With(ev...)
			}
		}
		cur = next.String()
	}
	chain = append(chain, cur)
	return check.Pass(mRedirectOK, strings.Join(chain, " → ")).
		Saw(msg.P(mChain, strings.Join(chain, " → ")), want).At(start).With(ev...)
}

// connState is what a request to the plain-HTTP address got to: a connection attempt begun,
// and a connection accepted (or reused).
type connState struct{ connecting, connected bool }

// get sends one GET without following redirects, bounded by timeout, and discards the body
// after at most 64 KiB. It reports how far the connection got, so that a port that accepts and
// stays silent is not taken for one where nothing listens.
func get(ctx context.Context, c *http.Client, u string, timeout time.Duration, ua string) (*http.Response, connState, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var mu sync.Mutex
	var st connState
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		ConnectStart: func(string, string) { mu.Lock(); st.connecting = true; mu.Unlock() },
		ConnectDone: func(_, _ string, err error) {
			if err == nil {
				mu.Lock()
				st.connected = true
				mu.Unlock()
			}
		},
		GotConn: func(httptrace.GotConnInfo) { mu.Lock(); st.connected = true; mu.Unlock() },
	})
	state := func() connState { mu.Lock(); defer mu.Unlock(); return st }
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, state(), err
	}
	req.Header.Set("User-Agent", ua)
	resp, err := c.Do(req)
	if err != nil {
		return nil, state(), err
	}
	_, _ = io.CopyN(io.Discard, resp.Body, 64<<10)
	resp.Body.Close()
	return resp, state(), nil
}

// notListening says why nothing answers plain HTTP there; ok is false when err does not show it:
// the connection was refused, or the connection attempt itself got no answer (a filtered port,
// as a browser finds it too). A connection that was accepted and then stayed silent, was reset
// or closed shows a listener whose behaviour is unseen; a DNS failure or a refused scope shows
// nothing about the port.
func notListening(st connState, err error) (why msg.Phrase, ok bool) {
	if st.connected {
		return msg.Phrase{}, false
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return msg.P(mRefused), true
	}
	var ne net.Error
	if st.connecting && (errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())) {
		return msg.P(mNoAnswer), true
	}
	return msg.Phrase{}, false
}
