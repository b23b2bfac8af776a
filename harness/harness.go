package harness

import (
	"github.com/p06kit/p06kit/harness/check"
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
