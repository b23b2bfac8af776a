package main

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/internal/bounded"
	"github.com/p06kit/p06kit/internal/redact"
	"github.com/p06kit/p06kit/internal/safefile"
	"github.com/p06kit/p06kit/scoring"
)

// surveyOpts are the parsed flags of p06 survey.
type surveyOpts struct {
	format         string
	out            string
	lang           string
	only           []string
	parallel       int
	timeout        time.Duration
	requestTimeout time.Duration
	quiet          bool
	active         bool
	deep           bool
	reports        string
	cat            *criteria.Catalogue
	grading        *scoring.Bands
	caPEM          []byte
	asOf           time.Time // every report is (re)scored as of this day
	// observe is called with each check's finding as it completes (progress), or nil.
	observe func(scoring.Finding)
}

// surveyPortal is one portal of the input file, validated.
type surveyPortal struct {
	where   string // "portals[2]" or "line 5", for messages
	url     string
	unit    string
	level   criteria.Scope // empty: scope not applied
	profile *harness.Profile
	caPEM   []byte
	// stored is the portal's report, when the input names one instead of asking for an
	// assessment (reports the vendors or another tool produced).
	stored     *scoring.Report
	storedPath string
}

func runSurvey(args []string, stdout, stderr io.Writer) int {
	fs := cliFlagSet("p06 survey", mSurveySynopsis, mSurveyAbout, stderr)
	format := fs.String("format", "text", flagDoc(mSurveyFlagFormat))
	out := fs.String("out", "", flagDoc(mSurveyFlagOut))
	parallel := fs.Int("parallel", 4, flagDoc(mSurveyFlagParallel))
	timeout := fs.Duration("timeout", 5*time.Minute, flagDoc(mSurveyFlagTimeout))
	requestTimeout := fs.Duration("request-timeout", 10*time.Second, flagDoc(mFlagReqTimeout))
	ca := fs.String("ca", "", flagDoc(mSurveyFlagCA))
	lang := fs.String("lang", "vi", flagDoc(mFlagLangDoc))
	only := fs.String("only", "", flagDoc(mSurveyFlagOnly))
	catRef := fs.String("catalogue", criteria.P06TechnicalID, flagDoc(mFlagCatalogueDoc))
	grading := fs.String("grading", "qd766", flagDoc(mFlagGradingDoc))
	reports := fs.String("reports", "", flagDoc(mSurveyFlagReports))
	quiet := fs.Bool("quiet", false, flagDoc(mFlagQuiet))
	asOf := fs.String("as-of", "", flagDoc(mSurveyFlagAsOf))
	active := fs.Bool("active", false, flagDoc(mSurveyFlagActive))
	deep := fs.Bool("deep", false, flagDoc(mSurveyFlagDeep))
	files, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitCantRun
	}
	fail := func(m msg.Text, a ...any) int {
		fmt.Fprintln(stderr, redact.Text("p06 survey: "+m.Render(*lang, inLang(a)...)))
		return exitCantRun
	}
	failErr := func(err error) int {
		fmt.Fprintln(stderr, redact.Text("p06 survey: "+errText(*lang, err)))
		return exitCantRun
	}
	if len(files) != 1 {
		return fail(mSurveyOneFile, len(files), mSurveySynopsis.Render(*lang))
	}
	formatSet := false
	fs.Visit(func(f *flag.Flag) { formatSet = formatSet || f.Name == "format" })
	if !formatSet && *out != "" { // --out survey.html means HTML unless --format says otherwise
		switch strings.ToLower(filepath.Ext(*out)) {
		case ".html", ".htm":
			*format = "html"
		case ".json":
			*format = "json"
		case ".md":
			*format = "md"
		}
	}
	o := surveyOpts{format: *format, out: *out, lang: *lang, parallel: *parallel, timeout: *timeout,
		requestTimeout: *requestTimeout, quiet: *quiet, reports: *reports, active: *active, deep: *deep}
	switch o.format {
	case "text", "json", "md", "html":
	case "markdown":
		o.format = "md"
	default:
		return fail(mFlagWant, "--format", o.format, msg.P(mOr, "text, json, md", "html"))
	}
	if o.lang != "vi" && o.lang != "en" {
		return fail(mFlagLang, o.lang)
	}
	if o.parallel < 1 {
		return fail(mFlagAtLeast1, "--parallel", o.parallel)
	}
	if o.timeout <= 0 {
		return fail(mFlagPositive, "--timeout", o.timeout)
	}
	if o.requestTimeout <= 0 {
		return fail(mFlagPositive, "--request-timeout", o.requestTimeout)
	}
	if o.asOf, err = surveyAsOfDay(*asOf, time.Now()); err != nil {
		return fail(mFlagErr, "--as-of", err)
	}
	if b, ok := scoring.BandsByID(*grading); ok {
		o.grading = &b
	} else {
		return fail(mFlagGrading, *grading)
	}
	if o.cat, err = catalogueFromRef(*catRef, *lang); err != nil {
		return fail(mFlagErr, "--catalogue", err)
	}
	if *only != "" {
		o.only = splitScanList(*only)
		if lines := unknownOnly(o.cat, o.only, *lang); len(lines) > 0 {
			for _, l := range lines {
				fmt.Fprintln(stderr, redact.Text("p06 survey: "+l))
			}
			return exitCantRun
		}
		if o.cat, err = surveySelect(o.cat, o.only); err != nil {
			return fail(mFlagErr, "--only", err)
		}
	}
	if *ca != "" {
		if o.caPEM, err = surveyReadPEM(*ca, *lang); err != nil {
			return fail(mFlagErr, "--ca", err)
		}
	}
	data, err := slurpInput(files[0], *lang)
	if err != nil {
		return failErr(err)
	}
	base := "."
	if files[0] != "-" {
		base = filepath.Dir(files[0])
	}
	portals, err := surveyParse(files[0], data, base, *lang)
	if err != nil {
		return failErr(err)
	}
	var stale []string
	for _, p := range portals {
		switch r := p.stored; {
		case r == nil:
		case len(o.only) > 0:
			stale = append(stale, mSurveyStaleOnly.Render(*lang, p.where, p.unit))
		case r.Catalogue.ID != o.cat.ID || r.Catalogue.Version != o.cat.Version:
			stale = append(stale, mSurveyStaleCatalogue.Render(*lang,
				p.where, p.unit, p.storedPath, r.Catalogue.ID, r.Catalogue.Version, o.cat.ID, o.cat.Version))
		}
	}
	if len(stale) > 0 {
		return failErr(fmt.Errorf("%s:\n  %s", files[0], strings.Join(stale, "\n  ")))
	}
	if o.reports != "" {
		if err := os.MkdirAll(o.reports, 0o755); err != nil {
			return fail(mFlagErr, "--reports", err)
		}
		if err := safefile.CheckWritable(filepath.Join(o.reports, "portal.json")); err != nil {
			return fail(mFlagErr, "--reports", err)
		}
	}
	if o.out != "" {
		// Checked before the portals are assessed, so that a long survey is not lost at the end.
		if st, err := os.Stat(o.out); err == nil && st.IsDir() {
			return fail(mSurveyOutDir, o.out)
		}
		if st, err := os.Stat(filepath.Dir(o.out)); err != nil || !st.IsDir() {
			return fail(mSurveyOutNoDir, o.out, filepath.Dir(o.out))
		}
		inputs := []string{files[0], *ca, *catRef}
		for _, p := range portals {
			if p.storedPath != "" {
				inputs = append(inputs, surveyPath(base, p.storedPath))
			}
		}
		if err := checkOutput(o.out, inputs...); err != nil {
			return fail(mFlagErr, "--out", err)
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	entries, broken := surveyAssess(ctx, portals, o, stderr)
	s, err := report.NewSurvey(o.cat, entries)
	if err != nil {
		return failErr(err)
	}
	s.Only = o.only
	s.Tool = &scoring.Tool{Name: "p06kit", Version: version()}
	write := func(w io.Writer) error {
		opt := report.Options{Lang: o.lang, Catalogue: o.cat, Version: version()}
		switch o.format {
		case "json":
			return report.WriteSurveyJSON(w, s)
		case "md":
			return report.WriteSurveyMarkdown(w, s, opt)
		case "html":
			return report.WriteSurveyHTML(w, s, opt)
		}
		return report.WriteSurveyText(w, s, opt)
	}
	if o.out != "" {
		err = report.AtomicWrite(o.out, write)
	} else {
		err = write(stdout)
	}
	if err != nil {
		return failErr(err)
	}
	if !o.quiet {
		sv := s.Survey
		say(stderr, "p06 survey", o.lang, mSurveySummary, sv.Portals, 100*sv.Rate, sv.Met, sv.Applicable, sv.FullyCompliant, s.Unreachable)
	}
	switch {
	case broken > 0 || ctx.Err() != nil:
		return fail(mSurveyIncomplete, max(broken, 1))
	case s.Compliant():
		return exitOK
	}
	return exitNotMet
}

// surveySelect returns a copy of cat holding only the criteria the selectors pick (an ID, a group
// or a tag, criteria.ByName, as harness.Only reads them) and their groups, so that the national figures cover
// exactly what was assessed. A selector that picks nothing is an error.
func surveySelect(cat *criteria.Catalogue, sels []string) (*criteria.Catalogue, error) {
	sub := *cat
	sub.Criteria = nil
	sub.Groups = nil
	used := map[string]bool{}
	var unknown []string
	for _, sel := range sels {
		found := false
		for i := range cat.Criteria {
			if criteria.ByName(sel)(&cat.Criteria[i]) {
				found = true
				break
			}
		}
		if !found {
			unknown = append(unknown, sel)
		}
	}
	if len(unknown) > 0 {
		return nil, fmt.Errorf("%s selects no criterion of %s (want criterion IDs, group IDs or tags)", strings.Join(unknown, ", "), cat.ID)
	}
	for _, c := range cat.Criteria {
		for _, sel := range sels {
			if criteria.ByName(sel)(&c) {
				sub.Criteria = append(sub.Criteria, c)
				used[c.Group] = true
				break
			}
		}
	}
	for _, g := range cat.Groups {
		if used[g.ID] {
			sub.Groups = append(sub.Groups, g)
		}
	}
	return &sub, nil
}

// surveyParse reads the portals file: JSON or CSV, by extension, else by content.
func surveyParse(name string, data []byte, base, lang string) ([]surveyPortal, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	isJSON := false
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		isJSON = true
	case ".csv", ".txt":
	default:
		trimmed := bytes.TrimLeftFunc(data, unicode.IsSpace)
		isJSON = len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[')
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errors.New(mInputEmpty.Render(lang, name))
	}
	// Unit names go into every output: text that is not UTF-8 is refused with its place, the
	// same for JSON (whose decoder would silently replace it) and CSV.
	if err := safefile.CheckUTF8(data); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var portals []surveyPortal
	var problems []string
	if isJSON {
		portals, problems = surveyParseJSON(data, base, lang)
	} else {
		portals, problems = surveyParseCSV(data, base, lang)
	}
	if len(problems) == 0 && len(portals) == 0 {
		problems = append(problems, mInputNone.Render(lang))
	}
	problems = append(problems, surveyDuplicates(portals, lang)...)
	if len(problems) > 0 {
		const most = 30
		more := ""
		if len(problems) > most {
			more = "\n  " + mInputMore.Render(lang, len(problems)-most)
			problems = problems[:most]
		}
		m := mInputProblems
		if len(problems) == 1 {
			m = mInputProblem
		}
		return nil, errors.New(m.Render(lang, name, len(problems), strings.Join(problems, "\n  ")+more))
	}
	return portals, nil
}

// surveyParseJSON reads the JSON form, validated against the published schema.
func surveyParseJSON(data []byte, base, lang string) ([]surveyPortal, []string) {
	if err := report.Validate(report.SurveyInputSchemaName, data); err != nil {
		var ve *report.ValidationError
		if !errors.As(err, &ve) {
			return nil, []string{err.Error()}
		}
		var out []string
		for _, p := range ve.Problems {
			out = append(out, p.String())
		}
		return nil, out
	}
	var in struct {
		Portals []struct {
			URL     string          `json:"url"`
			Unit    string          `json:"unit"`
			Level   string          `json:"level"`
			Profile json.RawMessage `json:"profile"`
			CA      string          `json:"ca"`
			Report  string          `json:"report"`
		} `json:"portals"`
	}
	if err := json.Unmarshal(data, &in); err != nil {
		return nil, []string{err.Error()}
	}
	var portals []surveyPortal
	var problems []string
	for i, e := range in.Portals {
		where := fmt.Sprintf("portals[%d]", i)
		p, probs := surveyEntry(where, e.URL, e.Unit, e.Level, e.Profile, e.CA, e.Report, base, lang)
		problems = append(problems, probs...)
		portals = append(portals, p)
	}
	return portals, problems
}

// surveyParseCSV reads the CSV form: a header naming the columns (url, unit, profile, ca, in any
// order), then one portal per line.
func surveyParseCSV(data []byte, base, lang string) ([]surveyPortal, []string) {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(data))
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		r.Comma = ';' // spreadsheets in a Vietnamese locale separate fields with semicolons
	}
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err != nil {
		return nil, []string{mInputHeader.Render(lang, err)}
	}
	col := map[string]int{}
	var problems []string
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		switch h {
		case "url", "unit", "level", "profile", "ca", "report":
			if _, dup := col[h]; dup {
				problems = append(problems, mInputColumnTwice.Render(lang, h))
			}
			col[h] = i
		default:
			problems = append(problems, mInputColumnUnknown.Render(lang, h))
		}
	}
	for _, need := range []string{"url", "unit"} {
		if _, ok := col[need]; !ok {
			problems = append(problems, mInputColumnMissing.Render(lang, need))
		}
	}
	if len(problems) > 0 {
		return nil, problems
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var portals []surveyPortal
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				problems = append(problems, mInputLine.Render(lang, pe.Line)+": "+pe.Err.Error())
				if errors.Is(pe.Err, csv.ErrBareQuote) || errors.Is(pe.Err, csv.ErrQuote) {
					continue
				}
			} else {
				problems = append(problems, err.Error())
			}
			break
		}
		line, _ := r.FieldPos(0)
		where := mInputLine.Render(lang, line)
		if len(rec) != len(header) {
			problems = append(problems, mInputFields.Render(lang, where, len(rec), len(header)))
			continue
		}
		var prof json.RawMessage
		if v := get(rec, "profile"); v != "" {
			if strings.HasPrefix(v, "{") {
				prof = json.RawMessage(v)
			} else {
				prof, _ = json.Marshal(v)
			}
		}
		p, probs := surveyEntry(where, get(rec, "url"), get(rec, "unit"), get(rec, "level"), prof, get(rec, "ca"), get(rec, "report"), base, lang)
		problems = append(problems, probs...)
		portals = append(portals, p)
	}
	return portals, problems
}

