// Package tlsscan holds TLS: HTTPS, protocol versions, cipher suites and the certificate (P06-SEC-01 … P06-SEC-05).
package tlsscan

import "github.com/p06kit/p06kit/harness/check"

// Checks returns the checks of this family.
func Checks() []check.Check {
	return nil
}
