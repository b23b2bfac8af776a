package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/safefile"
	"github.com/p06kit/p06kit/scoring"
)

// Format is an output format.
type Format string

// The formats.
const (
	JSON     Format = "json"
	JUnit    Format = "junit"
	SARIF    Format = "sarif"
	Markdown Format = "md"
	HTML     Format = "html"
	// Text is a summary for a terminal (see WriteText), not the whole report.
	Text Format = "text"
)

// Formats lists the formats, for help text and flag validation.
var Formats = []Format{JSON, JUnit, SARIF, Markdown, HTML, Text}

// ParseFormat accepts a format name (and the aliases "markdown", "xml", "sarif-2.1.0").
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "json":
		return JSON, nil
	case "junit", "xml":
		return JUnit, nil
	case "sarif", "sarif-2.1.0":
		return SARIF, nil
	case "md", "markdown":
		return Markdown, nil
	case "html":
		return HTML, nil
	case "text", "txt":
		return Text, nil
	}
	return "", fmt.Errorf("unknown format %q (want json, junit, sarif, md, html or text)", s)
}

// Options control the writers. The zero value writes Vietnamese text and looks up the report's
// catalogue among the built-in ones.
type Options struct {
	// Lang is "vi" (default) or "en": the language of labels, titles and advice.
	Lang string
	// Catalogue gives criterion titles, requirements, advice and legal bases. May be nil: the
	// built-in catalogue the report names is used when there is one, otherwise only IDs show.
	Catalogue *criteria.Catalogue
	// Tool and Version name the program writing the report: every format states them, and a
	// report that does not yet name the program that made it (scoring.Report.Tool) gets them.
	// Defaults "p06kit" and ToolVersion().
	Tool, Version string
}

func (o Options) withDefaults(r *scoring.Report) Options {
	if o.Lang != "en" {
		o.Lang = "vi"
	}
	if o.Catalogue == nil && r != nil {
		if cat, err := criteria.Builtin(r.Catalogue.ID); err == nil && cat.Version == r.Catalogue.Version {
			o.Catalogue = cat
		}
	}
	if o.Catalogue != nil && r != nil {
		// Cite the bases in force on the report's as-of day, named in the report's language.
		day, _ := time.Parse(time.DateOnly, r.AsOf)
		o.Catalogue = o.Catalogue.Cited(day, o.Lang)
	}
	return o.withTool()
}

// withTool fills in the tool's name and version.
func (o Options) withTool() Options {
	if o.Tool == "" {
		o.Tool = "p06kit"
	}
	if o.Version == "" {
		o.Version = ToolVersion()
	}
	return o
}

func (o Options) criterion(id string) *criteria.Criterion {
	if o.Catalogue == nil {
		return nil
	}
	c, _ := o.Catalogue.Criterion(id)
	return c
}

func (o Options) title(id string) string {
	if c := o.criterion(id); c != nil {
		return c.Title.In(o.Lang)
	}
	return ""
}

func (o Options) groupTitle(id string) string {
	if o.Catalogue != nil {
		if g, ok := o.Catalogue.Group(id); ok {
			return g.Title.In(o.Lang)
		}
	}
	return id
}

// Write writes r in format f to w.
func Write(w io.Writer, f Format, r *scoring.Report, opt Options) error {
	if r == nil {
		return fmt.Errorf("report: nil report")
	}
	r = stamped(r, opt.withTool())
	switch f {
	case JSON:
		return WriteJSON(w, r)
	case JUnit:
		return WriteJUnit(w, r, opt)
	case SARIF:
		return WriteSARIF(w, r, opt)
	case Markdown:
		return WriteMarkdown(w, r, opt)
	case HTML:
		return WriteHTML(w, r, opt)
	case Text:
		return WriteText(w, r, opt)
	}
	return fmt.Errorf("report: unknown format %q", f)
}

// WriteFile writes r in format f to path atomically: see AtomicWrite.
func WriteFile(path string, f Format, r *scoring.Report, opt Options) error {
	return AtomicWrite(path, func(w io.Writer) error { return Write(w, f, r, opt) })
}

// AtomicWrite writes a file so that a crash, a full disk or a failing writer never leaves a
// half-written file in place of a good one: it writes to a temporary file in the same
// directory, flushes it to stable storage, and renames it over path only when everything
// succeeded (then syncs the directory, where the platform allows). On error path is untouched
// and the temporary file removed; temporary files that killed writers of path left are removed
// first. It is [safefile.Write], which every writer of the module uses.
func AtomicWrite(path string, write func(io.Writer) error) error {
	return safefile.Write(path, write)
}

// WriteJSON writes the report contract (schema/report.schema.json), indented, with a final newline. The output
// is deterministic (map keys sorted) and validates against report.schema.json.
func WriteJSON(w io.Writer, r *scoring.Report) error {
	r = redacted(r) // the redaction policy applies where output is made
	if r == nil {
		return fmt.Errorf("report: nil report")
	}
	return writeIndentedJSON(w, sanitise(r))
}

// sanitise returns a copy of r whose numbers are finite and whose nil slices are empty, so that
// the JSON always has the contract's arrays.
func sanitise(r *scoring.Report) *scoring.Report {
	c := *r
	fin := func(f float64) float64 {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return 0
		}
		return f
	}
	if c.Findings == nil {
		c.Findings = []scoring.Finding{}
	}
	c.Scores.Overall = fin(c.Scores.Overall)
	c.Scores.Compliance.Rate = fin(c.Scores.Compliance.Rate)
	if c.Scores.Caps == nil {
		c.Scores.Caps = []scoring.Cap{}
	}
	if c.Scores.Groups == nil {
		c.Scores.Groups = map[string]scoring.GroupScore{}
	} else {
		groups := make(map[string]scoring.GroupScore, len(c.Scores.Groups))
		for k, g := range c.Scores.Groups {
			gs := scoring.GroupScore{Earned: fin(g.Earned), Available: fin(g.Available)}
			if g.Score != nil {
				v := fin(*g.Score)
				gs.Score = &v
			}
			groups[k] = gs
		}
		c.Scores.Groups = groups
	}
	if c.Waivers.Applied == nil {
		c.Waivers.Applied = []scoring.Waiver{}
	}
	if c.Waivers.Stale == nil {
		c.Waivers.Stale = []scoring.Waiver{}
	}
	return &c
}

