package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/p06kit/p06kit/internal/redact"
	"github.com/p06kit/p06kit/scoring"
)

// Change is one criterion's status in two reports.
type Change struct {
	Criterion string         `json:"criterion"`
	Group     string         `json:"group,omitempty"`
	Old       scoring.Status `json:"old,omitempty"`
	New       scoring.Status `json:"new,omitempty"`
	// Message is the new report's message (the old one's when the criterion is gone).
	Message string `json:"message,omitempty"`
}

// Delta is a number in two reports.
type Delta struct {
	Old   float64 `json:"old"`
	New   float64 `json:"new"`
	Delta float64 `json:"delta"`
}

func delta(o, n float64) Delta { return Delta{Old: o, New: n, Delta: n - o} }

// GroupDelta is a group's score in two reports; Old or New is null when the group was not
// tested in that report (no score, which is not 0), and Delta is null unless both are scored.
type GroupDelta struct {
	Old   *float64 `json:"old"`
	New   *float64 `json:"new"`
	Delta *float64 `json:"delta"`
}

func groupDelta(o, n *float64) GroupDelta {
	d := GroupDelta{Old: o, New: n}
	if o != nil && n != nil {
		v := *n - *o
		d.Delta = &v
	}
	return d
}

// Diff compares two reports of the same portal (what a CI job or an assessor wants to know
// between two runs).
type Diff struct {
	Old ReportRef `json:"old"`
	New ReportRef `json:"new"`
	// NewlyFailing were met (or not failing) before and now fail or error: regressions.
	NewlyFailing []Change `json:"newly_failing"`
	// Fixed failed or errored before and are now met (pass, attested) or waived.
	Fixed []Change `json:"fixed"`
	// StillFailing fail or error in both.
	StillFailing []Change `json:"still_failing"`
	// Changed changed status otherwise (e.g. pass → not_tested, fail → error).
	Changed []Change `json:"changed"`
	// Added and Removed are criteria in only one of the reports (a new catalogue version).
	Added   []Change `json:"added"`
	Removed []Change `json:"removed"`
	// Unchanged counts criteria with the same status in both.
	Unchanged int `json:"unchanged"`
	// Score, Compliance and Groups are the score deltas.
	Score      Delta                 `json:"score"`
	Compliance Delta                 `json:"compliance_rate"`
	Groups     map[string]GroupDelta `json:"groups"`
	// GradeOld and GradeNew are the grade band IDs.
	GradeOld string `json:"grade_old"`
	GradeNew string `json:"grade_new"`
	// Warnings say why the two reports may not be comparable: different portals or catalogues.
	Warnings []Warning `json:"warnings,omitempty"`
	// Lang is the language of [Diff.WriteText]: "vi" (the default when empty) or "en".
	Lang string `json:"-"`

	old, new *scoring.Report
}

// Warning is a reason two reports may not be comparable, by code with its two values.
type Warning struct {
	// Code is "targets_differ", "catalogues_differ" or "partial" (a report of a --only run; Old
	// and New are each run's selection, "" for a whole run).
	Code string `json:"code"`
	Old  string `json:"old"`
	New  string `json:"new"`
}

// ReportRef identifies a report in a diff.
type ReportRef struct {
	Target    string `json:"target"`
	Catalogue string `json:"catalogue"`
	StartedAt string `json:"started_at,omitempty"`
}

func refOf(r *scoring.Report) ReportRef {
	return ReportRef{Target: redact.URL(r.Target), Catalogue: r.Catalogue.ID + "@" + r.Catalogue.Version, StartedAt: r.StartedAt}
}

func failing(s scoring.Status) bool { return s == scoring.Fail || s == scoring.Error }

func met(s scoring.Status) bool {
	return s == scoring.Pass || s == scoring.Attested || s == scoring.Waived
}

