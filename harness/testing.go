package harness

import (
	"context"
	"flag"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/scoring"
)

// TB is the part of testing.TB the harness reports through. *testing.T and *testing.B
// implement it; so does a recording fake in a test of your own failure messages.
type TB interface {
	Helper()
	Name() string
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
	Skipf(format string, args ...any)
	Logf(format string, args ...any)
}

// Runner is a TB that runs subtests of its own type: *testing.T (Run(string, func(*testing.T))
// bool) and *testing.B satisfy Runner[*testing.T] and Runner[*testing.B]. The type parameter
// lets the harness run subtests without importing package testing, so that Check stays free
// of it.
type Runner[T any] interface {
	TB
	Run(name string, f func(T)) bool
}

// Harness runs an assessment inside go test. Create it with New; call Run once.
type Harness[T Runner[T]] struct {
	t      T
	target Target
	cfg    *config
}

// New prepares a go test run of target. It validates the options and fails the test at once,
// with one message listing every problem, when they are invalid.
func New[T Runner[T]](t T, target Target, opts ...Option) *Harness[T] {
	t.Helper()
	cfg, err := newConfig(target, opts)
	if err != nil {
		t.Fatalf("%v", err)
		return &Harness[T]{t: t, target: target}
	}
	return &Harness[T]{t: t, target: target, cfg: cfg}
}

// Run assesses the target with one subtest per criterion named group/ID, in catalogue order
// (TestPortal/security/P06-SEC-03), and returns the report. Criteria left out by the Only
// options have no subtest.
//
// Selecting subtests with -run and -skip reduces the work: checks whose subtest is not
// selected do not run, and their findings are not_tested ("not selected by -run"). A fail or
// error finding fails its subtest with the criterion's ID and title, what was seen, what is
// required, the URL, the legal basis and the advice, in the chosen language; not_applicable,
// not_tested and waived findings skip it with the reason (with the Strict option not_tested
// fails it); pass and attested findings pass (their message is logged, visible with -v). After
// the subtests the test logs one summary line (see Summary): assessed N of M, and what was not
// tested grouped by cause.
//
// The run is bounded by the test's deadline (go test -timeout) when the test has one. Run
// returns nil when New failed.
func (h *Harness[T]) Run() *scoring.Report {
	h.t.Helper()
	return h.run(testMatcher())
}

func (h *Harness[T]) run(m *matcher) *scoring.Report {
	h.t.Helper()
	if h.cfg == nil {
		return nil
	}
	ctx := context.Background()
	if c, ok := any(h.t).(interface{ Context() context.Context }); ok {
		ctx = c.Context()
	}
	if d, ok := any(h.t).(interface{ Deadline() (time.Time, bool) }); ok {
		if dl, ok := d.Deadline(); ok {
			// Leave time for the test binary to report rather than be killed.
			margin := min(time.Until(dl)/10, 5*time.Second)
			var cancel context.CancelFunc
			ctx, cancel = context.WithDeadline(ctx, dl.Add(-margin))
			defer cancel()
		}
	}
	e, err := newEngine(ctx, h.target, h.cfg)
	if err != nil {
		h.t.Fatalf("%v", err)
		return nil
	}
	defer e.close()

	base := h.t.Name()
	e.start(func(i int) bool {
		it := e.items[i]
		return m.selects(base + "/" + it.cr.Group + "/" + it.cr.ID)
	})

	findings := make([]scoring.Finding, len(e.items))
	ran := make([]bool, len(e.items))
	for _, g := range groupsInOrder(h.cfg.cat) {
		if !slices.ContainsFunc(e.items, func(it item) bool { return it.cr.Group == g && !it.deselected }) {
			continue // the Only options leave out the whole group
		}
		h.t.Run(g, func(gt T) {
			for i, it := range e.items {
				if it.cr.Group != g || it.deselected {
					continue
				}
				gt.Run(it.cr.ID, func(st T) {
					ran[i] = true
					findings[i] = e.wait(ctx, i)
					reportFinding(st, it.cr, findings[i], h.cfg.Lang, h.cfg.strict)
				})
			}
		})
	}
	for i, it := range e.items {
		if !ran[i] {
			if it.fixed != nil {
				findings[i] = *it.fixed
			} else {
				findings[i] = scoring.Finding{Criterion: it.cr.ID, Group: it.cr.Group, Status: scoring.NotTested,
					Message: mNotRun.Render(h.cfg.Lang), MessageID: mNotRun.ID()}
			}
		}
	}
	r, err := e.finish(ctx, findings)
	switch {
	case r == nil && err != nil:
		h.t.Errorf("%v", err)
	case err != nil:
		h.t.Logf("%v", check.Redact(err.Error())) // unreachable or cut short: the findings' subtests have failed already
	}
	if r != nil {
		h.t.Logf("%s", Summary(r, e.deselected(), h.cfg.Lang))
		if r.Adapter != nil {
			for _, w := range r.Adapter.Warnings {
				h.t.Logf("adapter: %s", w)
			}
		}
	}
	return r
}

