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
