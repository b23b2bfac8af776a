package harness

import (
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/adapterinfo"
)

// Target is the portal under assessment; see [check.Target]. Every field but BaseURL may be
// left zero.
type Target = check.Target

// Profile says where things are on a portal; see [check.Profile].
type Profile = check.Profile

// Budgets are the performance budgets of a profile; see [check.Budgets].
type Budgets = check.Budgets

// Renderer renders pages in a browser for the content criteria; see [check.Renderer] and
// package harness/render (headless Chromium).
type Renderer = check.Renderer

// AdapterReport says which adapter interfaces of package check portal (a Target.Portal)
// implements, and warns about near misses the harness would otherwise ignore in silence: a
// method named like an adapter method whose signature differs, or an interface only part of
// whose methods are there. The engine logs it at the start of a run.
func AdapterReport(portal any) (found, warnings []string) { return adapterinfo.AdapterReport(portal) }
