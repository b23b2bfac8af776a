package check

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/ident"
)

// Session is one assessment run of one target, as checks see it. It is safe for concurrent use
// by checks. The engine makes it (the machinery behind it, the [Backend], lives in
// harness/internal/probe with discovery and login automation beside it); a check only calls
// its methods.
//
// # The probe
//
// Get, Page, Do and Fetch are the harness's probe: every request has a deadline covering the
// connection, the headers and the body (Config.RequestTimeout); bodies are bounded after
// decompression (Config.MaxBodyBytes, gzip and deflate with a ratio bound), headers by
// Config.MaxHeaderBytes, redirect chains by Config.MaxRedirects; no request of any method leaves
// the session's scope (the target's origin, its HTTP↔HTTPS pair, the hosts the run names: see
// ErrOutOfScope and Refused); the session sends at most Config.MaxRequests requests. Methods
// other than GET and HEAD to the target are refused unless active checks are enabled (requests
// to the fakes the harness runs are not limited). Errors say what the portal did ("stalled
// while waiting for the response headers", "certificate not valid for host …") and wrap the
// sentinel errors of this package (ErrTimeout, ErrBodyTooLarge, …).
//
// # Politeness
//
// The scanner is a guest: a session keeps at most Config.MaxInFlight requests in flight to all
// hosts together, opens at most Config.MaxConnsPerHost connections to one host, runs TLS
// probes (Acquire) at most two at a time, and backs off from a host that answers 429 or 503
// (its Retry-After, else 1 s, 2 s, 4 s, 8 s). It never resends a request on its own. Waiting
// for a turn is part neither of a request's timeout nor of the response time measured.
type Session struct {
	target Target
	cfg    Config
	b      Backend

	memoMu sync.Mutex
	memo   map[any]*memoEntry // see Memo
}

// Backend is the machinery behind a [Session]: the bounded transport, discovery and login
// automation. harness/internal/probe implements it; checks never use it directly. The methods
// are those of Session of the same name (see there), but for LoginSSO, which begins at start
// when it is not "", and Pages, which serves Resolved.Pages.
type Backend interface {
	Close()
	Stats() Stats
	Base() *url.URL
	Resolve(ref string) (string, error)
	Transport() http.RoundTripper
	Get(ctx context.Context, ref string) (*Response, error)
	Page(ctx context.Context, ref string) (*Page, error)
	Do(ctx context.Context, req *http.Request) (*Response, error)
	NewBrowser() *Browser
	Fetch(ctx context.Context, b *Browser, req *http.Request) (*Response, error)
	Profile(ctx context.Context) (*Resolved, error)
	ResolvedProfile() *Resolved
	Procedures(ctx context.Context) (*ProcedureList, error)
	Pages(r *Resolved, max int) []string
	SamplePages(ctx context.Context, max int) (pages []*Page, skipped []msg.Phrase, err error)
	Login(ctx context.Context, who ident.Person) (*Browser, error)
	LoginSSO(ctx context.Context, who ident.Person, mode SSOMode, start string) (*Browser, *LoginTrace, error)
	Limits() Limits
	Acquire(ctx context.Context, addr string) (release func(), err error)
	Each(ctx context.Context, n int, f func(i int))
	Timings(u string) []time.Duration
	Refused() []Refusal
	InScope(u *url.URL) bool
}

// NewBackedSession returns the session of target t run with cfg (defaults applied) over b. The
// engine's session maker (harness/internal/probe) calls it; checks never do.
func NewBackedSession(t Target, cfg Config, b Backend) *Session {
	return &Session{target: t, cfg: cfg.WithDefaults(), b: b}
}

// Close releases the session's idle connections. The session must not be used afterwards.
func (s *Session) Close() { s.b.Close() }

// Stats returns the counters of the session's traffic so far.
func (s *Session) Stats() Stats { return s.b.Stats() }

// Target returns the target.
func (s *Session) Target() Target { return s.target }

// Config returns the configuration, with defaults applied.
func (s *Session) Config() Config { return s.cfg }

// Lang is the language of messages, "vi" or "en".
func (s *Session) Lang() string { return s.cfg.Lang }

// Base returns the target's base URL.
func (s *Session) Base() *url.URL { return s.b.Base() }

// Resolve makes ref absolute against the base URL, percent-encoding its path and query and
// turning an internationalised host into ASCII as a browser does.
func (s *Session) Resolve(ref string) (string, error) { return s.b.Resolve(ref) }

// Transport returns the round tripper that reaches the target on the session's connections,
// within its scope (a request to a host outside it fails with ErrOutOfScope, unsent), request
// budget and politeness limits, but without its body bound or redirect policy: for checks that
// must see raw behaviour (a redirect not followed, TLS probing). Such checks must bound their
// own reads and deadlines. Its TLSClientConfig method gives the TLS configuration of the
// target's transport (trust roots), when it has one.
func (s *Session) Transport() http.RoundTripper { return s.b.Transport() }

