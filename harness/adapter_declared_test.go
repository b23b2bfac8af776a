package harness

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/scoring"
)

// level2Adapter declares two procedures reserved to level-2 accounts.
type level2Adapter struct{ procs []string }

func (a level2Adapter) Level2Procedures() []string { return a.procs }

// The report records what the vendor's adapter declared (check.Assurance), so that a verdict
// resting on the declaration (P06-AUTH-08) can be read beside it; an adapter that names none
// is told apart from one that does not implement the interface by Interfaces.
func TestReportRecordsAdapterDeclaration(t *testing.T) {
	srv := okServer(t)
	pass := check.Check{ID: "T-SEC-01", Run: func(ctx context.Context, s *check.Session) check.Result {
		return check.Passf("ok").With(scoring.Evidence{Note: "ok"})
	}}
	run := func(portal any) *scoring.Report {
		r, err := Check(t.Context(), Target{BaseURL: srv.URL, Portal: portal}, Catalogue(testCatalogue()), NoBuiltin(),
			Lang("en"), Checks(pass), Only("T-SEC-01"))
		require.NoError(t, err)
		return r
	}
	r := run(level2Adapter{procs: []string{"1.001234", "2.000567"}})
	require.NotNil(t, r.Adapter)
	assert.Contains(t, r.Adapter.Interfaces, "Assurance")
	assert.Equal(t, []string{"1.001234", "2.000567"}, r.Adapter.Level2Procedures)

	r = run(level2Adapter{})
	require.NotNil(t, r.Adapter)
	assert.Contains(t, r.Adapter.Interfaces, "Assurance")
	assert.Empty(t, r.Adapter.Level2Procedures)
}
