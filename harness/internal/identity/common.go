package identity

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/fakes"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/internal/jose"
	"github.com/p06kit/p06kit/scoring"
)

// Checks returns the checks of this family.
func Checks() []check.Check {
	return []check.Check{
		{ID: "P06-AUTH-01", Run: checkAuthorizeRequest},
		{ID: "P06-AUTH-02", Run: checkSessionIdentity},
		{ID: "P06-AUTH-03", Run: checkSignature},
		{ID: "P06-AUTH-04", Run: checkIssuerAudience},
		{ID: "P06-AUTH-05", Run: checkLifetime},
		{ID: "P06-AUTH-06", Run: checkStateNonce},
		{ID: "P06-AUTH-07", Run: checkCodeReplay},
		{ID: "P06-AUTH-08", Run: checkAssurance},
		{ID: "P06-AUTH-09", Run: checkLogout},
		{ID: "P06-AUTH-10", Run: checkLocalRegistration},
		{ID: "P06-AUTH-11", Run: checkLoginRedirect},
		{ID: "P06-SEC-19", Run: checkLoginRateLimit, Active: true},
	}
}

// citizen picks the account a check logs in as: a level-2 account (so that level-2 procedures
// are open to it), a different one for each check (slot) where the fake has enough, so that
// checks running in parallel do not log the same citizen in and out under each other's feet
// (portals that allow one session per citizen end the older one).
func citizen(sso *ssotest.Server, slot int) (ident.Person, error) {
	var l2 []ident.Person
	all := sso.Accounts()
	for _, p := range all {
		if p.Level == 2 {
			l2 = append(l2, p)
		}
	}
	if len(l2) > 0 {
		return l2[slot%len(l2)], nil
	}
	if len(all) > 0 {
		return all[slot%len(all)], nil
	}
	return ident.Person{}, msg.Error(mErrNoAccounts, check.ErrNoFake)
}

// The slots of citizen, one per check.
const (
	slotAuthorize = iota
	slotSession
	slotSignature
	slotIssuer
	slotLifetime
	slotStateNonce
	slotReplay
	slotLogout
	slotAssurance
	slotRedirect
)

func fake(s *check.Session) (*ssotest.Server, error) {
	if sso := fakes.SSO(s.Target()); sso != nil {
		return sso, nil
	}
	return nil, errNoSSO
}

// errNoSSO is why the identity checks cannot run without the SSO fake.
var errNoSSO = msg.Error(mErrNoSSO, check.ErrNoFake)

// profileHome returns the resolved profile and the portal's home page: the profile's, else the
// base URL.
func profileHome(ctx context.Context, s *check.Session) (*check.Resolved, string, error) {
	prof, err := s.Profile(ctx)
	if err != nil {
		return nil, "", err
	}
	if prof.Home != "" {
		return prof, prof.Home, nil
	}
	return prof, s.Base().String(), nil
}

// whoAmI returns the personal identification number of the citizen the portal believes b is,
// or "" when b is not logged in.
func whoAmI(ctx context.Context, s *check.Session, b *check.Browser) (string, error) {
	if w, ok := s.Target().Portal.(check.WhoAmI); ok {
		id, err := w.WhoAmI(ctx, b)
		if errors.Is(err, check.ErrNotLoggedIn) || errors.Is(err, check.ErrRefused) {
			return "", nil
		}
		return id, err
	}
	_, home, err := profileHome(ctx, s)
	if err != nil {
		return "", err
	}
	abs, err := s.Resolve(home)
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, abs, nil)
	if err != nil {
		return "", err
	}
	resp, err := s.Fetch(ctx, b, req)
	if err != nil {
		return "", msg.Wrap(msg.P(mStepWhoFromHome), err)
	}
	body := string(resp.Body)
	// What an anonymous visitor sees (the session's shared GET, without cookies) does not count:
	// a news item naming "Nguyễn Văn An" is not a login.
	var anon, anonFolded string
	if p, err := s.Get(ctx, abs); err == nil {
		anon = string(p.Body)
		anonFolded = htmlx.Fold(anon)
	}
	var people []ident.Person
	if sso := fakes.SSO(s.Target()); sso != nil {
		people = sso.Accounts()
	}
	for _, p := range people {
		if strings.Contains(body, p.ID) && !strings.Contains(anon, p.ID) {
			return p.ID, nil
		}
	}
	folded := htmlx.Fold(body)
	for _, p := range people {
		name := htmlx.Fold(p.FullName())
		if htmlx.FoldedContains(folded, name) && !htmlx.FoldedContains(anonFolded, name) {
			return p.ID, nil
		}
	}
	return "", nil
}

