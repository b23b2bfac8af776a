package identity

import (
	"context"
	"net/http"
	"net/url"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// P06-AUTH-09: logout ends the session on the server. After logging out, the browser is not
// logged in, and the session cookies it had before logging out — replayed in another browser —
// do not log anyone in either (OWASP ASVS 3.3.1): clearing the cookie in the browser is not
// enough.
func checkLogout(ctx context.Context, s *check.Session) check.Result {
	sso, err := fake(s)
	if err != nil {
		return fromErr(msg.P(mStepLogout), err)
	}
	who, err := citizen(sso, slotLogout)
	if err != nil {
		return fromErr(msg.P(mStepLogout), err)
	}
	lo, hasAdapter := s.Target().Portal.(check.Logout)
	prof, err := s.Profile(ctx)
	if err != nil {
		return fromErr(msg.P(mStepProfile), err)
	}
	a, r := control(ctx, s, who)
	if r != nil {
		return *r
	}
	logoutRef := prof.Logout
	if !hasAdapter && logoutRef == "" {
		// The logout link shows only to a logged-in citizen, so discovery (which crawls
		// anonymously) cannot find it: look for it now, as the citizen would.
		logoutRef = findLogoutLink(ctx, s, a.b, prof.Home)
		if logoutRef == "" {
			return fromErr(msg.P(mStepLogout), &check.NotImplementedError{
				Method: `Logout.Logout (or a profile Logout entry: no "Đăng xuất" link on the home page of a logged-in citizen)`})
		}
	}
	base := s.Base()
	saved := a.b.Client.Jar.Cookies(base)
	logoutsBefore := len(sso.Logouts())
	var ev []scoring.Evidence
	if hasAdapter {
		if err := lo.Logout(ctx, a.b); err != nil {
			return fromErr(msg.P(mStepLogoutAdapter), err)
		}
	} else {
		abs, err := s.Resolve(logoutRef)
		if err != nil {
			return fromErr(msg.P(mStepLogoutEntry), err)
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, abs, nil)
		if err != nil {
			return fromErr(msg.P(mStepLogoutEntry), err)
		}
		resp, err := s.Fetch(ctx, a.b, req)
		if err != nil {
			return fromErr(msg.P(mStepFollowLogout), err)
		}
		ev = append(ev, resp.Evidence())
		if resp.StatusCode == http.StatusMethodNotAllowed {
			return fromErr(msg.P(mStepFollowLogout), msg.Error(mErrLogout405,
				check.Redact(abs), &check.NotImplementedError{Method: "Logout.Logout"}))
		}
	}
	if len(sso.Logouts()) > logoutsBefore {
		ev = append(ev, scoring.Evidence{}.Noted(mNoteEndSession))
	} else {
		ev = append(ev, scoring.Evidence{}.Noted(mNoteNoEndSession))
	}
	after, err := whoAmI(ctx, s, a.b)
	if err != nil {
		return fromErr(msg.P(mStepAskAfterLogout), err)
	}
	if after != "" {
		return check.Fail(mLogoutStill, check.Redact(after)).
			Saw(msg.P(mLogoutStillGot), msg.P(mLogoutStillWant)).With(ev...)
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
		return fromErr(msg.P(mStepReplayCookies), err)
	}
	ev = append(ev, scoring.Evidence{}.Noted(mNoteLogoutReplay, len(saved), whom(again)))
	if again != "" {
		return check.Fail(mLogoutReplay, check.Redact(again)).
			Saw(msg.P(mLogoutReplayGot), msg.P(mLogoutReplayWant)).With(ev...)
	}
	return check.Pass(mLogoutPass).With(ev...)
}

// findLogoutLink returns the same-host link labelled "Đăng xuất" / "Thoát" / "Logout" on the home
// page as browser b sees it, or "".
func findLogoutLink(ctx context.Context, s *check.Session, b *check.Browser, home string) string {
	if home == "" {
		home = s.Base().String()
	}
	abs, err := s.Resolve(home)
	if err != nil {
		return ""
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, abs, nil)
	if err != nil {
		return ""
	}
	resp, err := s.Fetch(ctx, b, req)
	if err != nil {
		return ""
	}
	doc, err := resp.HTML()
	if err != nil {
		return ""
	}
	for _, l := range htmlx.Links(doc, resp.FinalURL) {
		text := l.Folded("title", "aria-label")
		if !htmlx.FoldedContains(text, "dang xuat") && !htmlx.FoldedContains(text, "thoat") &&
			!htmlx.FoldedContains(text, "logout") && !htmlx.FoldedContains(text, "log out") && !htmlx.FoldedContains(text, "sign out") {
			continue
		}
		if l.OnHost(s.Base().Hostname()) {
			return l.URL.String()
		}
	}
	return ""
}
