package tlsscan

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/p06kit/p06kit/harness/msg"
)

// CertInfo is what the certificate check learned from one handshake.
type CertInfo struct {
	// Chain is the chain the server presented, leaf first.
	Chain []*x509.Certificate
	// Version and Suite are what Go's TLS client negotiated to fetch it.
	Version, Suite uint16
	// Raw says why the chain was read from a hand-built handshake rather than by Go's TLS
	// client (which could not complete one); empty when Go's client read it.
	Raw string
	// rawNote is Raw in the report's language.
	rawNote msg.Phrase
	// VerifyErr is why the chain does not verify for the host with the configured roots; nil
	// when it does.
	VerifyErr error
}

// rootsOf returns the trust roots configured on a target's transport: the RootCAs of an
// *http.Transport's TLSClientConfig (how httptest clients and `p06 scan --ca` supply them), or
// nil, meaning the system roots.
func rootsOf(rt http.RoundTripper) *x509.CertPool {
	if t, ok := rt.(*http.Transport); ok && t.TLSClientConfig != nil {
		return t.TLSClientConfig.RootCAs
	}
	if r, ok := rt.(interface{ TLSClientConfig() *tls.Config }); ok && r.TLSClientConfig() != nil {
		return r.TLSClientConfig().RootCAs
	}
	return nil
}

// FetchCert handshakes with addr using Go's TLS client without verification (so that a bad
// chain can be described rather than only refused), then verifies the chain for host against
// roots (nil: the system roots) at time now.
func FetchCert(ctx context.Context, addr, host string, roots *x509.CertPool, now time.Time) (*CertInfo, error) {
	ctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	cfg := &tls.Config{
		InsecureSkipVerify: true, // verified below, with a message saying why it fails
		MinVersion:         tls.VersionTLS10,
		// Every suite Go has, insecure ones and RSA key exchange included (left out of Go's
		// defaults): the certificate of a server with a weak configuration is still judged.
		CipherSuites: allGoSuites(),
	}
	if net.ParseIP(host) == nil {
		cfg.ServerName = host
	}
	d := tls.Dialer{Config: cfg}
	var info *CertInfo
	c, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		var ne net.Error
		var oe *net.OpError
		if (errors.As(err, &oe) && oe.Op == "dial") || (errors.As(err, &ne) && ne.Timeout()) {
			return nil, msg.Error(mErrHandshake, addr, err)
		}
		// Go's client cannot speak every suite (DHE, Camellia, NULL): read the chain from a
		// hand-built handshake instead.
		info, err = rawCert(ctx, addr, host, err)
		if err != nil {
			return nil, err
		}
	} else {
		defer c.Close()
		st := c.(*tls.Conn).ConnectionState()
		if len(st.PeerCertificates) == 0 {
			return nil, msg.Error(mErrNoCert, addr)
		}
		info = &CertInfo{Chain: st.PeerCertificates, Version: st.Version, Suite: st.CipherSuite}
	}
	info.verify(host, roots, now)
	return info, nil
}

// CertFromState is the certificate of a handshake already made (the session's own connection to
// the portal), verified as FetchCert verifies: the chain for host against roots at time now. It
// returns nil when the state holds no certificate.
func CertFromState(st *tls.ConnectionState, host string, roots *x509.CertPool, now time.Time) *CertInfo {
	if st == nil || len(st.PeerCertificates) == 0 {
		return nil
	}
	info := &CertInfo{Chain: st.PeerCertificates, Version: st.Version, Suite: st.CipherSuite}
	info.verify(host, roots, now)
	return info
}

func (info *CertInfo) verify(host string, roots *x509.CertPool, now time.Time) {
	inter := x509.NewCertPool()
	for _, c := range info.Chain[1:] {
		inter.AddCert(c)
	}
	_, info.VerifyErr = info.Chain[0].Verify(x509.VerifyOptions{
		Roots: roots, Intermediates: inter, DNSName: host, CurrentTime: now,
	})
}

// rawCert reads the chain with hand-built ClientHellos, newest version first, offering every
// suite that authenticates the server.
func rawCert(ctx context.Context, addr, host string, goErr error) (*CertInfo, error) {
	p := &Prober{Addr: addr, ServerName: host}
	var offer []uint16
	for _, s := range suites {
		if !s.tls13 && s.weak&weakAnon == 0 {
			offer = append(offer, s.id)
		}
	}
	var errs []msg.Phrase
	for _, v := range []uint16{VersionTLS12, VersionTLS11, VersionTLS10, VersionSSL30} {
		ders, o, err := p.Certificates(ctx, v, offer)
		if err != nil {
			errs = append(errs, msg.P(mAtVersion, VersionName(v), err))
			continue
		}
		if len(ders) == 0 {
			errs = append(errs, msg.P(mAtVersion, VersionName(v), o.Said()))
			continue
		}
		raw := msg.P(mRawRead, goErr, VersionName(v), SuiteName(o.Reply.Hello.Suite))
		info := &CertInfo{Version: v, Suite: o.Reply.Hello.Suite, Raw: raw.String(), rawNote: raw}
		for _, der := range ders {
			cert, err := x509.ParseCertificate(der)
			if err != nil {
				return nil, msg.Error(mErrCertParse, addr, err)
			}
			info.Chain = append(info.Chain, cert)
		}
		return info, nil
	}
	return nil, msg.Error(mErrNoCertAtAll, addr, msg.P(msg.Verbatim, goErr), msg.List{Items: errs})
}

func allGoSuites() []uint16 {
	var ids []uint16
	for _, s := range tls.CipherSuites() {
		ids = append(ids, s.ID)
	}
	for _, s := range tls.InsecureCipherSuites() {
		ids = append(ids, s.ID)
	}
	return ids
}

// describeVerifyErr says in plain words why a chain does not verify.
func describeVerifyErr(err error, host string) msg.Phrase {
	var ua x509.UnknownAuthorityError
	var he x509.HostnameError
	var ci x509.CertificateInvalidError
	switch {
	case errors.As(err, &he):
		names := slices.Clone(he.Certificate.DNSNames)
		for _, ip := range he.Certificate.IPAddresses {
			names = append(names, ip.String())
		}
		if len(names) == 0 && he.Certificate.Subject.CommonName != "" {
			return msg.P(mWrongHostCN, host, he.Certificate.Subject.CommonName)
		}
		return msg.P(mWrongHost, host, strings.Join(names, ", "))
	case errors.As(err, &ua):
		return msg.P(mUntrusted, ua.Cert.Issuer.String())
	case errors.As(err, &ci):
		switch ci.Reason {
		case x509.Expired:
			return msg.P(mExpiredInChain, ci.Detail)
		default:
			return msg.P(mInvalidChain, err)
		}
	}
	return msg.P(mVerifyFailed, err)
}
