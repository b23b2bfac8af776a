package service

import (
	"context"
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/check"
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

// scopeVI names a level of government in Vietnamese messages.
var scopeVI = map[criteria.Scope]string{criteria.Ministry: "bộ", criteria.Province: "tỉnh", criteria.Commune: "xã"}

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
		return check.NotApplicablef("no essential service is within the scope of this %s portal (its catalogue lists none of the 25)", scope).
			VI("không có dịch vụ công thiết yếu nào thuộc phạm vi của cổng cấp %s này", scopeVI[scope])
	}
	links := essentialLinks(ctx, s, r)
	foldedLinks := make([]string, len(links))
	for i, l := range links {
		foldedLinks[i] = htmlx.Fold(l.text)
	}
	var missing, offline, missingVI, offlineVI, linked []string
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
			linked = append(linked, fmt.Sprintf("#%d → %s", es.Number, check.Redact(link)))
		case match == nil:
			missing = append(missing, fmt.Sprintf("#%d %s (%s)", es.Number, es.Name.VI, es.Name.EN))
			missingVI = append(missingVI, label)
		case !match.Online():
			offline = append(offline, fmt.Sprintf("%s as %s, not online", label, match.Label()))
			offlineVI = append(offlineVI, fmt.Sprintf("%s (%s) chưa trực tuyến", label, match.Label()))
		}
	}
	src := criteria.Essential()
	note := "essential services: " + src.Source + ". " + src.Note
	if len(linked) > 0 {
		note += " Offered through a link rather than the catalogue: " + strings.Join(linked, "; ") + "."
	}
	ev := scoring.Evidence{Request: "GET " + check.Redact(pl.URL), Note: note}
	offered := len(services) - len(missing) - len(offline)
	if len(missing) == 0 && len(offline) == 0 {
		via, viaVI := "", ""
		if len(linked) > 0 {
			via = fmt.Sprintf(" (%d through a link, not the catalogue: %s)", len(linked), en(linked))
			viaVI = fmt.Sprintf(" (%d qua liên kết, không có trong danh mục: %s)", len(linked), vi(linked))
		}
		return check.Passf("all %d essential services within a %s portal's scope are offered online%s", len(services), scope, via).
			VI("cả %d dịch vụ công thiết yếu thuộc phạm vi cổng cấp %s đều được cung cấp trực tuyến%s", len(services), scopeVI[scope], viaVI).At(pl.URL).With(ev)
	}
	msg := fmt.Sprintf("%d of %d essential services within a %s portal's scope are offered online.", offered, len(services), scope)
	msgVI := fmt.Sprintf("%d/%d dịch vụ công thiết yếu thuộc phạm vi cổng cấp %s được cung cấp trực tuyến.", offered, len(services), scopeVI[scope])
	if len(missing) > 0 {
		msg += " Not in the catalogue: " + en(missing) + "."
		msgVI += " Không có trong danh mục: " + vi(missingVI) + "."
	}
	if len(offline) > 0 {
		msg += " Listed but not online: " + en(offline) + "."
		msgVI += " Có trong danh mục nhưng chưa trực tuyến: " + vi(offlineVI) + "."
	}
	return check.Failf("%s", msg).VI("%s", msgVI).At(pl.URL).With(ev).
		GotWant(fmt.Sprintf("%d/%d online", offered, len(services)), "every essential service within the portal's scope offered online")
}
