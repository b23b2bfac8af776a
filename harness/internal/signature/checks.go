// Package signature holds the digital-signature checks (P06-SIG-*).
package signature

import "github.com/p06kit/p06kit/harness/check"

// Checks returns the checks of this family.
func Checks() []check.Check {
	return nil
}
