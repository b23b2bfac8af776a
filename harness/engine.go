package harness

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/adapterinfo"
	"github.com/p06kit/p06kit/harness/internal/ledger"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/bounded"
	"github.com/p06kit/p06kit/internal/textx"
	"github.com/p06kit/p06kit/scoring"
)

// ErrUnreachable is wrapped by the error Check returns when the target could not be reached at
// all (no such host, connection refused, no route, connection not opened in time). The report
// is still returned, with every check's finding an error that says why.
var ErrUnreachable = check.ErrUnreachable

// Check assesses target and returns the report. err is only for harness or configuration
// failures and for a target that cannot be reached (wrapping ErrUnreachable, with the report);
// non-compliance is data in the report. A run cut short by ctx returns its report with the
// findings that could not be made as errors ("run cancelled …") and a nil error: callers that
// need to know check ctx.Err().
//
// Check is safe for concurrent use: each call is an independent run with its own session.
func Check(ctx context.Context, target Target, opts ...Option) (*scoring.Report, error) {
	cfg, err := newConfig(target, opts)
	if err != nil {
		return nil, err
	}
	e, err := newEngine(ctx, target, cfg)
	if err != nil {
		return nil, err
	}
	defer e.close()
	e.start(func(int) bool { return true })
	findings := make([]scoring.Finding, len(e.items))
	for i := range e.items {
		findings[i] = e.wait(ctx, i)
	}
	return e.finish(ctx, findings)
}

// item is one criterion of the catalogue in a run: either a check to run or a finding decided
// without one (skipped, not selected, attested, computed, no check built, active disabled).
type item struct {
	cr    *criteria.Criterion
	check *check.Check
	fixed *scoring.Finding
	// deselected: the Only options leave the criterion out; go test shows no subtest for it.
	deselected bool
}

// future is the finding of one item, delivered once.
type future struct {
	once sync.Once
	done chan struct{}
	f    scoring.Finding
}

func (fu *future) set(f scoring.Finding) bool {
	set := false
	fu.once.Do(func() { fu.f, set = f, true; close(fu.done) })
	return set
}

// engine runs the checks of one target.
type engine struct {
	cfg     *config
	target  Target
	sess    *check.Session
	items   []item
	futures []*future
	started time.Time // by the run's clock: StartedAt and the day waivers are judged on
	t0      time.Time // by the monotonic clock: DurationMS
	ctx     context.Context
	cancel  context.CancelFunc

	mu        sync.Mutex
	scheduled []bool

	preOnce sync.Once
	unreach error // set by preflight when the target cannot be reached
	// upgradedFrom is the http:// URL the caller gave when preflight found it redirects to
	// HTTPS and the run assesses the HTTPS portal instead (e.target); prev holds the sessions
	// replaced, closed with the run.
	upgradedFrom string
	prev         []*check.Session
	home         error // set by preflight when the target answers but its home page cannot be read

	observeMu sync.Mutex

	adapterOnce sync.Once
	adapterWarn []string

	targetsMu sync.Mutex
	targets   map[string]scoring.Target // measured by checks, by target ID
	shells    map[string]*scoring.Shell // pages not seen drawn, by URL (under targetsMu)
}

// noteShells records the shells the check of criterion id read, for the report's list.
func (e *engine) noteShells(id string, shells []ledger.Shell) {
	if len(shells) == 0 {
		return
	}
	e.targetsMu.Lock()
	defer e.targetsMu.Unlock()
	if e.shells == nil {
		e.shells = map[string]*scoring.Shell{}
	}
	for _, sh := range shells {
		s := e.shells[sh.URL]
		if s == nil {
			s = &scoring.Shell{URL: sh.URL, Reason: sh.Why.Render(msg.EN), ReasonVI: sh.Why.Render(msg.VI)}
			e.shells[sh.URL] = s
		}
		if !slices.Contains(s.Criteria, id) {
			s.Criteria = append(s.Criteria, id)
		}
	}
}

