package warehouse

import (
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/signature"
)

// Checks returns the checks of this family. Each completes a dossier of its own through the
// adapter, so they are active and exclusive. P06-WH-05 (synchronisation with the national
// portal's personal data store) is attested: it has no check.
func Checks() []check.Check {
	return []check.Check{
		{ID: "P06-WH-01", Run: signature.Redacting(resultStored), Active: true, Exclusive: true},
		{ID: "P06-WH-02", Run: signature.Redacting(listed), Active: true, Exclusive: true},
		{ID: "P06-WH-03", Run: signature.Redacting(reused), Active: true, Exclusive: true},
		{ID: "P06-WH-04", Run: signature.Redacting(private), Active: true, Exclusive: true},
	}
}
