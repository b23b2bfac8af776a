package popdata

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/checktest"
	"github.com/p06kit/p06kit/harness/internal/identity/rptest"
	"github.com/p06kit/p06kit/scoring"
)

// The URL the browser lands on after the SSO's callback is a URL the portal sent it to: a token
// or the citizen's identification number there fails P06-POP-08 like anywhere else.
func TestPOP08LandingURL(t *testing.T) {
	sso := checktest.SSO(t)
	for _, tc := range []checktest.Case{
		{Name: "clean landing", Status: scoring.Pass, Want: []string{"logging in"}},
		{Name: "token in the landing URL", D: rptest.Defects{TokenInLandingURL: true}, Status: scoring.Fail, Want: []string{"access_token", "the login redirect chain"}},
		{Name: "identifier in the landing URL", D: rptest.Defects{IDInLandingURL: true}, Status: scoring.Fail, Want: []string{"a personal identification number", "soDinhDanh", "the login redirect chain"}},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			rp := checktest.RP(t, sso, tc.D)
			r := checkURLs(context.Background(), checktest.Session(t, checktest.RPTarget(rp, sso), check.Config{Lang: "en"}))
			checktest.Expect(t, r, tc.Status, tc.Want...)
			for _, e := range r.Evidence {
				assert.False(t, strings.Contains(e.Request+e.Note+e.Excerpt, "eyJ"), "a token in the evidence: %+v", e)
			}
		})
	}
}
