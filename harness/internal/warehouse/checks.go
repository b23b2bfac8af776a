// Package warehouse holds the data-warehouse checks (P06-WH-*).
package warehouse

import "github.com/p06kit/p06kit/harness/check"

// Checks returns the checks of this family.
func Checks() []check.Check {
	return nil
}
