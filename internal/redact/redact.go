package redact

import (
	"cmp"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// The value shapes. Each runs only when a cheap test says the text could hold it: findings
// carry many short messages and redaction must stay cheap.
var (
	// jwtRe matches JSON Web Tokens wherever they appear.
	jwtRe = regexp.MustCompile(`\beyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*`)
	// bearerRe matches credentials after an authorization scheme; basicRe those of Basic and
	// Digest, which must look encoded ("basic information" is prose).
	bearerRe = regexp.MustCompile(`(?i)\b(bearer)\s+[A-Za-z0-9._~+/=\-]{6,}`)
	basicRe  = regexp.MustCompile(`(?i)\b(basic|digest)\s+([A-Za-z0-9._~+/=\-]{6,})`)
	// pemRe matches a PEM private key, armour to armour (or to the end of a cut excerpt).
	pemRe = regexp.MustCompile(`-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----(?s:.*?)(-----END [A-Z0-9 ]*PRIVATE KEY-----|$)`)
	// keyShapeRe matches API keys whose shape names them: AWS access key IDs, Google API keys,
	// GitHub, Slack, Stripe and GitLab tokens.
	keyShapeRe = regexp.MustCompile(`\b(?:(?:AKIA|ASIA)[0-9A-Z]{16}|AIza[0-9A-Za-z_\-]{35}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|xox[abprs]-[A-Za-z0-9\-]{10,}|[rs]k_live_[A-Za-z0-9]{16,}|glpat-[A-Za-z0-9_\-]{20,})\b`)
	// userinfoRe matches the user information of a URL in text (postgres://user:pw@host).
	userinfoRe = regexp.MustCompile(`([a-zA-Z][a-zA-Z0-9+.\-]*://)[^/\s@?#<>"']+@`)
	// kvRe matches key=value pairs (query strings, form bodies, path parameters, cookies,
	// connection strings, environment files, free text, markup: "<p>key=value</p>"): the key
	// starts wherever a key character follows one that is not.
	kvRe = regexp.MustCompile(`(^|[^\p{L}\p{N}_.\-])([\p{L}\p{N}_.\-]{2,40})(\s*=\s*)`)
	// quotedRe matches "key": value and 'key': value members (JSON, JavaScript, Python reprs).
	quotedRe = regexp.MustCompile(`(["'])([^"'\\\s]{1,40})(["'])(\s*:\s*)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|-?[0-9][0-9.\-*]*)`)
	// colonRe matches "key: value" in prose and header values; only credential and identity
	// keys are masked there ("status code: 404" stays).
	colonRe = regexp.MustCompile(`(^|[^\p{L}\p{N}_.\-])([\p{L}\p{N}_.\-]{2,40})(\s*:\s*)`)
	// viPasswordRe matches the Vietnamese "mật khẩu" (two words) followed by a value.
	viPasswordRe = regexp.MustCompile(`(?i)(m[aậâ]t[ \t]+kh[aẩâ]u(?:[ \t]+m[oớ]i)?)(\s*[:=]\s*)([^\s,;"'<>&]+)`)
	// inputRe matches an HTML input element (or its start, in a cut excerpt); valueAttrRe its
	// value attribute.
	inputRe     = regexp.MustCompile(`(?is)<input\b[^>]*>?`)
	valueAttrRe = regexp.MustCompile(`(?is)(\svalue\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+)`)
	typePassRe  = regexp.MustCompile(`(?is)\stype\s*=\s*["']?password\b`)
	nameAttrRe  = regexp.MustCompile(`(?is)\s(?:name|id)\s*=\s*["']?([^"'\s>]+)`)
	// digitRunRe matches digits with single separators (spaces, dots, dashes) between them: a
	// personal identification number written "001 203 004 545" or "001.203.004.545".
	digitRunRe = regexp.MustCompile(`[0-9](?:[ .\-]?[0-9])*`)
)

// Text masks secrets in free text (messages, evidence excerpts, request lines, log lines):
// 12-digit personal identification numbers however written become "001*******45"; JSON Web
// Tokens, bearer and basic credentials, PEM private keys, API keys of known shapes and the user
// information of URLs become "[redacted]"; so do the values of the keys of [KindOf] in every
// notation (key=value, "key": "value", 'key': 'value', key: value, "mật khẩu: …"), the values of
// password inputs and of inputs named like a secret in HTML.
func Text(s string) string {
	if s == "" {
		return s
	}
	if strings.Contains(s, "PRIVATE KEY") {
		s = pemRe.ReplaceAllString(s, "-----BEGIN ${1}PRIVATE KEY----- "+Mask+" $2")
	}
	if strings.Contains(s, "eyJ") {
		s = jwtRe.ReplaceAllString(s, "[redacted-jwt]")
	}
	if mayHoldKeyShape(s) {
		s = keyShapeRe.ReplaceAllString(s, Mask)
	}
	if containsFold(s, "bearer") {
		s = bearerRe.ReplaceAllString(s, "$1 "+Mask)
	}
	if containsFold(s, "basic") || containsFold(s, "digest") {
		s = basicRe.ReplaceAllStringFunc(s, func(m string) string {
			sub := basicRe.FindStringSubmatch(m)
			if !strings.ContainsAny(sub[2], "0123456789=+/") {
				return m // a word, not an encoded credential
			}
			return sub[1] + " " + Mask
		})
	}
	if strings.Contains(s, "://") && strings.Contains(s, "@") {
		s = userinfoRe.ReplaceAllString(s, "${1}"+Mask+"@")
	}
	if strings.Contains(s, "<") && containsFold(s, "<input") {
		s = inputRe.ReplaceAllStringFunc(s, redactInput)
	}
	// The pairs of every notation are found on the same text and masked together, so that a
	// value masked for one notation cannot hide the key of another ("pass=|MẬT KHẨU = x",
	// "sid=|X-Api-Key: x").
	var spans []span
	if (strings.Contains(s, ":") || strings.Contains(s, "=")) && containsFold(s, "kh") {
		for _, m := range viPasswordRe.FindAllStringSubmatchIndex(s, -1) {
			spans = append(spans, span{m[6], m[7], Credential})
		}
	}
	if strings.Contains(s, "=") {
		spans = pairSpans(spans, s, kvRe, kvEnd, func(key, val string) (Kind, bool) {
			kd := KindOf(key)
			// Not a secret, or masked already (";jsessionid=[redacted]/next/segment").
			return kd, kd != Plain && !strings.HasPrefix(val, Mask) && !strings.HasPrefix(val, "[redacted-jwt]")
		})
	}
	if strings.Contains(s, `"`) || strings.Contains(s, "'") {
		for _, m := range quotedRe.FindAllStringSubmatchIndex(s, -1) {
			if s[m[2]:m[3]] != s[m[6]:m[7]] {
				continue
			}
			if kd := KindOf(s[m[4]:m[5]]); kd != Plain {
				spans = append(spans, span{m[10], m[11], kd})
			}
		}
	}
	if strings.Contains(s, ":") {
		spans = colonSpans(spans, s)
	}
	s = maskSpans(s, spans)
	return PINs(s)
}

// colonSpans adds the values of "key: value" pairs of credential and identity keys.
func colonSpans(spans []span, s string) []span {
	return pairSpans(spans, s, colonRe, colonEnd, func(key, val string) (Kind, bool) {
		kd := KindOf(key)
		if kd != Credential && kd != Identity {
			return kd, false
		}
		if strings.HasPrefix(val, "//") { // a URL's scheme or a host:port, not a value
			return kd, false
		}
		switch strings.ToLower(val) {
		case "bearer", "basic", "digest", Mask: // "Authorization: Bearer [redacted]": masked already
			return kd, false
		}
		return kd, true
	})
}

// The characters that end an unquoted value: of a key=value pair (kvEnd; a value may also be
// quoted) and of a "key: value" pair (colonEnd).
const (
	kvEnd    = "&\t\n\f\r \"';,<>)"
	colonEnd = "\t\n\f\r ,;\"'<>&"
)

// pairSpans adds the values of the pairs keyRe finds (groups: what precedes the key, the
// key, the separator) for which mask says so; a value runs to the first byte of end, or is
// quoted when end excludes quotes. A pair that is not masked is skipped from its value on, not
// after it: in "seen: token: X" the pair "token: X" is still found, and in
// "00=|#access_token=X" the value of the plain key "00" does not hide "access_token=X".
//
// mask sees at most the first 64 bytes of a value. Values are measured by hand, not by the
// key's regexp, and the end of a quoted or unquoted run is found once however many keys stand
// inside it, so the work stays linear in the text however its pairs nest ("a=a=a=…").
func pairSpans(spans []span, s string, keyRe *regexp.Regexp, end string, mask func(key, val string) (Kind, bool)) []span {
	quoted := end == kvEnd // "key: value" values are never quoted
	// next[q] caches where the next '"' (q=0) or '\'' (q=1) stands after offset from (-1: none),
	// so that many keys inside one long quoted run do not search for its end again and again.
	type found struct{ from, at int }
	next := [2]found{{len(s) + 1, -1}, {len(s) + 1, -1}}
	termFrom, termAt := len(s)+1, -1 // s[termFrom:termAt] holds no byte of end; s[termAt] is one (or termAt is len(s))
	valueLen := func(v int, limit int) int {
		if v >= len(s) {
			return 0
		}
		if c := s[v]; quoted && (c == '"' || c == '\'') {
			q := 0
			if c == '\'' {
				q = 1
			}
			from := v + 1
			if f := next[q]; !(from >= f.from && (f.at < 0 || from <= f.at)) {
				at := strings.IndexByte(s[from:], c)
				if at >= 0 {
					at += from
				}
				next[q] = found{from, at}
			}
			if next[q].at < 0 {
				return 0 // an unterminated quote is not a value
			}
			return next[q].at - v + 1
		}
		// An unquoted value runs to the next byte of end; every position of one run shares that
		// end, so it is found once per run, however many keys stand inside the run.
		if v < termFrom || v > termAt {
			termFrom = v
			termAt = v
			for termAt < len(s) && strings.IndexByte(end, s[termAt]) < 0 {
				termAt++
			}
		}
		return min(termAt-v, limit)
	}
	at := 0 // s[:at] is done
	for at < len(s) {
		loc := keyRe.FindStringSubmatchIndex(s[at:])
		if loc == nil {
			break
		}
		for i := range loc {
			if loc[i] >= 0 {
				loc[i] += at
			}
		}
		key, v := s[loc[4]:loc[5]], loc[7]
		head := s[v : v+min(valueLen(v, 64), 64)]
		kd, ok := mask(key, head)
		if !ok || head == "" {
			at = v
			continue
		}
		n := valueLen(v, len(s))
		spans = append(spans, span{v, v + n, kd})
		// Go on from the value, not after it: a masked value can end in the key of the next
		// secret ("apikey:0|X-Api-Key: x"); overlapping spans are masked as one.
		at = v
	}
	return spans
}

// A span is a value to mask: s[start:end], of kind kd.
type span struct {
	start, end int
	kd         Kind
}

// maskSpans masks the spans of s; spans that overlap are masked as one credential.
func maskSpans(s string, spans []span) string {
	if len(spans) == 0 {
		return s
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end)) })
	var b strings.Builder
	at := 0
	for i := 0; i < len(spans); {
		cur := spans[i]
		for i++; i < len(spans) && spans[i].start < cur.end; i++ {
			if spans[i].end > cur.end || spans[i].kd != cur.kd {
				cur.kd = Credential
			}
			cur.end = max(cur.end, spans[i].end)
		}
		b.WriteString(s[at:cur.start])
		b.WriteString(maskValue(s[cur.start:cur.end], cur.kd))
		at = cur.end
	}
	b.WriteString(s[at:])
	return b.String()
}

