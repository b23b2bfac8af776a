package headers

import "strings"

// Referrer-Policy tokens (W3C Referrer Policy §3), split as the Observatory splits them: these
// four never send a full URL (path and query) to another origin nor anything over a downgrade;
// those of leakyReferrer (messages.go) do one or the other.
var privateReferrer = map[string]bool{"no-referrer": true, "same-origin": true, "strict-origin": true,
	"strict-origin-when-cross-origin": true}

// ReferrerPolicy returns the policy in force from the values of Referrer-Policy headers and
// <meta name="referrer"> tags, in order: the last recognised token wins (unknown tokens are
// skipped, so that new policies can be listed after a fallback). ok is false when no value
// holds a recognised token.
func ReferrerPolicy(values []string) (policy string, ok bool) {
	for _, v := range values {
		for _, tok := range strings.Split(v, ",") {
			tok = strings.ToLower(strings.TrimSpace(tok))
			if privateReferrer[tok] || !leakyReferrer[tok].IsZero() {
				policy, ok = tok, true
			}
		}
	}
	return policy, ok
}
