package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"
	"unicode"

	"github.com/p06kit/p06kit/scoring"
)

//go:embed survey.html.tmpl
var surveyHTMLTemplate string

var surveyHTMLTmpl = template.Must(template.New("survey").Parse(surveyHTMLTemplate))

// The charts are drawn in a 1000-unit-wide view box, scaled to the page width.
const (
	surveyChartW   = 1000.0
	surveyRowH     = 24.0
	surveyBarH     = 16.0
	surveyAxisH    = 26.0
	surveyValueW   = 190.0 // room right of the bars for the value text
	surveyHeatColW = 84.0
)

// surveyChart is a horizontal bar chart: one row per item, a label on the left, a bar scaled
// to 0–100 %, the value on the right, and a tooltip per row.
type surveyChart struct {
	ID, Title, Desc string
	H               float64
	BarX, BarW      float64
	ValueX          float64
	Ticks           []surveyTick
	Rows            []surveyRow
}

type surveyTick struct {
	X     float64
	Label string
}

type surveyRow struct {
	Heading      bool
	TextY, BarY  float64
	HitY         float64
	Label, Value string
	W            float64
	Color        string
	Tip          string
	Muted        bool
}

// surveyHeat is the unit × group matrix of group scores.
type surveyHeat struct {
	Title, Desc string
	W, H        float64
	HeadY       float64
	Cols        []surveyHeatCol
	Rows        []surveyHeatRow
	// Head and Table are the matrix as a table.
	Head  []string
	Table [][]string
}

type surveyHeatCol struct {
	X, CX, Y    float64
	Label, Full string
}

type surveyHeatRow struct {
	Muted       bool
	Y, TextY    float64
	Label, Full string
	Cells       []surveyHeatCell
}

type surveyHeatCell struct {
	X, CX, Y, TextY float64
	Text, Fill      string
	Tip             string
}

type surveyHTMLData struct {
	Lang      string
	W         surveyWords
	S         *Survey
	Catalogue string
	Grading   string
	Period    string
	AsOf      string
	Levels    []SurveyLevelRow
	Views     []SurveyViewTable
	LevelW    map[string]string
	Rate      string
	RateColor string
	RateArc   string
	Share     string
	Mean      string
	Groups    surveyChart
	Units     surveyChart
	Criteria  surveyChart
	Weakest   surveyChart
	Heat      *surveyHeat
	GroupRows []surveyGroupRow
	CritRows  []surveyCritRow
	WeakRows  []surveyWeakRow
	Ranking   []surveyRankRow
	Problems  []SurveyPortal
	Footer    string
}

type surveyGroupRow struct {
	Title, Rate, MetApplicable, Mean string
}

type surveyCritRow struct {
	ID, Title, Group, Rate, MetApplicable string
}

type surveyWeakRow struct {
	N                                     int
	ID, Title, Group, Rate, MetApplicable string
	Advice                                string
}

type surveyRankRow struct {
	Rank                                               int
	Unit, URL, Rate, MetApplicable, Score, Grade, Note string
	Bad                                                bool
}

