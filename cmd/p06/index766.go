package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/internal/safefile"
	"github.com/p06kit/p06kit/scoring"
	"github.com/p06kit/p06kit/scoring/index766"
	"github.com/p06kit/p06kit/scoring/index766/synth"
)

// progressEvery is how often the progress line is refreshed, once a run takes longer than it.
const progressEvery = time.Second

func runIndex766(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "generate" {
		return runIndex766Generate(args[1:], stdout, stderr)
	}
	fs := cliFlagSet("p06 index766", mIdxSynopsis, mIdxAbout, stderr)
	procFile := fs.String("procedures", "", flagDoc(mIdxFlagProcedures))
	format := fs.String("format", "json", flagDoc(mIdxFlagFormat))
	by := fs.String("by", "", flagDoc(mIdxFlagBy))
	input := fs.String("input", "", flagDoc(mIdxFlagInput))
	maxBad := fs.Float64("max-bad", 0.01, flagDoc(mIdxFlagMaxBad))
	workers := fs.Int("workers", 0, flagDoc(mIdxFlagWorkers))
	catFile := fs.String("catalogue", "", flagDoc(mIdxFlagCat))
	minTotal := fs.Float64("min-total", 0, flagDoc(mIdxFlagMin))
	out := fs.String("out", "", flagDoc(mIdxFlagOut))
	lang := fs.String("lang", "vi", flagDoc(mIdxFlagLang))
	savePartial := fs.String("save-partial", "", flagDoc(mIdxFlagSave))
	fromFlag := fs.String("from", "", flagDoc(mIdxFlagFrom))
	toFlag := fs.String("to", "", flagDoc(mIdxFlagTo))
	asOfFlag := fs.String("as-of", "", flagDoc(mIdxFlagAsOf))
	var partials stringList
	fs.Var(&partials, "partial", flagDoc(mIdxFlagPartial))
	files, ok := parseInterleaved(fs, args)
	if !ok {
		return helpOrUsage(args)
	}
	if len(files) == 0 && len(partials) == 0 {
		fmt.Fprintln(stderr, "p06 index766: no dossier files (use - for standard input)")
		fs.Usage()
		return exitCantRun
	}
	if *format != "json" && *format != "md" {
		fmt.Fprintf(stderr, "p06 index766: --format %q: want json or md\n", *format)
		return exitCantRun
	}
	if *lang != "vi" && *lang != "en" {
		fmt.Fprintf(stderr, "p06 index766: --lang %q: want vi or en\n", *lang)
		return exitCantRun
	}
	if *by != "" && *by != "unit" && *by != "procedure" {
		fmt.Fprintf(stderr, "p06 index766: --by %q: want unit or procedure\n", *by)
		return exitCantRun
	}
	if *maxBad < 0 || *maxBad > 1 {
		fmt.Fprintf(stderr, "p06 index766: --max-bad %g: want a share between 0 and 1\n", *maxBad)
		return exitCantRun
	}
	inFormat, err := index766.ParseFormat(*input)
	if err != nil {
		fmt.Fprintf(stderr, "p06 index766: --input: %v\n", err)
		return exitCantRun
	}
	// No file lost: an output that is one of the inputs is refused, and one that cannot be
	// written is found, before any dossier is read.
	inputs := append(append([]string{*procFile, *catFile}, files...), partials...)
	for _, o := range []struct{ flag, path string }{{"--out", *out}, {"--save-partial", *savePartial}} {
		if o.path == "" {
			continue
		}
		if err := safefile.Refuse(o.path, inputs...); err != nil {
			fmt.Fprintf(stderr, "p06 index766: %s: %v\n", o.flag, err)
			return exitCantRun
		}
		if err := safefile.CheckWritable(o.path); err != nil {
			fmt.Fprintf(stderr, "p06 index766: %s: %v\n", o.flag, err)
			return exitCantRun
		}
	}
	opt := index766.Options{By: *by}
	for _, d := range []struct {
		name, v string
		t       *time.Time
	}{{"--from", *fromFlag, &opt.Period.From}, {"--to", *toFlag, &opt.Period.To}, {"--as-of", *asOfFlag, &opt.Period.AsOf}} {
		if d.v == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.v)
		if err != nil {
			fmt.Fprintf(stderr, "p06 index766: %s %q is not a date YYYY-MM-DD\n", d.name, d.v)
			return exitCantRun
		}
		*d.t = t
	}
	if !opt.Period.From.IsZero() && !opt.Period.To.IsZero() && opt.Period.To.Before(opt.Period.From) {
		fmt.Fprintf(stderr, "p06 index766: --to %s is before --from %s\n", *toFlag, *fromFlag)
		return exitCantRun
	}
	if *procFile != "" {
		f, err := os.Open(*procFile)
		if err != nil {
			fmt.Fprintf(stderr, "p06 index766: %v\n", err)
			return exitCantRun
		}
		opt.Procedures, err = index766.LoadProcedures(f, *procFile)
		f.Close()
		if err != nil {
			fmt.Fprintf(stderr, "p06 index766: procedure catalogue %v\n", err)
			return exitCantRun
		}
	}
	if *catFile != "" {
		f, err := os.Open(*catFile)
		if err != nil {
			fmt.Fprintf(stderr, "p06 index766: %v\n", err)
			return exitCantRun
		}
		opt.Catalogue, err = criteria.Load(f)
		f.Close()
		if err != nil {
			fmt.Fprintf(stderr, "p06 index766: catalogue %s: %v\n", *catFile, err)
			return exitCantRun
		}
	}

	// Ctrl-C stops the workers between chunks and ends the run with exit 2.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	acc := index766.NewAccumulatorFor(opt.Period)
	for _, name := range partials {
		data, err := safefile.ReadFile(name, maxPartialBytes)
		if err != nil {
			fmt.Fprintf(stderr, "p06 index766: --partial %v\n", err)
			return exitCantRun
		}
		part := index766.NewAccumulator()
		if err := part.UnmarshalJSON(data); err != nil {
			fmt.Fprintf(stderr, "p06 index766: --partial %s: %v\n", name, safefile.JSONError(data, err))
			return exitCantRun
		}
		acc.Merge(part)
	}
	prog := newProgressLine(stderr)
	for i, name := range files {
		f := inFormat
		if f == index766.Detect {
			switch strings.ToLower(filepath.Ext(name)) {
			case ".jsonl", ".ndjson", ".json":
				f = index766.JSONL
			case ".csv":
				f = index766.CSV
			}
		}
		var r io.Reader
		display := name
		var file *os.File
		if name == "-" {
			r, display = os.Stdin, "stdin"
		} else {
			var err error
			if file, err = os.Open(name); err != nil {
				prog.done()
				fmt.Fprintf(stderr, "p06 index766: %v\n", err)
				return exitCantRun
			}
			r = file
		}
		prog.file(display)
		err := index766.Read(ctx, r, display, i, f, acc,
			index766.ReadOptions{Workers: *workers, Progress: prog.update})
		if file != nil {
			file.Close() // one file open at a time, however many are given
		}
		if err != nil {
			prog.done()
			fmt.Fprintf(stderr, "p06 index766: %v\n", err)
			return exitCantRun
		}
	}
	prog.done()
	if *savePartial != "" {
		data, err := acc.MarshalJSON()
		if err == nil {
			err = safefile.WriteBytes(*savePartial, append(data, '\n'))
		}
		if err != nil {
			fmt.Fprintf(stderr, "p06 index766: %v\n", err)
			return exitCantRun
		}
		return exitOK
	}
	rep, err := index766.Score(acc, opt)
	if err != nil {
		fmt.Fprintf(stderr, "p06 index766: %v\n", err)
		return exitCantRun
	}
	if rep.Records.BadShare > *maxBad {
		fmt.Fprintf(stderr, "p06 index766: %d of %d records are bad (%.2f%%), more than --max-bad %.2f%%; first bad records:\n",
			rep.Records.Bad, rep.Records.Bad+rep.Records.Scored, rep.Records.BadShare*100, *maxBad*100)
		for i, b := range rep.Records.BadRecords {
			if i == 10 {
				fmt.Fprintf(stderr, "  … (%d more in the report's records.bad_records)\n", len(rep.Records.BadRecords)-10)
				break
			}
			fmt.Fprintf(stderr, "  %s:%d: %s\n", b.File, b.Line, b.Reason)
		}
		return exitCantRun
	}
	write := func(w io.Writer) error {
		if *format == "md" {
			writeIndex766Markdown(w, rep, *lang)
			return nil
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	if *out != "" {
		// Atomically: a write that fails half-way leaves the previous report in place.
		err = safefile.Write(*out, write)
	} else {
		bw := bufio.NewWriter(stdout)
		if err = write(bw); err == nil {
			err = bw.Flush()
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "p06 index766: %v\n", err)
		return exitCantRun
	}
	if rep.Records.Bad > 0 {
		fmt.Fprintf(stderr, "p06 index766: %d bad records excluded (first: %s:%d: %s)\n",
			rep.Records.Bad, rep.Records.BadRecords[0].File, rep.Records.BadRecords[0].Line, rep.Records.BadRecords[0].Reason)
	}
	if rep.Total < *minTotal {
		fmt.Fprintf(stderr, "p06 index766: total %.2f is below --min-total %.2f\n", rep.Total, *minTotal)
		return exitNotMet
	}
	return exitOK
}

// helpOrUsage is the exit status after a failed flag parse: 0 when help was asked for.
func helpOrUsage(args []string) int {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" || a == "--h" {
			return exitOK
		}
	}
	return exitCantRun
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

