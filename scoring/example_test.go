package scoring_test

import (
	"fmt"
	"time"

	"github.com/p06kit/p06kit/scoring"
)

func print(r *scoring.Report) {
	for _, g := range []string{"a", "b"} {
		gs := r.Scores.Groups[g]
		if !gs.Scored() {
			fmt.Printf("group %s: %g/%g, not tested\n", g, gs.Earned, gs.Available)
			continue
		}
		fmt.Printf("group %s: %g/%g = %.2f\n", g, gs.Earned, gs.Available, gs.Value())
	}
	fmt.Printf("overall %.2f, compliance %d/%d = %.4f, grade %s, caps %v\n", r.Scores.Overall,
		r.Scores.Compliance.Met, r.Scores.Compliance.Applicable, r.Scores.Compliance.Rate, r.Scores.Grade, r.Scores.Caps)
}

// Group a: A1 (3) and A3 (1) pass, A2 (2) fails: 4/6. Group b: B2 is not applicable, B1 (2)
// passes, B3 (1) is attested: 3/3. Overall: (66.67 + 100) / 2. Compliance counts the mandatory
// A1, A2, B1, B3: 3 of 4 met. 83.33 is in the Tốt band (≥ 70).
func ExampleScore() {
	r, err := scoring.Score(demo(), scoring.Findings{Findings: []scoring.Finding{
		{Criterion: "A1", Status: scoring.Pass},
		{Criterion: "A2", Status: scoring.Fail},
		{Criterion: "A3", Status: scoring.Pass},
		{Criterion: "B1", Status: scoring.Pass},
		{Criterion: "B2", Status: scoring.NotApplicable},
		{Criterion: "B3", Status: scoring.Attested},
	}}, scoring.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	print(r)
	// Output:
	// group a: 4/6 = 66.67
	// group b: 3/3 = 100.00
	// overall 83.33, compliance 3/4 = 0.7500, grade tot, caps []
}

// A1 is critical and fails: group a earns A2's and A3's points (3/6), the overall is
// (50 + 100) / 2 = 75 (Tốt), and the cap lowers the grade to Yếu.
func ExampleScore_cap() {
	r, _ := scoring.Score(demo(), scoring.Findings{Findings: []scoring.Finding{
		{Criterion: "A1", Status: scoring.Fail},
		{Criterion: "A2", Status: scoring.Pass},
		{Criterion: "A3", Status: scoring.Pass},
		{Criterion: "B1", Status: scoring.Pass},
		{Criterion: "B2", Status: scoring.NotApplicable},
		{Criterion: "B3", Status: scoring.Attested},
	}}, scoring.Config{})
	print(r)
	// Output:
	// group a: 3/6 = 50.00
	// group b: 3/3 = 100.00
	// overall 75.00, compliance 3/4 = 0.7500, grade yeu, caps [{A1 fail yeu}]
}

// A2 fails but a waiver valid until the end of 2026 covers it: it leaves the denominators
// (group a: 4/4). The waiver for B1 expired in 2025: it is stale and B1 counts as found (fail).
func ExampleScore_waivers() {
	r, _ := scoring.Score(demo(), scoring.Findings{Findings: []scoring.Finding{
		{Criterion: "A1", Status: scoring.Pass},
		{Criterion: "A2", Status: scoring.Fail},
		{Criterion: "A3", Status: scoring.Pass},
		{Criterion: "B1", Status: scoring.Fail},
		{Criterion: "B2", Status: scoring.NotApplicable},
		{Criterion: "B3", Status: scoring.Attested},
	}}, scoring.Config{
		AsOf: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC),
		Waivers: []scoring.Waiver{
			{Criterion: "A2", Reason: "replacement scheduled", ApprovedBy: "Sở KH&CN", Expires: "2026-12-31"},
			{Criterion: "B1", Reason: "old", ApprovedBy: "Sở KH&CN", Expires: "2025-06-30"},
		},
	})
	print(r)
	fmt.Println("applied:", r.Waivers.Applied[0].Criterion, "stale:", r.Waivers.Stale[0].Criterion)
	// Output:
	// group a: 4/4 = 100.00
	// group b: 1/3 = 33.33
	// overall 66.67, compliance 2/3 = 0.6667, grade trung-binh, caps []
	// applied: A2 stale: B1
}

// Two portals: one meets 3 of 4 mandatory criteria, the other 1 of 4. Nationally 4 of 8
// requirements are met (50%), and no portal meets all of them.
func ExampleAggregate() {
	cat := demo()
	score := func(target string, a1, a2 scoring.Status) *scoring.Report {
		r, _ := scoring.Score(cat, scoring.Findings{Target: target, Findings: []scoring.Finding{
			{Criterion: "A1", Status: a1}, {Criterion: "A2", Status: a2}, {Criterion: "A3", Status: scoring.Pass},
			{Criterion: "B1", Status: scoring.Pass}, {Criterion: "B2", Status: scoring.NotApplicable},
			{Criterion: "B3", Status: scoring.NotTested},
		}}, scoring.Config{})
		return r
	}
	s, _ := scoring.Aggregate(cat, []*scoring.Report{
		score("tinh-b.example", scoring.Fail, scoring.Fail),
		score("tinh-a.example", scoring.Pass, scoring.Pass),
	})
	fmt.Printf("national %d/%d = %.2f%%, fully compliant %d of %d\n", s.Met, s.Applicable, 100*s.Rate, s.FullyCompliant, s.Portals)
	for _, r := range s.Ranking {
		fmt.Printf("%d. %s %.2f%% %s\n", r.Rank, r.Target, 100*r.Rate, r.Grade)
	}
	for _, c := range s.Weakest(2) {
		fmt.Printf("weakest: %s %d/%d\n", c.Criterion, c.Met, c.Applicable)
	}
	for _, c := range s.NeverAssessed() {
		fmt.Printf("never assessed: %s (not tested or error on %d portals)\n", c.Criterion, c.NotAssessed)
	}
	// Output:
	// national 4/8 = 50.00%, fully compliant 0 of 2
	// 1. tinh-a.example 75.00% tot
	// 2. tinh-b.example 25.00% yeu
	// weakest: A1 1/2
	// weakest: A2 1/2
	// never assessed: B3 (not tested or error on 2 portals)
}
