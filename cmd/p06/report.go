package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/internal/safefile"
	"github.com/p06kit/p06kit/scoring"
)

func runReport(args []string, stdout, stderr io.Writer) int {
	lang := argLang(args)
	if len(args) == 0 || isHelp(args[0]) {
		fmt.Fprintln(stderr, mUsage.Render(lang, reportSynopsis(lang)))
		fmt.Fprintf(stderr, "\n%s\n", mReportAbout.Render(lang, msg.P(mDiffAbout), msg.P(mRenderAbout)))
		if len(args) == 0 {
			return exitCantRun
		}
		return exitOK
	}
	switch args[0] {
	case "diff":
		return runReportDiff(args[1:], stdout, stderr)
	case "render":
		return runReportRender(args[1:], stdout, stderr)
	}
	say(stderr, "p06 report", lang, mReportUnknownSub, args[0], reportSynopsis(lang))
	return exitCantRun
}

// reportSynopsis is the syntax of both report subcommands in lang.
func reportSynopsis(lang string) string {
	return mReportSynopsis.Render(lang, msg.P(mDiffSynopsis), msg.P(mRenderSynopsis))
}

func runReportDiff(args []string, stdout, stderr io.Writer) int {
	fs := cliFlagSet("p06 report diff", mDiffSynopsis, mDiffAbout, stderr)
	format := fs.String("format", "text", flagDoc(mDiffFlagFormat))
	lang := fs.String("lang", "vi", flagDoc(mDiffFlagLang))
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitCantRun
	}
	if *lang != "vi" && *lang != "en" {
		say(stderr, "p06 report diff", *lang, mFlagLang, *lang)
		return exitCantRun
	}
	if len(pos) != 2 {
		say(stderr, "p06 report diff", *lang, mReportTwoFiles, len(pos))
		return exitCantRun
	}
	old, err := readReport(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "p06 report diff: %s\n", errText(*lang, err))
		return exitCantRun
	}
	nw, err := readReport(pos[1])
	if err != nil {
		fmt.Fprintf(stderr, "p06 report diff: %s\n", errText(*lang, err))
		return exitCantRun
	}
	d := report.Compare(old, nw)
	d.Lang = *lang
	if *format == "json" {
		// The text formats carry the warnings; JSON keeps stdout machine-readable.
		for _, wn := range d.Warnings {
			what := strings.ReplaceAll(wn.Code, "_", " ")
			if m, ok := mDiffWarnings[wn.Code]; ok {
				what = m.Render(*lang)
			}
			say(stderr, "p06 report diff", *lang, mReportWarning, what, wn.Old, wn.New)
		}
	}
	switch *format {
	case "text":
		err = d.WriteText(stdout, false)
	case "md", "markdown":
		err = d.WriteText(stdout, true)
	case "json":
		err = d.WriteJSON(stdout)
	default:
		say(stderr, "p06 report diff", *lang, mUnknownFormat, *format, msg.P(mOr, "text, md", "json"))
		return exitCantRun
	}
	if err != nil {
		fmt.Fprintf(stderr, "p06 report diff: %s\n", errText(*lang, err))
		return exitCantRun
	}
	if d.Regressed() {
		return exitNotMet
	}
	return exitOK
}

func runReportRender(args []string, stdout, stderr io.Writer) int {
	fs := cliFlagSet("p06 report render", mRenderSynopsis, mRenderAbout, stderr)
	format := fs.String("format", "html", flagDoc(mRenderFlagFormat))
	lang := fs.String("lang", "vi", flagDoc(mRenderFlagLang))
	out := fs.String("out", "", flagDoc(mRenderFlagOut))
	catRef := fs.String("catalogue", "", flagDoc(mRenderFlagCat))
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitCantRun
	}
	if len(pos) != 1 {
		say(stderr, "p06 report render", *lang, mReportOneFile, len(pos))
		return exitCantRun
	}
	f, err := report.ParseFormat(*format)
	if err != nil {
		fmt.Fprintf(stderr, "p06 report render: --format: %s\n", errText(*lang, err))
		return exitCantRun
	}
	if err := safefile.Refuse(*out, pos[0], *catRef); err != nil {
		fmt.Fprintf(stderr, "p06 report render: --out: %s\n", errText(*lang, err))
		return exitCantRun
	}
	if *lang != "vi" && *lang != "en" {
		say(stderr, "p06 report render", *lang, mFlagLang, *lang)
		return exitCantRun
	}
	r, err := readReport(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "p06 report render: %s\n", errText(*lang, err))
		return exitCantRun
	}
	opt := report.Options{Lang: *lang, Version: version()}
	if *catRef != "" {
		if opt.Catalogue, err = catalogueFromRef(*catRef, *lang); err != nil {
			fmt.Fprintf(stderr, "p06 report render: --catalogue: %s\n", errText(*lang, err))
			return exitCantRun
		}
	}
	if *out != "" {
		err = report.WriteFile(*out, f, r, opt)
	} else {
		err = report.Write(stdout, f, r, opt)
	}
	if err != nil {
		fmt.Fprintf(stderr, "p06 report render: %s\n", errText(*lang, err))
		return exitCantRun
	}
	return exitOK
}

// readReport reads a JSON report file ("-" for stdin), validated against the report schema.
func readReport(path string) (*scoring.Report, error) {
	var rd io.Reader = os.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		rd = f
	}
	r, err := report.ReadJSON(rd)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, err // it names the file (a directory, say)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %s", path, strings.TrimSpace(err.Error()))
	}
	return r, nil
}
