// Package service holds online-service provision (P06-SVC-*).
package service

import "github.com/p06kit/p06kit/harness/check"

// Checks returns the checks of this family.
func Checks() []check.Check {
	return nil
}
