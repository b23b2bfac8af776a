package service

import (
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
)

// Checks returns the checks of this family.
func Checks() []check.Check {
	return []check.Check{
		{ID: "P06-SVC-01", Run: onCatalogue(catalogueCheck)},
		{ID: "P06-SVC-02", Run: pagejudge.OnProfile(componentsCheck)},
		{ID: "P06-SVC-03", Run: pagejudge.OnProfile(lookupCheck)},
		{ID: "P06-SVC-04", Run: pagejudge.OnProfile(paymentCheck)},
		{ID: "P06-SVC-05", Run: pagejudge.OnProfile(feedbackCheck)},
		{ID: "P06-SVC-06", Run: onCatalogue(onlineRateCheck)},
		{ID: "P06-SVC-07", Run: onCatalogue(fullProcessRateCheck)},
		{ID: "P06-SVC-08", Run: pagejudge.OnProfile(essentialCheck)},
	}
}
