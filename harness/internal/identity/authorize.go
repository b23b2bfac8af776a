package identity

import (
	"context"
	"net/url"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/scoring"
)

// P06-AUTH-01: citizen login starts at the national SSO with the authorization-code flow,
// scope openid, state and nonce, and PKCE S256 (RFC 6749 §4.1, OpenID Connect Core §3.1.2.1,
// RFC 7636). The harness logs in twice and reads the authorization requests the portal sent the
// browser with: state and nonce must be present and differ between the two logins.
func checkAuthorizeRequest(ctx context.Context, s *check.Session) check.Result {
	sso, err := fake(s)
	if err != nil {
		return fromErr(msg.P(mStepAuthorize), err)
	}
	who, err := citizen(sso, slotAuthorize)
	if err != nil {
		return fromErr(msg.P(mStepAuthorize), err)
	}
	_, tr1, err1 := s.LoginSSO(ctx, who, ssotest.Normal)
	if tr1 == nil || tr1.Authorize == nil {
		if err1 == nil {
			err1 = msg.Error(mErrNoAuthorize)
		}
		return fromErr(msg.P(mStepStartLogin), err1).With(tr1.Evidence()...)
	}
	q := tr1.Authorize.Query()
	var problems []msg.Phrase
	add := func(t msg.Text, args ...any) { problems = append(problems, msg.P(t, args...)) }
	if rt := q.Get("response_type"); rt != "code" {
		add(mAuthResponseType, rt)
	}
	if !contains(strings.Fields(q.Get("scope")), "openid") {
		add(mAuthScope, q.Get("scope"))
	}
	if q.Get("state") == "" {
		add(mAuthNoState)
	}
	if q.Get("nonce") == "" {
		add(mAuthNoNonce)
	}
	switch m := q.Get("code_challenge_method"); {
	case q.Get("code_challenge") == "":
		add(mAuthNoPKCE)
	case m != "S256":
		add(mAuthPKCEMethod, m)
	}
	ev := []scoring.Evidence{scoring.Evidence{Request: "GET " + maskAuthorize(tr1.Authorize)}.Noted(mNoteFirstAuthorize)}
	// A second login: state and nonce must be fresh, not constants.
	if err1 == nil && q.Get("state") != "" {
		_, tr2, err2 := s.LoginSSO(ctx, who, ssotest.Normal)
		if err2 == nil && tr2 != nil && tr2.Authorize != nil {
			q2 := tr2.Authorize.Query()
			if q2.Get("state") == q.Get("state") {
				add(mAuthStateReused)
			}
			if q.Get("nonce") != "" && q2.Get("nonce") == q.Get("nonce") {
				add(mAuthNonceReused)
			}
			if len(q.Get("state")) < 16 {
				ev = append(ev, scoring.Evidence{}.Noted(mNoteShortState, len(q.Get("state"))))
			}
		}
	}
	if f, ok := sso.Flow(tr1.Flow); ok {
		for _, r := range f.Redemptions {
			ev = append(ev, scoring.Evidence{}.Noted(mNoteTokenRequest, r.AuthMethod, r.CodeVerifier, r.Error))
		}
		if f.Request.ACRValues != "" {
			ev = append(ev, scoring.Evidence{Note: "acr_values=" + f.Request.ACRValues}) // data
		}
	}
	if len(problems) > 0 {
		list := msg.List{Items: problems}
		return check.Fail(mAuthFail, list).Saw(msg.P(mAuthGot, list), msg.P(mAuthWant)).
			At(check.Redact(tr1.Start)).With(ev...)
	}
	return check.Pass(mAuthPass).At(check.Redact(tr1.Start)).With(ev...)
}

func maskAuthorize(u *url.URL) string {
	c := *u
	q := c.Query()
	for _, p := range []string{"state", "nonce", "code_challenge"} {
		if q.Get(p) != "" {
			q.Set(p, "[redacted]")
		}
	}
	c.RawQuery = strings.ReplaceAll(q.Encode(), "%5Bredacted%5D", "[redacted]")
	return check.Redact(c.String())
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
