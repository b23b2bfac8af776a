package login

import "github.com/p06kit/p06kit/harness/check"

// The names of the contract this package works with.
type (
	Browser             = check.Browser
	Response            = check.Response
	LoginTrace          = check.LoginTrace
	NotImplementedError = check.NotImplementedError
	BeginLogin          = check.BeginLogin
	CompleteLogin       = check.CompleteLogin
)

var (
	Redact       = check.Redact
	ErrLoginFlow = check.ErrLoginFlow
	ErrNoFake    = check.ErrNoFake
)
