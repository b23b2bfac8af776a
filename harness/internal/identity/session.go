package identity

import (
	"context"
	"net/http"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/scoring"
)

// P06-AUTH-02: a successful login creates a session for the identity in the ID token / userinfo:
// after a normal login as a citizen the portal shows that citizen; when userinfo answers with
// another citizen's claims (a sub different from the ID token's, which OpenID Connect Core
// §5.3.2 says must not be used) the portal does not log the browser in as that other citizen;
// and the session ID the browser held before the login does not identify the session after it
// (session fixation, which the criterion's advice names: a new session ID at login).
func checkSessionIdentity(ctx context.Context, s *check.Session) check.Result {
	sso, err := fake(s)
	if err != nil {
		return fromErr(msg.P(mStepSession), err)
	}
	who, err := citizen(sso, slotSession)
	if err != nil {
		return fromErr(msg.P(mStepSession), err)
	}
	a := login(ctx, s, who, ssotest.Normal)
	if a.err != nil {
		return fromErr(msg.P(mStepControl), a.err).With(a.trace.Evidence()...)
	}
	switch a.as {
	case who.ID:
	case "":
		return check.Fail(mSessionNone, check.Redact(who.ID)).
			Saw(msg.P(mNotLoggedIn), msg.P(mLoggedInAs, check.Redact(who.ID))).With(a.trace.Evidence()...)
	default:
		return check.Fail(mSessionOther, check.Redact(who.ID), check.Redact(a.as)).
			Saw(msg.P(mLoggedInAs, check.Redact(a.as)), msg.P(mLoggedInAs, check.Redact(who.ID))).With(a.trace.Evidence()...)
	}
	// Before any other login of this citizen, which a portal allowing one session per citizen
	// would end this one for.
	fixed, fixEv, err := fixation(ctx, s, a, who)
	ev := append(a.trace.Evidence(), fixEv...)
	if err != nil {
		return fromErr(msg.P(mStepSessionID), err).With(ev...)
	}
	if len(fixed) > 0 {
		return check.Fail(mSessionFixation, strings.Join(fixed, ", "), check.Redact(who.ID)).
			Saw(msg.P(mFixationGot, strings.Join(fixed, ", ")), msg.P(mFixationWant)).With(ev...)
	}
	m := login(ctx, s, who, ssotest.UserinfoSubMismatch)
	if m.err != nil {
		return fromErr(msg.P(mStepLoginOtherUserinfo), m.err).With(m.trace.Evidence()...)
	}
	ev = append(ev, scoring.Evidence{}.Noted(mNoteUserinfo, m.flow.UserInfo, whom(m.as)))
	if m.as != "" && m.as != who.ID {
		return check.Fail(mSessionUserinfo, check.Redact(m.as), check.Redact(who.ID)).
			Saw(msg.P(mUserinfoGot), msg.P(mUserinfoWant)).With(ev...)
	}
	return check.Pass(mSessionPass, check.Redact(who.ID)).With(ev...)
}

// fixation tests the login a for session fixation (OWASP WSTG-SESS-03): the portal's cookies
// the browser held before the SSO sent it back, whose values the login left unchanged, are
// given alone to a fresh browser; if the portal takes that browser for the citizen, a session ID
// known before the login (an attacker's, planted in the victim's browser) identifies the
// session after it. It returns the names of those cookies then, and evidence either way.
func fixation(ctx context.Context, s *check.Session, a attempt, who ident.Person) (fixed []string, ev []scoring.Evidence, err error) {
	if a.trace == nil || a.trace.Callback == nil || a.b == nil || a.b.Client.Jar == nil {
		return nil, nil, msg.Error(mErrNoCallback)
	}
	cb := a.trace.Callback
	if len(a.trace.PreLogin) == 0 {
		return nil, []scoring.Evidence{scoring.Evidence{}.Noted(mNoteFixationNoCookie)}, nil
	}
	after := map[string]string{}
	for _, c := range a.b.Client.Jar.Cookies(cb) {
		after[c.Name] = c.Value
	}
	var kept []*http.Cookie
	var names, replaced []string
	for _, c := range a.trace.PreLogin {
		if v, ok := after[c.Name]; ok && v == c.Value {
			kept = append(kept, &http.Cookie{Name: c.Name, Value: c.Value, Path: "/"})
			names = append(names, c.Name)
		} else {
			replaced = append(replaced, c.Name)
		}
	}
	note := msg.P(mNoteFixation, len(a.trace.PreLogin), listOrNone(replaced), listOrNone(names))
	if len(kept) == 0 {
		return nil, []scoring.Evidence{scoring.Evidence{}.Noted(msg.Verbatim, note)}, nil
	}
	// The attacker's browser: only the cookies known before the login.
	fresh := s.NewBrowser()
	fresh.Client.Jar.SetCookies(cb, kept)
	as, err := whoAmI(ctx, s, fresh)
	if err != nil {
		return nil, []scoring.Evidence{scoring.Evidence{}.Noted(msg.Verbatim, note)}, msg.Wrap(msg.P(mStepAskPreLogin), err)
	}
	if as == who.ID {
		// Name the session cookie: the kept cookies that alone log a browser in, when any does.
		var alone []string
		for i, c := range kept {
			if i == 5 || len(kept) == 1 {
				break
			}
			one := s.NewBrowser()
			one.Client.Jar.SetCookies(cb, []*http.Cookie{c})
			if id, err := whoAmI(ctx, s, one); err == nil && id == who.ID {
				alone = append(alone, c.Name)
			}
		}
		if len(alone) > 0 {
			names = alone
		}
		return names, []scoring.Evidence{scoring.Evidence{}.Noted(mNoteFixationKept, note, strings.Join(names, ", "), check.Redact(as))}, nil
	}
	return nil, []scoring.Evidence{scoring.Evidence{}.Noted(mNoteFixationNot, note, whom(as))}, nil
}

func listOrNone(names []string) msg.Phrase {
	if len(names) == 0 {
		return msg.P(mNone)
	}
	return msg.P(msg.Verbatim, strings.Join(names, ", "))
}

// whom is who is logged in: the redacted ID, or "nobody" in the message's language.
func whom(id string) msg.Phrase {
	if id == "" {
		return msg.P(mNobody)
	}
	return msg.P(mID, check.Redact(id))
}
