package identity

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/checktest"
	"github.com/p06kit/p06kit/harness/internal/identity/rptest"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/scoring"
)

func newSession(t *testing.T, rp *rptest.Portal, sso *ssotest.Server, portal any) *check.Session {
	return newBenchSession(t, rp, sso, portal)
}

func newBenchSession(t testing.TB, rp *rptest.Portal, sso *ssotest.Server, portal ...any) *check.Session {
	t.Helper()
	target := checktest.RPTarget(rp, sso)
	if len(portal) > 0 {
		target.Portal = portal[0]
	}
	return checktest.Session(t, target, check.Config{Active: true, Lang: "en"})
}

func runCheck(t *testing.T, id string, s *check.Session) check.Result {
	t.Helper()
	return checktest.Run(t, Checks(), id, s)
}

type adapterKind int

const (
	noAdapter adapterKind = iota
	withDossiers
	withWhoAmI
)

func TestChecks(t *testing.T) {
	notTestedMissing, ok := msg.Lookup("check.not-tested.missing")
	if !ok {
		t.Fatal("no message check.not-tested.missing")
	}
	sso := ssotest.NewServer()
	t.Cleanup(sso.Close)
	for _, tc := range []struct {
		name    string
		id      string
		d       rptest.Defects
		adapter adapterKind
		status  scoring.Status
		// want are substrings of the message; notWant must not appear.
		want    []string
		notWant []string
		// says is the finding's catalogue message.
		says msg.Text
	}{
		{"correct portal", "P06-AUTH-01", rptest.Defects{}, noAdapter, scoring.Pass, []string{"PKCE S256"}, nil, mAuthPass},
		{"no PKCE", "P06-AUTH-01", rptest.Defects{NoPKCE: true}, noAdapter, scoring.Fail, []string{"no PKCE code_challenge"}, []string{"state", "nonce"}, mAuthFail},
		{"no state", "P06-AUTH-01", rptest.Defects{NoState: true}, noAdapter, scoring.Fail, []string{"no state parameter"}, nil, mAuthFail},
		{"no nonce", "P06-AUTH-01", rptest.Defects{NoNonce: true}, noAdapter, scoring.Fail, []string{"no nonce parameter"}, nil, mAuthFail},
		{"implicit flow", "P06-AUTH-01", rptest.Defects{ImplicitFlow: true}, noAdapter, scoring.Fail,
			[]string{`response_type is "id_token token", not the authorization-code flow`}, nil, mAuthFail},
		{"no openid scope", "P06-AUTH-01", rptest.Defects{NoOpenIDScope: true}, noAdapter, scoring.Fail, []string{`scope "profile" lacks openid`}, nil, mAuthFail},
		{"constant state and nonce", "P06-AUTH-01", rptest.Defects{ConstantState: true}, noAdapter, scoring.Fail,
			[]string{"state is the same in two logins", "nonce is the same"}, nil, mAuthFail},

		{"correct portal", "P06-AUTH-02", rptest.Defects{}, noAdapter, scoring.Pass, []string{"creates a session for that citizen"}, nil, mSessionPass},
		{"correct portal, WhoAmI adapter", "P06-AUTH-02", rptest.Defects{}, withWhoAmI, scoring.Pass, []string{"creates a session"}, nil, mSessionPass},
		{"trusts userinfo of another citizen", "P06-AUTH-02", rptest.Defects{TrustUserinfo: true}, noAdapter, scoring.Fail,
			[]string{"userinfo response whose sub differs"}, nil, mSessionUserinfo},
		// Session fixation: the session ID set when the login begins is logged in at the callback.
		{"keeps the pre-login session ID", "P06-AUTH-02", rptest.Defects{SessionFixation: true}, noAdapter, scoring.Fail,
			[]string{"session fixation", "cookie(s) rp_session"}, nil, mSessionFixation},
		{"keeps the pre-login session ID, WhoAmI adapter", "P06-AUTH-02", rptest.Defects{SessionFixation: true}, withWhoAmI, scoring.Fail,
			[]string{"session fixation"}, nil, mSessionFixation},

		// An open redirect through the login's return URL (OWASP ASVS V5.1.5).
		{"correct portal", "P06-AUTH-11", rptest.Defects{}, noAdapter, scoring.Pass, []string{"to its own pages", "ReturnUrl", "next", `/\host`}, nil, mRedirectPass},
		{"open redirect after login", "P06-AUTH-11", rptest.Defects{OpenRedirect: true}, noAdapter, scoring.Fail,
			[]string{"redirected the browser there (not followed): an open redirect", "p06kit-redirect-probe.invalid"}, nil, mRedirectOpen},
		{"return URL checked for a leading / only", "P06-AUTH-11", rptest.Defects{NaiveLocalRedirect: true}, noAdapter, scoring.Fail,
			[]string{`redirected the browser to /\p06kit-redirect-probe.invalid/, which browsers follow to that host`}, nil, mRedirectOpen},

		{"correct portal", "P06-AUTH-03", rptest.Defects{}, noAdapter, scoring.Pass, []string{"bad-signature, alg-none, unknown-kid"}, nil, mForgedRefused},
		{"skips signature verification", "P06-AUTH-03", rptest.Defects{SkipSignature: true}, noAdapter, scoring.Fail,
			[]string{"invalid signature", `alg "none"`, "unknown kid", "3 of 3"}, nil, mForgedAccepted},
		{"accepts alg none", "P06-AUTH-03", rptest.Defects{AcceptNone: true}, noAdapter, scoring.Fail, []string{`alg "none"`, "1 of 3"}, []string{"invalid signature"}, mForgedAccepted},
		{"skips unknown kid", "P06-AUTH-03", rptest.Defects{SkipUnknownKID: true}, noAdapter, scoring.Fail, []string{"unknown kid", "1 of 3"}, nil, mForgedAccepted},
		{"skips signature, WhoAmI adapter", "P06-AUTH-03", rptest.Defects{SkipSignature: true}, withWhoAmI, scoring.Fail, []string{"3 of 3"}, nil, mForgedAccepted},

		{"correct portal", "P06-AUTH-04", rptest.Defects{}, noAdapter, scoring.Pass, nil, nil, mForgedRefused},
		{"accepts another issuer", "P06-AUTH-04", rptest.Defects{IgnoreIssuer: true}, noAdapter, scoring.Fail, []string{"another issuer"}, []string{"audience"}, mForgedAccepted},
		{"accepts another audience", "P06-AUTH-04", rptest.Defects{IgnoreAudience: true}, noAdapter, scoring.Fail, []string{"wrong audience"}, []string{"issuer"}, mForgedAccepted},

		{"correct portal", "P06-AUTH-05", rptest.Defects{}, noAdapter, scoring.Pass, nil, nil, mForgedRefused},
		{"accepts expired tokens", "P06-AUTH-05", rptest.Defects{IgnoreExpiry: true}, noAdapter, scoring.Fail, []string{"an expired ID token"}, []string{"future"}, mForgedAccepted},
		{"accepts tokens issued in the future", "P06-AUTH-05", rptest.Defects{IgnoreIssuedAt: true}, noAdapter, scoring.Fail, []string{"issued in the future"}, []string{"expired"}, mForgedAccepted},

		{"correct portal", "P06-AUTH-06", rptest.Defects{}, noAdapter, scoring.Pass, nil, nil, mForgedRefused},
		{"ignores state", "P06-AUTH-06", rptest.Defects{IgnoreState: true}, noAdapter, scoring.Fail, []string{"state does not match"}, []string{"nonce does not"}, mForgedAccepted},
		{"ignores nonce", "P06-AUTH-06", rptest.Defects{IgnoreNonce: true}, noAdapter, scoring.Fail, []string{"nonce does not match"}, []string{"state does not"}, mForgedAccepted},

		{"correct portal", "P06-AUTH-07", rptest.Defects{}, noAdapter, scoring.Pass, []string{"created no session"}, nil, mReplayPass},
		{"allows code replay", "P06-AUTH-07", rptest.Defects{AllowReplay: true}, noAdapter, scoring.Fail, []string{"replayed in another browser logged that browser in"}, nil, mReplayFail},

		{"correct portal", "P06-AUTH-08", rptest.Defects{}, withDossiers, scoring.Pass, []string{"refuse a level-1 login"}, nil, mAssurancePass},
		{"ignores the level", "P06-AUTH-08", rptest.Defects{IgnoreLevel: true}, withDossiers, scoring.Fail, []string{"level-1 account could start procedure(s) 1.001234"}, nil, mAssuranceFail},
		{"no adapter", "P06-AUTH-08", rptest.Defects{}, noAdapter, scoring.NotTested, []string{"Assurance.Level2Procedures"}, nil, notTestedMissing},

		{"correct portal", "P06-AUTH-09", rptest.Defects{}, noAdapter, scoring.Pass, []string{"ends the session on the server"}, nil, mLogoutPass},
		{"keeps sessions after logout", "P06-AUTH-09", rptest.Defects{KeepSessionAfterLogout: true}, noAdapter, scoring.Fail,
			[]string{"did not end the session on the server"}, nil, mLogoutReplay},

		{"correct portal", "P06-AUTH-10", rptest.Defects{}, noAdapter, scoring.Pass, []string{"no local registration"}, nil, mRegistrationPass},
		{"local registration with a password", "P06-AUTH-10", rptest.Defects{LocalRegistration: true}, noAdapter, scoring.Fail,
			[]string{"local citizen registration with a password", "/dang-ky"}, nil, mRegistrationFail},

		{"password login with a CAPTCHA", "P06-SEC-19", rptest.Defects{PasswordLogin: true, Captcha: true}, noAdapter, scoring.Pass,
			[]string{"CAPTCHA from the first attempt"}, nil, mRateCaptchaFirst},
		{"no local password login", "P06-SEC-19", rptest.Defects{}, noAdapter, scoring.NotApplicable, []string{"no local password login"}, nil, mRateNoLocal},
		{"rate-limited password login", "P06-SEC-19", rptest.Defects{PasswordLogin: true, RateLimit: true}, noAdapter, scoring.Pass,
			[]string{"after 6 failed logins the portal answered 429 with Retry-After: 300"}, nil, mRateStatus},
		{"rate-limited password login on a linked page", "P06-SEC-19", rptest.Defects{PasswordLogin: true, PasswordLoginPage: true, RateLimit: true}, noAdapter, scoring.Pass,
			[]string{"answered 429"}, nil, mRateStatus},
		{"unlimited password login on a linked page", "P06-SEC-19", rptest.Defects{PasswordLogin: true, PasswordLoginPage: true}, noAdapter, scoring.Fail,
			[]string{"10 failed logins in a row"}, nil, mRateFail},
		{"unlimited password login", "P06-SEC-19", rptest.Defects{PasswordLogin: true}, noAdapter, scoring.Fail,
			[]string{"10 failed logins in a row", "no 429, Retry-After, CAPTCHA or lockout"}, nil, mRateFail},
	} {
		t.Run(tc.id+"/"+tc.name, func(t *testing.T) {
			t.Parallel()
			rp := rptest.New(sso, tc.d)
			t.Cleanup(rp.Close)
			var portal any
			switch tc.adapter {
			case withDossiers:
				portal = rptest.Adapter{Portal: rp}
			case withWhoAmI:
				portal = rptest.WhoAmIAdapter{Adapter: rptest.Adapter{Portal: rp}}
			}
			r := runCheck(t, tc.id, newSession(t, rp, sso, portal))
			checktest.Expect(t, r, tc.status, tc.want...)
			checktest.Lacks(t, r.Message, tc.notWant...)
			checktest.Says(t, r, tc.says)
		})
	}
}

