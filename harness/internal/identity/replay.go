package identity

import (
	"context"
	"net/http"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
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
		return fromErr(msg.P(mStepReplay), err)
	}
	who, err := citizen(sso, slotReplay)
	if err != nil {
		return fromErr(msg.P(mStepReplay), err)
	}
	a := login(ctx, s, who, ssotest.ReplayableCode)
	if a.err != nil {
		return fromErr(msg.P(mStepLogin), a.err).With(a.trace.Evidence()...)
	}
	if a.as != who.ID {
		return check.Error(mReplayFirst, check.Redact(who.ID), whom(a.as)).
			With(a.trace.Evidence()...)
	}
	attacker := s.NewBrowser()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, a.trace.Callback.String(), nil)
	if err != nil {
		return fromErr(msg.P(mStepReplayCallback), err)
	}
	resp, ferr := s.Fetch(ctx, attacker, req)
	as, err := whoAmI(ctx, s, attacker)
	if err != nil {
		return fromErr(msg.P(mStepAskReplayer), err)
	}
	f, _ := sso.Flow(a.trace.Flow)
	ev := scoring.Evidence{Request: "GET " + check.Redact(a.trace.Callback.Scheme+"://"+a.trace.Callback.Host+a.trace.Callback.Path) + "?code=[redacted]&state=[redacted]"}.
		Noted(mNoteReplayed, countOK(f.Redemptions))
	if resp != nil {
		ev.Status = resp.StatusCode
	}
	if ferr != nil {
		ev = ev.Noted(mNoteReplayFailed, countOK(f.Redemptions), ferr)
	}
	if as != "" {
		return check.Fail(mReplayFail, check.Redact(as)).
			Saw(msg.P(mReplayGot), msg.P(mReplayWant)).With(ev)
	}
	note := msg.P(mReplayNotRedeemed)
	if countOK(f.Redemptions) > countOK(a.flow.Redemptions) {
		note = msg.P(mReplayRedeemedAgain)
	}
	return check.Pass(mReplayPass, note).With(ev)
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
