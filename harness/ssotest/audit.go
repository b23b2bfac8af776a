package ssotest

import (
	"net/url"
	"time"
)

// AuthRequest is an authorization request as the portal sent it (through the browser).
type AuthRequest struct {
	ClientID            string
	RedirectURI         string
	ResponseType        string
	Scope               string
	State               string
	Nonce               string
	CodeChallenge       string
	CodeChallengeMethod string
	ACRValues           string
	Prompt              string
	// Query is every parameter as received.
	Query url.Values
	// Error is the OAuth error the provider answered with ("invalid_request: …"), or empty when
	// it showed the login page.
	Error string
}

// Redemption is one token request that presented a flow's authorization code.
type Redemption struct {
	Time time.Time
	// AuthMethod is how the client authenticated: "client_secret_basic",
	// "client_secret_post", or "none" when it did not.
	AuthMethod string
	// RedirectURI is the redirect_uri parameter of the token request.
	RedirectURI string
	// CodeVerifier is true when the request carried a code_verifier matching the challenge.
	CodeVerifier bool
	// Error is the OAuth error the provider answered with, or empty when it issued tokens.
	Error string
}

// Flow is the audit record of one authorization flow: what the portal asked, who logged in,
// with which misbehaviour, and what the portal did with the code and tokens. Checks read it to
// judge how the portal uses the SSO.
type Flow struct {
	// ID identifies the flow (the login page's sessionDataKey).
	ID      string
	Started time.Time
	Request AuthRequest
	// Account is the personal identification number of the citizen who logged in, or empty
	// while the login page has not been submitted.
	Account string
	// Mode is the misbehaviour applied to the flow.
	Mode Mode
	// Callback is the URL the browser was sent back to (with code and state), or empty.
	Callback string
	// Redemptions are the token requests that presented the flow's code, in order.
	Redemptions []Redemption
	// UserInfo counts the userinfo requests made with the flow's access tokens.
	UserInfo int
	// IDToken is the last ID token issued for the flow (as sent, misbehaviour included), or
	// empty.
	IDToken string
}

// Redeemed reports whether the code was exchanged for tokens at least once.
func (f Flow) Redeemed() bool {
	for _, r := range f.Redemptions {
		if r.Error == "" {
			return true
		}
	}
	return false
}

// Logout is one request to the end-session endpoint.
type Logout struct {
	Time                  time.Time
	ClientID              string
	IDTokenHint           bool
	Subject               string
	PostLogoutRedirectURI string
}

type flow struct {
	Flow
	clientID   string
	authTime   time.Time
	codeIssued time.Time
	code       string
	tokens     []string
}

// Flow returns the audit record of the flow with the ID.
func (s *Server) Flow(id string) (Flow, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.flows[id]
	if !ok {
		return Flow{}, false
	}
	return f.snapshot(), true
}

// Flows returns every remembered flow, oldest first.
func (s *Server) Flows() []Flow {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Flow, 0, len(s.order))
	for _, id := range s.order {
		if f, ok := s.flows[id]; ok {
			out = append(out, f.snapshot())
		}
	}
	return out
}

// Logouts returns the requests to the end-session endpoint, oldest first.
func (s *Server) Logouts() []Logout {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Logout(nil), s.logouts...)
}

func (f *flow) snapshot() Flow {
	c := f.Flow
	c.Redemptions = append([]Redemption(nil), f.Redemptions...)
	c.Request.Query = url.Values{}
	for k, v := range f.Request.Query {
		c.Request.Query[k] = append([]string(nil), v...)
	}
	return c
}

// addFlowLocked remembers f, forgetting the oldest flows beyond MaxFlows.
func (s *Server) addFlowLocked(f *flow) {
	s.flows[f.ID] = f
	s.order = append(s.order, f.ID)
	for len(s.order) > s.MaxFlows {
		old := s.flows[s.order[0]]
		delete(s.flows, s.order[0])
		if old != nil {
			delete(s.codes, old.code)
			for _, t := range old.tokens {
				delete(s.tokens, t)
			}
		}
		s.order = s.order[1:]
	}
}
