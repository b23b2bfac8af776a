package check

import "github.com/p06kit/p06kit/internal/redact"

// Evidence is stored in reports that travel (to the ministry, into CI logs, into pull-request
// comments), so every piece of text the harness puts in a finding goes through these functions.
// They apply p06kit's one redaction policy (the keys and value shapes of package
// internal/redact), the same list the detectors use: what a check recognises as a secret is
// what no report shows.

// Redact masks secrets in free text: 12-digit personal identification numbers however written
// become "001*******45"; bearer credentials, JSON Web Tokens, PEM private keys, API keys of
// known shapes, the user information of URLs and the values of secret keys (passwords incl.
// "mật khẩu", tokens, session IDs, API keys, cloud secrets, identification numbers by key) in
// key=value, JSON, 'key': 'value' and "key: value" notation become "[redacted]".
func Redact(s string) string { return redact.Text(s) }

// RedactBody masks secrets in a response or request body excerpt; see Redact. Password inputs
// and inputs named like a secret lose their value.
func RedactBody(s string) string { return redact.Text(s) }

// RedactURL masks the user information of a URL, the values of secret query, fragment and path
// (";jsessionid=") parameters, and everything Redact masks. It never fails: an unparsable URL is
// redacted as text.
func RedactURL(raw string) string { return redact.URL(raw) }

// RedactHeader masks the value of a header that carries secrets: Authorization and API keys
// entirely; cookies keep their names and attributes (so a reader can see Secure, HttpOnly,
// SameSite) with the values masked; any other header is redacted as text.
func RedactHeader(name, value string) string { return redact.Header(name, value) }
