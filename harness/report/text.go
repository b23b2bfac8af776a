package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/p06kit/p06kit/scoring"
)

// textFixes bounds the "fix first" list of the text summary; the other formats list all.
const textFixes = 10

// WriteText writes a summary of r for a terminal, in opt.Lang: the score, grade, compliance
// and coverage, each group's score and counts (a group nobody assessed says so, never 0), the
// failed criteria to fix first with their advice, and what could not be assessed.
func WriteText(w io.Writer, r *scoring.Report, opt Options) error {
	r = redacted(r) // the redaction policy applies where output is made
	opt = opt.withDefaults(r)
	wd := wordsFor(opt.Lang)
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s\n", wd.Report, textSafe(r.Target))
	c, cov := r.Scores.Compliance, coverageOf(r)
	facts := factsOf(r, opt)
	if facts.Partial {
		fmt.Fprintf(&b, "(!) %s: %s\n    %s\n", facts.W.Partial, textSafe(facts.PartialNote), textCut(strings.Join(facts.Criteria, ", "), 300))
		compliance := ""
		if facts.ComplianceKnown {
			compliance = fmt.Sprintf(" · %d / %d %s", facts.Met, facts.Applicable, facts.W.SelectedMet)
		}
		fmt.Fprintf(&b, "%s: %s · %s: %s%s · %d / %d %s (%s)\n", wd.Score, facts.W.ScorePartial,
			wd.Grade, gradeShown(r, opt.Lang), compliance, cov.Assessed, cov.Total, wd.CoverageOf, fmtRate(cov.Share()))
	} else if facts.Unscored {
		fmt.Fprintf(&b, "%s: %s · %s: %s · %d / %d %s (%s) · %d / %d %s (%s)\n", wd.Score, facts.ScoreShown,
			wd.Grade, gradeShown(r, opt.Lang), c.Met, c.Applicable, wd.MandatoryMet, fmtRate(c.Rate),
			cov.Assessed, cov.Total, wd.CoverageOf, fmtRate(cov.Share()))
	} else {
		fmt.Fprintf(&b, "%s %s / 100 · %s %s · %d / %d %s (%s) · %d / %d %s (%s)\n", wd.Score, fmtScore(r.Scores.Overall),
			wd.Grade, gradeLabel(r, opt.Lang), c.Met, c.Applicable, wd.MandatoryMet, fmtRate(c.Rate),
			cov.Assessed, cov.Total, wd.CoverageOf, fmtRate(cov.Share()))
	}
	if len(r.Scores.Caps) > 0 && !facts.Unscored {
		var ids []string
		for _, cp := range r.Scores.Caps {
			ids = append(ids, cp.Criterion+" ("+wd.Statuses[cp.Status]+")")
		}
		fmt.Fprintf(&b, "%s: %s — %s %s\n", wd.Caps, strings.Join(ids, ", "), wd.CapNote, capGrade(r, opt.Lang))
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", wd.Group, wd.Score, wd.Passed, wd.NotMet, wd.Statuses[scoring.Error], wd.Statuses[scoring.NotTested])
	for _, g := range groupIDs(r, opt) {
		c := countGroup(r, g)
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\n", textCut(opt.groupTitle(g), 44), groupScoreShown(r, r.Scores.Groups[g], wd), c.pass, c.fail, c.errs, c.notTested)
	}
	tw.Flush()

	fixes := FixFirst(r, opt)
	fmt.Fprintf(&b, "\n%s (%d)\n", wd.FixFirst, len(fixes))
	if len(fixes) == 0 {
		fmt.Fprintf(&b, "  %s\n", wd.None)
	}
	for i, fx := range fixes {
		if i == textFixes {
			fmt.Fprintf(&b, "  … %s: %d\n", wd.More, len(fixes)-textFixes)
			break
		}
		f := fx.Finding
		crit := ""
		if fx.Criterion != nil && fx.Criterion.Critical {
			crit = " [" + wd.Critical + "]"
		}
		fmt.Fprintf(&b, "%3d. %s%s %s\n", i+1, f.Criterion, crit, opt.title(f.Criterion))
		if m := firstLine(f.Message); m != "" {
			fmt.Fprintf(&b, "     %s: %s\n", wd.Got, textCut(m, 160))
		}
		if fx.Criterion != nil {
			if adv := fx.Criterion.Advice.In(opt.Lang); adv != "" {
				fmt.Fprintf(&b, "     %s: %s\n", wd.Advice, textCut(adv, 160))
			}
		}
	}
	if n := cov.NotTested + cov.Error; n > 0 {
		fmt.Fprintf(&b, "\n%s: %d (%s %d, %s %d)\n", wd.Other, n, wd.Statuses[scoring.NotTested], cov.NotTested, wd.Statuses[scoring.Error], cov.Error)
		for _, f := range r.Findings {
			if f.Status == scoring.Error {
				fmt.Fprintf(&b, "  %s %s: %s\n", f.Criterion, wd.Statuses[scoring.Error], textCut(firstLine(f.Message), 140))
			}
		}
	}
	writeFactsText(&b, facts)
	fmt.Fprintf(&b, "\n%s %s · %s · %s\n", textSafe(r.Catalogue.ID), textSafe(r.Catalogue.Version), scoring.Model, textSafe(toolLine(r, opt)))
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	_, err := io.WriteString(w, strings.Join(lines, "\n"))
	return err
}

// textCut shortens s to n characters for a terminal line.
func textCut(s string, n int) string {
	s = strings.Join(strings.Fields(textSafe(s)), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// textSafe replaces control characters (a portal's page could hold terminal escape
// sequences) with U+FFFD, keeping tabs and newlines as spaces.
func textSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			return '\uFFFD'
		}
		return r
	}, s)
}

