package tlsscan

import (
	"context"
	"crypto/ecdsa"
	"crypto/rsa"
	"crypto/x509"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/idna"

	"github.com/p06kit/p06kit/harness/check"
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
// CA/Browser Forum baseline requires; EC under 256 bits), or "".
func weakKey(c *x509.Certificate) string {
	switch k := c.PublicKey.(type) {
	case *rsa.PublicKey:
		if n := k.N.BitLen(); n < 2048 {
			return fmt.Sprintf("RSA key of %d bits", n)
		}
	case *ecdsa.PublicKey:
		if n := k.Curve.Params().BitSize; n < 256 {
			return fmt.Sprintf("EC key of %d bits", n)
		}
	}
	return ""
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
		r := check.Failf("the portal is served over plain HTTP (%s): citizens' data crosses the network unencrypted", s.Base()).
			VI("cổng được phục vụ qua HTTP không mã hoá (%s)", s.Base()).
			GotWant("http://", "https:// with a certificate chain valid for the host").At(s.Base().String())
		if resp, err := s.Get(ctx, s.Base().String()); err == nil {
			r = r.With(resp.Evidence("Content-Type", "Location"))
		}
		return r
	}
	info, err := certFor(ctx, s)
	if err != nil {
		return check.Errorf("could not complete a TLS handshake with %s: %v", addr, err).
			VI("không bắt tay TLS được với %s: %v", addr, err).At(s.Base().String())
	}
	leaf := info.Chain[0]
	ev := scoring.Evidence{Request: "TLS handshake with " + addr,
		Note: fmt.Sprintf("leaf %s issued by %s, valid %s – %s, SAN %s; %d certificate(s) presented",
			subject(leaf), leaf.Issuer.String(), leaf.NotBefore.UTC().Format(time.DateOnly),
			leaf.NotAfter.UTC().Format(time.DateOnly), strings.Join(leaf.DNSNames, " "), len(info.Chain))}
	if info.Raw != "" {
		ev.Note += "; " + info.Raw
	}
	if info.VerifyErr != nil {
		why := describeVerifyErr(info.VerifyErr, host)
		return check.Failf("HTTPS certificate of %s does not verify: %s", addr, why).
			VI("chứng thư số HTTPS của %s không hợp lệ: %s", addr, why).
			GotWant(why, "a chain to a trusted root, valid now and for host "+host).
			At(s.Base().String()).With(ev)
	}
	if weak := weakKey(leaf); weak != "" {
		return check.Failf("HTTPS certificate of %s verifies, but its key is too weak: %s", addr, weak).
			VI("chứng thư số HTTPS của %s dùng khoá quá yếu: %s", addr, weak).
			GotWant(weak, "RSA keys of at least 2048 bits, EC keys of at least 256 bits").
			At(s.Base().String()).With(ev)
	}
	return check.Passf("HTTPS on %s: the chain of %s (issued by %s) verifies for host %s", addr, subject(leaf), leaf.Issuer.CommonName, host).
		VI("HTTPS trên %s: chuỗi chứng thư của %s hợp lệ cho máy chủ %s", addr, subject(leaf), host).
		At(s.Base().String()).With(ev)
}

func checkVersions(ctx context.Context, s *check.Session) check.Result {
	addr, _, https := endpoint(s)
	if !https {
		return notHTTPS(ctx, s)
	}
	res, err := sessionScan(ctx, s, proberFor(s))
	if err != nil {
		return check.Errorf("probing TLS versions of %s: %v", addr, err).VI("dò phiên bản TLS của %s: %v", addr, err)
	}
	var accepted, legacy []uint16
	var ev []scoring.Evidence
	for _, r := range res {
		ev = append(ev, scoring.Evidence{Request: "ClientHello " + VersionName(r.Version) + " to " + addr, Note: r.Outcome.Detail})
		if r.Accepted {
			accepted = append(accepted, r.Version)
			if r.Version < VersionTLS12 {
				legacy = append(legacy, r.Version)
			}
		}
	}
	got := "accepts " + versionList(accepted)
	switch {
	case len(accepted) == 0:
		return check.Errorf("%s accepted none of SSLv2, SSLv3, TLS 1.0 … 1.3 from hand-built ClientHellos; is it a TLS server?", addr).
			VI("%s không chấp nhận phiên bản nào từ SSLv3 đến TLS 1.3", addr).At(s.Base().String()).With(ev...)
	case len(legacy) > 0:
		return check.Failf("%s accepts %s (deprecated by RFC 8996); only TLS 1.2 and 1.3 may be accepted", addr, versionList(legacy)).
			VI("%s chấp nhận %s (đã lỗi thời theo RFC 8996); chỉ được chấp nhận TLS 1.2 và 1.3", addr, versionList(legacy)).
			GotWant(got, "only TLS 1.2 and/or TLS 1.3").At(s.Base().String()).With(ev...)
	}
	return check.Passf("%s accepts only %s; SSLv2, SSLv3, TLS 1.0 and TLS 1.1 are refused", addr, versionList(accepted)).
		VI("%s chỉ chấp nhận %s; SSLv2, SSLv3, TLS 1.0 và TLS 1.1 bị từ chối", addr, versionList(accepted)).
		GotWant(got, "only TLS 1.2 and/or TLS 1.3").At(s.Base().String()).With(ev...)
}

