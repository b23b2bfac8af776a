package report

import (
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/scoring"
)

// What the survey writers say about the survey's as-of day and its levels of government
// (scoring.Survey.AsOf and .Levels).
var surveyLevelWords = map[string]struct {
	AsOf, AsOfNote, ByLevel, Level, Units string
	Levels                                map[string]string
}{
	"en": {AsOf: "As of", AsOfNote: "criteria not in force that day do not count", ByLevel: "By level of government",
		Level: "Level", Units: "Units",
		Levels: map[string]string{"ministry": "Ministries and ministry-level bodies", "province": "Provinces", "commune": "Communes", scoring.Unspecified: "Level not stated"}},
	"vi": {AsOf: "Tính đến ngày", AsOfNote: "tiêu chí chưa có hiệu lực vào ngày đó không được tính", ByLevel: "Theo cấp",
		Level: "Cấp", Units: "Số đơn vị",
		Levels: map[string]string{"ministry": "Bộ, cơ quan ngang bộ", "province": "Tỉnh, thành phố trực thuộc trung ương", "commune": "Cấp xã", scoring.Unspecified: "Chưa ghi cấp"}},
}

func levelWords(lang string) struct {
	AsOf, AsOfNote, ByLevel, Level, Units string
	Levels                                map[string]string
} {
	if lang == "en" {
		return surveyLevelWords["en"]
	}
	return surveyLevelWords["vi"]
}

// asOfLine is "As of: 2023-03-31 (criteria not in force that day do not count)", or "" when the
// reports were not all scored as of one day.
func (v *surveyView) asOfLine() string {
	if v.s.Survey.AsOf == "" {
		return ""
	}
	w := levelWords(v.opt.Lang)
	return fmt.Sprintf("%s: %s (%s)", w.AsOf, v.s.Survey.AsOf, w.AsOfNote)
}

func (v *surveyView) levelName(l string) string {
	if n, ok := levelWords(v.opt.Lang).Levels[l]; ok {
		return n
	}
	return l
}

// levelsText is the per-level table of the text form, or "" when no unit has a level.
func (v *surveyView) levelsText() string {
	if len(v.s.Survey.Levels) == 0 {
		return ""
	}
	w := levelWords(v.opt.Lang)
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s\n", w.ByLevel)
	for _, l := range v.s.Survey.Levels {
		fmt.Fprintf(&b, "  %-40s %3d %-10s %7s  (%d/%d)  %s %s (%d/%d)\n", v.levelName(l.Level), l.Portals, v.w.Units,
			surveyPct(l.Rate), l.Met, l.Applicable, v.w.FullyCompliant, surveyPct(l.FullyCompliantShare), l.FullyCompliant, l.Portals)
	}
	return b.String()
}

// levelsMarkdown is the per-level table of the Markdown form, or "" when no unit has a level.
func (v *surveyView) levelsMarkdown() string {
	if len(v.s.Survey.Levels) == 0 {
		return ""
	}
	w := levelWords(v.opt.Lang)
	var b strings.Builder
	fmt.Fprintf(&b, "### %s\n\n| %s | %s | %s | %s | %s |\n|:---|---:|---:|---:|---:|\n", w.ByLevel, w.Level, w.Units, v.w.Rate, v.w.MetApplicable, v.w.FullyCompliant)
	for _, l := range v.s.Survey.Levels {
		fmt.Fprintf(&b, "| %s | %d | %s | %d / %d | %s (%d / %d) |\n", mdCell(v.levelName(l.Level)), l.Portals, surveyPct(l.Rate), l.Met, l.Applicable,
			surveyPct(l.FullyCompliantShare), l.FullyCompliant, l.Portals)
	}
	b.WriteString("\n")
	return b.String()
}

// SurveyLevelRow is one row of the per-level table of the HTML form.
type SurveyLevelRow struct {
	Name, Rate, Share              string
	Portals, Met, Applicable, Full int
}

func (v *surveyView) levelRows() []SurveyLevelRow {
	var out []SurveyLevelRow
	for _, l := range v.s.Survey.Levels {
		out = append(out, SurveyLevelRow{Name: v.levelName(l.Level), Rate: surveyPct(l.Rate), Share: surveyPct(l.FullyCompliantShare),
			Portals: l.Portals, Met: l.Met, Applicable: l.Applicable, Full: l.FullyCompliant})
	}
	return out
}

// What the survey writers say about the 2023 survey's views (scoring.Survey.Dimensions and
// .WeakGroups).
var surveyViewWords = map[string][2]string{
	"en": {"By dimension of the 2023 survey (p06kit's assignment of criteria to dimensions)", "The 2023 survey's three weak groups"},
	"vi": {"Theo khía cạnh của khảo sát năm 2023 (việc xếp tiêu chí vào khía cạnh là của p06kit)", "Ba nhóm yếu của khảo sát năm 2023"},
}

func (v *surveyView) viewWords() [2]string {
	if v.opt.Lang == "en" {
		return surveyViewWords["en"]
	}
	return surveyViewWords["vi"]
}

// viewsText is the dimension and weak-group tables of the text form, or "".
func (v *surveyView) viewsText() string {
	var b strings.Builder
	for i, rows := range [][]scoring.ViewRate{v.s.Survey.Dimensions, v.s.Survey.WeakGroups} {
		if len(rows) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s\n", v.viewWords()[i])
		for _, r := range rows {
			fmt.Fprintf(&b, "  %-55s %7s  (%d/%d)\n", r.Title.In(v.opt.Lang), v.viewPct(r), r.Met, r.Applicable)
		}
	}
	return b.String()
}

// viewsMarkdown is the dimension and weak-group tables of the Markdown form, or "".
func (v *surveyView) viewsMarkdown() string {
	var b strings.Builder
	for i, rows := range [][]scoring.ViewRate{v.s.Survey.Dimensions, v.s.Survey.WeakGroups} {
		if len(rows) == 0 {
			continue
		}
		fmt.Fprintf(&b, "### %s\n\n| %s | %s | %s |\n|:---|---:|---:|\n", v.viewWords()[i], v.w.Group, v.w.Rate, v.w.MetApplicable)
		for _, r := range rows {
			fmt.Fprintf(&b, "| %s | %s | %d / %d |\n", mdCell(r.Title.In(v.opt.Lang)), v.viewPct(r), r.Met, r.Applicable)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// viewPct is the view's rate, or "—" when none of its mandatory criteria applied anywhere.
func (v *surveyView) viewPct(r scoring.ViewRate) string {
	if r.Applicable == 0 {
		return "—"
	}
	return surveyPct(r.Rate)
}

// SurveyViewTable is one view table of the HTML form.
type SurveyViewTable struct {
	Title string
	Rows  []SurveyLevelRow // Name, Rate, Met and Applicable are used
}

func (v *surveyView) viewTables() []SurveyViewTable {
	var out []SurveyViewTable
	for i, rows := range [][]scoring.ViewRate{v.s.Survey.Dimensions, v.s.Survey.WeakGroups} {
		if len(rows) == 0 {
			continue
		}
		t := SurveyViewTable{Title: v.viewWords()[i]}
		for _, r := range rows {
			t.Rows = append(t.Rows, SurveyLevelRow{Name: r.Title.In(v.opt.Lang), Rate: v.viewPct(r), Met: r.Met, Applicable: r.Applicable})
		}
		out = append(out, t)
	}
	return out
}
