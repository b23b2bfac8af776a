package signature

import "github.com/p06kit/p06kit/harness/check"

// Checks returns the checks of this family. They submit and complete dossiers through the
// adapter, so they are active and exclusive.
func Checks() []check.Check {
	return []check.Check{
		{ID: "P06-SIG-01", Run: Redacting(resultSigned), Active: true, Exclusive: true},
		{ID: "P06-SIG-02", Run: Redacting(submissionAccepted), Active: true, Exclusive: true},
		{ID: "P06-SIG-03", Run: Redacting(badSignaturesRejected), Active: true, Exclusive: true},
	}
}
