package popdbtest

import (
	"strconv"
	"strings"
	"time"
)

// Faults is a misbehaviour of the gateway, injected with [Server.Inject]. The zero value is a
// well-behaved gateway. Several faults may be combined: latency is applied first, then the first
// of Hang, Status, Malformed and NotFound that is set.
type Faults struct {
	// Latency delays every reply (cut short if the client gives up).
	Latency time.Duration
	// Status answers with this HTTP status (5xx) and a SOAP server fault.
	Status int
	// Hang never answers: the request is held until the client gives up or the server closes.
	Hang bool
	// Malformed answers 200 with a reply that is not well-formed XML.
	Malformed bool
	// NotFound answers every look-up with an empty collection, as for an unknown citizen.
	NotFound bool
	// UntrustedCert makes new TLS connections present a certificate from a CA the portal does not
	// trust (see [Server.CertPool]); the handshake log records whether the client refused it.
	// Switching it applies to new connections only: a request that still arrives on a
	// keep-alive connection made with the other certificate is answered as usual, recorded
	// with [Request.StaleCert], and the connection is closed after that answer ("Connection:
	// close"), so the client's next request makes a new handshake. The gateway never closes a
	// connection under a client that may be writing to it: a correct client never fails
	// because the certificate changed between two of its requests.
	UntrustedCert bool
	// Times limits the fault to the next Times requests (0: until changed). Handshakes do not
	// count.
	Times int
}

// String names the faults set, e.g. "latency=2s,status=503".
func (f Faults) String() string {
	var p []string
	if f.Latency > 0 {
		p = append(p, "latency="+f.Latency.String())
	}
	if f.Hang {
		p = append(p, "hang")
	}
	if f.Status != 0 {
		p = append(p, "status="+strconv.Itoa(f.Status))
	}
	if f.Malformed {
		p = append(p, "malformed")
	}
	if f.NotFound {
		p = append(p, "not_found")
	}
	if f.UntrustedCert {
		p = append(p, "untrusted_cert")
	}
	return strings.Join(p, ",")
}

// Inject sets the gateway's misbehaviour, replacing any previous one, and returns a function
// that restores the previous faults. Safe for concurrent use; the faults are the server's, so
// tests that inject faults should each have their own server (or not run in parallel).
func (s *Server) Inject(f Faults) (restore func()) {
	s.mu.Lock()
	prev, prevLeft := s.faults, s.faultsLeft
	s.faults, s.faultsLeft = f, f.Times
	s.mu.Unlock()
	return func() {
		s.mu.Lock()
		s.faults, s.faultsLeft = prev, prevLeft
		s.mu.Unlock()
	}
}

// Faults returns the faults in force.
func (s *Server) Faults() Faults {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.faults
}

// takeFaults returns the faults for one request and counts it against Times.
func (s *Server) takeFaults() Faults {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.faults
	if f.Times > 0 {
		s.faultsLeft--
		if s.faultsLeft <= 0 {
			s.faults, s.faultsLeft = Faults{}, 0
		}
	}
	return f
}

// InjectFor sets faults for the look-ups of one identifier only (SoDinhDanh or SoCMND as sent),
// replacing any set for it before, and returns a function that removes them. They take precedence
// over the faults of [Server.Inject] for that identifier; UntrustedCert is ignored here (a
// certificate is chosen before the request is read). Times counts that identifier's look-ups.
func (s *Server) InjectFor(id string, f Faults) (restore func()) {
	s.mu.Lock()
	if s.subjectFaults == nil {
		s.subjectFaults = map[string]*subjectFault{}
	}
	prev := s.subjectFaults[id]
	s.subjectFaults[id] = &subjectFault{f: f, left: f.Times}
	s.mu.Unlock()
	return func() {
		s.mu.Lock()
		if prev == nil {
			delete(s.subjectFaults, id)
		} else {
			s.subjectFaults[id] = prev
		}
		s.mu.Unlock()
	}
}

type subjectFault struct {
	f    Faults
	left int
}

// takeSubjectFaults returns the faults set for id, counting the request against Times.
func (s *Server) takeSubjectFaults(id string) (Faults, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sf, ok := s.subjectFaults[id]
	if !ok || id == "" {
		return Faults{}, false
	}
	f := sf.f
	if f.Times > 0 {
		if sf.left--; sf.left <= 0 {
			delete(s.subjectFaults, id)
		}
	}
	f.UntrustedCert = false
	return f, true
}
