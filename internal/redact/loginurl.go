package redact

import (
	"net/url"
	"strings"
)

// loginSecrets are query parameters whose values never go into evidence.
var loginSecrets = []string{"code", "state", "nonce", "code_challenge", "code_verifier", "id_token_hint",
	"access_token", "id_token", "sessionDataKey", "token"}

// LoginURL redacts a URL of a login flow for evidence: the values of the OAuth and OpenID
// parameters that carry secrets or bind the flow (code, state, nonce, PKCE, tokens) are masked,
// then everything Text masks.
func LoginURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return Text(raw)
	}
	q := u.Query()
	changed := false
	for _, p := range loginSecrets {
		if v := q.Get(p); v != "" {
			q.Set(p, "[redacted]")
			changed = true
		}
	}
	if changed {
		u.RawQuery = strings.ReplaceAll(q.Encode(), "%5Bredacted%5D", "[redacted]")
	}
	return Text(u.String())
}
