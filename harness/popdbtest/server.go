package popdbtest

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/p06kit/p06kit/ident"
)

// DefaultPath is the path of the look-up endpoint on the fake gateway. The real gateway's path is
// not public; this one is invented.
const DefaultPath = "/dancu/037/TraCuuThongTinCongDan"

// maxBody bounds a request body: a look-up is about 1 KiB.
const maxBody = 1 << 20

// Server is a fake population-database gateway serving the citizen look-up over HTTPS on
// 127.0.0.1, with its own test CA. Create it with [NewServer], or with [NewUnstartedServer], set
// the exported fields, then [Server.Start]. All methods are safe for concurrent use.
type Server struct {
	// URL is the base URL of the gateway, "https://127.0.0.1:PORT", set by Start.
	URL string
	// Path is the endpoint's path. Default [DefaultPath].
	Path string
	// Credentials are the credentials the gateway accepts. Default [DefaultCredentials].
	Credentials Credentials
	// MaxSkew is how far the Timestamp header may be from the gateway's clock. Default 5 minutes.
	MaxSkew time.Duration
	// People seeds the population. Default [ident.DefaultPeople]. Add more with AddCitizen.
	People []ident.Person
	// Now is the gateway's clock. Default time.Now.
	Now func() time.Time
	// Listener is where the gateway listens. Default a new listener on 127.0.0.1:0.
	Listener net.Listener

	trusted, untrusted *authority
	srv                *http.Server
	tl                 *tlsListener
	closing            chan struct{}
	handlers           sync.WaitGroup

	mu            sync.Mutex
	people        map[string]ident.Person // by SoDinhDanh and by SoCMND
	log           []*Request
	handshakes    []Handshake
	faults        Faults
	faultsLeft    int
	subjectFaults map[string]*subjectFault
	replay        replayGuard
	inflight      int
	started       bool
	initErr       error
}

// NewServer starts and returns a new gateway. It panics only if the loopback listener or the
// test certificates cannot be created, as httptest.NewServer does: a broken test environment, not
// bad input.
func NewServer() *Server {
	s := NewUnstartedServer()
	s.Start()
	return s
}

// NewUnstartedServer returns a gateway that is not yet listening: set its exported fields, then
// call Start.
func NewUnstartedServer() *Server {
	s := &Server{Path: DefaultPath, Credentials: DefaultCredentials, MaxSkew: 5 * time.Minute, closing: make(chan struct{})}
	var err error
	if s.trusted, err = newAuthority("popdbtest gateway CA"); err == nil {
		s.untrusted, err = newAuthority("popdbtest UNTRUSTED CA")
	}
	s.initErr = err
	return s
}

// Start starts the gateway. It panics if the server was already started or cannot listen (see
// NewServer).
func (s *Server) Start() {
	if err := s.start(); err != nil {
		panic("popdbtest: " + err.Error())
	}
}

func (s *Server) start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.started {
		return errors.New("server already started")
	}
	if s.initErr != nil {
		return fmt.Errorf("creating test certificates: %w", s.initErr)
	}
	s.started = true
	if s.Path == "" {
		s.Path = DefaultPath
	}
	if s.MaxSkew <= 0 {
		s.MaxSkew = 5 * time.Minute
	}
	if s.Credentials == (Credentials{}) {
		s.Credentials = DefaultCredentials
	}
	if s.People == nil {
		s.People = ident.DefaultPeople()
	}
	if s.people == nil {
		s.people = map[string]ident.Person{}
	}
	for _, p := range s.People {
		s.addLocked(p)
	}
	if s.Listener == nil {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return fmt.Errorf("listening on 127.0.0.1: %w", err)
		}
		s.Listener = l
	}
	s.URL = "https://" + s.Listener.Addr().String()
	s.tl = newTLSListener(s, s.Listener)
	s.srv = &http.Server{
		Handler:           http.HandlerFunc(s.serve),
		ReadHeaderTimeout: 10 * time.Second,
		MaxHeaderBytes:    64 << 10,
		// Refused handshakes are expected (untrusted-certificate fault, scanners): they are
		// recorded in the handshake log, not printed.
		ErrorLog: log.New(io.Discard, "", 0),
		ConnContext: func(ctx context.Context, c net.Conn) context.Context {
			if gc, ok := c.(*gwConn); ok && gc.untrusted {
				return context.WithValue(ctx, untrustedKey{}, true)
			}
			return ctx
		},
	}
	s.srv.SetKeepAlivesEnabled(true)
	go func() { _ = s.srv.Serve(s.tl) }()
	return nil
}

