package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
)

// maxListed bounds how many items a message lists; the rest are counted.
const maxListed = 8

// list is items for a message, at most maxListed of them, then "and N".
func list(items []msg.Phrase) msg.List {
	if len(items) > maxListed {
		items = append(items[:maxListed:maxListed], msg.P(mMore, len(items)-maxListed))
	}
	return msg.List{Items: items}
}

// data is values (URLs, names) listed as they are, in either language.
func data(items []string) []msg.Phrase {
	out := make([]msg.Phrase, len(items))
	for i, s := range items {
		out[i] = msg.P(mItem, s)
	}
	return out
}

// onCatalogue makes a check of the procedure catalogue from judge: a single-page app whose home
// page is an unrendered shell gives Session.HomeShell's finding, and a catalogue that cannot be
// read, or lists nothing, gives procedures' finding.
func onCatalogue(judge func(pl *check.ProcedureList) check.Result) check.Func {
	return func(ctx context.Context, s *check.Session) check.Result {
		if res, shell := s.HomeShell(ctx); shell {
			return res // a single-page app not rendered: nothing to judge
		}
		pl, res := procedures(ctx, s)
		if res != nil {
			return *res
		}
		return judge(pl)
	}
}

// procedures reads the catalogue; a result is returned when there is none to work with.
func procedures(ctx context.Context, s *check.Session) (*check.ProcedureList, *check.Result) {
	pl, err := s.Procedures(ctx)
	if errors.Is(err, check.ErrNoCatalogue) {
		r := check.Fail(mNoCatalogue, err).Saw(msg.P(mNoCatalogueGot), msg.P(mNoCatalogueWant))
		return nil, &r
	}
	if err != nil {
		r := check.FromError(msg.P(mStepCatalogue), err)
		return nil, &r
	}
	if len(pl.Procedures) == 0 {
		r := check.Fail(mEmptyCatalogue, check.Redact(pl.URL)).
			At(pl.URL).Saw(msg.P(mEmptyCatalogueGot), msg.P(mEmptyCatalogueWant))
		return nil, &r
	}
	return pl, nil
}

// pct formats a fraction as a percentage with two decimals, as Decision 766 reports do.
func pct(f float64) string { return fmt.Sprintf("%.2f%%", f*100) }
