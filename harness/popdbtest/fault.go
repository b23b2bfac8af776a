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
	// Connections already established are not affected: clients reuse connections, so inject
	// this before the portal first connects, or make the portal open new ones.
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
