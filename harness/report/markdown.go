package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/p06kit/p06kit/internal/textx"
	"github.com/p06kit/p06kit/scoring"
)

// WriteMarkdown writes r as GitHub-flavoured Markdown for a pull-request comment: the scorecard,
// the group scores, every criterion not met with its message and advice, then the rest folded
// in <details>.
func WriteMarkdown(w io.Writer, r *scoring.Report, opt Options) error {
	r = redacted(r) // the redaction policy applies where output is made
	opt = opt.withDefaults(r)
	wd := wordsFor(opt.Lang)
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", wd.Report)
	fmt.Fprintf(&b, "**%s:** %s  \n", wd.Target, mdInline(r.Target))
	fmt.Fprintf(&b, "**%s:** %s %s  \n", wd.Catalogue, mdInline(r.Catalogue.ID), mdInline(r.Catalogue.Version))
	if r.StartedAt != "" {
		fmt.Fprintf(&b, "**%s:** %s (%s)  \n", wd.Started, r.StartedAt, seconds(r.DurationMS)+" s")
	}
	b.WriteString("\n")
	facts := factsOf(r, opt)
	c := r.Scores.Compliance
	cov := coverageOf(r)
	compliance := fmt.Sprintf("%d / %d %s (%s)", c.Met, c.Applicable, wd.MandatoryMet, fmtRate(c.Rate))
	if facts.Partial {
		fmt.Fprintf(&b, "> **%s:** %s  \n> %s\n\n", facts.W.Partial, mdPartialNote(facts), mdIDList(facts.Criteria, 30))
		compliance = "—"
		if facts.ComplianceKnown {
			compliance = fmt.Sprintf("%d / %d %s", facts.Met, facts.Applicable, facts.W.SelectedMet)
		}
	}
	fmt.Fprintf(&b, "| %s | %s | %s | %s |\n|---:|:---:|:---|:---|\n", wd.Score, wd.Grade, wd.Compliance, wd.Coverage)
	score := "**" + fmtScore(r.Scores.Overall) + "** / 100"
	if facts.Unscored {
		score = facts.ScoreShown // a partial run's unselected criteria weigh in the number; or nothing was scored
	}
	fmt.Fprintf(&b, "| %s | **%s** | %s | %d / %d %s (%s) |\n\n", score,
		mdInline(gradeShown(r, opt.Lang)), compliance,
		cov.Assessed, cov.Total, wd.CoverageOf, fmtRate(cov.Share()))
	if len(r.Scores.Caps) > 0 && !facts.Unscored {
		var caps []string
		for _, cp := range r.Scores.Caps {
			caps = append(caps, fmt.Sprintf("`%s` (%s)", cp.Criterion, wd.Statuses[cp.Status]))
		}
		fmt.Fprintf(&b, "> **%s:** %s — %s **%s**.\n\n", wd.Caps, strings.Join(caps, ", "), wd.CapNote, mdInline(capGrade(r, opt.Lang)))
	}

	fmt.Fprintf(&b, "| %s | %s | %s | ✅ | ❌ | ⚠️ | ⏭️ |\n|:---|---:|---:|---:|---:|---:|---:|\n", wd.Group, wd.Score, wd.PointsHdr)
	for _, g := range groupIDs(r, opt) {
		gs := r.Scores.Groups[g]
		c := countGroup(r, g)
		fmt.Fprintf(&b, "| %s | %s | %g / %g | %d | %d | %d | %d |\n", mdCell(opt.groupTitle(g)), groupScoreShown(r, gs, wd),
			gs.Earned, gs.Available, c.pass, c.fail, c.errs, c.other)
	}
	b.WriteString("\n")

	if len(r.Targets) > 0 {
		fmt.Fprintf(&b, "| %s | %s | %s | |\n|:---|---:|---:|:---:|\n", wd.Targets, wd.Measured, wd.Threshold)
		for _, tg := range r.Targets {
			mark := "❌"
			if tg.Met {
				mark = "✅"
			}
			fmt.Fprintf(&b, "| %s | %s (%d/%d) | %s | %s |\n", mdCell(tg.Title.In(opt.Lang)), fmtRate(tg.Measured), tg.Numerator, tg.Denominator, fmtRate(tg.Threshold), mark)
		}
		b.WriteString("\n")
	}

	var bad, errs, good, rest []scoring.Finding
	for _, fx := range FixFirst(r, opt) {
		bad = append(bad, fx.Finding)
	}
	for _, f := range sortedFindings(r, "") {
		switch f.Status {
		case scoring.Fail:
		case scoring.Error:
			errs = append(errs, f)
		case scoring.Pass, scoring.Attested:
			good = append(good, f)
		default:
			rest = append(rest, f)
		}
	}
	// Failures to fix, most urgent first; then what could not be assessed (error), apart:
	// an error is not a failure.
	fmt.Fprintf(&b, "### %s (%d)\n\n", wd.FixFirst, len(bad))
	if len(bad) == 0 {
		fmt.Fprintf(&b, "_%s_\n\n", wd.None)
	}
	detail := func(f scoring.Finding) {
		cr := opt.criterion(f.Criterion)
		id := "**`" + f.Criterion + "`**"
		if u := docURL(r, f.Criterion); u != "" {
			id = "[" + id + "](" + u + ")"
		}
		fmt.Fprintf(&b, "- %s %s %s — %s\n", statusEmoji(f.Status), id, mdInline(opt.title(f.Criterion)), mdInline(firstLine(f.Message)))
		if f.Got != "" {
			fmt.Fprintf(&b, "  - %s: %s\n", wd.Got, mdCode(f.Got))
		}
		want := wantText(f, cr, opt.Lang)
		if want != "" {
			fmt.Fprintf(&b, "  - %s: %s\n", wd.Want, mdProse(want))
		}
		if f.URL != "" {
			fmt.Fprintf(&b, "  - %s: <%s>\n", wd.Url, strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(f.URL))
		}
		if cr != nil {
			if adv := cr.Advice.In(opt.Lang); adv != "" {
				fmt.Fprintf(&b, "  - %s: %s\n", wd.Advice, mdProse(adv))
			}
			if bs := basisMarkdown(cr, opt.Lang); bs != "" {
				fmt.Fprintf(&b, "  - %s: %s\n", wd.Basis, bs)
			}
		}
		for i, ev := range f.Evidence {
			if i == 3 {
				fmt.Fprintf(&b, "  - … (+%d)\n", len(f.Evidence)-3)
				break
			}
			fmt.Fprintf(&b, "  - %s: %s\n", wd.Evidence, mdCode(EvidenceLine(ev, opt.Lang)))
		}
	}
	for _, f := range bad {
		detail(f)
	}
	b.WriteString("\n")
	if len(errs) > 0 {
		fmt.Fprintf(&b, "### %s (%d)\n\n_%s_\n\n", wd.CouldNotAssess, len(errs), wd.CouldNotAssessNote)
		for _, f := range errs {
			detail(f)
		}
		b.WriteString("\n")
	}
	writeFactsMarkdown(&b, facts)
	section := func(title string, fs []scoring.Finding) {
		if len(fs) == 0 {
			return
		}
		fmt.Fprintf(&b, "<details><summary>%s (%d)</summary>\n\n| | %s | %s | %s |\n|:---:|:---|:---|:---|\n", title, len(fs), wd.Criterion, wd.Status, wd.Message)
		for _, f := range fs {
			name := "`" + f.Criterion + "`"
			if t := opt.title(f.Criterion); t != "" {
				name += " " + mdCell(t)
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", statusEmoji(f.Status), name, wd.Statuses[f.Status], mdCell(firstLine(f.Message)))
		}
		b.WriteString("\n</details>\n\n")
	}
	section(wd.Passed, good)
	section(wd.Other, rest)
	if len(r.Waivers.Applied)+len(r.Waivers.Stale) > 0 {
		fmt.Fprintf(&b, "### %s\n\n", wd.Waivers)
		for _, wv := range r.Waivers.Applied {
			fmt.Fprintf(&b, "- `%s` %s — %s (%s, %s)\n", wv.Criterion, wd.Applied, mdInline(wv.Reason), mdInline(wv.ApprovedBy), wv.Expires)
		}
		for _, wv := range r.Waivers.Stale {
			fmt.Fprintf(&b, "- `%s` %s — %s (%s, %s)\n", wv.Criterion, wd.Stale, mdInline(wv.Reason), mdInline(wv.ApprovedBy), wv.Expires)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "<sub>%s · %s</sub>\n", mdInline(r.ScoringModel), mdInline(toolLine(r, opt)))
	_, err := io.WriteString(w, b.String())
	return err
}

func statusEmoji(s scoring.Status) string {
	switch s {
	case scoring.Pass:
		return "✅"
	case scoring.Attested:
		return "📄"
	case scoring.Fail:
		return "❌"
	case scoring.Error:
		return "⚠️"
	case scoring.Waived:
		return "🛡️"
	case scoring.NotApplicable:
		return "➖"
	}
	return "⏭️"
}

// capGrade returns the label of the grade the caps impose.
func capGrade(r *scoring.Report, lang string) string {
	if len(r.Scores.Caps) == 0 {
		return ""
	}
	cp := *r
	cp.Scores.Grade = r.Scores.Caps[0].Grade
	cp.Scores.Provisional = false
	return gradeLabel(&cp, lang)
}

// mdInline escapes text for inline Markdown: no HTML, no emphasis, no links, one line.
func mdInline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return mdEscaper.Replace(s)
}

var mdEscaper = strings.NewReplacer("&", "&amp;", `\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`, "~", `\~`)

// mdCell is mdInline for a table cell, bounded in length.
func mdCell(s string) string {
	if len(s) > 300 {
		s = truncateUTF8(s, 300) + "…"
	}
	return mdInline(s)
}

// mdCode puts s in an inline code span that its own backticks cannot close.
func mdCode(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 400 {
		s = truncateUTF8(s, 400) + "…"
	}
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	return fence + " " + strings.ReplaceAll(s, "|", "\\|") + " " + fence
}

func truncateUTF8(s string, n int) string { return textx.TruncateBytes(s, n, "") }

// mdPartialNote is the partial-run note with its --only selection in a code span.
func mdPartialNote(f runFacts) string {
	sel := "--only " + strings.Join(f.Selected, ",")
	return strings.Replace(mdInline(f.PartialNote), mdInline(sel), mdCode(sel), 1)
}

// mdIDList lists IDs in code spans, at most n of them.
func mdIDList(ids []string, n int) string {
	var parts []string
	for i, id := range ids {
		if i == n {
			parts = append(parts, fmt.Sprintf("… (+%d)", len(ids)-n))
			break
		}
		parts = append(parts, mdCode(id))
	}
	return strings.Join(parts, ", ")
}

// writeFactsMarkdown writes what the report records about the run beside its findings: the
// vendor's adapter, the requests refused because they would have left the target, the traffic.
func writeFactsMarkdown(b *strings.Builder, f runFacts) {
	w := f.W
	if f.Adapter {
		fmt.Fprintf(b, "### %s\n\n", w.Adapter)
		ifs := w.NoInterfaces
		if len(f.Interfaces) > 0 {
			ifs = mdIDList(f.Interfaces, len(f.Interfaces))
		}
		fmt.Fprintf(b, "- %s: %s\n", w.Interfaces, ifs)
		if f.Level2Declared {
			l2 := w.Level2None
			if len(f.Level2) > 0 {
				l2 = mdIDList(f.Level2, 30)
			}
			fmt.Fprintf(b, "- %s: %s — _%s_\n", w.Level2, l2, w.Level2Note)
		}
		if len(f.AdapterWarnings) > 0 {
			fmt.Fprintf(b, "- %s (%d): _%s_\n", w.AdapterWarnings, len(f.AdapterWarnings), w.AdapterWarningsNote)
			for _, aw := range f.AdapterWarnings {
				fmt.Fprintf(b, "  - %s\n", mdCode(aw))
			}
		}
		b.WriteString("\n")
	}
	if len(f.OutOfScope) > 0 {
		fmt.Fprintf(b, "### %s (%d)\n\n_%s_ %d %s.\n\n", w.OutOfScope, len(f.OutOfScope), strings.Replace(mdInline(w.OutOfScopeNote), "--allow-host", "`--allow-host`", 1),
			f.RefusedRequests, w.RefusedTotal)
		for i, rf := range f.OutOfScope {
			if i == 10 {
				fmt.Fprintf(b, "- … (+%d)\n", len(f.OutOfScope)-10)
				break
			}
			fmt.Fprintf(b, "- %s ×%d\n", mdCode(rf.Method+" "+rf.URL), rf.Count)
		}
		b.WriteString("\n")
	}
	if len(f.Shells) > 0 {
		fmt.Fprintf(b, "### %s (%d)\n\n_%s_\n\n", w.Shells, len(f.Shells), strings.Replace(mdInline(w.ShellsNote), "--render", "`--render`", 1))
		for i, sh := range f.Shells {
			if i == 20 {
				fmt.Fprintf(b, "- … (+%d)\n", len(f.Shells)-20)
				break
			}
			fmt.Fprintf(b, "- %s — %s: %s — %s\n", mdCode(sh.URL), w.ShellCriteria, mdIDList(sh.Criteria, 30), mdCell(sh.Reason))
		}
		b.WriteString("\n")
	}
	if f.HasTraffic {
		fmt.Fprintf(b, "### %s\n\n%s", w.Traffic, mdInline(f.Traffic))
		if f.Waits != "" {
			b.WriteString(" " + strings.Replace(mdInline(f.Waits), "Retry-After", "`Retry-After`", 1))
		}
		b.WriteString("\n\n")
	}
}

// groupCount counts a group's findings for the per-group tables of the Markdown and text
// reports: passed (attested counts as passed), failed, error, not tested, and other (every
// status but pass, attested, fail and error: not tested, not applicable, waived).
type groupCount struct{ pass, fail, errs, notTested, other int }

func countGroup(r *scoring.Report, g string) groupCount {
	var c groupCount
	for _, f := range r.Findings {
		if f.Group != g {
			continue
		}
		switch f.Status {
		case scoring.Pass, scoring.Attested:
			c.pass++
		case scoring.Fail:
			c.fail++
		case scoring.Error:
			c.errs++
		default:
			c.other++
			if f.Status == scoring.NotTested {
				c.notTested++
			}
		}
	}
	return c
}
