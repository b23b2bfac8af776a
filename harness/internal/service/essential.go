package service

import (
	"context"
	"fmt"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/scoring"
)

// scopeVI names a level of government in Vietnamese messages.
var scopeVI = map[criteria.Scope]string{criteria.Ministry: "bộ", criteria.Province: "tỉnh", criteria.Commune: "xã"}

// essentialCheck is P06-SVC-08: the Project 06 essential services within the portal's scope are
// offered online. Services are matched to catalogue entries by code when known, else by name
// (criteria.EssentialService.Matches). For a ministry portal, whose share of the 25 depends on the
// ministry, the services checked are those its catalogue lists.
func essentialCheck(ctx context.Context, s *check.Session) check.Result {
	r, err := s.Profile(ctx)
	if err != nil {
		return check.FromError("resolving the portal profile", err)
	}
	pl, res := procedures(ctx, s)
	if res != nil {
		return *res
	}
	scope := r.Scope
	if scope == "" {
		scope = criteria.Province
	}
	var services []criteria.EssentialService
	all := criteria.EssentialServices()
	for _, es := range all {
		if scope == criteria.Ministry {
			for _, p := range pl.Procedures {
				if es.Matches(p.Code, p.Name) {
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
	var missing, offline, missingVI, offlineVI []string
	for _, es := range services {
		var match *check.Procedure
		for i, p := range pl.Procedures {
			if es.Matches(p.Code, p.Name) {
				if match == nil || (!match.Online() && p.Online()) {
					match = &pl.Procedures[i]
				}
			}
		}
		label := fmt.Sprintf("#%d %s", es.Number, es.Name.VI)
		switch {
		case match == nil:
			missing = append(missing, fmt.Sprintf("#%d %s (%s)", es.Number, es.Name.VI, es.Name.EN))
			missingVI = append(missingVI, label)
		case !match.Online():
			offline = append(offline, fmt.Sprintf("%s as %s, not online", label, match.Label()))
			offlineVI = append(offlineVI, fmt.Sprintf("%s (%s) chưa trực tuyến", label, match.Label()))
		}
	}
	src := criteria.Essential()
	ev := scoring.Evidence{Request: "GET " + check.Redact(pl.URL), Note: "essential services: " + src.Source + ". " + src.Note}
	offered := len(services) - len(missing) - len(offline)
	if len(missing) == 0 && len(offline) == 0 {
		return check.Passf("all %d essential services within a %s portal's scope are offered online", len(services), scope).
			VI("cả %d dịch vụ công thiết yếu thuộc phạm vi cổng cấp %s đều được cung cấp trực tuyến", len(services), scopeVI[scope]).At(pl.URL).With(ev)
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
