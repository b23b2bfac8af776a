// Package headers holds the security-header and cookie checks of the security group: HSTS
// (P06-SEC-06), Content-Security-Policy (P06-SEC-07), framing (P06-SEC-08), nosniff
// (P06-SEC-09), Referrer-Policy (P06-SEC-10), cookies (P06-SEC-11), version banners
// (P06-SEC-12) and CORS with credentials (P06-SEC-18).
//
//	p, err := headers.ParseCSP("default-src 'self'; script-src 'self' 'nonce-r4nd' 'unsafe-inline'")
//	if err == nil {
//		fmt.Println(p.Scripts(true).Problems) // [] — the nonce neutralises 'unsafe-inline'
//	}
//
// # Pages
//
// Each check judges the pages a citizen sees: the home page, the login entry and up to three
// procedure pages of the resolved profile (configured or discovered), and fails when any of them
// fails, naming each failing page and what it sent. Responses are the session's shared, bounded
// fetches. A login entry that redirects to another host (the national SSO) is not judged, and the
// message says so: that page is not the portal's. Cookies set by the redirect responses that lead
// to a page (a login entry that sets its session cookie, then redirects) are judged too.
//
// # Agreement with the HTTP Observatory
//
// Where a criterion overlaps the MDN HTTP Observatory, the verdict follows the Observatory's
// rules (its analyzer/tests/*.js): HSTS max-age ≥ 15552000 on the first header, a comma or a
// missing max-age being invalid; CSP script-src falling back to default-src, 'unsafe-inline'
// neutralised by a nonce or hash, 'strict-dynamic' with a nonce ignoring host sources, broad
// sources (*, https:, data:) and 'unsafe-eval' failing, http: allowed only for images and media;
// nosniff on the first header; Referrer-Policy private (last valid token of the headers and the
// meta tag wins). Each check judges its criterion's requirement as written, so where the
// requirement says more, the check is stricter, and its message says why: X-Frame-Options
// ALLOW-FROM and frame-ancestors * fail (browsers ignore ALLOW-FROM; * frames from anywhere);
// cookies need SameSite; Access-Control-Allow-Origin: * with credentials fails; a missing
// Referrer-Policy fails (P06-SEC-10 requires the portal to set one; the Observatory passes its
// absence). Where the requirement says less, the check is more lenient: P06-SEC-07 names the
// script policy only, so a broad object-src, 'unsafe-eval' in style-src, insecure sources
// outside scripts and 'strict-dynamic' without a nonce are reported in the page's note, not
// failed (the Observatory fails them; [ScriptVerdict.Beyond]). Where the Observatory departs from what browsers do, the check follows the
// browsers: an HSTS max-age that is not a number is invalid (the Observatory's parseInt passes
// it), commas separate CSP policies (CSP3 §3.1), and frame-ancestors counts only from the header
// (CSP3 §6.4.2). .ci/interop-results.md records the comparisons, on real servers and case by case
// over a corpus judged by the Observatory's own test functions.
//
// # Session cookies
//
// A cookie is treated as a session cookie (and must be HttpOnly) when its name says so (sess,
// sid, login, auth, token, jwt, remember, …, including the Observatory's "sess" and "login") or
// when it lives only for the browser session (no Expires or Max-Age) and holds an opaque value
// of 16 or more characters.
package headers
