package probe

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/discover"
	"github.com/p06kit/p06kit/harness/internal/htmldoc"
	"github.com/p06kit/p06kit/harness/internal/ledger"
	"github.com/p06kit/p06kit/harness/internal/login"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/ident"
	"golang.org/x/net/html/charset"
	"golang.org/x/net/publicsuffix"
)

// Session is the machinery behind one check.Session (it implements check.Backend): one
// assessment run of one target, safe for concurrent use by checks. The contract it keeps is
// documented on check.Session: every request bounded in time and size, none outside the
// session's scope, at most Config.MaxRequests of them, politeness limits (polite.go), methods
// other than GET and HEAD only with active checks, errors that say what the portal did and wrap
// the sentinel errors of package check.
type Session struct {
	target check.Target
	cfg    check.Config
	base   *url.URL
	rt     http.RoundTripper // the target's own, unbounded: never used to send
	brt    http.RoundTripper // bounded
	raw    http.RoundTripper // the same connections and limits, without the body bound
	lim    *limiter
	close  func()
	ctx    context.Context // lifetime of the run, for fetches shared between checks
	stats  stats
	scope  *scope

	mu    sync.Mutex
	cache map[string]*flight

	// resolved caches Resolve's successful results: checks resolve the same few references
	// (the profile's pages, the links of shared pages) over and over. At most maxResolved
	// entries, so a portal with endless distinct links cannot grow it without bound.
	resolvedMu sync.RWMutex
	renders    renderCounter
	resolved   map[string]string

	timings timings

	// sess is the check.Session this backend serves: discovery and login read the portal
	// through it, as checks do.
	sess *check.Session

	// tr is the transport underneath brt when the session preconnects (NewRunSession; see
	// "Preconnecting"), else nil; preconnected is set by the first request to the target over
	// HTTPS, and preconnects counts the connections dialled for it.
	tr           *http.Transport
	preconnected atomic.Bool
	preconnects  atomic.Int64
}

const maxResolved = 4096

var _ check.Backend = (*Session)(nil)

// flight is one shared fetch: the first caller starts it, every caller waits for it (or for its
// own context).
type flight struct {
	done chan struct{}
	val  any
	err  error
}

// NewSession prepares a session; the engine calls it once per target.
func NewSession(t check.Target, cfg check.Config) (*check.Session, error) {
	return NewSessionContext(context.Background(), t, cfg)
}

// NewSessionContext is NewSession with the context of the run: fetches shared between checks
// are bound to it rather than to the context of the check that started them, so that one
// check's timeout does not poison the cache for the others. Call Close when the run is over.
func NewSessionContext(ctx context.Context, t check.Target, cfg check.Config) (*check.Session, error) {
	s, err := newSession(ctx, t, cfg, false)
	if err != nil {
		return nil, err
	}
	return s.sess, nil
}

// NewRunSession is NewSessionContext for a run, whose first request is the preflight's GET of
// the home page: while it is answered, the session opens the other connections to a portal that
// speaks HTTP/1.1 (see "Preconnecting").
func NewRunSession(ctx context.Context, t check.Target, cfg check.Config) (*check.Session, error) {
	s, err := newSession(ctx, t, cfg, true)
	if err != nil {
		return nil, err
	}
	return s.sess, nil
}

func newSession(ctx context.Context, t check.Target, cfg check.Config, preconnect bool) (*Session, error) {
	cfg = cfg.WithDefaults()
	u, err := url.Parse(t.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, msg.Error(mErrBaseURL, t.BaseURL)
	}
	if u.Path == "" {
		u.Path = "/"
	}
	var rt http.RoundTripper = http.DefaultTransport
	if t.Client != nil && t.Client.Transport != nil {
		rt = t.Client.Transport
	}
	sc := newScope(u, t, cfg)
	s := &Session{target: t, cfg: cfg, base: u, rt: &scopedRT{next: rt, scope: sc}, ctx: ctx, cache: map[string]*flight{}, scope: sc,
		lim: newLimiter(cfg.MaxInFlight, cfg.MaxConnsPerHost)}
	var tr *http.Transport
	s.brt, s.raw, s.close, tr = newBoundedTransport(rt, cfg, &s.stats, sc, s.lim)
	if preconnect && tr != nil && preconnectDialer(tr) {
		s.tr = tr
	}
	s.sess = check.NewBackedSession(t, cfg, s)
	return s, nil
}

