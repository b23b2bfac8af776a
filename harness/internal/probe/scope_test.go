package probe

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
)

// counter is a loopback server that counts the requests it receives: another host, for the
// scope (another port of 127.0.0.1 is another server).
type counter struct {
	*httptest.Server
	n atomic.Int64
}

func newCounter(t *testing.T) *counter {
	t.Helper()
	c := &counter{}
	c.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.n.Add(1)
		w.Write([]byte("<html><body>other host</body></html>"))
	}))
	t.Cleanup(c.Close)
	return c
}

func TestScopeRefusesOtherHostsUnsent(t *testing.T) {
	other := newCounter(t)
	var target atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		target.Add(1)
		switch r.URL.Path {
		case "/go-away":
			http.Redirect(w, r, other.URL+"/landing?token=Tq1", http.StatusFound)
		case "/meta":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
		default:
			w.Write([]byte("ok"))
		}
	}))
	defer srv.Close()
	s, err := NewSessionContext(t.Context(), check.Target{BaseURL: srv.URL}, check.Config{Active: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := t.Context()

	// Every method, every client the session hands out.
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodOptions} {
		req, _ := http.NewRequestWithContext(ctx, m, other.URL+"/login?pass=Pw1", strings.NewReader("user=a&password=Pw2"))
		if _, err := s.Do(ctx, req); !errors.Is(err, check.ErrOutOfScope) {
			t.Errorf("Do %s to another port: err = %v, want ErrOutOfScope", m, err)
		} else if strings.Contains(err.Error(), "Pw1") {
			t.Errorf("the refusal shows the secret: %v", err)
		}
	}
	b := s.NewBrowser()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, other.URL+"/login", strings.NewReader("password=x"))
	if _, err := s.Fetch(ctx, b, req); !errors.Is(err, check.ErrOutOfScope) {
		t.Errorf("Fetch: err = %v, want ErrOutOfScope", err)
	}
	if resp, err := b.Client.Get(other.URL + "/"); err == nil || !errors.Is(err, check.ErrOutOfScope) {
		if resp != nil {
			resp.Body.Close()
		}
		t.Errorf("browser client: err = %v, want ErrOutOfScope", err)
	}
	raw := &http.Client{Transport: s.Transport()}
	if resp, err := raw.Get(other.URL + "/"); err == nil || !errors.Is(err, check.ErrOutOfScope) {
		if resp != nil {
			resp.Body.Close()
		}
		t.Errorf("raw transport: err = %v, want ErrOutOfScope", err)
	}
	if _, err := s.Get(ctx, other.URL+"/page"); !errors.Is(err, check.ErrOutOfScope) {
		t.Errorf("Get of an absolute URL on another port: err = %v", err)
	}
	if _, err := s.Get(ctx, "/go-away"); !errors.Is(err, check.ErrOffHostRedirect) || !errors.Is(err, check.ErrOutOfScope) {
		t.Errorf("redirect to another port: err = %v, want ErrOffHostRedirect and ErrOutOfScope", err)
	}
	if _, err := s.Get(ctx, "/meta"); !errors.Is(err, check.ErrOutOfScope) {
		t.Errorf("redirect to the metadata address: err = %v", err)
	}
	// The target itself is reachable, and was the only one contacted.
	if _, err := s.Get(ctx, "/"); err != nil {
		t.Fatalf("target: %v", err)
	}
	if n := other.n.Load(); n != 0 {
		t.Errorf("the other host received %d requests, want 0", n)
	}
	if target.Load() == 0 {
		t.Error("the target received nothing")
	}

	ref := s.Refused()
	if len(ref) < 8 {
		t.Fatalf("Refused() = %d entries, want every refused request recorded: %+v", len(ref), ref)
	}
	otherHost := strings.TrimPrefix(other.URL, "http://")
	var sawMeta, sawRedirect bool
	for _, r := range ref {
		if strings.Contains(r.URL, "Pw1") || strings.Contains(r.URL, "Tq1") {
			t.Errorf("a refusal records a secret: %+v", r)
		}
		sawMeta = sawMeta || r.Host == "169.254.169.254:80"
		sawRedirect = sawRedirect || (r.Host == otherHost && strings.Contains(r.URL, "/landing"))
	}
	if !sawMeta || !sawRedirect {
		t.Errorf("refusals miss the redirects (metadata %v, other port %v): %+v", sawMeta, sawRedirect, ref)
	}
}

