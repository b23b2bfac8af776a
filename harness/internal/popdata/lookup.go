package popdata

import (
	"context"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/ident"
)

// judgeLookup is P06-POP-01: starting a dossier looks up the logged-in citizen in the population
// database (service 037), authenticated with the portal's credentials.
func judgeLookup(ctx context.Context, e *env, b *check.Browser) check.Result {
	a := e.start(ctx, b, check.DossierRequest{})
	if a.err != nil {
		return dossierError("starting a dossier", a.err)
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
	want := "starting a dossier sends an authenticated TraCuuThongTinCongDan (037) for the logged-in citizen"
	switch {
	case len(mine) > 0:
		return check.Passf("starting a dossier looked up the logged-in citizen %s through the gateway: %s", who, describe(mine[0])).
			VI("Khi bắt đầu hồ sơ, cổng đã tra cứu công dân đang đăng nhập %s qua trục tích hợp: %s", who, describeVI(mine[0])).
			GotWant(describe(mine[0]), want).
			With(evidence(a.entries)...)
	case len(refused) > 0:
		return check.Failf("starting a dossier tried to look up the citizen %s but the gateway did not answer the record: %s", who, describeAll(refused, 3)).
			VI("Khi bắt đầu hồ sơ, cổng có gửi yêu cầu tra cứu công dân %s nhưng trục tích hợp không trả bản ghi: %s", who, describeAllVI(refused, 3)).
			GotWant(describeAll(refused, 3), want).
			With(evidence(a.entries)...)
	case len(a.entries) > 0:
		return check.Failf("starting a dossier sent %d request(s) to the population database, none for the logged-in citizen %s: %s", len(a.entries), who, describeAll(a.entries, 3)).
			VI("Khi bắt đầu hồ sơ, cổng gửi %d yêu cầu tới CSDL dân cư nhưng không yêu cầu nào tra cứu công dân đang đăng nhập %s: %s", len(a.entries), who, describeAllVI(a.entries, 3)).
			GotWant(describeAll(a.entries, 3), want).
			With(evidence(a.entries)...)
	default:
		msg := "starting a dossier sent no request to the population database: the portal did not look up the logged-in citizen " + who
		if a.dossier != nil && a.dossier.Message != "" {
			msg += "; the portal said: " + truncate(a.dossier.Message, 200)
		}
		return check.Failf("%s", msg).
			VI("Khi bắt đầu hồ sơ, cổng không gửi yêu cầu nào tới CSDL quốc gia về dân cư: không tra cứu công dân đang đăng nhập %s", who).
			GotWant("no gateway request", want).
			With(evidence(a.entries)...)
	}
}
