package headers

import (
	"context"
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/harness/msg"
)

// Checks returns the checks of this family: P06-SEC-06 … P06-SEC-12 and P06-SEC-18.
func Checks() []check.Check {
	return []check.Check{
		{ID: "P06-SEC-06", Run: checkHSTS},
		{ID: "P06-SEC-07", Run: checkCSP},
		{ID: "P06-SEC-08", Run: checkFraming},
		{ID: "P06-SEC-09", Run: checkNosniff},
		{ID: "P06-SEC-10", Run: checkReferrer},
		{ID: "P06-SEC-11", Run: checkCookies},
		{ID: "P06-SEC-12", Run: checkBanners},
		{ID: "P06-SEC-18", Run: checkCORS},
	}
}

// MinHSTSMaxAge is P06-SEC-06's threshold, counted as the HTTP Observatory counts six months.
const MinHSTSMaxAge = 15552000

func checkHSTS(ctx context.Context, s *check.Session) check.Result {
	return judgePages(ctx, s, mHSTSPass, mHSTSFail, msg.P(mHSTSWant, MinHSTSMaxAge), []string{"Strict-Transport-Security"}, judgeHSTS)
}

func judgeHSTS(p *check.Page) verdict {
	if !isHTTPS(p) {
		return verdict{Fault: msg.P(mHSTSPlain), Got: msg.P(mHSTSPlainGot)}
	}
	vals := p.Header.Values("Strict-Transport-Security")
	if len(vals) == 0 {
		return verdict{Fault: msg.P(mHSTSMissing), Got: msg.P(mHSTSNoneGot)}
	}
	// Browsers process only the first header (RFC 6797 §8.1).
	h, err := ParseHSTS(vals[0])
	if err != nil {
		return verdict{Fault: msg.P(mHSTSInvalid, truncate(vals[0], 80), err), Got: msg.P(mHSTSBadGot)}
	}
	if h.MaxAge < MinHSTSMaxAge {
		return verdict{Fault: msg.P(mHSTSShort, h.MaxAge, MinHSTSMaxAge), Got: msg.P(mHSTSMaxAge, h.MaxAge)}
	}
	var note []string
	note = append(note, fmt.Sprintf("max-age=%d", h.MaxAge))
	if h.IncludeSubDomains {
		note = append(note, "includeSubDomains")
	}
	if h.Preload {
		note = append(note, "preload")
	}
	return verdict{Note: pagejudge.Datum(strings.Join(note, "; "))}
}

func checkCSP(ctx context.Context, s *check.Session) check.Result {
	return judgePages(ctx, s, mCSPPass, mCSPFail, msg.P(mCSPWant), []string{"Content-Security-Policy", "Content-Security-Policy-Report-Only"}, judgeCSP)
}

func judgeCSP(p *check.Page) verdict {
	raw := p.Header.Values("Content-Security-Policy")
	meta := metaEquiv(p.Doc, "http-equiv", "content-security-policy")
	if len(raw)+len(meta) == 0 {
		if ro := p.Header.Get("Content-Security-Policy-Report-Only"); ro != "" {
			return verdict{Fault: msg.P(mCSPReportOnly), Got: msg.P(mCSPReportGot)}
		}
		return verdict{Fault: msg.P(mCSPMissing), Got: msg.P(mCSPNoneGot)}
	}
	var policies []Policy
	for _, v := range append(raw, meta...) {
		// A header may carry several policies separated by commas.
		for _, one := range strings.Split(v, ",") {
			if strings.TrimSpace(one) == "" {
				continue
			}
			pol, err := ParseCSP(one)
			if err != nil {
				return verdict{Fault: msg.P(mCSPInvalid, err), Got: msg.P(mCSPBadGot)}
			}
			policies = append(policies, pol)
		}
	}
	// Every policy is enforced: scripts are restricted when any one policy restricts them.
	var worst ScriptVerdict
	for i, pol := range policies {
		v := pol.Scripts(isHTTPS(p))
		if len(v.Problems) == 0 {
			notes := append(v.Notes, msg.P(mNoteScriptsRestricted))
			if len(v.Beyond) > 0 {
				// Reported, not failed: the requirement names the script policy only.
				notes = append(notes, msg.P(mNoteBeyond, msg.List{Items: v.Beyond}))
			}
			return verdict{Note: msg.P(msg.Verbatim, msg.List{Items: notes})}
		}
		if i == 0 {
			worst = v
		}
	}
	problems := msg.List{Items: worst.Problems}
	return verdict{Fault: msg.P(mCSPUnsafe, problems), Got: msg.P(msg.Verbatim, problems)}
}