func newEngine(ctx context.Context, target Target, cfg *config) (*engine, error) {
	e := &engine{cfg: cfg, target: target, started: cfg.now(), t0: time.Now()}
	e.ctx, e.cancel = context.WithCancel(ctx)
	sess, err := probe.NewRunSession(e.ctx, target, cfg.Config)
	if err != nil {
		e.cancel()
		return nil, msg.Error(mErrHarness, err)
	}
	e.sess = sess
	atts, err := loadAttestations(cfg.evidence, cfg.cat)
	if err != nil {
		e.close()
		return nil, msg.Error(mErrHarness, err)
	}
	registry := map[string]check.Check{}
	if !cfg.noBuiltin {
		registry = Builtin()
	}
	for _, c := range cfg.checks {
		registry[c.ID] = c
	}
	asOf := e.started.UTC()
	for i := range cfg.cat.Criteria {
		cr := &cfg.cat.Criteria[i]
		it := item{cr: cr}
		fixed := func(st scoring.Status, t msg.Text, args ...any) {
			it.fixed = &scoring.Finding{Criterion: cr.ID, Group: cr.Group, Status: st, Message: t.Render(cfg.Lang, args...), MessageID: t.ID()}
		}
		switch {
		case !cfg.selected(cr):
			it.deselected = true
			fixed(scoring.NotTested, mNotSelected)
		case cfg.skips[cr.ID] != "":
			fixed(scoring.NotTested, mSkipped, cfg.skips[cr.ID])
		case !cr.InForce(asOf):
			fixed(scoring.NotApplicable, mNotInForce, asOf.Format(time.DateOnly))
		case cr.Method == criteria.Attested:
			f := atts.finding(cr, asOf, cfg.Lang)
			it.fixed = &f
		case cr.Method == criteria.Computed:
			fixed(scoring.NotTested, mComputed)
		default:
			c, ok := registry[cr.ID]
			switch {
			case !ok:
				fixed(scoring.NotTested, mNoCheck)
			case c.Active && !cfg.Active:
				fixed(scoring.NotTested, mActiveOnly)
			default:
				it.check = &c
			}
		}
		if it.fixed != nil {
			it.fixed.Message = check.Redact(it.fixed.Message)
		}
		e.items = append(e.items, it)
	}
	e.futures = make([]*future, len(e.items))
	e.scheduled = make([]bool, len(e.items))
	for i, it := range e.items {
		e.futures[i] = &future{done: make(chan struct{})}
		if it.fixed != nil {
			e.futures[i].set(*it.fixed)
			e.scheduled[i] = true
		}
	}
	return e, nil
}

func (e *engine) close() {
	e.cancel()
	e.sess.Close()
	for _, s := range e.prev {
		s.Close()
	}
}

// claim marks item i as scheduled and reports whether the caller got it.
func (e *engine) claim(i int) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.scheduled[i] {
		return false
	}
	e.scheduled[i] = true
	return true
}

// start runs, in the background, the checks of the items want selects: a preflight request to
// the home page first (shared with the checks through the session cache), then the parallel
// checks bounded by the Parallel option, then the exclusive checks one at a time. Items not
// started here are run by wait when asked for.
func (e *engine) start(want func(i int) bool) {
	var parallel, exclusive []int
	for i, it := range e.items {
		if it.fixed != nil || !want(i) || !e.claim(i) {
			continue
		}
		if it.check.Exclusive {
			exclusive = append(exclusive, i)
		} else {
			parallel = append(parallel, i)
		}
	}
	if len(parallel)+len(exclusive) == 0 {
		return
	}
	go func() {
		e.preOnce.Do(e.preflight)
		bounded.Each(len(parallel), e.cfg.checksAtOnce(), func(k int) { e.deliver(parallel[k], e.runItem(parallel[k])) })
		for _, i := range exclusive {
			e.deliver(i, e.runItem(i))
		}
	}()
}

func (e *engine) deliver(i int, f scoring.Finding) {
	// The observer sees the finding before any waiter does, so that a run never returns while
	// its observer is still being called.
	if e.cfg.observe != nil {
		func() {
			e.observeMu.Lock()
			defer e.observeMu.Unlock()
			defer func() { _ = recover() }() // an observer's panic must not break the run
			e.cfg.observe(f)
		}()
	}
	e.futures[i].set(f)
}

// wait returns the finding of item i, running its check in the caller's goroutine if start did
// not schedule it.
func (e *engine) wait(ctx context.Context, i int) scoring.Finding {
	if e.claim(i) {
		e.preOnce.Do(e.preflight)
		e.deliver(i, e.runItem(i))
	}
	select {
	case <-e.futures[i].done:
		return e.futures[i].f
	case <-ctx.Done():
		return e.finding(e.items[i].cr, check.Error(mCancelledPending, ctx.Err()), 0)
	}
}