// Get fetches ref (absolute, or relative to the base URL) with GET, following allowed redirects.
// Responses are cached for the session: checks share them, and concurrent callers wait for one
// fetch. On ErrBodyTooLarge the truncated response is returned with the error.
func (s *Session) Get(ctx context.Context, ref string) (*Response, error) { return s.b.Get(ctx, ref) }

// Page fetches ref like Get and parses it as HTML, once per session, decoding it from the
// charset the page declares. A page that is not HTML has a nil Doc. A page the parser refuses
// (elements nested more than 512 deep) is an error. With a Target.Renderer, an HTML page of the
// portal's host is the DOM the browser built (Page.Rendered).
func (s *Session) Page(ctx context.Context, ref string) (*Page, error) { return s.b.Page(ctx, ref) }

// Do sends req through the session's bounded client (not cached). Methods other than GET and
// HEAD to the target are refused unless active checks are enabled (ErrUnsafeMethod).
func (s *Session) Do(ctx context.Context, req *http.Request) (*Response, error) {
	return s.b.Do(ctx, req)
}

// NewBrowser returns a fresh anonymous browser with its own cookie jar (with the public suffix
// list, so a portal cannot set cookies for a whole public suffix). Its client carries the
// session's bounds: per-request timeout, header and raw body size, request budget, redirect
// policy.
func (s *Session) NewBrowser() *Browser { return s.b.NewBrowser() }

// Fetch sends req with browser b's client, with the session's bounds (used by adapters and
// assisted checks that need the bounded Response).
func (s *Session) Fetch(ctx context.Context, b *Browser, req *http.Request) (*Response, error) {
	return s.b.Fetch(ctx, b, req)
}

// Profile returns the resolved profile: the configured one with what it leaves out discovered
// (see the package documentation, "Portal discovery"). It is resolved once per session.
func (s *Session) Profile(ctx context.Context) (*Resolved, error) { return s.b.Profile(ctx) }

// ResolvedProfile returns the resolved profile if some check has resolved it already (nil
// otherwise), without sending anything: for reports that show what discovery found, when
// discovery ran.
func (s *Session) ResolvedProfile() *Resolved { return s.b.ResolvedProfile() }

// Procedures returns the portal's procedure catalogue as discovery read it (from procedures_json,
// else the procedures page); the error wraps ErrNoCatalogue when there is none. The list is
// shared: treat it as read-only.
func (s *Session) Procedures(ctx context.Context) (*ProcedureList, error) {
	return s.b.Procedures(ctx)
}

// Pages returns the pages checks sample, absolute and without duplicates, at most max: the home
// page, the procedure catalogue, the login entry, the status look-up page, the privacy and
// contact pages, the procedure pages (two clicks: home, catalogue, procedure), the configured
// samples, then the pages with a service form that discovery met within two clicks of the home
// page, in that order. r is the session's resolved profile.
func (r *Resolved) Pages(s *Session, max int) []string { return s.b.Pages(r, max) }

// SamplePages fetches the pages checks sample (Resolved.Pages, at most max) and keeps those that
// answer 200 with HTML on the portal's host; each other is in skipped as its URL and reason, a
// phrase: a login entry redirecting to another host (the national SSO, not the portal's to judge)
// is not followed, and a single-page app's shell (Page.Shell) or fallback is not judged.
func (s *Session) SamplePages(ctx context.Context, max int) (pages []*Page, skipped []msg.Phrase, err error) {
	return s.b.SamplePages(ctx, max)
}

// Login returns a new browser logged in to the portal as who: through the adapter's Login when
// the adapter implements it, otherwise through the fake national SSO (Target.SSO) with
// [Session.LoginSSO], as a browser would.
func (s *Session) Login(ctx context.Context, who ident.Person) (*Browser, error) {
	return s.b.Login(ctx, who)
}

// LoginSSO logs who in through the fake national SSO (Target.SSO) as a browser would, with the
// fake misbehaving as mode for this login only, and returns the browser and the trace. It does
// not judge whether the portal accepted the login: callers ask the portal (WhoAmI). A citizen
// the fake does not know is added to its accounts first.
//
// The browser begins at the adapter's BeginLogin URL, or else at the profile's Login entry,
// following redirects and, when a page stands in the way, up to two links or forms that lead to
// the SSO or are labelled VNeID / "Dịch vụ công quốc gia" / "Đăng nhập", until it reaches the
// fake's login page; it logs in there, then visits the callback (or hands it to the adapter's
// CompleteLogin). Requests to the fake are not subject to the GET-only policy; requests to the
// portal are GETs, except a login form that posts (ASP.NET's external-login button), which is
// submitted only with active checks enabled — otherwise the error wraps a NotImplementedError
// naming BeginLogin, so that checks report not_tested. Errors of the flow wrap ErrLoginFlow.
func (s *Session) LoginSSO(ctx context.Context, who ident.Person, mode SSOMode) (*Browser, *LoginTrace, error) {
	return s.b.LoginSSO(ctx, who, mode, "")
}

