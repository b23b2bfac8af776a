// Package leakage holds information leakage, security.txt, mixed content and SRI (P06-SEC-13 … P06-SEC-17).
package leakage

import "github.com/p06kit/p06kit/harness/check"

// Checks returns the checks of this family.
func Checks() []check.Check {
	return nil
}
