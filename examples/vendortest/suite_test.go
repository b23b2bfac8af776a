package vendortest

import (
	"testing"
	"time"

	"github.com/stretchr/testify/suite"

	"github.com/p06kit/p06kit/examples/referenceportal"
	"github.com/p06kit/p06kit/harness"
)

// PortalSuite runs the assessment group by group inside a testify suite: the portal and the
// fakes start once, in SetupSuite, and every method assesses one family with its own gate.
type PortalSuite struct {
	suite.Suite
	fx *fixture
}

func (s *PortalSuite) SetupSuite()    { s.fx = startFixture(s.T()) }
func (s *PortalSuite) TearDownSuite() { s.fx.Close() }

// TestNationalSSO: the OpenID Connect relying-party checks against the fake national SSO.
func (s *PortalSuite) TestNationalSSO() {
	r := harness.New(s.T(), s.fx.target(""), harness.Only("identity")).Run()
	harness.RequireNoCriticalFailure(s.T(), r)
	harness.AssertGroupScore(s.T(), r, "identity", 100)
}

// TestPopulationDatabase: look-ups, pre-filling and the security of the gateway link, with
// the evidence for the connection conditions of Circular 46/2022/TT-BCA.
func (s *PortalSuite) TestPopulationDatabase() {
	evidence, err := referenceportal.WriteEvidence(s.T().TempDir(), time.Now())
	s.Require().NoError(err)
	r := harness.New(s.T(), s.fx.target(evidence), harness.Only("population-data"), harness.Active()).Run()
	harness.AssertGroupScore(s.T(), r, "population-data", 100)
}

func TestPortalSuite(t *testing.T) { suite.Run(t, new(PortalSuite)) }
