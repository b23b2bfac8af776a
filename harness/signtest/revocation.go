package signtest

import (
	"bytes"
	"crypto/x509"
	"strings"
	"time"

	"github.com/p06kit/p06kit/harness/msg"
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
		var fetchErrs []msg.Phrase
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
					fetchErrs = append(fetchErrs, msg.P(mCRLFetch, err))
				case usable(l):
					crl = l
				default:
					fetchErrs = append(fetchErrs, msg.P(mCRLStale, u, issuer.Subject.CommonName))
				}
				if crl != nil {
					break
				}
			}
		}
		if crl == nil {
			if opts.RequireRevocation {
				why := msg.P(mNoCRL, issuer.Subject.CommonName)
				if len(fetchErrs) > 0 {
					why = msg.P(mNoCRLTried, issuer.Subject.CommonName, msg.List{Items: fetchErrs, Sep: "; "})
				}
				return verr(ErrRevocationUnknown, cert, why, nil)
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
			return verr(ErrRevoked, cert, msg.P(mRevoked, c.Subject.CommonName, date(e.RevocationTime), e.ReasonCode), nil)
		}
	}
	return nil
}
