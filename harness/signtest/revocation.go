package signtest

import (
	"bytes"
	"crypto/x509"
	"fmt"
	"strings"
	"time"
)

// checkRevocation checks every certificate of chain but the root against a current CRL signed by
// its issuer: from opts.CRLs, else fetched from its distribution points with opts.FetchCRL. In
// long-term validation a revocation after signingTime does not count.
func checkRevocation(cert *x509.Certificate, chain []*x509.Certificate, signingTime, now time.Time, opts VerifyOptions) error {
	for i := 0; i+1 < len(chain); i++ {
		c, issuer := chain[i], chain[i+1]
		usable := func(l *x509.RevocationList) bool {
			return l != nil && bytes.Equal(l.RawIssuer, c.RawIssuer) && l.CheckSignatureFrom(issuer) == nil &&
				(l.NextUpdate.IsZero() || !now.After(l.NextUpdate))
		}
		// Of several current CRLs from the issuer, the latest says the most.
		var crl *x509.RevocationList
		for _, l := range opts.CRLs {
			if usable(l) && (crl == nil || l.ThisUpdate.After(crl.ThisUpdate)) {
				crl = l
			}
		}
		var fetchErrs []string
		if crl == nil && opts.FetchCRL != nil {
			tried := 0
			for _, u := range c.CRLDistributionPoints {
				if tried == 2 || !(strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) {
					continue
				}
				tried++
				l, err := opts.FetchCRL(u)
				switch {
				case err != nil:
					fetchErrs = append(fetchErrs, err.Error())
				case usable(l):
					crl = l
				default:
					fetchErrs = append(fetchErrs, fmt.Sprintf("the CRL at %s is not a current CRL signed by %q", u, issuer.Subject.CommonName))
				}
				if crl != nil {
					break
				}
			}
		}
		if crl == nil {
			if opts.RequireRevocation {
				detail := fmt.Sprintf("no current CRL signed by %q", issuer.Subject.CommonName)
				if len(fetchErrs) > 0 {
					detail += " (" + strings.Join(fetchErrs, "; ") + ")"
				}
				return verr(ErrRevocationUnknown, cert, detail,
					fmt.Sprintf("không có CRL hiện hành của %q", issuer.Subject.CommonName), nil)
			}
			continue
		}
		for _, e := range crl.RevokedCertificateEntries {
			if e.SerialNumber == nil || e.SerialNumber.Cmp(c.SerialNumber) != 0 {
				continue
			}
			if opts.AtSigningTime && !signingTime.IsZero() && e.RevocationTime.After(signingTime) {
				continue
			}
			return verr(ErrRevoked, cert, fmt.Sprintf("%q was revoked on %s (reason %d)", c.Subject.CommonName,
				e.RevocationTime.UTC().Format(time.RFC3339), e.ReasonCode),
				fmt.Sprintf("chứng thư %q bị thu hồi ngày %s", c.Subject.CommonName, e.RevocationTime.Format("02/01/2006")), nil)
		}
	}
	return nil
}
