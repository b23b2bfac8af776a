package identity

import (
	"context"
	"net/url"
	"sort"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/internal/textx"
	"github.com/p06kit/p06kit/scoring"
)

// probeHost is the site the return-URL parameters point at: a name that never resolves (.invalid,
// RFC 2606), and the harness never sends a request there anyway (it is outside the scan's scope).
const probeHost = "p06kit-redirect-probe.invalid"

// returnParams are the names portals and frameworks give the return URL of a login (ASP.NET's
// ReturnUrl, Spring's redirect and continue, Django's next, …).
var returnParams = []string{"ReturnUrl", "returnUrl", "return_url", "returnTo", "return_to", "redirect", "redirect_url",
	"redirectUrl", "redirect_to", "next", "url", "continue", "backUrl", "callbackUrl", "goto", "target", "from"}

// P06-AUTH-11: after a login, the portal does not send the browser to another site named in the
// login's return-URL parameter (an open redirect, OWASP ASVS 4.0.3 V5.1.5): a phishing link to
// the real portal's login would otherwise deliver the freshly logged-in citizen to the attacker.
//
// The check begins three logins at the profile's Login entry with every usual return-URL
// parameter (and any parameter of the entry whose value is a path or a URL) set to
// https://probeHost/, then //probeHost/, then /\\probeHost/ (which browsers read as //probeHost/,
// past a check for one leading "/"), logs in through the fake SSO each time and looks where the
// portal sends the browser: a redirect to the probe host fails (it is not followed: the harness
// never contacts a host it was not given); landing on the portal each time passes, naming the
// parameters tried. A login that does not complete, or whose callback the adapter's
// CompleteLogin delivers, shows nothing: error.
func checkLoginRedirect(ctx context.Context, s *check.Session) check.Result {
	sso, err := fake(s)
	if err != nil {
		return fromErr(msg.P(mStepRedirect), err)
	}
	prof, err := s.Profile(ctx)
	if err != nil {
		return fromErr(msg.P(mStepProfile), err)
	}
	if prof.Login == "" {
		return fromErr(msg.P(mStepRedirect), &check.NotImplementedError{Method: "a profile Login entry (where the login begins, to add a return URL to)"})
	}
	abs, err := s.Resolve(prof.Login)
	if err != nil {
		return fromErr(msg.P(mStepLoginEntry), err)
	}
	entry, err := url.Parse(abs)
	if err != nil {
		return fromErr(msg.P(mStepLoginEntry), err)
	}
	q := entry.Query()
	tried := map[string]bool{}
	for name, vals := range q {
		if len(vals) > 0 && (strings.HasPrefix(vals[0], "/") || strings.HasPrefix(vals[0], "http")) {
			tried[name] = true
		}
	}
	for _, name := range returnParams {
		tried[name] = true
	}
	names := make([]string, 0, len(tried))
	for name := range tried {
		names = append(names, name)
	}
	sort.Strings(names)
	who, err := citizen(sso, slotRedirect)
	if err != nil {
		return fromErr(msg.P(mStepRedirect), err)
	}
	want := msg.P(mRedirectWant)
	var ev []scoring.Evidence
	var landed []string
	// The absolute URL, and the two forms that slip past a check for a leading "/": a
	// protocol-relative URL, and "/\" which browsers read as "//".
	for _, probe := range []string{"https://" + probeHost + "/", "//" + probeHost + "/", "/\\" + probeHost + "/"} {
		for _, name := range names {
			q.Set(name, probe)
		}
		entry.RawQuery = q.Encode()
		b, tr, err := s.LoginSSOAt(ctx, who, ssotest.Normal, entry.String())
		ev = append(ev, scoring.Evidence{Request: "GET " + check.Redact(entry.Scheme+"://"+entry.Host+entry.Path) + "?…"}.
			Noted(mNoteReturnURLs, len(names), probe, strings.Join(names, ", ")))
		ev = append(ev, tr.Evidence()...)
		fail := func(how msg.Phrase) check.Result {
			return check.Fail(mRedirectOpen, probe, how).
				Saw(msg.P(mRedirectGot, probeHost), want).At(check.Redact(prof.Login)).With(ev...)
		}
		if err != nil {
			if strings.Contains(err.Error(), probeHost) {
				quote := func(lang string) string { return truncate(check.Redact(msg.Verbatim.Render(lang, err)), 160) }
				ev = append(ev, scoring.Evidence{}.Noted(mNoteRedirectRefused, probeHost, msg.Rendered{EN: quote(msg.EN), VI: quote(msg.VI)}))
				return fail(msg.P(mRedirectThere))
			}
			return fromErr(msg.P(mStepLoginReturnURL), err).With(ev...)
		}
		if tr.Final == nil {
			return check.Error(mRedirectCallback).With(ev...)
		}
		// Go resolves "/\host/" as a path of the portal; a browser goes to host.
		for _, u := range tr.Chain {
			if pu, err := url.Parse(u); err == nil && backslashHost(pu.Path) {
				ev = append(ev, scoring.Evidence{Request: "GET " + maskURL(u)}.Noted(mNoteBackslash, probeHost))
				return fail(msg.P(mRedirectBackslash, probeHost))
			}
		}
		as, err := whoAmI(ctx, s, b)
		if err != nil {
			return fromErr(msg.P(mStepAskAfterReturnURL), err).With(ev...)
		}
		if as != who.ID {
			return check.Error(mRedirectNoSession, check.Redact(who.ID), whom(as)).With(ev...)
		}
		landed = append(landed, maskURL(tr.Final.FinalURL))
	}
	return check.Pass(mRedirectPass, strings.Join(names, ", "), strings.Join(landed, ", ")).
		Saw(msg.P(mRedirectLanded, strings.Join(landed, ", ")), want).With(ev...)
}

// backslashHost reports whether a path is "/\probeHost…" (raw or escaped), which browsers read
// as a protocol-relative URL to probeHost.
func backslashHost(path string) bool {
	p := strings.ToLower(path)
	return strings.HasPrefix(p, "/\\"+probeHost) || strings.HasPrefix(p, "/%5c"+probeHost)
}

func truncate(s string, n int) string { return textx.Truncate(s, n) }
