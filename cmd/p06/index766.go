package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/msg"
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
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return helpOrUsage(err)
	}
	l := argLang(args) // the language of messages until --lang is known to be good
	say := func(m msg.Text, a ...any) int {
		fmt.Fprintln(stderr, "p06 index766: "+m.Render(l, inLang(a)...))
		return exitCantRun
	}
	if len(files) == 0 && len(partials) == 0 {
		say(mIdxNoFiles)
		fs.usageHint(l)
		return exitCantRun
	}
	if *format != "json" && *format != "md" {
		return say(mFlagWant, "--format", *format, msg.P(mOr, "json", "md"))
	}
	if *lang != "vi" && *lang != "en" {
		return say(mFlagLang, *lang)
	}
	if *by != "" && *by != "unit" && *by != "procedure" {
		return say(mFlagWant, "--by", *by, msg.P(mOr, "unit", "procedure"))
	}
	if *maxBad < 0 || *maxBad > 1 {
		return say(mIdxMaxBad, *maxBad)
	}
	inFormat, err := index766.ParseFormat(*input)
	if err != nil {
		return say(mFlagWant, "--input", *input, msg.P(mOr, "jsonl", "csv"))
	}
	// No file lost: an output that is one of the inputs is refused, and one that cannot be
	// written is found, before any dossier is read.
	inputs := append(append([]string{*procFile, *catFile}, files...), partials...)
	for _, o := range []struct{ flag, path string }{{"--out", *out}, {"--save-partial", *savePartial}} {
		if o.path == "" {
			continue
		}
		if err := checkOutput(o.path, inputs...); err != nil {
			fmt.Fprintf(stderr, "p06 index766: %s: %s\n", o.flag, errText(l, err))
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
			return say(mNotADate, d.name, d.v)
		}
		*d.t = t
	}
	if !opt.Period.From.IsZero() && !opt.Period.To.IsZero() && opt.Period.To.Before(opt.Period.From) {
		return say(mIdxToBeforeFrom, *toFlag, *fromFlag)
	}
	if *procFile != "" {
		f, err := os.Open(*procFile)
		if err != nil {
			fmt.Fprintf(stderr, "p06 index766: %s\n", errText(l, err))
			return exitCantRun
		}
		opt.Procedures, err = index766.LoadProcedures(f, *procFile)
		f.Close()
		if err != nil {
			return say(mIdxProcedureCatalogue, err)
		}
	}
	if *catFile != "" {
		f, err := os.Open(*catFile)
		if err != nil {
			fmt.Fprintf(stderr, "p06 index766: %s\n", errText(l, err))
			return exitCantRun
		}
		opt.Catalogue, err = criteria.Load(f)
		f.Close()
		if err != nil {
			return say(mIdxCatalogue, *catFile, err)
		}
	}

	// Ctrl-C stops the workers between chunks and ends the run with exit 2.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	acc := index766.NewAccumulatorFor(opt.Period)
	for _, name := range partials {
		data, err := safefile.ReadFile(name, maxPartialBytes)
		if err != nil {
			fmt.Fprintf(stderr, "p06 index766: --partial %s\n", errText(l, err))
			return exitCantRun
		}
		part := index766.NewAccumulator()
		if err := part.UnmarshalJSON(data); err != nil {
			fmt.Fprintf(stderr, "p06 index766: --partial %s: %s\n", name, errText(l, safefile.JSONError(data, err)))
			return exitCantRun
		}
		acc.Merge(part)
	}
	prog := newProgressLine(stderr, l)
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
				fmt.Fprintf(stderr, "p06 index766: %s\n", errText(l, err))
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
			fmt.Fprintf(stderr, "p06 index766: %s\n", errText(l, err))
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
			fmt.Fprintf(stderr, "p06 index766: %s\n", errText(l, err))
			return exitCantRun
		}
		return exitOK
	}
	rep, err := index766.Score(acc, opt)
	if err != nil {
		fmt.Fprintf(stderr, "p06 index766: %s\n", errText(l, err))
		return exitCantRun
	}
	if rep.Records.BadShare > *maxBad {
		say(mIdxTooManyBad, rep.Records.Bad, rep.Records.Bad+rep.Records.Scored, rep.Records.BadShare*100, *maxBad*100)
		for i, b := range rep.Records.BadRecords {
			if i == 10 {
				fmt.Fprintf(stderr, "  %s\n", mIdxMoreBad.Render(l, len(rep.Records.BadRecords)-10))
				break
			}
			fmt.Fprintf(stderr, "  %s:%d: %s\n", b.File, b.Line, b.ReasonIn(l))
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
		fmt.Fprintf(stderr, "p06 index766: %s\n", errText(l, err))
		return exitCantRun
	}
	if rep.Records.Bad > 0 {
		say(mIdxBadExcluded, rep.Records.Bad, rep.Records.BadRecords[0].File, rep.Records.BadRecords[0].Line, rep.Records.BadRecords[0].ReasonIn(l))
	}
	if rep.Total < *minTotal {
		say(mIdxBelowMin, rep.Total, *minTotal)
		return exitNotMet
	}
	return exitOK
}

