package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/examples/referenceportal"
	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/scoring"
)

// runDemo is the main job with an embedded default: it starts the reference portal and the broken
// portal, each wired to its own fakes of the national services, on loopback; assesses both with
// every automated and assisted check (active checks on: these are our own test portals); prints
// both scorecards side by side; and writes reference.json, broken.json, reference.html and
// broken.html into DIR. No configuration, no network.
func runDemo(args []string, stdout, stderr io.Writer) int {
	fs := cliFlagSet("p06 demo", mDemoSynopsis, mDemoAbout, stderr)
	out := fs.String("out", "p06-demo", flagDoc(mDemoFlagOut))
	lang := fs.String("lang", "vi", flagDoc(mDemoFlagLang))
	timeout := fs.Duration("timeout", 3*time.Minute, flagDoc(mDemoFlagTimeout))
	quiet := fs.Bool("quiet", false, flagDoc(mFlagQuiet))
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitCantRun
	}
	if len(pos) > 0 || (*lang != "en" && *lang != "vi") {
		fmt.Fprintln(stderr, mUsage.Render(*lang, mDemoSynopsis.Render(*lang)))
		return exitCantRun
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintf(stderr, "p06 demo: %s\n", errText(*lang, err)) // the error names the directory
		return exitCantRun
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	start := time.Now()

	type run struct {
		name    string
		defects referenceportal.Defects
		report  *scoring.Report
		url     string
		err     error
	}
	runs := []*run{{name: "reference"}, {name: "broken", defects: referenceportal.Broken()}}
	evidence, err := referenceportal.WriteEvidence(*out, start)
	if err != nil {
		fmt.Fprintf(stderr, "p06 demo: %s\n", errText(*lang, err))
		return exitCantRun
	}
	progress := newDemoProgress(stderr, *lang, *quiet, len(runs))
	progress.phase(mDemoStarting)
	var wg sync.WaitGroup
	for _, r := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			env, err := referenceportal.StartEnv(r.defects)
			if err != nil {
				r.err = err
				return
			}
			defer env.Close()
			target := env.Target()
			r.url = env.Server.URL
			if r.name == "reference" {
				target.Evidence = evidence // the broken portal has no evidence for the attested criteria
			}
			progress.phase(mDemoAssessing, progress.portalName(r.name), r.url)
			t0 := time.Now()
			r.report, r.err = harness.Check(ctx, target, harness.Active(), harness.Lang(*lang), harness.Observe(progress.observe))
			progress.assessed(r.name, r.report, r.err, time.Since(t0))
		}()
	}
	wg.Wait()
	for _, r := range runs {
		if r.err != nil {
			say(stderr, "p06 demo", *lang, mDemoFailedPortal, progress.portalName(r.name), r.err)
			return exitCantRun
		}
	}
	cat := criteria.P06Technical()
	printScorecards(stdout, cat, *lang, runs[0].report, runs[1].report)

	opt := report.Options{Lang: *lang, Catalogue: cat, Version: version()}
	progress.phase(mDemoWriting, *out)
	var written []string
	for _, r := range runs {
		for _, f := range []report.Format{report.JSON, report.HTML} {
			path := filepath.Join(*out, r.name+"."+string(f))
			if err := report.WriteFile(path, f, r.report, opt); err != nil {
				say(stderr, "p06 demo", *lang, mDemoWriteFailed, path, err)
				return exitCantRun
			}
			written = append(written, path)
		}
	}
	printDemoSummary(stdout, *lang, written, evidence, *out, time.Since(start))
	return exitOK
}

// printDemoSummary prints the demo's closing lines: the files written, how long it took and how
// to compare the two reports.
func printDemoSummary(w io.Writer, lang string, written []string, evidence, out string, took time.Duration) {
	fmt.Fprintf(w, "\n%s\n", mDemoReports.Render(lang, strings.Join(written, ", "), evidence))
	fmt.Fprintln(w, mDemoRanIn.Render(lang, took.Seconds(),
		"p06 report diff "+filepath.Join(out, "reference.json")+" "+filepath.Join(out, "broken.json")))
}