func checkWeakSuites(ctx context.Context, s *check.Session) check.Result {
	addr, _, https := endpoint(s)
	if !https {
		return notHTTPS(ctx, s)
	}
	p := proberFor(s)
	res, err := sessionScan(ctx, s, p)
	if err != nil {
		return check.Errorf("probing TLS versions of %s: %v", addr, err).VI("dò phiên bản TLS của %s: %v", addr, err)
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
				return check.Passf("%s accepts only TLS 1.3, whose cipher suites are all strong", addr).
					VI("%s chỉ chấp nhận TLS 1.3, mọi bộ mã của nó đều mạnh", addr).At(s.Base().String()).
					With(scoring.Evidence{Request: "ClientHello " + VersionName(r.Version) + " to " + addr, Note: r.Outcome.Detail})
			}
		}
		return check.Errorf("%s accepted no TLS version, so its cipher suites could not be probed", addr).
			VI("%s không chấp nhận phiên bản TLS nào", addr)
	}
	weak, err := p.ScanWeak(ctx, versions)
	if err != nil {
		return check.Errorf("probing weak cipher suites of %s: %v", addr, err).VI("dò bộ mã yếu của %s: %v", addr, err)
	}
	offered := len(weakSuites())
	if len(weak) == 0 {
		return check.Passf("%s refused all %d weak cipher suites (RC4, 3DES, DES, NULL, anonymous, export) at %s", addr, offered, versionList(versions)).
			VI("%s từ chối cả %d bộ mã yếu (RC4, 3DES, DES, NULL, ẩn danh, export) ở %s", addr, offered, versionList(versions)).
			GotWant("no weak suite accepted", "no RC4, 3DES, DES, NULL, anonymous or export suite").At(s.Base().String()).
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
		ev = append(ev, scoring.Evidence{Request: "ClientHello " + VersionName(w.Version) + " with weak suites only to " + addr,
			Note: fmt.Sprintf("server chose %s (%s)", SuiteName(w.Suite), weakness(w.Suite))})
	}
	var list []string
	for _, id := range order {
		list = append(list, fmt.Sprintf("%s (%s) at %s", SuiteName(id), weakness(id), versionList(at[id])))
	}
	return check.Failf("%s accepts %d weak cipher suite(s): %s", addr, len(order), strings.Join(list, "; ")).
		VI("%s chấp nhận %d bộ mã yếu: %s", addr, len(order), strings.Join(list, "; ")).
		GotWant(strings.Join(list, "; "), "no RC4, 3DES, DES, NULL, anonymous or export suite").At(s.Base().String()).With(ev...)
}

// weakRefusals is the evidence of a weak-suite probe that found none accepted: one ClientHello
// offering only the weak suites per version, each refused.
func weakRefusals(addr string, versions []uint16, offered int) []scoring.Evidence {
	ev := make([]scoring.Evidence, 0, len(versions))
	for _, v := range versions {
		ev = append(ev, scoring.Evidence{Request: "ClientHello " + VersionName(v) + " with weak suites only to " + addr,
			Note: fmt.Sprintf("the server refused all %d weak suites offered", offered)})
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
		return check.Errorf("could not complete a TLS handshake with %s: %v", addr, err).
			VI("không bắt tay TLS được với %s: %v", addr, err)
	}
	t := now()
	want := fmt.Sprintf("every certificate valid for at least %d more days", minDaysLeft)
	var ev []scoring.Evidence
	for i, c := range info.Chain {
		left := c.NotAfter.Sub(t)
		days := int(left.Hours() / 24)
		role := "leaf"
		if i > 0 {
			role = fmt.Sprintf("chain certificate %d", i)
		}
		ev = append(ev, scoring.Evidence{Request: "TLS handshake with " + addr,
			Note: fmt.Sprintf("%s %s expires %s", role, subject(c), c.NotAfter.UTC().Format(time.RFC3339))})
		if left < minDaysLeft*24*time.Hour {
			got := fmt.Sprintf("%s %s expires %s (%d days left)", role, subject(c), c.NotAfter.UTC().Format(time.DateOnly), days)
			if left < 0 {
				got = fmt.Sprintf("%s %s expired %s", role, subject(c), c.NotAfter.UTC().Format(time.DateOnly))
			}
			return check.Failf("%s: %s; renew it at least %d days before expiry", addr, got, minDaysLeft).
				VI("%s: chứng thư %s hết hạn %s (còn %d ngày); cần gia hạn trước ít nhất %d ngày", addr, subject(c), c.NotAfter.UTC().Format(time.DateOnly), days, minDaysLeft).
				GotWant(got, want).At(s.Base().String()).With(ev...)
		}
	}
	leaf := info.Chain[0]
	days := int(leaf.NotAfter.Sub(t).Hours() / 24)
	return check.Passf("%s: the certificate %s expires %s, %d days from now", addr, subject(leaf), leaf.NotAfter.UTC().Format(time.DateOnly), days).
		VI("%s: chứng thư %s hết hạn %s, còn %d ngày", addr, subject(leaf), leaf.NotAfter.UTC().Format(time.DateOnly), days).
		GotWant(fmt.Sprintf("%d days left", days), want).At(s.Base().String()).With(ev...)
}