// surveyEntry checks one portal: its URL, unit, profile (a file or the profile itself) and CA,
// or the report it brings.
func surveyEntry(where, rawURL, unit, level string, profile json.RawMessage, ca, reportPath, base, lang string) (surveyPortal, []string) {
	unit = strings.Join(strings.Fields(unit), " ")
	p := surveyPortal{where: where, url: strings.TrimSpace(rawURL), unit: unit}
	label := where
	if unit != "" {
		label = fmt.Sprintf("%s (%s)", where, unit)
	}
	var problems []string
	bad := func(field, why string) {
		problems = append(problems, label+": "+field+": "+why)
	}
	if unit == "" {
		bad("unit", mEntryNoUnit.Render(lang))
	}
	if lv, err := surveyLevel(level, lang); err != nil {
		bad("level", err.Error())
	} else {
		p.level = lv
	}
	if reportPath != "" {
		r, err := surveyReadReport(surveyPath(base, reportPath), lang)
		switch {
		case err != nil:
			bad("report", err.Error())
		case p.url == "":
			p.url = r.Target
		case surveyURLKey(p.url) != surveyURLKey(r.Target):
			bad("report", mEntryOtherReport.Render(lang, reportPath, r.Target, p.url))
		}
		p.stored, p.storedPath = r, reportPath
		if len(bytes.TrimSpace(profile)) > 0 || ca != "" {
			bad("report", mEntryReportAndProfile.Render(lang))
		}
	}
	switch u, err := url.Parse(p.url); {
	case p.url == "":
		bad("url", mEntryNoURL.Render(lang))
	case err != nil:
		bad("url", mEntryNotURL.Render(lang, p.url, err))
	case u.Scheme != "http" && u.Scheme != "https" || u.Host == "":
		bad("url", mNotAbsURL.Render(lang, p.url))
	case u.User != nil:
		bad("url", mEntryCredentials.Render(lang, p.url))
	}
	if len(bytes.TrimSpace(profile)) > 0 && string(bytes.TrimSpace(profile)) != "null" {
		prof, err := surveyProfile(profile, base, lang)
		if err != nil {
			bad("profile", err.Error())
		}
		p.profile = prof
	}
	if ca != "" {
		pemBytes, err := surveyReadPEM(surveyPath(base, ca), lang)
		if err != nil {
			bad("ca", err.Error())
		}
		p.caPEM = pemBytes
	}
	return p, problems
}

