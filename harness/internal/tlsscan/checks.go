package tlsscan

import (
	"context"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"net"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/idna"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// Checks returns the checks of this family: P06-SEC-01 … P06-SEC-05.
func Checks() []check.Check {
	return []check.Check{
		{ID: "P06-SEC-01", Run: checkHTTPS},
		{ID: "P06-SEC-02", Run: checkRedirect},
		{ID: "P06-SEC-03", Run: checkVersions},
		{ID: "P06-SEC-04", Run: checkWeakSuites},
		{ID: "P06-SEC-05", Run: checkExpiry},
	}
}

// minDaysLeft is P06-SEC-05's threshold.
const minDaysLeft = 30

// now is the clock of the certificate checks; tests replace it.
var now = time.Now

// certFor returns the certificate of the target: the one the session's own handshake received
// when it read the home page there (no extra connection), else one fetched with a handshake of
// its own, which also reads a chain the session's verifying client refused.
func certFor(ctx context.Context, s *check.Session) (*CertInfo, error) {
	addr, host, _ := endpoint(s)
	return sessionCert(s, func() (*CertInfo, error) {
		roots := rootsOf(s.Transport())
		if resp, err := s.Get(ctx, s.Base().String()); err == nil && resp.TLS != nil {
			if u, err := url.Parse(resp.FinalURL); err == nil && sameEndpoint(u, addr) {
				if info := CertFromState(resp.TLS, host, roots, now()); info != nil {
					return info, nil
				}
			}
		}
		release, err := s.Acquire(ctx, addr)
		if err != nil {
			return nil, err
		}
		defer release()
		return FetchCert(ctx, addr, host, roots, now())
	})
}

// sameEndpoint reports whether u is served by the TLS endpoint addr (host:port).
func sameEndpoint(u *url.URL, addr string) bool {
	if u.Scheme != "https" {
		return false
	}
	port := u.Port()
	if port == "" {
		port = "443"
	}
	h, p, err := net.SplitHostPort(addr)
	if err != nil || p != port {
		return false
	}
	name := u.Hostname()
	if a, err := idna.Lookup.ToASCII(name); err == nil {
		name = a
	}
	return strings.EqualFold(name, h)
}

// weakKey says why the certificate's public key is too weak (RSA under 2048 bits, as the
// CA/Browser Forum baseline requires; EC under 256 bits); ok is false when it is not.
func weakKey(c *x509.Certificate) (why msg.Phrase, ok bool) {
	switch k := c.PublicKey.(type) {
	case *rsa.PublicKey:
		if n := k.N.BitLen(); n < 2048 {
			return msg.P(mWeakRSA, n), true
		}
	case *ecdsa.PublicKey:
		if n := k.Curve.Params().BitSize; n < 256 {
			return msg.P(mWeakEC, n), true
		}
	}
	return msg.Phrase{}, false
}

func subject(c *x509.Certificate) string {
	if c.Subject.CommonName != "" {
		return "CN=" + c.Subject.CommonName
	}
	if len(c.DNSNames) > 0 {
		return c.DNSNames[0]
	}
	return c.Subject.String()
}

func checkHTTPS(ctx context.Context, s *check.Session) check.Result {
	addr, host, https := endpoint(s)
	if !https {
		// The evidence is the home page served over plain HTTP; if it cannot be read, the
		// engine makes the result error (the portal might redirect to HTTPS).
		r := check.Fail(mPlainHTTP, s.Base().String()).
			Saw(msg.P(mGotPlainScheme), msg.P(mWantValidChain)).At(s.Base().String())
		if resp, err := s.Get(ctx, s.Base().String()); err == nil {
			r = r.With(resp.Evidence("Content-Type", "Location"))
		}
		return r
	}
	info, err := certFor(ctx, s)
	if err != nil {
		return check.Error(mHandshake, addr, err).At(s.Base().String())
	}
	leaf := info.Chain[0]
	leafNote := msg.P(mNoteLeaf, subject(leaf), leaf.Issuer.String(), leaf.NotBefore.UTC().Format(time.DateOnly),
		leaf.NotAfter.UTC().Format(time.DateOnly), strings.Join(leaf.DNSNames, " "), len(info.Chain))
	ev := scoring.Evidence{Request: "TLS handshake with " + addr}.Noted(msg.Verbatim, leafNote)
	if info.Raw != "" {
		ev = ev.Noted(mNoteAndRaw, leafNote, info.rawNote)
	}
	if info.VerifyErr != nil {
		why := describeVerifyErr(info.VerifyErr, host)
		return check.Fail(mNotVerified, addr, why).
			Saw(why, msg.P(mWantTrustedChain, host)).
			At(s.Base().String()).With(ev)
	}
	if weak, ok := weakKey(leaf); ok {
		return check.Fail(mWeakKey, addr, weak).
			Saw(weak, msg.P(mWantStrongKey)).
			At(s.Base().String()).With(ev)
	}
	return check.Pass(mHTTPSOK, addr, subject(leaf), leaf.Issuer.CommonName, host).
		At(s.Base().String()).With(ev)
}

func checkVersions(ctx context.Context, s *check.Session) check.Result {
	addr, _, https := endpoint(s)
	if !https {
		return notHTTPS(ctx, s)
	}
	res, err := sessionScan(ctx, s, proberFor(s))
	if err != nil {
		return check.Error(mProbeVersions, addr, err)
	}
	var accepted, legacy []uint16
	var ev []scoring.Evidence
	for _, r := range res {
		ev = append(ev, scoring.Evidence{Request: "ClientHello " + VersionName(r.Version) + " to " + addr}.Noted(msg.Verbatim, r.Outcome.Said()))
		if r.Accepted {
			accepted = append(accepted, r.Version)
			if r.Version < VersionTLS12 {
				legacy = append(legacy, r.Version)
			}
		}
	}
	got := msg.P(mGotAccepts, versionList(accepted))
	switch {
	case len(accepted) == 0:
		return check.Error(mNoVersion, addr).At(s.Base().String()).With(ev...)
	case len(legacy) > 0:
		return check.Fail(mLegacyVersions, addr, versionList(legacy)).
			Saw(got, msg.P(mWantModern)).At(s.Base().String()).With(ev...)
	}
	return check.Pass(mVersionsOK, addr, versionList(accepted)).
		Saw(got, msg.P(mWantModern)).At(s.Base().String()).With(ev...)
}

func checkWeakSuites(ctx context.Context, s *check.Session) check.Result {
	addr, _, https := endpoint(s)
	if !https {
		return notHTTPS(ctx, s)
	}
	p := proberFor(s)
	res, err := sessionScan(ctx, s, p)
	if err != nil {
		return check.Error(mProbeVersions, addr, err)
	}
	var versions []uint16
	for _, r := range res {
		if r.Accepted && r.Version < VersionTLS13 {
			versions = append(versions, r.Version)
		}
	}
	if len(versions) == 0 {
		for _, r := range res {
			if r.Accepted {
				return check.Pass(mTLS13OnlyOK, addr).At(s.Base().String()).
					With(scoring.Evidence{Request: "ClientHello " + VersionName(r.Version) + " to " + addr}.Noted(msg.Verbatim, r.Outcome.Said()))
			}
		}
		return check.Error(mNoVersionForSuites, addr)
	}
	weak, err := p.ScanWeak(ctx, versions)
	if err != nil {
		return check.Error(mProbeWeak, addr, err)
	}
	offered := len(weakSuites())
	if len(weak) == 0 {
		return check.Pass(mWeakRefused, addr, offered, versionList(versions)).
			Saw(msg.P(mGotNoWeak), msg.P(mWantNoWeak)).At(s.Base().String()).
			With(weakRefusals(addr, versions, offered)...)
	}
	// One entry per suite, with the versions it is accepted at: "TLS_RSA_WITH_NULL_SHA (NULL) at
	// TLS 1.0, TLS 1.1, TLS 1.2".
	var order []uint16
	at := map[uint16][]uint16{}
	var ev []scoring.Evidence
	for _, w := range weak {
		if _, seen := at[w.Suite]; !seen {
			order = append(order, w.Suite)
		}
		at[w.Suite] = append(at[w.Suite], w.Version)
		ev = append(ev, scoring.Evidence{Request: "ClientHello " + VersionName(w.Version) + " with weak suites only to " + addr}.
			Noted(mNoteServerChose, SuiteName(w.Suite), weaknessPhrase(w.Suite)))
	}
	list := msg.List{Sep: "; "}
	for _, id := range order {
		list.Items = append(list.Items, msg.P(mWeakSuite, SuiteName(id), weaknessPhrase(id), versionList(at[id])))
	}
	return check.Fail(mWeakAccepts, addr, len(order), list).
		Saw(msg.P(mWeakList, list), msg.P(mWantNoWeak)).At(s.Base().String()).With(ev...)
}

// weakRefusals is the evidence of a weak-suite probe that found none accepted: one ClientHello
// offering only the weak suites per version, each refused.
func weakRefusals(addr string, versions []uint16, offered int) []scoring.Evidence {
	ev := make([]scoring.Evidence, 0, len(versions))
	for _, v := range versions {
		ev = append(ev, scoring.Evidence{Request: "ClientHello " + VersionName(v) + " with weak suites only to " + addr}.
			Noted(mNoteRefusedWeak, offered))
	}
	return ev
}

func checkExpiry(ctx context.Context, s *check.Session) check.Result {
	addr, _, https := endpoint(s)
	if !https {
		return notHTTPS(ctx, s)
	}
	info, err := certFor(ctx, s)
	if err != nil {
		return check.Error(mHandshake, addr, err)
	}
	t := now()
	want := msg.P(mWantDaysLeft, minDaysLeft)
	var ev []scoring.Evidence
	for i, c := range info.Chain {
		left := c.NotAfter.Sub(t)
		days := int(left.Hours() / 24)
		role := msg.P(mRoleLeaf)
		if i > 0 {
			role = msg.P(mRoleChain, i)
		}
		ev = append(ev, scoring.Evidence{Request: "TLS handshake with " + addr}.
			Noted(mNoteExpires, role, subject(c), c.NotAfter.UTC().Format(time.RFC3339)))
		if left < minDaysLeft*24*time.Hour {
			got := msg.P(mCertExpires, role, subject(c), c.NotAfter.UTC().Format(time.DateOnly), days)
			if left < 0 {
				got = msg.P(mCertExpired, role, subject(c), c.NotAfter.UTC().Format(time.DateOnly))
			}
			return check.Fail(mExpiring, addr, got, minDaysLeft).
				Saw(got, want).At(s.Base().String()).With(ev...)
		}
	}
	leaf := info.Chain[0]
	days := int(leaf.NotAfter.Sub(t).Hours() / 24)
	return check.Pass(mExpiryOK, addr, subject(leaf), leaf.NotAfter.UTC().Format(time.DateOnly), days).
		Saw(msg.P(mDaysLeft, days), want).At(s.Base().String()).With(ev...)
}
