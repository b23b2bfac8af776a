package headers

import "strings"

// Referrer-Policy tokens (W3C Referrer Policy §3), split as the Observatory splits them: the first
// four never send a full URL (path and query) to another origin nor anything over a downgrade;
// the others do one or the other.
var (
	privateReferrer = map[string]bool{"no-referrer": true, "same-origin": true, "strict-origin": true,
		"strict-origin-when-cross-origin": true}
	leakyReferrer = map[string]string{
		"unsafe-url":                 "sends the full URL (path and query) to every origin",
		"no-referrer-when-downgrade": "sends the full URL (path and query) to every other HTTPS origin",
		"origin-when-cross-origin":   "sends the origin even over HTTPS→HTTP downgrades",
		"origin":                     "sends the origin everywhere, HTTP included",
	}
)

// ReferrerPolicy returns the policy in force from the values of Referrer-Policy headers and
// <meta name="referrer"> tags, in order: the last recognised token wins (unknown tokens are
// skipped, so that new policies can be listed after a fallback). ok is false when no value
// holds a recognised token.
func ReferrerPolicy(values []string) (policy string, ok bool) {
	for _, v := range values {
		for _, tok := range strings.Split(v, ",") {
			tok = strings.ToLower(strings.TrimSpace(tok))
			if privateReferrer[tok] || leakyReferrer[tok] != "" {
				policy, ok = tok, true
			}
		}
	}
	return policy, ok
}
