package check

import "errors"

// The probe's sentinel errors. Errors returned by Session.Get, Page, Do and Fetch wrap one of
// these when a bound stopped the request, so checks can branch with errors.Is; their messages say
// what the portal did.
var (
	// ErrBodyTooLarge: the body exceeded Config.MaxBodyBytes. The Response is returned with the
	// first MaxBodyBytes and Truncated set.
	ErrBodyTooLarge = errors.New("response body exceeds the size limit")
	// ErrHeaderTooLarge: the response headers exceeded Config.MaxHeaderBytes.
	ErrHeaderTooLarge = errors.New("response headers exceed the size limit")
	// ErrDecompressionBomb: the body expanded more than Config.MaxDecompressionRatio times.
	ErrDecompressionBomb = errors.New("compressed body expands beyond the decompression ratio limit")
	// ErrTooManyRedirects: the redirect chain exceeded Config.MaxRedirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrOffHostRedirect: a redirect led to a host that is neither the target's nor allowed.
	ErrOffHostRedirect = errors.New("redirect to a host that is not allowed")
	// ErrRequestBudget: the session sent Config.MaxRequests requests already.
	ErrRequestBudget = errors.New("request budget of the session exhausted")
	// ErrUnreachable: the target could not be reached at all (no such host, connection refused,
	// no route, or the connection could not be opened in time).
	ErrUnreachable = errors.New("target unreachable")
	// ErrTimeout: the portal did not complete the response in time.
	ErrTimeout = errors.New("timed out")
	// ErrBadEncoding: the body's Content-Encoding is unsupported or its data is corrupt.
	ErrBadEncoding = errors.New("bad content encoding")
)

// ErrOutOfScope is returned (wrapped) when a request would leave the scan's scope: the session
// refused it before anything was sent.
var ErrOutOfScope = errors.New("request outside the scan's scope refused (not sent)")

// ErrUnsafeMethod is returned when a request other than GET or HEAD is attempted while active
// checks are disabled.
var ErrUnsafeMethod = errors.New("only GET and HEAD are allowed unless active checks are enabled")

// ErrNoCatalogue is returned by Session.Procedures when the portal shows no procedure catalogue:
// none configured and none discovered, or the catalogue page or endpoint does not answer 200.
var ErrNoCatalogue = errors.New("no procedure catalogue")
