package popdata

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/identity/rptest"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/scoring"
)

// The URL the browser lands on after the SSO's callback is a URL the portal sent it to: a token
// or the citizen's identification number there fails P06-POP-08 like anywhere else.
func TestPOP08LandingURL(t *testing.T) {
	sso := ssotest.NewServer()
	t.Cleanup(sso.Close)
	for _, tc := range []struct {
		name   string
		d      rptest.Defects
		status scoring.Status
		want   []string
	}{
		{"clean landing", rptest.Defects{}, scoring.Pass, []string{"logging in"}},
		{"token in the landing URL", rptest.Defects{TokenInLandingURL: true}, scoring.Fail, []string{"access_token", "the login redirect chain"}},
		{"identifier in the landing URL", rptest.Defects{IDInLandingURL: true}, scoring.Fail, []string{"a personal identification number", "soDinhDanh", "the login redirect chain"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rp := rptest.New(sso, tc.d)
			t.Cleanup(rp.Close)
			s, err := probe.NewSession(check.Target{BaseURL: rp.URL, Client: rp.Client(), Profile: rp.Profile(), SSO: sso}, check.Config{Lang: "en"})
			require.NoError(t, err)
			r := checkURLs(context.Background(), s)
			require.Equal(t, tc.status, r.Status, r.Message)
			for _, w := range tc.want {
				assert.Contains(t, r.Message, w)
			}
			for _, e := range r.Evidence {
				assert.False(t, strings.Contains(e.Request+e.Note+e.Excerpt, "eyJ"), "a token in the evidence: %+v", e)
			}
		})
	}
}
