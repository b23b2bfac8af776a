package popdata

import (
	"testing"

	"github.com/p06kit/p06kit/harness/check"
)

// NewFixtureTarget starts the compliant fixture portal with its fake gateway and returns the
// target a vendor would assess, for the external tests.
func NewFixtureTarget(t *testing.T) check.Target {
	f := newFixture(t, defects{})
	return check.Target{BaseURL: f.srv.URL, Portal: adapter{base: f.srv.URL}, PopDB: f.gw}
}
