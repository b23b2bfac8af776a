package headers

import (
	"context"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/identity/rptest"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/scoring"
)

// P06-SEC-11 judges the cookies the portal sets while a citizen logs in: the session cookie of a
// portal is usually set only then, so judging anonymous pages alone passes an insecure one.
func TestCookiesSetAtLogin(t *testing.T) {
	sso := ssotest.NewServer()
	t.Cleanup(sso.Close)
	for _, tc := range []struct {
		name   string
		d      rptest.Defects
		sso    *ssotest.Server
		status scoring.Status
		want   []string
	}{
		{"secure session cookie", rptest.Defects{}, sso, scoring.Pass, []string{"and the login", "rp_login", "rp_session"}},
		{"insecure session cookie set at login", rptest.Defects{InsecureSessionCookie: true}, sso, scoring.Fail,
			[]string{"rp_session (set at login by https://", "/signin-oidc): not Secure", "without HttpOnly", "no SameSite"}},
		// The SSO refuses a request without PKCE: no session cookie is ever set, and the
		// cookies seen are safe, so the criterion could not be judged.
		{"login fails", rptest.Defects{NoPKCE: true}, sso, scoring.Error, []string{"logging in failed", "were not seen"}},
		{"no way to log in", rptest.Defects{}, nil, scoring.Pass, []string{"no login: with Target.SSO or a Login adapter"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rp := rptest.New(sso, tc.d)
			t.Cleanup(rp.Close)
			target := check.Target{BaseURL: rp.URL, Client: rp.Client(), Profile: rp.Profile()}
			if tc.sso != nil {
				target.SSO = tc.sso
			}
			s, err := probe.NewSession(target, check.Config{Lang: "en"})
			if err != nil {
				t.Fatal(err)
			}
			r := checkCookies(context.Background(), s)
			if r.Status != tc.status {
				t.Fatalf("status %s, want %s: %s", r.Status, tc.status, r.Message)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.Message+" "+evidenceNotes(r), w) {
					t.Errorf("message %q (evidence %q) lacks %q", r.Message, evidenceNotes(r), w)
				}
			}
			if len(r.Evidence) == 0 {
				t.Error("no evidence")
			}
			for _, e := range r.Evidence {
				if strings.Contains(e.Request, "code=") || strings.Contains(e.Request, "state=") {
					t.Errorf("evidence carries the callback's secrets: %s", e.Request)
				}
			}
		})
	}
}

func evidenceNotes(r check.Result) string {
	var n []string
	for _, e := range r.Evidence {
		n = append(n, e.Note)
	}
	return strings.Join(n, " | ")
}