// deselected returns the IDs of the criteria the Only options leave out.
func (e *engine) deselected() map[string]bool {
	out := map[string]bool{}
	for _, it := range e.items {
		if it.deselected {
			out[it.cr.ID] = true
		}
	}
	return out
}

// Summary is the line a go test run logs after its subtests: how many of the selected
// criteria were assessed (pass, fail, attested or not_applicable), how many erred, and what
// was not tested grouped by cause, most frequent first, each with its groups and count:
//
//	score 61.2 / 100, grade Average, 20/40 mandatory met; assessed 30 of 61 criteria (2 error); not tested: identity ×9, population-data ×7: the target has no SSO fake (Target.SSO); …
//
// Criteria in left (those the Only options leave out) are not counted.
func Summary(r *scoring.Report, left map[string]bool, lang string) string {
	type cause struct {
		msg    string
		groups map[string]int
		n      int
		first  int
	}
	var total, assessed, errs int
	causes := map[string]*cause{}
	for i, f := range r.Findings {
		if left[f.Criterion] {
			continue
		}
		total++
		switch f.Status {
		case scoring.Pass, scoring.Fail, scoring.Attested, scoring.NotApplicable, scoring.Waived:
			assessed++
		case scoring.Error:
			errs++
		case scoring.NotTested:
			msg := strings.ReplaceAll(f.Message, f.Criterion, "…")
			c := causes[msg]
			if c == nil {
				c = &cause{msg: msg, groups: map[string]int{}, first: i}
				causes[msg] = c
			}
			c.groups[f.Group]++
			c.n++
		}
	}
	list := make([]*cause, 0, len(causes))
	for _, c := range causes {
		list = append(list, c)
	}
	slices.SortFunc(list, func(a, b *cause) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return a.first - b.first
	})
	var b strings.Builder
	// The one-line result: score and grade first (not for a partial run, whose score is not
	// the portal's), then the coverage they rest on.
	if r.Partial == nil && !r.Scores.Unscored() {
		b.WriteString(mSummaryScore.Render(lang, r.Scores.Overall, scoring.GradeLabel(r.Scores, lang),
			r.Scores.Compliance.Met, r.Scores.Compliance.Applicable))
	}
	b.WriteString(mSummaryAssessed.Render(lang, assessed, total))
	if errs > 0 {
		b.WriteString(mSummaryErrors.Render(lang, errs))
	}
	if len(list) == 0 {
		return b.String()
	}
	b.WriteString(mSummaryNotTested.Render(lang))
	for i, c := range list {
		if i > 0 {
			b.WriteString("; ")
		}
		groups := make([]string, 0, len(c.groups))
		for g := range c.groups {
			groups = append(groups, g)
		}
		slices.SortFunc(groups, func(x, y string) int {
			if c.groups[x] != c.groups[y] {
				return c.groups[y] - c.groups[x]
			}
			return strings.Compare(x, y)
		})
		for j, g := range groups {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s ×%d", g, c.groups[g])
		}
		b.WriteString(": " + c.msg)
	}
	return b.String()
}

// groupsInOrder returns the catalogue's groups in order, then any group a criterion names that
// the catalogue does not declare.
func groupsInOrder(cat *criteria.Catalogue) []string {
	var out []string
	seen := map[string]bool{}
	for _, g := range cat.Groups {
		if !seen[g.ID] {
			seen[g.ID] = true
			out = append(out, g.ID)
		}
	}
	for _, c := range cat.Criteria {
		if !seen[c.Group] {
			seen[c.Group] = true
			out = append(out, c.Group)
		}
	}
	return out
}

// reportFinding reports one finding to its subtest; strict fails not_tested too.
func reportFinding(t TB, cr *criteria.Criterion, f scoring.Finding, lang string, strict bool) {
	t.Helper()
	switch {
	case f.Status == scoring.Fail || f.Status == scoring.Error || (strict && f.Status == scoring.NotTested):
		t.Errorf("%s", FailureText(cr, f, lang))
	case f.Status == scoring.NotApplicable || f.Status == scoring.NotTested || f.Status == scoring.Waived:
		t.Skipf("%s %s: %s", f.Status, cr.ID, f.Message)
	default:
		if f.Message != "" {
			t.Logf("%s %s: %s", f.Status, cr.ID, f.Message)
		}
	}
}