// preflight reads the home page once before the checks: reachability is decided here, once.
// An unreachable target gives one clear error for every check instead of as many connection
// attempts; a home page that cannot be read (see ErrUnreadable) is recorded so that the run
// reports it, and every check that reads it finds the same failure in its ledger (the fetch is
// shared through the session cache) and is error with that cause. The home page is then in the
// cache when the checks start.
//
// An http:// target is assessed as citizens reach the portal: when its home page redirects to
// HTTPS, the run assesses the HTTPS portal (the redirect's end, on the same host or an allowed
// one) and judges the plain-HTTP address given, through the profile's PlainHTTP, for P06-SEC-02
// (the redirect itself), so that a portal that redirects properly is not assessed as a
// plain-HTTP portal. The report keeps the URL the caller gave.
func (e *engine) preflight() {
	pg, err := e.sess.Page(e.ctx, e.target.BaseURL)
	if err == nil && e.ctx.Err() == nil {
		if to := httpsUpgrade(e.target.BaseURL, pg); to != "" {
			if e.rebase(to) {
				pg, err = e.sess.Page(e.ctx, e.target.BaseURL)
			}
		}
	}
	switch {
	case e.ctx.Err() != nil:
	case errors.Is(err, check.ErrUnreachable):
		e.unreach = err
	case err != nil:
		e.home = err
	case pg.StatusCode >= 400:
		e.home = msg.Error(mHomeAnswered, pg.StatusCode, http.StatusText(pg.StatusCode))
	}
}

// httpsUpgrade returns the HTTPS URL an http:// base URL's home page redirected to, or "".
func httpsUpgrade(base string, pg *check.Page) string {
	b, err := url.Parse(base)
	if err != nil || b.Scheme != "http" || pg == nil || len(pg.Redirects) == 0 || pg.StatusCode >= 400 {
		return ""
	}
	f, err := url.Parse(pg.FinalURL)
	if err != nil || f.Scheme != "https" {
		return ""
	}
	f.RawQuery, f.Fragment = "", ""
	return f.String()
}

// rebase makes the run assess to (the HTTPS portal an http:// target redirected to) with a new
// session, the given plain-HTTP URL becoming the profile's PlainHTTP unless one is configured.
func (e *engine) rebase(to string) bool {
	t := e.target
	t.BaseURL = to
	p := Profile{}
	if t.Profile != nil {
		p = *t.Profile
	}
	if p.PlainHTTP == "" {
		p.PlainHTTP = e.target.BaseURL
	}
	t.Profile = &p
	sess, err := probe.NewRunSession(e.ctx, t, e.cfg.Config)
	if err != nil {
		return false
	}
	e.upgradedFrom, e.target, e.prev = e.target.BaseURL, t, append(e.prev, e.sess)
	e.sess = sess
	return true
}

// runItem runs the check of item i and returns its finding. It never panics and never takes
// much longer than the check timeout.
func (e *engine) runItem(i int) scoring.Finding {
	it := e.items[i]
	start := time.Now()
	if e.unreach != nil {
		return e.finding(it.cr, check.Error(mUnreachable, e.unreach), 0)
	}
	if err := e.ctx.Err(); err != nil {
		return e.finding(it.cr, check.Error(mCancelled, err), 0)
	}
	r, shells := runCheck(e.ctx, e.sess, *it.check, e.cfg.checkTimeout)
	e.noteShells(it.cr.ID, shells)
	if len(r.Targets) > 0 && r.Status != scoring.Error {
		e.targetsMu.Lock()
		if e.targets == nil {
			e.targets = map[string]scoring.Target{}
		}
		for _, t := range r.Targets {
			if t.ID != "" {
				e.targets[t.ID] = t
			}
		}
		e.targetsMu.Unlock()
	}
	return e.finding(it.cr, r, time.Since(start))
}

// runCheck runs c with a deadline. A check that panics gives an error result; a check that
// ignores its context and runs on past the deadline is abandoned (its goroutine is left to
// finish on its own) with an error result.
func runCheck(ctx context.Context, s *check.Session, c check.Check, timeout time.Duration) (check.Result, []ledger.Shell) {
	cctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cctx, ledger := check.WithLedger(cctx)
	res := make(chan check.Result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				res <- check.Error(mPanicked, c.ID, fmt.Sprint(p)).With(panicFrame(debug.Stack()))
			}
		}()
		res <- c.Run(cctx, s)
	}()
	grace := min(max(timeout/10, 50*time.Millisecond), 2*time.Second)
	timer := time.NewTimer(timeout + grace)
	defer timer.Stop()
	select {
	case r := <-res:
		if r.Status == scoring.Error && errors.Is(cctx.Err(), context.DeadlineExceeded) && ctx.Err() == nil {
			over := check.Error(mOverTime, timeout, said(r))
			r.Message, r.MessageVI, r.MsgID, r.Args = over.Message, over.MessageVI, over.MsgID, over.Args
		}
		shells := ledger.Shells()
		return shellEarned(c.ID, earned(r, ledger, cctx.Err(), timeout), shells), shells
	case <-timer.C:
		return check.Error(mAbandoned, timeout), nil
	case <-ctx.Done():
		return check.Error(mCancelledRunning, ctx.Err()), nil
	}
}