// Compare returns the diff from old to new. Lists are sorted by criterion ID.
func Compare(old, new *scoring.Report) *Diff {
	d := &Diff{Old: refOf(old), New: refOf(new), Groups: map[string]GroupDelta{}, old: old, new: new,
		NewlyFailing: []Change{}, Fixed: []Change{}, StillFailing: []Change{}, Changed: []Change{}, Added: []Change{}, Removed: []Change{},
		Score:      delta(old.Scores.Overall, new.Scores.Overall),
		Compliance: delta(old.Scores.Compliance.Rate, new.Scores.Compliance.Rate),
		GradeOld:   old.Scores.Grade, GradeNew: new.Scores.Grade}
	if old.Target != new.Target {
		d.Warnings = append(d.Warnings, Warning{Code: "targets_differ", Old: old.Target, New: new.Target})
	}
	if old.Catalogue.ID != new.Catalogue.ID {
		d.Warnings = append(d.Warnings, Warning{Code: "catalogues_differ", Old: old.Catalogue.ID, New: new.Catalogue.ID})
	}
	if old.Partial != nil || new.Partial != nil {
		sel := func(r *scoring.Report) string {
			if r.Partial == nil {
				return ""
			}
			return strings.Join(r.Partial.Selected, ",")
		}
		d.Warnings = append(d.Warnings, Warning{Code: "partial", Old: sel(old), New: sel(new)})
	}
	before := map[string]scoring.Finding{}
	for _, f := range old.Findings {
		before[f.Criterion] = f
	}
	seen := map[string]bool{}
	for _, f := range new.Findings {
		seen[f.Criterion] = true
		o, ok := before[f.Criterion]
		c := Change{Criterion: f.Criterion, Group: f.Group, Old: o.Status, New: f.Status, Message: redact.Text(f.Message)}
		switch {
		case !ok:
			d.Added = append(d.Added, c)
		case o.Status == f.Status && failing(f.Status):
			d.StillFailing = append(d.StillFailing, c)
		case o.Status == f.Status:
			d.Unchanged++
		case failing(f.Status) && !failing(o.Status):
			d.NewlyFailing = append(d.NewlyFailing, c)
		case failing(o.Status) && met(f.Status):
			d.Fixed = append(d.Fixed, c)
		default:
			d.Changed = append(d.Changed, c)
		}
	}
	for _, f := range old.Findings {
		if !seen[f.Criterion] {
			d.Removed = append(d.Removed, Change{Criterion: f.Criterion, Group: f.Group, Old: f.Status, Message: redact.Text(f.Message)})
		}
	}
	for g, gs := range new.Scores.Groups {
		d.Groups[g] = groupDelta(old.Scores.Groups[g].Score, gs.Score)
	}
	for g, gs := range old.Scores.Groups {
		if _, ok := new.Scores.Groups[g]; !ok {
			d.Groups[g] = groupDelta(gs.Score, nil)
		}
	}
	for _, l := range [][]Change{d.NewlyFailing, d.Fixed, d.StillFailing, d.Changed, d.Added, d.Removed} {
		sort.Slice(l, func(i, j int) bool { return l[i].Criterion < l[j].Criterion })
	}
	return d
}

// Regressed reports whether anything newly fails.
func (d *Diff) Regressed() bool { return len(d.NewlyFailing) > 0 }

// WriteJSON writes the diff as JSON.
func (d *Diff) WriteJSON(w io.Writer) error {
	return writeIndentedJSON(w, d)
}

// diffWords are the labels of [Diff.WriteText], by language.
type diffWords struct {
	Title, Old, New, Score, Compliance, Points, Grade, Unchanged, NotScored, TargetsDiffer, CataloguesDiffer, Partial, Whole string
	NewlyFailing, Fixed, StillFailing, Changed, Added, Removed                                                               string
}

// diffEN and diffVI are the labels of [Diff.WriteText], each given in both languages side by side.
var diffEN, diffVI = bilingual(func(tr func(en, vi string) string) diffWords {
	return diffWords{
		Title:            tr("p06kit report diff", "So sánh hai báo cáo p06kit"),
		Old:              tr("old", "trước"),
		New:              tr("new", "sau"),
		Score:            tr("score", "điểm"),
		Compliance:       tr("compliance", "mức đáp ứng"),
		Points:           tr("points", "điểm phần trăm"),
		Grade:            tr("grade", "xếp loại"),
		Unchanged:        tr("unchanged", "không đổi"),
		NotScored:        tr("not tested", "chưa kiểm tra"),
		TargetsDiffer:    tr("warning: the reports are of different portals (%s, %s): the diff compares two portals, not two runs", "cảnh báo: hai báo cáo thuộc hai cổng khác nhau (%s, %s): đây là so sánh hai cổng, không phải hai lần chạy"),
		CataloguesDiffer: tr("warning: the reports use different catalogues (%s, %s)", "cảnh báo: hai báo cáo dùng hai bộ tiêu chí khác nhau (%s, %s)"),
		Partial:          tr("warning: a partial run (--only) is compared (old: %s, new: %s): its score and grade are not the portal's and do not compare; the criteria it left out show as changed", "cảnh báo: có báo cáo đánh giá một phần (--only) (trước: %s, sau: %s): điểm và xếp loại của nó không phải của cổng và không so sánh được; các tiêu chí không được chọn hiện như đã thay đổi"),
		Whole:            tr("whole catalogue", "toàn bộ danh mục"),
		NewlyFailing:     tr("Newly failing", "Mới không đạt"),
		Fixed:            tr("Fixed", "Đã khắc phục"),
		StillFailing:     tr("Still failing", "Vẫn không đạt"),
		Changed:          tr("Changed", "Thay đổi khác"),
		Added:            tr("Added criteria", "Tiêu chí mới"),
		Removed:          tr("Removed criteria", "Tiêu chí bị bỏ"),
	}
})

