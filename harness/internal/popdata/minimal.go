package popdata

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
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
		return dossierError(msg.P(mStepStartSubjects), a.err)
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
	want := msg.P(mMinimalWant)
	subj := msg.P(mNoSubject)
	if len(subjects) > 0 {
		subj = msg.P(mSubjects, maskAll(subjects))
	}
	if len(problems) > 0 {
		got := list(problems, "; ")
		return check.Fail(mMinimalFail, ident.Mask(e.who.ID), subj, got).
			Saw(msg.P(mPlain, got), want).
			With(evidence(a.entries)...)
	}
	counts := popdbtest.Subjects(a.entries)
	return check.Pass(mMinimalPass, ident.Mask(e.who.ID), subj, sum(counts)).
		Saw(msg.P(mMinimalPassGot, sum(counts)), want).
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
func MinimalProblems(entries []popdbtest.Request, allowed map[string]bool, gw *popdbtest.Server) []msg.Phrase {
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
	var out []msg.Phrase
	if len(others) > 0 {
		out = append(out, msg.P(mMinimalOthers, len(others), strings.Join(others, ", ")))
	}
	var dup []msg.Phrase
	for id, n := range perPerson {
		if n > 1 {
			dup = append(dup, msg.P(mTimes, ident.Mask(id), n))
		}
	}
	sort.Slice(dup, func(i, j int) bool { return dup[i].String() < dup[j].String() })
	if len(dup) > 0 {
		out = append(out, msg.P(mMinimalTwice, list(dup, ", ")))
	}
	return out
}