// Close releases the session's idle connections. The session must not be used afterwards.
func (s *Session) Close() { s.close() }

// Stats returns the counters of the session's traffic so far.
func (s *Session) Stats() check.Stats {
	return check.Stats{Requests: s.stats.requests.Load(), BytesRead: s.stats.bytes.Load()}
}

// Base returns the target's base URL.
func (s *Session) Base() *url.URL { u := *s.base; return &u }

// Resolve makes ref absolute against the base URL, percent-encoding its path and query and
// turning an internationalised host into ASCII as a browser does (ResolveURL).
func (s *Session) Resolve(ref string) (string, error) {
	s.resolvedMu.RLock()
	abs, ok := s.resolved[ref]
	s.resolvedMu.RUnlock()
	if ok {
		return abs, nil
	}
	abs, err := s.resolve(ref)
	if err != nil {
		return "", err
	}
	s.resolvedMu.Lock()
	if s.resolved == nil {
		s.resolved = map[string]string{}
	}
	if len(s.resolved) < maxResolved {
		s.resolved[ref] = abs
	}
	s.resolvedMu.Unlock()
	return abs, nil
}

func (s *Session) resolve(ref string) (string, error) {
	abs, err := htmldoc.ResolveURL(s.base, ref)
	if err != nil {
		return "", msg.Error(mErrBadURL, check.Redact(ref), err)
	}
	if abs.Scheme != "http" && abs.Scheme != "https" {
		return "", msg.Error(mErrScheme, check.Redact(ref), abs.Scheme)
	}
	return abs.String(), nil
}

// Transport returns the round tripper that reaches the target on the session's connections,
// within its scope (a request to a host outside it fails with ErrOutOfScope, unsent), request
// budget and politeness limits, but without its body bound or redirect policy: for checks that
// must see raw behaviour (a redirect not followed, TLS probing). Such checks must bound their
// own reads and deadlines. Its TLSClientConfig method gives the TLS configuration of the
// target's transport (trust roots), when it has one.
func (s *Session) Transport() http.RoundTripper { return s.raw }

// Get fetches ref (absolute, or relative to the base URL) with GET, following allowed redirects.
// Responses are cached for the session: checks share them, and concurrent callers wait for one
// fetch. On ErrBodyTooLarge the truncated response is returned with the error.
func (s *Session) Get(ctx context.Context, ref string) (*check.Response, error) {
	abs, err := s.Resolve(ref)
	if err != nil {
		return nil, err
	}
	v, err := s.shared(ctx, "GET "+abs, func(ctx context.Context) (any, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, abs, nil)
		if err != nil {
			return nil, err
		}
		return s.Do(ctx, req)
	})
	r, _ := v.(*check.Response)
	s.note(ctx, http.MethodGet, abs, r, err, true)
	return r, err
}

// Page fetches ref like Get and parses it as HTML, once per session, decoding it from the
// charset the page declares. A page that is not HTML has a nil Doc. A page the parser refuses
// (elements nested more than 512 deep) is an error.
func (s *Session) Page(ctx context.Context, ref string) (*check.Page, error) {
	abs, err := s.Resolve(ref)
	if err != nil {
		return nil, err
	}
	v, err := s.shared(ctx, "PAGE "+abs, func(ctx context.Context) (any, error) {
		resp, err := s.Get(ctx, abs)
		if err != nil {
			return nil, err
		}
		p, err := parsePage(resp)
		if err == nil {
			s.renderPage(ctx, p)
		}
		return p, err
	})
	p, _ := v.(*check.Page)
	var resp *check.Response
	if p != nil {
		resp = p.Response
	}
	s.note(ctx, http.MethodGet, abs, resp, err, true)
	noteShell(ctx, p)
	return p, err
}

