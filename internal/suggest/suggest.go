// Package suggest finds what a person probably meant by a mistyped name (a command, a flag, a
// criterion ID), so that an error can say "did you mean …?".
package suggest

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Closest returns up to n candidates nearest to s by edit distance, ignoring case, nearest
// first (ties in the candidates' order). A candidate is offered only when it is close enough
// to be a likely typo: at most a third of the longer name's letters differ (at least 1 and at
// most 3), or one name contains the other (as "sec-3" and "P06-SEC-03" nearly do).
func Closest(s string, candidates []string, n int) []string {
	ls := strings.ToLower(strings.TrimLeft(s, "-"))
	if ls == "" || n <= 0 {
		return nil
	}
	type hit struct {
		c string
		d int
		i int
	}
	var hits []hit
	seen := map[string]bool{}
	for i, c := range candidates {
		if seen[c] {
			continue
		}
		seen[c] = true
		lc := strings.ToLower(c)
		if lc == ls {
			continue
		}
		d := distance(ls, lc)
		limit := max(utf8.RuneCountInString(ls), utf8.RuneCountInString(lc)) / 3
		limit = min(max(limit, 1), 3)
		switch {
		case d <= limit:
		case len(ls) >= 3 && strings.Contains(lc, ls):
			d = limit + 1
		default:
			continue
		}
		hits = append(hits, hit{c, d, i})
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].d != hits[b].d {
			return hits[a].d < hits[b].d
		}
		return hits[a].i < hits[b].i
	})
	var out []string
	for _, h := range hits {
		if len(out) == n {
			break
		}
		out = append(out, h.c)
	}
	return out
}

// Hint returns " (did you mean X?)" or " (did you mean X or Y?)" for the closest candidates,
// or "" when none is close: ready to append to an error message.
func Hint(s string, candidates []string) string {
	c := Closest(s, candidates, 2)
	switch len(c) {
	case 0:
		return ""
	case 1:
		return " (did you mean " + c[0] + "?)"
	}
	return " (did you mean " + c[0] + " or " + c[1] + "?)"
}

// distance is the edit distance between a and b in runes, counting a swap of two adjacent
// letters as one edit (optimal string alignment), the commonest typo.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
