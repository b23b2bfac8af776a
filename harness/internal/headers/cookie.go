package headers

import (
	"regexp"
	"strings"

	"github.com/p06kit/p06kit/internal/textx"

	"github.com/p06kit/p06kit/harness/msg"
)

// Cookie is what a Set-Cookie header (RFC 6265 §5.2) says about one cookie.
type Cookie struct {
	Name, Value string
	Secure      bool
	HttpOnly    bool
	// SameSite is the attribute's value as sent ("" when absent); SameSiteValid is false when it
	// is present but not Strict, Lax or None.
	SameSite      string
	SameSiteValid bool
	// Persistent is true when Expires or Max-Age is set; a cookie without them lives for the
	// browser session.
	Persistent bool
	Domain     string
	Path       string
}

// ParseSetCookie parses one Set-Cookie value. It fails on a value without a name=value pair
// (browsers ignore such headers) and on names that are not tokens.
func ParseSetCookie(line string) (Cookie, error) {
	if len(line) > 8192 {
		return Cookie{}, msg.Error(mErrCookieLong, len(line))
	}
	parts := strings.Split(line, ";")
	name, value, ok := strings.Cut(parts[0], "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" {
		return Cookie{}, msg.Error(mErrCookieNoPair, truncate(line, 60))
	}
	for _, c := range name {
		if c <= 0x20 || c >= 0x7f || strings.ContainsRune(`()<>@,;:\"/[]?={}`, c) {
			return Cookie{}, msg.Error(mErrCookieBadToken, name)
		}
	}
	c := Cookie{Name: name, Value: strings.TrimSpace(value)}
	for _, a := range parts[1:] {
		k, v, _ := strings.Cut(a, "=")
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		switch k {
		case "secure":
			c.Secure = true
		case "httponly":
			c.HttpOnly = true
		case "samesite":
			c.SameSite = v
			switch strings.ToLower(v) {
			case "strict", "lax", "none":
				c.SameSiteValid = true
			}
		case "expires", "max-age":
			if v != "" {
				c.Persistent = true
			}
		case "domain":
			c.Domain = v
		case "path":
			c.Path = v
		}
	}
	return c, nil
}

// sessionNames matches names that session and authentication cookies are given by common
// frameworks (PHPSESSID, JSESSIONID, ASP.NET_SessionId, connect.sid, laravel_session, …) and by
// the Observatory ("sess", "login").
var sessionNames = regexp.MustCompile(`(?i)(sess|sid$|^sid|login|auth|token|jwt|remember|^_?session|aspxauth|^rack\.)`)

// opaque matches values that look like a random identifier.
var opaque = regexp.MustCompile(`^[A-Za-z0-9+/=_.%-]{16,}$`)

// IsSession reports whether the cookie is a session (or authentication) cookie, which must be
// HttpOnly: its name says so, or it lives only for the browser session and holds an opaque
// identifier.
func (c Cookie) IsSession() bool {
	return sessionNames.MatchString(c.Name) || (!c.Persistent && opaque.MatchString(c.Value))
}

// truncate shortens s to n characters, never inside one (Vietnamese text is mostly multi-byte).
func truncate(s string, n int) string { return textx.Truncate(s, n) }