func TestChecksWithoutFakeAreNotTested(t *testing.T) {
	sso := ssotest.NewServer()
	t.Cleanup(sso.Close)
	rp := rptest.New(sso, rptest.Defects{})
	t.Cleanup(rp.Close)
	s := newSession(t, rp, nil, nil) // the target is not told about the fake
	for _, c := range Checks() {
		if !strings.HasPrefix(c.ID, "P06-AUTH-") || c.ID == "P06-AUTH-10" {
			continue
		}
		r := c.Run(context.Background(), s)
		if r.Status != scoring.NotTested {
			t.Errorf("%s: status %s, want not_tested: %s", c.ID, r.Status, r.Message)
		}
		if !strings.Contains(r.Message, "SSO") && !strings.Contains(r.Message, "Assurance") {
			t.Errorf("%s: message %q does not say what is missing", c.ID, r.Message)
		}
		if c.ID != "P06-AUTH-08" { // which first asks the adapter
			checktest.Says(t, r, mNoSSO)
		}
	}
}

// A portal without PKCE fails P06-AUTH-01; with PKCEOptional on the fake the rest of its login is
// still assessed.
func TestNoPKCEWithLenientFake(t *testing.T) {
	sso := ssotest.NewUnstartedServer()
	sso.PKCEOptional = true
	sso.Start()
	t.Cleanup(sso.Close)
	rp := rptest.New(sso, rptest.Defects{NoPKCE: true})
	t.Cleanup(rp.Close)
	s := newSession(t, rp, sso, nil)
	if r := runCheck(t, "P06-AUTH-01", s); r.Status != scoring.Fail || !strings.Contains(r.Message, "no PKCE") {
		t.Errorf("AUTH-01: %s %s", r.Status, r.Message)
	}
	if r := runCheck(t, "P06-AUTH-03", s); r.Status != scoring.Pass {
		t.Errorf("AUTH-03: %s %s", r.Status, r.Message)
	}
}

