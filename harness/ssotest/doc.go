// Package ssotest is a fake of the national SSO — the OpenID Connect provider of the national
// public service portal (Cổng Dịch vụ công Quốc gia, xacthuc.dichvucong.gov.vn) with VNeID
// accounts behind it — in the style of net/http/httptest. A portal under test is configured to
// use it as its identity provider; the harness's identity checks then log citizens in through it,
// making it misbehave on purpose to see whether the portal notices.
//
//	sso := ssotest.NewServer()
//	defer sso.Close()
//	portal := startMyPortal(Config{
//		Issuer:       sso.URL,                    // discovery at sso.URL + "/.well-known/openid-configuration"
//		ClientID:     ssotest.DefaultClientID,     // or sso.RegisterClient(id, secret, callbackURL)
//		ClientSecret: ssotest.DefaultClientSecret,
//		HTTPClient:   sso.Client(),                // trusts the fake's certificate (or sso.CertPool())
//	})
//	h := harness.New(t, harness.Target{BaseURL: portal.URL, Client: portal.Client(), SSO: sso})
//	h.Run()
//
// # Pointing a portal at the fake
//
// The issuer is [Server.URL] (https on 127.0.0.1 with a certificate of its own: give the portal
// [Server.Client], [Server.CertPool], [Server.TLSConfig] or [Server.CertificatePEM]). The
// endpoints are the national SSO's: [AuthorizePath], [TokenPath], [UserInfoPath], [JWKSPath],
// [LogoutPath], all listed in the discovery document at [DiscoveryPath]. The client
// [DefaultClientID] / [DefaultClientSecret] is accepted without registration with any redirect
// URI on a loopback host ("localhost" or a loopback IP address, parsed: "127.0.0.1.example.com"
// is not one; no user information, no fragment); [Server.RegisterClient] registers a client with exact redirect URIs.
//
// What the fake expects of a relying party is what the national SSO and OAuth 2.1 expect:
// the authorization-code flow (response_type=code) with scope openid, PKCE with S256 (required
// unless PKCEOptional), state and nonce (both required unless StateNonceOptional), client authentication at the token endpoint by
// client_secret_basic or client_secret_post, codes redeemed once within CodeTTL with the same
// redirect_uri. The code comes back in the query of the redirect (response_mode query; a
// response_mode parameter is recorded but not honoured). acr_values (LoA1, LoA2) is recorded; the ID token's acr says the level of the
// account that logged in, which may be lower than asked: the portal must check it.
//
// # Logging in
//
// The authorization endpoint sends the browser to the login page ([LoginPath]), which lists the
// accounts ([Server.People], by default [ident.DefaultPeople], level 1 and 2) and a misbehaviour
// selector: a person in a manual browser test clicks; code calls [Server.Authenticate] with the
// flow ID from the page's URL ([Server.FlowID]) and gets the callback URL to visit. The harness's
// browser does exactly that. For a vendor's own tests, [Server.SetAutoLogin] skips the page: every
// authorization request then logs the given citizen in at once, so any HTTP client with a cookie
// jar that follows redirects ends up logged in to the portal.
//
// Tokens: ID tokens are RS256, signed by the key in the JWKS ([Server.Rotate] rotates it); they
// carry iss, sub, aud, exp, iat, auth_time, nonce, acr, at_hash and the national SoDinhDanh,
// HoVaTen and loAs claims. The userinfo endpoint answers with the national claim names
// ([ClaimNames], [UserInfo]). The end-session endpoint records RP-initiated logouts
// ([Server.Logouts]).
//
// # Misbehaviour
//
// Each [Mode] makes one flow misbehave: invalid signature, alg none, unknown kid, wrong issuer,
// wrong audience, expired, issued in the future, nonce mismatch, state mismatch, replayable code,
// userinfo sub mismatch. A mode is chosen per login (the login form's mode field, the mode
// argument of Authenticate), so tests running in parallel against one server do not interfere;
// [Server.SetMode] sets a default for logins that name none.
//
// # What the harness checks with it
//
// With Target.SSO set, the identity criteria log citizens in through the fake, once normally and
// once per misbehaviour, and ask the portal who is logged in:
//
//   - P06-AUTH-01: the authorization request has response_type=code, scope openid, fresh state
//     and nonce, PKCE S256;
//   - P06-AUTH-02: the session is the citizen's, and userinfo of another citizen is not used;
//   - P06-AUTH-03 … 06: forged ID tokens (bad signature, alg none, unknown kid, wrong issuer or
//     audience, expired, issued in the future, foreign nonce) and callbacks with a foreign state
//     log nobody in;
//   - P06-AUTH-07: a callback replayed in another browser logs nobody in;
//   - P06-AUTH-08: procedures reserved to level 2 refuse a level-1 login (check.Assurance and
//     check.Dossiers);
//   - P06-AUTH-09: after logout the old session cookie logs nobody in.
//
// The harness starts at the profile's Login entry (or the adapter's check.BeginLogin) and
// follows redirects, links and forms to the fake's login page; it reads who is logged in from
// the adapter's check.WhoAmI, or else from the citizen's name or number on the portal's home
// page. Most portals need no adapter code for the identity criteria.
//
// # Audit log
//
// Every authorization flow is recorded as a [Flow]: the authorization request as the portal sent
// it (scope, state, nonce, PKCE, acr_values, redirect_uri), who logged in with which mode, every
// token request presenting the code (client authentication method, PKCE verifier, errors, code
// reuse) and the userinfo requests. Checks read it with [Server.Flow] and [Server.Flows].
//
// A Server is safe for concurrent use, starts in about a millisecond (its keys are
// pre-generated test keys: never trust them outside tests) and Close drains it.
package ssotest
