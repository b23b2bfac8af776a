package service

import (
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/scoring"
)

// catalogueCheck is P06-SVC-01: the catalogue lists each procedure with a valid code (MaTTHC) and
// its level (toàn trình / một phần, or stated as not online).
func catalogueCheck(pl *check.ProcedureList) check.Result {
	var noCode, noLevel, legacy []string
	for _, p := range pl.Procedures {
		switch {
		case p.Code == "":
			noCode = append(noCode, fmt.Sprintf("%q at %s: no code", p.Name, p.Where))
		case !check.ValidProcedureCode(p.Code):
			noCode = append(noCode, fmt.Sprintf("%q at %s: code %q is not a procedure code", p.Name, p.Where, p.Code))
		}
		if !p.LevelStated {
			noLevel = append(noLevel, fmt.Sprintf("%s at %s", p.Label(), p.Where))
		} else if p.LegacyLevel {
			legacy = append(legacy, fmt.Sprintf("%s at %s", p.Label(), p.Where))
		}
	}
	ev := scoring.Evidence{Request: "GET " + check.Redact(pl.URL), Note: fmt.Sprintf("%d procedures read from the %s catalogue", len(pl.Procedures), pl.Format)}
	if len(noCode) == 0 && len(noLevel) == 0 && len(legacy) == 0 {
		return check.Passf("all %d procedures of the catalogue show a valid code and their level", len(pl.Procedures)).
			VI("cả %d thủ tục trong danh mục đều có mã thủ tục hợp lệ và mức độ", len(pl.Procedures)).At(pl.URL).With(ev)
	}
	got := fmt.Sprintf("%d of %d without a valid code, %d without a level, %d with the old level wording", len(noCode), len(pl.Procedures), len(noLevel), len(legacy))
	msg, msgVI := "", ""
	if len(noCode) > 0 {
		msg += fmt.Sprintf("%d procedures without a valid code: %s. ", len(noCode), en(noCode))
		msgVI += fmt.Sprintf("%d thủ tục không có mã hợp lệ: %s. ", len(noCode), vi(noCode))
	}
	if len(noLevel) > 0 {
		msg += fmt.Sprintf("%d procedures without a level (Toàn trình / Một phần / Trực tiếp): %s.", len(noLevel), en(noLevel))
		msgVI += fmt.Sprintf("%d thủ tục không ghi mức độ (Toàn trình / Một phần / Trực tiếp): %s.", len(noLevel), vi(noLevel))
	}
	if len(legacy) > 0 {
		msg += fmt.Sprintf(" %d procedures show the level in the wording Decree 42/2022 replaced (Mức độ 3/4) instead of Toàn trình / Một phần: %s.", len(legacy), en(legacy))
		msgVI += fmt.Sprintf(" %d thủ tục ghi mức độ theo cách cũ (Mức độ 3/4) thay vì Toàn trình / Một phần theo Nghị định 42/2022: %s.", len(legacy), vi(legacy))
	}
	return check.Failf("%s", strings.TrimSpace(msg)).VI("%s", strings.TrimSpace(msgVI)).At(pl.URL).With(ev).
		GotWant(got, "every procedure with its code (e.g. 1.000123) and level")
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
	return rateResult(t, pl, unstated, offline,
		"procedures offered online", "thủ tục được cung cấp dịch vụ công trực tuyến",
		"not online", "chưa trực tuyến")
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
		return check.Failf("the catalogue (%d procedures) offers no procedure online, so none is full-process", len(pl.Procedures)).
			VI("danh mục (%d thủ tục) không có dịch vụ công trực tuyến nào, nên không có dịch vụ toàn trình", len(pl.Procedures)).
			At(pl.URL).GotWant("0 online procedures", "≥ 80% of online procedures full-process")
	}
	t := scoring.SeedTarget(scoring.TargetOnlineFullProcess, full, online)
	return rateResult(t, pl, 0, partial, "online procedures that are full-process", "dịch vụ công trực tuyến toàn trình",
		"partial", "một phần")
}

// rateResult reports a rate against its seed target; short lists the procedures that fall short
// (named in a failure), under the heading shortWhat.
func rateResult(t scoring.Target, pl *check.ProcedureList, unstated int64, short []string, what, whatVI, shortWhat, shortWhatVI string) check.Result {
	got := fmt.Sprintf("%s (%d/%d)", pct(t.Measured), t.Numerator, t.Denominator)
	want := "≥ " + pct(t.Threshold)
	ev := scoring.Evidence{Request: "GET " + check.Redact(pl.URL),
		Note: fmt.Sprintf("target %s: threshold %s, measured %s; source: %s", t.ID, pct(t.Threshold), got, t.Source)}
	note, noteVI := "", ""
	if unstated > 0 {
		note = fmt.Sprintf(" (%d procedures show no level and count as not online)", unstated)
		noteVI = fmt.Sprintf(" (%d thủ tục không ghi mức độ, được tính là chưa trực tuyến)", unstated)
	}
	if t.Met {
		return check.Passf("%s %s: %s, target %s%s", pct(t.Measured), what, got, want, note).
			VI("tỷ lệ %s: %s, chỉ tiêu %s%s", whatVI, got, want, noteVI).At(pl.URL).With(ev).GotWant(got, want).Measured(t)
	}
	return check.Failf("only %s %s: %s, below the target %s%s. %s: %s", pct(t.Measured), what, got, want, note, shortWhat, en(short)).
		VI("tỷ lệ %s chỉ đạt %s, dưới chỉ tiêu %s%s. %s: %s", whatVI, got, want, noteVI, shortWhatVI, vi(short)).At(pl.URL).With(ev).GotWant(got, want).Measured(t)
}
