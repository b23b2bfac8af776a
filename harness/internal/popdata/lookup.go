package popdata

import (
	"context"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/ident"
)

// judgeLookup is P06-POP-01: starting a dossier looks up the logged-in citizen in the population
// database (service 037), authenticated with the portal's credentials.
func judgeLookup(ctx context.Context, e *env, b *check.Browser) check.Result {
	a := e.start(ctx, b, check.DossierRequest{})
	if a.err != nil {
		return dossierError(msg.P(mStepStart), a.err)
	}
	who := ident.Mask(e.who.ID)
	var mine, refused []popdbtest.Request
	for _, r := range a.entries {
		if !isCitizen(r.Subject, e.who) {
			continue
		}
		if r.AuthOK && r.Outcome == popdbtest.Found {
			mine = append(mine, r)
		} else {
			refused = append(refused, r)
		}
	}
	want := msg.P(mLookupWant)
	switch {
	case len(mine) > 0:
		return check.Pass(mLookupPass, who, describe(mine[0])).
			Saw(describe(mine[0]), want).
			With(evidence(a.entries)...)
	case len(refused) > 0:
		return check.Fail(mLookupRefused, who, describeAll(refused, 3)).
			Saw(msg.P(mPlain, describeAll(refused, 3)), want).
			With(evidence(a.entries)...)
	case len(a.entries) > 0:
		return check.Fail(mLookupOthers, len(a.entries), who, describeAll(a.entries, 3)).
			Saw(msg.P(mPlain, describeAll(a.entries, 3)), want).
			With(evidence(a.entries)...)
	default:
		var said any = ""
		if a.dossier != nil && a.dossier.Message != "" {
			said = msg.P(mPortalSaid, truncate(a.dossier.Message, 200))
		}
		return check.Fail(mLookupNone, who, said).
			Saw(msg.P(mNoGatewayRequest), want).
			With(evidence(a.entries)...)
	}
}