// maskValue masks a value of kind kd, keeping its quotes.
func maskValue(v string, kd Kind) string {
	q := ""
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		q, v = v[:1], v[1:len(v)-1]
	}
	if v == Mask || v == "[redacted-jwt]" {
		return q + v + q
	}
	if kd == Identity {
		return q + maskID(v) + q
	}
	return q + Mask + q
}

// maskID keeps the first three and last two characters of an identification number.
func maskID(v string) string {
	r := []rune(v)
	if len(r) > 64 {
		return Mask
	}
	if len(r) < 7 {
		return strings.Repeat("*", len(r))
	}
	for i := 3; i < len(r)-2; i++ {
		if r[i] != ' ' && r[i] != '.' && r[i] != '-' {
			r[i] = '*'
		}
	}
	return string(r)
}

// redactInput masks the value of an HTML input that is a password field or is named like a
// secret.
func redactInput(tag string) string {
	if !strings.Contains(strings.ToLower(tag), "value") {
		return tag
	}
	secret := typePassRe.MatchString(tag)
	if !secret {
		for _, m := range nameAttrRe.FindAllStringSubmatch(tag, 2) {
			if kd := KindOf(m[1]); kd == Credential || kd == Identity {
				secret = true
			}
		}
	}
	if !secret {
		return tag
	}
	return valueAttrRe.ReplaceAllString(tag, `${1}"`+Mask+`"`)
}

