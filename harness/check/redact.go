package check

import (
	"net/http"
	"regexp"
)

var pinRe = regexp.MustCompile(`\b(\d{3})\d{7}(\d{2})\b`)

// Redact masks secrets in free text: 12-digit personal identification numbers become
// "001*******45".
//
// SCAFFOLD: token and credential redaction in URLs and bodies are being built (issue 5).
func Redact(s string) string {
	return pinRe.ReplaceAllString(s, "$1*******$2")
}

// RedactHeader masks the value of a header that carries secrets (cookies, authorization).
func RedactHeader(name, value string) string {
	switch http.CanonicalHeaderKey(name) {
	case "Cookie", "Set-Cookie", "Authorization", "Proxy-Authorization", "Apikey", "X-Api-Key":
		return "[redacted]"
	}
	return Redact(value)
}
