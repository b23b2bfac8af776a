package service

import (
	"fmt"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// catalogueCheck is P06-SVC-01: the catalogue lists each procedure with a valid code (MaTTHC) and
// its level (toàn trình / một phần, or stated as not online).
func catalogueCheck(pl *check.ProcedureList) check.Result {
	var noCode, noLevel, legacy []msg.Phrase
	for _, p := range pl.Procedures {
		switch {
		case p.Code == "":
			noCode = append(noCode, msg.P(mCatalogueNoCode, p.Name, p.Where))
		case !check.ValidProcedureCode(p.Code):
			noCode = append(noCode, msg.P(mCatalogueBadCode, p.Name, p.Where, p.Code))
		}
		if !p.LevelStated {
			noLevel = append(noLevel, msg.P(mCatalogueAt, p.Label(), p.Where))
		} else if p.LegacyLevel {
			legacy = append(legacy, msg.P(mCatalogueAt, p.Label(), p.Where))
		}
	}
	ev := scoring.Evidence{Request: "GET " + check.Redact(pl.URL)}.Noted(mNoteCatalogueRead, len(pl.Procedures), pl.Format)
	if len(noCode) == 0 && len(noLevel) == 0 && len(legacy) == 0 {
		return check.Pass(mCataloguePass, len(pl.Procedures)).At(pl.URL).With(ev)
	}
	var problems []msg.Phrase
	if len(noCode) > 0 {
		problems = append(problems, msg.P(mCatalogueCodeless, len(noCode), list(noCode)))
	}
	if len(noLevel) > 0 {
		problems = append(problems, msg.P(mCatalogueLevelless, len(noLevel), levelWords, list(noLevel)))
	}
	if len(legacy) > 0 {
		problems = append(problems, msg.P(mCatalogueLegacy, len(legacy), legacyLevel, currentLevels, list(legacy)))
	}
	return check.Fail(mCatalogueFail, msg.List{Items: problems, Sep: " "}).At(pl.URL).With(ev).
		Saw(msg.P(mCatalogueGot, len(noCode), len(pl.Procedures), len(noLevel), len(legacy)), msg.P(mCatalogueWant))
}

// onlineRateCheck is P06-SVC-06: at least 80% of procedures are offered online.
func onlineRateCheck(pl *check.ProcedureList) check.Result {
	var online, unstated int64
	var offline []string
	for _, p := range pl.Procedures {
		if p.Online() {
			online++
		} else {
			offline = append(offline, p.Label())
		}
		if !p.LevelStated {
			unstated++
		}
	}
	t := scoring.SeedTarget(scoring.TargetProceduresOnline, online, int64(len(pl.Procedures)))
	return rateResult(t, pl, unstated, offline, msg.P(mRateOnline), msg.P(mRateOnlineShort))
}

// fullProcessRateCheck is P06-SVC-07: at least 80% of online procedures are full-process.
func fullProcessRateCheck(pl *check.ProcedureList) check.Result {
	var online, full int64
	var partial []string
	for _, p := range pl.Procedures {
		if p.Online() {
			online++
			if p.Level == check.LevelFull {
				full++
			} else {
				partial = append(partial, p.Label())
			}
		}
	}
	if online == 0 {
		return check.Fail(mRateNoneOnline, len(pl.Procedures)).
			At(pl.URL).Saw(msg.P(mRateNoneOnlineGot), msg.P(mRateNoneOnlineWant))
	}
	t := scoring.SeedTarget(scoring.TargetOnlineFullProcess, full, online)
	return rateResult(t, pl, 0, partial, msg.P(mRateFull), msg.P(mRateFullShort))
}

// rateResult reports a rate against its seed target: what is measured; short lists the
// procedures that fall short (named in a failure), under the heading shortWhat.
func rateResult(t scoring.Target, pl *check.ProcedureList, unstated int64, short []string, what, shortWhat msg.Phrase) check.Result {
	got := fmt.Sprintf("%s (%d/%d)", pct(t.Measured), t.Numerator, t.Denominator)
	want := "≥ " + pct(t.Threshold)
	ev := scoring.Evidence{Request: "GET " + check.Redact(pl.URL)}.Noted(mNoteTarget, t.ID, pct(t.Threshold), got, t.Source)
	var note msg.Phrase // renders as nothing when every procedure states its level
	if unstated > 0 {
		note = msg.P(mRateUnstated, unstated)
	}
	if t.Met {
		return check.Pass(mRatePass, pct(t.Measured), what, t.Numerator, t.Denominator, want, note).
			At(pl.URL).With(ev).GotWant(got, want).Measured(t)
	}
	return check.Fail(mRateFail, pct(t.Measured), what, t.Numerator, t.Denominator, want, note, shortWhat, list(data(short))).
		At(pl.URL).With(ev).GotWant(got, want).Measured(t)
}