func parsePage(resp *check.Response) (*check.Page, error) {
	p := &check.Page{Response: resp}
	ct := resp.Header.Get("Content-Type")
	if _, params, err := mime.ParseMediaType(ct); err == nil {
		p.DeclaredCharset = params["charset"]
	}
	if !isHTML(ct, resp.Body) {
		return p, nil
	}
	if p.DeclaredCharset != "" {
		if e, _ := charset.Lookup(p.DeclaredCharset); e == nil {
			return p, msg.Error(mErrCharset, check.RedactURL(resp.FinalURL), p.DeclaredCharset)
		}
	}
	d, err := htmldoc.DecodeHTML(resp.Body, ct, resp.Truncated)
	p.Charset, p.CharsetSource = d.Charset, d.Source
	if err != nil {
		if strings.Contains(err.Error(), "deeper than the parser allows") {
			return p, msg.Error(mErrAt, check.RedactURL(resp.FinalURL), err)
		}
		return p, msg.Error(mErrParse, check.RedactURL(resp.FinalURL), d.Charset, err)
	}
	doc := d.Doc
	p.Doc = doc
	return p, nil
}

func isHTML(ct string, body []byte) bool {
	if ct == "" {
		return strings.HasPrefix(http.DetectContentType(body), "text/html")
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return strings.Contains(strings.ToLower(ct), "html")
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// shared runs fetch once per key for the session. The fetch runs with the session's context
// (not the caller's), and the caller waits for it or for its own context.
func (s *Session) shared(ctx context.Context, key string, fetch func(context.Context) (any, error)) (any, error) {
	s.mu.Lock()
	f, ok := s.cache[key]
	if !ok {
		f = &flight{done: make(chan struct{})}
		s.cache[key] = f
		go func() {
			defer close(f.done)
			defer func() {
				if p := recover(); p != nil {
					f.err = msg.Error(mErrPanic, check.Redact(key), fmt.Sprint(p))
				}
			}()
			f.val, f.err = fetch(s.ctx)
		}()
	}
	s.mu.Unlock()
	select {
	case <-f.done:
		return f.val, f.err
	case <-ctx.Done():
		return nil, msg.Error(mErrWaiting, check.RedactURL(strings.TrimPrefix(strings.TrimPrefix(key, "GET "), "PAGE ")), ctx.Err())
	}
}

// Do sends req through the session's bounded client (not cached). Methods other than GET and
// HEAD to the target are refused unless active checks are enabled.
func (s *Session) Do(ctx context.Context, req *http.Request) (*check.Response, error) {
	r, err := s.do(ctx, s.client(nil), req)
	s.noteReq(ctx, req, r, err)
	return r, err
}

func (s *Session) noteReq(ctx context.Context, req *http.Request, r *check.Response, err error) {
	if req != nil && req.URL != nil {
		s.note(ctx, req.Method, req.URL.String(), r, err, false)
	}
}

// NewBrowser returns a fresh anonymous browser with its own cookie jar (with the public suffix
// list, so a portal cannot set cookies for a whole public suffix). Its client carries the
// session's bounds: per-request timeout, header and raw body size, request budget, redirect
// policy.
func (s *Session) NewBrowser() *check.Browser {
	jar, _ := cookiejar.New(&cookiejar.Options{PublicSuffixList: publicsuffix.List})
	return &check.Browser{Client: s.client(jar)}
}

// Fetch sends req with browser b's client, with the session's bounds (used by adapters and
// assisted checks that need the bounded Response).
func (s *Session) Fetch(ctx context.Context, b *check.Browser, req *http.Request) (*check.Response, error) {
	if b == nil || b.Client == nil {
		return nil, errors.New("fetch: nil browser")
	}
	r, err := s.do(ctx, b.Client, req)
	s.noteReq(ctx, req, r, err)
	return r, err
}

func (s *Session) client(jar http.CookieJar) *http.Client {
	return &http.Client{
		Transport: s.brt,
		Jar:       jar,
		Timeout:   s.cfg.RequestTimeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > s.cfg.MaxRedirects {
				return msg.Error(mErrRedirects, check.ErrTooManyRedirects, s.cfg.MaxRedirects, check.RedactURL(req.URL.String()))
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return msg.Error(mErrRedirScheme, check.ErrOffHostRedirect, req.URL.Scheme)
			}
			if !s.scope.allows(req.URL) {
				s.scope.refuse(req.Method, req.URL) // recorded; the error below says it
				return &scopeErr{p: msg.P(mErrRedirHost, check.ErrOffHostRedirect, req.URL.Host),
					is: []error{check.ErrOffHostRedirect, check.ErrOutOfScope}}
			}
			return nil
		},
	}
}

// isFake reports whether host:port is one of the fakes of the national services the target
// runs with: requests to them are the harness talking to itself, not probing the target.
func (s *Session) isFake(host string) bool {
	for _, raw := range s.fakeURLs() {
		if u, err := url.Parse(raw); err == nil && u.Host != "" && strings.EqualFold(u.Host, host) {
			return true
		}
	}
	return false
}

func (s *Session) fakeURLs() []string { return fakeURLs(s.target) }

// fakeURLs are the URLs of the fakes t names (a nil pointer of a fake's type is no fake).
func fakeURLs(t check.Target) []string {
	var out []string
	if t.SSO != nil && t.SSO.FakeURL() != "" {
		out = append(out, t.SSO.FakeURL())
	}
	if t.PopDB != nil && t.PopDB.FakeURL() != "" {
		out = append(out, t.PopDB.FakeURL())
	}
	return out
}

func hostname(host string) string {
	if h, _, err := splitHostPort(host); err == nil {
		return h
	}
	return strings.Trim(host, "[]")
}

func splitHostPort(host string) (string, string, error) {
	u := url.URL{Host: host}
	if u.Port() == "" {
		return "", "", errors.New("no port")
	}
	return u.Hostname(), u.Port(), nil
}

func (s *Session) do(ctx context.Context, c *http.Client, req *http.Request) (*check.Response, error) {
	if req == nil || req.URL == nil {
		return nil, errors.New("nil request")
	}
	target := check.RedactURL(req.URL.String())
	if req.Method != http.MethodGet && req.Method != http.MethodHead && !s.cfg.Active && !s.isFake(req.URL.Host) {
		return nil, msg.Error(mErrRequest, req.Method, target, check.ErrUnsafeMethod)
	}
	fake := s.isFake(req.URL.Host)
	if n := s.stats.timeouts.Load(); !fake && n >= int64(s.cfg.MaxConsecutiveTimeouts) {
		return nil, msg.Error(mErrStopped,
			req.Method, target, check.ErrTimeout, n, s.cfg.RequestTimeout)
	}
	// Wait for a turn (see "Politeness") before the request's own timeout starts: waiting is not
	// the portal's slowness.
	release, err := s.lim.acquire(ctx, hostKey(req.URL), true)
	if err != nil {
		return nil, msg.Error(mErrSlot, req.Method, target, err)
	}
	defer release()
	ctx = context.WithValue(ctx, slotKey{}, true)
	ctx, cancel := context.WithTimeout(ctx, s.cfg.RequestTimeout)
	defer cancel()
	var st stage
	if pt := s.preconnectTrace(ctx, req); pt != nil {
		ctx = httptrace.WithClientTrace(ctx, pt)
	}
	req = req.Clone(httptrace.WithClientTrace(ctx, st.trace()))
	htmldoc.BrowserRequestURL(req.URL)
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", s.cfg.UserAgent)
	}
	if req.Header.Get("Accept-Encoding") == "" {
		// Set explicitly, so that Go's transparent decompression (which has no ratio bound)
		// stays off and the session decompresses with its bounds.
		req.Header.Set("Accept-Encoding", "gzip, deflate")
	}
	var chain []string
	cc := *c
	orig := c.CheckRedirect
	next := "" // host of the last redirect followed
	cc.CheckRedirect = func(r *http.Request, via []*http.Request) error {
		chain = append(chain, via[len(via)-1].URL.String())
		htmldoc.BrowserRequestURL(r.URL)
		if orig != nil {
			if err := orig(r, via); err != nil {
				return err
			}
		}
		next = r.URL.Host
		return nil
	}
	start := time.Now()
	resp, err := cc.Do(req)
	if err != nil {
		err = describe(err, &st, s.cfg)
		s.noteTimeout(fake, err)
		if next != "" && !errors.Is(err, check.ErrOffHostRedirect) && (s.isFake(next) || !strings.EqualFold(hostname(next), req.URL.Hostname())) {
			err = &elsewhereError{host: next, err: err}
		}
		return nil, msg.Error(mErrRequest, req.Method, target, err)
	}
	defer resp.Body.Close()
	r := &check.Response{Method: req.Method, URL: req.URL.String(), FinalURL: resp.Request.URL.String(),
		StatusCode: resp.StatusCode, Proto: resp.Proto, Header: resp.Header, Redirects: chain,
		TLS: resp.TLS, TTFB: st.serverTime(time.Since(start))}
	st.v.Store(stageBody)
	r.Body, r.Truncated, err = decodedBody(resp, s.cfg)
	r.Duration = time.Since(start)
	if err != nil {
		err = describe(err, &st, s.cfg)
		s.noteTimeout(fake, err)
		return r, msg.Error(mErrRequest, req.Method, target, err)
	}
	s.noteTimeout(fake, nil)
	if req.Method == http.MethodGet && r.StatusCode == http.StatusOK && !fake {
		s.timings.note(r.URL, r.TTFB)
	}
	return r, nil
}