// PINs masks 12-digit personal identification numbers standing alone, written as one run of
// digits or grouped with spaces, dots or dashes, as "001*******45" (separators kept). A run of
// digits whose count is a multiple of 12 is masked too (two numbers side by side).
func PINs(s string) string {
	if countDigits(s) < 12 {
		return s // the common case, without the regexp
	}
	return digitRunRe.ReplaceAllStringFunc(s, func(run string) string {
		n := countDigits(run)
		if n == 12 || n%12 == 0 {
			return maskDigits(run)
		}
		// A longer run: mask every window of whole groups that holds exactly 12 digits, in one
		// group or in groups of 3 or 4 digits, each as a number of its own ("tel 0912
		// 001203004545", "5 0012 0300 4545"): which window is the number cannot be told, so all
		// of them are masked.
		type group struct{ start, end int }
		var groups []group
		for i := 0; i < len(run); {
			if run[i] < '0' || run[i] > '9' {
				i++
				continue
			}
			j := i
			for j < len(run) && run[j] >= '0' && run[j] <= '9' {
				j++
			}
			groups = append(groups, group{i, j})
			i = j
		}
		b := []byte(run)
		for i := range groups {
			digits := 0
			for j := i; j < len(groups) && digits < 12; j++ {
				n := groups[j].end - groups[j].start
				if n != 12 && (n < 3 || n > 4) {
					break // a number is written in one group or in groups of 3 or 4, not like a procedure code (2.001234.000.00.00)
				}
				digits += n
				if digits == 12 {
					m := maskDigits(run[groups[i].start:groups[j].end])
					for k := 0; k < len(m); k++ {
						if m[k] == '*' {
							b[groups[i].start+k] = '*'
						}
					}
				}
			}
		}
		return string(b)
	})
}