// panicFrame returns the frame of a panic's stack where the check panicked, as evidence (with
// no note when the stack does not show it).
func panicFrame(stack []byte) scoring.Evidence {
	lines := strings.Split(string(stack), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") && i+3 < len(lines) {
			return scoring.Evidence{}.Noted(mNotePanicAt, strings.TrimSpace(lines[i+2]), strings.TrimSpace(lines[i+3]))
		}
	}
	return scoring.Evidence{}
}

var validStatus = map[scoring.Status]bool{
	scoring.Pass: true, scoring.Fail: true, scoring.Error: true, scoring.NotApplicable: true, scoring.NotTested: true,
}

// finding turns a check's result into the finding of cr, in the run's language, with every text
// field redacted.
func (e *engine) finding(cr *criteria.Criterion, r check.Result, d time.Duration) scoring.Finding {
	if !validStatus[r.Status] {
		r = check.Error(mInvalidStatus, cr.ID, string(r.Status)).
			With(r.Evidence...)
	}
	msg := r.Message
	if e.cfg.Lang == "vi" && r.MessageVI != "" {
		msg = r.MessageVI
	}
	if e.cfg.Lang == "vi" && r.GotVI != "" {
		r.Got, r.Want = r.GotVI, r.WantVI
	}
	if r.Status == scoring.NotTested {
		msg += e.adapterHint(r.Message)
	}
	f := scoring.Finding{
		Criterion:  cr.ID,
		Group:      cr.Group,
		Status:     r.Status,
		Message:    check.Redact(msg),
		MessageID:  r.MsgID,
		Got:        check.Redact(r.Got),
		Want:       check.Redact(r.Want),
		URL:        check.RedactURL(r.URL),
		DurationMS: d.Milliseconds(),
	}
	if len(r.Evidence) > 0 {
		f.Evidence = make([]scoring.Evidence, 0, min(len(r.Evidence), maxEvidence))
		for _, ev := range r.Evidence {
			if len(f.Evidence) == maxEvidence {
				f.Evidence = append(f.Evidence, scoring.Evidence{}.Noted(mNoteMoreEvidence, len(r.Evidence)-maxEvidence))
				break
			}
			f.Evidence = append(f.Evidence, redactEvidence(ev))
		}
	}
	return f
}

// adapterHint returns, for a not_tested message that names an adapter interface, the near
// misses found in the target's adapter for that interface (a method with the right name and
// the wrong signature), so that a vendor sees why the harness ignored their method.
func (e *engine) adapterHint(msg string) string {
	e.adapterOnce.Do(func() { _, e.adapterWarn = adapterinfo.AdapterReport(e.target.Portal) })
	var out []string
	for _, w := range e.adapterWarn {
		for _, name := range adapterinfo.AdapterInterfaceNames() {
			mark := "check." + name
			if (strings.Contains(w, mark+" ") || strings.HasSuffix(w, mark)) && strings.Contains(msg, name) {
				out = append(out, w)
				break
			}
		}
	}
	if len(out) == 0 {
		return ""
	}
	return " (" + strings.Join(out, "; ") + ")"
}

// maxEvidence bounds the evidence items kept per finding, so that a check listing every image
// of a huge page does not make a huge report.
const maxEvidence = 50

// maxExcerpt bounds an evidence excerpt, in bytes.
const maxExcerpt = 2048

func redactEvidence(ev scoring.Evidence) scoring.Evidence {
	out := scoring.Evidence{
		Request:  redactRequestLine(ev.Request),
		Status:   ev.Status,
		Excerpt:  check.Redact(truncate(ev.Excerpt, maxExcerpt)),
		Location: check.Redact(truncate(ev.Location, 512)),
		Note:     check.Redact(truncate(ev.Note, maxExcerpt)),
		NoteVI:   check.Redact(truncate(ev.NoteVI, maxExcerpt)),
	}
	if len(ev.Headers) > 0 {
		out.Headers = make(map[string]string, len(ev.Headers))
		for k, v := range ev.Headers {
			out.Headers[k] = check.RedactHeader(k, truncate(v, maxExcerpt))
		}
	}
	return out
}