// surveyProfile reads a profile given as a file name (a JSON string) or inline (an object),
// validated against the published profile schema.
func surveyProfile(raw json.RawMessage, base, lang string) (*harness.Profile, error) {
	var path string
	if json.Unmarshal(raw, &path) == nil {
		b, err := surveyReadFile(surveyPath(base, path), lang)
		if err != nil {
			return nil, err
		}
		return decodeProfile(b, path)
	}
	return decodeProfile(raw, "")
}

// surveyReadReport reads a stored report, validated against the published report schema.
func surveyReadReport(path, lang string) (*scoring.Report, error) {
	b, err := surveyReadFile(path, lang)
	if err != nil {
		return nil, err
	}
	r, err := report.ReadJSON(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}

// surveyPath resolves a path of the input file against the file's directory.
func surveyPath(base, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(base, p)
}

// surveyReadPEM reads a PEM file that must hold at least one certificate.
func surveyReadPEM(path, lang string) ([]byte, error) {
	b, err := surveyReadFile(path, lang)
	if err != nil {
		return nil, err
	}
	if !x509.NewCertPool().AppendCertsFromPEM(b) {
		return nil, errors.New(mNoPEM.Render(lang, path))
	}
	return b, nil
}

// surveyMaxFile bounds the profile and CA files a portals file names.
const surveyMaxFile = 4 << 20

// surveyReadFile reads a regular file of at most surveyMaxFile bytes (a path to a device or a
// FIFO would never end).
func surveyReadFile(path, lang string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, errors.New(mNotRegular.Render(lang, path))
	}
	return readAtMost(f, path, surveyMaxFile, lang)
}

