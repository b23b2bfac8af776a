package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/render"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/internal/bounded"
	"github.com/p06kit/p06kit/internal/redact"
	"github.com/p06kit/p06kit/internal/safefile"
	"github.com/p06kit/p06kit/scoring"
)

// scanOpts are the parsed flags of p06 scan.
type scanOpts struct {
	format       report.Format
	out          string
	lang         string
	only         []string
	parallel     int
	connsPerHost int
	portals      int
	timeout      time.Duration
	checkTimeout time.Duration
	deadline     time.Duration
	active       bool
	deep         bool
	strict       bool
	quiet        bool
	// observe is called with each check's finding as it completes (progress), or nil.
	observe  func(scoring.Finding)
	evidence string
	waivers  string
	profile  *harness.Profile
	cat      *criteria.Catalogue
	grading  *scoring.Bands
	allow    []string
	roots    *x509.CertPool
	names    map[string]string // the report file of each URL in the --out directory
	renderer harness.Renderer  // --render: pages rendered in headless Chromium
}

func runScan(args []string, stdout, stderr io.Writer) int {
	fs := cliFlagSet("p06 scan", mScanSynopsis, mScanAbout, stderr)
	format := fs.String("format", "", flagDoc(mScanFlagFormat))
	out := fs.String("out", "", flagDoc(mScanFlagOut))
	profile := fs.String("profile", "", flagDoc(mScanFlagProfile))
	ca := fs.String("ca", "", flagDoc(mScanFlagCA))
	only := fs.String("only", "", flagDoc(mScanFlagOnly))
	lang := fs.String("lang", "vi", flagDoc(mFlagLangDoc))
	parallel := fs.Int("parallel", harness.DefaultParallel, flagDoc(mScanFlagParallel))
	connsPerHost := fs.Int("conns-per-host", check.DefaultMaxConnsPerHost, flagDoc(mScanFlagConns))
	portals := fs.Int("portals", 4, flagDoc(mScanFlagPortals))
	timeout := fs.Duration("timeout", 10*time.Second, flagDoc(mFlagReqTimeout))
	checkTimeout := fs.Duration("check-timeout", harness.DefaultCheckTimeout, flagDoc(mScanFlagCheckTimeout))
	deadline := fs.Duration("deadline", 0, flagDoc(mScanFlagDeadline))
	active := fs.Bool("active", false, flagDoc(mScanFlagActive))
	deep := fs.Bool("deep", false, flagDoc(mScanFlagDeep))
	strict := fs.Bool("strict", false, flagDoc(mScanFlagStrict))
	quiet := fs.Bool("quiet", false, flagDoc(mFlagQuiet))
	evidence := fs.String("evidence", "", flagDoc(mScanFlagEvidence))
	waivers := fs.String("waivers", "", flagDoc(mScanFlagWaivers))
	catRef := fs.String("catalogue", criteria.P06TechnicalID, flagDoc(mFlagCatalogueDoc))
	grading := fs.String("grading", "qd766", flagDoc(mFlagGradingDoc))
	renderFlag := fs.Bool("render", false, flagDoc(mScanFlagRender))
	chromium := fs.String("chromium", "", flagDoc(mScanFlagChromium))
	allow := fs.String("allow-host", "", flagDoc(mScanFlagAllow))
	urls, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitCantRun
	}
	fail := func(m msg.Text, a ...any) int {
		// Messages may quote the URLs given (credentials, tokens): masked like every output.
		fmt.Fprintln(stderr, redact.Text("p06 scan: "+m.Render(*lang, inLang(a)...)))
		return exitCantRun
	}
	if len(urls) == 0 {
		return fail(mNoURL, mScanSynopsis.Render(*lang))
	}
	o := scanOpts{out: *out, lang: *lang, parallel: *parallel, connsPerHost: *connsPerHost, portals: *portals, timeout: *timeout,
		checkTimeout: *checkTimeout, deadline: *deadline, active: *active, deep: *deep, strict: *strict, quiet: *quiet,
		evidence: *evidence, waivers: *waivers}
	if *format == "" {
		*format = "json"
		if *out == "" && isTerminal(stdout) {
			*format = "text"
		}
	}
	if o.format, err = report.ParseFormat(*format); err != nil {
		return fail(mFlagErr, "--format", err)
	}
	if o.lang != "vi" && o.lang != "en" {
		return fail(mFlagLang, o.lang)
	}
	if o.portals < 1 {
		return fail(mFlagAtLeast1, "--portals", o.portals)
	}
	if *only != "" {
		o.only = splitScanList(*only)
	}
	if *allow != "" {
		o.allow = splitScanList(*allow)
	}
	if b, ok := scoring.BandsByID(*grading); ok {
		o.grading = &b
	} else {
		return fail(mFlagGrading, *grading)
	}
	if o.cat, err = catalogueFromRef(*catRef, *lang); err != nil {
		return fail(mFlagErr, "--catalogue", err)
	}
	if lines := unknownOnly(o.cat, o.only, *lang); len(lines) > 0 {
		for _, l := range lines {
			fmt.Fprintln(stderr, redact.Text("p06 scan: "+l))
		}
		return exitCantRun
	}
	if *profile != "" {
		if o.profile, err = readProfile(*profile); err != nil {
			return fail(mFlagErr, "--profile", err)
		}
	}
	if *ca != "" {
		if o.roots, err = readRoots(*ca, *lang); err != nil {
			return fail(mFlagErr, "--ca", err)
		}
	}
	for _, u := range urls {
		if pu, err := url.Parse(u); err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
			return fail(mNotAbsURL, u)
		}
	}
	several := len(urls) > 1
	if several && o.out == "" && o.format != report.JSON && o.format != report.Markdown && o.format != report.Text {
		return fail(mSeveralNeedOut, o.format)
	}
	if several && o.out != "" {
		if err := os.MkdirAll(o.out, 0o755); err != nil {
			return fail(mFlagErr, "--out", err)
		}
		o.names = reportNames(urls, o.format)
		if err := safefile.CheckWritable(filepath.Join(o.out, o.names[urls[0]])); err != nil {
			return fail(mFlagErr, "--out", err)
		}
	}
	// No file lost: an --out that is an input file is refused, and one that cannot be written
	// is found before the scan rather than after it.
	if o.out != "" && !several {
		if err := checkOutput(o.out, *profile, *ca, o.evidence, o.waivers, *catRef); err != nil {
			return fail(mFlagErr, "--out", err)
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if *renderFlag {
		r, err := render.New(ctx, render.Options{Path: *chromium, PageTimeout: max(30*time.Second, 3*o.timeout),
			// The portal's certificate was verified by the scan against --ca; Chromium does not read it.
			IgnoreCertErrors: o.roots != nil})
		if err != nil {
			return fail(mFlagErr, "--render", err)
		}
		defer r.Close()
		o.renderer = r
	}
	return scanAll(ctx, urls, o, stdout, stderr)
}

// scanAll scans the portals with bounded parallelism and returns the exit code. Each report is
// written as soon as its portal is done (in completion order when several go to stdout), so
// that memory does not grow with the number of portals.
func scanAll(ctx context.Context, urls []string, o scanOpts, stdout, stderr io.Writer) int {
	var mu sync.Mutex // serialises stderr progress, stdout reports and the exit code
	done, code := 0, exitOK
	several := len(urls) > 1
	live := newLiveProgress(stderr, len(urls), o.lang)
	if !o.quiet {
		o.observe = liveObserver(&mu, live)
	}
	bounded.Each(len(urls), o.portals, func(i int) {
		u := urls[i]
		start := time.Now()
		r, err := scanOne(ctx, u, o)
		d := time.Since(start)
		mu.Lock()
		defer mu.Unlock()
		done++
		c := exitOK
		var werr error
		if r != nil {
			werr = emit(u, r, o, several, stdout)
		}
		switch {
		case r == nil:
			c = exitCantRun
		case werr != nil:
			fmt.Fprintln(stderr, redact.Text(fmt.Sprintf("p06 scan: %s: %s", redact.URL(u), errText(o.lang, werr))))
			c = exitCantRun
		case err != nil:
			// unreachable or unreadable: the report is written, but the portal could not be
			// assessed; the progress line says why and what would help (--ca).
			c = exitCantRun
		case ctx.Err() != nil:
			c = exitCantRun // interrupted: the report is written with the checks cut short
		default:
			c = verdict(r, o)
		}
		if c == exitCantRun || (c == exitNotMet && code == exitOK) {
			code = c
		}
		live.clear()
		live.portalDone()
		switch {
		case !o.quiet && (several || err != nil):
			fmt.Fprintf(stderr, "[%d/%d] %s\n", done, len(urls), scanProgress(u, r, err, d, o))
		case !o.quiet:
			fmt.Fprintln(stderr, scanProgress(u, r, nil, d, o))
		case c == exitCantRun && werr == nil:
			// --quiet hides progress, never why the run failed.
			why := err
			if why == nil {
				why = ctx.Err()
			}
			fmt.Fprintln(stderr, redact.Text(fmt.Sprintf("p06 scan: %s: %s", redact.URL(u), errText(o.lang, why))))
		}
	})
	live.clear()
	return code
}

// liveObserver counts each check's finding on live, holding mu (the lock of the run's stderr).
func liveObserver(mu *sync.Mutex, live *liveProgress) func(scoring.Finding) {
	return func(f scoring.Finding) {
		mu.Lock()
		defer mu.Unlock()
		live.check(f)
	}
}

// scanOne assesses one portal.
func scanOne(ctx context.Context, u string, o scanOpts) (*scoring.Report, error) {
	if o.deadline > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.deadline)
		defer cancel()
	}
	a := assessment{cat: o.cat, lang: o.lang, requestTimeout: o.timeout, grading: o.grading, active: o.active, deep: o.deep,
		roots: o.roots, profile: o.profile, renderer: o.renderer, observe: o.observe}
	a.extra = []harness.Option{harness.CheckTimeout(o.checkTimeout),
		harness.Parallel(o.parallel), harness.MaxConnsPerHost(o.connsPerHost)} // < 1 is rejected with a clear message
	if len(o.only) > 0 {
		a.extra = append(a.extra, harness.Only(o.only...))
	}
	if o.evidence != "" {
		a.extra = append(a.extra, harness.EvidenceFile(o.evidence))
	}
	if o.waivers != "" {
		a.extra = append(a.extra, harness.WaiverFile(o.waivers))
	}
	if len(o.allow) > 0 {
		a.extra = append(a.extra, harness.AllowHosts(o.allow...))
	}
	return a.run(ctx, u)
}