// Close stops the gateway: it releases hanging requests, closes the listener and connections,
// and waits for the handlers to return.
func (s *Server) Close() {
	s.mu.Lock()
	started := s.started
	select {
	case <-s.closing:
	default:
		close(s.closing)
	}
	s.mu.Unlock()
	if !started {
		return
	}
	_ = s.srv.Close()
	s.tl.Close()
	s.handlers.Wait()
}

// Endpoint is the absolute URL of the look-up endpoint: URL + Path.
func (s *Server) Endpoint() string { return s.URL + s.Path }

// FakeURL is the server's URL (s.URL), "" for a nil server: the harness session uses it to know
// its requests there are the harness talking to its own fake (see check.Target).
func (s *Server) FakeURL() string {
	if s == nil {
		return ""
	}
	return s.URL
}

// CertPool returns a pool with the gateway's CA: what the portal should trust.
func (s *Server) CertPool() *x509.CertPool {
	if s.trusted == nil {
		return x509.NewCertPool()
	}
	return s.trusted.pool.Clone()
}

// CACertPEM returns the gateway's CA certificate in PEM, for a portal configured with files.
func (s *Server) CACertPEM() []byte {
	if s.trusted == nil {
		return nil
	}
	return append([]byte(nil), s.trusted.caPEM...)
}

// UntrustedCACertPEM returns the CA certificate of the untrusted certificate the gateway presents
// with the UntrustedCert fault: what a portal must NOT trust.
func (s *Server) UntrustedCACertPEM() []byte {
	if s.untrusted == nil {
		return nil
	}
	return append([]byte(nil), s.untrusted.caPEM...)
}

// TLSConfig returns a client TLS configuration trusting only the gateway's CA.
func (s *Server) TLSConfig() *tls.Config {
	return &tls.Config{RootCAs: s.CertPool(), MinVersion: tls.VersionTLS12}
}

// Client returns an HTTP client that trusts the gateway's CA (and nothing else) and has a 30 s
// timeout.
func (s *Server) Client() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: s.TLSConfig(), ForceAttemptHTTP2: false}, Timeout: 30 * time.Second}
}

// LookupClient returns the reference client configured for this gateway and its credentials.
func (s *Server) LookupClient() *Client {
	return &Client{Endpoint: s.Endpoint(), Credentials: s.Credentials, HTTP: s.Client()}
}

// AddCitizen adds (or replaces) a citizen in the population.
func (s *Server) AddCitizen(p ident.Person) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.people == nil {
		s.people = map[string]ident.Person{}
	}
	s.addLocked(p)
}

func (s *Server) addLocked(p ident.Person) {
	s.people[p.ID] = p
	if p.OldID != "" {
		s.people[p.OldID] = p
	}
}

// RemoveCitizen removes a citizen (by personal identification number) from the population:
// look-ups of them then answer "not found".
func (s *Server) RemoveCitizen(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p, ok := s.people[id]; ok {
		delete(s.people, p.ID)
		if p.OldID != "" {
			delete(s.people, p.OldID)
		}
	}
}

// Citizen returns the citizen with the personal identification number or CMND number id.
func (s *Server) Citizen(id string) (ident.Person, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.people[id]
	return p, ok
}

