package ux

import (
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
)

// Checks returns the checks of this family.
func Checks() []check.Check {
	return []check.Check{
		{ID: "P06-UX-01", Run: charsetCheck},
		{ID: "P06-UX-02", Run: nfcCheck},
		{ID: "P06-UX-03", Run: viewportCheck},
		{ID: "P06-UX-04", Run: pagejudge.OnProfile(depthCheck)},
		{ID: "P06-UX-05", Run: pagejudge.OnProfile(searchCheck)},
		{ID: "P06-UX-06", Run: pagejudge.OnProfile(indexableCheck)},
		{ID: "P06-UX-07", Run: ttfbCheck},
		{ID: "P06-UX-08", Run: weightCheck},
		{ID: "P06-UX-09", Run: privacyCheck},
		{ID: "P06-UX-10", Run: pagejudge.OnProfile(contactCheck)},
	}
}
