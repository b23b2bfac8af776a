package leakage

import "github.com/p06kit/p06kit/harness/check"

// Checks returns the checks of this family: P06-SEC-13 … P06-SEC-17.
func Checks() []check.Check {
	return []check.Check{
		{ID: "P06-SEC-13", Run: checkSensitivePaths},
		{ID: "P06-SEC-14", Run: checkErrorPages},
		{ID: "P06-SEC-15", Run: checkSecurityTxt},
		{ID: "P06-SEC-16", Run: checkMixedContent},
		{ID: "P06-SEC-17", Run: checkSRI},
	}
}
