package identity

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/scoring"
)

// dossierAdapter drives the fixture's dossier start page for P06-AUTH-08.
type dossierAdapter struct{ base string }

func (a dossierAdapter) Level2Procedures() []string { return level2 }

func (a dossierAdapter) StartDossier(ctx context.Context, b *check.Browser, req check.DossierRequest) (*check.Dossier, error) {
	r, _ := http.NewRequestWithContext(ctx, http.MethodGet, a.base+"/ho-so/bat-dau?ma="+req.Procedure, nil)
	resp, err := b.Client.Do(r)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	switch resp.StatusCode {
	case http.StatusOK:
		return &check.Dossier{ID: "HS-1", Accepted: true}, nil
	case http.StatusUnauthorized:
		return nil, fmt.Errorf("start dossier: %w", check.ErrNotLoggedIn)
	case http.StatusForbidden:
		return &check.Dossier{Accepted: false, Message: strings.TrimSpace(string(body))}, nil
	}
	return nil, fmt.Errorf("start dossier: status %d", resp.StatusCode)
}

func (a dossierAdapter) SubmitDossier(context.Context, *check.Browser, *check.Dossier, check.DossierRequest) (*check.Dossier, error) {
	return nil, errors.New("not used")
}

// whoAdapter reads the identity from the home page's greeting, as a vendor's WhoAmI would.
type whoAdapter struct{ base string }

func (a whoAdapter) WhoAmI(ctx context.Context, b *check.Browser) (string, error) {
	r, _ := http.NewRequestWithContext(ctx, http.MethodGet, a.base+"/", nil)
	resp, err := b.Client.Do(r)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	_, rest, ok := strings.Cut(string(body), "Xin chào, ")
	if !ok {
		return "", check.ErrNotLoggedIn
	}
	_, id, _ := strings.Cut(rest, "(")
	id, _, _ = strings.Cut(id, ")")
	return id, nil
}

