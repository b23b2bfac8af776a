package report_test

import (
	"fmt"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/scoring"
)

// A ministry's own tool scores each portal's findings (from the harness or any other tool) and
// hands the reports to NewSurvey, which aggregates them with scoring.Aggregate and ranks the
// units; the survey writers print the national figures (WriteSurveyHTML gives the same survey as
// one self-contained page with charts). The catalogue here is a small one; a real survey uses
// criteria.P06Technical().
func ExampleNewSurvey() {
	t := func(s string) criteria.Text { return criteria.Text{VI: s, EN: s} }
	cat := &criteria.Catalogue{ID: "mini", Version: "1", Title: t("Mini"),
		Groups: []criteria.Group{{ID: "security", Title: t("Security")}, {ID: "accessibility", Title: t("Accessibility")}},
		Criteria: []criteria.Criterion{
			{ID: "M-SEC-01", Group: "security", Title: t("HTTPS only"), Level: criteria.Mandatory, Points: 1},
			{ID: "M-SEC-02", Group: "security", Title: t("HSTS"), Level: criteria.Mandatory, Points: 1},
			{ID: "M-A11Y-01", Group: "accessibility", Title: t("html lang"), Level: criteria.Mandatory, Points: 1},
		}}
	P, F := scoring.Pass, scoring.Fail
	var entries []report.SurveyEntry
	for _, u := range []struct {
		unit, url string
		st        []scoring.Status
	}{
		{"UBND tỉnh A", "https://dichvucong.a.example.gov.vn/", []scoring.Status{P, P, P}},
		{"UBND tỉnh B", "https://dichvucong.b.example.gov.vn/", []scoring.Status{P, F, F}},
		{"UBND tỉnh C", "https://dichvucong.c.example.gov.vn/", []scoring.Status{P, F, P}},
	} {
		in := scoring.Findings{Catalogue: cat.ID, Target: u.url}
		for i, c := range cat.Criteria {
			in.Findings = append(in.Findings, scoring.Finding{Criterion: c.ID, Status: u.st[i]})
		}
		r, err := scoring.Score(cat, in, scoring.Config{})
		if err != nil {
			fmt.Println(err)
			return
		}
		entries = append(entries, report.SurveyEntry{Unit: u.unit, Report: r})
	}
	s, err := report.NewSurvey(cat, entries)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("national rate %.2f%% (%d/%d), %d of %d units fully compliant\n",
		100*s.Survey.Rate, s.Survey.Met, s.Survey.Applicable, s.Survey.FullyCompliant, s.Survey.Portals)
	for _, p := range s.Portals {
		fmt.Printf("%d. %s %.1f%%\n", p.Rank, p.Unit, 100*p.Rate)
	}
	for _, c := range s.Survey.Weakest(1) {
		fmt.Printf("weakest: %s %d/%d\n", c.Criterion, c.Met, c.Applicable)
	}
	// Output:
	// national rate 66.67% (6/9), 1 of 3 units fully compliant
	// 1. UBND tỉnh A 100.0%
	// 2. UBND tỉnh C 66.7%
	// 3. UBND tỉnh B 33.3%
	// weakest: M-SEC-02 1/3
}
