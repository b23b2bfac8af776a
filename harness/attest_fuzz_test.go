package harness

import (
	"testing"
	"time"

	"github.com/p06kit/p06kit/criteria"
)

// FuzzParseAttestations: an evidence file is outside input. Parsing must never panic, and an
// accepted file must only name attested criteria and give findings without panicking.
func FuzzParseAttestations(f *testing.F) {
	cat := criteria.P06Technical()
	f.Add([]byte(`{"attestations":[{"criterion":"P06-SEC-20","document":"d","issued_by":"x","issued":"2025-01-01","expires":"2030-01-01"}]}`))
	f.Add([]byte(`{"attestations":[{"criterion":"P06-SEC-20","document":"d","issued_by":"x","issued":"2025-01-01","expires":"2030-01-01","sha256":"` +
		"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff" + `","file":"../../etc/passwd"}]}`))
	f.Add([]byte(`{"attestations":[]}`))
	f.Add([]byte(`{"attestations":null}`))
	f.Add([]byte("\xef\xbb\xbf{}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := ParseAttestations(b, cat)
		if err != nil {
			return
		}
		for _, at := range a.Attestations {
			cr, ok := cat.Criterion(at.Criterion)
			if !ok || cr.Method != criteria.Attested {
				t.Fatalf("accepted an attestation for %q", at.Criterion)
			}
			a.dir = t.TempDir()
			_ = a.finding(cr, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), "en")
		}
	})
}
