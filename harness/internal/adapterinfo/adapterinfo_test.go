package adapterinfo

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/ident"
)

type goodAdapter struct{}

func (*goodAdapter) Login(context.Context, *check.Browser, ident.Person) error { return nil }
func (*goodAdapter) WhoAmI(context.Context, *check.Browser) (string, error)    { return "", nil }

// wrongAdapter has a StartDossier whose request is a pointer, a SubmitDossier as it should be,
// and a Logout without a context: near misses that compile, since Target.Portal is an any.
type wrongAdapter struct{}

func (wrongAdapter) StartDossier(context.Context, *check.Browser, *check.DossierRequest) (*check.Dossier, error) {
	return nil, nil
}
func (wrongAdapter) SubmitDossier(context.Context, *check.Browser, *check.Dossier, check.DossierRequest) (*check.Dossier, error) {
	return nil, nil
}
func (wrongAdapter) Logout(*check.Browser) error { return nil }

// valueAdapter implements WhoAmI on its pointer only, but is passed as a value.
type valueAdapter struct{}

func (*valueAdapter) WhoAmI(context.Context, *check.Browser) (string, error) { return "", nil }

func TestAdapterReport(t *testing.T) {
	found, warn := AdapterReport(&goodAdapter{})
	assert.Equal(t, []string{"Login", "WhoAmI"}, found)
	assert.Empty(t, warn)

	found, warn = AdapterReport(wrongAdapter{})
	assert.Empty(t, found)
	assert.Equal(t, []string{
		"adapterinfo.wrongAdapter has SubmitDossier but not StartDossier: check.Dossiers is not implemented and the harness ignores it",
		"adapterinfo.wrongAdapter.Logout has signature func(*check.Browser) error, but check.Logout needs func(context.Context, *check.Browser) error: the harness ignores it",
		"adapterinfo.wrongAdapter.StartDossier has signature func(context.Context, *check.Browser, *check.DossierRequest) (*check.Dossier, error), but check.Dossiers needs func(context.Context, *check.Browser, check.DossierRequest) (*check.Dossier, error): the harness ignores it",
	}, warn)

	found, warn = AdapterReport(valueAdapter{})
	assert.Empty(t, found)
	assert.Equal(t, []string{"adapterinfo.valueAdapter.WhoAmI has a pointer receiver but Target.Portal holds a adapterinfo.valueAdapter value: pass a pointer so that the harness sees check.WhoAmI"}, warn)

	found, warn = AdapterReport(nil)
	assert.Empty(t, found)
	assert.Empty(t, warn)
}
