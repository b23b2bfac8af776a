package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/internal/redact"
	"github.com/p06kit/p06kit/scoring"
)

// SurveyInputSchemaName is the file of portals read by `p06 survey` (JSON form), published in
// schema/ beside the other schemas.
const SurveyInputSchemaName = "survey-input.schema.json"

// SurveySchemaName is the survey written by WriteSurveyJSON and `p06 survey --format json`,
// published in schema/.
const SurveySchemaName = "survey.schema.json"

// SurveyWeakest is how many of the weakest criteria the survey writers list.
const SurveyWeakest = 10

// Survey is a survey of many portals as the survey writers print it: scoring's national figures
// (Survey) and one line per portal, in ranking order. Build it with NewSurvey. Its JSON form is
// what `p06 survey --format json` writes: deterministic, with no clock in it.
type Survey struct {
	Survey *scoring.Survey `json:"survey"`
	// Portals are in ranking order (compliance rate, then overall score, descending; ties by URL).
	Portals []SurveyPortal `json:"portals"`
	// Unreachable counts the portals that could not be reached or whose home page could not be
	// read. They are still counted in every figure: their reports have an error finding for
	// every criterion that needed what could not be seen.
	Unreachable int `json:"unreachable"`
	// Incomplete counts the portals whose assessment did not complete for another reason (the
	// per-portal time limit, an interruption); they are counted too.
	Incomplete int `json:"incomplete"`
	// Only lists the selectors (criterion IDs, groups, tags) the survey was limited to, if any:
	// the figures then cover only the selected criteria.
	Only []string `json:"only,omitempty"`
	// AssessedFrom and AssessedTo are the earliest and latest started_at of the portals'
	// reports (RFC 3339), when the reports carry one: when the survey's data were collected.
	AssessedFrom string `json:"assessed_from,omitempty"`
	AssessedTo   string `json:"assessed_to,omitempty"`
	// Tool names the program that made the survey and its version (`p06 --version`).
	Tool *scoring.Tool `json:"tool,omitempty"`
}

// SurveyPortal is one portal of a survey.
type SurveyPortal struct {
	// Rank is the portal's place; ties share a rank (1, 2, 2, 4).
	Rank int    `json:"rank"`
	Unit string `json:"unit"`
	URL  string `json:"url"`
	// Rate is the portal's compliance rate (mandatory criteria met / applicable), in [0,1].
	Rate       float64 `json:"rate"`
	Met        int     `json:"met"`
	Applicable int     `json:"applicable"`
	Overall    float64 `json:"overall"`
	// Grade is the band ID (Grading names the scheme); writers print its label.
	Grade   string `json:"grade"`
	Grading string `json:"grading"`
	// Caps are the critical criteria that capped the grade.
	Caps []string `json:"caps,omitempty"`
	// Groups are the portal's group scores (0–100), for the groups with anything available.
	Groups map[string]float64 `json:"groups"`
	// Unreachable is set when the portal could not be reached at all, or answered but its home
	// page could not be read (Unreadable is then set too): either way it was not assessed as a
	// portal and has no grade.
	Unreachable bool `json:"unreachable,omitempty"`
	Unreadable  bool `json:"unreadable,omitempty"`
	// Error says why the assessment did not complete (empty when it did).
	Error string `json:"error,omitempty"`
	// Report is the file the portal's own report was written to, when one was.
	Report string `json:"report,omitempty"`
}

// SurveyEntry is one assessed portal given to NewSurvey.
type SurveyEntry struct {
	// Unit is the assessed unit, e.g. "UBND tỉnh Ninh Bình".
	Unit string
	// Report is the portal's report; its Target is the portal's URL and must be unique.
	Report *scoring.Report
	// Unreachable marks a portal that could not be reached (Report holds error findings), or
	// whose home page could not be read (set Unreadable too: untrusted certificate, garbage,
	// limits; the content checks are errors).
	Unreachable bool
	Unreadable  bool
	// Err is why the assessment did not complete, if it did not (Report is still counted).
	Err error
	// ReportFile is where the portal's report was written, if anywhere.
	ReportFile string
}