// surveyDuplicates lists portals that repeat an earlier URL (compared without case in the scheme
// and host, and without a trailing slash) or unit.
func surveyDuplicates(portals []surveyPortal, lang string) []string {
	var problems []string
	urls, units := map[string]int{}, map[string]int{}
	for i, p := range portals {
		if p.url != "" {
			k := surveyURLKey(p.url)
			if j, ok := urls[k]; ok {
				problems = append(problems, mDupURL.Render(lang, p.where, p.unit, p.url, portals[j].where, portals[j].unit))
			} else {
				urls[k] = i
			}
		}
		if p.unit != "" {
			k := strings.ToLower(p.unit)
			if j, ok := units[k]; ok {
				problems = append(problems, mDupUnit.Render(lang, p.where, p.unit, portals[j].where, portals[j].url))
			} else {
				units[k] = i
			}
		}
	}
	return problems
}

func surveyURLKey(raw string) string {
	// Reports carry the target redacted (credentials and secret parameters masked): compare the
	// unit's URL in that form.
	u, err := url.Parse(redact.URL(raw))
	if err != nil {
		return raw
	}
	u.Scheme, u.Host = strings.ToLower(u.Scheme), strings.ToLower(u.Host)
	u.Path = strings.TrimSuffix(u.Path, "/")
	u.Fragment = ""
	return u.String()
}

