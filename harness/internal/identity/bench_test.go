package identity

import (
	"context"
	"testing"

	"github.com/p06kit/p06kit/harness/internal/identity/rptest"
	"github.com/p06kit/p06kit/harness/ssotest"
)

// BenchmarkLoginFlow measures one full citizen login through the fake national SSO, as the
// identity checks run it: login entry, redirect to the SSO, login page, callback, the portal's
// token request and ID token verification, userinfo, and the home page read back (WhoAmI).
func BenchmarkLoginFlow(b *testing.B) {
	sso := ssotest.NewServer()
	defer sso.Close()
	rp := rptest.New(sso, rptest.Defects{})
	defer rp.Close()
	who, _ := sso.AccountWithLevel(2)
	b.ReportAllocs()
	for b.Loop() {
		s := newBenchSession(b, rp, sso)
		a := login(context.Background(), s, who, ssotest.Normal)
		if a.err != nil || a.as != who.ID {
			b.Fatalf("login: %v, as %q", a.err, a.as)
		}
	}
}

// BenchmarkSignatureCheck measures P06-AUTH-03: a control login and three forged ones.
func BenchmarkSignatureCheck(b *testing.B) {
	sso := ssotest.NewServer()
	defer sso.Close()
	rp := rptest.New(sso, rptest.Defects{})
	defer rp.Close()
	for b.Loop() {
		if r := checkSignature(context.Background(), newBenchSession(b, rp, sso)); r.Status != "pass" {
			b.Fatal(r.Message)
		}
	}
}