// LoginSSOAt is LoginSSO beginning at the portal URL start (absolute, or relative to the base
// URL) instead of the adapter's BeginLogin or the profile's Login entry: a login entry with
// parameters of the check's choosing, such as a return URL.
func (s *Session) LoginSSOAt(ctx context.Context, who ident.Person, mode SSOMode, start string) (*Browser, *LoginTrace, error) {
	if start == "" {
		return nil, nil, fmt.Errorf("%w: LoginSSOAt needs a start URL", ErrLoginFlow)
	}
	return s.b.LoginSSO(ctx, who, mode, start)
}

// Limits returns the session's politeness bounds and what they cost so far.
func (s *Session) Limits() Limits { return s.b.Limits() }

// Acquire takes one of the session's probe slots (at most 2 at once) for work that reaches addr
// (host:port) on a connection of its own rather than through the session's transport (a TLS
// probe's handshake), waiting for the host's back-off like a request would. Call the returned
// function when the connection is closed.
func (s *Session) Acquire(ctx context.Context, addr string) (release func(), err error) {
	return s.b.Acquire(ctx, addr)
}

// Prefetch fetches refs as pages (Session.Page), up to Config.MaxInFlight at once, and returns
// when all have been fetched or ctx is done. The pages land in the session's cache, so that a
// check that reads them one after another afterwards does not wait a round trip for each:
// results, errors included, are the same as those of sequential Page calls.
func (s *Session) Prefetch(ctx context.Context, refs ...string) {
	s.Each(ctx, len(refs), func(i int) { _, _ = s.Page(ctx, refs[i]) })
}

// Each calls f(0) … f(n-1), up to Config.MaxInFlight at once, and returns when all have
// returned: for a check's independent requests (probes of many paths, many pages), which then
// cost a few round trips rather than one each. f must be safe to run concurrently; a check
// that collects results into a slice indexed by i and judges them in order afterwards gives
// the same verdict at any concurrency. Calls not yet started when ctx is done are skipped.
func (s *Session) Each(ctx context.Context, n int, f func(i int)) { s.b.Each(ctx, n, f) }

// Timings returns the answer times (Response.TTFB) of the successful GETs (status 200) the session
// has sent to u (absolute, as requested) so far, in the order they completed, at most 16.
func (s *Session) Timings(u string) []time.Duration { return s.b.Timings(u) }

// Refused lists the requests the session refused to send because they left its scope.
func (s *Session) Refused() []Refusal { return s.b.Refused() }

// InScope reports whether the session may contact u: the target's origin, its HTTP↔HTTPS pair,
// or a host the run names. Checks use it to decide, before building a request, that a form or a
// link leads elsewhere; the transport enforces it anyway.
func (s *Session) InScope(u *url.URL) bool { return s.b.InScope(u) }

// HomeShell returns an error result when the home page is a single-page app's shell, for
// content criteria whose discovery starts at the home page: on a shell, what was not found was
// never there to find. ok is false when the home page is not a shell, or could not be read
// (the criterion reports that itself).
func (s *Session) HomeShell(ctx context.Context) (res Result, ok bool) {
	pg, err := s.Page(ctx, s.Base().String())
	if err != nil || pg.StatusCode != 200 || pg.Shell().IsZero() {
		return Result{}, false
	}
	return NeedsRender(pg), true
}

// Stats are the counters of a session's traffic.
type Stats struct {
	// Requests is the number of requests sent (each redirect hop counts).
	Requests int64
	// BytesRead is the number of body bytes read off the wire, before decompression.
	BytesRead int64
}

// Limits are a session's politeness bounds and what they cost.
type Limits struct {
	// MaxInFlight and MaxConnsPerHost are the configured bounds.
	MaxInFlight, MaxConnsPerHost int
	// Backoffs counts the 429/503 answers after which the session paused a host; Waited is
	// the time requests spent waiting for a host's back-off to end.
	Backoffs int64
	Waited   time.Duration
}

// Refusal is a request the session refused to send because it left the scan's scope.
type Refusal struct {
	// Method and URL (redacted) of the refused request.
	Method, URL string
	// Host is the host:port it would have contacted.
	Host string
	// Count is how many times it was attempted.
	Count int
}
