package warehouse_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/internal/signature"
	"github.com/p06kit/p06kit/harness/internal/signature/fakeportal"
	"github.com/p06kit/p06kit/harness/internal/warehouse"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/scoring"
)

// broken wraps the fake portal's adapter and breaks one method at a time, as a buggy or hostile
// adapter would.
type broken struct {
	a    *fakeportal.Adapter
	fail string // the method that misbehaves
	slow bool   // it blocks until the context ends instead of failing
}

var errAdapter = errors.New("adapter exploded")

func (b broken) err(ctx context.Context, m string) error {
	if b.fail != m {
		return nil
	}
	if b.slow {
		<-ctx.Done()
		return ctx.Err()
	}
	return errAdapter
}

func (b broken) Login(ctx context.Context, br *check.Browser, who ident.Person) error {
	if err := b.err(ctx, "Login"); err != nil {
		return err
	}
	return b.a.Login(ctx, br, who)
}

func (b broken) StartDossier(ctx context.Context, br *check.Browser, req check.DossierRequest) (*check.Dossier, error) {
	if b.fail == "StartDossier-nil" {
		return nil, nil
	}
	if err := b.err(ctx, "StartDossier"); err != nil {
		return nil, err
	}
	return b.a.StartDossier(ctx, br, req)
}

func (b broken) SubmitDossier(ctx context.Context, br *check.Browser, d *check.Dossier, req check.DossierRequest) (*check.Dossier, error) {
	if err := b.err(ctx, "SubmitDossier"); err != nil {
		return nil, err
	}
	return b.a.SubmitDossier(ctx, br, d, req)
}

func (b broken) CompleteDossier(ctx context.Context, id string) error {
	if err := b.err(ctx, "CompleteDossier"); err != nil {
		return err
	}
	return b.a.CompleteDossier(ctx, id)
}

func (b broken) FetchResult(ctx context.Context, br *check.Browser, id string) (*check.Document, error) {
	if b.fail == "FetchResult-nil" {
		return nil, nil
	}
	if err := b.err(ctx, "FetchResult"); err != nil {
		return nil, err
	}
	return b.a.FetchResult(ctx, br, id)
}

func (b broken) ListWarehouse(ctx context.Context, br *check.Browser) ([]check.WarehouseItem, error) {
	if b.fail == "ListWarehouse-garbage" {
		items := make([]check.WarehouseItem, 10000)
		for i := range items {
			items[i] = check.WarehouseItem{ID: "x", Name: "\x00\xff", URL: "::not a url::"}
		}
		return items, nil
	}
	if err := b.err(ctx, "ListWarehouse"); err != nil {
		return nil, err
	}
	return b.a.ListWarehouse(ctx, br)
}

func (b broken) FetchWarehouseItem(ctx context.Context, br *check.Browser, id string) (*check.Document, error) {
	if err := b.err(ctx, "FetchWarehouseItem"); err != nil {
		return nil, err
	}
	return b.a.FetchWarehouseItem(ctx, br, id)
}

// Every check turns a misbehaving adapter into an error finding that names the step, never a
// panic, a hang or a pass.
func TestHostileAdapter(t *testing.T) {
	pki := testPKI(t)
	var checks []check.Check
	checks = append(checks, signature.Checks()...)
	checks = append(checks, warehouse.Checks()...)
	for _, tc := range []struct {
		fail string
		slow bool
		// statuses allowed per check; default error
		allowed map[string][]scoring.Status
	}{
		{fail: "Login"},
		{fail: "StartDossier"},
		{fail: "StartDossier-nil"},
		{fail: "SubmitDossier"},
		{fail: "CompleteDossier", allowed: map[string][]scoring.Status{"P06-SIG-02": {scoring.Pass}, "P06-SIG-03": {scoring.Pass}}},
		{fail: "FetchResult", allowed: map[string][]scoring.Status{"P06-SIG-02": {scoring.Pass}, "P06-SIG-03": {scoring.Pass},
			"P06-WH-01": {scoring.Pass}, "P06-WH-02": {scoring.Pass}, "P06-WH-03": {scoring.Pass}, "P06-WH-04": {scoring.Pass}}},
		{fail: "FetchResult-nil", allowed: map[string][]scoring.Status{"P06-SIG-02": {scoring.Pass}, "P06-SIG-03": {scoring.Pass},
			"P06-WH-01": {scoring.Pass}, "P06-WH-02": {scoring.Pass}, "P06-WH-03": {scoring.Pass}, "P06-WH-04": {scoring.Pass}}},
		{fail: "ListWarehouse", allowed: map[string][]scoring.Status{"P06-SIG-01": {scoring.Pass}, "P06-SIG-02": {scoring.Pass}, "P06-SIG-03": {scoring.Pass}}},
		{fail: "ListWarehouse-garbage", allowed: map[string][]scoring.Status{"P06-SIG-01": {scoring.Pass}, "P06-SIG-02": {scoring.Pass}, "P06-SIG-03": {scoring.Pass},
			"P06-WH-01": {scoring.Fail}, "P06-WH-02": {scoring.Fail}, "P06-WH-03": {scoring.Fail}}},
		{fail: "FetchWarehouseItem", allowed: map[string][]scoring.Status{"P06-SIG-01": {scoring.Pass}, "P06-SIG-02": {scoring.Pass}, "P06-SIG-03": {scoring.Pass},
			"P06-WH-01": {scoring.Pass}, "P06-WH-02": {scoring.Pass}, "P06-WH-03": {scoring.Pass}}},
		{fail: "SubmitDossier", slow: true},
	} {
		name := tc.fail
		if tc.slow {
			name += " blocks"
		}
		t.Run(name, func(t *testing.T) {
			portal := fakeportal.New(pki, fakeportal.Defects{})
			defer portal.Close()
			adapter := broken{a: portal.Adapter(), fail: tc.fail, slow: tc.slow}
			s, err := probe.NewSession(check.Target{BaseURL: portal.URL, Client: portal.Client(), Portal: adapter, PKI: pki}, check.Config{Active: true})
			require.NoError(t, err)
			for _, c := range checks {
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				if tc.slow {
					ctx, cancel = context.WithTimeout(context.Background(), 50*time.Millisecond)
				}
				r := c.Run(ctx, s)
				cancel()
				want := append([]scoring.Status{scoring.Error}, tc.allowed[c.ID]...)
				assert.Contains(t, want, r.Status, "%s: %s", c.ID, r.Message)
				if r.Status == scoring.Error {
					assert.NotEmpty(t, r.Message, c.ID)
				}
			}
		})
	}
}