// noteTimeout feeds the circuit breaker of Config.MaxConsecutiveTimeouts.
func (s *Session) noteTimeout(fake bool, err error) {
	switch {
	case fake:
	case errors.Is(err, check.ErrTimeout):
		s.stats.timeouts.Add(1)
	case err == nil || !errors.Is(err, context.Canceled):
		s.stats.timeouts.Store(0)
	}
}

// ResolvedProfile returns the resolved profile if discovery has run (nil otherwise).
func (s *Session) ResolvedProfile() *check.Resolved {
	s.mu.Lock()
	f, ok := s.cache["PROFILE"]
	s.mu.Unlock()
	if !ok {
		return nil
	}
	select {
	case <-f.done:
		if d, _ := f.val.(*discover.Found); d != nil {
			return d.Resolved
		}
		return nil
	default:
		return nil
	}
}

// found runs discovery once per session and returns what it found; the failures of the pages
// it could not read go into the ledger of ctx.
func (s *Session) found(ctx context.Context) (*discover.Found, error) {
	v, err := s.shared(ctx, "PROFILE", func(ctx context.Context) (any, error) {
		var p check.Profile
		if s.target.Profile != nil {
			p = *s.target.Profile
		}
		return discover.Run(ctx, s.sess, p, s.fetchFailure), nil
	})
	d, _ := v.(*discover.Found)
	if d != nil {
		for _, e := range d.Unread {
			ledger.NoteFailure(ctx, msg.Error(mErrDisco, e))
		}
		s.noteDiscoveredShells(ctx, d.Resolved)
	}
	return d, err
}

