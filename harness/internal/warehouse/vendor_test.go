package warehouse_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/internal/signature/fakeportal"
	"github.com/p06kit/p06kit/scoring"
)

var families = harness.Only("signature", "data-warehouse")

// TestVendorSuite is what a vendor writes: the signature and warehouse criteria run as named
// subtests (TestVendorSuite/signature/P06-SIG-01, …) and pass against a correct portal.
func TestVendorSuite(t *testing.T) {
	pki := testPKI(t)
	portal := fakeportal.New(pki, fakeportal.Defects{})
	defer portal.Close()
	target := harness.Target{BaseURL: portal.URL, Client: portal.Client(), Portal: portal.Adapter(), PKI: pki}
	report := harness.New(t, target, families, harness.Active()).Run()
	require.NotNil(t, report)
	harness.AssertPass(t, report, "P06-SIG-01", "P06-SIG-02", "P06-SIG-03", "P06-WH-01", "P06-WH-02", "P06-WH-03", "P06-WH-04")
}

// A broken portal, assessed outside go test: the failures are data in the report, and each
// message names what the portal did.
func TestBrokenPortalReport(t *testing.T) {
	pki := testPKI(t)
	portal := fakeportal.New(pki, fakeportal.Defects{AcceptTampered: true, IDORByURL: true})
	defer portal.Close()
	target := harness.Target{BaseURL: portal.URL, Client: portal.Client(), Portal: portal.Adapter(), PKI: pki}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	report, err := harness.Check(ctx, target, families, harness.Active(), harness.Lang("en"))
	require.NoError(t, err)
	got := map[string]scoring.Finding{}
	for _, f := range report.Findings {
		got[f.Criterion] = f
	}
	assert.Equal(t, scoring.Fail, got["P06-SIG-03"].Status)
	assert.Contains(t, got["P06-SIG-03"].Message, "tampered document: ACCEPTED as dossier")
	assert.Equal(t, scoring.Fail, got["P06-WH-04"].Status)
	assert.Contains(t, got["P06-WH-04"].Message, "read it by its URL")
	for _, id := range []string{"P06-SIG-01", "P06-SIG-02", "P06-WH-01", "P06-WH-02", "P06-WH-03"} {
		assert.Equal(t, scoring.Pass, got[id].Status, "%s: %s", id, got[id].Message)
	}
}

// Without active checks enabled nothing is submitted: the findings say so.
func TestPassiveRunSubmitsNothing(t *testing.T) {
	pki := testPKI(t)
	portal := fakeportal.New(pki, fakeportal.Defects{})
	defer portal.Close()
	target := harness.Target{BaseURL: portal.URL, Client: portal.Client(), Portal: portal.Adapter(), PKI: pki}
	report, err := harness.Check(context.Background(), target, families)
	require.NoError(t, err)
	for _, f := range report.Findings {
		if f.Criterion == "P06-WH-05" {
			continue
		}
		assert.Equal(t, scoring.NotTested, f.Status, "%s: %s", f.Criterion, f.Message)
	}
}