// printScorecards prints two reports side by side, then the broken portal's top findings.
func printScorecards(w io.Writer, cat *criteria.Catalogue, lang string, a, b *scoring.Report) {
	const left = 34
	row := func(label, x, y string) {
		fmt.Fprintf(w, "%s%s  %s%s  %s\n", label, demoPad(left-demoWidth(label)), x, demoPad(30-demoWidth(x)), y)
	}
	fmt.Fprintf(w, "\n%s — %s %s\n\n", mCardTitle.Render(lang), cat.ID, cat.Version)
	row("", mCardReference.Render(lang), mCardBroken.Render(lang))
	pct := func(r *scoring.Report) string {
		c := r.Scores.Compliance
		return fmt.Sprintf("%.2f%% (%d/%d)", 100*c.Rate, c.Met, c.Applicable)
	}
	row(mCardCompliance.Render(lang), pct(a), pct(b))
	row(mCardOverall.Render(lang), fmt.Sprintf("%.1f / 100", a.Scores.Overall), fmt.Sprintf("%.1f / 100", b.Scores.Overall))
	row(mCardGrade.Render(lang), scoring.GradeLabel(a.Scores, lang), scoring.GradeLabel(b.Scores, lang))
	caps := func(r *scoring.Report) string {
		if len(r.Scores.Caps) == 0 {
			return mCardNone.Render(lang)
		}
		return mCardCapsN.Render(lang, len(r.Scores.Caps))
	}
	row(mCardCaps.Render(lang), caps(a), caps(b))
	fmt.Fprintln(w)
	for _, g := range cat.Groups {
		ga, gb := a.Scores.Groups[g.ID], b.Scores.Groups[g.ID]
		row(demoLine(g.Title.In(lang), left-1), demoBar(ga, lang), demoBar(gb, lang))
	}
	if len(b.Scores.Caps) > 0 {
		fmt.Fprintf(w, "\n%s\n", mCardCapsOf.Render(lang))
		for _, c := range b.Scores.Caps {
			title := ""
			if cr, ok := cat.Criterion(c.Criterion); ok {
				title = cr.Title.In(lang)
			}
			fmt.Fprintf(w, "  %-12s %s%s %s\n", c.Criterion, statusWord(string(c.Status), lang), demoPad(9-demoWidth(statusWord(string(c.Status), lang))), title)
		}
	}
	// Top findings: failures of mandatory criteria, critical first, in catalogue order.
	var top []scoring.Finding
	for _, f := range b.Findings {
		if f.Status == scoring.Fail || f.Status == scoring.Error {
			top = append(top, f)
		}
	}
	sort.SliceStable(top, func(i, j int) bool {
		ci, _ := cat.Criterion(top[i].Criterion)
		cj, _ := cat.Criterion(top[j].Criterion)
		return ci.Critical && !cj.Critical
	})
	fmt.Fprintf(w, "\n%s\n", mCardTop.Render(lang, len(top)))
	for i, f := range top {
		if i == 10 {
			fmt.Fprintf(w, "  %s\n", mCardMore.Render(lang, len(top)-10, "broken.html"))
			break
		}
		cr, _ := cat.Criterion(f.Criterion)
		fmt.Fprintf(w, "  %s  %s\n", f.Criterion, cr.Title.In(lang))
		fmt.Fprintf(w, "      %s %s\n", mCardSeen.Render(lang), demoLine(f.Message, 110))
		fmt.Fprintf(w, "      %s %s\n", mCardFix.Render(lang), demoLine(cr.Advice.In(lang), 110))
	}
}

func demoBar(g scoring.GroupScore, lang string) string {
	if g.Available == 0 {
		return mCardNA.Render(lang)
	}
	if !g.Scored() {
		return mCardNotTested.Render(lang)
	}
	n := int(g.Value()/10 + 0.5)
	return fmt.Sprintf("%s%s %5.1f", strings.Repeat("█", n), strings.Repeat("░", 10-n), g.Value())
}

func demoWidth(s string) int { return utf8.RuneCountInString(s) }

func demoPad(n int) string {
	if n < 1 {
		return " "
	}
	return strings.Repeat(" ", n)
}

func demoLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > max {
		r := []rune(s)
		return string(r[:max-1]) + "…"
	}
	return s
}
