package harness

import (
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/a11y"
	"github.com/p06kit/p06kit/harness/internal/headers"
	"github.com/p06kit/p06kit/harness/internal/identity"
	"github.com/p06kit/p06kit/harness/internal/leakage"
	"github.com/p06kit/p06kit/harness/internal/popdata"
	"github.com/p06kit/p06kit/harness/internal/service"
	"github.com/p06kit/p06kit/harness/internal/signature"
	"github.com/p06kit/p06kit/harness/internal/tlsscan"
	"github.com/p06kit/p06kit/harness/internal/ux"
	"github.com/p06kit/p06kit/harness/internal/warehouse"
)

// builtinFamilies lists every family of built-in checks. Each family lives in its own package
// under internal/, one concept per file.
var builtinFamilies = []func() []check.Check{
	tlsscan.Checks,
	headers.Checks,
	leakage.Checks,
	a11y.Checks,
	ux.Checks,
	service.Checks,
	identity.Checks,
	popdata.Checks,
	signature.Checks,
	warehouse.Checks,
}

// Builtin returns the built-in checks, keyed by criterion ID.
func Builtin() map[string]check.Check {
	m := map[string]check.Check{}
	for _, f := range builtinFamilies {
		for _, c := range f() {
			m[c.ID] = c
		}
	}
	return m
}