// maskDigits replaces the digits of a run but its first three and last two with '*'.
func maskDigits(run string) string {
	b := []byte(run)
	total := countDigits(run)
	seen := 0
	for i, c := range b {
		if c < '0' || c > '9' {
			continue
		}
		// Mask each group of 12 the same way: 3 shown, 7 masked, 2 shown.
		if pos := seen % 12; pos >= 3 && pos < 10 && total >= 12 {
			b[i] = '*'
		}
		seen++
	}
	return string(b)
}

func countDigits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

func mayHoldKeyShape(s string) bool {
	for _, p := range []string{"AKIA", "ASIA", "AIza", "gh", "xox", "k_live_", "glpat-"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// URL masks a URL: its user information entirely, the values of secret query, fragment and
// path parameters (";jsessionid=…"), then everything [Text] masks. It never fails: an
// unparsable URL is redacted as text.
func URL(raw string) string {
	if raw == "" {
		return raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return Text(raw)
	}
	if u.User != nil {
		u.User = url.User(Mask)
	}
	if strings.Contains(u.Path, ";") {
		segs := strings.Split(u.Path, "/")
		for i, seg := range segs {
			if strings.Contains(seg, ";") {
				segs[i] = redactPathParams(seg)
			}
		}
		u.Path, u.RawPath = strings.Join(segs, "/"), ""
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
	out = strings.ReplaceAll(out, "%5Bredacted%5D", Mask)
	return Text(out)
}

// redactPathParams masks the secret parameters of a path segment ("app;jsessionid=X").
func redactPathParams(seg string) string {
	parts := strings.Split(seg, ";")
	for i := 1; i < len(parts); i++ {
		if k, _, ok := strings.Cut(parts[i], "="); ok && IsSecret(k) {
			parts[i] = k + "=" + Mask
		}
	}
	return strings.Join(parts, ";")
}

func redactQuery(q string) string {
	parts := strings.Split(q, "&")
	for i, p := range parts {
		k, v, ok := strings.Cut(p, "=")
		if !ok {
			continue
		}
		name := k
		if dk, err := url.QueryUnescape(k); err == nil {
			name = dk
		}
		switch KindOf(name) {
		case Plain:
		case Identity:
			if dv, err := url.QueryUnescape(v); err == nil {
				v = dv
			}
			// '*' may stand unescaped in a query: the masked number stays readable.
			parts[i] = k + "=" + strings.ReplaceAll(url.QueryEscape(maskID(v)), "%2A", "*")
		default:
			parts[i] = k + "=" + Mask
		}
	}
	return strings.Join(parts, "&")
}

// Header masks the value of a header that carries secrets: Authorization and API keys
// entirely; cookies keep their names and attributes (so a reader can see Secure, HttpOnly,
// SameSite) with the values masked; URLs in Location, Refresh and Link as [URL]; any other
// header is redacted as text.
func Header(name, value string) string {
	switch strings.ToLower(strings.ReplaceAll(http.CanonicalHeaderKey(name), "_", "-")) {
	case "authorization", "proxy-authorization", "apikey", "x-api-key", "api-key", "x-auth-token",
		"x-access-token", "x-csrf-token", "x-xsrf-token", "x-amz-security-token", "x-session-id",
		"x-session-token", "x-auth", "private-token", "x-vault-token":
		return Mask
	case "set-cookie":
		return redactSetCookies(value)
	case "cookie":
		return redactCookiePairs(value)
	case "location", "content-location", "refresh", "link":
		return redactURLsIn(value)
	}
	if IsSecret(name) {
		return Mask
	}
	return Text(value)
}

// redactSetCookies masks cookie values in one or several Set-Cookie values joined with ", ".
func redactSetCookies(v string) string {
	var out []string
	for _, c := range splitSetCookies(v) {
		attrs := strings.Split(c, ";")
		if name, _, ok := strings.Cut(attrs[0], "="); ok {
			attrs[0] = strings.TrimSpace(name) + "=" + Mask
		}
		for i := 1; i < len(attrs); i++ {
			attrs[i] = Text(attrs[i])
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
		// "Expires=Wed, 09 Jun 2021 …": a comma inside a date is followed by a space and a day
		// number, never by name=, so every match is a cookie boundary unless it is an
		// attribute name.
		name := strings.ToLower(strings.TrimSpace(strings.TrimSuffix(v[loc[0]+1:loc[1]], "=")))
		if isCookieAttr(name) {
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
			pairs[i] = name + "=" + Mask
		}
	}
	return strings.Join(pairs, ";")
}

var urlInTextRe = regexp.MustCompile(`[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s<>"]+|/[^\s<>";,]*[?;][^\s<>",]*`)

func redactURLsIn(v string) string {
	return Text(urlInTextRe.ReplaceAllStringFunc(v, URL))
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