// NewSurvey aggregates the entries' reports with scoring.Aggregate over cat and lists the
// portals in ranking order. Every entry needs a unit and a report of cat; two entries with the
// same unit or the same target are an error naming both.
func NewSurvey(cat *criteria.Catalogue, entries []SurveyEntry) (*Survey, error) {
	if cat == nil {
		return nil, errors.New("report: survey without a catalogue")
	}
	var problems []string
	byTarget := map[string]int{}
	byUnit := map[string]int{}
	reports := make([]*scoring.Report, 0, len(entries))
	for i, e := range entries {
		switch {
		case e.Report == nil:
			problems = append(problems, fmt.Sprintf("entries[%d] (%s): no report", i, e.Unit))
			continue
		case strings.TrimSpace(e.Unit) == "":
			problems = append(problems, fmt.Sprintf("entries[%d] (%s): no unit", i, e.Report.Target))
		}
		if j, ok := byTarget[e.Report.Target]; ok {
			problems = append(problems, fmt.Sprintf("entries[%d]: target %s repeats entries[%d]", i, e.Report.Target, j))
		}
		if j, ok := byUnit[e.Unit]; ok && e.Unit != "" {
			problems = append(problems, fmt.Sprintf("entries[%d]: unit %q repeats entries[%d]", i, e.Unit, j))
		}
		byTarget[e.Report.Target], byUnit[e.Unit] = i, i
		reports = append(reports, e.Report)
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("report: survey: %s", strings.Join(problems, "; "))
	}
	agg, err := scoring.Aggregate(cat, reports)
	if err != nil {
		return nil, fmt.Errorf("report: survey: %w", err)
	}
	s := &Survey{Survey: agg, Portals: make([]SurveyPortal, 0, len(entries)), Tool: &scoring.Tool{Name: "p06kit", Version: ToolVersion()}}
	for _, r := range reports {
		t, err := time.Parse(time.RFC3339, r.StartedAt)
		if err != nil {
			continue // scored without an assessment, or a foreign format: no date to report
		}
		from, _ := time.Parse(time.RFC3339, s.AssessedFrom)
		to, _ := time.Parse(time.RFC3339, s.AssessedTo)
		if s.AssessedFrom == "" || t.Before(from) {
			s.AssessedFrom = r.StartedAt
		}
		if s.AssessedTo == "" || t.After(to) {
			s.AssessedTo = r.StartedAt
		}
	}
	for _, rk := range agg.Ranking {
		e := entries[byTarget[rk.Target]]
		r := e.Report
		p := SurveyPortal{Rank: rk.Rank, Unit: e.Unit, URL: redact.URL(r.Target), Rate: finite(r.Scores.Compliance.Rate),
			Met: r.Scores.Compliance.Met, Applicable: r.Scores.Compliance.Applicable, Overall: finite(r.Scores.Overall),
			Grade: r.Scores.Grade, Grading: r.Scores.Grading, Groups: map[string]float64{},
			Unreachable: e.Unreachable || e.Unreadable, Unreadable: e.Unreadable, Report: e.ReportFile}
		for _, c := range r.Scores.Caps {
			p.Caps = append(p.Caps, c.Criterion)
		}
		for g, gs := range r.Scores.Groups {
			if gs.Scored() {
				p.Groups[g] = finite(gs.Value())
			}
		}
		if e.Err != nil {
			p.Error = e.Err.Error()
		}
		switch {
		case e.Unreachable || e.Unreadable:
			s.Unreachable++
		case e.Err != nil:
			s.Incomplete++
		}
		s.Portals = append(s.Portals, p)
	}
	return s, nil
}