// WriteSurveyHTML writes s as a single self-contained HTML page in opt.Lang, in the look of the
// assessment report (WriteHTML): the national figures, then inline SVG charts — compliance per
// unit as a ranked bar chart, the rate per group, each unit's group scores, the rate per
// criterion and the weakest criteria — each chart with a text tooltip per bar and the same data
// as a table. The page loads nothing (its Content-Security-Policy forbids it) and runs no script.
func WriteSurveyHTML(w io.Writer, s *Survey, opt Options) error {
	v, err := newSurveyView(s, opt)
	if err != nil {
		return err
	}
	sv, wd := s.Survey, v.w
	d := surveyHTMLData{Lang: v.opt.Lang, W: wd, S: s, Rate: surveyPct(sv.Rate), RateColor: scoreColor(100 * sv.Rate),
		RateArc: surveyArc(100 * sv.Rate), Share: surveyPct(sv.FullyCompliantShare), Mean: fmt.Sprintf("%.1f", finite(sv.MeanOverall)),
		Catalogue: sv.Catalogue.ID + " " + sv.Catalogue.Version, Period: s.period(), Footer: scoring.Model + " · " + v.opt.Tool + " " + v.opt.Version,
		AsOf: v.asOfLine(), Levels: v.levelRows(), Views: v.viewTables()}
	if lw := levelWords(v.opt.Lang); len(d.Levels) > 0 {
		d.LevelW = map[string]string{"ByLevel": lw.ByLevel, "Level": lw.Level, "Units": lw.Units}
	}
	if v.cat != nil {
		d.Catalogue = v.cat.Title.In(v.opt.Lang) + " (" + d.Catalogue + ")"
	}
	if len(s.Portals) > 0 {
		if b, ok := scoring.BandsByID(s.Portals[0].Grading); ok {
			d.Grading = b.Source
		}
	}

	// Compliance per unit, ranked.
	units := []surveyRow{}
	for _, p := range s.Portals {
		r := surveyRow{Label: surveyFit(fmt.Sprintf("%d. %s", p.Rank, oneLine(p.Unit)), 275),
			Value: fmt.Sprintf("%s · %d/%d", surveyPct(p.Rate), p.Met, p.Applicable), W: p.Rate,
			Color: scoreColor(100 * p.Rate)}
		r.Tip = fmt.Sprintf("%s — %s\n%s: %s (%d/%d)\n%s: %.1f · %s: %s", oneLine(p.Unit), p.URL, wd.Rate, surveyPct(p.Rate),
			p.Met, p.Applicable, wd.Score, p.Overall, wd.Grade, v.grade(p))
		if n := v.note(p); n != "" {
			r.Tip += "\n" + n
		}
		if p.Error != "" {
			r.Muted = true
			r.Value = v.note(p)
			r.Tip += ": " + oneLine(p.Error)
		}
		units = append(units, r)
		rr := surveyRankRow{Rank: p.Rank, Unit: p.Unit, URL: p.URL, Rate: surveyPct(p.Rate), MetApplicable: fmt.Sprintf("%d/%d", p.Met, p.Applicable),
			Score: fmt.Sprintf("%.1f", p.Overall), Grade: v.grade(p), Note: v.note(p), Bad: p.Error != ""}
		d.Ranking = append(d.Ranking, rr)
	}
	d.Units = newSurveyChart("units", wd.ByUnit, wd.ByUnitDesc, 300, units)

	// Per group.
	groups := []surveyRow{}
	for _, g := range v.groups() {
		t := v.opt.groupTitle(g.Group)
		groups = append(groups, surveyRow{Label: surveyFit(t, 275), W: g.Rate, Color: scoreColor(100 * g.Rate),
			Value: fmt.Sprintf("%s · %d/%d", surveyPct(g.Rate), g.Met, g.Applicable),
			Tip:   fmt.Sprintf("%s\n%s: %s (%d/%d)\n%s: %.1f", t, wd.Rate, surveyPct(g.Rate), g.Met, g.Applicable, wd.MeanScore, finite(g.MeanScore))})
		d.GroupRows = append(d.GroupRows, surveyGroupRow{Title: t, Rate: surveyPct(g.Rate), MetApplicable: fmt.Sprintf("%d/%d", g.Met, g.Applicable),
			Mean: fmt.Sprintf("%.1f", finite(g.MeanScore))})
	}
	d.Groups = newSurveyChart("groups", wd.ByGroup, wd.GroupDesc, 300, groups)

	// Per criterion, under a heading per group.
	crits := []surveyRow{}
	for _, g := range sv.Groups {
		var rows []surveyRow
		for _, c := range sv.Criteria {
			if c.Group != g.Group || c.Applicable == 0 {
				continue
			}
			t := v.criterionTitle(c.Criterion)
			rows = append(rows, surveyRow{Label: surveyFit(c.Criterion+"  "+t, 395), W: c.Rate, Color: scoreColor(100 * c.Rate),
				Value: fmt.Sprintf("%s · %d/%d", surveyPct(c.Rate), c.Met, c.Applicable),
				Tip:   fmt.Sprintf("%s %s\n%s: %s (%d/%d)", c.Criterion, t, wd.Rate, surveyPct(c.Rate), c.Met, c.Applicable)})
			d.CritRows = append(d.CritRows, surveyCritRow{ID: c.Criterion, Title: t, Group: v.opt.groupTitle(g.Group), Rate: surveyPct(c.Rate),
				MetApplicable: fmt.Sprintf("%d/%d", c.Met, c.Applicable)})
		}
		if len(rows) > 0 {
			crits = append(crits, surveyRow{Heading: true, Label: v.opt.groupTitle(g.Group)})
			crits = append(crits, rows...)
		}
	}
	d.Criteria = newSurveyChart("criteria", wd.ByCriterion, wd.ByCriterionDesc, 420, crits)

	// The weakest.
	weak := []surveyRow{}
	for i, c := range v.weak {
		t := v.criterionTitle(c.Criterion)
		weak = append(weak, surveyRow{Label: surveyFit(fmt.Sprintf("%d. %s  %s", i+1, c.Criterion, t), 395), W: c.Rate, Color: scoreColor(100 * c.Rate),
			Value: fmt.Sprintf("%s · %d/%d", surveyPct(c.Rate), c.Met, c.Applicable),
			Tip:   fmt.Sprintf("%s %s\n%s: %s (%d/%d)", c.Criterion, t, wd.Rate, surveyPct(c.Rate), c.Met, c.Applicable)})
		wr := surveyWeakRow{N: i + 1, ID: c.Criterion, Title: t, Group: v.opt.groupTitle(c.Group), Rate: surveyPct(c.Rate),
			MetApplicable: fmt.Sprintf("%d/%d", c.Met, c.Applicable)}
		if cr := v.opt.criterion(c.Criterion); cr != nil {
			wr.Advice = cr.Advice.In(v.opt.Lang)
		}
		d.WeakRows = append(d.WeakRows, wr)
	}
	d.Weakest = newSurveyChart("weakest", fmt.Sprintf(wd.WeakestN, len(v.weak)), wd.WeakestDesc, 420, weak)

	d.Heat = v.heat()
	for _, p := range s.Portals {
		if p.Error != "" {
			d.Problems = append(d.Problems, p)
		}
	}
	return surveyHTMLTmpl.Execute(w, d)
}

