package fakeportal

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/signtest"
)

var (
	pkiOnce sync.Once
	pki     *signtest.PKI
	pkiErr  error
)

// SharedPKI returns one test PKI for the whole test binary: generating its keys is the slow part
// of a fixture, and the checks never change it.
func SharedPKI(t testing.TB) *signtest.PKI {
	t.Helper()
	pkiOnce.Do(func() { pki, pkiErr = signtest.NewPKI() })
	if pkiErr != nil {
		t.Fatalf("test PKI: %v", pkiErr)
	}
	return pki
}

// Find returns the check id among checks. The signature and warehouse checks submit and create
// dossiers, so it also fails t unless the check is Active and Exclusive.
func Find(t testing.TB, checks []check.Check, id string) check.Check {
	t.Helper()
	for _, c := range checks {
		if c.ID == id {
			if !c.Active {
				t.Errorf("%s submits dossiers: it must be active", id)
			}
			if !c.Exclusive {
				t.Errorf("%s creates dossiers: it must be exclusive", id)
			}
			return c
		}
	}
	t.Fatalf("no check %s", id)
	return check.Check{}
}

// Run runs check id of checks against a new fake portal with the given defects. adapter, when not
// nil, replaces the portal's full adapter; noPKI leaves the target without a PKI.
func Run(t testing.TB, checks []check.Check, id string, d Defects, adapter func(*Adapter) any, noPKI bool) check.Result {
	t.Helper()
	p := SharedPKI(t)
	portal := New(p, d)
	t.Cleanup(portal.Close)
	var a any = portal.Adapter()
	if adapter != nil {
		a = adapter(portal.Adapter())
	}
	target := check.Target{BaseURL: portal.URL, Client: portal.Client(), Portal: a, PKI: p}
	if noPKI {
		target.PKI = nil
	}
	s, err := probe.NewSession(target, check.Config{Active: true})
	if err != nil {
		t.Fatalf("session: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return Find(t, checks, id).Run(ctx, s)
}