// attempt is one login through the fake and what the portal made of it.
type attempt struct {
	mode  ssotest.Mode
	b     *check.Browser
	trace *check.LoginTrace
	flow  ssotest.Flow
	// as is who the portal says the browser is afterwards ("" when not logged in).
	as string
	// err is a failure to drive the flow up to the callback.
	err error
}

// login logs who in with the fake misbehaving as mode and asks the portal who it thinks the
// browser is.
func login(ctx context.Context, s *check.Session, who ident.Person, mode ssotest.Mode) attempt {
	a := attempt{mode: mode}
	a.b, a.trace, a.err = s.LoginSSO(ctx, who, mode)
	if a.trace != nil && a.trace.Flow != "" {
		a.flow, _ = fakes.SSO(s.Target()).Flow(a.trace.Flow)
	}
	if a.err != nil && (a.trace == nil || a.trace.Callback == nil) {
		return a
	}
	// The flow reached the callback: whatever the portal did with it, ask who is logged in.
	a.err = nil
	if a.b == nil {
		return a
	}
	a.as, a.err = whoAmI(ctx, s, a.b)
	if a.trace != nil && a.trace.Flow != "" {
		a.flow, _ = fakes.SSO(s.Target()).Flow(a.trace.Flow)
	}
	return a
}

// control performs the normal login every assisted check starts with; a portal that does not
// accept it cannot be judged on forged logins. It returns a non-nil result to report when the
// control failed.
func control(ctx context.Context, s *check.Session, who ident.Person) (attempt, *check.Result) {
	a := login(ctx, s, who, ssotest.Normal)
	if a.err != nil {
		r := fromErr(msg.P(mStepControl), a.err)
		if r.Status == scoring.Error { // the same English as FromError's, in Vietnamese what failed
			r = check.Error(mControlFailed, a.err)
		}
		r = r.With(a.trace.Evidence()...)
		return a, &r
	}
	if a.as != who.ID {
		got := msg.P(mNotLoggedIn)
		if a.as != "" {
			got = msg.P(mLoggedInAs, check.Redact(a.as))
		}
		r := check.Error(mControlNoSession, check.Redact(who.ID), got).With(a.trace.Evidence()...)
		return a, &r
	}
	return a, nil
}

// variants logs in once per mode and returns the modes the portal accepted (it logged the
// browser in as anyone), with evidence.
func variants(ctx context.Context, s *check.Session, who ident.Person, modes ...ssotest.Mode) (accepted []attempt, ev []scoring.Evidence, errResult *check.Result) {
	for _, m := range modes {
		a := login(ctx, s, who, m)
		if a.err != nil {
			r := fromErr(msg.P(mStepForgedMode, describe(m)), a.err).With(a.trace.Evidence()...)
			return nil, nil, &r
		}
		note := msg.P(mNoteForgedRefused, describe(m))
		if a.as != "" {
			note = msg.P(mNoteForgedAccepted, describe(m), check.Redact(a.as))
			accepted = append(accepted, a)
		}
		if a.flow.Redeemed() {
			note = msg.P(mNoteRedeemed, note)
		}
		e := scoring.Evidence{Excerpt: tokenExcerpt(a.flow.IDToken)}.Noted(msg.Verbatim, note)
		if a.trace != nil && a.trace.Final != nil {
			e.Request = "GET " + maskURL(a.trace.Final.FinalURL)
			e.Status = a.trace.Final.StatusCode
		}
		ev = append(ev, e)
	}
	return accepted, ev, nil
}

