package referenceportal_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/cookiejar"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/examples/referenceportal"
	"github.com/p06kit/p06kit/harness/ssotest"
)

// browser is an HTTP client with cookies that trusts the portal and the fake SSO.
func browser(t *testing.T, env *referenceportal.Env) *http.Client {
	t.Helper()
	pool := env.Server.CertPool().Clone()
	pool.AddCert(env.SSO.Certificate())
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig.RootCAs = pool
	return &http.Client{Transport: tr, Jar: jar, Timeout: time.Minute}
}

// login logs the browser in through the portal and the SSO (on auto-login) and returns who the
// portal says is logged in.
func login(t *testing.T, ctx context.Context, c *http.Client, env *referenceportal.Env) string {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, env.Server.URL+"/dang-nhap", nil)
	require.NoError(t, err)
	resp, err := c.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, "the login ends on the portal's home page")
	req, err = http.NewRequestWithContext(ctx, http.MethodGet, env.Server.URL+"/api/toi", nil)
	require.NoError(t, err)
	resp, err = c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, "logged in")
	var me struct{ SoDinhDanh string }
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&me))
	return me.SoDinhDanh
}

// TestLoginThroughTheLibraries: a login completes on go-oidc and x/oauth2 with PKCE and the
// client secret in the Authorization header (one redemption per code: the library's
// auto-detection would retry a refused code with the secret in the body), and after the SSO
// rotates its signing key the portal fetches the JWKS again and the next login succeeds.
func TestLoginThroughTheLibraries(t *testing.T) {
	env, err := referenceportal.StartEnv(referenceportal.Defects{})
	require.NoError(t, err)
	defer env.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	who := env.SSO.Accounts()[0]
	env.SSO.SetAutoLogin(&who)

	require.Equal(t, who.ID, login(t, ctx, browser(t, env), env))
	flows := env.SSO.Flows()
	require.Len(t, flows, 1)
	f := flows[0]
	require.Equal(t, "S256", f.Request.CodeChallengeMethod)
	require.NotEmpty(t, f.Request.Nonce)
	require.Equal(t, "openid profile", f.Request.Scope)
	require.Equal(t, "LoA1", f.Request.ACRValues)
	require.Len(t, f.Redemptions, 1)
	require.Equal(t, "client_secret_basic", f.Redemptions[0].AuthMethod)
	require.True(t, f.Redemptions[0].CodeVerifier)
	require.Empty(t, f.Redemptions[0].Error)
	require.Equal(t, 1, f.UserInfo)

	kid := env.SSO.Rotate()
	require.Equal(t, who.ID, login(t, ctx, browser(t, env), env), "login after the SSO rotated its key to %s", kid)
}

// TestLoginRefusesForgedTokens: the modes of the fake SSO that the reference portal must refuse
// are refused at the callback (the harness's identity checks judge the same through its login
// automation; this is the portal's own guard).
func TestLoginRefusesForgedTokens(t *testing.T) {
	env, err := referenceportal.StartEnv(referenceportal.Defects{})
	require.NoError(t, err)
	defer env.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	who := env.SSO.Accounts()[0]
	for _, mode := range []ssotest.Mode{ssotest.BadSignature, ssotest.AlgNone, ssotest.UnknownKID, ssotest.WrongIssuer,
		ssotest.WrongAudience, ssotest.Expired, ssotest.IssuedInFuture, ssotest.NonceMismatch, ssotest.UserinfoSubMismatch} {
		t.Run(mode.String(), func(t *testing.T) {
			c := browser(t, env)
			noFollow := *c
			noFollow.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, env.Server.URL+"/dang-nhap", nil)
			require.NoError(t, err)
			resp, err := noFollow.Do(req)
			require.NoError(t, err)
			resp.Body.Close()
			auth, err := resp.Location()
			require.NoError(t, err)
			// The authorization endpoint sends the browser to the login page.
			req, err = http.NewRequestWithContext(ctx, http.MethodGet, auth.String(), nil)
			require.NoError(t, err)
			resp, err = noFollow.Do(req)
			require.NoError(t, err)
			resp.Body.Close()
			page, err := resp.Location()
			require.NoError(t, err)
			id, ok := env.SSO.FlowID(page)
			require.True(t, ok, "login page %s", page)
			cb, err := env.SSO.Authenticate(ctx, c, id, who, mode)
			require.NoError(t, err)
			req, err = http.NewRequestWithContext(ctx, http.MethodGet, cb.String(), nil)
			require.NoError(t, err)
			resp, err = noFollow.Do(req)
			require.NoError(t, err)
			resp.Body.Close()
			require.Equal(t, http.StatusUnauthorized, resp.StatusCode, "callback with %s", mode.Describe())
			req, err = http.NewRequestWithContext(ctx, http.MethodGet, env.Server.URL+"/api/toi", nil)
			require.NoError(t, err)
			resp, err = c.Do(req)
			require.NoError(t, err)
			resp.Body.Close()
			require.Equal(t, http.StatusUnauthorized, resp.StatusCode, "not logged in after %s", mode.Describe())
		})
	}
}
