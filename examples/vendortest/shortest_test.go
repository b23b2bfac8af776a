package vendortest

import (
	"testing"

	"github.com/p06kit/p06kit/examples/referenceportal"
	"github.com/p06kit/p06kit/harness"
)

// TestPortalBlackBox runs every black-box check against the portal: TLS, headers, leakage,
// accessibility, experience, online-service provision. Assisted checks report not_tested (they
// need the fakes and the adapter: see full_test.go) and skip.
func TestPortalBlackBox(t *testing.T) {
	srv, err := referenceportal.Start(referenceportal.Config{}) // your portal, on loopback
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()

	harness.New(t, harness.Target{BaseURL: srv.URL, Client: srv.Client()}).Run()
}
