package popdata

import (
	"context"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/scoring"
)

// maxCertAttempts bounds the dossiers P06-POP-04 starts while the portal keeps answering over
// connections it opened before the certificate changed.
const maxCertAttempts = 5

// judgeCertificate is P06-POP-04: with the gateway presenting a certificate from a CA the portal
// does not trust, the portal refuses it: no request completes, and the TLS handshake was aborted
// by the portal after it received the certificate. A handshake that failed otherwise (the portal
// never sent its hello, or the handshake timed out) shows no refusal and is an error.
func judgeCertificate(ctx context.Context, e *env, b *check.Browser) check.Result {
	restore := e.gw.Inject(popdbtest.Faults{UntrustedCert: true})
	// The gateway presents the untrusted certificate on new connections only: a look-up the
	// portal sends over a connection it kept alive is answered with the trusted one, and that
	// connection closed after it. Start dossiers until one makes the portal open a new
	// connection; each repeat uses up one kept-alive connection, so this ends.
	var a attempt
	var staleEv []scoring.Evidence
	for n := 1; ; n++ {
		a = e.start(ctx, b, check.DossierRequest{})
		if len(a.handshakes) > 0 || n == maxCertAttempts {
			break
		}
		stale := 0
		for _, r := range a.entries {
			if r.StaleCert {
				stale++
			}
		}
		if stale == 0 || stale < len(a.entries) || ctx.Err() != nil {
			break
		}
		staleEv = append(staleEv, scoring.Evidence{}.Noted(mNoteStale, n, stale))
	}
	restore()
	// A portal may fail loudly when its gateway is untrusted (a.err): what it sent is still
	// assessed below.
	want := msg.P(mCertWant)
	var over []popdbtest.Request
	for _, r := range a.entries {
		if r.UntrustedCert {
			over = append(over, r)
		}
	}
	if len(over) > 0 {
		got := describeAll(over, 3)
		return check.Fail(mCertAccepted, len(over), got).
			Saw(msg.P(mCertAcceptedGot, got), want).
			With(append(staleEv, certEvidence(a)...)...)
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
		var again any = ""
		if len(staleEv) > 0 {
			again = msg.P(mCertAgain, len(staleEv)+1)
		}
		return check.Pass(mCertRefused, len(refused), refused[0].Err, ident.Mask(e.who.ID), again).
			Saw(msg.P(mCertRefusedGot, len(refused)), want).
			With(append(staleEv, certEvidence(a)...)...)
	case len(other) > 0:
		// A handshake that failed before the portal saw the certificate, or that timed out,
		// shows no refusal: the portal may as well have been slow or gone.
		return check.Error(mCertOther, other[0].Err).
			Saw(msg.P(mCertOtherGot, truncate(other[0].Err, 120)), want).
			With(append(staleEv, certEvidence(a)...)...)
	default:
		if a.err != nil {
			return dossierError(msg.P(mStepStartUntrusted), a.err)
		}
		return check.Error(mCertNoConn).
			With(append(staleEv, certEvidence(a)...)...)
	}
}

// certEvidence lists the handshakes and requests of the attempt.
func certEvidence(a attempt) []scoring.Evidence {
	var ev []scoring.Evidence
	for i, h := range a.handshakes {
		if i == maxEvidence {
			break
		}
		cert := msg.P(mNoteTrustedCert)
		if h.Untrusted {
			cert = msg.P(mNoteUntrustedCert)
		}
		if h.Err != "" {
			ev = append(ev, scoring.Evidence{}.Noted(mNoteHandshakeFailed, cert, truncate(h.Err, 120)))
		} else {
			ev = append(ev, scoring.Evidence{}.Noted(mNoteHandshakeDone, cert))
		}
	}
	return append(ev, evidence(a.entries)...)
}
