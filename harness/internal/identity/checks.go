// Package identity holds the national SSO relying-party checks (P06-AUTH-*, P06-SEC-19).
package identity

import "github.com/p06kit/p06kit/harness/check"

// Checks returns the checks of this family.
func Checks() []check.Check {
	return nil
}