func TestScopeMembers(t *testing.T) {
	sso := "http://127.0.0.1:7001"
	p := &check.Profile{PlainHTTP: "http://portal.example:8080/", Login: "/dang-nhap", Samples: []string{"https://cdn.portal.example/a"}}
	sc := newScope(mustURL(t, "https://portal.example/"), check.Target{Profile: p},
		check.Config{AllowedHosts: []string{"sso.example:8443", "static.example", "https://pay.example/"}})
	sc.addRaw(sso)
	cases := map[string]bool{
		"https://portal.example/x":           true,
		"https://PORTAL.example./x":          true,
		"https://portal.example:443/x":       true,
		"http://portal.example/":             true,  // the HTTP↔HTTPS pair
		"http://portal.example:8080/":        true,  // the configured plain-HTTP address
		"https://portal.example:8443/":       false, // another port is another server
		"http://portal.example:8081/":        false,
		"https://sso.example:8443/authorize": true,
		"https://sso.example/":               false, // allowed on 8443 only
		"https://static.example:9999/a.js":   true,  // a bare host: any port
		"https://pay.example/checkout":       true,
		"https://cdn.portal.example/a":       true, // named by the profile
		"https://evil.example/":              false,
		"http://127.0.0.1:7001/token":        true,
		"http://127.0.0.1:7002/token":        false,
		"http://169.254.169.254/":            false,
		"ftp://portal.example/":              false,
		"file:///etc/passwd":                 false,
	}
	for raw, want := range cases {
		if got := sc.allows(mustURL(t, raw)); got != want {
			t.Errorf("allows(%s) = %v, want %v", raw, got, want)
		}
	}
	// An http:// target pairs with https on 443.
	sc = newScope(mustURL(t, "http://portal.example:8080/"), check.Target{}, check.Config{})
	for raw, want := range map[string]bool{"http://portal.example:8080/": true, "https://portal.example/": true, "http://portal.example/": false} {
		if got := sc.allows(mustURL(t, raw)); got != want {
			t.Errorf("http target: allows(%s) = %v, want %v", raw, got, want)
		}
	}
}

func TestScopeRefusesMetadataAddresses(t *testing.T) {
	sc := newScope(mustURL(t, "https://portal.example/"), check.Target{}, check.Config{AllowedHosts: []string{"meta.example"}})
	for _, a := range []string{"169.254.169.254:80", "[fe80::1]:80", "[fd00:ec2::254]:80", "100.100.100.200:80"} {
		if err := sc.control(context.Background(), "tcp", a, nil); !errors.Is(err, check.ErrOutOfScope) {
			t.Errorf("control(%s) = %v, want ErrOutOfScope", a, err)
		}
	}
	for _, a := range []string{"127.0.0.1:443", "10.0.0.5:443", "203.0.113.7:443"} {
		if err := sc.control(context.Background(), "tcp", a, nil); err != nil {
			t.Errorf("control(%s) = %v, want nil (the target may be on a private network)", a, err)
		}
	}
	// Given by the caller, the address is allowed.
	sc = newScope(mustURL(t, "http://169.254.169.254/"), check.Target{}, check.Config{})
	if err := sc.control(context.Background(), "tcp", "169.254.169.254:80", nil); err != nil {
		t.Errorf("a target at a link-local address: %v", err)
	}

	// A transport with its own dialer (a name in scope that resolves, or is steered, to the
	// metadata address) is checked once connected, before anything is sent.
	var wrote atomic.Int64
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		return &fakeConn{remote: &net.TCPAddr{IP: net.ParseIP("169.254.169.254"), Port: 80}, wrote: &wrote}, nil
	}}
	sc.literals = map[string]bool{}
	sc.guardDialer(tr)
	req, _ := http.NewRequest(http.MethodGet, "http://meta.example/latest/meta-data/", nil)
	if _, err := tr.RoundTrip(req); !errors.Is(err, check.ErrOutOfScope) {
		t.Errorf("dial steered to the metadata address: err = %v, want ErrOutOfScope", err)
	}
	if wrote.Load() != 0 {
		t.Errorf("%d bytes were written to the metadata address", wrote.Load())
	}
}

