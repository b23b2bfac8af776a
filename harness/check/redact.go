package check

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// Evidence is stored in reports that travel (to the ministry, into CI logs, into pull-request
// comments), so every piece of text the harness puts in a finding goes through these functions.
// They err on the side of masking: a masked non-secret costs a little readability, a leaked
// session cookie or citizen number costs much more.

// pinRe matches a 12-digit personal identification number not embedded in a longer run of
// digits.
var pinRe = regexp.MustCompile(`(^|[^0-9])([0-9]{3})[0-9]{7}([0-9]{2})($|[^0-9])`)

// secretParams are query, form and JSON keys whose values are secrets (compared case-
// insensitively, with '-' and '_' ignored).
var secretParams = []string{
	"accesstoken", "idtoken", "refreshtoken", "token", "code", "clientsecret", "apikey", "key",
	"password", "passwd", "pwd", "secret", "sessionid", "session", "sid", "jsessionid",
	"phpsessid", "authorization", "assertion", "samlresponse", "otp", "pin", "state", "nonce",
	"codeverifier", "signature", "sig",
}

// kvRe matches key=value pairs (query strings, form bodies, free text); jsonRe matches
// "key": "value" members. A bare "key: value" is left alone: messages say "status code: 404".
var (
	kvRe   = regexp.MustCompile(`(^|[?&;\s"'(,])([A-Za-z0-9_\-]{2,40})=([^&\s"';,<>)]+)`)
	jsonRe = regexp.MustCompile(`"([A-Za-z0-9_\-]{2,40})"(\s*:\s*)"((?:[^"\\]|\\.)*)"`)
)

// bearerRe matches credentials after an authorization scheme.
var bearerRe = regexp.MustCompile(`(?i)\b(bearer|basic|digest)\s+[A-Za-z0-9._~+/=\-]{6,}`)

// jwtRe matches JSON Web Tokens wherever they appear.
var jwtRe = regexp.MustCompile(`\beyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*`)

// keySeparators is dropped from parameter names before they are compared (built once: a
// Replacer is safe for concurrent use).
var keySeparators = strings.NewReplacer("_", "", "-", "")

func isSecretKey(k string) bool {
	k = keySeparators.Replace(strings.ToLower(k))
	if strings.HasSuffix(k, "token") || strings.HasSuffix(k, "secret") || strings.HasSuffix(k, "password") {
		return true
	}
	for _, s := range secretParams {
		if k == s {
			return true
		}
	}
	return false
}

// maskPIN masks a personal identification number as "001*******45".
func maskPIN(s string) string {
	if !hasDigitRun(s, 12) {
		return s // the common case, without the regexp
	}
	// Two passes: adjacent numbers share their separator, which one regexp pass consumes.
	for range 2 {
		s = pinRe.ReplaceAllString(s, "$1$2*******$3$4")
	}
	return s
}

// Redact masks secrets in free text: 12-digit personal identification numbers become
// "001*******45", bearer credentials, JSON Web Tokens and the values of secret-looking
// key=value pairs (access_token, id_token, code, client_secret, ApiKey, password, …) become
// "[redacted]".
func Redact(s string) string {
	if s == "" {
		return s
	}
	// Each pattern runs only when the text could hold it: findings carry many short messages
	// and redaction must stay cheap.
	if strings.Contains(s, "eyJ") {
		s = jwtRe.ReplaceAllString(s, "[redacted-jwt]")
	}
	if containsFold(s, "bearer") || containsFold(s, "basic") || containsFold(s, "digest") {
		s = bearerRe.ReplaceAllString(s, "$1 [redacted]")
	}
	if !strings.Contains(s, "=") && !strings.Contains(s, `"`) {
		return maskPIN(s)
	}
	s = kvRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := kvRe.FindStringSubmatch(m)
		if !isSecretKey(sub[2]) {
			return m
		}
		return sub[1] + sub[2] + "=[redacted]"
	})
	s = jsonRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := jsonRe.FindStringSubmatch(m)
		if !isSecretKey(sub[1]) {
			return m
		}
		return `"` + sub[1] + `"` + sub[2] + `"[redacted]"`
	})
	return maskPIN(s)
}

// RedactBody masks secrets in a response or request body excerpt; see Redact.
func RedactBody(s string) string { return Redact(s) }

