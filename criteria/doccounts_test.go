package criteria_test

import (
	"os"
	"regexp"
	"strconv"
	"testing"

	"github.com/p06kit/p06kit/criteria"
)

// docCount is a number the documentation states about a built-in catalogue: the pattern finds
// it (its first group is the number), want computes it from the catalogue.
type docCount struct {
	file    string
	what    string
	pattern *regexp.Regexp
	want    func() int
}

func docCounts() []docCount {
	tech, qd := criteria.P06Technical(), criteria.QD766()
	return []docCount{
		{"../README.md", "criteria of p06-technical", regexp.MustCompile("`p06-technical`: ([0-9]+) criteria in"),
			func() int { return len(tech.Criteria) }},
		{"../README.md", "groups of p06-technical", regexp.MustCompile("`p06-technical`: [0-9]+ criteria in ([0-9]+) groups"),
			func() int { return len(tech.Groups) }},
		{"../README.md", "groups of qd766", regexp.MustCompile(`Decision 766 indicators \(([0-9]+) groups`),
			func() int { return len(qd.Groups) }},
		{"../README.md", "points of qd766", regexp.MustCompile(`Decision 766 indicators \([0-9]+ groups, ([0-9]+) points\)`),
			func() int {
				total := 0.0
				for _, g := range qd.Groups {
					total += g.MaxPoints
				}
				return int(total)
			}},
		{"doc.go", "critical criteria of p06-technical", regexp.MustCompile(`The ([0-9]+) critical criteria are all mandatory`),
			func() int { return len(tech.Select(criteria.IsCritical())) }},
	}
}

// TestDocCountsMatchCatalogue: every count the documentation gives of a built-in catalogue is
// the catalogue's own, so that adding a criterion cannot leave the README behind. With -update
// the numbers are rewritten in place.
func TestDocCountsMatchCatalogue(t *testing.T) {
	for _, dc := range docCounts() {
		t.Run(dc.file+" "+dc.what, func(t *testing.T) {
			src, err := os.ReadFile(dc.file)
			if err != nil {
				t.Fatal(err)
			}
			loc := dc.pattern.FindSubmatchIndex(src)
			if loc == nil {
				t.Fatalf("%s no longer states the %s (pattern %q): update the pattern in docs_test.go with the text", dc.file, dc.what, dc.pattern)
			}
			got, _ := strconv.Atoi(string(src[loc[2]:loc[3]]))
			want := dc.want()
			if got == want {
				return
			}
			if *update {
				out := append(append(append([]byte{}, src[:loc[2]]...), strconv.Itoa(want)...), src[loc[3]:]...)
				if err := os.WriteFile(dc.file, out, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			t.Errorf("%s says %d %s, the catalogue has %d; run go test ./criteria -update", dc.file, got, dc.what, want)
		})
	}
}
