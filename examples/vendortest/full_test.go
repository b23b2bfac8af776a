package vendortest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/examples/referenceportal"
	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/scoring"
)

// TestPortal is the full assessment a vendor runs in CI before every release.
func TestPortal(t *testing.T) {
	fx := startFixture(t)
	defer fx.Close()

	// Evidence for the attested criteria (security level, monitoring, testing, …).
	evidence, err := referenceportal.WriteEvidence(t.TempDir(), time.Now())
	require.NoError(t, err)

	// Every check: one subtest per criterion, named group/ID
	// (go test -run 'TestPortal/population-data/').
	report := harness.New(t, fx.target(evidence),
		harness.Active(), // our own test portal: submissions and rate-limit probes are fine
		harness.Waivers(scoring.Waiver{Criterion: "P06-UX-07", Reason: "load test environment pending",
			ApprovedBy: "Trưởng phòng CNTT", Expires: time.Now().AddDate(0, 1, 0).Format(time.DateOnly)}),
	).Run()

	// Reports for CI: JUnit for the test dashboard, SARIF for code scanning, HTML for people.
	writeReports(t, report)

	// Release gates.
	harness.RequireNoCriticalFailure(t, report)
	harness.RequireCompliant(t, report)
	harness.AssertMinScore(t, report, 90)
	harness.AssertGroupScore(t, report, "security", 100)
	harness.AssertPass(t, report, "P06-AUTH-03", "P06-POP-04", "P06-SIG-03", "P06-WH-04")
}

// fixture is the portal under test wired to fakes of the national services.
type fixture struct {
	sso     *ssotest.Server
	popdb   *popdbtest.Server
	pki     *signtest.PKI
	srv     *referenceportal.Server
	officer string
}

// startFixture starts the fakes on loopback and the portal, configured exactly as in production
// but pointed at the fakes.
func startFixture(t require.TestingT) *fixture {
	fx := &fixture{
		sso:     ssotest.NewServer(),   // the national SSO (DVCQG / VNeID), OpenID Connect
		popdb:   popdbtest.NewServer(), // the population database behind the integration gateway
		officer: "officer-token-for-tests",
	}
	var err error
	fx.pki, err = signtest.NewPKI() // a test CA with the agency's certificate and a trust list
	require.NoError(t, err)
	pki := fx.pki
	fx.srv, err = referenceportal.Start(referenceportal.Config{
		SSO: referenceportal.SSOConfig{Issuer: fx.sso.URL, ClientID: ssotest.DefaultClientID,
			ClientSecret: ssotest.DefaultClientSecret, Roots: fx.sso.CertPool()},
		PopDB: referenceportal.PopDBConfig{URL: fx.popdb.Endpoint(), Roots: fx.popdb.CertPool(),
			Username: fx.popdb.Credentials.Username, Secret: fx.popdb.Credentials.Secret,
			APIKey: fx.popdb.Credentials.APIKey, Client: fx.popdb.Credentials.Client,
			Officer: "001085000001", Unit: "H99.01"},
		Signer: referenceportal.Signer{
			Sign: func(data []byte) ([]byte, error) {
				return pki.Sign(data, pki.Agency(), signtest.SignOptions{Detached: true})
			},
			Verify: func(data, sig []byte) (string, error) {
				s, err := pki.Verify(data, sig)
				if err != nil {
					return "", fmt.Errorf("%s", signtest.Reason(err).Render(msg.VI))
				}
				return s.Subject, nil
			},
		},
		OfficerToken: fx.officer,
	})
	require.NoError(t, err)
	return fx
}

// target tells the harness where the portal is, how to drive it and which fakes it uses.
func (fx *fixture) target(evidence string) harness.Target {
	return harness.Target{
		BaseURL:  fx.srv.URL,
		Client:   fx.srv.Client(),
		Profile:  &harness.Profile{PlainHTTP: fx.srv.PlainURL, SampleDossier: referenceportal.SampleDossier, Logout: "/dang-xuat"},
		Portal:   &referenceportal.Adapter{BaseURL: fx.srv.URL, OfficerToken: fx.officer, Officer: fx.srv.Client()},
		SSO:      fx.sso,
		PopDB:    fx.popdb,
		PKI:      fx.pki,
		Evidence: evidence,
	}
}

func (fx *fixture) Close() {
	fx.srv.Close()
	fx.popdb.Close()
	fx.sso.Close()
}

// writeReports writes the report where CI picks it up ($P06_REPORTS), or into a temporary dir.
func writeReports(t *testing.T, r *scoring.Report) {
	t.Helper()
	dir := os.Getenv("P06_REPORTS")
	if dir == "" {
		dir = t.TempDir()
	}
	for _, f := range []report.Format{report.JSON, report.JUnit, report.SARIF, report.HTML} {
		path := filepath.Join(dir, "p06."+string(f))
		require.NoError(t, report.WriteFile(path, f, r, report.Options{Lang: "vi"}))
	}
}
