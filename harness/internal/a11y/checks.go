// Package a11y holds the automated WCAG 2.0 subset of Circular 26/2020 (P06-A11Y-*).
package a11y

import "github.com/p06kit/p06kit/harness/check"

// Checks returns the checks of this family.
func Checks() []check.Check {
	return nil
}
