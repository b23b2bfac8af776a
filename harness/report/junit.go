package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/p06kit/p06kit/internal/textx"
	"github.com/p06kit/p06kit/scoring"
)

// The JUnit XML shape is the de-facto one CI servers read (Jenkins, GitLab, GitHub test
// reporters): <testsuites> with one <testsuite> per group and one <testcase> per criterion.
// fail becomes <failure>, error <error>, not_applicable / not_tested / waived <skipped>; pass
// and attested are plain test cases. The run's facts (tool, partial selection, adapter,
// requests refused, pages not seen drawn, traffic) are <property> elements of every suite, the
// root element having none in the common schema, and are written for people once, as the first
// suite's <system-out>.

type junitSuites struct {
	XMLName xml.Name `xml:"testsuites"`
	Name    string   `xml:"name,attr"`
	junitCounts
	Time   string       `xml:"time,attr"`
	Suites []junitSuite `xml:"testsuite"`
}

// junitCounts are the counts of a suite, and of all of them.
type junitCounts struct {
	Tests    int `xml:"tests,attr"`
	Failures int `xml:"failures,attr"`
	Errors   int `xml:"errors,attr"`
	Skipped  int `xml:"skipped,attr"`
}

func (c *junitCounts) add(o junitCounts) {
	c.Tests += o.Tests
	c.Failures += o.Failures
	c.Errors += o.Errors
	c.Skipped += o.Skipped
}

