package signtest

import (
	"crypto/x509"
	"errors"
	"fmt"
	"time"
)

// buildChain finds a chain from cert to a root of opts.Roots, valid at time at (the trusted
// signing time), and maps crypto/x509's errors to this package's reasons: the system roots are
// never used, and any extended key usage is accepted because document signing has no single
// purpose that every CA writes.
func buildChain(cert *x509.Certificate, certs []*x509.Certificate, at time.Time, opts VerifyOptions) ([]*x509.Certificate, error) {
	if opts.Roots == nil {
		return nil, verr(ErrUntrusted, cert, "no trust list configured", "chưa cấu hình danh sách tin cậy", nil)
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
				return nil, verr(ErrNotYetValid, cert, fmt.Sprintf("%q was not yet valid at the signing time %s (valid from %s)",
					c.Subject.CommonName, at.UTC().Format(time.RFC3339), c.NotBefore.UTC().Format(time.RFC3339)),
					fmt.Sprintf("chứng thư %q chưa có hiệu lực tại thời điểm ký", c.Subject.CommonName), nil)
			}
			return nil, verr(ErrExpired, cert, fmt.Sprintf("%q had expired at the signing time %s (valid until %s)",
				c.Subject.CommonName, at.UTC().Format(time.RFC3339), c.NotAfter.UTC().Format(time.RFC3339)),
				fmt.Sprintf("chứng thư %q đã hết hạn tại thời điểm ký (hết hạn ngày %s)", c.Subject.CommonName, c.NotAfter.Format("02/01/2006")), nil)
		case errors.As(err, &ua):
			return nil, verr(ErrUntrusted, cert, fmt.Sprintf("no chain from %q to a root of the trust list", cert.Subject.CommonName),
				"không có đường tin cậy tới gốc trong danh sách tin cậy", err)
		}
		return nil, verr(ErrUntrusted, cert, "the certificate chain does not verify", "chuỗi chứng thư không hợp lệ", err)
	}
	if cert.KeyUsage != 0 && cert.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		return nil, verr(ErrUntrusted, cert, "the certificate's key usage does not allow signing", "chứng thư không cho phép ký", nil)
	}
	return chains[0], nil
}
