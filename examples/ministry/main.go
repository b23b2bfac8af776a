// Command ministry shows how the assessing ministry embeds p06kit's criteria and scoring in its
// own tool: it scores many units' findings against the p06-technical catalogue and prints the
// national figures the 2023 survey reported (the share of requirements met — 20.48% then), the
// share of fully compliant units, the rate per group and per criterion, the weakest criteria and
// a ranking.
//
// The units' findings are simulated (a seeded model in survey.go); a real tool gets them from
// `p06 scan`, `p06 survey` or any tool writing the findings JSON, and calls the same two
// functions: scoring.Score per portal and scoring.Aggregate over all of them.
//
//	go run ./examples/ministry
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/p06kit/p06kit/criteria"
)

func main() {
	if err := report(os.Stdout, criteria.P06Technical(), Survey2023(), Survey2025()); err != nil {
		fmt.Fprintln(os.Stderr, "ministry:", err)
		os.Exit(2)
	}
}

func report(w io.Writer, cat *criteria.Catalogue, scenarios ...Scenario) error {
	for _, sc := range scenarios {
		sv, _, err := sc.Run(cat)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "== %s (simulated) — catalogue %s %s\n", sc.Name, sv.Catalogue.ID, sv.Catalogue.Version)
		fmt.Fprintf(w, "requirements met nationally: %d of %d = %.2f%%   (MIC's 2023 survey reported 20.48%%)\n", sv.Met, sv.Applicable, 100*sv.Rate)
		fmt.Fprintf(w, "units meeting every mandatory requirement: %d of %d (%.2f%%); mean overall score %.2f\n",
			sv.FullyCompliant, sv.Portals, 100*sv.FullyCompliantShare, sv.MeanOverall)
		fmt.Fprintln(w, "by group (mandatory met / applicable, mean group score):")
		for _, g := range sv.Groups {
			title := g.Group
			if gr, ok := cat.Group(g.Group); ok {
				title = gr.Title.EN
			}
			fmt.Fprintf(w, "  %-30s %5.1f%%  %s  %5.1f\n", title, 100*g.Rate, bar(g.Rate, 20), g.MeanScore)
		}
		fmt.Fprintln(w, "weakest criteria:")
		for _, c := range sv.Weakest(5) {
			title := ""
			if cr, ok := cat.Criterion(c.Criterion); ok {
				title = cr.Title.EN
			}
			fmt.Fprintf(w, "  %-12s %5.1f%%  %s\n", c.Criterion, 100*c.Rate, title)
		}
		fmt.Fprintln(w, "ranking (top 3 and bottom 3):")
		for i, r := range sv.Ranking {
			if i < 3 || i >= len(sv.Ranking)-3 {
				fmt.Fprintf(w, "  %3d. %-40s %6.2f%%  overall %5.1f  grade %s\n", r.Rank, r.Target, 100*r.Rate, r.Overall, r.Grade)
			} else if i == 3 {
				fmt.Fprintln(w, "  …")
			}
		}
		fmt.Fprintln(w)
	}
	return nil
}

func bar(rate float64, width int) string {
	n := int(rate*float64(width) + 0.5)
	return strings.Repeat("█", n) + strings.Repeat("·", width-n)
}