// maxReportBytes bounds a report file read by ReadJSON.
const maxReportBytes = 256 << 20

// ReadJSON reads a report written by WriteJSON (or by another tool following the contract),
// validating it against report.schema.json first; errors name the JSON path and the reason.
func ReadJSON(rd io.Reader) (*scoring.Report, error) {
	b, err := io.ReadAll(io.LimitReader(rd, maxReportBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxReportBytes {
		return nil, fmt.Errorf("report larger than %d MiB", maxReportBytes>>20)
	}
	b = safefile.StripBOM(b) // Windows tools write a byte-order mark
	if err := Validate(ReportSchemaName, b); err != nil {
		return nil, err
	}
	var r scoring.Report
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, err
	}
	return &r, nil
}

// statusOrder ranks statuses for display: what needs attention first.
var statusOrder = map[scoring.Status]int{
	scoring.Fail: 0, scoring.Error: 1, scoring.NotTested: 2, scoring.Waived: 3, scoring.NotApplicable: 4,
	scoring.Attested: 5, scoring.Pass: 6,
}

// groupIDs returns the report's groups in catalogue order (then the rest sorted).
func groupIDs(r *scoring.Report, opt Options) []string {
	seen := map[string]bool{}
	var out []string
	if opt.Catalogue != nil {
		for _, g := range opt.Catalogue.Groups {
			if _, ok := r.Scores.Groups[g.ID]; ok || hasGroup(r, g.ID) {
				out = append(out, g.ID)
				seen[g.ID] = true
			}
		}
	}
	var rest []string
	for g := range r.Scores.Groups {
		if !seen[g] {
			rest = append(rest, g)
			seen[g] = true
		}
	}
	for _, f := range r.Findings {
		if f.Group != "" && !seen[f.Group] {
			rest = append(rest, f.Group)
			seen[f.Group] = true
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

func hasGroup(r *scoring.Report, g string) bool {
	for _, f := range r.Findings {
		if f.Group == g {
			return true
		}
	}
	return false
}

// gradeLabel returns the grade's label in lang from the built-in grading schemes, with the
// "boundary unverified" and "provisional" qualifiers of scoring.GradeLabel.
func gradeLabel(r *scoring.Report, lang string) string {
	return scoring.GradeLabel(r.Scores, lang)
}

// counts returns how many findings have each status.
func counts(r *scoring.Report) map[scoring.Status]int {
	m := map[scoring.Status]int{}
	for _, f := range r.Findings {
		m[f.Status]++
	}
	return m
}

// words are the labels of the writers, by language.
type words struct {
	Report, Target, Started, Duration, Score, Grade, Compliance, Caps, Group, Criterion, Status, Message,
	Got, Want, Url, Basis, Advice, Evidence, Requirement, NotMet, Passed, Other, Waivers, Stale, Applied,
	Discovery, MandatoryMet, CapNote, None, Points, PointsHdr, Catalogue, Level, Critical, Targets, Measured, Threshold, Request, Headers, Excerpt, Location, Note, Summary, NotScored, Coverage, CoverageOf, FixFirst, More, CouldNotAssess, CouldNotAssessNote, MetEvidenceNote, MetList, EvMore, DocPage, RenderedBy, PathsOf string
	Statuses map[scoring.Status]string
	Levels   map[criteria.Level]string
}

// wordsEN and wordsVI are the writers' labels (messages.go) in each language.
var wordsEN, wordsVI = wordsIn(msg.EN), wordsIn(msg.VI)

// bilingual returns a table of labels in English and in Vietnamese, from one declaration that
// gives each label in both languages side by side (tr(en, vi)): a label added in one language
// cannot be forgotten in the other, and the two tables cannot drift apart.
func bilingual[W any](table func(tr func(en, vi string) string) W) (en, vi W) {
	return table(func(s, _ string) string { return s }), table(func(_, s string) string { return s })
}

func wordsFor(lang string) words {
	if lang == "en" {
		return wordsEN
	}
	return wordsVI
}

// sortedFindings returns r's findings of group g (all when g is ""), most urgent first, then
// by criterion ID.
func sortedFindings(r *scoring.Report, g string) []scoring.Finding {
	var out []scoring.Finding
	for _, f := range r.Findings {
		if g == "" || f.Group == g {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		oi, oj := statusOrder[out[i].Status], statusOrder[out[j].Status]
		if oi != oj {
			return oi < oj
		}
		return out[i].Criterion < out[j].Criterion
	})
	return out
}

func fmtScore(f float64) string { return fmt.Sprintf("%.1f", f) }

// fmtGroupScore formats a group's score, or wd.NotScored when nothing in it was assessed.
func fmtGroupScore(g scoring.GroupScore, wd words) string {
	if !g.Scored() {
		return wd.NotScored
	}
	return fmtScore(g.Value())
}

// coverageOf returns r's coverage, computed from its findings for reports older than scoring
// model 2.
func coverageOf(r *scoring.Report) *scoring.Coverage {
	if r.Coverage != nil {
		return r.Coverage
	}
	return scoring.CoverageOf(r.Findings)
}

func fmtRate(f float64) string { return fmt.Sprintf("%.1f%%", 100*f) }