// assessment is how p06 scan and p06 survey assess one portal: the settings both take from
// their flags, and the options only one of them sets.
type assessment struct {
	cat            *criteria.Catalogue
	lang           string
	requestTimeout time.Duration
	grading        *scoring.Bands
	active, deep   bool
	roots          *x509.CertPool // nil: the system's
	profile        *harness.Profile
	renderer       harness.Renderer
	observe        func(scoring.Finding) // each check's finding as it completes, or nil
	extra          []harness.Option
}

// run assesses the portal at u, over a transport of its own, and stamps the report as this p06's.
func (a assessment) run(ctx context.Context, u string) (*scoring.Report, error) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	if a.roots != nil {
		tr.TLSClientConfig = &tls.Config{RootCAs: a.roots, MinVersion: tls.VersionTLS10}
	}
	// The harness dials with its own net.Dialer, which refuses link-local and metadata
	// addresses before connecting (a clone's default dialer would be checked only once
	// connected).
	tr.DialContext = nil
	defer tr.CloseIdleConnections()
	target := harness.Target{BaseURL: u, Client: &http.Client{Transport: tr}, Profile: a.profile, Renderer: a.renderer}
	opts := []harness.Option{harness.Catalogue(a.cat), harness.Lang(a.lang), harness.RequestTimeout(a.requestTimeout),
		harness.Grading(*a.grading)}
	if a.active {
		opts = append(opts, harness.Active())
	}
	if a.deep {
		opts = append(opts, harness.Deep())
	}
	if a.observe != nil {
		opts = append(opts, harness.Observe(a.observe))
	}
	r, err := harness.Check(ctx, target, append(opts, a.extra...)...)
	stampTool(r)
	return r, err
}

