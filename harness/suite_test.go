package harness_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/suite"

	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/scoring"
)

// PortalSuite shows the harness inside a testify suite: the portal (and, in a real suite, the
// fakes of the national services it is pointed at) start once in SetupSuite and are shared by
// every test method; each method runs the harness with its own selection.
type PortalSuite struct {
	suite.Suite
	portal *httptest.Server
	sso    *ssotest.Server
	popdb  *popdbtest.Server
}

func (s *PortalSuite) SetupSuite() {
	// The fakes of the national services start once; a real portal under test would be
	// configured with their URLs (its OIDC issuer, its population-database gateway).
	s.sso = ssotest.NewServer()
	s.popdb = popdbtest.NewServer()
	s.portal = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		_, _ = w.Write([]byte(`<!doctype html><html lang="vi"><head><title>Cổng DVC</title></head><body></body></html>`))
	}))
}

func (s *PortalSuite) TearDownSuite() {
	s.portal.Close()
	s.sso.Close()
	s.popdb.Close()
}

func (s *PortalSuite) target() harness.Target {
	return harness.Target{BaseURL: s.portal.URL, Client: s.portal.Client(), SSO: s.sso, PopDB: s.popdb}
}

// nosniff is a custom check, so that this example does not depend on the built-in checks.
var nosniff = check.Check{ID: "P06-SEC-09", Run: func(ctx context.Context, sess *check.Session) check.Result {
	resp, err := sess.Get(ctx, "/")
	if err != nil {
		return check.FromError("fetching the home page", err)
	}
	if resp.Header.Get("X-Content-Type-Options") == "nosniff" {
		return check.Passf("X-Content-Type-Options: nosniff").At(resp.URL)
	}
	return check.Failf("X-Content-Type-Options is %q", resp.Header.Get("X-Content-Type-Options")).At(resp.URL)
}}

func (s *PortalSuite) TestSecurityHeaders() {
	// s.T() is a *testing.T: the harness runs its subtests under this method's test, e.g.
	// TestPortalSuite/TestSecurityHeaders/security/P06-SEC-09.
	r := harness.New(s.T(), s.target(), harness.Only("P06-SEC-09"), harness.Checks(nosniff)).Run()
	s.Require().NotNil(r)
	harness.AssertPass(s.T(), r, "P06-SEC-09")
}

func (s *PortalSuite) TestReportWithoutSubtests() {
	// harness.Check suits a suite method that only wants the report.
	r, err := harness.Check(s.T().Context(), s.target(), harness.Only("P06-SEC-09"), harness.Checks(nosniff))
	s.Require().NoError(err)
	s.Equal(scoring.Pass, findingOf(r, "P06-SEC-09").Status)
}

func findingOf(r *scoring.Report, id string) scoring.Finding {
	for _, f := range r.Findings {
		if f.Criterion == id {
			return f
		}
	}
	return scoring.Finding{}
}

func TestPortalSuite(t *testing.T) { suite.Run(t, new(PortalSuite)) }
