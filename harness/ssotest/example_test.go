package ssotest_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"

	"github.com/p06kit/p06kit/harness/ssotest"
)

// The whole authorization-code flow against the fake, as a portal and a browser would run it.
// In a vendor's test the portal's own OpenID Connect client does the portal's part; the harness
// does the browser's.
func Example() {
	sso := ssotest.NewServer()
	defer sso.Close()
	client := sso.Client() // trusts the fake's certificate
	callback := "https://127.0.0.1:8443/signin-oidc"

	// Portal: send the browser to the authorization endpoint with state, nonce and PKCE.
	verifier := "a-random-verifier-of-at-least-43-characters-long"
	sum := sha256.Sum256([]byte(verifier))
	authorize := sso.URL + ssotest.AuthorizePath + "?" + url.Values{
		"response_type": {"code"}, "client_id": {ssotest.DefaultClientID}, "redirect_uri": {callback},
		"scope": {"openid"}, "state": {"s1"}, "nonce": {"n1"}, "acr_values": {"LoA1"},
		"code_challenge": {base64.RawURLEncoding.EncodeToString(sum[:])}, "code_challenge_method": {"S256"},
	}.Encode()

	// Browser: land on the login page and log in as a level-2 citizen.
	resp, _ := client.Get(authorize)
	resp.Body.Close()
	flow, _ := sso.FlowID(resp.Request.URL)
	citizen, _ := sso.AccountWithLevel(2)
	back, _ := sso.Authenticate(context.Background(), client, flow, citizen, ssotest.Normal)
	fmt.Println("state:", back.Query().Get("state"))

	// Portal: redeem the code (client_secret_basic) and read userinfo.
	form := url.Values{"grant_type": {"authorization_code"}, "code": {back.Query().Get("code")},
		"redirect_uri": {callback}, "code_verifier": {verifier}}
	req, _ := http.NewRequest(http.MethodPost, sso.URL+ssotest.TokenPath, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(ssotest.DefaultClientID, ssotest.DefaultClientSecret)
	resp, _ = client.Do(req)
	var tok struct{ AccessToken, IDToken string }
	var raw map[string]string
	_ = json.NewDecoder(resp.Body).Decode(&raw)
	resp.Body.Close()
	tok.AccessToken, tok.IDToken = raw["access_token"], raw["id_token"]

	req, _ = http.NewRequest(http.MethodGet, sso.URL+ssotest.UserInfoPath, nil)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	resp, _ = client.Do(req)
	var info map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&info)
	resp.Body.Close()
	fmt.Println("same citizen:", info["SoDinhDanh"] == citizen.ID, "loAs:", info["loAs"])

	// The audit log shows what the portal did.
	f, _ := sso.Flow(flow)
	fmt.Println("PKCE:", f.Request.CodeChallengeMethod, "client auth:", f.Redemptions[0].AuthMethod)
	// Output:
	// state: s1
	// same citizen: true loAs: [LoA1 LoA2]
	// PKCE: S256 client auth: client_secret_basic
}

// In a vendor's own test, auto-login makes any client that follows redirects arrive at the
// portal's callback with a code for the chosen citizen, without the login page.
func ExampleServer_SetAutoLogin() {
	sso := ssotest.NewServer()
	defer sso.Close()
	citizen, _ := sso.AccountWithLevel(1)
	sso.SetAutoLogin(&citizen)

	// The portal's callback (a stand-in here).
	portal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "code received: %v, state %s", r.URL.Query().Get("code") != "", r.URL.Query().Get("state"))
	}))
	defer portal.Close()

	authorize := sso.URL + ssotest.AuthorizePath + "?" + url.Values{
		"response_type": {"code"}, "client_id": {ssotest.DefaultClientID}, "redirect_uri": {portal.URL + "/signin-oidc"},
		"scope": {"openid"}, "state": {"s1"}, "nonce": {"n1"},
		"code_challenge": {strings.Repeat("A", 43)}, "code_challenge_method": {"S256"},
	}.Encode()
	resp, err := sso.Client().Get(authorize) // follows the SSO's redirect to the portal
	if err != nil {
		fmt.Println(err)
		return
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(string(body))
	// Output: code received: true, state s1
}