// describeAll says what the fake sent in the attempts.
func describeAll(as []attempt) msg.List {
	var out []msg.Phrase
	for _, a := range as {
		out = append(out, describe(a.mode))
	}
	return msg.List{Items: out}
}

// describe says what the fake SSO sends in mode.
func describe(m ssotest.Mode) msg.Phrase {
	return m.Phrase()
}

// forgedCheck is the shape of P06-AUTH-03 … 06: a control login, then one login per mode, and
// a failure naming every mode the portal accepted.
func forgedCheck(ctx context.Context, s *check.Session, slot int, what msg.Text, modes ...ssotest.Mode) check.Result {
	sso, err := fake(s)
	if err != nil {
		return fromErr(msg.P(mStepChecking, msg.P(what)), err)
	}
	who, err := citizen(sso, slot)
	if err != nil {
		return fromErr(msg.P(mStepChecking, msg.P(what)), err)
	}
	ctl, r := control(ctx, s, who)
	if r != nil {
		return *r
	}
	start := maskURL(ctl.trace.Start)
	if abs, err := s.Resolve(ctl.trace.Start); err == nil {
		start = maskURL(abs)
	}
	accepted, ev, r := variants(ctx, s, who, modes...)
	if r != nil {
		return *r
	}
	var names []string
	for _, m := range modes {
		names = append(names, m.String())
	}
	want := msg.P(mForgedWant, strings.Join(names, ", "))
	if len(accepted) > 0 {
		return check.Fail(mForgedAccepted, describeAll(accepted), len(accepted), len(modes)).
			Saw(msg.P(mForgedGot, describeAll(accepted)), want).At(start).With(ev...)
	}
	return check.Pass(mForgedRefused, msg.P(what), strings.Join(names, ", ")).At(start).With(ev...)
}

// fromErr is check.FromError, except that a missing fake SSO is not_tested with mNoSSO, which
// says how to give the checks one (the step, what, is the same for every check then: left out).
func fromErr(what msg.Phrase, err error) check.Result {
	if errors.Is(err, errNoSSO) {
		return check.NotTested(mNoSSO)
	}
	return check.FromError(what, err)
}

// maskURL masks the values of OAuth parameters (code, state, tokens) in a URL for evidence.
func maskURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return check.Redact(raw)
	}
	q := u.Query()
	for _, p := range []string{"code", "state", "nonce", "id_token", "access_token", "session_state", "code_challenge"} {
		if q.Get(p) != "" {
			q.Set(p, "[redacted]")
		}
	}
	u.RawQuery = strings.ReplaceAll(q.Encode(), "%5Bredacted%5D", "[redacted]")
	return check.Redact(u.String())
}

// tokenExcerpt shows what a forged ID token said — its header and the claims that make it
// forged — without its signature, nonce or the citizen's number.
func tokenExcerpt(tok string) string {
	if tok == "" {
		return ""
	}
	j, err := jose.Parse(tok)
	if err != nil {
		return ""
	}
	var c jose.Claims
	if json.Unmarshal(j.Payload, &c) != nil {
		return ""
	}
	nonce := "absent"
	if c.Nonce != "" {
		nonce = "present"
	}
	return fmt.Sprintf("ID token header alg=%q kid=%q; iss=%q aud=%q iat=%s exp=%s nonce %s",
		j.Header.Alg, j.Header.Kid, c.Issuer, []string(c.Audience), unix(c.IssuedAt), unix(c.Expiry), nonce)
}

func unix(t int64) string {
	if t == 0 {
		return "absent"
	}
	return time.Unix(t, 0).UTC().Format(time.RFC3339)
}