// Record returns the record the gateway answers for the citizen id, and whether it knows them.
func (s *Server) Record(id string) (CongDan, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.people[id]
	if !ok {
		return CongDan{}, false
	}
	return Record(p, s.people), true
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

type untrustedKey struct{}

// serve answers one request and records it.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.handlers.Add(1)
	defer s.handlers.Done()
	untrusted, _ := r.Context().Value(untrustedKey{}).(bool)
	stale := untrusted != s.Faults().UntrustedCert
	if stale {
		// The connection was made under the other certificate, before the fault was switched:
		// answer this request, then close the connection, so that the client's next request
		// makes a new handshake. Dropping it instead would fail a correct client whose request
		// was already written (a POST is not replayed).
		w.Header().Set("Connection", "close")
	}
	start := time.Now()
	url := "https://" + r.Host + r.URL.RequestURI()
	rec := Request{Time: start, Remote: r.RemoteAddr, Method: r.Method, URL: url, Outcome: Pending,
		ContentType: r.Header.Get("Content-Type")}
	rec.SOAPAction = r.Header.Get("SOAPAction")
	_, rec.HasSOAPAction = r.Header["Soapaction"]
	rec.UntrustedCert, rec.StaleCert = untrusted, stale

	s.mu.Lock()
	rec.Seq = len(s.log) + 1
	stored := new(Request)
	*stored = rec
	s.log = append(s.log, stored)
	s.inflight++
	s.mu.Unlock()
	update := func() {
		s.mu.Lock()
		*stored = rec
		s.mu.Unlock()
	}
	defer func() {
		rec.Duration = time.Since(start)
		s.mu.Lock()
		*stored = rec
		s.inflight--
		s.mu.Unlock()
	}()

	reply := func(status int, outcome Outcome, body []byte) {
		rec.Status, rec.Outcome = status, outcome
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.WriteHeader(status)
		_, _ = w.Write(body)
	}
	// abandon drops the connection without an answer: returning from the handler would send an
	// empty 200 that a client racing its own deadline could still read.
	abandon := func() {
		rec.Outcome = Abandoned
		if hj, ok := w.(http.Hijacker); ok {
			if c, _, err := hj.Hijack(); err == nil {
				_ = c.Close()
			}
		}
	}
	fault := func(status int, outcome Outcome, f *Fault) {
		rec.Fault = f.Detail
		reply(status, outcome, marshalEnvelope(nil, f))
	}

	if r.URL.Path != s.Path {
		fault(http.StatusNotFound, BadRequest, &Fault{Code: "soap:Client", String: "no service at " + r.URL.Path, Detail: "GW-404-SERVICE"})
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		fault(http.StatusMethodNotAllowed, BadRequest, &Fault{Code: "soap:Client", String: "SOAP requests must be POST", Detail: "GW-405-METHOD"})
		return
	}
	// The body is read and recorded before authentication so that the audit log shows what an
	// unauthenticated client tried to ask; the answer is still the refusal.
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		abandon()
		return
	}
	if len(body) > maxBody {
		fault(http.StatusRequestEntityTooLarge, BadRequest, &Fault{Code: "soap:Client", String: "request larger than 1 MiB", Detail: "GW-413-SIZE"})
		return
	}
	op, lr, err := ParseRequest(body)
	rec.Operation, rec.Namespace, rec.LookupRequest, rec.Subject = op.Local, op.Space, lr, lr.Subject()
	if ae := s.authenticate(r, url, &rec); ae != nil {
		rec.AuthError = ae.reason
		fault(ae.status, AuthFailed, &Fault{Code: "soap:Client", String: "gateway authentication failed: " + ae.reason, Detail: ae.code})
		return
	}
	rec.AuthOK = true
	update()
	if err != nil {
		fault(http.StatusBadRequest, BadRequest, &Fault{Code: "soap:Client", String: err.Error(), Detail: "GW-400-XML"})
		return
	}

	f, ok := s.takeSubjectFaults(rec.Subject)
	if !ok {
		f = s.takeFaults()
	}
	rec.Injected = f.String()
	if f.Latency > 0 {
		t := time.NewTimer(f.Latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			abandon()
			return
		case <-s.closing:
			t.Stop()
			abandon()
			return
		}
	}
	switch {
	case f.Hang:
		select {
		case <-r.Context().Done():
		case <-s.closing:
		}
		abandon()
		return
	case f.Status != 0:
		fault(f.Status, Failed, &Fault{Code: "soap:Server", String: "population database unavailable", Detail: "DC-5XX-INJECTED"})
		return
	case f.Malformed:
		reply(http.StatusOK, Malformed, []byte(`<?xml version="1.0"?><soap:Envelope xmlns:soap="`+NSSOAP+`"><soap:Body><CongdanCollection xmlns="`+NSResponse+`"><CongDan><SoDinhDanh>`))
		return
	}

	if op.Local != Operation || op.Space != NSRequest {
		fault(http.StatusInternalServerError, BadRequest, &Fault{Code: "soap:Client",
			String: fmt.Sprintf("unknown operation {%s}%s; want {%s}%s", op.Space, op.Local, NSRequest, Operation), Detail: "DC-400-OPERATION"})
		return
	}
	if msg, code := validate(lr); msg != "" {
		fault(http.StatusInternalServerError, BadRequest, &Fault{Code: "soap:Client", String: msg, Detail: code})
		return
	}
	if !s.replay.answer(lr.MaYeuCau) {
		fault(http.StatusInternalServerError, BadRequest, &Fault{Code: "soap:Client",
			String: "this MaYeuCau was already answered: each look-up needs a new request ID", Detail: "DC-400-MAYEUCAU"})
		return
	}
	coll := &Collection{ID: lr.MaYeuCau, ThoiDiemDuLieu: s.now().Format("2006-01-02T15:04:05")}
	s.mu.Lock()
	p, ok := s.people[rec.Subject]
	var cd CongDan
	if ok {
		cd = Record(p, s.people)
	}
	s.mu.Unlock()
	if !ok || f.NotFound {
		coll.GhiChu = "Không tìm thấy công dân"
		reply(http.StatusOK, NotFound, marshalEnvelope(coll, nil))
		return
	}
	coll.SoCongDan, coll.CongDan = 1, []CongDan{cd}
	reply(http.StatusOK, Found, marshalEnvelope(coll, nil))
}

