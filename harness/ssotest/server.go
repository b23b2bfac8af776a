package ssotest

import (
	"bytes"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"log"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"time"

	"github.com/p06kit/p06kit/ident"
)

// The endpoints, relative to the issuer URL. They follow the national SSO's
// (xacthuc.dichvucong.gov.vn) paths where those are known.
const (
	DiscoveryPath = "/.well-known/openid-configuration"
	AuthorizePath = "/oauth2/authorize"
	TokenPath     = "/oauth2/token"
	UserInfoPath  = "/oauth2/userinfo"
	JWKSPath      = "/oauth2/jwks"
	LogoutPath    = "/oauth2/logout"
	// LoginPath is the provider's login page, where the citizen picks an account. The
	// authorization endpoint redirects the browser there with the flow's ID in the
	// sessionDataKey parameter (as WSO2 Identity Server, which the national SSO appears to run,
	// does).
	LoginPath = "/authenticationendpoint/login.do"
)

// The default client, accepted without registration: any redirect URI on a loopback host
// (127.0.0.1, ::1, localhost) is allowed for it.
const (
	DefaultClientID     = "ssotest-portal"
	DefaultClientSecret = "ssotest-secret"
)

// Server is a fake national SSO: an OpenID Connect provider on 127.0.0.1 over TLS. Create it
// with [NewServer], or [NewUnstartedServer], set the exported fields, then Start. Methods are
// safe for concurrent use; the exported fields must not change after Start.
type Server struct {
	// URL is the issuer URL, "https://127.0.0.1:PORT", without a trailing slash. Set by Start.
	URL string

	// People are the accounts citizens can log in as. Default: [ident.DefaultPeople]. Each
	// account's assurance level is its Person.Level (1 or 2).
	People []ident.Person
	// CodeTTL is how long an authorization code may be redeemed. Default 1 minute.
	CodeTTL time.Duration
	// TokenTTL is the lifetime of ID and access tokens. Default 10 minutes.
	TokenTTL time.Duration
	// PKCEOptional accepts authorization requests without a PKCE code_challenge. By default
	// they are refused (invalid_request), as OAuth 2.1 requires.
	PKCEOptional bool
	// StateNonceOptional accepts authorization requests without state or nonce. By default they
	// are refused (invalid_request): the fake expects both, so that a portal that omits them
	// cannot log in against it. Set it to assess the rest of a portal that omits them.
	StateNonceOptional bool
	// Now is the provider's clock. Default time.Now.
	Now func() time.Time
	// MaxFlows bounds the audit log; older flows are forgotten. Default 10000.
	MaxFlows int

	ts *httptest.Server

	mu        sync.Mutex
	issuerURL string
	mode      Mode
	auto      *ident.Person
	keys      []*signingKey // keys[0] signs; the others are still published
	rotation  int
	clients   map[string]*client
	people    []ident.Person
	byID      map[string]int
	flows     map[string]*flow
	order     []string
	codes     map[string]*flow
	tokens    map[string]*accessToken
	logouts   []Logout
}

// NewServer starts and returns a new server. The caller should Close it when finished.
func NewServer() *Server {
	s := NewUnstartedServer()
	s.Start()
	return s
}

// NewUnstartedServer returns a server that is not yet listening; set its fields, then Start.
func NewUnstartedServer() *Server {
	s := &Server{}
	s.ts = httptest.NewUnstartedServer(http.HandlerFunc(s.serveHTTP))
	return s
}

// Start starts the server with TLS on 127.0.0.1. It panics if called twice, like httptest.
func (s *Server) Start() {
	if s.CodeTTL <= 0 {
		s.CodeTTL = time.Minute
	}
	if s.TokenTTL <= 0 {
		s.TokenTTL = 10 * time.Minute
	}
	if s.Now == nil {
		s.Now = time.Now
	}
	if s.MaxFlows <= 0 {
		s.MaxFlows = 10000
	}
	if s.People == nil {
		s.People = ident.DefaultPeople()
	}
	s.mu.Lock()
	s.clients = map[string]*client{}
	s.byID = map[string]int{}
	s.flows = map[string]*flow{}
	s.codes = map[string]*flow{}
	s.tokens = map[string]*accessToken{}
	for _, p := range s.People {
		s.addAccountLocked(p)
	}
	s.keys = []*signingKey{initialKey()}
	s.mu.Unlock()
	if s.ts.Config.ErrorLog == nil {
		// Refused handshakes are expected (a portal that does not trust the test CA, the TLS
		// checks' probes): they are not printed; other server errors still are.
		s.ts.Config.ErrorLog = log.New(quietHandshakes{}, "", log.LstdFlags)
	}
	s.ts.StartTLS()
	s.mu.Lock()
	s.URL = s.ts.URL
	s.issuerURL = s.ts.URL
	s.mu.Unlock()
}

