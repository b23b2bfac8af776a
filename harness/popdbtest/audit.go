package popdbtest

import (
	"time"
)

// Outcome is what the gateway answered a request.
type Outcome string

// The outcomes recorded in the audit log.
const (
	// Found: the citizen's record was returned.
	Found Outcome = "found"
	// NotFound: an empty collection was returned (no such citizen, or the not-found fault).
	NotFound Outcome = "not_found"
	// AuthFailed: the gateway refused the credentials (401 or 403).
	AuthFailed Outcome = "auth_failed"
	// BadRequest: the request was not a well-formed look-up (400, or a SOAP client fault).
	BadRequest Outcome = "bad_request"
	// Failed: an injected server error (5xx) was returned.
	Failed Outcome = "server_error"
	// Malformed: an injected malformed reply was returned.
	Malformed Outcome = "malformed_reply"
	// Abandoned: the client gave up (closed the connection or timed out) before the reply.
	Abandoned Outcome = "abandoned"
	// Pending: the request is still being answered.
	Pending Outcome = "pending"
)

// Request is one audit-log entry: a request the gateway received and what it answered. It never
// holds the secret: only the credentials the client presented that are not secret.
type Request struct {
	// Seq numbers the requests from 1 in arrival order.
	Seq int
	// Time is when the request arrived; Duration how long it took to answer.
	Time     time.Time
	Duration time.Duration
	// Remote is the client's address.
	Remote string
	// Method and URL are the HTTP method and the absolute URL requested, query included.
	Method, URL string
	// ContentType and SOAPAction are the headers as sent; HasSOAPAction is false when the
	// SOAPAction header was absent.
	ContentType, SOAPAction string
	HasSOAPAction           bool
	// Username is the user of the Authorization header; APIKey and Client the ApiKey and
	// X-Road-Client headers; Timestamp the Timestamp header.
	Username, APIKey, Client, Timestamp string
	// AuthOK says the gateway authenticated the request; AuthError why not.
	AuthOK    bool
	AuthError string
	// Operation is the operation element's local name and Namespace its namespace.
	Operation, Namespace string
	// The request elements.
	LookupRequest
	// Subject is the identifier looked up (SoDinhDanh, else SoCMND).
	Subject string
	// Outcome is what was answered; Status the HTTP status; Fault the SOAP fault code sent.
	Outcome Outcome
	Status  int
	Fault   string
	// Injected names the fault injected into this reply, if any (see [Faults]).
	Injected string
	// UntrustedCert is true when the request came over a connection on which the gateway
	// presented the untrusted certificate, and the client accepted it.
	UntrustedCert bool
	// StaleCert is true when the request came over a keep-alive connection made with the other
	// certificate than the one in force (see [Faults.UntrustedCert]): it was answered, and the
	// connection closed after the answer.
	StaleCert bool
}

// Handshake is one TLS handshake the gateway attempted.
type Handshake struct {
	Time   time.Time
	Remote string
	// Untrusted is true when the gateway presented the certificate of the untrusted CA.
	Untrusted bool
	// Version is the TLS version negotiated, e.g. "TLS 1.3"; empty when the handshake failed.
	Version string
	// Err is empty for a completed handshake; otherwise why it failed.
	Err string
	// ClientRefused is true when the client, after sending its hello and receiving the
	// certificate, did not complete the handshake — typically with a TLS alert ("bad
	// certificate", "unknown certificate authority"): it refused the certificate. A handshake
	// that timed out is not a refusal.
	ClientRefused bool
}

// Requests returns a copy of the audit log, in arrival order. Safe for concurrent use.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.log))
	for i, r := range s.log {
		out[i] = *r
	}
	return out
}

// Mark returns a position in the audit log, to read what came after with [Server.RequestsSince].
func (s *Server) Mark() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.log)
}

// RequestsSince returns the audit entries recorded after mark.
func (s *Server) RequestsSince(mark int) []Request {
	all := s.Requests()
	if mark < 0 || mark > len(all) {
		mark = len(all)
	}
	return all[mark:]
}

// WaitIdle waits until no request is being answered (every entry has its final outcome) or d
// has passed, and reports whether the gateway is idle. Checks call it after the portal answered
// the citizen, because a gateway may still be finishing a request the portal gave up on.
func (s *Server) WaitIdle(d time.Duration) bool {
	deadline := time.Now().Add(d)
	for {
		s.mu.Lock()
		busy := s.inflight
		s.mu.Unlock()
		if busy == 0 {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// Handshakes returns a copy of the TLS handshake log. Safe for concurrent use.
func (s *Server) Handshakes() []Handshake {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Handshake(nil), s.handshakes...)
}

// HandshakeMark returns a position in the handshake log, for [Server.HandshakesSince].
func (s *Server) HandshakeMark() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.handshakes)
}

// HandshakesSince returns the handshakes recorded after mark.
func (s *Server) HandshakesSince(mark int) []Handshake {
	all := s.Handshakes()
	if mark < 0 || mark > len(all) {
		mark = len(all)
	}
	return all[mark:]
}

// ResetLog empties the audit and handshake logs.
func (s *Server) ResetLog() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log, s.handshakes = nil, nil
}

// Lookups returns, from entries, those that asked for a citizen (a TraCuuThongTinCongDan with
// an identifier), whatever the answer.
func Lookups(entries []Request) []Request {
	var out []Request
	for _, r := range entries {
		if r.Subject != "" {
			out = append(out, r)
		}
	}
	return out
}

// Subjects counts the look-ups per identifier.
func Subjects(entries []Request) map[string]int {
	m := map[string]int{}
	for _, r := range entries {
		if r.Subject != "" {
			m[r.Subject]++
		}
	}
	return m
}
