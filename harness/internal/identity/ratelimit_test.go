package identity

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/identity/rptest"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/scoring"
)

// P06-SEC-19 passes only on evidence of limiting: whatever stops the run after the first attempt
// (the request budget, a deadline, a form that is gone without a message) is an error with its
// cause, and a form posting elsewhere is never submitted.
func TestLoginRateLimitEarnsItsVerdict(t *testing.T) {
	sso := ssotest.NewServer()
	t.Cleanup(sso.Close)
	for _, tc := range []struct {
		name    string
		d       rptest.Defects
		cfg     check.Config
		ctx     func() (context.Context, context.CancelFunc)
		status  scoring.Status
		want    []string
		posts   int // failed logins the portal saw, -1 for any
		evident string
	}{
		{name: "budget exhausted on an unlimited portal", d: rptest.Defects{PasswordLogin: true}, cfg: check.Config{MaxRequests: 9},
			status: scoring.Error, want: []string{"request budget", "without any sign of limiting"}, posts: -1},
		{name: "form gone without a message", d: rptest.Defects{PasswordLogin: true, FormGoneAfter: 3},
			status: scoring.Error, want: []string{"login form is gone", "wrong password 4 of 10"}, posts: 3},
		{name: "form replaced by a lockout message", d: rptest.Defects{PasswordLogin: true, LockoutPageAfter: 3},
			status: scoring.Pass, want: []string{"after 3 failed logins the login form is replaced", "tam khoa"}, posts: 3},
		{name: "off-host POST form", d: rptest.Defects{PasswordLogin: true, OffHostLoginForm: "post"},
			status: scoring.Error, want: []string{"idp.other.invalid", "does not submit it"}, posts: 0, evident: "not submitted"},
		{name: "off-host GET form", d: rptest.Defects{PasswordLogin: true, OffHostLoginForm: "get"},
			status: scoring.Error, want: []string{"idp.other.invalid"}, posts: 0, evident: "GET https://idp.other.invalid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rp := rptest.New(sso, tc.d)
			t.Cleanup(rp.Close)
			cfg := tc.cfg
			cfg.Active, cfg.Lang = true, "en"
			s, err := probe.NewSession(check.Target{BaseURL: rp.URL, Client: rp.Client(), Profile: rp.Profile(), SSO: sso}, cfg)
			if err != nil {
				t.Fatal(err)
			}
			r := runCheck(t, "P06-SEC-19", s)
			if r.Status != tc.status {
				t.Fatalf("status %s, want %s: %s", r.Status, tc.status, r.Message)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.Message, w) {
					t.Errorf("message %q lacks %q", r.Message, w)
				}
			}
			if r.MessageVI == "" {
				t.Error("no Vietnamese message")
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
	sso := ssotest.NewServer()
	t.Cleanup(sso.Close)
	rp := rptest.New(sso, rptest.Defects{PasswordLogin: true, SlowLoginAfter: 2})
	t.Cleanup(rp.Close)
	s, err := probe.NewSession(check.Target{BaseURL: rp.URL, Client: rp.Client(), Profile: rp.Profile(), SSO: sso},
		check.Config{Active: true, Lang: "en", RequestTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	r := runCheck(t, "P06-SEC-19", s)
	if r.Status != scoring.Error || !strings.Contains(r.Message, "wrong password 3 of 10") {
		t.Fatalf("%s %q, want an error at the third attempt", r.Status, r.Message)
	}
}