// surveyAssess assesses the portals, o.parallel at once, and returns their entries in input
// order, and how many could not be assessed at all (harness failure or interruption).
func surveyAssess(ctx context.Context, portals []surveyPortal, o surveyOpts, stderr io.Writer) ([]report.SurveyEntry, int) {
	entries := make([]report.SurveyEntry, len(portals))
	names := surveyReportNames(portals)
	var mu sync.Mutex
	done, started, broken := 0, 0, 0
	// Progress as scan gives it: a line when a portal starts and when it is done, and on a
	// terminal a live counter of the checks done in between.
	live := newLiveProgress(stderr, len(portals), o.lang)
	live.cmd = "p06 survey"
	if !o.quiet && live.terminal { // plain logs get the start and done lines only
		o.observe = liveObserver(&mu, live)
	}
	bounded.Each(len(portals), o.parallel, func(i int) {
		p := portals[i]
		start := time.Now()
		if !o.quiet && p.stored == nil {
			mu.Lock()
			started++
			live.clear()
			fmt.Fprintln(stderr, redact.Text(surveyStarted(p, started, len(portals), o.lang)))
			mu.Unlock()
		}
		e, hard := surveyOne(ctx, p, o)
		hard = surveyRescore(&e, p, o) || hard
		var werr error
		if o.reports != "" && e.Report != nil {
			path := filepath.Join(o.reports, names[i])
			werr = report.AtomicWrite(path, func(w io.Writer) error { return report.WriteJSON(w, e.Report) })
			if werr == nil {
				e.ReportFile = names[i]
			}
		}
		entries[i] = e
		mu.Lock()
		defer mu.Unlock()
		done++
		if hard {
			broken++
		}
		live.clear()
		live.portalDone()
		if !o.quiet {
			fmt.Fprintf(stderr, "[%d/%d] %s\n", done, len(portals), redact.Text(surveyProgress(p, e, time.Since(start), o.lang)))
		} else if hard {
			// --quiet hides progress, never why the survey is incomplete.
			fmt.Fprintln(stderr, redact.Text("p06 survey: "+surveyProgress(p, e, time.Since(start), o.lang)))
		}
		if werr != nil {
			fmt.Fprintln(stderr, redact.Text(fmt.Sprintf("p06 survey: %s: --reports: %s", p.unit, errText(o.lang, werr))))
			broken++
		}
	})
	live.clear()
	return entries, broken
}

