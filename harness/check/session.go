package check

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/publicsuffix"

	"github.com/p06kit/p06kit/scoring"
)

// Session is one assessment run of one target. It is safe for concurrent use by checks.
type Session struct {
	target Target
	cfg    Config
	base   *url.URL
	rt     http.RoundTripper

	mu      sync.Mutex
	cache   map[string]*entry
	profile *entry
}

type entry struct {
	once sync.Once
	resp *Response
	page *Page
	prof *Resolved
	err  error
}

// NewSession prepares a session; the engine calls it once per target.
func NewSession(t Target, cfg Config) (*Session, error) {
	cfg = cfg.WithDefaults()
	u, err := url.Parse(t.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("target: base URL %q is not an absolute http(s) URL", t.BaseURL)
	}
	rt := http.DefaultTransport
	if t.Client != nil && t.Client.Transport != nil {
		rt = t.Client.Transport
	}
	return &Session{target: t, cfg: cfg, base: u, rt: rt, cache: map[string]*entry{}}, nil
}

// Target returns the target.
func (s *Session) Target() Target { return s.target }

// Config returns the configuration, with defaults applied.
func (s *Session) Config() Config { return s.cfg }

// Lang is the language of messages, "vi" or "en".
func (s *Session) Lang() string { return s.cfg.Lang }

// Base returns the target's base URL.
func (s *Session) Base() *url.URL { u := *s.base; return &u }

// Resolve makes ref absolute against the base URL.
func (s *Session) Resolve(ref string) (string, error) {
	r, err := url.Parse(ref)
	if err != nil {
		return "", fmt.Errorf("bad URL %q: %w", ref, err)
	}
	return s.base.ResolveReference(r).String(), nil
}

// Transport returns the round tripper that reaches the target (the target client's, or the
// default), without the session's bounds: for checks that must see raw behaviour (TLS probing).
func (s *Session) Transport() http.RoundTripper { return s.rt }

// Response is a bounded HTTP response.
type Response struct {
	// Method and URL of the request; FinalURL after redirects.
	Method, URL, FinalURL string
	StatusCode            int
	Proto                 string
	Header                http.Header
	// Body is the decompressed body, at most Config.MaxBodyBytes; Truncated says it was cut.
	Body      []byte
	Truncated bool
	// Redirects is the chain of URLs that redirected, in order, before FinalURL.
	Redirects []string
	TLS       *tls.ConnectionState
	// TTFB is the time to the response headers; Duration to the end of the body.
	TTFB, Duration time.Duration
}

// Evidence summarises the response, with the named headers (all relevant ones when none named).
// Secrets are redacted.
func (r *Response) Evidence(headers ...string) scoring.Evidence {
	ev := scoring.Evidence{Request: r.Method + " " + Redact(r.URL), Status: r.StatusCode}
	if len(headers) > 0 {
		ev.Headers = map[string]string{}
		for _, h := range headers {
			if v := r.Header.Values(h); len(v) > 0 {
				ev.Headers[http.CanonicalHeaderKey(h)] = RedactHeader(h, strings.Join(v, ", "))
			}
		}
	}
	return ev
}

// Page is a response with its HTML parsed, shared between checks: treat it as read-only.
type Page struct {
	*Response
	// Doc is the parsed document, or nil when the response is not HTML.
	Doc *html.Node
}

// Get fetches ref (absolute, or relative to the base URL) with GET, following allowed redirects.
// Responses are cached for the session: checks share them.
func (s *Session) Get(ctx context.Context, ref string) (*Response, error) {
	abs, err := s.Resolve(ref)
	if err != nil {
		return nil, err
	}
	e := s.entry("GET " + abs)
	e.once.Do(func() {
		req, err := http.NewRequestWithContext(context.WithoutCancel(ctx), http.MethodGet, abs, nil)
		if err != nil {
			e.err = err
			return
		}
		e.resp, e.err = s.Do(ctx, req)
	})
	return e.resp, e.err
}

// Page fetches ref like Get and parses it as HTML, once per session.
func (s *Session) Page(ctx context.Context, ref string) (*Page, error) {
	abs, err := s.Resolve(ref)
	if err != nil {
		return nil, err
	}
	e := s.entry("PAGE " + abs)
	e.once.Do(func() {
		resp, err := s.Get(ctx, abs)
		if err != nil {
			e.err = err
			return
		}
		p := &Page{Response: resp}
		if ct := resp.Header.Get("Content-Type"); ct == "" || strings.Contains(ct, "html") {
			p.Doc, err = html.Parse(bytes.NewReader(resp.Body))
			if err != nil {
				e.err = fmt.Errorf("parsing %s: %w", Redact(abs), err)
				return
			}
		}
		e.page = p
	})
	return e.page, e.err
}

