// Package harness checks a public service portal against the Project 06 criteria.
//
// SCAFFOLD: the engine is being built (issue 5).
package harness

import (
	"context"
	"errors"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/scoring"
)

// Target is the portal under assessment; see [check.Target].
type Target = check.Target

// Profile says where things are on a portal; see [check.Profile].
type Profile = check.Profile

// Option configures a run. Options are sealed: only this package defines them.
type Option interface{ apply(*config) }

type config struct {
	check.Config
}

// Check assesses target and returns the report. err is only for harness or configuration
// failures; non-compliance is data in the report.
func Check(ctx context.Context, target Target, opts ...Option) (*scoring.Report, error) {
	return nil, errors.New("harness: not built yet")
}
