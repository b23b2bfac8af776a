package probe

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/url"
	"reflect"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
)

// # Scope
//
// The scanner is a guest: it sends nothing to a host it was not given. The scope of a session
// is, exactly:
//
//   - the target's origin, host and port as given in BaseURL (another port of the same host is
//     another server: a loopback listener on another port is another host);
//   - the portal's own HTTP↔HTTPS pair: the target's host on the default port of the other
//     scheme (80 for an https:// target, 443 for an http:// one);
//   - the hosts named by the caller: Config.AllowedHosts (host:port, or a bare host for any of
//     its ports), the absolute URLs of the configured Target.Profile, and the fake national
//     services of the target (SSO, PopDB).
//
// Every round tripper the session hands out (Do, Get, Page, Fetch, the browsers of NewBrowser,
// Transport) refuses, before anything is sent, a request of any method to a host outside the
// scope, with an error wrapping ErrOutOfScope; redirects, form actions, links and discovered
// URLs to other hosts therefore fail without contact, and each refusal is recorded (see
// Session.Refused). On the wire, connections to link-local and cloud metadata addresses
// (169.254.0.0/16, fe80::/10, fd00:ec2::254, 100.100.100.200) are refused unless the caller
// gave that address itself, so that a host name in scope cannot be turned (by DNS) into a
// request to the metadata service of the assessor's network. A host name whose first
// connection of the session went to a public address is pinned to public addresses: a later
// answer of its DNS that points it at a loopback, private or unspecified address (DNS
// rebinding, to reach the assessor's own network) is refused the same way. A name that
// resolved to such an address from the start is the portal's own (an intranet portal, a test
// server) and is not refused.

// scope is the set of origins a session may contact, with the record of what it refused.
type scope struct {
	base     string          // the target's host:port
	origins  map[string]bool // host:port, lower case, port explicit
	anyPort  map[string]bool // host names allowed on any port
	literals map[string]bool // IP literals the caller gave (target, allowed hosts, fakes)

	mu      sync.Mutex
	public  map[string]bool // host name → its first connection went to a public address
	refused []check.Refusal
	seen    map[string]int // index in refused by method+URL, to count repeats
}

// maxRefusals bounds the distinct refusals recorded; further ones are counted in the last.
const maxRefusals = 200

func newScope(base *url.URL, t check.Target, cfg check.Config) *scope {
	sc := &scope{origins: map[string]bool{}, anyPort: map[string]bool{}, literals: map[string]bool{}, seen: map[string]int{}}
	sc.base = originOf(base)
	sc.addURL(base)
	host := normHost(base.Hostname())
	switch base.Scheme {
	case "https":
		sc.origins[net.JoinHostPort(host, "80")] = true
	case "http":
		sc.origins[net.JoinHostPort(host, "443")] = true
	}
	for _, h := range cfg.AllowedHosts {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		if u, err := url.Parse(h); err == nil && u.Host != "" && (u.Scheme == "http" || u.Scheme == "https") {
			sc.addURL(u) // "https://sso.example/" given as a host
			continue
		}
		if name, port, err := net.SplitHostPort(h); err == nil {
			sc.origins[net.JoinHostPort(normHost(name), port)] = true
			sc.addLiteral(name)
			continue
		}
		name := normHost(strings.Trim(h, "[]"))
		sc.anyPort[name] = true
		sc.addLiteral(name)
	}
	for _, raw := range fakeURLs(t) {
		sc.addRaw(raw)
	}
	if t.Profile != nil {
		for _, raw := range profileURLs(t.Profile) {
			if u, err := url.Parse(raw); err == nil && u.IsAbs() && u.Host != "" {
				sc.addURL(u)
			}
		}
	}
	return sc
}

func (sc *scope) addRaw(raw string) {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		sc.addURL(u)
	}
}

func (sc *scope) addURL(u *url.URL) {
	sc.origins[originOf(u)] = true
	sc.addLiteral(u.Hostname())
}

func (sc *scope) addLiteral(host string) {
	if ip := net.ParseIP(strings.Trim(host, "[]")); ip != nil {
		sc.literals[ip.String()] = true
	}
}

