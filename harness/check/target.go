package check

import (
	"net/http"
	"time"
)

// Target is the portal under assessment. Every field but BaseURL may be left zero.
type Target struct {
	// BaseURL is the portal's home, e.g. "https://dichvucong.example.gov.vn/".
	BaseURL string
	// Client supplies the transport used to reach the portal (its TLS configuration, for
	// instance the test certificate of an httptest server). May be nil: a safe default that
	// trusts the system roots. The harness wraps it with its own bounds, redirect policy and
	// cookie jars; the client's own CheckRedirect, Jar and Timeout are not used.
	Client *http.Client
	// Profile says where things are on the portal; what it leaves out is discovered.
	Profile *Profile
	// Portal is the vendor's adapter: any value implementing some of the interfaces of this
	// package (Login, Dossiers, Results, Warehouse, …). May be nil: assisted checks whose
	// interface is missing report not_tested, naming the missing method.
	Portal any
	// SSO is the fake national SSO the portal is configured to use in this test: an
	// *ssotest.Server (the checks that drive it assert that type).
	SSO SSOFake
	// PopDB is the fake population-database gateway the portal is configured to use: a
	// *popdbtest.Server.
	PopDB PopDBFake
	// PKI is the test PKI whose trust list the portal is configured with: a *signtest.PKI.
	PKI PKIFake
	// Evidence is the path of an evidence file for attested criteria (see package harness).
	Evidence string
	// Renderer, when set, renders the portal's HTML pages in a browser (harness/render) and the
	// content criteria judge the DOM it built. Without it a page rendered by JavaScript is
	// recognised as a shell and its content criteria are error (see ShellReason).
	Renderer Renderer
}

// The fakes of the national services as this package sees them, so that a check author's
// build does not compile them: the session needs only where a fake listens (its requests there
// are the harness talking to itself) and, for the SSO, a client that trusts it. A nil pointer
// of the fake's type counts as no fake.
type (
	SSOFake interface {
		FakeURL() string
		Client() *http.Client
	}
	PopDBFake interface{ FakeURL() string }
	PKIFake   interface{ Now() time.Time }
)

// Config is the engine configuration a session runs with. The zero value is completed with the
// defaults documented on each field.
type Config struct {
	// Lang is the language of messages: "vi" (default) or "en".
	Lang   string
	Active bool // enables checks that send requests other than GET and HEAD. Default false.
	Deep   bool // makes probing checks (P06-SEC-13) send their full lists. Default false: standard.
	// AllowedHosts are hosts, besides the target's, that redirects may lead to.
	AllowedHosts []string
	// RequestTimeout bounds each request, headers and body included. Default 10s.
	RequestTimeout time.Duration
	// MaxBodyBytes bounds each response body after decompression. Default 4 MiB.
	MaxBodyBytes int64
	// MaxHeaderBytes bounds the response headers. Default 64 KiB.
	MaxHeaderBytes int64
	// MaxRedirects bounds a redirect chain. Default 10.
	MaxRedirects int
	// MaxPages bounds how many pages crawls and samples visit. Default 50.
	MaxPages int
	// UserAgent is sent with every request. Default "p06kit/<version> (+Project 06 assessment)".
	UserAgent string
	// MaxDecompressionRatio bounds how many times larger than its compressed form a body may
	// grow once it exceeds 1 MiB decompressed (a gzip bomb). Default 100.
	MaxDecompressionRatio int
	// MaxRequests bounds how many requests the session sends to the target in a run, so that a
	// runaway check or a crawl of an endless site stays bounded. Default 5000.
	MaxRequests int
	// MaxConsecutiveTimeouts stops the probe after this many requests in a row timed out: the
	// following requests fail at once with ErrTimeout, so that a portal that stopped responding
	// costs a few request timeouts, not one per request of every check. Default 4.
	MaxConsecutiveTimeouts int
	// MaxInFlight bounds the requests (and TLS probe handshakes) the session has in flight at
	// once, to all hosts together. Default DefaultMaxInFlight.
	MaxInFlight int
	// MaxConnsPerHost bounds the connections the session's transport keeps open to one host.
	// Default DefaultMaxConnsPerHost.
	MaxConnsPerHost int
}

// The default politeness limits (see Session, "Politeness").
const (
	DefaultMaxInFlight     = 8
	DefaultMaxConnsPerHost = 6
)

// WithDefaults returns c with its zero fields set to their defaults.
func (c Config) WithDefaults() Config {
	if c.Lang == "" {
		c.Lang = "vi"
	}
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = 10 * time.Second
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = 4 << 20
	}
	if c.MaxHeaderBytes <= 0 {
		c.MaxHeaderBytes = 64 << 10
	}
	if c.MaxRedirects <= 0 {
		c.MaxRedirects = 10
	}
	if c.MaxPages <= 0 {
		c.MaxPages = 50
	}
	if c.MaxDecompressionRatio <= 0 {
		c.MaxDecompressionRatio = 100
	}
	if c.MaxRequests <= 0 {
		c.MaxRequests = 5000
	}
	if c.MaxConsecutiveTimeouts <= 0 {
		c.MaxConsecutiveTimeouts = 4
	}
	if c.MaxInFlight <= 0 {
		c.MaxInFlight = DefaultMaxInFlight
	}
	if c.MaxConnsPerHost <= 0 {
		c.MaxConnsPerHost = DefaultMaxConnsPerHost
	}
	if c.UserAgent == "" {
		c.UserAgent = "p06kit/1 (+Project 06 assessment)"
	}
	return c
}