// parseInterleaved parses flags that may come before or after the positional arguments. It
// is false on a usage error or -h (helpOrUsage tells them apart).
func parseInterleaved(fs *cliFlags, args []string) ([]string, bool) {
	pos, err := parseInterspersed(fs, args)
	return pos, err == nil
}

// progressLine prints "records, records/s, bad" on stderr once a run has taken a second.
type progressLine struct {
	w       io.Writer
	start   time.Time
	mu      sync.Mutex
	last    time.Time
	printed bool
	name    string
	base    index766.Progress // totals of the files already read
	cur     index766.Progress
}

func newProgressLine(w io.Writer) *progressLine {
	now := time.Now()
	return &progressLine{w: w, start: now, last: now}
}

func (p *progressLine) file(name string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.base.Records += p.cur.Records
	p.base.Bad += p.cur.Bad
	p.base.Bytes += p.cur.Bytes
	p.cur = index766.Progress{}
	p.name = name
}

func (p *progressLine) update(pr index766.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cur = pr
	now := time.Now()
	if now.Sub(p.last) < progressEvery {
		return
	}
	p.last = now
	p.print(now)
}

func (p *progressLine) print(now time.Time) {
	recs := p.base.Records + p.cur.Records
	secs := now.Sub(p.start).Seconds()
	fmt.Fprintf(p.w, "\rindex766: %s: %d records, %.2fM records/s, %d MB read, %d bad   ",
		p.name, recs, float64(recs)/secs/1e6, (p.base.Bytes+p.cur.Bytes)>>20, p.base.Bad+p.cur.Bad)
	p.printed = true
}