// writeFactsText writes the run facts for a terminal: the adapter, the refused requests, the
// traffic.
func writeFactsText(b *strings.Builder, f runFacts) {
	w := f.W
	if f.Adapter {
		ifs := w.NoInterfaces
		if len(f.Interfaces) > 0 {
			ifs = strings.Join(f.Interfaces, ", ")
		}
		fmt.Fprintf(b, "\n%s\n  %s: %s\n", w.Adapter, w.Interfaces, textCut(ifs, 200))
		if f.Level2Declared {
			l2 := w.Level2None
			if len(f.Level2) > 0 {
				l2 = strings.Join(f.Level2, ", ")
			}
			fmt.Fprintf(b, "  %s: %s (%s)\n", w.Level2, textCut(l2, 200), strings.TrimSuffix(w.Level2Note, "."))
		}
		if len(f.AdapterWarnings) > 0 {
			fmt.Fprintf(b, "  %s (%d): %s\n", w.AdapterWarnings, len(f.AdapterWarnings), w.AdapterWarningsNote)
			for _, aw := range f.AdapterWarnings {
				fmt.Fprintf(b, "    %s\n", textCut(aw, 300))
			}
		}
	}
	if len(f.OutOfScope) > 0 {
		fmt.Fprintf(b, "\n%s (%d)\n  %s %d %s.\n", w.OutOfScope, len(f.OutOfScope), w.OutOfScopeNote, f.RefusedRequests, w.RefusedTotal)
		for i, rf := range f.OutOfScope {
			if i == 10 {
				fmt.Fprintf(b, "  … (+%d)\n", len(f.OutOfScope)-10)
				break
			}
			fmt.Fprintf(b, "  %s ×%d\n", textCut(rf.Method+" "+rf.URL, 200), rf.Count)
		}
	}
	if len(f.Shells) > 0 {
		fmt.Fprintf(b, "\n%s (%d)\n  %s\n", w.Shells, len(f.Shells), w.ShellsNote)
		for i, sh := range f.Shells {
			if i == 20 {
				fmt.Fprintf(b, "  … (+%d)\n", len(f.Shells)-20)
				break
			}
			fmt.Fprintf(b, "  %s (%s: %s): %s\n", textCut(sh.URL, 200), w.ShellCriteria, strings.Join(sh.Criteria, ", "), textCut(sh.Reason, 300))
		}
	}
	if f.HasTraffic {
		fmt.Fprintf(b, "\n%s: %s", w.Traffic, f.Traffic)
		if f.Waits != "" {
			b.WriteString(" " + f.Waits)
		}
		b.WriteString("\n")
	}
}