// Profile implements check.Backend.
func (s *Session) Profile(ctx context.Context) (*check.Resolved, error) {
	d, err := s.found(ctx)
	if d == nil {
		return nil, err
	}
	return d.Resolved, err
}

// Procedures implements check.Backend.
func (s *Session) Procedures(ctx context.Context) (*check.ProcedureList, error) {
	d, err := s.found(ctx)
	if err != nil {
		return nil, err
	}
	return d.Catalogue()
}

// Pages implements check.Backend: the pages of the session's discovery when r is its profile,
// else the pages r names.
func (s *Session) Pages(r *check.Resolved, max int) []string {
	s.mu.Lock()
	f, ok := s.cache["PROFILE"]
	s.mu.Unlock()
	if ok {
		select {
		case <-f.done:
			if d, _ := f.val.(*discover.Found); d != nil && d.Resolved == r {
				return d.Pages(s.sess, max)
			}
		default:
		}
	}
	return (&discover.Found{Resolved: r}).Pages(s.sess, max)
}

// SamplePages implements check.Backend.
func (s *Session) SamplePages(ctx context.Context, max int) ([]*check.Page, []msg.Phrase, error) {
	d, err := s.found(ctx)
	if err != nil {
		return nil, nil, err
	}
	return d.SamplePages(ctx, s.sess, max)
}

// Login implements check.Backend.
func (s *Session) Login(ctx context.Context, who ident.Person) (*check.Browser, error) {
	return login.Login(ctx, s.sess, who)
}

// LoginSSO implements check.Backend.
func (s *Session) LoginSSO(ctx context.Context, who ident.Person, mode check.SSOMode, start string) (*check.Browser, *check.LoginTrace, error) {
	return login.SSO(ctx, s.sess, who, mode, start)
}