func (p *progressLine) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.printed {
		p.print(time.Now())
		fmt.Fprintln(p.w)
	}
}

func runIndex766Generate(args []string, stdout, stderr io.Writer) int {
	fs := cliFlagSet("p06 index766 generate", mGenSynopsis, mGenAbout, stderr)
	records := fs.Int64("records", 1000, flagDoc(mGenFlagRecords))
	seed := fs.Uint64("seed", 1, flagDoc(mGenFlagSeed))
	format := fs.String("format", "jsonl", flagDoc(mGenFlagFormat))
	out := fs.String("out", "", flagDoc(mGenFlagOut))
	procOut := fs.String("procedures", "", flagDoc(mGenFlagProcOut))
	nProc := fs.Int("procedure-count", 200, flagDoc(mGenFlagNProc))
	units := fs.Int("units", 60, flagDoc(mGenFlagUnits))
	fs.String("lang", "vi", flagDoc(mGenFlagLang))
	if _, ok := parseInterleaved(fs, args); !ok {
		return helpOrUsage(args)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "p06 index766 generate: unexpected argument %q\n", fs.Arg(0))
		return exitCantRun
	}
	f, err := index766.ParseFormat(*format)
	if err != nil || f == index766.Detect {
		fmt.Fprintf(stderr, "p06 index766 generate: --format %q: want jsonl or csv\n", *format)
		return exitCantRun
	}
	if *records < 0 || *nProc < 25 || *units < 1 {
		fmt.Fprintln(stderr, "p06 index766 generate: want --records ≥ 0, --procedure-count ≥ 25, --units ≥ 1")
		return exitCantRun
	}
	cfg := synth.Config{Records: *records, Seed: *seed, Procedures: *nProc, Units: *units}
	if *records == 0 {
		cfg.Records = -1 // zero means the default in synth; -1 writes none
	}
	if *out != "" && *procOut != "" {
		if err := safefile.Refuse(*out, *procOut); err != nil {
			fmt.Fprintf(stderr, "p06 index766 generate: --out and --procedures: %v\n", err)
			return exitCantRun
		}
	}
	for _, p := range []string{*procOut, *out} {
		if p == "" {
			continue
		}
		if err := safefile.CheckWritable(p); err != nil {
			fmt.Fprintf(stderr, "p06 index766 generate: %v\n", err)
			return exitCantRun
		}
	}
	if *procOut != "" {
		err := safefile.Write(*procOut, func(w io.Writer) error {
			return synth.WriteProcedures(w, synth.Catalogue(cfg), strings.EqualFold(filepath.Ext(*procOut), ".csv"))
		})
		if err != nil {
			fmt.Fprintf(stderr, "p06 index766 generate: %v\n", err)
			return exitCantRun
		}
	}
	if *out != "" {
		// Atomically: a generation that fails half-way leaves the previous file in place.
		if err := safefile.Write(*out, func(w io.Writer) error { return synth.Write(w, cfg, f) }); err != nil {
			fmt.Fprintf(stderr, "p06 index766 generate: %v\n", err)
			return exitCantRun
		}
		return exitOK
	}
	if err := synth.Write(stdout, cfg, f); err != nil && !errors.Is(err, io.ErrShortWrite) {
		fmt.Fprintf(stderr, "p06 index766 generate: %v\n", err)
		return exitCantRun
	}
	return exitOK
}

