package service

import (
	"context"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// component is one mandatory component of a procedure's published information under Decree
// 63/2010 Art. 8(2) (Decision 766 indicator 1.3).
type component struct {
	// name is the component's point and name.
	name msg.Text
	// labels are alternatives of folded phrases that name the component in a heading or label.
	labels [][]string
}

// components are points (b)–(g); (a), the name, is the page's h1 or a "Tên thủ tục" label.
var components = []component{
	{mComponentSequence, [][]string{{"trinh tu thuc hien"}, {"trinh tu"}}},
	{mComponentMethod, [][]string{{"cach thuc thuc hien"}, {"cach thuc"}}},
	{mComponentDossier, [][]string{{"thanh phan ho so"}, {"thanh phan", "so luong ho so"}, {"ho so gom"}}},
	{mComponentTime, [][]string{{"thoi han giai quyet"}, {"thoi gian giai quyet"}, {"thoi han xu ly"}}},
	{mComponentSubjects, [][]string{{"doi tuong thuc hien"}, {"doi tuong"}}},
	{mComponentAgency, [][]string{{"co quan thuc hien"}, {"co quan giai quyet"}, {"co quan co tham quyen"}}},
}

// componentsCheck is P06-SVC-02: each sampled procedure page shows all mandatory components.
func componentsCheck(ctx context.Context, s *check.Session, r *check.Resolved) check.Result {
	if len(r.ProcedurePages) == 0 {
		return check.Fail(mComponentsNoPages).Saw(msg.P(mNoPagesGot), msg.P(mComponentsWantAll))
	}
	var bad []msg.Phrase
	var ev []scoring.Evidence
	s.Prefetch(ctx, r.ProcedurePages...)
	checked := 0
	for _, ref := range r.ProcedurePages {
		pg, err := s.Page(ctx, ref)
		if err != nil {
			return check.FromError(msg.P(mStepProcedurePage, check.Redact(ref)), err)
		}
		checked++
		if pg.StatusCode != 200 || pg.Doc == nil {
			bad = append(bad, msg.P(mComponentsNotHTML, check.Redact(pg.URL), pg.StatusCode))
			ev = append(ev, pg.Evidence("Content-Type"))
			continue
		}
		ls := pageLabels(pg)
		var missing []msg.Phrase
		if h1 := htmlx.First(pg.Doc, "h1"); (h1 == nil || htmlx.Text(h1) == "") && !hasLabel(ls, [][]string{{"ten thu tuc"}}) {
			missing = append(missing, msg.P(mComponentName))
		}
		for _, c := range components {
			if !hasLabel(ls, c.labels) {
				missing = append(missing, msg.P(c.name))
			}
		}
		if len(missing) > 0 {
			lacks := msg.List{Items: missing, Sep: ", "}
			bad = append(bad, msg.P(mComponentsLacks, check.Redact(pg.URL), lacks))
			e := pg.Evidence()
			e = e.Noted(mNoteMissing, lacks)
			ev = append(ev, e)
		}
	}
	if len(bad) == 0 {
		return check.Pass(mComponentsPass, checked)
	}
	if len(ev) > maxListed {
		ev = ev[:maxListed]
	}
	return check.Fail(mComponentsFail, len(bad), checked, list(bad)).
		Saw(msg.P(mComponentsGot, len(bad), checked), msg.P(mComponentsWant)).
		With(ev...)
}