// newSurveyChart lays rows out: labels in the first labelW units, bars up to the value column.
func newSurveyChart(id, title, desc string, labelW float64, rows []surveyRow) surveyChart {
	c := surveyChart{ID: id, Title: title, Desc: desc, BarX: labelW + 10, ValueX: surveyChartW - surveyValueW + 10}
	c.BarW = c.ValueX - 10 - c.BarX
	for _, p := range []float64{0, 25, 50, 75, 100} {
		c.Ticks = append(c.Ticks, surveyTick{X: c.BarX + c.BarW*p/100, Label: fmt.Sprintf("%g%%", p)})
	}
	y := surveyAxisH
	for _, r := range rows {
		if r.Heading {
			y += 6
		}
		r.TextY = y + surveyRowH/2 + 4.5
		r.BarY = y + (surveyRowH-surveyBarH)/2
		r.HitY = y
		r.W = round2(c.BarW * math.Max(0, math.Min(finite(r.W), 1)))
		c.Rows = append(c.Rows, r)
		y += surveyRowH
	}
	c.H = y + 4
	return c
}

// heat builds the unit × group matrix and its table alternative.
func (v *surveyView) heat() *surveyHeat {
	groups := v.groups()
	if len(groups) == 0 || len(v.s.Portals) == 0 {
		return nil
	}
	h := &surveyHeat{Title: v.w.Heatmap, Desc: v.w.HeatmapDesc, HeadY: 130}
	labelW := 300.0
	h.Head = append(h.Head, v.w.Unit)
	for i, g := range groups {
		t := v.opt.groupTitle(g.Group)
		x := labelW + float64(i)*surveyHeatColW
		h.Cols = append(h.Cols, surveyHeatCol{X: x, CX: x + surveyHeatColW/2, Y: h.HeadY, Label: surveyFit(t, 165), Full: t})
		h.Head = append(h.Head, t)
	}
	h.W = labelW + float64(len(groups))*surveyHeatColW + 110 // room for the last rotated label
	y := h.HeadY
	for _, p := range v.s.Portals {
		row := surveyHeatRow{Y: y, TextY: y + surveyRowH/2 + 4.5, Label: surveyFit(fmt.Sprintf("%d. %s", p.Rank, oneLine(p.Unit)), 275),
			Full: oneLine(p.Unit), Muted: p.Error != ""}
		cells := []string{p.Unit}
		for i, g := range groups {
			x := labelW + float64(i)*surveyHeatColW
			cell := surveyHeatCell{X: x + 1, CX: x + surveyHeatColW/2, Y: y + 1, TextY: row.TextY, Fill: "#f0f2f4"}
			t := v.opt.groupTitle(g.Group)
			if sc, ok := p.Groups[g.Group]; ok {
				cell.Text, cell.Fill = fmt.Sprintf("%.0f", sc), surveyTint(sc)
				if row.Muted {
					cell.Fill = "#f0f2f4" // not assessed: its zeros are counted, not measured
				}
				cell.Tip = fmt.Sprintf("%s — %s: %.1f", oneLine(p.Unit), t, sc)
				cells = append(cells, fmt.Sprintf("%.1f", sc))
			} else {
				cell.Text = "–"
				cell.Tip = fmt.Sprintf("%s — %s: %s", oneLine(p.Unit), t, v.w.NotScored)
				cells = append(cells, "–")
			}
			row.Cells = append(row.Cells, cell)
		}
		h.Table = append(h.Table, cells)
		h.Rows = append(h.Rows, row)
		y += surveyRowH
	}
	h.H = y + 4
	return h
}

// surveyTint is a light tint of scoreColor, for matrix cells with dark text on them.
func surveyTint(score float64) string {
	switch {
	case score >= 90:
		return "#c8ebd1"
	case score >= 70:
		return "#cfe7ec"
	case score >= 50:
		return "#f7e2bb"
	}
	return "#f8cfcf"
}

// surveyArc is the stroke-dasharray of a ring of radius 52 filled to pct.
func surveyArc(pct float64) string {
	c := 2 * math.Pi * 52
	p := math.Max(0, math.Min(finite(pct), 100))
	return fmt.Sprintf("%.2f %.2f", c*p/100, c)
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// surveyFit shortens s to fit about width units of 13px text in the charts, ending with "…" when
// cut. Widths are estimated per character class (no font metrics in a report writer), on the
// generous side so that a label never runs into its bar.
func surveyFit(s string, width float64) string {
	w := 0.0
	r := []rune(s)
	for i, c := range r {
		switch {
		case strings.ContainsRune("iljtfr .,:;'|()!-", c):
			w += 4.2
		case strings.ContainsRune("mwMW", c):
			w += 11
		case unicode.IsUpper(c) || unicode.IsDigit(c):
			w += 8.8
		default:
			w += 7.3
		}
		if w > width {
			return strings.TrimSpace(string(r[:max(i-1, 0)])) + "…"
		}
	}
	return s
}