// stampTool records in r that this p06 made it.
func stampTool(r *scoring.Report) {
	if r != nil && r.Tool == nil {
		r.Tool = &scoring.Tool{Name: "p06kit", Version: version()}
	}
}

// emit writes one portal's report where the flags say.
func emit(u string, r *scoring.Report, o scanOpts, several bool, stdout io.Writer) error {
	opt := report.Options{Lang: o.lang, Catalogue: o.cat, Version: version()}
	switch {
	case o.out != "" && several:
		return report.WriteFile(filepath.Join(o.out, o.names[u]), o.format, r, opt)
	case o.out != "":
		return report.WriteFile(o.out, o.format, r, opt)
	case several && o.format == report.JSON:
		// JSON Lines: one compact report per line, each valid against the report schema.
		var b bytes.Buffer
		if err := report.WriteJSON(&b, r); err != nil {
			return err
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, b.Bytes()); err != nil {
			return err
		}
		compact.WriteByte('\n')
		_, err := stdout.Write(compact.Bytes())
		return err
	}
	return report.Write(stdout, o.format, r, opt)
}

// reportNames gives each portal's report a file name in an --out directory: its host (and
// port) and path, made safe for file systems, with a short hash of the whole URL when two URLs
// give the same name (/p1/x and /p1_x, ?a=1 and ?a=2, http and https of one host).
func reportNames(urls []string, f report.Format) map[string]string {
	ext := map[report.Format]string{report.JSON: "json", report.JUnit: "xml", report.SARIF: "sarif", report.Markdown: "md", report.HTML: "html", report.Text: "txt"}[f]
	names := uniqueNames(urls, func(u string) string {
		pu, _ := url.Parse(u)
		name := pu.Host + strings.TrimSuffix(pu.Path, "/")
		return strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
				return r
			}
			return '_'
		}, name)
	}, "."+ext)
	m := make(map[string]string, len(urls))
	for i, u := range urls {
		m[u] = names[i]
	}
	return m
}