// FailureText is the text a failing or erroring finding fails its subtest with: the criterion's
// ID and title, the status and message, what was seen and what is required, the URL, the legal
// basis and the advice, in lang ("vi" or "en"). When the check did not say what is required,
// the criterion's requirement is used.
func FailureText(cr *criteria.Criterion, f scoring.Finding, lang string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s\n", cr.ID, cr.Title.In(lang))
	line := func(label msg.Text, v string) {
		if v = strings.TrimSpace(v); v != "" {
			v = strings.ReplaceAll(v, "\n", "\n"+strings.Repeat(" ", 12))
			fmt.Fprintf(&b, "    %-8s %s\n", label.Render(lang)+":", v)
		}
	}
	line(mLabelResult, statusWord(f.Status).Render(lang)+": "+f.Message)
	line(mLabelGot, f.Got)
	want := f.Want
	if want == "" {
		want = cr.Requirement.In(lang)
	}
	line(mLabelWant, want)
	line(mLabelURL, f.URL)
	var basis []string
	for _, bs := range cr.Basis {
		s := bs.Document
		if bs.Article != "" {
			s += ", " + bs.Article
		}
		kind := mBasisQuoted
		if bs.Kind != criteria.Quoted {
			kind = mBasisDerived
		}
		s += " (" + kind.Render(lang) + ")"
		basis = append(basis, s)
	}
	line(mLabelBasis, strings.Join(basis, "; "))
	line(mLabelAdvice, cr.Advice.In(lang))
	for i, ev := range f.Evidence {
		if i == 3 {
			fmt.Fprintf(&b, "    %s\n", mLabelMore.Render(lang, len(f.Evidence)-3))
			break
		}
		line(mLabelEvidence, report.EvidenceLine(ev, lang))
	}
	return strings.TrimRight(b.String(), "\n")
}

// matcher predicts which subtests go test's -run and -skip flags select, so that the checks of
// unselected subtests are not run. A wrong prediction costs only time: an unpredicted subtest
// runs its check when it starts, and a predicted one that does not start is reported not
// selected.
type matcher struct {
	run, skip [][]*regexp.Regexp // alternatives of '/'-separated elements
}

func testMatcher() *matcher {
	m := &matcher{}
	if f := flag.Lookup("test.run"); f != nil {
		m.run = compileFilter(f.Value.String())
	}
	if f := flag.Lookup("test.skip"); f != nil {
		m.skip = compileFilter(f.Value.String())
	}
	return m
}

// compileFilter compiles a -run pattern as package testing does: split into alternatives at
// top-level '|', each into elements at top-level '/'. An invalid pattern selects everything
// (go test itself rejects it).
func compileFilter(pat string) [][]*regexp.Regexp {
	if pat == "" {
		return nil
	}
	var alts [][]*regexp.Regexp
	for _, alt := range splitTop(pat, '|') {
		var elems []*regexp.Regexp
		for _, e := range splitTop(alt, '/') {
			re, err := regexp.Compile(e)
			if err != nil {
				return nil
			}
			elems = append(elems, re)
		}
		alts = append(alts, elems)
	}
	return alts
}

// splitTop splits s at sep outside brackets and parentheses, as testing.splitRegexp does.
func splitTop(s string, sep byte) []string {
	var out []string
	cs, cp, start := 0, 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			cs++
		case ']':
			if cs--; cs < 0 {
				cs = 0
			}
		case '(':
			if cs == 0 {
				cp++
			}
		case ')':
			if cs == 0 {
				cp--
			}
		case '\\':
			i++
		case sep:
			if cs == 0 && cp == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// selects reports whether the test named name (slash-separated) runs under -run and -skip.
func (m *matcher) selects(name string) bool {
	elems := strings.Split(name, "/")
	if m.run != nil && !anyAlt(m.run, elems, false) {
		return false
	}
	// -skip skips a test when every element of one alternative matches (a partial match of a
	// parent does not skip its children).
	return m.skip == nil || !anyAlt(m.skip, elems, true)
}

func anyAlt(alts [][]*regexp.Regexp, elems []string, full bool) bool {
	for _, alt := range alts {
		if full && len(elems) < len(alt) {
			continue
		}
		ok := true
		for i, e := range elems {
			if i >= len(alt) {
				break
			}
			if !alt[i].MatchString(e) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
