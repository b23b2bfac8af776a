package signtest

import (
	"crypto/x509"
	"errors"
	"time"

	"github.com/p06kit/p06kit/harness/msg"
)

// buildChain finds a chain from cert to a root of opts.Roots, valid at time at (the trusted
// signing time), and maps crypto/x509's errors to this package's reasons: the system roots are
// never used, and any extended key usage is accepted because document signing has no single
// purpose that every CA writes.
func buildChain(cert *x509.Certificate, certs []*x509.Certificate, at time.Time, opts VerifyOptions) ([]*x509.Certificate, error) {
	if opts.Roots == nil {
		return nil, verr(ErrUntrusted, cert, msg.P(mNoTrustList), nil)
	}
	inter := x509.NewCertPool()
	for _, c := range certs {
		if c != cert {
			inter.AddCert(c)
		}
	}
	for _, c := range opts.Intermediates {
		inter.AddCert(c)
	}
	chains, err := cert.Verify(x509.VerifyOptions{
		Roots: opts.Roots, Intermediates: inter, CurrentTime: at,
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny},
	})
	if err != nil {
		var inv x509.CertificateInvalidError
		var ua x509.UnknownAuthorityError
		switch {
		case errors.As(err, &inv) && inv.Reason == x509.Expired:
			c := inv.Cert
			if c == nil {
				c = cert
			}
			if at.Before(c.NotBefore) {
				return nil, verr(ErrNotYetValid, cert, msg.P(mNotYetValidAtSigning, c.Subject.CommonName, moment(at), moment(c.NotBefore)), nil)
			}
			return nil, verr(ErrExpired, cert, msg.P(mExpiredAtSigning, c.Subject.CommonName, moment(at), date(c.NotAfter)), nil)
		case errors.As(err, &ua):
			return nil, verr(ErrUntrusted, cert, msg.P(mNoChain, cert.Subject.CommonName), err)
		}
		return nil, verr(ErrUntrusted, cert, msg.P(mChainInvalid), err)
	}
	if cert.KeyUsage != 0 && cert.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		return nil, verr(ErrUntrusted, cert, msg.P(mNoSigningUse), nil)
	}
	return chains[0], nil
}
