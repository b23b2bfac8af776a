package ssotest

import (
	"crypto/subtle"
	"net/url"
)

type client struct {
	id, secret   string
	redirectURIs []string
	// loopback accepts any redirect URI on a loopback host (the default client).
	loopback bool
}

// RegisterClient registers a relying party with its secret and the exact redirect URIs it may
// use (and, for RP-initiated logout, return to after logout). Registering an existing ID
// replaces it. The default client ([DefaultClientID]) needs no registration.
func (s *Server) RegisterClient(id, secret string, redirectURIs ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clients[id] = &client{id: id, secret: secret, redirectURIs: append([]string(nil), redirectURIs...)}
}

func (s *Server) clientLocked(id string) *client {
	if c, ok := s.clients[id]; ok {
		return c
	}
	if id == DefaultClientID {
		return &client{id: DefaultClientID, secret: DefaultClientSecret, loopback: true}
	}
	return nil
}

func (c *client) allows(redirectURI string) bool {
	if c.loopback {
		u, err := url.Parse(redirectURI)
		return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.User == nil && isLoopback(u.Hostname()) && u.Fragment == ""
	}
	for _, r := range c.redirectURIs {
		if r == redirectURI {
			return true
		}
	}
	return false
}

func (c *client) secretOK(secret string) bool {
	return subtle.ConstantTimeCompare([]byte(c.secret), []byte(secret)) == 1
}
