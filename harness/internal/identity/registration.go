package identity

import (
	"context"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// maxRegistrationPages bounds the registration pages P06-AUTH-10 follows.
const maxRegistrationPages = 5

// P06-AUTH-10 (automated): citizens have no local registration with a password that bypasses
// the national e-ID (Decision 06; from 01/07/2024 DVCQG accepts VNeID as the sole citizen login).
// The check reads the home page and the login entry, follows their same-host "Đăng ký" /
// "Đăng ký tài khoản" links, and fails on any form that creates an account with a password.
// Registration links to the national SSO or VNeID (another host) are what a compliant portal
// offers and are not followed.
func checkLocalRegistration(ctx context.Context, s *check.Session) check.Result {
	prof, home, err := profileHome(ctx, s)
	if err != nil {
		return fromErr(msg.P(mStepProfile), err)
	}
	pages := []string{home}
	if prof.Login != "" {
		pages = append(pages, prof.Login)
	}
	seen := map[string]bool{}
	var found []scoring.Evidence
	var visited []string
	for i := 0; i < len(pages) && len(visited) < 2+maxRegistrationPages; i++ {
		abs, err := s.Resolve(pages[i])
		if err != nil || seen[abs] {
			continue
		}
		seen[abs] = true
		p, err := s.Page(ctx, abs)
		if err != nil {
			if i == 0 {
				return fromErr(msg.P(mStepHome), err)
			}
			continue
		}
		visited = append(visited, abs)
		if p.Doc == nil || p.StatusCode >= 400 {
			continue
		}
		for _, f := range passwordForms(p.Doc) {
			if f.registration {
				found = append(found, scoring.Evidence{Request: "GET " + check.Redact(p.FinalURL), Status: p.StatusCode,
					Location: htmlx.Path(f.node), Excerpt: htmlx.Outer(f.node, 200)}.Noted(mNoteRegistrationForm, *f.why))
			}
		}
		if i >= 2 && len(pages) > 2 { // only the home page and the login entry are searched for links
			continue
		}
		for _, l := range htmlx.Links(p.Doc, p.FinalURL) {
			if !isRegistrationLink(l.Folded(), strings.ToLower(l.Href)) || !l.OnHost(s.Base().Hostname()) {
				continue
			}
			if len(pages) < 2+maxRegistrationPages {
				pages = append(pages, l.URL.String())
			}
		}
	}
	if len(found) > 0 {
		return check.Fail(mRegistrationFail, len(found), strings.TrimPrefix(found[0].Request, "GET ")).
			Saw(msg.P(mRegistrationGot), msg.P(mRegistrationWant)).
			At(strings.TrimPrefix(found[0].Request, "GET ")).With(found...)
	}
	return check.Pass(mRegistrationPass, len(visited)).
		With(scoring.Evidence{}.Noted(mNotePagesRead, check.Redact(strings.Join(visited, ", "))))
}

// isRegistrationLink reports whether a link (folded text, lower-case href) leads to account
// registration. A bare "Đăng ký" counts only as the whole text of the link: procedure names such
// as "Đăng ký khai sinh" (birth registration) are not account registration.
func isRegistrationLink(text, href string) bool {
	if text == "dang ky" || text == "dang ki" {
		return true
	}
	for _, w := range []string{"dang ky tai khoan", "dang ki tai khoan", "tao tai khoan", "register", "sign up", "signup"} {
		if htmlx.FoldedContains(text, w) {
			return true
		}
	}
	for _, w := range []string{"register", "signup", "sign-up", "dang-ky-tai-khoan", "dangkytaikhoan", "dang-ky"} {
		if strings.Contains(href, w) && !strings.Contains(href, "dang-ky-") {
			return true
		}
	}
	return strings.Contains(href, "dang-ky-tai-khoan")
}
