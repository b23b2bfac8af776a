package tlsscan

import (
	"context"
	"errors"
	"fmt"
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
	want := "plain HTTP answers with a permanent redirect (301 or 308) to https:// on the same host"
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
			return check.Failf("redirect to an unparsable URL %q", cur).VI("chuyển hướng tới URL sai %q", cur).At(start)
		}
		if u.Scheme == "https" {
			if hop == 0 {
				return check.Errorf("the plain-HTTP address %s is an https:// URL; set the profile's plain_http to an http:// URL", start).
					VI("địa chỉ HTTP %s lại là https://", start)
			}
			break
		}
		if hop >= maxPlainHops {
			return check.Failf("%s: more than %d redirects without reaching HTTPS: %s", start, maxPlainHops, strings.Join(chain, " → ")).
				VI("%s: quá %d lần chuyển hướng mà chưa tới HTTPS", start, maxPlainHops).GotWant(strings.Join(chain, " → "), want).At(start).With(ev...)
		}
		resp, conn, err := get(ctx, c, cur, s.Config().RequestTimeout, s.Config().UserAgent)
		if err != nil {
			if hop == 0 {
				if why := notListening(conn, err); why != "" {
					return check.Passf("the portal does not serve plain HTTP at %s (%s): nothing to redirect", start, why).
						VI("cổng không phục vụ HTTP thường tại %s: không cần chuyển hướng", start).
						GotWant("no plain-HTTP listener", want).At(start).
						With(scoring.Evidence{Request: "GET " + check.Redact(start), Note: why})
				}
			}
			if conn.connected {
				// Something listens and accepted the connection, then said nothing usable:
				// whether it would redirect is unseen.
				return check.Errorf("GET %s: the connection was accepted but no HTTP answer came (%v); whether plain HTTP redirects to HTTPS could not be seen: retry, or set the profile's plain_http to the address citizens reach",
					check.Redact(cur), err).
					VI("GET %s: máy chủ nhận kết nối nhưng không trả lời HTTP (%v); chưa thấy được việc chuyển hướng sang HTTPS", check.Redact(cur), err).
					At(check.Redact(cur)).With(append(ev, scoring.Evidence{Request: "GET " + check.Redact(cur), Note: "connection accepted, no HTTP answer: " + err.Error()})...)
			}
			return check.Errorf("GET %s: %v", check.Redact(cur), err).VI("GET %s: %v", check.Redact(cur), err).At(check.Redact(cur)).With(ev...)
		}
		ev = append(ev, scoring.Evidence{Request: "GET " + check.Redact(cur), Status: resp.StatusCode,
			Headers: map[string]string{"Location": check.Redact(resp.Header.Get("Location"))}})
		loc := resp.Header.Get("Location")
		if resp.StatusCode < 300 || resp.StatusCode > 399 || loc == "" {
			if hop == 0 {
				return check.Failf("plain HTTP %s answers %d without redirecting to HTTPS", start, resp.StatusCode).
					VI("HTTP thường %s trả về %d mà không chuyển hướng sang HTTPS", start, resp.StatusCode).
					GotWant(fmt.Sprintf("%d, no Location", resp.StatusCode), want).At(start).With(ev...)
			}
			return check.Failf("the redirect chain from %s ends on plain HTTP %s (%d): %s", start, cur, resp.StatusCode, strings.Join(chain, " → ")).
				VI("chuỗi chuyển hướng từ %s dừng ở HTTP thường %s", start, cur).
				GotWant(strings.Join(append(chain, cur), " → "), want).At(start).With(ev...)
		}
		next, err := u.Parse(loc)
		if err != nil {
			return check.Failf("%s redirects to an unparsable Location %q", cur, loc).VI("%s chuyển hướng tới Location sai %q", cur, loc).At(cur).With(ev...)
		}
		chain = append(chain, cur)
		if hop == 0 {
			if next.Scheme != "https" {
				return check.Failf("plain HTTP %s first redirects to %s, not to HTTPS", start, next).
					VI("HTTP thường %s chuyển hướng đầu tiên tới %s, không phải HTTPS", start, next).
					GotWant(start+" → "+next.String(), want).At(start).With(ev...)
			}
			if !strings.EqualFold(next.Hostname(), startHost) {
				return check.Failf("plain HTTP %s first redirects to another host %s; redirect to https://%s first so that its HSTS applies", start, next.Host, startHost).
					VI("HTTP thường %s chuyển hướng đầu tiên sang máy chủ khác %s", start, next.Host).
					GotWant(start+" → "+next.String(), want).At(start).With(ev...)
			}
			// The requirement says permanently (301 or 308): a browser remembers those and goes
			// to HTTPS directly next time; a temporary redirect is asked again on plain HTTP.
			// The HTTP Observatory accepts any redirect.
			if resp.StatusCode != http.StatusMovedPermanently && resp.StatusCode != http.StatusPermanentRedirect {
				return check.Failf("plain HTTP %s redirects to HTTPS with %d, a temporary redirect; the requirement is a permanent one (301 or 308)", start, resp.StatusCode).
					VI("HTTP thường %s chuyển hướng sang HTTPS bằng mã %d (tạm thời); yêu cầu là chuyển hướng vĩnh viễn (301 hoặc 308)", start, resp.StatusCode).
					GotWant(fmt.Sprintf("%d → %s", resp.StatusCode, next), "301 or 308 to https:// on the same host").At(start).With(ev...)
			}
		}
		cur = next.String()
	}
	chain = append(chain, cur)
	return check.Passf("plain HTTP redirects to HTTPS: %s", strings.Join(chain, " → ")).
		VI("HTTP thường được chuyển hướng sang HTTPS: %s", strings.Join(chain, " → ")).
		GotWant(strings.Join(chain, " → "), want).At(start).With(ev...)
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

// notListening says why nothing answers plain HTTP there, or "" when err does not show it:
// the connection was refused, or the connection attempt itself got no answer (a filtered port,
// as a browser finds it too). A connection that was accepted and then stayed silent, was reset
// or closed shows a listener whose behaviour is unseen; a DNS failure or a refused scope shows
// nothing about the port.
func notListening(st connState, err error) string {
	if st.connected {
		return ""
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return "connection refused"
	}
	var ne net.Error
	if st.connecting && (errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())) {
		return "the connection attempt got no answer"
	}
	return ""
}