// profileURLs lists the string fields of a profile (and of its string lists): the URLs the
// caller configured.
func profileURLs(p *check.Profile) []string {
	var out []string
	v := reflect.ValueOf(*p)
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if !v.Type().Field(i).IsExported() {
			continue
		}
		switch {
		case f.Kind() == reflect.String:
			out = append(out, f.String())
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.String:
			for j := 0; j < f.Len(); j++ {
				out = append(out, f.Index(j).String())
			}
		}
	}
	return out
}

// normHost folds a host name for comparison: lower case, without a trailing dot; IP literals
// in their canonical form.
func normHost(h string) string {
	h = strings.TrimSuffix(strings.ToLower(h), ".")
	if ip := net.ParseIP(h); ip != nil {
		return ip.String()
	}
	return h
}

// originOf is the host:port a URL contacts, the port made explicit from the scheme.
func originOf(u *url.URL) string {
	port := u.Port()
	if port == "" {
		switch strings.ToLower(u.Scheme) {
		case "https", "wss":
			port = "443"
		default:
			port = "80"
		}
	}
	return net.JoinHostPort(normHost(u.Hostname()), port)
}

// allows reports whether the session may contact u.
func (sc *scope) allows(u *url.URL) bool {
	if u == nil || u.Host == "" {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		return false
	}
	if sc.origins[originOf(u)] {
		return true
	}
	return sc.anyPort[normHost(u.Hostname())]
}

// refuse records a refused request and returns the error saying so.
func (sc *scope) refuse(method string, u *url.URL) error {
	redacted := check.RedactURL(u.String())
	host := u.Host
	if u.Scheme == "http" || u.Scheme == "https" {
		host = originOf(u)
	}
	sc.mu.Lock()
	key := method + " " + redacted
	if i, ok := sc.seen[key]; ok {
		sc.refused[i].Count++
	} else if len(sc.refused) < maxRefusals {
		sc.seen[key] = len(sc.refused)
		sc.refused = append(sc.refused, check.Refusal{Method: method, URL: redacted, Host: host, Count: 1})
	} else {
		sc.refused[len(sc.refused)-1].Count++
	}
	sc.mu.Unlock()
	return msg.Error(mErrRefused, check.ErrOutOfScope, method, redacted, host, sc.base)
}

// list returns the refusals, most attempted first.
func (sc *scope) list() []check.Refusal {
	sc.mu.Lock()
	out := append([]check.Refusal(nil), sc.refused...)
	sc.mu.Unlock()
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}

// Refused lists the requests the session refused to send because their host was outside the
// scope (redirects, form actions, links, discovered URLs to other hosts), at most 200 distinct
// ones. Nothing was sent for any of them.
func (s *Session) Refused() []check.Refusal { return s.scope.list() }

// InScope reports whether the session may contact u: the target's origin, its HTTP↔HTTPS pair,
// or a host the run names. Checks use it to decide, before building a request, that a form or a
// link leads elsewhere; the transport enforces it anyway.
func (s *Session) InScope(u *url.URL) bool { return s.scope.allows(u) }

// scopedRT refuses requests outside the scope before they reach next.
type scopedRT struct {
	next  http.RoundTripper
	scope *scope
}

func (r *scopedRT) RoundTrip(req *http.Request) (*http.Response, error) {
	if !r.scope.allows(req.URL) {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, r.scope.refuse(req.Method, req.URL)
	}
	return r.next.RoundTrip(req)
}

// TLSClientConfig exposes the wrapped transport's TLS configuration (checks that probe TLS
// themselves trust the same roots).
func (r *scopedRT) TLSClientConfig() *tls.Config {
	if t, ok := r.next.(*http.Transport); ok {
		return t.TLSClientConfig
	}
	if t, ok := r.next.(interface{ TLSClientConfig() *tls.Config }); ok {
		return t.TLSClientConfig()
	}
	return nil
}

// CloseIdleConnections closes the wrapped transport's idle connections.
func (r *scopedRT) CloseIdleConnections() {
	if ci, ok := r.next.(interface{ CloseIdleConnections() }); ok {
		ci.CloseIdleConnections()
	}
}

