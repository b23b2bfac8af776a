// Package popdata holds the population-database checks (P06-POP-*).
package popdata

import "github.com/p06kit/p06kit/harness/check"

// Checks returns the checks of this family.
func Checks() []check.Check {
	return nil
}
