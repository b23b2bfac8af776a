package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/internal/safefile"
	"github.com/p06kit/p06kit/scoring"
)

// runScore scores findings produced by any tool, or the findings of a p06 scan report (scored
// as the scan scored them: its as-of day, grading and waivers unless flags say otherwise), and
// prints the report (for the ministry's non-Go tools). Exit 0 when every applicable mandatory criterion is met, 1 when not, 2 when
// it cannot run.
func runScore(args []string, stdout, stderr io.Writer) int {
	fs := cliFlagSet("p06 score", mScoreSynopsis, mScoreAbout, stderr)
	waivers := fs.String("waivers", "", flagDoc(mScoreFlagWaivers))
	catRef := fs.String("catalogue", "", flagDoc(mScoreFlagCatalogue))
	format := fs.String("format", "json", flagDoc(mScoreFlagFormat))
	asOf := fs.String("as-of", "", flagDoc(mScoreFlagAsOf))
	grading := fs.String("grading", "qd766", flagDoc(mFlagGradingDoc))
	lang := fs.String("lang", "vi", flagDoc(mScoreFlagLang))
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitCantRun
	}
	if len(pos) != 1 {
		say(stderr, "p06 score", *lang, mScoreOneFile, len(pos), mScoreSynopsis.Render(*lang))
		return exitCantRun
	}
	if *format != "json" && *format != "md" {
		say(stderr, "p06 score", *lang, mUnknownFormat, *format, msg.P(mOr, "json", "md"))
		return exitCantRun
	}
	cfg := scoring.Config{AsOf: time.Now().UTC().Truncate(24 * time.Hour)}
	if *asOf != "" {
		if cfg.AsOf, err = time.Parse(time.DateOnly, *asOf); err != nil {
			say(stderr, "p06 score", *lang, mNotADate, "--as-of", *asOf)
			return exitCantRun
		}
	}
	bands, ok := scoring.BandsByID(*grading)
	if !ok {
		say(stderr, "p06 score", *lang, mFlagGrading, *grading)
		return exitCantRun
	}
	cfg.Bands = &bands

	data, err := slurpInput(pos[0], *lang)
	if err != nil {
		fmt.Fprintf(stderr, "p06 score: %s\n", errText(*lang, err))
		return exitCantRun
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var in scoring.Findings
	var from *scoring.Report // the p06 scan report the findings come from, if any
	switch kind := findingsKind(data); kind {
	case "report":
		if from, err = decodeScanReport(data); err != nil {
			fmt.Fprintf(stderr, "p06 score: %s: %s\n", pos[0], errText(*lang, err))
			return exitCantRun
		}
		in, cfg.Waivers = findingsOfReport(from)
		if from.AsOf != "" && !set["as-of"] {
			if cfg.AsOf, err = time.Parse(time.DateOnly, from.AsOf); err != nil {
				say(stderr, "p06 score", *lang, mNotADate, pos[0]+": as_of", from.AsOf)
				return exitCantRun
			}
		}
		if b, ok := scoring.BandsByID(from.Scores.Grading); ok && !set["grading"] {
			cfg.Bands = &b
		}
	case "survey":
		say(stderr, "p06 score", *lang, mScoreSurvey, pos[0])
		return exitCantRun
	default:
		if in, err = scoring.DecodeFindings(data); err != nil {
			fmt.Fprintf(stderr, "p06 score: %s: %s\n", pos[0], errText(*lang, err))
			return exitCantRun
		}
	}
	if *waivers != "" {
		wd, err := safefile.ReadFile(*waivers, maxConfigBytes)
		if err != nil {
			fmt.Fprintf(stderr, "p06 score: %s\n", errText(*lang, err))
			return exitCantRun
		}
		if cfg.Waivers, err = scoring.DecodeWaivers(wd); err != nil {
			fmt.Fprintf(stderr, "p06 score: %s: %s\n", *waivers, errText(*lang, err))
			return exitCantRun
		}
	}
	ref := *catRef
	if ref == "" {
		ref = in.Catalogue
	}
	if ref == "" {
		ref = "p06-technical"
	}
	cat, err := catalogueFromRef(ref, *lang)
	if err != nil {
		fmt.Fprintf(stderr, "p06 score: %s\n", errText(*lang, err))
		return exitCantRun
	}
	r, err := scoring.Score(cat, in, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "p06 score: %s: %s\n", pos[0], errText(*lang, err))
		return exitCantRun
	}
	if from != nil {
		// What the assessment recorded beside its findings stays with them.
		r.StartedAt, r.DurationMS, r.Targets, r.Discovery = from.StartedAt, from.DurationMS, from.Targets, from.Discovery
		r.Adapter, r.Partial, r.Traffic, r.OutOfScope, r.Shells = from.Adapter, from.Partial, from.Traffic, from.OutOfScope, from.Shells
	}
	r.Tool = &scoring.Tool{Name: "p06kit", Version: version()} // the scores are this p06's
	if err := writeScoreReport(stdout, r, *format, *lang); err != nil {
		fmt.Fprintf(stderr, "p06 score: %s\n", errText(*lang, err))
		return exitCantRun
	}
	if r.Partial != nil {
		// A partial run exits on the criteria it selected.
		if met, applicable := partialCompliance(r, cat); met < applicable {
			return exitNotMet
		}
		return exitOK
	}
	if r.Scores.Compliance.Met < r.Scores.Compliance.Applicable {
		return exitNotMet
	}
	return exitOK
}

// findingsKind tells a p06 scan report ("report": it has a scoring model and scores), a p06
// survey summary ("survey") and a findings file (anything else, validated as findings).
func findingsKind(data []byte) string {
	var top map[string]json.RawMessage
	if json.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &top) != nil {
		return ""
	}
	switch {
	case top["scoring_model"] != nil && top["findings"] != nil:
		return "report"
	case top["survey"] != nil && top["portals"] != nil:
		return "survey"
	}
	return ""
}

// decodeScanReport decodes a report written by p06 scan (or harness.Check, or p06 score),
// validated against the report schema.
func decodeScanReport(data []byte) (*scoring.Report, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if err := report.Validate(report.ReportSchemaName, data); err != nil {
		return nil, err
	}
	var r scoring.Report
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return &r, nil
}

// findingsOfReport returns the findings a report was scored from, and the waivers it applied
// or found stale: what the earlier scoring set aside (not in force on its day, out of the unit's
// scope, waived) gets its earlier status back, so that scoring again on another day or with
// other waivers judges it anew (scoring.FindingsOf, the same rule p06 survey --as-of uses).
func findingsOfReport(r *scoring.Report) (scoring.Findings, []scoring.Waiver) {
	return scoring.FindingsOf(r)
}

func writeScoreReport(w io.Writer, r *scoring.Report, format, lang string) error {
	if format == "md" {
		return writeScoreMarkdown(w, r, lang)
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// slurpInput reads a file, or standard input for "-", bounded to 256 MiB.
func slurpInput(name, lang string) ([]byte, error) {
	var r io.Reader = os.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	return readAtMost(r, name, 256<<20, lang)
}

// readAtMost reads r, named name in errors, refusing more than limit bytes (a whole number of
// MiB).
func readAtMost(r io.Reader, name string, limit int64, lang string) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf(mReading.Format(lang), name, err)
	}
	if int64(len(b)) > limit {
		return nil, errors.New(mTooLarge.Render(lang, name, limit>>20))
	}
	return b, nil
}
