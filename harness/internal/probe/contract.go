package probe

import (
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/htmldoc"
)

// The names of the contract this package implements (package check), so that the code reads as
// it did when it lived there.
type (
	Target    = check.Target
	Config    = check.Config
	Response  = check.Response
	Page      = check.Page
	Browser   = check.Browser
	Profile   = check.Profile
	Resolved  = check.Resolved
	Stats     = check.Stats
	Limits    = check.Limits
	Refusal   = check.Refusal
	Rendered  = check.Rendered
	Resource  = check.Resource
	Renderer  = check.Renderer
	Result    = check.Result
	Procedure = check.Procedure
)

var (
	ErrBodyTooLarge      = check.ErrBodyTooLarge
	ErrHeaderTooLarge    = check.ErrHeaderTooLarge
	ErrDecompressionBomb = check.ErrDecompressionBomb
	ErrTooManyRedirects  = check.ErrTooManyRedirects
	ErrOffHostRedirect   = check.ErrOffHostRedirect
	ErrRequestBudget     = check.ErrRequestBudget
	ErrUnreachable       = check.ErrUnreachable
	ErrTimeout           = check.ErrTimeout
	ErrBadEncoding       = check.ErrBadEncoding
	ErrOutOfScope        = check.ErrOutOfScope
	ErrUnsafeMethod      = check.ErrUnsafeMethod
)

var (
	Redact       = check.Redact
	RedactURL    = check.RedactURL
	RedactBody   = check.RedactBody
	RedactHeader = check.RedactHeader
	DecodeHTML   = htmldoc.DecodeHTML
	ResolveURL   = htmldoc.ResolveURL
)
