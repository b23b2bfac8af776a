package popdata_test

import (
	"testing"

	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/internal/popdata"
)

// TestVendorSuite is what a vendor's test looks like for a portal that uses popdbtest: the
// population-data criteria run as named subtests (TestVendorSuite/population-data/P06-POP-01 …)
// and pass.
func TestVendorSuite(t *testing.T) {
	target := popdata.NewFixtureTarget(t)
	report := harness.New(t, target, harness.Only("population-data")).Run()
	harness.RequirePass(t, report, "P06-POP-01", "P06-POP-02", "P06-POP-03", "P06-POP-04",
		"P06-POP-05", "P06-POP-06", "P06-POP-07", "P06-POP-08")
}
