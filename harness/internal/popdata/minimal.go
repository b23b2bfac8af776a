package popdata

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/ident"
)

// judgeMinimal is P06-POP-06: for a dossier about the citizen and other people (its subjects),
// the portal looks up nobody else, and each of them at most once.
func judgeMinimal(ctx context.Context, e *env, b *check.Browser) check.Result {
	in := map[string]bool{}
	for _, p := range e.gw.People {
		in[p.ID] = true
	}
	subjects := relatives(e.who, in)
	if len(subjects) > 2 {
		subjects = subjects[:2]
	}
	a := e.start(ctx, b, check.DossierRequest{Subjects: subjects})
	if a.err != nil {
		return dossierError("starting a dossier with subjects", a.err)
	}
	allowed := map[string]bool{e.who.ID: true}
	if e.who.OldID != "" {
		allowed[e.who.OldID] = true
	}
	for _, id := range subjects {
		allowed[id] = true
		if p, ok := e.gw.Citizen(id); ok && p.OldID != "" {
			allowed[p.OldID] = true
		}
	}
	problems := MinimalProblems(a.entries, allowed, e.gw)
	want := "look-ups only of the citizen and the dossier's subjects, each at most once per dossier"
	subj := "no other subject"
	if len(subjects) > 0 {
		subj = "subjects " + maskAll(subjects)
	}
	subjVI := "không có người liên quan khác"
	if len(subjects) > 0 {
		subjVI = "người liên quan " + maskAll(subjects)
	}
	if len(problems) > 0 {
		got := joinEN(problems, "; ")
		return check.Failf("for a dossier of %s (%s) the portal %s", ident.Mask(e.who.ID), subj, got).
			VI("Với hồ sơ của %s (%s), cổng %s", ident.Mask(e.who.ID), subjVI, joinVI(problems, "; ")).
			GotWant(got, want).
			With(evidence(a.entries)...)
	}
	counts := popdbtest.Subjects(a.entries)
	return check.Passf("for a dossier of %s (%s) the portal looked up only them, each at most once (%d look-up(s))", ident.Mask(e.who.ID), subj, sum(counts)).
		VI("Với hồ sơ của %s (%s), cổng chỉ tra cứu đúng những người này, mỗi người tối đa một lần (%d lượt)", ident.Mask(e.who.ID), subjVI, sum(counts)).
		GotWant(fmt.Sprintf("%d look-up(s), all allowed", sum(counts)), want).
		With(evidence(a.entries)...)
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// MinimalProblems lists, from the look-ups of one dossier, the people looked up who are not
// allowed and the people looked up more than once (an identifier and the same person's CMND count
// as the same person when gw knows them; gw may be nil).
func MinimalProblems(entries []popdbtest.Request, allowed map[string]bool, gw *popdbtest.Server) []Problem {
	var others []string
	seenOther := map[string]bool{}
	perPerson := map[string]int{}
	for _, r := range entries {
		if r.Subject == "" {
			continue
		}
		key := r.Subject
		if gw != nil {
			if p, ok := gw.Citizen(r.Subject); ok {
				key = p.ID
			}
		}
		perPerson[key]++
		if !allowed[r.Subject] && !seenOther[key] {
			seenOther[key] = true
			others = append(others, fmt.Sprintf("%s (#%d, MaYeuCau %s)", ident.Mask(r.Subject), r.Seq, truncate(r.MaYeuCau, 40)))
		}
	}
	var out []Problem
	if len(others) > 0 {
		list := strings.Join(others, ", ")
		out = append(out, Problem{fmt.Sprintf("looked up %d person(s) the dossier does not concern: %s", len(others), list),
			fmt.Sprintf("đã tra cứu %d người không liên quan đến hồ sơ: %s", len(others), list)})
	}
	var dup []string
	for id, n := range perPerson {
		if n > 1 {
			dup = append(dup, fmt.Sprintf("%s %d times", ident.Mask(id), n))
		}
	}
	sort.Strings(dup)
	if len(dup) > 0 {
		list := strings.Join(dup, ", ")
		out = append(out, Problem{"looked up the same person more than once for one dossier: " + list,
			"tra cứu cùng một người nhiều lần cho một hồ sơ: " + strings.ReplaceAll(list, " times", " lần")})
	}
	return out
}