// surveyOne assesses one portal. hard is true when no assessment could run at all (the entry
// then holds a report whose every finding is an error, so that the portal still counts).
func surveyOne(ctx context.Context, p surveyPortal, o surveyOpts) (report.SurveyEntry, bool) {
	if p.stored != nil {
		return report.SurveyEntry{Unit: p.unit, Report: p.stored}, false
	}
	pctx, cancel := context.WithTimeout(ctx, o.timeout)
	defer cancel()
	a := assessment{cat: o.cat, lang: o.lang, requestTimeout: o.requestTimeout, grading: o.grading, active: o.active, deep: o.deep,
		profile: p.profile, observe: o.observe}
	if len(o.caPEM) > 0 || len(p.caPEM) > 0 {
		a.roots, _ = rootsWith(o.caPEM, p.caPEM) // both checked when read
	}
	r, err := a.run(pctx, p.url)
	// A home page that could not be read (untrusted certificate, garbage, limits) leaves the
	// portal unassessed as surely as one that never answered: counted apart, never graded.
	e := report.SurveyEntry{Unit: p.unit, Report: r, Err: err, Unreachable: errors.Is(err, harness.ErrUnreachable),
		Unreadable: errors.Is(err, harness.ErrUnreadable)}
	switch {
	case r == nil:
		if err == nil {
			err = errors.New(mSurveyNoReport.Render(o.lang))
		}
		e.Err = err
		e.Report = surveyErrorReport(o, p.url, err)
		return e, true
	case err == nil && ctx.Err() != nil:
		e.Err = fmt.Errorf(mSurveyInterrupted.Format(o.lang), ctx.Err())
		return e, true
	case err == nil && pctx.Err() != nil:
		e.Err = errors.New(mSurveyTimeout.Render(o.lang, o.timeout))
	}
	return e, false
}