// defaultDialTimeout is net/http's default dialer's timeout and keep-alive.
const defaultDialTimeout = 30 * time.Second

// metadataIPs are the cloud instance-metadata addresses outside the link-local ranges.
var metadataIPs = map[string]bool{"fd00:ec2::254": true, "100.100.100.200": true}

// forbiddenIP reports whether connecting to ip is refused unless the caller gave it: link-local
// addresses (the AWS, GCP and Azure metadata service lives at 169.254.169.254) and the other
// clouds' metadata addresses.
func (sc *scope) forbiddenIP(ip net.IP) bool {
	if ip == nil || sc.literals[ip.String()] {
		return false
	}
	return ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || metadataIPs[ip.String()]
}

// errForbiddenAddr is returned when a connection to a forbidden address is refused.
func (sc *scope) errForbiddenAddr(addr string) error {
	return msg.Error(mErrForbidden, check.ErrOutOfScope, addr)
}

// inside reports whether ip is an address of the assessor's own side: loopback, private
// (RFC 1918, fc00::/7) or unspecified (0.0.0.0 reaches the local host).
func inside(ip net.IP) bool {
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified()
}

// checkAddr decides a connection to the resolved address addr (ip:port) made for host name
// name (empty when unknown): link-local and metadata addresses the caller did not give are
// refused; so is an inside address for a name whose first connection went to a public one.
func (sc *scope) checkAddr(name, addr string) error {
	h, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil
	}
	ip := net.ParseIP(h)
	if sc.forbiddenIP(ip) {
		return sc.errForbiddenAddr(addr)
	}
	if ip == nil || name == "" || net.ParseIP(name) != nil || sc.literals[ip.String()] {
		return nil
	}
	name = normHost(name)
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.public == nil {
		sc.public = map[string]bool{}
	}
	pub, seen := sc.public[name]
	if !seen {
		sc.public[name] = !inside(ip)
		return nil
	}
	if pub && inside(ip) {
		return msg.Error(mErrRebinding, check.ErrOutOfScope, addr, name)
	}
	return nil
}

// dialName carries the host name being dialled to the dialer's control hook.
type dialName struct{}

// control is the net.Dialer hook that refuses a forbidden address before connecting; address is
// the resolved ip:port, and the context carries the name dialled (see guardDialer).
func (sc *scope) control(ctx context.Context, _, address string, _ syscall.RawConn) error {
	name, _ := ctx.Value(dialName{}).(string)
	return sc.checkAddr(name, address)
}

// guardDialer makes t refuse connections to forbidden addresses: before connecting when t dials
// with a net.Dialer (the address checked is the resolved one, so DNS cannot steer around it),
// after connecting, before anything is sent, when t has a dialer of its own.
func (sc *scope) guardDialer(t *http.Transport) {
	//lint:ignore SA1019 Dial is checked so as not to override it
	if t.DialContext == nil && t.Dial == nil {
		d := &net.Dialer{Timeout: defaultDialTimeout, KeepAlive: defaultDialTimeout, ControlContext: sc.control}
		t.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
			name, _, _ := net.SplitHostPort(addr)
			return d.DialContext(context.WithValue(ctx, dialName{}, name), network, addr)
		}
		return
	}
	dial := t.DialContext
	if dial == nil {
		//lint:ignore SA1019 an old transport's dialer is kept
		old := t.Dial
		dial = func(_ context.Context, n, a string) (net.Conn, error) { return old(n, a) }
	}
	t.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := dial(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		if ta, ok := c.RemoteAddr().(*net.TCPAddr); ok {
			name, _, _ := net.SplitHostPort(addr)
			if err := sc.checkAddr(name, ta.String()); err != nil {
				c.Close()
				return nil, err
			}
		}
		return c, nil
	}
}

// scopeErr is an error that wraps several sentinels without repeating their messages: p names
// one of them, and renders in the language of the message that quotes the error.
type scopeErr struct {
	p  msg.Phrase
	is []error
}

func (e *scopeErr) Error() string             { return e.p.Render(msg.EN) }
func (e *scopeErr) Render(lang string) string { return e.p.Render(lang) }
func (e *scopeErr) Unwrap() []error           { return e.is }
