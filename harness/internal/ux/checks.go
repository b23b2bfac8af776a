// Package ux holds the user-experience checks (P06-UX-*).
package ux

import "github.com/p06kit/p06kit/harness/check"

// Checks returns the checks of this family.
func Checks() []check.Check {
	return nil
}