// verdict is the exit code of one report: 1 when a mandatory criterion failed or errored (or,
// with --strict, was not tested), else 0.
func verdict(r *scoring.Report, o scanOpts) int {
	sel := selectedSet(r)
	for _, f := range r.Findings {
		c, ok := o.cat.Criterion(f.Criterion)
		if !ok || c.Level != criteria.Mandatory || (sel != nil && !sel[f.Criterion]) {
			continue
		}
		if f.Status == scoring.Fail || f.Status == scoring.Error || (o.strict && f.Status == scoring.NotTested) {
			return exitNotMet
		}
	}
	return exitOK
}

func scanProgress(u string, r *scoring.Report, err error, d time.Duration, o scanOpts) string {
	return redact.Text(scanProgressLine(redact.URL(u), r, err, d, o))
}

func scanProgressLine(u string, r *scoring.Report, err error, d time.Duration, o scanOpts) string {
	if r == nil {
		return u + ": " + errText(o.lang, err)
	}
	n := map[scoring.Status]int{}
	for _, f := range r.Findings {
		n[f.Status]++
	}
	cov := r.Coverage
	if cov == nil {
		cov = scoring.CoverageOf(r.Findings)
	}
	pass := n[scoring.Pass] + n[scoring.Attested]
	var line string
	switch {
	case r.Partial != nil:
		met, applicable := partialCompliance(r, o.cat)
		// The criteria left out weigh in the report's score: a partial run shows neither a score
		// nor a grade, only the selected criteria's results.
		line = mScanPartial.Render(o.lang, u, len(r.Partial.Criteria), strings.Join(r.Partial.Selected, ","), met, applicable,
			pass, n[scoring.Fail], n[scoring.Error], n[scoring.NotTested]-(len(r.Findings)-len(r.Partial.Criteria)), d.Seconds())
	case r.Scores.Unscored():
		// Nothing that scores was assessed: a score of 0.0 and a grade would rest on no verdict.
		line = mScanUnscored.Render(o.lang, u, cov.Assessed, cov.Total, pass, n[scoring.Fail], n[scoring.Error], n[scoring.NotTested], d.Seconds())
	default:
		line = mScanDone.Render(o.lang, u, r.Scores.Overall, scoring.GradeLabel(r.Scores, o.lang), r.Scores.Compliance.Met, r.Scores.Compliance.Applicable,
			cov.Assessed, cov.Total, pass, n[scoring.Fail], n[scoring.Error], n[scoring.NotTested], d.Seconds())
	}
	if err != nil {
		line += ": " + errText(o.lang, err)
	}
	return line
}

