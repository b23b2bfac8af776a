package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/p06kit/p06kit/internal/safefile"
	"github.com/p06kit/p06kit/scoring"
)

const scoreUsage = "p06 score FINDINGS.json [--waivers FILE] [--catalogue ID|FILE] [--format json|md] [--lang en|vi] [--as-of YYYY-MM-DD] [--grading qd766|qd473]"

// runScore scores findings produced by any tool and prints the report (for the ministry's
// non-Go tools). Exit 0 when every applicable mandatory criterion is met, 1 when not, 2 when
// it cannot run.
func runScore(args []string, stdout, stderr io.Writer) int {
	fs := cliFlagSet("p06 score", scoreUsage, stderr)
	waivers := fs.String("waivers", "", "waivers file (JSON, scoring/schema/waivers.schema.json)")
	catRef := fs.String("catalogue", "", "catalogue: a built-in ID or a catalogue file (default: the findings' catalogue, else p06-technical)")
	format := fs.String("format", "json", "output format: json or md")
	asOf := fs.String("as-of", "", "day waivers and effective dates are judged against (default: today, UTC)")
	grading := fs.String("grading", "qd766", "grading scheme: qd766 (Decision 766 bands) or qd473 (A–E)")
	lang := fs.String("lang", "en", "language of the Markdown report: en or vi")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitCantRun
	}
	if len(pos) != 1 {
		fmt.Fprintf(stderr, "p06 score: want one findings file (or - for stdin), got %d\nusage: %s\n", len(pos), scoreUsage)
		return exitCantRun
	}
	if *format != "json" && *format != "md" {
		fmt.Fprintf(stderr, "p06 score: unknown format %q (want json or md)\n", *format)
		return exitCantRun
	}
	cfg := scoring.Config{AsOf: time.Now().UTC().Truncate(24 * time.Hour)}
	if *asOf != "" {
		if cfg.AsOf, err = time.Parse(time.DateOnly, *asOf); err != nil {
			fmt.Fprintf(stderr, "p06 score: --as-of %q is not a date YYYY-MM-DD\n", *asOf)
			return exitCantRun
		}
	}
	bands, ok := scoring.BandsByID(*grading)
	if !ok {
		fmt.Fprintf(stderr, "p06 score: unknown grading %q (want qd766 or qd473)\n", *grading)
		return exitCantRun
	}
	cfg.Bands = &bands

	data, err := slurpInput(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "p06 score: %v\n", err)
		return exitCantRun
	}
	in, err := scoring.DecodeFindings(data)
	if err != nil {
		fmt.Fprintf(stderr, "p06 score: %s: %v\n", pos[0], err)
		return exitCantRun
	}
	if *waivers != "" {
		wd, err := safefile.ReadFile(*waivers, maxConfigBytes)
		if err != nil {
			fmt.Fprintf(stderr, "p06 score: %v\n", err)
			return exitCantRun
		}
		if cfg.Waivers, err = scoring.DecodeWaivers(wd); err != nil {
			fmt.Fprintf(stderr, "p06 score: %s: %v\n", *waivers, err)
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
	cat, err := catalogueFromRef(ref)
	if err != nil {
		fmt.Fprintf(stderr, "p06 score: %v\n", err)
		return exitCantRun
	}
	r, err := scoring.Score(cat, in, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "p06 score: %s: %v\n", pos[0], err)
		return exitCantRun
	}
	if err := writeScoreReport(stdout, r, *format, *lang); err != nil {
		fmt.Fprintf(stderr, "p06 score: %v\n", err)
		return exitCantRun
	}
	if r.Scores.Compliance.Met < r.Scores.Compliance.Applicable {
		return exitNotMet
	}
	return exitOK
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
func slurpInput(name string) ([]byte, error) {
	var r io.Reader = os.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	const limit = 256 << 20
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if len(b) > limit {
		return nil, fmt.Errorf("%s: larger than %d MiB", name, limit>>20)
	}
	return b, nil
}
