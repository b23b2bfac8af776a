// Package identity holds the checks of the national SSO relying-party criteria (P06-AUTH-01 …
// P06-AUTH-10) and of login rate limiting (P06-SEC-19).
//
// The assisted checks drive the portal through the fake national SSO (harness/ssotest) the
// target is configured with, logging a citizen in once normally (the control) and once per
// misbehaviour of the fake, the way the OpenID Foundation's relying-party conformance tests do:
// a portal passes when it accepts the normal login and refuses every forged one. Without a fake
// they report not_tested.
//
// # What the vendor provides
//
//   - Target.SSO: the ssotest.Server the portal is configured to use as its identity provider.
//   - A way in: the profile's Login entry (discovered from a "Đăng nhập" link), from which the
//     browser follows redirects, links and GET forms labelled VNeID / "Đăng nhập" (POST forms
//     only with active checks), or the adapter's check.BeginLogin; and the callback: the browser
//     follows the SSO's redirect, or the adapter's check.CompleteLogin.
//   - Who is logged in: the adapter's check.WhoAmI. Without it the checks fetch the profile's
//     Home with the browser and look for a citizen's personal identification number, then full
//     name, on the page — ignoring what an anonymous visitor sees there too: portals that show
//     the logged-in citizen's name in their header need nothing more.
//   - P06-AUTH-08: check.Assurance (procedures reserved to level-2 accounts) and
//     check.Dossiers.StartDossier.
//   - P06-AUTH-09: check.Logout, or a profile Logout entry that a GET follows, or else the
//     "Đăng xuất" link a logged-in citizen sees on the home page.
//
// The fake's modes are chosen per login, so these checks do not change shared state and may run
// in parallel with others; each logs in as its own level-2 citizen, so that portals allowing one
// session per citizen do not see the checks end each other's sessions; P06-SEC-19 is active (it submits the portal's password login form) and
// runs only when active checks are enabled.
package identity