func newSession(t *testing.T, rp *relyingParty, portal any) *check.Session {
	t.Helper()
	target := check.Target{BaseURL: rp.srv.URL, Client: rp.srv.Client(), Portal: portal,
		Profile: &check.Profile{Login: "/dang-nhap", Logout: "/dang-xuat"}}
	if rp.sso != nil {
		target.SSO = rp.sso
	}
	s, err := check.NewSession(target, check.Config{Active: true, Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func runCheck(t *testing.T, id string, s *check.Session) check.Result {
	t.Helper()
	for _, c := range Checks() {
		if c.ID == id {
			return c.Run(context.Background(), s)
		}
	}
	t.Fatalf("no check %s", id)
	return check.Result{}
}

type adapterKind int

const (
	noAdapter adapterKind = iota
	withDossiers
	withWhoAmI
)

func TestChecks(t *testing.T) {
	sso := ssotest.NewServer()
	t.Cleanup(sso.Close)
	for _, tc := range []struct {
		name    string
		id      string
		d       defects
		adapter adapterKind
		status  scoring.Status
		// want are substrings of the message; notWant must not appear.
		want    []string
		notWant []string
	}{
		{"correct portal", "P06-AUTH-01", defects{}, noAdapter, scoring.Pass, []string{"PKCE S256"}, nil},
		{"no PKCE", "P06-AUTH-01", defects{noPKCE: true}, noAdapter, scoring.Fail, []string{"no PKCE code_challenge"}, []string{"state", "nonce"}},
		{"no state", "P06-AUTH-01", defects{noState: true}, noAdapter, scoring.Fail, []string{"no state parameter"}, nil},
		{"no nonce", "P06-AUTH-01", defects{noNonce: true}, noAdapter, scoring.Fail, []string{"no nonce parameter"}, nil},
		{"constant state and nonce", "P06-AUTH-01", defects{constantState: true}, noAdapter, scoring.Fail,
			[]string{"state is the same in two logins", "nonce is the same"}, nil},

		{"correct portal", "P06-AUTH-02", defects{}, noAdapter, scoring.Pass, []string{"creates a session for that citizen"}, nil},
		{"correct portal, WhoAmI adapter", "P06-AUTH-02", defects{}, withWhoAmI, scoring.Pass, []string{"creates a session"}, nil},
		{"trusts userinfo of another citizen", "P06-AUTH-02", defects{trustUserinfo: true}, noAdapter, scoring.Fail,
			[]string{"userinfo response whose sub differs"}, nil},

		{"correct portal", "P06-AUTH-03", defects{}, noAdapter, scoring.Pass, []string{"bad-signature, alg-none, unknown-kid"}, nil},
		{"skips signature verification", "P06-AUTH-03", defects{skipSignature: true}, noAdapter, scoring.Fail,
			[]string{"invalid signature", `alg "none"`, "unknown kid", "3 of 3"}, nil},
		{"accepts alg none", "P06-AUTH-03", defects{acceptNone: true}, noAdapter, scoring.Fail, []string{`alg "none"`, "1 of 3"}, []string{"invalid signature"}},
		{"skips unknown kid", "P06-AUTH-03", defects{skipUnknownKID: true}, noAdapter, scoring.Fail, []string{"unknown kid", "1 of 3"}, nil},
		{"skips signature, WhoAmI adapter", "P06-AUTH-03", defects{skipSignature: true}, withWhoAmI, scoring.Fail, []string{"3 of 3"}, nil},

		{"correct portal", "P06-AUTH-04", defects{}, noAdapter, scoring.Pass, nil, nil},
		{"accepts another issuer", "P06-AUTH-04", defects{ignoreIssuer: true}, noAdapter, scoring.Fail, []string{"another issuer"}, []string{"audience"}},
		{"accepts another audience", "P06-AUTH-04", defects{ignoreAudience: true}, noAdapter, scoring.Fail, []string{"wrong audience"}, []string{"issuer"}},

		{"correct portal", "P06-AUTH-05", defects{}, noAdapter, scoring.Pass, nil, nil},
		{"accepts expired tokens", "P06-AUTH-05", defects{ignoreExpiry: true}, noAdapter, scoring.Fail, []string{"an expired ID token"}, []string{"future"}},
		{"accepts tokens issued in the future", "P06-AUTH-05", defects{ignoreIssuedAt: true}, noAdapter, scoring.Fail, []string{"issued in the future"}, []string{"expired"}},

		{"correct portal", "P06-AUTH-06", defects{}, noAdapter, scoring.Pass, nil, nil},
		{"ignores state", "P06-AUTH-06", defects{ignoreState: true}, noAdapter, scoring.Fail, []string{"state does not match"}, []string{"nonce does not"}},
		{"ignores nonce", "P06-AUTH-06", defects{ignoreNonce: true}, noAdapter, scoring.Fail, []string{"nonce does not match"}, []string{"state does not"}},

		{"correct portal", "P06-AUTH-07", defects{}, noAdapter, scoring.Pass, []string{"created no session"}, nil},
		{"allows code replay", "P06-AUTH-07", defects{allowReplay: true}, noAdapter, scoring.Fail, []string{"replayed in another browser logged that browser in"}, nil},

		{"correct portal", "P06-AUTH-08", defects{}, withDossiers, scoring.Pass, []string{"refuse a level-1 login"}, nil},
		{"ignores the level", "P06-AUTH-08", defects{ignoreLevel: true}, withDossiers, scoring.Fail, []string{"level-1 account could start procedure(s) 1.001234"}, nil},
		{"no adapter", "P06-AUTH-08", defects{}, noAdapter, scoring.NotTested, []string{"Assurance.Level2Procedures"}, nil},

		{"correct portal", "P06-AUTH-09", defects{}, noAdapter, scoring.Pass, []string{"ends the session on the server"}, nil},
		{"keeps sessions after logout", "P06-AUTH-09", defects{keepSessionAfterLogout: true}, noAdapter, scoring.Fail,
			[]string{"did not end the session on the server"}, nil},

		{"correct portal", "P06-AUTH-10", defects{}, noAdapter, scoring.Pass, []string{"no local registration"}, nil},
		{"local registration with a password", "P06-AUTH-10", defects{localRegistration: true}, noAdapter, scoring.Fail,
			[]string{"local citizen registration with a password", "/dang-ky"}, nil},

		{"no local password login", "P06-SEC-19", defects{}, noAdapter, scoring.NotApplicable, []string{"no local password login"}, nil},
		{"rate-limited password login", "P06-SEC-19", defects{passwordLogin: true, rateLimit: true}, noAdapter, scoring.Pass,
			[]string{"after 6 failed logins the portal answered 429 with Retry-After: 300"}, nil},
		{"unlimited password login", "P06-SEC-19", defects{passwordLogin: true}, noAdapter, scoring.Fail,
			[]string{"10 failed logins in a row", "without a delay, CAPTCHA or lockout"}, nil},
	} {
		t.Run(tc.id+"/"+tc.name, func(t *testing.T) {
			t.Parallel()
			rp := newRP(t, sso, tc.d)
			var portal any
			switch tc.adapter {
			case withDossiers:
				portal = dossierAdapter{base: rp.srv.URL}
			case withWhoAmI:
				portal = whoAdapter{base: rp.srv.URL}
			}
			r := runCheck(t, tc.id, newSession(t, rp, portal))
			if r.Status != tc.status {
				t.Fatalf("status %s, want %s: %s", r.Status, tc.status, r.Message)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.Message, w) {
					t.Errorf("message %q lacks %q", r.Message, w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(r.Message, w) {
					t.Errorf("message %q has %q", r.Message, w)
				}
			}
			if r.MessageVI == "" {
				t.Errorf("no Vietnamese message")
			}
		})
	}
}

func TestChecksWithoutFakeAreNotTested(t *testing.T) {
	sso := ssotest.NewServer()
	t.Cleanup(sso.Close)
	rp := newRP(t, sso, defects{})
	rp.sso = nil // the target is not told about the fake
	s := newSession(t, rp, nil)
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
	}
}
