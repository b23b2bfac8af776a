package ux

import (
	"context"
	"net/url"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/pagejudge"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// searchSamples is how many procedures the search check looks for.
const searchSamples = 3

// pick returns up to n procedures with a name and a page, spread over the catalogue (first,
// middle, last).
func pick(ps []check.Procedure, n int) []check.Procedure {
	var usable []check.Procedure
	for _, p := range ps {
		if p.Name != "" && p.URL != "" {
			usable = append(usable, p)
		}
	}
	if len(usable) <= n {
		return usable
	}
	out := make([]check.Procedure, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, usable[i*(len(usable)-1)/(n-1)])
	}
	return out
}

// linksTo reports whether the page links to target (same path and query, ignoring the
// fragment).
func linksTo(pg *check.Page, target string) bool {
	t, err := url.Parse(target)
	if err != nil {
		return false
	}
	for _, l := range htmlx.Links(pg.Doc, pg.FinalURL) {
		if l.URL != nil && strings.EqualFold(l.URL.Host, t.Host) && l.URL.Path == t.Path && l.URL.RawQuery == t.RawQuery {
			return true
		}
	}
	return false
}

// searchCheck is P06-UX-05: the site search finds procedures by name. It searches for the names
// of up to three procedures of the catalogue and expects each result page to link to the
// procedure's page. It also searches for the first name without diacritics and says whether that
// works (advice, not a requirement).
func searchCheck(ctx context.Context, s *check.Session, r *check.Resolved) check.Result {
	if r.Search == "" || !strings.Contains(r.Search, "{q}") {
		return check.Fail(mSearchNone).Saw(msg.P(mSearchNoneGot), msg.P(mSearchNoneWant))
	}
	pl, err := s.Procedures(ctx)
	if err != nil {
		return check.FromError(msg.P(mStepCatalogue), err)
	}
	samples := pick(pl.Procedures, searchSamples)
	if len(samples) == 0 {
		return check.Fail(mSearchNothing).Saw(msg.P(mSearchNothingGot), msg.P(mSearchNothingWant))
	}
	var missed []msg.Phrase
	var ev []scoring.Evidence
	for _, p := range samples {
		u := strings.ReplaceAll(r.Search, "{q}", url.QueryEscape(p.Name))
		pg, err := s.Page(ctx, u)
		if err != nil {
			return check.FromError(msg.P(mStepSearch, p.Name), err)
		}
		ev = append(ev, pg.Evidence("Content-Type"))
		switch {
		case pg.StatusCode != 200 || pg.Doc == nil:
			missed = append(missed, msg.P(mSearchStatus, p.Name, pg.StatusCode))
		case !linksTo(pg, p.URL):
			missed = append(missed, msg.P(mSearchNoLink, p.Name, check.Redact(p.URL)))
		}
	}
	// People often type without diacritics: try the first name folded, and say what happens.
	var plain msg.Phrase // says nothing when the name has no diacritics
	if len(missed) == 0 {
		p := samples[0]
		folded := htmlx.Fold(p.Name)
		if folded != strings.ToLower(p.Name) {
			u := strings.ReplaceAll(r.Search, "{q}", url.QueryEscape(folded))
			if pg, err := s.Page(ctx, u); err == nil && pg.StatusCode == 200 && pg.Doc != nil && linksTo(pg, p.URL) {
				plain = msg.P(mSearchPlain)
			} else {
				plain = msg.P(mSearchNotPlain, folded)
			}
		}
	}
	if len(missed) > 0 {
		return check.Fail(mSearchFail, len(missed), len(samples), pagejudge.Phrases(missed)).
			With(ev...).Saw(msg.P(mSearchFailGot, len(missed), len(samples)), msg.P(mSearchFailWant))
	}
	return check.Pass(mSearchPass, len(samples), plain).With(ev...)
}