func redactRequestLine(s string) string {
	if m, u, ok := strings.Cut(s, " "); ok && !strings.Contains(u, " ") {
		return m + " " + check.RedactURL(u)
	}
	return check.Redact(s)
}

func truncate(s string, n int) string { return textx.TruncateBytes(s, n, textx.Ellipsis) }

// finish scores the findings and completes the report.
func (e *engine) finish(ctx context.Context, findings []scoring.Finding) (*scoring.Report, error) {
	day := time.Date(e.started.Year(), e.started.Month(), e.started.Day(), 0, 0, 0, 0, time.UTC)
	given := e.target.BaseURL
	if e.upgradedFrom != "" {
		given = e.upgradedFrom
	}
	r, err := scoring.Score(e.cfg.cat, scoring.Findings{Catalogue: e.cfg.cat.ID, Target: check.RedactURL(given), Findings: findings},
		scoring.Config{Waivers: e.cfg.waivers, AsOf: day, Bands: e.cfg.bands})
	if err != nil {
		return nil, msg.Error(mErrScoring, err)
	}
	e.targetsMu.Lock()
	for _, t := range e.targets {
		r.Targets = append(r.Targets, t)
	}
	for _, sh := range e.shells {
		sort.Strings(sh.Criteria)
		r.Shells = append(r.Shells, *sh)
	}
	e.targetsMu.Unlock()
	sort.Slice(r.Targets, func(i, j int) bool { return r.Targets[i].ID < r.Targets[j].ID })
	sort.Slice(r.Shells, func(i, j int) bool { return r.Shells[i].URL < r.Shells[j].URL })
	r.StartedAt = e.started.UTC().Format(time.RFC3339)
	r.DurationMS = time.Since(e.t0).Milliseconds()
	st, lim := e.sess.Stats(), e.sess.Limits()
	r.Traffic = &scoring.Traffic{Requests: st.Requests, BytesRead: st.BytesRead,
		MaxInFlight: lim.MaxInFlight, MaxConnsPerHost: lim.MaxConnsPerHost, Depth: depthName(e.cfg.Config.Deep),
		Backoffs: lim.Backoffs, WaitedMS: lim.Waited.Milliseconds()}
	// What discovery found, when a check needed it: a run of checks that need no profile (--only
	// the TLS checks) does not crawl the portal for the report's sake.
	if p := e.sess.ResolvedProfile(); e.unreach == nil && p != nil && len(p.Sources) > 0 {
		r.Discovery = p.Sources
	}
	if found, warn := adapterinfo.AdapterReport(e.target.Portal); len(found)+len(warn) > 0 {
		r.Adapter = &scoring.Adapter{Interfaces: found, Warnings: warn}
		if r.Adapter.Interfaces == nil {
			r.Adapter.Interfaces = []string{}
		}
		// What the vendor declared, so that a verdict resting on it says so (P06-AUTH-08).
		if as, ok := e.target.Portal.(check.Assurance); ok {
			r.Adapter.Level2Procedures = append([]string(nil), as.Level2Procedures()...)
		}
	}
	if len(e.cfg.only) > 0 {
		p := &scoring.Partial{Selected: append([]string(nil), e.cfg.only...), Criteria: []string{}}
		for _, it := range e.items {
			if !it.deselected {
				p.Criteria = append(p.Criteria, it.cr.ID)
			}
		}
		r.Partial = p
	}
	for _, rf := range e.sess.Refused() {
		r.OutOfScope = append(r.OutOfScope, scoring.Refusal{Method: rf.Method, URL: check.RedactURL(rf.URL), Host: rf.Host, Count: rf.Count})
	}
	if e.unreach != nil {
		return r, msg.Error(mErrRun, check.RedactURL(e.target.BaseURL), e.unreach)
	}
	if e.home != nil {
		home := msg.P(msg.Verbatim, e.home)
		why := msg.Rendered{EN: check.Redact(home.Render(msg.EN)), VI: check.Redact(home.Render(msg.VI))}
		return r, msg.Error(mErrRunUnread, check.RedactURL(e.target.BaseURL), ErrUnreadable, why, assessHint(e.home))
	}
	return r, nil
}

// depthName is the probe depth a report records (scoring.Traffic.Depth).
func depthName(deep bool) string {
	if deep {
		return "deep"
	}
	return "standard"
}
