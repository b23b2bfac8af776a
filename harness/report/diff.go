package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

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
	Score      Delta            `json:"score"`
	Compliance Delta            `json:"compliance_rate"`
	Groups     map[string]Delta `json:"groups"`
	// GradeOld and GradeNew are the grade band IDs.
	GradeOld string `json:"grade_old"`
	GradeNew string `json:"grade_new"`
}

// ReportRef identifies a report in a diff.
type ReportRef struct {
	Target    string `json:"target"`
	Catalogue string `json:"catalogue"`
	StartedAt string `json:"started_at,omitempty"`
}

func refOf(r *scoring.Report) ReportRef {
	return ReportRef{Target: r.Target, Catalogue: r.Catalogue.ID + "@" + r.Catalogue.Version, StartedAt: r.StartedAt}
}

func failing(s scoring.Status) bool { return s == scoring.Fail || s == scoring.Error }

func met(s scoring.Status) bool {
	return s == scoring.Pass || s == scoring.Attested || s == scoring.Waived
}

// Compare returns the diff from old to new. Lists are sorted by criterion ID.
func Compare(old, new *scoring.Report) *Diff {
	d := &Diff{Old: refOf(old), New: refOf(new), Groups: map[string]Delta{},
		NewlyFailing: []Change{}, Fixed: []Change{}, StillFailing: []Change{}, Changed: []Change{}, Added: []Change{}, Removed: []Change{},
		Score:      delta(old.Scores.Overall, new.Scores.Overall),
		Compliance: delta(old.Scores.Compliance.Rate, new.Scores.Compliance.Rate),
		GradeOld:   old.Scores.Grade, GradeNew: new.Scores.Grade}
	before := map[string]scoring.Finding{}
	for _, f := range old.Findings {
		before[f.Criterion] = f
	}
	seen := map[string]bool{}
	for _, f := range new.Findings {
		seen[f.Criterion] = true
		o, ok := before[f.Criterion]
		c := Change{Criterion: f.Criterion, Group: f.Group, Old: o.Status, New: f.Status, Message: f.Message}
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
			d.Removed = append(d.Removed, Change{Criterion: f.Criterion, Group: f.Group, Old: f.Status, Message: f.Message})
		}
	}
	for g, gs := range new.Scores.Groups {
		d.Groups[g] = delta(old.Scores.Groups[g].Score, gs.Score)
	}
	for g, gs := range old.Scores.Groups {
		if _, ok := new.Scores.Groups[g]; !ok {
			d.Groups[g] = delta(gs.Score, 0)
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
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

// WriteText writes the diff for a terminal (or, with markdown, a pull-request comment).
func (d *Diff) WriteText(w io.Writer, markdown bool) error {
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
		b.WriteString("## p06kit report diff\n\n")
	} else {
		b.WriteString("p06kit report diff\n")
	}
	fmt.Fprintf(&b, "old: %s (%s) %s\nnew: %s (%s) %s\n", d.Old.Target, d.Old.Catalogue, d.Old.StartedAt, d.New.Target, d.New.Catalogue, d.New.StartedAt)
	if markdown {
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "score %.1f → %.1f (%+.1f), compliance %s → %s (%+.1f points), grade %s → %s\n",
		d.Score.Old, d.Score.New, d.Score.Delta, fmtRate(d.Compliance.Old), fmtRate(d.Compliance.New), 100*d.Compliance.Delta,
		orDash(d.GradeOld), orDash(d.GradeNew))
	groups := make([]string, 0, len(d.Groups))
	for g := range d.Groups {
		groups = append(groups, g)
	}
	sort.Strings(groups)
	for _, g := range groups {
		if gd := d.Groups[g]; gd.Delta != 0 {
			if markdown {
				fmt.Fprintf(&b, "- %s: %.1f → %.1f (%+.1f)\n", g, gd.Old, gd.New, gd.Delta)
			} else {
				fmt.Fprintf(&b, "  %-16s %.1f → %.1f (%+.1f)\n", g, gd.Old, gd.New, gd.Delta)
			}
		}
	}
	sections := []struct {
		title string
		l     []Change
	}{
		{"Newly failing", d.NewlyFailing}, {"Fixed", d.Fixed}, {"Still failing", d.StillFailing},
		{"Changed", d.Changed}, {"Added criteria", d.Added}, {"Removed criteria", d.Removed},
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
	fmt.Fprintf(&b, "\nunchanged: %d\n", d.Unchanged)
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	_, err := io.WriteString(w, strings.Join(lines, "\n"))
	return err
}
