package report_test

import (
	"fmt"
	"os"

	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/scoring"
)

// Compare two runs of a portal: what newly fails, what got fixed.
func ExampleCompare() {
	old := &scoring.Report{Target: "https://dvc.example.gov.vn/", Catalogue: scoring.CatalogueRef{ID: "p06-technical", Version: "1"},
		Findings: []scoring.Finding{
			{Criterion: "P06-SEC-06", Group: "security", Status: scoring.Fail, Message: "no HSTS"},
			{Criterion: "P06-SEC-09", Group: "security", Status: scoring.Pass},
		},
		Scores: scoring.Scores{Overall: 50, Grade: "trung-binh", Grading: "qd766", Groups: map[string]scoring.GroupScore{"security": {Score: scoring.ScoreOf(50)}}}}
	nw := &scoring.Report{Target: old.Target, Catalogue: old.Catalogue,
		Findings: []scoring.Finding{
			{Criterion: "P06-SEC-06", Group: "security", Status: scoring.Pass},
			{Criterion: "P06-SEC-09", Group: "security", Status: scoring.Fail, Message: "X-Content-Type-Options missing"},
		},
		Scores: scoring.Scores{Overall: 50, Grade: "trung-binh", Grading: "qd766", Groups: map[string]scoring.GroupScore{"security": {Score: scoring.ScoreOf(50)}}}}
	d := report.Compare(old, nw)
	fmt.Println("regressed:", d.Regressed())
	d.Lang = "en"
	_ = d.WriteText(os.Stdout, false)
	// Output:
	// regressed: true
	// p06kit report diff
	// old: https://dvc.example.gov.vn/ (p06-technical@1)
	// new: https://dvc.example.gov.vn/ (p06-technical@1)
	// score 50.0 → 50.0 (+0.0), compliance 0.0% → 0.0% (+0.0 points), grade Average (boundary unverified) → Average (boundary unverified)
	//
	// Newly failing (1)
	//   P06-SEC-09   pass → fail                X-Content-Type-Options missing
	//
	// Fixed (1)
	//   P06-SEC-06   fail → pass
	//
	// unchanged: 0
}

// Check a report another tool produced against the published schema.
func ExampleValidate() {
	err := report.Validate(report.ReportSchemaName, []byte(`{"scoring_model":"p06kit scoring model 1"}`))
	fmt.Println(err)
	// Output:
	// does not match report.schema.json:
	//   $: missing required property "catalogue"
	//   $: missing required property "duration_ms"
	//   $: missing required property "findings"
	//   $: missing required property "scores"
	//   $: missing required property "target"
	//   $: missing required property "waivers"
}