func checkFraming(ctx context.Context, s *check.Session) check.Result {
	return judgePages(ctx, s, mFramingPass, mFramingFail, msg.P(mFramingWant), []string{"X-Frame-Options", "Content-Security-Policy"}, judgeFraming)
}

func judgeFraming(p *check.Page) verdict {
	// frame-ancestors counts only from the header: browsers ignore it in a meta tag.
	for _, v := range p.Header.Values("Content-Security-Policy") {
		for _, one := range strings.Split(v, ",") {
			pol, err := ParseCSP(one)
			if err != nil {
				continue
			}
			if fa, ok := pol.FrameAncestors(); ok {
				for _, src := range fa {
					if dangerouslyBroad[src] {
						return verdict{Fault: msg.P(mFramingBroad, src), Got: pagejudge.Datum("frame-ancestors " + strings.Join(fa, " "))}
					}
				}
				return verdict{Note: pagejudge.Datum("CSP frame-ancestors " + strings.Join(fa, " "))}
			}
		}
	}
	xfo := p.Header.Values("X-Frame-Options")
	if len(xfo) == 0 {
		return verdict{Fault: msg.P(mFramingMissing), Got: msg.P(mFramingNoneGot)}
	}
	v := strings.ToLower(strings.TrimSpace(xfo[0]))
	switch {
	case v == "deny" || v == "sameorigin":
		return verdict{Note: pagejudge.Datum("X-Frame-Options " + strings.ToUpper(v))}
	case strings.HasPrefix(v, "allow-from"):
		return verdict{Fault: msg.P(mFramingAllowFrom, xfo[0]), Got: pagejudge.Datum("X-Frame-Options ALLOW-FROM")}
	}
	return verdict{Fault: msg.P(mFramingInvalid, truncate(xfo[0], 60)), Got: msg.P(mFramingBadGot)}
}

func checkNosniff(ctx context.Context, s *check.Session) check.Result {
	return judgePages(ctx, s, mNosniffPass, mNosniffFail, msg.P(mNosniffWant), []string{"X-Content-Type-Options"}, judgeNosniff)
}

func judgeNosniff(p *check.Page) verdict {
	v := p.Header.Values("X-Content-Type-Options")
	if len(v) == 0 {
		return verdict{Fault: msg.P(mNosniffMissing), Got: msg.P(mNosniffNoneGot)}
	}
	if strings.ToLower(strings.TrimSpace(v[0])) != "nosniff" {
		return verdict{Fault: msg.P(mNosniffWrong, truncate(v[0], 60)), Got: pagejudge.Datum("X-Content-Type-Options " + truncate(v[0], 60))}
	}
	return verdict{Note: pagejudge.Datum("nosniff")}
}

func checkReferrer(ctx context.Context, s *check.Session) check.Result {
	return judgePages(ctx, s, mReferrerPass, mReferrerFail, msg.P(mReferrerWant), []string{"Referrer-Policy"}, judgeReferrer)
}

func judgeReferrer(p *check.Page) verdict {
	vals := append(p.Header.Values("Referrer-Policy"), metaEquiv(p.Doc, "name", "referrer")...)
	if len(vals) == 0 {
		// The requirement is that the portal sets a policy: a browser's default is not the
		// portal's (older browsers default to no-referrer-when-downgrade, which sends the full
		// URL to other HTTPS sites). The HTTP Observatory passes an absent header.
		return verdict{Fault: msg.P(mReferrerMissing), Got: msg.P(mReferrerNoneGot)}
	}
	pol, ok := ReferrerPolicy(vals)
	if !ok {
		return verdict{Fault: msg.P(mReferrerInvalid, truncate(strings.Join(vals, ", "), 80)), Got: msg.P(mReferrerBadGot)}
	}
	if why := leakyReferrer[pol]; !why.IsZero() {
		return verdict{Fault: msg.P(mReferrerLeaky, pol, msg.P(why)), Got: pagejudge.Datum("Referrer-Policy " + pol)}
	}
	return verdict{Note: pagejudge.Datum("Referrer-Policy " + pol)}
}
