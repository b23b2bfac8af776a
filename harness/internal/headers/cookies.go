package headers

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/scoring"
)

// judgeCookie lists what is wrong with one cookie set over https (or not), in English and in
// Vietnamese.
func judgeCookie(c Cookie, https bool) (p, vi []string) {
	if !c.Secure {
		if https {
			p, vi = append(p, "not Secure"), append(vi, "thiếu Secure")
		} else {
			p, vi = append(p, "not Secure (and set over plain HTTP)"), append(vi, "thiếu Secure (và được đặt qua HTTP)")
		}
	}
	if c.IsSession() && !c.HttpOnly {
		p = append(p, "a session cookie without HttpOnly (scripts can read it)")
		vi = append(vi, "cookie phiên thiếu HttpOnly (script đọc được)")
	}
	// Cookie prefixes (RFC 6265bis §4.1.3): browsers reject cookies that break them.
	switch {
	case strings.HasPrefix(c.Name, "__Host-") && (!c.Secure || c.Path != "/" || c.Domain != ""):
		p = append(p, "a __Host- cookie needs Secure, Path=/ and no Domain (browsers reject it)")
		vi = append(vi, "cookie __Host- phải có Secure, Path=/ và không có Domain (trình duyệt từ chối)")
	case strings.HasPrefix(c.Name, "__Secure-") && !c.Secure:
		p = append(p, "a __Secure- cookie without Secure (browsers reject it)")
		vi = append(vi, "cookie __Secure- thiếu Secure (trình duyệt từ chối)")
	}
	switch {
	case c.SameSite == "":
		p, vi = append(p, "no SameSite"), append(vi, "thiếu SameSite")
	case !c.SameSiteValid:
		p = append(p, fmt.Sprintf("SameSite=%q is not Strict, Lax or None", c.SameSite))
		vi = append(vi, fmt.Sprintf("SameSite=%q không phải Strict, Lax hay None", c.SameSite))
	case strings.EqualFold(c.SameSite, "none") && !c.Secure:
		p = append(p, "SameSite=None without Secure (browsers reject it)")
		vi = append(vi, "SameSite=None mà thiếu Secure (trình duyệt từ chối)")
	}
	return p, vi
}

// checkCookies judges P06-SEC-11 on the cookies the citizen pages set: every cookie Secure,
// session cookies HttpOnly, every cookie with a valid SameSite. The HTTP Observatory does not
// require SameSite (it only rewards it); the criterion does.
func checkCookies(ctx context.Context, s *check.Session) check.Result {
	want := "every cookie Secure and with SameSite (Strict, Lax, or None with Secure); session cookies HttpOnly"
	type seen struct {
		page       string
		problems   []string
		problemsVI []string
	}
	cookies := map[string]seen{}
	var pages, errs []string
	var ev []scoring.Evidence
	for _, u := range CitizenPages(ctx, s) {
		p, err := s.Page(ctx, u)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", check.Redact(u), err))
			continue
		}
		pages = append(pages, p.FinalURL)
		// Cookies set by the responses that redirected to this page (a login entry that sets
		// its session cookie, then redirects) count too: the page's own response lacks them.
		lines := append(p.Header.Values("Set-Cookie"), hopCookies(ctx, s, p.Redirects)...)
		for _, line := range lines {
			c, err := ParseSetCookie(line)
			if err != nil {
				ev = append(ev, scoring.Evidence{Request: "GET " + check.Redact(p.FinalURL), Status: p.StatusCode, Note: "ignored: " + err.Error()})
				continue
			}
			if _, dup := cookies[c.Name]; dup {
				continue
			}
			probs, probsVI := judgeCookie(c, isHTTPS(p))
			cookies[c.Name] = seen{page: p.FinalURL, problems: probs, problemsVI: probsVI}
			attrs := describeCookie(c)
			note := "cookie " + c.Name + ": " + attrs
			if len(probs) > 0 {
				note += " — " + strings.Join(probs, ", ")
			}
			ev = append(ev, scoring.Evidence{Request: "GET " + check.Redact(p.FinalURL), Status: p.StatusCode, Note: note})
		}
	}
	if len(pages) == 0 {
		return check.Errorf("no page could be fetched: %s", strings.Join(errs, "; ")).VI("không tải được trang nào")
	}
	if len(cookies) == 0 {
		return check.Passf("no cookies are set by the %d page(s) visited", len(pages)).
			VI("%d trang đã xem không đặt cookie nào", len(pages)).GotWant("no cookies", want)
	}
	names := make([]string, 0, len(cookies))
	for n := range cookies {
		names = append(names, n)
	}
	sort.Strings(names)
	var bad, badVI []string
	var at string
	for _, n := range names {
		if c := cookies[n]; len(c.problems) > 0 {
			bad = append(bad, fmt.Sprintf("%s (set by %s): %s", n, check.Redact(c.page), strings.Join(c.problems, ", ")))
			badVI = append(badVI, fmt.Sprintf("%s (đặt bởi %s): %s", n, check.Redact(c.page), strings.Join(c.problemsVI, ", ")))
			if at == "" {
				at = c.page
			}
		}
	}
	if len(bad) > 0 {
		return check.Failf("%d of %d cookie(s) are unsafe: %s", len(bad), len(cookies), strings.Join(bad, "; ")).
			VI("%d/%d cookie không an toàn: %s", len(bad), len(cookies), strings.Join(badVI, "; ")).
			GotWant(strings.Join(bad, "; "), want).At(at).With(ev...)
	}
	return check.Passf("all %d cookie(s) are Secure with SameSite, session cookies HttpOnly: %s", len(cookies), strings.Join(names, ", ")).
		VI("cả %d cookie đều có Secure, SameSite; cookie phiên có HttpOnly", len(cookies)).
		GotWant("all cookies safe", want).With(ev...)
}

