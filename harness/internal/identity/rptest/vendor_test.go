package rptest_test

import (
	"context"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/internal/identity/rptest"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/scoring"
)

// TestVendorPortal is what a vendor writes: start the fake national SSO, start the portal
// configured to use it, run the harness. Every identity criterion runs as a named subtest
// (TestVendorPortal/identity/P06-AUTH-03) and passes.
func TestVendorPortal(t *testing.T) {
	for name, d := range map[string]rptest.Defects{"sessions": {}, "one session per citizen": {OneSessionPerCitizen: true}} {
		t.Run(name, func(t *testing.T) { vendorPortal(t, d) })
	}
}

func vendorPortal(t *testing.T, d rptest.Defects) {
	sso := ssotest.NewServer()
	defer sso.Close()
	portal := rptest.New(sso, d)
	defer portal.Close()

	report := harness.New(t, harness.Target{
		BaseURL: portal.URL,
		Client:  portal.Client(),
		Profile: portal.Profile(),
		SSO:     sso,
		Portal:  rptest.Adapter{Portal: portal},
	}, harness.Only("identity")).Run()
	if report == nil {
		t.Fatal("no report")
	}
	seen := 0
	for _, f := range report.Findings {
		if !strings.HasPrefix(f.Criterion, "P06-AUTH-") {
			continue
		}
		seen++
		if f.Status != scoring.Pass {
			t.Errorf("%s: %s: %s", f.Criterion, f.Status, f.Message)
		}
	}
	if seen != 11 {
		t.Errorf("%d identity findings, want 11 (P06-AUTH-01 … 11)", seen)
	}
}

// A portal that skips signature verification fails P06-AUTH-03 with a message naming what it
// accepted; the rest of its identity behaviour still passes.
func TestBrokenPortalReport(t *testing.T) {
	sso := ssotest.NewServer()
	defer sso.Close()
	portal := rptest.New(sso, rptest.Defects{SkipSignature: true, IgnoreState: true, IgnoreAudience: true})
	defer portal.Close()
	report, err := harness.Check(context.Background(), harness.Target{BaseURL: portal.URL, Client: portal.Client(),
		Profile: portal.Profile(), SSO: sso, Portal: rptest.Adapter{Portal: portal}}, harness.Only("identity"), harness.Lang("en"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"P06-AUTH-03": "an ID token with an invalid signature",
		"P06-AUTH-04": "wrong audience",
		"P06-AUTH-06": "state does not match",
	}
	for _, f := range report.Findings {
		w, ok := want[f.Criterion]
		if !ok {
			continue
		}
		delete(want, f.Criterion)
		if f.Status != scoring.Fail || !strings.Contains(f.Message, w) {
			t.Errorf("%s: %s %q, want fail naming %q", f.Criterion, f.Status, f.Message, w)
		}
	}
	for id := range want {
		t.Errorf("no finding for %s", id)
	}
}

// Without a profile the harness discovers the login entry ("Đăng nhập") and the logout entry
// ("Đăng xuất", once logged in) by itself.
func TestVendorPortalDiscovered(t *testing.T) {
	sso := ssotest.NewServer()
	defer sso.Close()
	portal := rptest.New(sso, rptest.Defects{})
	defer portal.Close()
	report, err := harness.Check(context.Background(), harness.Target{BaseURL: portal.URL, Client: portal.Client(), SSO: sso},
		harness.Only("P06-AUTH-01", "P06-AUTH-03", "P06-AUTH-06", "P06-AUTH-09"))
	if err != nil {
		t.Fatal(err)
	}
	selected := map[string]bool{"P06-AUTH-01": true, "P06-AUTH-03": true, "P06-AUTH-06": true, "P06-AUTH-09": true}
	for _, f := range report.Findings {
		if selected[f.Criterion] {
			delete(selected, f.Criterion)
			if f.Status != scoring.Pass {
				t.Errorf("%s: %s: %s", f.Criterion, f.Status, f.Message)
			}
		}
	}
	if len(selected) > 0 {
		t.Errorf("no findings for %v", selected)
	}
}