// A citizen's name on the home page for everyone (a news item) is not taken for a login.
func TestNameOnAnonymousPageIsNotALogin(t *testing.T) {
	sso := ssotest.NewServer()
	t.Cleanup(sso.Close)
	who, err := citizen(sso, slotSignature)
	if err != nil {
		t.Fatal(err)
	}
	rp := rptest.New(sso, rptest.Defects{News: who.FullName()})
	t.Cleanup(rp.Close)
	if r := runCheck(t, "P06-AUTH-03", newSession(t, rp, sso, nil)); r.Status != scoring.Pass {
		t.Errorf("AUTH-03: %s %s", r.Status, r.Message)
	}
}

// Without a profile Logout entry, P06-AUTH-09 finds the "Đăng xuất" link a logged-in citizen
// sees.
func TestLogoutLinkFoundWhenLoggedIn(t *testing.T) {
	sso := checktest.SSO(t)
	for _, tc := range []checktest.Case{
		{Name: "correct", Status: scoring.Pass},
		{Name: "keeps sessions", D: rptest.Defects{KeepSessionAfterLogout: true}, Status: scoring.Fail},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			target := checktest.RPTarget(checktest.RP(t, sso, tc.D), sso)
			target.Profile = &check.Profile{Login: "/dang-nhap"}
			checktest.Expect(t, runCheck(t, "P06-AUTH-09", checktest.Session(t, target, check.Config{Lang: "en"})), tc.Status)
		})
	}
}

