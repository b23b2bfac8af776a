package cmscheck

import (
	"crypto/x509"
	"errors"
	"fmt"
	"time"

	"github.com/smallstep/pkcs7"
)

// Verify verifies a CMS SignedData signature with smallstep/pkcs7 against the trust list roots at
// time at: sig is DER; content is the signed document for a detached signature (nil when sig
// carries it). It returns the signer's certificate.
func Verify(sig, content []byte, roots *x509.CertPool, at time.Time) (*x509.Certificate, error) {
	if roots == nil {
		return nil, errors.New("cmscheck: no trust list: a Project 06 signature is never checked against the system roots")
	}
	p7, err := pkcs7.Parse(sig)
	if err != nil {
		return nil, fmt.Errorf("cmscheck: parsing the signature: %w", err)
	}
	if content != nil {
		if len(p7.Content) > 0 {
			return nil, errors.New("cmscheck: the signature carries its content and a detached document was given too")
		}
		p7.Content = content
	}
	if err := p7.VerifyWithChainAtTime(roots, at); err != nil {
		return nil, fmt.Errorf("cmscheck: %w", err)
	}
	signer := p7.GetOnlySigner()
	if signer == nil {
		return nil, errors.New("cmscheck: the signature has no single signer certificate")
	}
	return signer, nil
}