func finite(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// Compliant reports whether every portal meets every applicable mandatory criterion (and has
// at least one): the condition for `p06 survey` to exit 0.
func (s *Survey) Compliant() bool {
	return s != nil && s.Survey != nil && s.Survey.Portals > 0 && s.Survey.FullyCompliant == s.Survey.Portals
}

// surveyView resolves what the survey writers show: labels, titles and the weakest criteria.
type surveyView struct {
	s     *Survey
	opt   Options
	w     surveyWords
	cat   *criteria.Catalogue
	weak  []scoring.CriterionRate
	never []scoring.CriterionRate
}

func newSurveyView(s *Survey, opt Options) (*surveyView, error) {
	if s == nil || s.Survey == nil {
		return nil, errors.New("report: nil survey")
	}
	if opt.Lang != "en" {
		opt.Lang = "vi"
	}
	if opt.Catalogue == nil {
		if cat, err := criteria.Builtin(s.Survey.Catalogue.ID); err == nil && cat.Version == s.Survey.Catalogue.Version {
			opt.Catalogue = cat
		}
	}
	if opt.Tool == "" {
		opt.Tool = "p06kit"
	}
	if opt.Version == "" {
		opt.Version = ToolVersion()
	}
	w := surveyWordsVI
	if opt.Lang == "en" {
		w = surveyWordsEN
	}
	return &surveyView{s: s, opt: opt, w: w, cat: opt.Catalogue, weak: s.Survey.Weakest(SurveyWeakest), never: s.Survey.NeverAssessed()}, nil
}

func (v *surveyView) criterionTitle(id string) string {
	if t := v.opt.title(id); t != "" {
		return t
	}
	return id
}

func (v *surveyView) grade(p SurveyPortal) string {
	if p.Unreachable {
		return "—" // not assessed as a portal: no grade
	}
	return scoring.GradeLabel(scoring.Scores{Grade: p.Grade, Grading: p.Grading}, v.opt.Lang)
}

// groups returns the survey's groups that had anything applicable or scored, in catalogue order.
func (v *surveyView) groups() []scoring.GroupRate {
	var out []scoring.GroupRate
	for _, g := range v.s.Survey.Groups {
		if g.Applicable > 0 || g.Scored > 0 {
			out = append(out, g)
		}
	}
	return out
}

// note is what the survey says about a portal beside its figures: unreachable, incomplete, caps.
func (v *surveyView) note(p SurveyPortal) string {
	switch {
	case p.Unreadable:
		return v.w.Unreadable1
	case p.Unreachable:
		return v.w.Unreachable1
	case p.Error != "":
		return v.w.Incomplete1
	case len(p.Caps) > 3:
		return fmt.Sprintf("%s %s +%d", v.w.CappedBy, strings.Join(p.Caps[:3], ", "), len(p.Caps)-3)
	case len(p.Caps) > 0:
		return v.w.CappedBy + " " + strings.Join(p.Caps, ", ")
	}
	return ""
}

// pct formats a fraction as a percentage with 1 decimal.
func surveyPct(f float64) string { return fmt.Sprintf("%.1f%%", 100*finite(f)) }

// WriteSurveyJSON writes s as indented JSON with a final newline: {"survey", "portals",
// "unreachable", "incomplete"}. The output is deterministic.
func WriteSurveyJSON(w io.Writer, s *Survey) error {
	if s == nil || s.Survey == nil {
		return errors.New("report: nil survey")
	}
	c := *s
	c.Portals = append([]SurveyPortal{}, s.Portals...)
	sv := *s.Survey // nil lists are written as [], as the schema requires
	if sv.Criteria == nil {
		sv.Criteria = []scoring.CriterionRate{}
	}
	if sv.Groups == nil {
		sv.Groups = []scoring.GroupRate{}
	}
	if sv.Ranking == nil {
		sv.Ranking = []scoring.Rank{}
	}
	c.Survey = &sv
	for i, p := range c.Portals {
		if p.Groups == nil {
			c.Portals[i].Groups = map[string]float64{}
		}
	}
	return writeIndentedJSON(w, &c)
}

// ReadSurveyJSON reads a survey written by WriteSurveyJSON, validating it against
// survey.schema.json first; errors name the JSON path and the reason.
func ReadSurveyJSON(rd io.Reader) (*Survey, error) {
	b, err := io.ReadAll(io.LimitReader(rd, maxReportBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxReportBytes {
		return nil, fmt.Errorf("survey larger than %d MiB", maxReportBytes>>20)
	}
	if err := Validate(SurveySchemaName, b); err != nil {
		return nil, err
	}
	var s Survey
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, err
	}
	return &s, nil
}

// WriteSurveyText writes s for a terminal: the national figures, the groups, the weakest
// criteria with their titles, and the ranking.
func WriteSurveyText(w io.Writer, s *Survey, opt Options) error {
	v, err := newSurveyView(s, opt)
	if err != nil {
		return err
	}
	sv, wd := s.Survey, v.w
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s %s, %d %s\n", wd.Title, sv.Catalogue.ID, sv.Catalogue.Version, sv.Portals, wd.PortalsWord)
	if len(s.Only) > 0 {
		fmt.Fprintf(&b, "%s: %s\n", wd.Only, strings.Join(s.Only, ", "))
	}
	if p := s.period(); p != "" {
		fmt.Fprintf(&b, "%s: %s (UTC)\n", wd.Assessed, p)
	}
	if l := v.asOfLine(); l != "" {
		fmt.Fprintf(&b, "%s\n", l)
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s:\t%s\t(%d/%d %s)\n", wd.NationalRate, surveyPct(sv.Rate), sv.Met, sv.Applicable, wd.MandatoryMet)
	fmt.Fprintf(tw, "%s:\t%s\t(%d/%d %s)\n", wd.FullyCompliant, surveyPct(sv.FullyCompliantShare), sv.FullyCompliant, sv.Portals, wd.Units)
	fmt.Fprintf(tw, "%s:\t%.1f\n", wd.MeanOverall, finite(sv.MeanOverall))
	fmt.Fprintf(tw, "%s:\t%d\t%s\n", wd.NotReached, s.Unreachable, v.listUnits(func(p SurveyPortal) bool { return p.Unreachable }))
	if s.Incomplete > 0 {
		fmt.Fprintf(tw, "%s:\t%d\t%s\n", wd.Incomplete, s.Incomplete, v.listUnits(func(p SurveyPortal) bool { return !p.Unreachable && p.Error != "" }))
	}
	tw.Flush()
	b.WriteString(v.levelsText())
	b.WriteString(v.viewsText())

	fmt.Fprintf(&b, "\n%s\n", wd.ByGroup)
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", wd.Group, wd.Rate, wd.MetApplicable, wd.MeanScore)
	for _, g := range v.groups() {
		fmt.Fprintf(tw, "%s\t%s\t%d/%d\t%.1f\n", v.opt.groupTitle(g.Group), surveyPct(g.Rate), g.Met, g.Applicable, finite(g.MeanScore))
	}
	tw.Flush()

	fmt.Fprintf(&b, "\n%s\n", fmt.Sprintf(wd.WeakestN, len(v.weak)))
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for i, c := range v.weak {
		fmt.Fprintf(tw, "%3d.\t%s\t%7s\t%d/%d\t%s\n", i+1, c.Criterion, surveyPct(c.Rate), c.Met, c.Applicable, v.criterionTitle(c.Criterion))
	}
	if len(v.weak) == 0 {
		fmt.Fprintf(tw, "  %s\n", wd.NoneApplicable)
	}
	tw.Flush()
	if len(v.never) > 0 {
		fmt.Fprintf(&b, "\n%s\n", fmt.Sprintf(wd.NeverN, len(v.never)))
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		for _, c := range v.never {
			fmt.Fprintf(tw, "    \t%s\t%s\n", c.Criterion, v.criterionTitle(c.Criterion))
		}
		tw.Flush()
	}

	fmt.Fprintf(&b, "\n%s\n", wd.Ranking)
	tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", "#", wd.Unit, wd.Rate, wd.MetApplicable, wd.Score, wd.Grade, wd.URL, wd.Note)
	for _, p := range s.Portals {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d/%d\t%.1f\t%s\t%s\t%s\n", p.Rank, oneLine(p.Unit), surveyPct(p.Rate), p.Met, p.Applicable,
			p.Overall, v.grade(p), p.URL, v.note(p))
	}
	tw.Flush()
	for _, p := range s.Portals {
		if p.Error != "" {
			fmt.Fprintf(&b, "\n%s (%s): %s", oneLine(p.Unit), p.URL, oneLine(p.Error))
		}
	}
	if s.Unreachable+s.Incomplete > 0 {
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\n%s · %s %s\n", scoring.Model, v.opt.Tool, v.opt.Version)
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ") // tabwriter pads cells before an empty last one
	}
	_, err = io.WriteString(w, strings.Join(lines, "\n"))
	return err
}

// period is when the survey's reports were made, as days: "2026-11-27" or "2026-11-20 – 2026-11-27".
func (s *Survey) period() string {
	day := func(ts string) string {
		if t, err := time.Parse(time.RFC3339, ts); err == nil {
			return t.UTC().Format("2006-01-02")
		}
		return ts
	}
	from, to := day(s.AssessedFrom), day(s.AssessedTo)
	switch {
	case from == "":
		return ""
	case from == to:
		return from
	}
	return from + " – " + to
}

func (v *surveyView) listUnits(keep func(SurveyPortal) bool) string {
	var units []string
	for _, p := range v.s.Portals {
		if keep(p) {
			units = append(units, oneLine(p.Unit))
		}
	}
	sort.Strings(units)
	if len(units) > 5 {
		units = append(units[:5], fmt.Sprintf(v.w.AndMore, len(units)-5))
	}
	return strings.Join(units, ", ")
}

// oneLine folds whitespace (tabs, newlines) so that a name never breaks a terminal table.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// WriteSurveyMarkdown writes s as GitHub-flavoured Markdown: the national figures, the groups,
// the weakest criteria and the ranking as tables.
func WriteSurveyMarkdown(w io.Writer, s *Survey, opt Options) error {
	v, err := newSurveyView(s, opt)
	if err != nil {
		return err
	}
	sv, wd := s.Survey, v.w
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", wd.Title)
	fmt.Fprintf(&b, "**%s:** %s %s · **%s:** %d", wd.Catalogue, mdInline(sv.Catalogue.ID), mdInline(sv.Catalogue.Version), wd.PortalsCap, sv.Portals)
	if len(s.Only) > 0 {
		fmt.Fprintf(&b, " · **%s:** %s", wd.Only, mdInline(strings.Join(s.Only, ", ")))
	}
	if p := s.period(); p != "" {
		fmt.Fprintf(&b, " · **%s:** %s (UTC)", wd.Assessed, p)
	}
	b.WriteString("\n\n")
	if l := v.asOfLine(); l != "" {
		fmt.Fprintf(&b, "%s\n\n", mdCell(l))
	}
	fmt.Fprintf(&b, "| %s | %s | %s | %s |\n|---:|---:|---:|---:|\n", wd.NationalRate, wd.FullyCompliant, wd.MeanOverall, wd.NotReached)
	fmt.Fprintf(&b, "| **%s** (%d / %d) | %s (%d / %d) | %.1f | %d |\n\n", surveyPct(sv.Rate), sv.Met, sv.Applicable,
		surveyPct(sv.FullyCompliantShare), sv.FullyCompliant, sv.Portals, finite(sv.MeanOverall), s.Unreachable)
	b.WriteString(v.levelsMarkdown())
	b.WriteString(v.viewsMarkdown())

	fmt.Fprintf(&b, "### %s\n\n| %s | %s | %s | %s |\n|:---|---:|---:|---:|\n", wd.ByGroup, wd.Group, wd.Rate, wd.MetApplicable, wd.MeanScore)
	for _, g := range v.groups() {
		fmt.Fprintf(&b, "| %s | %s | %d / %d | %.1f |\n", mdCell(v.opt.groupTitle(g.Group)), surveyPct(g.Rate), g.Met, g.Applicable, finite(g.MeanScore))
	}

	fmt.Fprintf(&b, "\n### %s\n\n", fmt.Sprintf(wd.WeakestN, len(v.weak)))
	if len(v.weak) == 0 {
		fmt.Fprintf(&b, "%s\n", wd.NoneApplicable)
	} else {
		fmt.Fprintf(&b, "| # | %s | %s | %s | %s |\n|---:|:---|:---|---:|---:|\n", wd.Criterion, wd.Title1, wd.Rate, wd.MetApplicable)
		for i, c := range v.weak {
			fmt.Fprintf(&b, "| %d | `%s` | %s | %s | %d / %d |\n", i+1, mdInline(c.Criterion), mdCell(v.criterionTitle(c.Criterion)),
				surveyPct(c.Rate), c.Met, c.Applicable)
		}
	}
	if len(v.never) > 0 {
		fmt.Fprintf(&b, "\n<details><summary>%s</summary>\n\n", fmt.Sprintf(wd.NeverN, len(v.never)))
		for _, c := range v.never {
			fmt.Fprintf(&b, "- `%s` %s\n", mdInline(c.Criterion), mdCell(v.criterionTitle(c.Criterion)))
		}
		b.WriteString("\n</details>\n")
	}

	fmt.Fprintf(&b, "\n### %s\n\n| # | %s | %s | %s | %s | %s | %s |\n|---:|:---|---:|---:|---:|:---|:---|\n",
		wd.Ranking, wd.Unit, wd.Rate, wd.MetApplicable, wd.Score, wd.Grade, wd.Note)
	for _, p := range s.Portals {
		fmt.Fprintf(&b, "| %d | %s<br><sub>%s</sub> | %s | %d / %d | %.1f | %s | %s |\n", p.Rank, mdCell(p.Unit), mdCell(p.URL),
			surveyPct(p.Rate), p.Met, p.Applicable, p.Overall, mdCell(v.grade(p)), mdCell(v.note(p)))
	}
	var errs []SurveyPortal
	for _, p := range s.Portals {
		if p.Error != "" {
			errs = append(errs, p)
		}
	}
	if len(errs) > 0 {
		fmt.Fprintf(&b, "\n<details><summary>%s (%d)</summary>\n\n", wd.Problems, len(errs))
		for _, p := range errs {
			fmt.Fprintf(&b, "- **%s** (%s): %s\n", mdInline(p.Unit), mdInline(p.URL), mdCell(p.Error))
		}
		b.WriteString("\n</details>\n")
	}
	fmt.Fprintf(&b, "\n<sub>%s · %s</sub>\n", mdInline(scoring.Model), mdInline(v.opt.Tool+" "+v.opt.Version))
	_, err = io.WriteString(w, b.String())
	return err
}

// surveyWords are the survey writers' labels, by language.
type surveyWords struct {
	Title, PortalsWord, PortalsCap, Units, NationalRate, MandatoryMet, FullyCompliant, MeanOverall, NotReached,
	Incomplete, ByGroup, Group, Rate, MetApplicable, MeanScore, WeakestN, NeverN, NoneApplicable, Ranking, Unit, Score,
	Grade, URL, Note, Unreachable1, Unreadable1, Incomplete1, CappedBy, AndMore, Catalogue, Criterion, Title1, Problems,
	ByUnit, ByUnitDesc, ByCriterion, ByCriterionDesc, Heatmap, HeatmapDesc, ShowTable, GroupDesc, WeakestDesc,
	Advice, NotScored, Contents, Only, Figures, Assessed string
}

// surveyWordsEN and surveyWordsVI are the survey writers' labels, each given in both languages side by side.
var surveyWordsEN, surveyWordsVI = bilingual(func(tr func(en, vi string) string) surveyWords {
	return surveyWords{
		Title:           tr("Project 06 survey", "Khảo sát theo Đề án 06"),
		PortalsWord:     tr("portals", "cổng"),
		PortalsCap:      tr("Portals", "Số cổng"),
		Units:           tr("units", "đơn vị"),
		NationalRate:    tr("National compliance rate", "Tỷ lệ đáp ứng toàn quốc"),
		MandatoryMet:    tr("mandatory criteria met", "tiêu chí bắt buộc đạt"),
		FullyCompliant:  tr("Units fully compliant", "Đơn vị đáp ứng đầy đủ"),
		MeanOverall:     tr("Mean overall score", "Điểm tổng bình quân"),
		NotReached:      tr("Portals not reached or unreadable", "Cổng không truy cập hoặc không đọc được"),
		Incomplete:      tr("Assessments incomplete", "Đánh giá chưa hoàn tất"),
		ByGroup:         tr("By group", "Theo nhóm"),
		Group:           tr("Group", "Nhóm"),
		Rate:            tr("Rate", "Tỷ lệ"),
		MetApplicable:   tr("Met/applicable", "Đạt/áp dụng"),
		MeanScore:       tr("Mean score", "Điểm bình quân"),
		WeakestN:        tr("The %d weakest criteria", "%d tiêu chí yếu nhất"),
		NeverN:          tr("Never assessed (%d): not tested or error on every portal, which says nothing about compliance", "Chưa đánh giá được (%d): chưa kiểm tra hoặc lỗi ở mọi cổng, chưa cho biết cổng đạt hay không"),
		NoneApplicable:  tr("No mandatory criterion applied.", "Không có tiêu chí bắt buộc nào được áp dụng."),
		Ranking:         tr("Ranking", "Xếp hạng"),
		Unit:            tr("Unit", "Đơn vị"),
		Score:           tr("Score", "Điểm"),
		Grade:           tr("Grade", "Xếp loại"),
		URL:             tr("URL", "Địa chỉ"),
		Note:            tr("Note", "Ghi chú"),
		Unreachable1:    tr("not reached", "không truy cập được"),
		Unreadable1:     tr("home page unreadable", "không đọc được trang chủ"),
		Incomplete1:     tr("incomplete", "chưa hoàn tất"),
		CappedBy:        tr("capped by", "bị giới hạn bởi"),
		AndMore:         tr("and %d more", "và %d đơn vị khác"),
		Catalogue:       tr("Catalogue", "Bộ tiêu chí"),
		Criterion:       tr("Criterion", "Tiêu chí"),
		Title1:          tr("Title", "Tên tiêu chí"),
		Problems:        tr("Portals not fully assessed", "Cổng chưa được đánh giá đầy đủ"),
		ByUnit:          tr("Compliance per unit", "Mức đáp ứng theo đơn vị"),
		ByUnitDesc:      tr("Mandatory criteria met / applicable, per unit, in ranking order.", "Số tiêu chí bắt buộc đạt / áp dụng của từng đơn vị, theo thứ hạng."),
		ByCriterion:     tr("Rate per criterion", "Tỷ lệ theo tiêu chí"),
		ByCriterionDesc: tr("Share of the units where each mandatory criterion applied that meet it.", "Tỷ lệ đơn vị đạt mỗi tiêu chí bắt buộc, trong số đơn vị áp dụng tiêu chí đó."),
		Heatmap:         tr("Group scores per unit", "Điểm nhóm theo đơn vị"),
		HeatmapDesc:     tr("Each unit's score (0–100) in each group; an empty cell: not tested (nothing in the group was assessed), which is not 0.", "Điểm (0–100) của từng đơn vị trong từng nhóm; ô trống: chưa kiểm tra (không tiêu chí nào của nhóm được đánh giá), không phải 0."),
		ShowTable:       tr("Show as a table", "Xem dạng bảng"),
		GroupDesc:       tr("Mandatory criteria met / applicable across all units, and the mean group score.", "Tiêu chí bắt buộc đạt / áp dụng trên mọi đơn vị, và điểm nhóm bình quân."),
		WeakestDesc:     tr("Mandatory criteria met by the smallest share of the units where they apply.", "Các tiêu chí bắt buộc có tỷ lệ đơn vị đạt thấp nhất."),
		Advice:          tr("How to fix", "Cách khắc phục"),
		NotScored:       tr("not tested", "chưa kiểm tra"),
		Contents:        tr("Contents", "Mục lục"),
		Only:            tr("Limited to", "Chỉ đánh giá"),
		Figures:         tr("National figures", "Số liệu toàn quốc"),
		Assessed:        tr("Assessed", "Thời gian đánh giá"),
	}
})