// The evidence of a forged login shows what the forged ID token said.
func TestForgedTokenEvidence(t *testing.T) {
	sso := ssotest.NewServer()
	t.Cleanup(sso.Close)
	rp := rptest.New(sso, rptest.Defects{IgnoreIssuer: true})
	t.Cleanup(rp.Close)
	r := runCheck(t, "P06-AUTH-04", newSession(t, rp, sso, nil))
	found := false
	for _, e := range r.Evidence {
		if strings.Contains(e.Excerpt, `iss="https://sso.attacker.invalid"`) && strings.Contains(e.Note, "ACCEPTED") &&
			strings.Contains(e.NoteVI, "ĐƯỢC CHẤP NHẬN") { // the note in both languages
			found = true
		}
		if strings.Contains(e.Excerpt, "SoDinhDanh") {
			t.Errorf("evidence shows claims beyond the forged ones: %s", e.Excerpt)
		}
	}
	if !found {
		t.Errorf("no evidence of the forged issuer: %+v", r.Evidence)
	}
}

// What the fake sends in each forged login is said from the catalogue, each mode its own
// message (none falls back to a normal login's), in both languages.
func TestModesSayWhatTheFakeSends(t *testing.T) {
	normal := describe(ssotest.Normal).Text.ID()
	for _, m := range ssotest.Modes() {
		got := describe(m)
		if got.Text.ID() == normal || got.String() != m.Describe() || got.Render(msg.VI) == got.Render(msg.EN) {
			t.Errorf("describe(%s) = %s: %q / %q", m, got.Text.ID(), got.Render(msg.EN), got.Render(msg.VI))
		}
	}
}

// A check that cannot go on names its step in the report's language.
func TestStepInVietnamese(t *testing.T) {
	sso := checktest.SSO(t)
	steps := map[string]msg.Text{"P06-AUTH-01": mStepStartLogin, "P06-AUTH-02": mStepControl, "P06-AUTH-07": mStepLogin,
		"P06-AUTH-08": mStepAssurance, "P06-AUTH-09": mStepProfile, "P06-AUTH-10": mStepProfile, "P06-AUTH-11": mStepProfile, "P06-SEC-19": mStepProfile}
	for id, step := range steps {
		s := checktest.FailingSession(check.Target{SSO: sso}, check.Config{Active: true}, fmt.Errorf("GET /: %w", check.ErrTimeout))
		r := checktest.Run(t, Checks(), id, s)
		if !strings.HasPrefix(r.Message, step.Render(msg.EN)+": ") {
			t.Errorf("%s %s: %s", id, r.Status, r.Message)
		}
		checktest.SaysStep(t, r, step)
	}
}