// TestScopeRefusesRebinding: a name whose first connection went to a public address is not
// let inside the assessor's network later; a name inside from the start is the portal's own.
func TestScopeRefusesRebinding(t *testing.T) {
	sc := newScope(mustURL(t, "https://portal.example/"), check.Target{}, check.Config{AllowedHosts: []string{"sso.intranet.example"}})
	dial := func(name, addr string) error {
		return sc.control(context.WithValue(context.Background(), dialName{}, name), "tcp", addr, nil)
	}
	steps := []struct {
		name, addr string
		refused    bool
	}{
		{"portal.example", "203.0.113.5:443", false},
		{"portal.example", "203.0.113.6:443", false}, // another public address: a load balancer
		{"portal.example", "10.0.0.5:443", true},
		{"PORTAL.example", "127.0.0.1:443", true},
		{"portal.example", "0.0.0.0:443", true},
		{"portal.example", "[::1]:443", true},
		{"sso.intranet.example", "10.1.1.1:443", false}, // inside from the start
		{"sso.intranet.example", "10.1.1.2:443", false},
		{"sso.intranet.example", "198.51.100.9:443", false},
		{"", "10.0.0.9:443", false}, // no name: nothing to pin
	}
	for _, st := range steps {
		err := dial(st.name, st.addr)
		if st.refused != errors.Is(err, check.ErrOutOfScope) {
			t.Errorf("dial %s at %s: err = %v, want refused = %v", st.name, st.addr, err, st.refused)
		}
	}
	if err := dial("portal.example", "10.0.0.5:443"); err == nil || !strings.Contains(err.Error(), "DNS rebinding") {
		t.Errorf("the refusal says why: %v", err)
	}

	// Through a transport with its own dialer, checked once connected, before anything is sent.
	var conns []*atomic.Int64 // bytes written to each connection the transport dialled
	remote := net.ParseIP("203.0.113.5")
	tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		n := new(atomic.Int64)
		conns = append(conns, n)
		return &fakeConn{remote: &net.TCPAddr{IP: remote, Port: 80}, wrote: n}, nil
	}}
	sc = newScope(mustURL(t, "http://portal.example/"), check.Target{}, check.Config{})
	sc.guardDialer(tr)
	get := func(raw string) error {
		req, _ := http.NewRequest(http.MethodGet, raw, nil)
		resp, err := tr.RoundTrip(req)
		if err == nil {
			resp.Body.Close()
		}
		return err
	}
	if err := get("http://portal.example/"); errors.Is(err, check.ErrOutOfScope) {
		t.Fatalf("first connection, to a public address: %v", err)
	}
	remote = net.ParseIP("192.168.1.1")
	if err := get("http://portal.example/again"); !errors.Is(err, check.ErrOutOfScope) {
		t.Errorf("rebound to a private address: err = %v, want ErrOutOfScope", err)
	}
	if len(conns) != 2 {
		t.Fatalf("%d connections dialled, want 2", len(conns))
	}
	if n := conns[1].Load(); n != 0 {
		t.Errorf("%d bytes were written to the rebound address", n)
	}
}

// fakeConn is a connection that claims a remote address and counts what is written to it.
type fakeConn struct {
	net.Conn
	remote net.Addr
	wrote  *atomic.Int64
}

func (c *fakeConn) RemoteAddr() net.Addr               { return c.remote }
func (c *fakeConn) LocalAddr() net.Addr                { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)} }
func (c *fakeConn) Write(b []byte) (int, error)        { c.wrote.Add(int64(len(b))); return len(b), nil }
func (c *fakeConn) Read([]byte) (int, error)           { return 0, errors.New("closed") }
func (c *fakeConn) Close() error                       { return nil }
func (c *fakeConn) SetDeadline(time.Time) error        { return nil }
func (c *fakeConn) SetReadDeadline(time.Time) error    { return nil }
func (c *fakeConn) SetWriteDeadline(t time.Time) error { return nil }

func mustURL(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