func pct(r *float64) string {
	if r == nil {
		return "—"
	}
	return fmt.Sprintf("%.2f%%", *r*100)
}

func verified(b bool, lang string) string {
	if b {
		return ""
	}
	return " (" + scoring.Unverified.In(lang) + ")"
}

func writeIndex766Markdown(w io.Writer, r *index766.Report, lang string) {
	fmt.Fprintf(w, "# Decision 766 index\n\n")
	fmt.Fprintf(w, "Catalogue %s %s · %s · %d dossiers scored, %d bad records excluded\n\n",
		r.Catalogue.ID, r.Catalogue.Version, r.FormulaVersion, r.Records.Scored, r.Records.Bad)
	fmt.Fprintf(w, "Period: %s to %s; as of **%s** (%s): %d dossiers unfinished with a NgayHenTra, %d of them past it and counted late; %d records outside the period.\n\n",
		orDots(r.Period.From), orDots(r.Period.To), r.Period.AsOf, r.Period.AsOfSource, r.Period.Open, r.Period.Overdue, r.Period.Outside)
	fmt.Fprintf(w, "**Band %s / %s**%s, graded on what the inputs can support: %.2f of %.0f computable points, normalised %.2f. %.0f of %.0f points are not computed (see each indicator's reason); the total %.2f / %.0f is a lower bound of the official score (band %s%s).\n\n",
		r.Band.Label.VI, r.Band.Label.EN, verified(r.Band.Verified, lang), r.Total, r.Attainable, r.Normalised, r.NotComputedPoints, r.MaxPoints,
		r.Total, r.MaxPoints, r.BandTotal.Label.In(lang), verified(r.BandTotal.Verified, lang))
	fmt.Fprintf(w, "| group | points | attainable | max |\n|---|---:|---:|---:|\n")
	for _, g := range r.Groups {
		fmt.Fprintf(w, "| %s (%s) | %.2f | %.0f | %.0f |\n", g.Title.In(lang), g.ID, g.Points, g.Attainable, g.MaxPoints)
	}
	if len(r.Official) > 0 {
		fmt.Fprintf(w, "\nThe decision's five groups (Art. 1 a–e; d = online service + online payment):\n\n| group | points | attainable | max |\n|---|---:|---:|---:|\n")
		for _, g := range r.Official {
			fmt.Fprintf(w, "| %s) %s | %.2f | %.0f | %.0f |\n", g.ID, g.Title.In(lang), g.Points, g.Attainable, g.MaxPoints)
		}
	}
	fmt.Fprintf(w, "\n| indicator | rate | threshold | numerator / denominator | points / max | note |\n|---|---:|---:|---:|---:|---|\n")
	for _, ind := range r.Indicators {
		th := "—"
		if ind.Threshold != nil {
			th = fmt.Sprintf("%.0f%%", *ind.Threshold*100)
		}
		rate, note := pct(ind.Rate), ""
		if ind.Value != nil {
			rate = fmt.Sprintf("%.2f %s", *ind.Value, ind.Unit)
		}
		frac := fmt.Sprintf("%d / %d", ind.Numerator, ind.Denominator)
		if !ind.Computed {
			frac, note = "—", "not computed: "+ind.Reason
			if lang == "vi" && ind.ReasonVI != "" {
				note = "không tính được: " + ind.ReasonVI
			}
		}
		fmt.Fprintf(w, "| %s %s | %s | %s | %s | %.2f / %.0f | %s |\n", ind.ID, ind.Title.In(lang), rate, th, frac, ind.Points, ind.MaxPoints, note)
	}
	fmt.Fprintf(w, "\n## Targets\n\n| target | measured | threshold | met |\n|---|---:|---:|---|\n")
	for _, t := range r.Targets {
		m := t.Measured
		fmt.Fprintf(w, "| %s | %s (%d / %d) | %.0f%% | %v |\n", t.Title.In(lang), pct(&m), t.Numerator, t.Denominator, t.Threshold*100, t.Met)
	}
	if e := r.Essential; e != nil {
		fmt.Fprintf(w, "\n## Essential services (ThietYeu)\n\n%d procedures, %d dossiers: total %.2f of %.0f attainable (normalised %.2f)\n",
			e.ProceduresInScope, e.Dossiers, e.Total, e.Attainable, e.Normalised)
	}
	if len(r.Slices) > 0 {
		fmt.Fprintf(w, "\n## By %s\n\n| %s | dossiers | total | attainable | normalised | band |\n|---|---:|---:|---:|---:|---|\n", r.By, r.By)
		for _, s := range r.Slices {
			name := s.ID
			if s.Name != "" {
				name += " " + s.Name
			}
			if s.Essential {
				name += " (essential)"
			}
			fmt.Fprintf(w, "| %s | %d | %.2f | %.0f | %.2f | %s%s |\n", name, s.Dossiers, s.Total, s.Attainable, s.Normalised, s.Band.Label.In(lang), verified(s.Band.Verified, lang))
		}
	}
	if len(r.Records.BadRecords) > 0 {
		fmt.Fprintf(w, "\n## Bad records (%d, %.3f%%)\n\n", r.Records.Bad, r.Records.BadShare*100)
		for _, b := range r.Records.BadRecords {
			fmt.Fprintf(w, "- %s:%d: %s\n", b.File, b.Line, b.Reason)
		}
	}
	if len(r.Notes) > 0 {
		fmt.Fprintf(w, "\n## Notes\n\n")
		for _, n := range r.Notes {
			fmt.Fprintf(w, "- %s\n", n)
		}
	}
}