// selectedSet returns the criteria a partial report's run selected, or nil for a whole run.
func selectedSet(r *scoring.Report) map[string]bool {
	if r.Partial == nil {
		return nil
	}
	sel := make(map[string]bool, len(r.Partial.Criteria))
	for _, id := range r.Partial.Criteria {
		sel[id] = true
	}
	return sel
}

// partialCompliance counts, among the criteria a partial run selected, the mandatory ones met
// and those that count (as scoring counts them: not not_applicable, not waived).
func partialCompliance(r *scoring.Report, cat *criteria.Catalogue) (met, applicable int) {
	return report.PartialCompliance(r, cat)
}

func splitScanList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// readProfile reads a portal profile, validated against its published schema.
func readProfile(path string) (*harness.Profile, error) {
	b, err := safefile.ReadFile(path, maxConfigBytes)
	if err != nil {
		return nil, err
	}
	return decodeProfile(b, path)
}

// decodeProfile reads a profile's JSON, validated against the published profile schema; its
// errors name the file, when the profile comes from one.
func decodeProfile(b []byte, file string) (*harness.Profile, error) {
	err := report.Validate(report.ProfileSchemaName, b)
	var p harness.Profile
	if err == nil {
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		err = dec.Decode(&p)
	}
	switch {
	case err != nil && file != "":
		return nil, fmt.Errorf("%s: %w", file, err)
	case err != nil:
		return nil, err
	}
	return &p, nil
}

// readRoots returns the system roots plus the PEM certificates of path.
func readRoots(path, lang string) (*x509.CertPool, error) {
	b, err := safefile.ReadFile(path, maxCABytes)
	if err != nil {
		return nil, err
	}
	pool, ok := rootsWith(b)
	if !ok {
		return nil, errors.New(mNoPEM.Render(lang, path))
	}
	return pool, nil
}

// rootsWith returns the system roots plus the certificates of each PEM; ok is false when one
// of them holds none.
func rootsWith(pems ...[]byte) (pool *x509.CertPool, ok bool) {
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	ok = true
	for _, b := range pems {
		ok = pool.AppendCertsFromPEM(b) && ok
	}
	return pool, ok
}

// checkOutput refuses an output file that is one of the inputs, or that cannot be written, so
// that no file is lost and a long run is not lost at its end.
func checkOutput(out string, inputs ...string) error {
	if err := safefile.Refuse(out, inputs...); err != nil {
		return err
	}
	return safefile.CheckWritable(out)
}

// version is the module version of the binary, for report footers.
