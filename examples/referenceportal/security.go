package referenceportal

import (
	"net/http"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// secure adds the security headers every response carries (CSP, HSTS, framing, nosniff,
// Referrer-Policy) and removes version banners.
func (p *Portal) secure(next http.Handler) http.Handler {
	d := p.cfg.Defects
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		csp := "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self' " + p.ssoOrigin() + "; frame-ancestors 'none'"
		if d.WeakCSP {
			csp = "default-src 'self' 'unsafe-inline' 'unsafe-eval' https: http:"
		}
		if d.NoFraming {
			csp = strings.Replace(csp, "; frame-ancestors 'none'", "", 1)
		} else {
			h.Set("X-Frame-Options", "DENY")
		}
		h.Set("Content-Security-Policy", csp)
		if !d.NoHSTS {
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		if !d.NoNosniff {
			h.Set("X-Content-Type-Options", "nosniff")
		}
		if d.LeakyReferrer {
			h.Set("Referrer-Policy", "unsafe-url")
		} else {
			h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		}
		if d.VersionBanner {
			h.Set("Server", "nginx/1.18.0 (Ubuntu)")
			h.Set("X-Powered-By", "PHP/7.4.3")
		}
		if d.CORSWildcard {
			if o := r.Header.Get("Origin"); o != "" {
				h.Set("Access-Control-Allow-Origin", o)
			} else {
				h.Set("Access-Control-Allow-Origin", "*")
			}
			h.Set("Access-Control-Allow-Credentials", "true")
		}
		if d.InsecureCookies && p.sessionCookie(r) == "" {
			// Like many PHP portals: an anonymous session on every page, without Secure,
			// HttpOnly or SameSite.
			http.SetCookie(w, &http.Cookie{Name: "PHPSESSID", Value: randomID(16), Path: "/"})
		}
		next.ServeHTTP(w, r)
	})
}

// setSession sets the session cookie: Secure, HttpOnly, SameSite=Lax, host-only.
func (p *Portal) setSession(w http.ResponseWriter, sid string, maxAge int) {
	c := &http.Cookie{Name: "__Host-phien", Value: sid, Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: maxAge}
	if p.cfg.Defects.InsecureCookies {
		c = &http.Cookie{Name: "PHPSESSID", Value: sid, Path: "/", MaxAge: maxAge}
	}
	http.SetCookie(w, c)
}

func (p *Portal) sessionCookie(r *http.Request) string {
	for _, name := range []string{"__Host-phien", "PHPSESSID"} {
		if c, err := r.Cookie(name); err == nil {
			return c.Value
		}
	}
	return ""
}

// citizen returns who is logged in on r, or nil.
func (p *Portal) citizen(r *http.Request) *citizen {
	sid := p.sessionCookie(r)
	if sid == "" {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.sessions[sid]
}

// fold lower-cases and strips Vietnamese diacritics so that search matches "khai sinh" and
// "Khai Sinh" and "khai sinh" typed without accents.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case r >= 0x300 && r <= 0x36f:
			continue
		case r == 'đ':
			b.WriteRune('d')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
