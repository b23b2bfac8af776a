// Package headers holds security headers and cookies (P06-SEC-06 … P06-SEC-12, P06-SEC-18).
package headers

import "github.com/p06kit/p06kit/harness/check"

// Checks returns the checks of this family.
func Checks() []check.Check {
	return nil
}