// gradeOf returns the label of r's grade in lang ("—" when there is none).
func gradeOf(r *scoring.Report, id, lang string) string {
	if id == "" {
		return "—"
	}
	if r == nil {
		return id
	}
	return gradeLabel(r, lang)
}

// WriteText writes the diff for a terminal (or, with markdown, a pull-request comment), in
// d.Lang, with grade labels rather than IDs and a warning first when the reports are of
// different portals or catalogues.
func (d *Diff) WriteText(w io.Writer, markdown bool) error {
	lang := d.Lang
	if lang != "en" {
		lang = "vi"
	}
	dw := diffVI
	if lang == "en" {
		dw = diffEN
	}
	var b strings.Builder
	h := func(s string) {
		if markdown {
			fmt.Fprintf(&b, "\n### %s\n\n", s)
		} else {
			fmt.Fprintf(&b, "\n%s\n", s)
		}
	}
	item := func(c Change) {
		arrow := fmt.Sprintf("%s → %s", orDash(string(c.Old)), orDash(string(c.New)))
		if markdown {
			fmt.Fprintf(&b, "- `%s` %s — %s\n", c.Criterion, arrow, mdInline(firstLine(c.Message)))
		} else {
			fmt.Fprintf(&b, "  %-12s %-26s %s\n", c.Criterion, arrow, firstLine(c.Message))
		}
	}
	if markdown {
		fmt.Fprintf(&b, "## %s\n\n", dw.Title)
	} else {
		fmt.Fprintf(&b, "%s\n", dw.Title)
	}
	for _, wn := range d.Warnings {
		f := dw.TargetsDiffer
		o, n := wn.Old, wn.New
		switch wn.Code {
		case "catalogues_differ":
			f = dw.CataloguesDiffer
		case "partial":
			f = dw.Partial
			if o == "" {
				o = dw.Whole
			}
			if n == "" {
				n = dw.Whole
			}
		}
		if markdown {
			b.WriteString("> ⚠️ ")
			o, n = mdInline(o), mdInline(n)
		}
		fmt.Fprintf(&b, f+"\n", o, n)
	}
	fmt.Fprintf(&b, "%s: %s (%s) %s\n%s: %s (%s) %s\n", dw.Old, d.Old.Target, d.Old.Catalogue, d.Old.StartedAt, dw.New, d.New.Target, d.New.Catalogue, d.New.StartedAt)
	if markdown {
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%s %.1f → %.1f (%+.1f), %s %s → %s (%+.1f %s), %s %s → %s\n",
		dw.Score, d.Score.Old, d.Score.New, d.Score.Delta, dw.Compliance, fmtRate(d.Compliance.Old), fmtRate(d.Compliance.New), 100*d.Compliance.Delta, dw.Points,
		dw.Grade, gradeOf(d.old, d.GradeOld, lang), gradeOf(d.new, d.GradeNew, lang))
	groups := make([]string, 0, len(d.Groups))
	for g := range d.Groups {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	sc := func(v *float64) string {
		if v == nil {
			return dw.NotScored
		}
		return fmt.Sprintf("%.1f", *v)
	}
	for _, g := range groups {
		gd := d.Groups[g]
		var line string
		switch {
		case gd.Delta != nil && *gd.Delta != 0:
			line = fmt.Sprintf("%s → %s (%+.1f)", sc(gd.Old), sc(gd.New), *gd.Delta)
		case gd.Delta == nil && (gd.Old != nil || gd.New != nil):
			line = fmt.Sprintf("%s → %s", sc(gd.Old), sc(gd.New))
		default:
			continue
		}
		if markdown {
			fmt.Fprintf(&b, "- %s: %s\n", g, line)
		} else {
			fmt.Fprintf(&b, "  %-16s %s\n", g, line)
		}
	}
	sections := []struct {
		title string
		l     []Change
	}{
		{dw.NewlyFailing, d.NewlyFailing}, {dw.Fixed, d.Fixed}, {dw.StillFailing, d.StillFailing},
		{dw.Changed, d.Changed}, {dw.Added, d.Added}, {dw.Removed, d.Removed},
	}
	for _, s := range sections {
		if len(s.l) == 0 {
			continue
		}
		h(fmt.Sprintf("%s (%d)", s.title, len(s.l)))
		for _, c := range s.l {
			item(c)
		}
	}
	fmt.Fprintf(&b, "\n%s: %d\n", dw.Unchanged, d.Unchanged)
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	_, err := io.WriteString(w, strings.Join(lines, "\n"))
	return err
}
