package headers

import (
	"context"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/checktest"
	"github.com/p06kit/p06kit/harness/internal/identity/rptest"
	"github.com/p06kit/p06kit/scoring"
)

// P06-SEC-11 judges the cookies the portal sets while a citizen logs in: the session cookie of a
// portal is usually set only then, so judging anonymous pages alone passes an insecure one.
func TestCookiesSetAtLogin(t *testing.T) {
	sso := checktest.SSO(t)
	for _, tc := range []struct {
		checktest.Case
		noLogin bool
	}{
		{Case: checktest.Case{Name: "secure session cookie", Status: scoring.Pass, Want: []string{"and the login", "rp_login", "rp_session"}}},
		{Case: checktest.Case{Name: "insecure session cookie set at login", D: rptest.Defects{InsecureSessionCookie: true}, Status: scoring.Fail,
			Want: []string{"rp_session (set at login by https://", "/signin-oidc): not Secure", "without HttpOnly", "no SameSite"}}},
		// The SSO refuses a request without PKCE: no session cookie is ever set, and the
		// cookies seen are safe, so the criterion could not be judged.
		{Case: checktest.Case{Name: "login fails", D: rptest.Defects{NoPKCE: true}, Status: scoring.Error, Want: []string{"logging in failed", "were not seen"}}},
		{Case: checktest.Case{Name: "no way to log in", Status: scoring.Pass, Want: []string{"no login: with Target.SSO or a Login adapter"}}, noLogin: true},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			rp := checktest.RP(t, sso, tc.D)
			login := sso
			if tc.noLogin {
				login = nil
			}
			r := checkCookies(context.Background(), checktest.Session(t, checktest.RPTarget(rp, login), check.Config{Lang: "en"}))
			checktest.ExpectIn(t, r, r.Message+" "+checktest.EvidenceNotes(r), tc.Status, tc.Want...)
			if len(r.Evidence) == 0 {
				t.Error("no evidence")
			}
			atLogin := false
			for _, e := range r.Evidence {
				// The note of a cookie set at login, in both languages.
				atLogin = atLogin || strings.Contains(e.Note, "; set while logging in") && strings.Contains(e.NoteVI, "; được đặt khi đăng nhập")
				if strings.Contains(e.Request, "code=") || strings.Contains(e.Request, "state=") {
					t.Errorf("evidence carries the callback's secrets: %s", e.Request)
				}
			}
			if tc.Status == scoring.Fail && !atLogin {
				t.Errorf("no evidence notes the cookie set at login in English and Vietnamese: %s", checktest.EvidenceNotes(r))
			}
		})
	}
}