func (s *Session) entry(key string) *entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.cache[key]
	if !ok {
		e = &entry{}
		s.cache[key] = e
	}
	return e
}

// ErrUnsafeMethod is returned when a request other than GET or HEAD is attempted while active
// checks are disabled.
var ErrUnsafeMethod = errors.New("only GET and HEAD are allowed unless active checks are enabled")

// Do sends req through the session's bounded client (not cached). Methods other than GET and
// HEAD are refused unless active checks are enabled.
func (s *Session) Do(ctx context.Context, req *http.Request) (*Response, error) {
	return s.do(ctx, s.client(nil), req)
}

// NewBrowser returns a fresh anonymous browser with its own cookie jar.
func (s *Session) NewBrowser() *Browser {
	jar, _ := cookiejar.New(&cookiejar.Options{PublicSuffixList: publicsuffix.List})
	return &Browser{Client: s.client(jar)}
}

// Fetch sends req with browser b's client, with the session's bounds (used by adapters and
// assisted checks that need the bounded Response).
func (s *Session) Fetch(ctx context.Context, b *Browser, req *http.Request) (*Response, error) {
	return s.do(ctx, b.Client, req)
}

func (s *Session) client(jar http.CookieJar) *http.Client {
	return &http.Client{
		Transport: s.rt,
		Jar:       jar,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > s.cfg.MaxRedirects {
				return fmt.Errorf("stopped after %d redirects", s.cfg.MaxRedirects)
			}
			if !s.hostAllowed(req.URL.Host) {
				return fmt.Errorf("redirect to another host %s not followed (not in allowed hosts)", req.URL.Host)
			}
			return nil
		},
	}
}

func (s *Session) hostAllowed(host string) bool {
	if strings.EqualFold(host, s.base.Host) {
		return true
	}
	for _, h := range s.cfg.AllowedHosts {
		if strings.EqualFold(h, host) || strings.EqualFold(h, strings.Split(host, ":")[0]) {
			return true
		}
	}
	if s.target.SSO != nil && s.target.SSO.URL != "" {
		if u, err := url.Parse(s.target.SSO.URL); err == nil && strings.EqualFold(u.Host, host) {
			return true
		}
	}
	return false
}

func (s *Session) do(ctx context.Context, c *http.Client, req *http.Request) (*Response, error) {
	if req.Method != http.MethodGet && req.Method != http.MethodHead && !s.cfg.Active {
		return nil, fmt.Errorf("%s %s: %w", req.Method, Redact(req.URL.String()), ErrUnsafeMethod)
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.RequestTimeout)
	defer cancel()
	req = req.WithContext(ctx)
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", s.cfg.UserAgent)
	}
	var chain []string
	orig := c.CheckRedirect
	cc := *c
	cc.CheckRedirect = func(r *http.Request, via []*http.Request) error {
		chain = append(chain, via[len(via)-1].URL.String())
		if orig != nil {
			return orig(r, via)
		}
		return nil
	}
	start := time.Now()
	resp, err := cc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", req.Method, Redact(req.URL.String()), err)
	}
	defer resp.Body.Close()
	r := &Response{Method: req.Method, URL: req.URL.String(), FinalURL: resp.Request.URL.String(),
		StatusCode: resp.StatusCode, Proto: resp.Proto, Header: resp.Header, Redirects: chain,
		TLS: resp.TLS, TTFB: time.Since(start)}
	body, err := io.ReadAll(io.LimitReader(resp.Body, s.cfg.MaxBodyBytes+1))
	if int64(len(body)) > s.cfg.MaxBodyBytes {
		body, r.Truncated = body[:s.cfg.MaxBodyBytes], true
	}
	r.Body, r.Duration = body, time.Since(start)
	if err != nil {
		return r, fmt.Errorf("%s %s: reading body: %w", req.Method, Redact(req.URL.String()), err)
	}
	return r, nil
}

// Profile returns the resolved profile: the configured one with what it leaves out discovered.
// It is resolved once per session.
func (s *Session) Profile(ctx context.Context) (*Resolved, error) {
	s.mu.Lock()
	if s.profile == nil {
		s.profile = &entry{}
	}
	e := s.profile
	s.mu.Unlock()
	e.once.Do(func() {
		var p Profile
		if s.target.Profile != nil {
			p = *s.target.Profile
		}
		e.prof, e.err = resolveProfile(ctx, s, p)
	})
	return e.prof, e.err
}
