package identity

import (
	"strings"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/checktest"
	"github.com/p06kit/p06kit/harness/internal/identity/rptest"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// P06-SEC-19 passes only on evidence of limiting: whatever stops the run after the first attempt
// (the request budget, a deadline, a form that is gone without a message) is an error with its
// cause, and a form posting elsewhere is never submitted.
func TestLoginRateLimitEarnsItsVerdict(t *testing.T) {
	sso := checktest.SSO(t)
	for _, tc := range []struct {
		checktest.Case
		cfg     check.Config
		posts   int // failed logins the portal saw, -1 for any
		evident string
		says    msg.Text // the finding's catalogue message, when it is the family's
	}{
		{Case: checktest.Case{Name: "budget exhausted on an unlimited portal", D: rptest.Defects{PasswordLogin: true},
			Status: scoring.Error, Want: []string{"request budget", "without any sign of limiting"}}, cfg: check.Config{MaxRequests: 9}, posts: -1},
		{Case: checktest.Case{Name: "form gone without a message", D: rptest.Defects{PasswordLogin: true, FormGoneAfter: 3},
			Status: scoring.Error, Want: []string{"login form is gone", "wrong password 4 of 10"}}, posts: 3},
		{Case: checktest.Case{Name: "form replaced by a lockout message", D: rptest.Defects{PasswordLogin: true, LockoutPageAfter: 3},
			Status: scoring.Pass, Want: []string{"after 3 failed logins the login form is replaced", "tam khoa"}}, posts: 3, says: mRateFormReplaced},
		{Case: checktest.Case{Name: "off-host POST form", D: rptest.Defects{PasswordLogin: true, OffHostLoginForm: "post"},
			Status: scoring.Error, Want: []string{"idp.other.invalid", "does not submit it"}}, posts: 0, evident: "not submitted", says: mRateOffHost},
		{Case: checktest.Case{Name: "off-host GET form", D: rptest.Defects{PasswordLogin: true, OffHostLoginForm: "get"},
			Status: scoring.Error, Want: []string{"idp.other.invalid"}}, posts: 0, evident: "GET https://idp.other.invalid", says: mRateOffHost},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			t.Parallel()
			rp := checktest.RP(t, sso, tc.D)
			cfg := tc.cfg
			cfg.Active, cfg.Lang = true, "en"
			r := runCheck(t, "P06-SEC-19", checktest.Session(t, checktest.RPTarget(rp, sso), cfg))
			checktest.Expect(t, r, tc.Status, tc.Want...)
			if !tc.says.IsZero() {
				checktest.Says(t, r, tc.says)
			}
			if tc.posts >= 0 {
				if got := rp.FailedLogins(); got != tc.posts {
					t.Errorf("the portal saw %d failed logins, want %d", got, tc.posts)
				}
			}
			if tc.evident != "" {
				found := false
				for _, e := range r.Evidence {
					if strings.Contains(e.Note, tc.evident) {
						found = true
					}
				}
				if !found {
					t.Errorf("no evidence noting %q: %+v", tc.evident, r.Evidence)
				}
			}
		})
	}
}

// A deadline that expires while the check runs is an error, not a pass.
func TestLoginRateLimitDeadline(t *testing.T) {
	sso := checktest.SSO(t)
	rp := checktest.RP(t, sso, rptest.Defects{PasswordLogin: true, SlowLoginAfter: 2})
	r := runCheck(t, "P06-SEC-19", checktest.Session(t, checktest.RPTarget(rp, sso), check.Config{Active: true, Lang: "en", RequestTimeout: 200 * time.Millisecond}))
	if r.Status != scoring.Error || !strings.Contains(r.Message, "wrong password 3 of 10") {
		t.Fatalf("%s %q, want an error at the third attempt", r.Status, r.Message)
	}
}