// RedactURL masks the values of secret query parameters and of the user information of a URL,
// and personal identification numbers anywhere in it. It never fails: an unparsable URL is
// redacted as text.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return Redact(raw)
	}
	if u.User != nil {
		u.User = url.User("[redacted]")
	}
	if u.RawQuery != "" {
		u.RawQuery = redactQuery(u.RawQuery)
	}
	if u.Fragment != "" {
		// Implicit-flow tokens travel in the fragment.
		u.Fragment = redactQuery(u.Fragment)
		u.RawFragment = ""
	}
	out := u.String()
	out = strings.ReplaceAll(out, "%5Bredacted%5D", "[redacted]")
	return maskPIN(jwtRe.ReplaceAllString(out, "[redacted-jwt]"))
}

func redactQuery(q string) string {
	parts := strings.Split(q, "&")
	for i, p := range parts {
		k, _, ok := strings.Cut(p, "=")
		if !ok {
			continue
		}
		name := k
		if dk, err := url.QueryUnescape(k); err == nil {
			name = dk
		}
		if isSecretKey(name) {
			parts[i] = k + "=[redacted]"
		}
	}
	return strings.Join(parts, "&")
}

// RedactHeader masks the value of a header that carries secrets: Authorization and API keys
// entirely; cookies keep their names and attributes (so a reader can see Secure, HttpOnly,
// SameSite) with the values masked; any other header is redacted as text.
func RedactHeader(name, value string) string {
	switch strings.ToLower(strings.ReplaceAll(http.CanonicalHeaderKey(name), "_", "-")) {
	case "authorization", "proxy-authorization", "apikey", "x-api-key", "api-key", "x-auth-token",
		"x-access-token", "x-csrf-token", "x-xsrf-token":
		return "[redacted]"
	case "set-cookie":
		return redactSetCookies(value)
	case "cookie":
		return redactCookiePairs(value)
	case "location", "content-location", "refresh", "link":
		return redactURLsIn(value)
	}
	return Redact(value)
}

// redactSetCookies masks cookie values in one or several Set-Cookie values joined with ", ".
func redactSetCookies(v string) string {
	// Set-Cookie values are joined with ", " by Evidence; attribute values (Expires dates)
	// contain commas, so split on ", " followed by a name= that is not an attribute.
	var out []string
	for _, c := range splitSetCookies(v) {
		attrs := strings.Split(c, ";")
		if name, _, ok := strings.Cut(attrs[0], "="); ok {
			attrs[0] = strings.TrimSpace(name) + "=[redacted]"
		}
		for i := 1; i < len(attrs); i++ {
			attrs[i] = Redact(attrs[i])
		}
		out = append(out, strings.Join(attrs, ";"))
	}
	return strings.Join(out, ", ")
}

var cookieStartRe = regexp.MustCompile(`, *[!#$%&'*+\-.^_` + "`" + `|~0-9A-Za-z]+=`)

func splitSetCookies(v string) []string {
	var out []string
	for {
		loc := cookieStartRe.FindStringIndex(v)
		if loc == nil {
			return append(out, v)
		}
		// "Expires=Wed, 09 Jun 2021 …" : a comma inside a date is followed by a space and a
		// day number, never by name=, so every match is a cookie boundary unless it is an
		// attribute name.
		name := strings.ToLower(strings.TrimSpace(strings.TrimSuffix(v[loc[0]+1:loc[1]], "=")))
		if isCookieAttr(name) {
			// not a boundary: look further
			rest := v[loc[1]:]
			sub := splitSetCookies(rest)
			sub[0] = v[:loc[1]] + sub[0]
			return append(out, sub...)
		}
		out = append(out, v[:loc[0]])
		v = strings.TrimLeft(v[loc[0]+1:], " ")
	}
}

func isCookieAttr(name string) bool {
	switch name {
	case "expires", "max-age", "domain", "path", "samesite", "priority", "partitioned", "secure", "httponly":
		return true
	}
	return false
}

func redactCookiePairs(v string) string {
	pairs := strings.Split(v, ";")
	for i, p := range pairs {
		if name, _, ok := strings.Cut(p, "="); ok {
			pairs[i] = name + "=[redacted]"
		}
	}
	return strings.Join(pairs, ";")
}

var urlInTextRe = regexp.MustCompile(`[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s<>"]+|/[^\s<>";,]*\?[^\s<>";,]*`)

func redactURLsIn(v string) string {
	v = urlInTextRe.ReplaceAllStringFunc(v, RedactURL)
	return maskPIN(jwtRe.ReplaceAllString(v, "[redacted-jwt]"))
}

// hasDigitRun reports whether s has a run of at least n ASCII digits.
func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// containsFold is an ASCII case-insensitive strings.Contains.
func containsFold(s, sub string) bool {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if strings.EqualFold(s[i:i+n], sub) {
			return true
		}
	}
	return false
}
