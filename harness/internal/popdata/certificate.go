package popdata

import (
	"context"
	"fmt"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/scoring"
)

// checkCertificate is P06-POP-04: with the gateway presenting a certificate from a CA the portal
// does not trust, the portal refuses it: no request completes, and the TLS handshake was aborted
// by the portal.
func checkCertificate(ctx context.Context, s *check.Session) check.Result {
	e, res := setup(ctx, s)
	if res != nil {
		return *res
	}
	b, res := e.login(ctx)
	if res != nil {
		return *res
	}
	restore := e.gw.Inject(popdbtest.Faults{UntrustedCert: true})
	// Switching the certificate closes the portal's kept-alive connections; give its client a
	// moment to notice before the dossier starts, so that the attempt makes a new handshake.
	time.Sleep(100 * time.Millisecond)
	a := e.start(ctx, b, check.DossierRequest{})
	restore()
	// A portal may fail loudly when its gateway is untrusted (a.err): what it sent is still
	// assessed below.
	want := "the portal aborts the TLS handshake with a gateway whose certificate it does not trust"
	var over []popdbtest.Request
	for _, r := range a.entries {
		if r.UntrustedCert {
			over = append(over, r)
		}
	}
	if len(over) > 0 {
		got := describeAll(over, 3)
		return check.Failf("the portal accepted the gateway's certificate from an untrusted CA (\"popdbtest UNTRUSTED CA\") and sent %d request(s) over that connection: %s", len(over), got).
			VI("Cổng chấp nhận chứng thư của trục tích hợp do CA không tin cậy cấp và đã gửi %d yêu cầu qua kết nối đó: %s", len(over), describeAllVI(over, 3)).
			GotWant("untrusted certificate accepted: "+got, want).
			With(certEvidence(a)...)
	}
	var refused, other []popdbtest.Handshake
	for _, h := range a.handshakes {
		if !h.Untrusted {
			continue
		}
		switch {
		case h.ClientRefused:
			refused = append(refused, h)
		case h.Err != "":
			other = append(other, h)
		}
	}
	switch {
	case len(refused) > 0:
		return check.Passf("the portal refused the gateway's untrusted certificate: it aborted %d TLS handshake(s) (%s) and no look-up of %s completed", len(refused), refused[0].Err, ident.Mask(e.who.ID)).
			VI("Cổng từ chối chứng thư không tin cậy của trục tích hợp: hủy %d lần bắt tay TLS, không yêu cầu tra cứu nào hoàn tất", len(refused)).
			GotWant(fmt.Sprintf("%d handshake(s) aborted by the portal", len(refused)), want).
			With(certEvidence(a)...)
	case len(other) > 0:
		return check.Passf("the portal did not complete the TLS handshake with the gateway's untrusted certificate (%s), and no look-up completed", other[0].Err).
			VI("Cổng không hoàn tất bắt tay TLS với chứng thư không tin cậy của trục tích hợp; không yêu cầu tra cứu nào hoàn tất").
			GotWant("handshake not completed", want).
			With(certEvidence(a)...)
	default:
		if a.err != nil {
			return dossierError("starting a dossier with an untrusted gateway", a.err)
		}
		return check.Errorf("the portal made no new connection to the gateway when the dossier started (no look-up, or one attempt over a connection opened before the certificate changed, without retrying), so its certificate check could not be exercised (see P06-POP-01)").
			VI("Cổng không kết nối tới trục tích hợp khi bắt đầu hồ sơ nên chưa kiểm tra được việc xác thực chứng thư (xem P06-POP-01)")
	}
}

// certEvidence lists the handshakes and requests of the attempt.
func certEvidence(a attempt) []scoring.Evidence {
	var ev []scoring.Evidence
	for i, h := range a.handshakes {
		if i == maxEvidence {
			break
		}
		note := "TLS handshake with the trusted certificate"
		if h.Untrusted {
			note = "TLS handshake with the UNTRUSTED certificate"
		}
		if h.Err != "" {
			note += ": failed: " + truncate(h.Err, 120)
		} else {
			note += ": completed"
		}
		ev = append(ev, scoring.Evidence{Note: note})
	}
	return append(ev, evidence(a.entries)...)
}
