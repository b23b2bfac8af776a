package service

import (
	"context"
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// essentialLink is a link of the home page or the catalogue page, by its text.
type essentialLink struct{ text, href string }

// essentialLinks returns the links of the home page and the catalogue page: an essential service
// may be offered through a link (to the national portal, DVCQG) rather than a catalogue entry.
func essentialLinks(ctx context.Context, s *check.Session, r *check.Resolved) []essentialLink {
	var out []essentialLink
	for _, ref := range []string{r.Home, r.Procedures} {
		if ref == "" {
			continue
		}
		pg, err := s.Page(ctx, ref)
		if err != nil || pg.Doc == nil || pg.StatusCode != 200 {
			continue
		}
		for _, l := range htmlx.Links(pg.Doc, pg.FinalURL) {
			if l.Href == "" || strings.HasPrefix(l.Href, "#") || !l.Web() {
				continue
			}
			title, _ := htmlx.Attr(l.Node, "title")
			out = append(out, essentialLink{text: htmlx.Text(l.Node) + " " + title, href: l.URL.String()})
		}
	}
	return out
}

// scopeName names a level of government in a message (an unknown one as it was given).
func scopeName(scope criteria.Scope) msg.Phrase {
	if t, ok := scopes[scope]; ok {
		return msg.P(t)
	}
	return msg.P(mItem, string(scope))
}

// serviceName is an essential service's name in a message: as reported (Vietnamese), with its
// English rendering in English messages.
type serviceName criteria.Text

// Render is the name in lang.
func (n serviceName) Render(lang string) string {
	if lang == msg.EN {
		return n.VI + " (" + n.EN + ")"
	}
	return n.VI
}

// String is the name in English.
func (n serviceName) String() string { return n.Render(msg.EN) }

// essentialCheck is P06-SVC-08: the Project 06 essential services within the portal's scope are
// offered online, on the portal or linked to the national portal. Services are matched to
// catalogue entries by code when known, else by name (criteria.EssentialService.Matches); one
// missing from the catalogue counts as offered when the home or catalogue page links to it by
// name. For a ministry portal, whose share of the 25 depends on the ministry, the services checked
// are those its catalogue lists.
func essentialCheck(ctx context.Context, s *check.Session, r *check.Resolved) check.Result {
	pl, res := procedures(ctx, s)
	if res != nil {
		return *res
	}
	scope := r.Scope
	if scope == "" {
		scope = criteria.Province
	}
	// Each name is folded once, not once per service.
	folded := make([]string, len(pl.Procedures))
	for i, p := range pl.Procedures {
		folded[i] = htmlx.Fold(p.Name)
	}
	var services []criteria.EssentialService
	all := criteria.EssentialServices()
	for _, es := range all {
		if scope == criteria.Ministry {
			for i, p := range pl.Procedures {
				if es.MatchesFolded(p.Code, folded[i]) {
					services = append(services, es)
					break
				}
			}
		} else if es.InScope(scope) {
			services = append(services, es)
		}
	}
	if len(services) == 0 {
		return check.NotApplicable(mEssentialNone, scopeName(scope))
	}
	links := essentialLinks(ctx, s, r)
	foldedLinks := make([]string, len(links))
	for i, l := range links {
		foldedLinks[i] = htmlx.Fold(l.text)
	}
	var missing, offline, linked []msg.Phrase
	var linkedNote []string
	for _, es := range services {
		var match *check.Procedure
		for i, p := range pl.Procedures {
			if es.MatchesFolded(p.Code, folded[i]) {
				if match == nil || (!match.Online() && p.Online()) {
					match = &pl.Procedures[i]
				}
			}
		}
		label := fmt.Sprintf("#%d %s", es.Number, es.Name.VI)
		link := ""
		if match == nil {
			for i, l := range links {
				if es.MatchesFolded("", foldedLinks[i]) {
					link = l.href
					break
				}
			}
		}
		switch {
		case match == nil && link != "":
			linked = append(linked, msg.P(mEssentialLinked, es.Number, check.Redact(link)))
			linkedNote = append(linkedNote, fmt.Sprintf("#%d → %s", es.Number, check.Redact(link)))
		case match == nil:
			missing = append(missing, msg.P(mEssentialService, es.Number, serviceName(es.Name)))
		case !match.Online():
			offline = append(offline, msg.P(mEssentialOffline, label, match.Label()))
		}
	}
	src := criteria.Essential()
	ev := scoring.Evidence{Request: "GET " + check.Redact(pl.URL)}.Noted(mNoteEssential, src.Source, src.Note)
	if len(linked) > 0 {
		ev = ev.Noted(mNoteEssentialLinked, src.Source, src.Note, strings.Join(linkedNote, "; "))
	}
	offered := len(services) - len(missing) - len(offline)
	if len(missing) == 0 && len(offline) == 0 {
		var via msg.Phrase // renders as nothing when every service is in the catalogue
		if len(linked) > 0 {
			via = msg.P(mEssentialVia, len(linked), list(linked))
		}
		return check.Pass(mEssentialPass, len(services), scopeName(scope), via).At(pl.URL).With(ev)
	}
	var notListed, notOnline msg.Phrase
	if len(missing) > 0 {
		notListed = msg.P(mEssentialMissing, list(missing))
	}
	if len(offline) > 0 {
		notOnline = msg.P(mEssentialListed, list(offline))
	}
	return check.Fail(mEssentialFail, offered, len(services), scopeName(scope), notListed, notOnline).At(pl.URL).With(ev).
		Saw(msg.P(mEssentialGot, offered, len(services)), msg.P(mEssentialWant))
}
