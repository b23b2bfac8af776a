package service

import "github.com/p06kit/p06kit/harness/check"

// Checks returns the checks of this family.
func Checks() []check.Check {
	return []check.Check{
		{ID: "P06-SVC-01", Run: catalogueCheck},
		{ID: "P06-SVC-02", Run: componentsCheck},
		{ID: "P06-SVC-03", Run: lookupCheck},
		{ID: "P06-SVC-04", Run: paymentCheck},
		{ID: "P06-SVC-05", Run: feedbackCheck},
		{ID: "P06-SVC-06", Run: onlineRateCheck},
		{ID: "P06-SVC-07", Run: fullProcessRateCheck},
		{ID: "P06-SVC-08", Run: essentialCheck},
	}
}
