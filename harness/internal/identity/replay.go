package identity

import (
	"context"
	"fmt"
	"net/http"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/scoring"
)

// P06-AUTH-07: an authorization code cannot be used twice. The fake lets the code be redeemed
// again (as a provider with a replay window would), so only the portal can stop the replay: a
// citizen logs in, then an attacker's browser — with none of the citizen's cookies — visits the
// same callback URL (code and state). The portal must not create a session there (RFC 6749
// §4.1.2 and §10.5; it fails state binding when it ignores the browser's state).
func checkCodeReplay(ctx context.Context, s *check.Session) check.Result {
	sso, err := fake(s)
	if err != nil {
		return fromErr("checking code replay", err)
	}
	who, err := citizen(sso, slotReplay)
	if err != nil {
		return fromErr("checking code replay", err)
	}
	a := login(ctx, s, who, ssotest.ReplayableCode)
	if a.err != nil {
		return fromErr("logging in through the fake national SSO", a.err).With(a.trace.Evidence()...)
	}
	if a.as != who.ID {
		return check.Errorf("the first login as %s did not log the browser in (%s), so a replay cannot be judged", check.Redact(who.ID), orNone(a.as)).
			VI("Lần đăng nhập đầu với %s không tạo phiên (%s), không thể đánh giá việc dùng lại mã", check.Redact(who.ID), orNone(a.as)).
			With(a.trace.Evidence()...)
	}
	attacker := s.NewBrowser()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, a.trace.Callback.String(), nil)
	if err != nil {
		return fromErr("replaying the callback", err)
	}
	resp, ferr := s.Fetch(ctx, attacker, req)
	as, err := whoAmI(ctx, s, attacker)
	if err != nil {
		return fromErr("asking who the replaying browser is", err)
	}
	f, _ := sso.Flow(a.trace.Flow)
	ev := scoring.Evidence{Request: "GET " + check.Redact(a.trace.Callback.Scheme+"://"+a.trace.Callback.Host+a.trace.Callback.Path) + "?code=[redacted]&state=[redacted]",
		Note: fmt.Sprintf("the callback replayed in another browser; the portal redeemed the code %d time(s) in all", countOK(f.Redemptions))}
	if resp != nil {
		ev.Status = resp.StatusCode
	}
	if ferr != nil {
		ev.Note += "; the replay request failed: " + ferr.Error()
	}
	if as != "" {
		return check.Failf("a callback (authorization code and state) replayed in another browser logged that browser in as %s", check.Redact(as)).
			VI("Callback (mã ủy quyền và state) bị dùng lại ở trình duyệt khác đã tạo phiên cho %s", check.Redact(as)).
			GotWant("the replayed code created a session", "a code is used once, bound to the browser that started the login").With(ev)
	}
	note := "the portal did not redeem the code again"
	if countOK(f.Redemptions) > countOK(a.flow.Redemptions) {
		note = "the portal redeemed the code again but created no session"
	}
	return check.Passf("a callback replayed in another browser created no session (%s)", note).
		VI("Callback bị dùng lại ở trình duyệt khác không tạo được phiên").With(ev)
}

func countOK(rs []ssotest.Redemption) int {
	n := 0
	for _, r := range rs {
		if r.Error == "" {
			n++
		}
	}
	return n
}