// issuer is the URL, read under the lock: handlers may run before Start has published URL.
func (s *Server) issuer() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.issuerURL
}

// Close shuts the server down and blocks until all outstanding requests have completed.
func (s *Server) Close() { s.ts.Close() }

// Client returns an HTTP client that trusts the server's certificate.
func (s *Server) Client() *http.Client { return s.ts.Client() }

// FakeURL is the server's URL (s.URL), "" for a nil server: the harness session uses it to know
// its requests there are the harness talking to its own fake (see check.Target).
func (s *Server) FakeURL() string {
	if s == nil {
		return ""
	}
	return s.URL
}

// Certificate returns the server's TLS certificate: configure the portal under test to trust it
// (see CertPool and CertificatePEM).
func (s *Server) Certificate() *x509.Certificate { return s.ts.Certificate() }

// CertPool returns a pool holding only the server's certificate, for the portal's
// tls.Config.RootCAs.
func (s *Server) CertPool() *x509.CertPool {
	p := x509.NewCertPool()
	p.AddCert(s.Certificate())
	return p
}

// CertificatePEM returns the server's certificate in PEM, for portals configured by file.
func (s *Server) CertificatePEM() []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: s.Certificate().Raw})
}

// TLSConfig returns a client TLS configuration that trusts the server.
func (s *Server) TLSConfig() *tls.Config {
	return &tls.Config{RootCAs: s.CertPool(), MinVersion: tls.VersionTLS12}
}

// SetMode sets the misbehaviour applied to flows whose login names no mode of its own. It
// affects every flow started afterwards, so tests that run in parallel against one server
// should prefer a mode per login ([Server.Authenticate] or the login form's mode field).
func (s *Server) SetMode(m Mode) {
	s.mu.Lock()
	s.mode = m
	s.mu.Unlock()
}

// Accounts returns the accounts, in the order they were added.
func (s *Server) Accounts() []ident.Person {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ident.Person(nil), s.people...)
}

// Account returns the account with the personal identification number id.
func (s *Server) Account(id string) (ident.Person, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, ok := s.byID[id]
	if !ok {
		return ident.Person{}, false
	}
	return s.people[i], true
}

// AddAccount adds (or replaces, by ID) an account.
func (s *Server) AddAccount(p ident.Person) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.addAccountLocked(p)
}

func (s *Server) addAccountLocked(p ident.Person) {
	if p.Level != 2 {
		p.Level = 1
	}
	if i, ok := s.byID[p.ID]; ok {
		s.people[i] = p
		return
	}
	s.byID[p.ID] = len(s.people)
	s.people = append(s.people, p)
}

// AccountWithLevel returns the first account of the assurance level (1 or 2).
func (s *Server) AccountWithLevel(level int) (ident.Person, bool) {
	for _, p := range s.Accounts() {
		if p.Level == level {
			return p, true
		}
	}
	return ident.Person{}, false
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	switch r.URL.Path {
	case DiscoveryPath:
		s.serveDiscovery(w, r)
	case JWKSPath:
		s.serveJWKS(w, r)
	case AuthorizePath:
		s.serveAuthorize(w, r)
	case LoginPath:
		s.serveLogin(w, r)
	case TokenPath:
		s.serveToken(w, r)
	case UserInfoPath:
		s.serveUserInfo(w, r)
	case LogoutPath:
		s.serveLogout(w, r)
	default:
		http.NotFound(w, r)
	}
}

func randomID(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// isLoopback reports whether host (without port) is "localhost" or a loopback IP address
// (127.0.0.0/8, ::1), by parsing it: a name such as "127.0.0.1.attacker.example" is not.
func isLoopback(host string) bool {
	h := strings.Trim(host, "[]")
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(h)
	return err == nil && ip.Zone() == "" && ip.Unmap().IsLoopback()
}

// quietHandshakes writes the server's log lines to the standard logger's output, except TLS
// handshake errors.
type quietHandshakes struct{}

func (quietHandshakes) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("TLS handshake error")) {
		return len(p), nil
	}
	return log.Writer().Write(p)
}