// surveyErrorReport scores a portal whose assessment could not run: every criterion an error.
func surveyErrorReport(o surveyOpts, target string, cause error) *scoring.Report {
	in := scoring.Findings{Catalogue: o.cat.ID, Target: target}
	for _, c := range o.cat.Criteria {
		in.Findings = append(in.Findings, scoring.Finding{Criterion: c.ID, Group: c.Group, Status: scoring.Error,
			Message: "the assessment could not run: " + cause.Error()})
	}
	r, err := scoring.Score(o.cat, in, scoring.Config{Bands: o.grading})
	if err != nil { // cannot happen: every finding names a criterion of the catalogue once
		r = &scoring.Report{ScoringModel: scoring.Model, Catalogue: scoring.CatalogueRef{ID: o.cat.ID, Version: o.cat.Version}, Target: target}
	}
	return r
}

// surveyProgress is the line of progress of a portal done, in lang: "UBND tỉnh X: 54.3% (33/61
// tiêu chí bắt buộc đạt), điểm 49.6, Yếu (1.2s)"; a portal not reached or unreadable has no
// grade and says why.
func surveyProgress(p surveyPortal, e report.SurveyEntry, d time.Duration, lang string) string {
	r := e.Report
	c := r.Scores.Compliance
	grade := scoring.GradeLabel(r.Scores, lang)
	if e.Unreachable || e.Unreadable {
		grade = "—"
	}
	line := mSurveyDone.Render(lang, p.unit, 100*c.Rate, c.Met, c.Applicable, r.Scores.Overall, grade, d.Seconds())
	switch {
	case p.stored != nil:
		line += mSurveyStored.Render(lang, p.storedPath)
	case e.Unreadable:
		line += mSurveyUnreadable.Render(lang, e.Err)
	case e.Unreachable:
		line += mSurveyNotReached.Render(lang, e.Err)
	case e.Err != nil:
		line += " — " + e.Err.Error()
	}
	return line
}

// surveyStarted is the line of progress of a portal whose assessment starts.
func surveyStarted(p surveyPortal, started, total int, lang string) string {
	return mSurveyStarted.Render(lang, started, total, p.unit, p.url)
}

// surveyReportNames gives each portal a file name for --reports: the unit written in ASCII
// ("UBND tỉnh Hà Giang" → "ubnd-tinh-ha-giang.json"), with a short hash of the unit's name when
// two units fold to the same ("UBND A!" and "UBND A?"), so that no report overwrites another.
func surveyReportNames(portals []surveyPortal) []string {
	units := make([]string, len(portals))
	for i, p := range portals {
		units[i] = p.unit
	}
	return uniqueNames(units, func(unit string) string {
		if slug := surveySlug(unit); slug != "" {
			return slug
		}
		return "portal"
	}, ".json")
}

// surveySlug folds Vietnamese letters to ASCII and everything else to dashes.
func surveySlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if f, ok := surveyFold[r]; ok {
			r = f
		}
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if len(out) > 80 {
		out = strings.TrimSuffix(out[:80], "-")
	}
	return out
}

var surveyFold = func() map[rune]rune {
	m := map[rune]rune{'đ': 'd'}
	for base, letters := range map[rune]string{
		'a': "àáảãạăằắẳẵặâầấẩẫậ", 'e': "èéẻẽẹêềếểễệ", 'i': "ìíỉĩị", 'o': "òóỏõọôồốổỗộơờớởỡợ",
		'u': "ùúủũụưừứửữự", 'y': "ỳýỷỹỵ",
	} {
		for _, r := range letters {
			m[r] = base
		}
	}
	return m
}()