// judgeCookies judges the cookies one response sets (the per-response view of P06-SEC-11).
func judgeCookies(p *check.Page) verdict {
	var bad, names []string
	for _, line := range p.Header.Values("Set-Cookie") {
		c, err := ParseSetCookie(line)
		if err != nil {
			continue
		}
		names = append(names, c.Name)
		if probs, _ := judgeCookie(c, isHTTPS(p)); len(probs) > 0 {
			bad = append(bad, c.Name+": "+strings.Join(probs, ", "))
		}
	}
	if len(bad) > 0 {
		return verdict{Problem: strings.Join(bad, "; "), Got: strings.Join(bad, "; ")}
	}
	if len(names) == 0 {
		return verdict{Note: "no cookies"}
	}
	return verdict{Note: "cookies " + strings.Join(names, ", ") + " safe"}
}

// maxHops bounds the redirect responses re-fetched for their cookies, per page.
const maxHops = 4

// hopCookies fetches, without following, each same-host URL of a redirect chain and returns the
// Set-Cookie values of the redirect responses.
func hopCookies(ctx context.Context, s *check.Session, hops []string) []string {
	var out []string
	c := &http.Client{Transport: s.Transport(), CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for i, h := range hops {
		if i == maxHops {
			break
		}
		u, err := url.Parse(h)
		if err != nil || !strings.EqualFold(u.Host, s.Base().Host) {
			continue
		}
		rctx, cancel := context.WithTimeout(ctx, s.Config().RequestTimeout)
		req, err := http.NewRequestWithContext(rctx, http.MethodGet, h, nil)
		if err != nil {
			cancel()
			continue
		}
		req.Header.Set("User-Agent", s.Config().UserAgent)
		resp, err := c.Do(req)
		if err == nil {
			out = append(out, resp.Header.Values("Set-Cookie")...)
			_, _ = io.CopyN(io.Discard, resp.Body, 64<<10)
			resp.Body.Close()
		}
		cancel()
	}
	return out
}

func describeCookie(c Cookie) string {
	var a []string
	if c.Secure {
		a = append(a, "Secure")
	}
	if c.HttpOnly {
		a = append(a, "HttpOnly")
	}
	if c.SameSite != "" {
		a = append(a, "SameSite="+c.SameSite)
	}
	if c.Persistent {
		a = append(a, "persistent")
	} else {
		a = append(a, "session-lifetime")
	}
	if c.IsSession() {
		a = append(a, "treated as a session cookie")
	}
	return strings.Join(a, "; ")
}
