package check

import (
	"context"
	"fmt"

	"github.com/p06kit/p06kit/ident"
)

// Login returns a new browser logged in to the portal as who: through the adapter's Login when
// the adapter implements it, otherwise through the fake national SSO (Target.SSO) by following
// the standard redirects from the profile's Login entry, as a browser would.
//
// SCAFFOLD: the SSO browser flow is being built (issue 7); only the adapter path works.
func (s *Session) Login(ctx context.Context, who ident.Person) (*Browser, error) {
	b := s.NewBrowser()
	b.Citizen = who
	if l, ok := s.target.Portal.(Login); ok {
		if err := l.Login(ctx, b, who); err != nil {
			return nil, fmt.Errorf("logging in as %s through the adapter: %w", Redact(who.ID), err)
		}
		return b, nil
	}
	if s.target.SSO == nil {
		return nil, &NotImplementedError{Method: "Login.Login (or a Target.SSO fake to log in through)"}
	}
	return nil, fmt.Errorf("login through the fake SSO: %w", ErrNotImplemented)
}
