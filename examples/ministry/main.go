// Command ministry shows how the assessing ministry embeds p06kit's criteria and scoring in its
// own tool: it scores many units' findings against the p06-technical catalogue and prints the
// national figures the 2023 survey reported (the share of requirements met — 20.48% then), the
// share of fully compliant units, the rate per group and per criterion, the weakest criteria and
// a ranking.
//
// The units' findings are simulated (a seeded model in survey.go, whose method is documented on
// Scenario); the 2023 scenario is scored as of 2023-03-31, each unit at its level (ministry or
// province), and ministries and provinces are also reported apart, with the survey's five
// dimensions and its three weak groups. A real tool gets findings from
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
		asOf := "every criterion, whatever its dates"
		if !sc.AsOf.IsZero() {
			asOf = sc.AsOf.Format("2006-01-02")
		}
		fmt.Fprintf(w, "== %s (simulated) — catalogue %s %s, as of %s\n", sc.Name, sv.Catalogue.ID, sv.Catalogue.Version, asOf)
		fmt.Fprintf(w, "requirements met nationally: %d of %d = %.2f%%\n", sv.Met, sv.Applicable, 100*sv.Rate)
		if sc.Seed == 2023 {
			fmt.Fprintf(w, "  published 2023 figure: %.2f%% (difference %+.2f points). The simulation is a model, not a reproduction:\n", 100*Published2023, 100*(sv.Rate-Published2023))
			fmt.Fprintln(w, "  its two parameters (maturity, ease per group) are set by hand to the order of the published figure, not fitted;")
			fmt.Fprintln(w, "  the survey's requirement list (Document 1552/BTTTT-THH, §III.3 on) and its unit data are not available, so this")
			fmt.Fprintln(w, "  catalogue's criteria stand in for them; the difference is left as it falls.")
		}
		names := map[string]string{"ministry": "ministries", "province": "provinces"}
		if sc.Seed == 2023 {
			fmt.Fprintln(w, "  by level (the 2023 survey's own figures by level were not found: only the national figure is known):")
		}
		for _, l := range sv.Levels { // every unit has a level: scoring reports them apart
			fmt.Fprintf(w, "  %-10s %3d units: %d of %d = %.2f%%\n", names[l.Level], l.Portals, l.Met, l.Applicable, 100*l.Rate)
		}
		fmt.Fprintln(w, "by dimension of the 2023 survey (p06kit's assignment of criteria):")
		for _, d := range sv.Dimensions {
			if d.Applicable == 0 {
				fmt.Fprintf(w, "  %-30s    —   (no mandatory criterion assessed: its criteria are recommended)\n", d.Title.VI+" / "+d.Title.EN)
				continue
			}
			fmt.Fprintf(w, "  %-30s %5.1f%%  (%d of %d)\n", d.Title.VI+" / "+d.Title.EN, 100*d.Rate, d.Met, d.Applicable)
		}
		fmt.Fprintln(w, "the 2023 survey's three weak groups:")
		for _, g := range sv.WeakGroups {
			fmt.Fprintf(w, "  %-50s %5.1f%%  (%d of %d)\n", g.Title.EN, 100*g.Rate, g.Met, g.Applicable)
		}
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
