package identity

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/scoring"
)

// P06-AUTH-09: logout ends the session on the server. After logging out, the browser is not
// logged in, and the session cookies it had before logging out — replayed in another browser —
// do not log anyone in either (OWASP ASVS 3.3.1): clearing the cookie in the browser is not
// enough.
func checkLogout(ctx context.Context, s *check.Session) check.Result {
	sso, err := fake(s)
	if err != nil {
		return fromErr("checking logout", err)
	}
	who, err := citizen(sso, slotLogout)
	if err != nil {
		return fromErr("checking logout", err)
	}
	lo, hasAdapter := s.Target().Portal.(check.Logout)
	prof, err := s.Profile(ctx)
	if err != nil {
		return fromErr("resolving the profile", err)
	}
	if !hasAdapter && prof.Logout == "" {
		return fromErr("checking logout", &check.NotImplementedError{Method: "Logout.Logout (or a profile Logout entry)"})
	}
	a, r := control(ctx, s, who)
	if r != nil {
		return *r
	}
	base := s.Base()
	saved := a.b.Client.Jar.Cookies(base)
	logoutsBefore := len(sso.Logouts())
	var ev []scoring.Evidence
	if hasAdapter {
		if err := lo.Logout(ctx, a.b); err != nil {
			return fromErr("logging out through the adapter", err)
		}
	} else {
		abs, err := s.Resolve(prof.Logout)
		if err != nil {
			return fromErr("logout entry", err)
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, abs, nil)
		if err != nil {
			return fromErr("logout entry", err)
		}
		resp, err := s.Fetch(ctx, a.b, req)
		if err != nil {
			return fromErr("following the logout entry", err)
		}
		ev = append(ev, resp.Evidence())
		if resp.StatusCode == http.StatusMethodNotAllowed {
			return fromErr("following the logout entry", fmt.Errorf("%s answers 405 to GET: logout needs a form post, which the harness does not guess: %w",
				check.Redact(abs), &check.NotImplementedError{Method: "Logout.Logout"}))
		}
	}
	if len(sso.Logouts()) > logoutsBefore {
		ev = append(ev, scoring.Evidence{Note: "the portal also ended the citizen's session at the national SSO (end-session endpoint)"})
	} else {
		ev = append(ev, scoring.Evidence{Note: "the portal did not call the national SSO's end-session endpoint"})
	}
	after, err := whoAmI(ctx, s, a.b)
	if err != nil {
		return fromErr("asking who is logged in after logout", err)
	}
	if after != "" {
		return check.Failf("after logout the browser is still logged in as %s", check.Redact(after)).
			VI("Sau khi đăng xuất trình duyệt vẫn đăng nhập với %s", check.Redact(after)).
			GotWant("still logged in", "no session after logout").With(ev...)
	}
	replay := s.NewBrowser()
	replay.Client.Jar.SetCookies(base, saved)
	// Cookies scoped to a path are returned by Cookies for base only when they apply to it; set
	// them for the home page too in case the portal scopes them there.
	if prof.Home != "" {
		if u, err := url.Parse(prof.Home); err == nil {
			replay.Client.Jar.SetCookies(base.ResolveReference(u), saved)
		}
	}
	again, err := whoAmI(ctx, s, replay)
	if err != nil {
		return fromErr("replaying the pre-logout cookies", err)
	}
	ev = append(ev, scoring.Evidence{Note: fmt.Sprintf("%d cookie(s) from before logout replayed in a new browser: logged in as %s", len(saved), orNone(again))})
	if again != "" {
		return check.Failf("the session cookie from before logout still logs in as %s: logout cleared the cookie in the browser but did not end the session on the server", check.Redact(again)).
			VI("Cookie phiên từ trước khi đăng xuất vẫn đăng nhập được với %s: đăng xuất chỉ xóa cookie ở trình duyệt, không hủy phiên trên máy chủ", check.Redact(again)).
			GotWant("the old session cookie is still valid", "the session is invalidated on the server").With(ev...)
	}
	return check.Passf("logout ends the session on the server: the pre-logout session cookie no longer logs in").
		VI("Đăng xuất hủy phiên trên máy chủ: cookie phiên cũ không còn đăng nhập được").With(ev...)
}