type junitSuite struct {
	Name string `xml:"name,attr"`
	junitCounts
	Time       string          `xml:"time,attr"`
	Timestamp  string          `xml:"timestamp,attr,omitempty"`
	Properties []junitProperty `xml:"properties>property,omitempty"`
	Cases      []junitCase     `xml:"testcase"`
	// SystemOut follows the test cases, as the JUnit schema orders a suite's children.
	SystemOut string `xml:"system-out,omitempty"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitProblem `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

// WriteJUnit writes r as JUnit XML.
func WriteJUnit(w io.Writer, r *scoring.Report, opt Options) error {
	r = redacted(r) // the redaction policy applies where output is made
	opt = opt.withDefaults(r)
	wd := wordsFor(opt.Lang)
	all := junitSuites{Name: fmt.Sprintf("%s: %s", opt.Tool, r.Target), Time: seconds(r.DurationMS)}
	// Every suite carries the run's properties (the root element has none in the common
	// schema): the tool's version and, for a partial run, what it selected.
	run := []junitProperty{{Name: "tool", Value: xmlSafe(toolLine(r, opt))}}
	if r.Partial != nil {
		run = append(run, junitProperty{Name: "partial", Value: xmlSafe(strings.Join(r.Partial.Selected, ","))},
			junitProperty{Name: "partial.criteria", Value: strings.Join(r.Partial.Criteria, ",")})
	}
	facts := factsOf(r, opt)
	run = append(run, junitRunProperties(r, facts)...)
	for _, g := range groupIDs(r, opt) {
		s := junitSuite{Name: g, Timestamp: r.StartedAt}
		gs := r.Scores.Groups[g]
		s.Properties = []junitProperty{
			{Name: "title", Value: opt.groupTitle(g)},
			{Name: "score", Value: fmtGroupScore(gs, wordsEN)},
			{Name: "earned", Value: fmt.Sprintf("%g", gs.Earned)},
			{Name: "available", Value: fmt.Sprintf("%g", gs.Available)},
		}
		s.Properties = append(s.Properties, run...)
		var ms int64
		for _, f := range r.Findings {
			if f.Group != g {
				continue
			}
			ms += f.DurationMS
			name := f.Criterion
			if t := opt.title(f.Criterion); t != "" {
				name += " — " + t
			}
			c := junitCase{Name: xmlSafe(name), Classname: opt.Tool + "." + g, Time: seconds(f.DurationMS)}
			msg := xmlSafe(firstLine(f.Message))
			switch f.Status {
			case scoring.Fail:
				c.Failure = &junitProblem{Message: msg, Type: string(f.Status), Text: xmlSafe(caseText(f, opt, wd))}
				s.Failures++
			case scoring.Error:
				c.Error = &junitProblem{Message: msg, Type: string(f.Status), Text: xmlSafe(caseText(f, opt, wd))}
				s.Errors++
			case scoring.NotApplicable, scoring.NotTested, scoring.Waived:
				c.Skipped = &junitProblem{Message: xmlSafe(string(f.Status) + ": " + firstLine(f.Message))}
				s.Skipped++
			default:
				if f.Message != "" {
					c.SystemOut = xmlSafe(string(f.Status) + ": " + f.Message)
				}
			}
			s.Cases = append(s.Cases, c)
			s.Tests++
		}
		s.Time = seconds(ms)
		if len(all.Suites) == 0 {
			// The run's facts for people, once: the first suite's output.
			s.SystemOut = xmlSafe(junitFactsText(facts))
		}
		all.add(s.junitCounts)
		all.Suites = append(all.Suites, s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(all); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// caseText is the body of a failure: message, got/want, URL, basis, advice and evidence.
func caseText(f scoring.Finding, opt Options, wd words) string {
	var b strings.Builder
	line := func(label, v string) {
		if v = strings.TrimSpace(v); v != "" {
			fmt.Fprintf(&b, "%s: %s\n", label, v)
		}
	}
	line(wd.Message, f.Message)
	line(wd.Got, f.Got)
	want := f.Want
	c := opt.criterion(f.Criterion)
	if want == "" && c != nil {
		want = c.Requirement.In(opt.Lang)
	}
	line(wd.Want, want)
	line(wd.Url, f.URL)
	line(wd.Basis, basisText(c, opt.Lang))
	if c != nil {
		line(wd.Advice, c.Advice.In(opt.Lang))
	}
	for _, ev := range f.Evidence {
		line(wd.Evidence, EvidenceLine(ev, opt.Lang))
	}
	return b.String()
}

// MaxEvidenceExcerpt is how many characters of an excerpt EvidenceLine keeps: the line is read
// in CI logs and test output, and the whole excerpt is in the JSON report.
const MaxEvidenceExcerpt = 200

// EvidenceLine is one piece of evidence on one line, as the JUnit, SARIF and Markdown writers
// and the harness's test output show it: the request and its status, the headers in name order,
// the location, the excerpt quoted and cut at MaxEvidenceExcerpt characters, and the note in
// lang, joined by " · ".
func EvidenceLine(ev scoring.Evidence, lang string) string {
	var parts []string
	if ev.Request != "" {
		s := ev.Request
		if ev.Status != 0 {
			s += fmt.Sprintf(" → %d", ev.Status)
		}
		parts = append(parts, s)
	}
	for _, k := range sortedKeys(ev.Headers) {
		parts = append(parts, k+": "+ev.Headers[k])
	}
	if ev.Location != "" {
		parts = append(parts, ev.Location)
	}
	if ev.Excerpt != "" {
		parts = append(parts, fmt.Sprintf("%q", textx.Truncate(ev.Excerpt, MaxEvidenceExcerpt)))
	}
	if n := ev.NoteIn(lang); n != "" {
		parts = append(parts, n)
	}
	return strings.Join(parts, " · ")
}

// junitRunProperties are the run's adapter, refusals, undrawn pages and traffic as suite
// properties, named as the SARIF run's properties are.
func junitRunProperties(r *scoring.Report, f runFacts) []junitProperty {
	var ps []junitProperty
	add := func(name, value string) { ps = append(ps, junitProperty{Name: name, Value: xmlSafe(value)}) }
	if f.Adapter {
		add("adapter.interfaces", strings.Join(f.Interfaces, ","))
		if f.Level2Declared {
			add("adapter.level2_procedures", strings.Join(f.Level2, ","))
		}
		for _, w := range f.AdapterWarnings {
			add("adapter.warning", w)
		}
	}
	if len(f.OutOfScope) > 0 {
		add("refused.requests", fmt.Sprint(f.RefusedRequests))
		for _, rf := range f.OutOfScope {
			add("refused", fmt.Sprintf("%s %s ×%d", rf.Method, rf.URL, rf.Count))
		}
	}
	for _, sh := range f.Shells {
		add("undrawn", sh.URL+" ("+strings.Join(sh.Criteria, ",")+"): "+sh.Reason)
	}
	if t := r.Traffic; t != nil {
		for _, kv := range []struct {
			name string
			n    int64
		}{{"requests", t.Requests}, {"bytes_read", t.BytesRead}, {"max_in_flight", int64(t.MaxInFlight)},
			{"max_conns_per_host", int64(t.MaxConnsPerHost)}, {"backoffs", t.Backoffs}, {"waited_ms", t.WaitedMS}} {
			add("traffic."+kv.name, fmt.Sprint(kv.n))
		}
	}
	return ps
}

// junitFactsText writes the run's facts as lines in the report's language: the adapter, the
// requests refused, the pages not seen drawn, the traffic.
func junitFactsText(f runFacts) string {
	var b strings.Builder
	w := f.W
	if f.Adapter {
		ifs := w.NoInterfaces
		if len(f.Interfaces) > 0 {
			ifs = strings.Join(f.Interfaces, ", ")
		}
		fmt.Fprintf(&b, "%s — %s: %s\n", w.Adapter, w.Interfaces, ifs)
		if f.Level2Declared {
			l2 := w.Level2None
			if len(f.Level2) > 0 {
				l2 = strings.Join(f.Level2, ", ")
			}
			fmt.Fprintf(&b, "%s: %s (%s)\n", w.Level2, l2, w.Level2Note)
		}
		if len(f.AdapterWarnings) > 0 {
			fmt.Fprintf(&b, "%s (%d): %s\n", w.AdapterWarnings, len(f.AdapterWarnings), w.AdapterWarningsNote)
			for _, aw := range f.AdapterWarnings {
				fmt.Fprintf(&b, "  - %s\n", aw)
			}
		}
	}
	if len(f.OutOfScope) > 0 {
		fmt.Fprintf(&b, "%s (%d): %s %d %s.\n", w.OutOfScope, len(f.OutOfScope), w.OutOfScopeNote, f.RefusedRequests, w.RefusedTotal)
		for _, rf := range f.OutOfScope {
			fmt.Fprintf(&b, "  - %s %s ×%d\n", rf.Method, rf.URL, rf.Count)
		}
	}
	if len(f.Shells) > 0 {
		fmt.Fprintf(&b, "%s (%d): %s\n", w.Shells, len(f.Shells), w.ShellsNote)
		for _, sh := range f.Shells {
			fmt.Fprintf(&b, "  - %s — %s: %s — %s\n", sh.URL, w.ShellCriteria, strings.Join(sh.Criteria, ", "), sh.Reason)
		}
	}
	if f.HasTraffic {
		fmt.Fprintf(&b, "%s: %s", w.Traffic, f.Traffic)
		if f.Waits != "" {
			b.WriteString(" " + f.Waits)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func seconds(ms int64) string { return fmt.Sprintf("%.3f", float64(ms)/1000) }

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

// xmlSafe drops characters XML 1.0 cannot carry (control characters a hostile portal may have
// put in an excerpt), so that the output always parses.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			return '\uFFFD'
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}