// validate checks the elements of a look-up. The fault codes are invented for the fake.
func validate(r LookupRequest) (msg, code string) {
	var missing []string
	for _, f := range []struct{ name, v string }{{"MaYeuCau", r.MaYeuCau}, {"MaDVC", r.MaDVC}, {"MaTichHop", r.MaTichHop}, {"MaCanBo", r.MaCanBo}, {"MaDonVi", r.MaDonVi}} {
		if f.v == "" {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return "missing element(s): " + strings.Join(missing, ", "), "DC-400-MISSING"
	}
	if r.MaTichHop != ServiceCode {
		return fmt.Sprintf("MaTichHop is %q, want %q", r.MaTichHop, ServiceCode), "DC-400-MATICHHOP"
	}
	switch {
	case r.SoDinhDanh != "":
		if _, err := ident.ParsePIN(r.SoDinhDanh, ident.AllowUnknownPrefix()); err != nil {
			return "SoDinhDanh is not a valid personal identification number: " + err.Error(), "DC-400-SODINHDANH"
		}
	case r.SoCMND != "":
		if err := ident.ValidateCMND(r.SoCMND); err != nil {
			return "SoCMND is not a valid CMND number: " + err.Error(), "DC-400-SOCMND"
		}
	default:
		return "neither SoDinhDanh nor SoCMND given", "DC-400-SUBJECT"
	}
	return "", ""
}
