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
	"github.com/p06kit/p06kit/ident"
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

// startLoginEnv starts the portal with defects d and its fakes, closed when the test ends, and
// returns it with a context for the test's logins and the first account of the fake SSO.
func startLoginEnv(t *testing.T, d referenceportal.Defects) (*referenceportal.Env, context.Context, ident.Person) {
	t.Helper()
	env, err := referenceportal.StartEnv(d)
	require.NoError(t, err)
	t.Cleanup(env.Close)
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	t.Cleanup(cancel)
	return env, ctx, env.SSO.Accounts()[0]
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
	env, ctx, who := startLoginEnv(t, referenceportal.Defects{})
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

// forgedLogin logs a new browser in as who with the SSO misbehaving in mode, and returns the
// status of the portal's callback and whether the browser is then logged in.
func forgedLogin(t *testing.T, ctx context.Context, env *referenceportal.Env, who ident.Person, mode ssotest.Mode) (int, bool) {
	t.Helper()
	c := browser(t, env)
	noFollow := *c
	noFollow.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	get := func(cl *http.Client, u string) *http.Response {
		t.Helper()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		require.NoError(t, err)
		resp, err := cl.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp
	}
	auth, err := get(&noFollow, env.Server.URL+"/dang-nhap").Location()
	require.NoError(t, err)
	// The authorization endpoint sends the browser to the login page.
	page, err := get(&noFollow, auth.String()).Location()
	require.NoError(t, err)
	id, ok := env.SSO.FlowID(page)
	require.True(t, ok, "login page %s", page)
	cb, err := env.SSO.Authenticate(ctx, c, id, who, mode)
	require.NoError(t, err)
	status := get(&noFollow, cb.String()).StatusCode
	return status, get(c, env.Server.URL+"/api/toi").StatusCode == http.StatusOK
}

// forged are the ID token and userinfo misbehaviours of the fake SSO.
var forged = []ssotest.Mode{ssotest.BadSignature, ssotest.AlgNone, ssotest.UnknownKID, ssotest.WrongIssuer,
	ssotest.WrongAudience, ssotest.Expired, ssotest.IssuedInFuture, ssotest.NonceMismatch, ssotest.UserinfoSubMismatch}

// TestLoginRefusesForgedTokens: the reference portal refuses every forged login at the callback
// (the harness's identity checks judge the same through their login automation; this is the
// portal's own guard).
func TestLoginRefusesForgedTokens(t *testing.T) {
	env, ctx, who := startLoginEnv(t, referenceportal.Defects{})
	for _, mode := range forged {
		status, in := forgedLogin(t, ctx, env, who, mode)
		require.Equal(t, http.StatusUnauthorized, status, "callback with %s", mode.Describe())
		require.False(t, in, "logged in after %s", mode.Describe())
	}
}

// TestBrokenPortalAcceptsForgedTokens: the token defects are still expressible on go-oidc (its
// InsecureSkipSignatureCheck, SkipIssuerCheck, SkipClientIDCheck and SkipExpiryCheck, and the
// nonce comparison left out): the broken portal logs in with every forged ID token. Userinfo of
// another citizen is refused by no defect of the broken portal.
func TestBrokenPortalAcceptsForgedTokens(t *testing.T) {
	env, ctx, who := startLoginEnv(t, referenceportal.Broken())
	for _, mode := range forged {
		status, in := forgedLogin(t, ctx, env, who, mode)
		if mode == ssotest.UserinfoSubMismatch {
			require.Equal(t, http.StatusUnauthorized, status, "callback with %s", mode.Describe())
			continue
		}
		require.Equal(t, http.StatusFound, status, "callback with %s", mode.Describe())
		require.True(t, in, "not logged in after %s", mode.Describe())
	}
}