// helpOrUsage is the exit status after a failed flag parse: 0 when help was asked for before
// any bad flag, 2 otherwise (`p06 index766 --bogus -h` is a usage error, as for every command).
func helpOrUsage(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitCantRun
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

// progressLine prints "records, records/s, bad" on stderr once a run has taken a second.
type progressLine struct {
	w       io.Writer
	lang    string
	start   time.Time
	mu      sync.Mutex
	last    time.Time
	printed bool
	name    string
	base    index766.Progress // totals of the files already read
	cur     index766.Progress
}

func newProgressLine(w io.Writer, lang string) *progressLine {
	now := time.Now()
	return &progressLine{w: w, lang: lang, start: now, last: now}
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
	fmt.Fprintf(p.w, "\rindex766: %s   ", mIdxProgress.Render(p.lang,
		p.name, recs, float64(recs)/secs/1e6, (p.base.Bytes+p.cur.Bytes)>>20, p.base.Bad+p.cur.Bad))
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
	if _, err := parseInterspersed(fs, args); err != nil {
		return helpOrUsage(err)
	}
	if fs.NArg() > 0 {
		say(stderr, "p06 index766 generate", argLang(args), mUnexpectedArg, fs.Arg(0))
		return exitCantRun
	}
	f, err := index766.ParseFormat(*format)
	if err != nil || f == index766.Detect {
		say(stderr, "p06 index766 generate", argLang(args), mFlagWant, "--format", *format, msg.P(mOr, "jsonl", "csv"))
		return exitCantRun
	}
	if *records < 0 || *nProc < 25 || *units < 1 {
		say(stderr, "p06 index766 generate", argLang(args), mGenBounds)
		return exitCantRun
	}
	cfg := synth.Config{Records: *records, Seed: *seed, Procedures: *nProc, Units: *units}
	if *records == 0 {
		cfg.Records = -1 // zero means the default in synth; -1 writes none
	}
	if *out != "" && *procOut != "" {
		if err := safefile.Refuse(*out, *procOut); err != nil {
			fmt.Fprintf(stderr, "p06 index766 generate: %s: %s\n", mAnd.Render(argLang(args), "--out", "--procedures"), errText(argLang(args), err))
			return exitCantRun
		}
	}
	for _, p := range []string{*procOut, *out} {
		if p == "" {
			continue
		}
		if err := safefile.CheckWritable(p); err != nil {
			fmt.Fprintf(stderr, "p06 index766 generate: %s\n", errText(argLang(args), err))
			return exitCantRun
		}
	}
	if *procOut != "" {
		err := safefile.Write(*procOut, func(w io.Writer) error {
			return synth.WriteProcedures(w, synth.Catalogue(cfg), strings.EqualFold(filepath.Ext(*procOut), ".csv"))
		})
		if err != nil {
			fmt.Fprintf(stderr, "p06 index766 generate: %s\n", errText(argLang(args), err))
			return exitCantRun
		}
	}
	if *out != "" {
		// Atomically: a generation that fails half-way leaves the previous file in place.
		if err := safefile.Write(*out, func(w io.Writer) error { return synth.Write(w, cfg, f) }); err != nil {
			fmt.Fprintf(stderr, "p06 index766 generate: %s\n", errText(argLang(args), err))
			return exitCantRun
		}
		return exitOK
	}
	if err := synth.Write(stdout, cfg, f); err != nil && !errors.Is(err, io.ErrShortWrite) {
		fmt.Fprintf(stderr, "p06 index766 generate: %s\n", errText(argLang(args), err))
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
	fmt.Fprintf(w, "# %s\n\n", mIdxMdTitle.Render(lang))
	// The formula version is an identifier: quoted as code.
	fmt.Fprintf(w, "%s\n\n", mIdxMdSummary.Render(lang, r.Catalogue.ID, r.Catalogue.Version, "`"+r.FormulaVersion+"`", r.Records.Scored, r.Records.Bad))
	source := r.Period.AsOfSource
	if m, ok := map[string]msg.Text{"given": mIdxMdAsOfGiven, "to": mIdxMdAsOfTo, "latest date in the data": mIdxMdAsOfLatest}[source]; ok {
		source = m.Render(lang)
	}
	fmt.Fprintf(w, "%s\n\n", mIdxMdPeriod.Render(lang, orDots(r.Period.From), orDots(r.Period.To), r.Period.AsOf, source, r.Period.Open, r.Period.Overdue, r.Period.Outside))
	band := r.Band.Label.VI
	if lang == msg.EN {
		band = r.Band.Label.VI + " / " + r.Band.Label.EN
	}
	fmt.Fprintf(w, "%s\n\n", mIdxMdBand.Render(lang, band, verified(r.Band.Verified, lang), r.Total, r.Attainable, r.Normalised, r.NotComputedPoints, r.MaxPoints,
		r.Total, r.MaxPoints, r.BandTotal.Label.In(lang), verified(r.BandTotal.Verified, lang)))
	fmt.Fprintf(w, "%s\n|---|---:|---:|---:|\n", mIdxMdGroupHeader.Render(lang))
	for _, g := range r.Groups {
		fmt.Fprintf(w, "| %s (%s) | %.2f | %.0f | %.0f |\n", g.Title.In(lang), g.ID, g.Points, g.Attainable, g.MaxPoints)
	}
	if len(r.Official) > 0 {
		fmt.Fprintf(w, "\n%s\n\n%s\n|---|---:|---:|---:|\n", mIdxMdOfficial.Render(lang), mIdxMdGroupHeader.Render(lang))
		for _, g := range r.Official {
			fmt.Fprintf(w, "| %s) %s | %.2f | %.0f | %.0f |\n", g.ID, g.Title.In(lang), g.Points, g.Attainable, g.MaxPoints)
		}
	}
	fmt.Fprintf(w, "\n%s\n|---|---:|---:|---:|---:|---|\n", mIdxMdIndicatorsHead.Render(lang))
	for _, ind := range r.Indicators {
		th := "—"
		if ind.Threshold != nil {
			th = fmt.Sprintf("%.0f%%", *ind.Threshold*100)
		}
		rate, note := pct(ind.Rate), ""
		if ind.Value != nil {
			unit := ind.Unit
			if unit == "days" {
				unit = mIdxMdDays.Render(lang)
			}
			rate = fmt.Sprintf("%.2f %s", *ind.Value, unit)
		}
		frac := fmt.Sprintf("%d / %d", ind.Numerator, ind.Denominator)
		if !ind.Computed {
			reason := ind.Reason
			if lang != msg.EN && ind.ReasonVI != "" {
				reason = ind.ReasonVI
			}
			frac, note = "—", mIdxMdNotComputed.Render(lang, reason)
		}
		fmt.Fprintf(w, "| %s %s | %s | %s | %s | %.2f / %.0f | %s |\n", ind.ID, ind.Title.In(lang), rate, th, frac, ind.Points, ind.MaxPoints, note)
	}
	fmt.Fprintf(w, "\n## %s\n\n%s\n|---|---:|---:|---|\n", mIdxMdTargets.Render(lang), mIdxMdTargetHeader.Render(lang))
	for _, t := range r.Targets {
		m := t.Measured
		met := mIdxMdNotMet
		if t.Met {
			met = mIdxMdMet
		}
		fmt.Fprintf(w, "| %s | %s (%d / %d) | %.0f%% | %s |\n", t.Title.In(lang), pct(&m), t.Numerator, t.Denominator, t.Threshold*100, met.Render(lang))
	}
	if e := r.Essential; e != nil {
		fmt.Fprintf(w, "\n## %s\n\n%s\n", mIdxMdEssential.Render(lang),
			mIdxMdEssentialSum.Render(lang, e.ProceduresInScope, e.Dossiers, e.Total, e.Attainable, e.Normalised))
	}
	if len(r.Slices) > 0 {
		heading, column := mIdxMdByUnit, mIdxMdUnit
		if r.By == "procedure" {
			heading, column = mIdxMdByProcedure, mIdxMdProcedure
		}
		fmt.Fprintf(w, "\n## %s\n\n%s\n|---|---:|---:|---:|---:|---|\n", heading.Render(lang), mIdxMdSliceHeader.Render(lang, column.Render(lang)))
		for _, s := range r.Slices {
			name := s.ID
			if s.Name != "" {
				name += " " + s.Name
			}
			if s.Essential {
				name += " " + mIdxMdEssentialMark.Render(lang)
			}
			fmt.Fprintf(w, "| %s | %d | %.2f | %.0f | %.2f | %s%s |\n", name, s.Dossiers, s.Total, s.Attainable, s.Normalised, s.Band.Label.In(lang), verified(s.Band.Verified, lang))
		}
	}
	if len(r.Records.BadRecords) > 0 {
		fmt.Fprintf(w, "\n## %s\n\n", mIdxMdBadRecords.Render(lang, r.Records.Bad, r.Records.BadShare*100))
		for _, b := range r.Records.BadRecords {
			fmt.Fprintf(w, "- %s:%d: %s\n", b.File, b.Line, b.ReasonIn(lang))
		}
	}
	if notes := r.NotesIn(lang); len(notes) > 0 {
		fmt.Fprintf(w, "\n## %s\n\n", mIdxMdNotes.Render(lang))
		for _, n := range notes {
			fmt.Fprintf(w, "- %s\n", n)
		}
	}
}
