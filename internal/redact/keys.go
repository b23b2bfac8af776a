// Package redact is p06kit's one redaction policy: the list of keys whose values are secrets,
// the shapes of secret values, and the functions that mask them in text, URLs and headers.
//
// The same list serves the detectors (P06-POP-08 flags a credential parameter in a URL with
// [KindOf]) and every writer (findings, evidence, report targets, progress lines and stderr go
// through [Text], [URL] or [Header]), so that what a check detects as a secret is also what the
// reports never show. The functions err on the side of masking: a masked non-secret costs a
// little readability, a leaked session cookie or citizen number costs much more.
package redact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mask is what a secret value becomes.
const Mask = "[redacted]"

// Kind says what a key's value is.
type Kind int

// The kinds of keys.
const (
	// Plain: not a secret.
	Plain Kind = iota
	// Credential: a password, token, API key, cloud secret, private key or session ID. Masked
	// everywhere, in every notation (key=value, "key": "value", 'key': 'value', key: value);
	// a URL carrying one is a defect (P06-POP-08).
	Credential
	// Protocol: a value that is a secret of a protocol exchange but travels in URLs by design
	// (the OAuth authorization code, state, nonce, request signatures) or a key too generic to
	// name a secret in free text (key, session, otp). Masked in key=value and JSON notation, not
	// in "key: value" prose ("status code: 404" stays readable) and not a URL defect.
	Protocol
	// Identity: an identification-number parameter (cmnd, cccd, số định danh…): the value is
	// masked to its first three and last two characters; a URL carrying one is a defect.
	Identity
)

// credentialKeys are compared after Normalize. They name the secrets the issue tracker, the
// security probe and the frameworks portals are built on use: passwords (including Vietnamese
// "mật khẩu"), tokens, authorization, API keys, cloud secrets, database passwords, private
// keys, and the session cookies of the common frameworks (Java servlets, ASP.NET, Express,
// Laravel, PHP, CodeIgniter, Django, Rails).
var credentialKeys = []string{
	"password", "passwd", "pwd", "pass", "matkhau", "passphrase", "secret", "clientsecret",
	"apikey", "xapikey", "accesstoken", "idtoken", "refreshtoken", "authtoken", "token", "auth",
	"authorization", "proxyauthorization", "credential", "credentials", "privatekey",
	"accesskey", "secretkey", "awssecretaccesskey", "awssessiontoken", "awsaccesskeyid",
	"dbpass", "dbpwd", "databasepassword", "connectionstring", "connstr",
	"sessionid", "sessid", "sid", "jsessionid", "phpsessid", "aspnetsessionid", "connectsid",
	"laravelsession", "cisession", "csrftoken", "xsrftoken", "samlresponse", "assertion",
	"codeverifier",
}

// credentialSuffixes make a key a credential when it ends with one (DB_PASSWORD, ADMIN_PASS
// is not: "pass" is too short a suffix; myapp_session, X-Auth-Token are).
var credentialSuffixes = []string{"password", "passwd", "matkhau", "secret", "token", "apikey",
	"accesskey", "secretkey", "privatekey", "sessionid", "sessid", "session", "credentials"}

// protocolKeys are masked where they are assigned, but are not credentials in URLs.
var protocolKeys = []string{"code", "state", "nonce", "signature", "sig", "key", "session", "otp",
	"samlrequest", "ticket"}

// identityKeys name identification-number parameters.
var identityKeys = []string{"sodinhdanh", "madinhdanh", "dinhdanh", "socmnd", "cmnd", "cccd", "socccd",
	"cmt", "socmt", "cancuoc", "socancuoc", "cancuoccongdan", "idcard", "idnumber", "nationalid",
	"personalid", "pin", "madinhdanhcanhan", "hochieu", "sohochieu", "passport", "passportnumber"}

var kinds = func() map[string]Kind {
	m := map[string]Kind{}
	for _, k := range protocolKeys {
		m[k] = Protocol
	}
	for _, k := range identityKeys {
		m[k] = Identity
	}
	for _, k := range credentialKeys {
		m[k] = Credential
	}
	return m
}()

// notSecret are keys that end like a credential but whose value is no secret: the CORS header
// Access-Control-Allow-Credentials says "true" or nothing, and P06-SEC-18 must show it.
var notSecret = map[string]bool{"accesscontrolallowcredentials": true}

// KindOf says what the value of key k is. Keys are compared after [Normalize].
func KindOf(k string) Kind {
	if len(k) > 64 {
		return Plain
	}
	n := Normalize(k)
	if notSecret[n] {
		return Plain
	}
	if kd, ok := kinds[n]; ok {
		return kd
	}
	for _, s := range credentialSuffixes {
		if len(n) > len(s) && strings.HasSuffix(n, s) {
			return Credential
		}
	}
	// ADMIN_PASS, mysql-pwd: a short word that names a password only as the last word.
	if i := strings.LastIndexAny(k, "_-. "); i > 0 {
		switch strings.ToLower(k[i+1:]) {
		case "pass", "pwd", "pw":
			return Credential
		}
	}
	return Plain
}

// IsSecret reports whether the value of key k is masked in output (any kind but Plain).
func IsSecret(k string) bool { return KindOf(k) != Plain }

// Normalize folds a key for comparison: lower case, Vietnamese diacritics removed (đ as d),
// separators ('_', '-', '.', spaces) dropped: "Mật khẩu", "mat_khau" and "MATKHAU" are one key,
// so are "ASP.NET_SessionId" and "aspnetsessionid".
func Normalize(k string) string {
	ascii := true
	for i := 0; i < len(k); i++ {
		if k[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	var b strings.Builder
	b.Grow(len(k))
	if ascii {
		for i := 0; i < len(k); i++ {
			c := k[i]
			switch {
			case c == '_' || c == '-' || c == '.' || c == ' ' || c == '\t':
			case c >= 'A' && c <= 'Z':
				b.WriteByte(c + 'a' - 'A')
			default:
				b.WriteByte(c)
			}
		}
		return b.String()
	}
	for _, r := range k {
		if r == '_' || r == '-' || r == '.' || unicode.IsSpace(r) {
			continue
		}
		b.WriteRune(foldVI(unicode.ToLower(r)))
	}
	return b.String()
}

// foldVI maps a lower-case Vietnamese letter to its base Latin letter.
func foldVI(r rune) rune {
	if r < 0xC0 {
		return r
	}
	if r == 'đ' {
		return 'd'
	}
	for base, set := range viLetters {
		if strings.ContainsRune(set, r) {
			return base
		}
	}
	return r
}

var viLetters = map[rune]string{
	'a': "àáảãạăằắẳẵặâầấẩẫậ",
	'e': "èéẻẽẹêềếểễệ",
	'i': "ìíỉĩị",
	'o': "òóỏõọôồốổỗộơờớởỡợ",
	'u': "ùúủũụưừứửữự",
	'y': "ỳýỷỹỵ",
}
