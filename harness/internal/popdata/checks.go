package popdata

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/fakes"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/ident"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/internal/textx"
	"github.com/p06kit/p06kit/scoring"
)

// Checks returns the checks of this family.
func Checks() []check.Check {
	return []check.Check{
		{ID: "P06-POP-01", Run: assisted(judgeLookup), Exclusive: true},
		{ID: "P06-POP-02", Run: assisted(judgePrefill), Exclusive: true},
		{ID: "P06-POP-03", Run: assisted(judgeWellFormed), Exclusive: true},
		{ID: "P06-POP-04", Run: assisted(judgeCertificate), Exclusive: true},
		{ID: "P06-POP-05", Run: assisted(judgeDegrade), Exclusive: true},
		{ID: "P06-POP-06", Run: assisted(judgeMinimal), Exclusive: true},
		{ID: "P06-POP-07", Run: assisted(judgeInvalid), Exclusive: true},
		{ID: "P06-POP-08", Run: checkURLs},
	}
}

// settle is how long a check waits, after the portal answered, for gateway requests the portal
// abandoned to be recorded.
const settle = 2 * time.Second

// env is what the assisted checks need: the gateway fake, the adapter and a citizen the gateway
// knows.
type env struct {
	s      *check.Session
	gw     *popdbtest.Server
	portal check.Dossiers
	who    ident.Person
	// proc is the procedure code the dossiers are started for; see procedure.
	proc string
}

// setup finds the gateway fake and the adapter, or returns the not_tested result naming what is
// missing.
func setup(ctx context.Context, s *check.Session) (*env, *check.Result) {
	t := s.Target()
	if fakes.PopDB(t) == nil {
		r := check.NotTested(mNoFake)
		return nil, &r
	}
	d, ok := t.Portal.(check.Dossiers)
	if !ok {
		r := check.FromError(msg.P(mStepStart), &check.NotImplementedError{Method: "Dossiers.StartDossier"})
		return nil, &r
	}
	e := &env{s: s, gw: fakes.PopDB(t), portal: d, proc: procedure(ctx, s)}
	e.who = pickCitizen(fakes.PopDB(t).People)
	if e.who.ID == "" {
		r := check.Error(mNoCitizen)
		return nil, &r
	}
	return e, nil
}

// assisted makes an assisted check of judge: it finds the gateway fake and the adapter (setup),
// logs the citizen in and hands both to judge. A step that cannot be done ends the check with the
// result saying why (not_tested for a missing fake, error for an adapter or login that failed),
// so every assisted check reports a missing prerequisite the same way.
func assisted(judge func(ctx context.Context, e *env, b *check.Browser) check.Result) check.Func {
	return func(ctx context.Context, s *check.Session) check.Result {
		e, res := setup(ctx, s)
		if res != nil {
			return *res
		}
		b, res := e.login(ctx)
		if res != nil {
			return *res
		}
		return judge(ctx, e, b)
	}
}

// procedureNamer is implemented by an adapter that names the procedure whose dossiers the
// population-data checks start (one that looks the citizen up and accepts subjects).
type procedureNamer interface {
	PopulationProcedure() string
}

// procedure chooses the procedure the checks start dossiers for: the adapter's choice, else from
// the portal's catalogue the first online birth registration (a dossier about the citizen and a
// child), else the first online essential service, else the first online procedure; "" when the
// catalogue is unknown (the adapter then starts its default).
func procedure(ctx context.Context, s *check.Session) string {
	if n, ok := s.Target().Portal.(procedureNamer); ok {
		if p := n.PopulationProcedure(); p != "" {
			return p
		}
	}
	list, err := s.Procedures(ctx)
	if err != nil || list == nil {
		return ""
	}
	pick := func(ok func(check.Procedure) bool) string {
		for _, p := range list.Procedures {
			if p.Code != "" && p.Online() && ok(p) {
				return p.Code
			}
		}
		return ""
	}
	for _, f := range []func(check.Procedure) bool{
		func(p check.Procedure) bool { return htmlx.FoldContains(p.Name, "khai sinh") },
		func(p check.Procedure) bool { return p.Essential },
		func(check.Procedure) bool { return true },
	} {
		if c := pick(f); c != "" {
			return c
		}
	}
	return ""
}

// pickCitizen chooses the citizen who logs in: the first of level 2 with relatives in the
// population (so that dossiers about relatives can be started), else the first of level 2, else
// the first.
func pickCitizen(people []ident.Person) ident.Person {
	in := map[string]bool{}
	for _, p := range people {
		in[p.ID] = true
	}
	for _, p := range people {
		if p.Level == 2 && len(relatives(p, in)) > 0 {
			return p
		}
	}
	for _, p := range people {
		if p.Level == 2 {
			return p
		}
	}
	if len(people) > 0 {
		return people[0]
	}
	return ident.Person{}
}

// relatives returns the IDs of p's spouse, parents and children that are in the population.
func relatives(p ident.Person, in map[string]bool) []string {
	var out []string
	for _, id := range []string{p.Spouse, p.Father, p.Mother} {
		if id != "" && in[id] {
			out = append(out, id)
		}
	}
	return out
}

// login logs the citizen in, or returns the result explaining why it could not.
func (e *env) login(ctx context.Context) (*check.Browser, *check.Result) {
	b, err := e.s.Login(ctx, e.who)
	if err != nil {
		r := check.FromError(msg.P(mStepLogin, ident.Mask(e.who.ID)), err)
		return nil, &r
	}
	return b, nil
}

// attempt is one StartDossier and the gateway requests it caused.
type attempt struct {
	dossier *check.Dossier
	err     error
	entries []popdbtest.Request
	// handshakes made during the attempt.
	handshakes []popdbtest.Handshake
	elapsed    time.Duration
}

// start starts a dossier, bounded by the session's request timeout, and collects the gateway
// requests made meanwhile.
func (e *env) start(ctx context.Context, b *check.Browser, req check.DossierRequest) attempt {
	if req.Procedure == "" {
		req.Procedure = e.proc
	}
	mark, hmark := e.gw.Mark(), e.gw.HandshakeMark()
	ctx, cancel := context.WithTimeout(ctx, e.s.Config().RequestTimeout)
	defer cancel()
	t0 := time.Now()
	d, err := e.portal.StartDossier(ctx, b, req)
	a := attempt{dossier: d, err: err, elapsed: time.Since(t0)}
	e.gw.WaitIdle(settle)
	a.entries = e.gw.RequestsSince(mark)
	a.handshakes = e.gw.HandshakesSince(hmark)
	if a.dossier == nil && a.err == nil {
		a.err = msg.Error(mErrNoDossier)
	}
	return a
}

// describe says what a gateway request was, for messages: masked identifier, request ID, user and
// outcome.
func describe(r popdbtest.Request) msg.Phrase {
	var what, user any = "", ""
	if r.Subject != "" {
		what = msg.P(mReqLookingUp, ident.Mask(r.Subject))
	} else if r.Operation != "" {
		what = msg.P(mReqOperation, r.Operation)
	}
	id := ""
	if r.MaYeuCau != "" {
		id = fmt.Sprintf(" (MaYeuCau %s)", truncate(r.MaYeuCau, 40))
	}
	if r.Username != "" {
		user = msg.P(mReqAs, truncate(r.Username, 40))
	}
	var outcome any = string(r.Outcome)
	if t, ok := outcomes[r.Outcome]; ok {
		outcome = msg.P(t)
	}
	// The status, the fault code and the gateway's authentication error are the gateway's own.
	status := ""
	if r.Status != 0 && r.Status != 200 {
		status = fmt.Sprintf(" (HTTP %d", r.Status)
		if r.Fault != "" {
			status += ", " + r.Fault
		}
		if r.AuthError != "" {
			status += ": " + r.AuthError
		}
		status += ")"
	}
	return msg.P(mReq, r.Seq, what, id, user, outcome, status)
}

// describeAll describes at most max requests and counts the others.
func describeAll(rs []popdbtest.Request, max int) msg.List {
	var l msg.List
	for i, r := range rs {
		if i == max {
			l.Items = append(l.Items, msg.P(mReqMore, len(rs)-max))
			break
		}
		l.Items = append(l.Items, describe(r))
	}
	return l
}

// isCitizen reports whether the identifier is the person's (personal number or CMND).
func isCitizen(id string, p ident.Person) bool {
	return id != "" && (id == p.ID || (p.OldID != "" && id == p.OldID))
}

func truncate(s string, n int) string { return textx.Truncate(s, n) }

func maskAll(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = ident.Mask(id)
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// dossierError is the result when the adapter could not drive the portal at the step.
func dossierError(step msg.Phrase, err error) check.Result { return check.FromError(step, err) }

// maxEvidence bounds the evidence items of a finding.
const maxEvidence = 10

// evidence describes gateway requests for a finding, identifiers masked and secrets redacted.
func evidence(entries []popdbtest.Request) []scoring.Evidence {
	var ev []scoring.Evidence
	for i, r := range entries {
		if i == maxEvidence {
			ev = append(ev, scoring.Evidence{}.Noted(mNoteMoreRequests, len(entries)-maxEvidence))
			break
		}
		ev = append(ev, scoring.Evidence{Request: r.Method + " " + check.RedactURL(r.URL), Status: r.Status}.
			Noted(mNoteGateway, describe(r)))
	}
	return ev
}

// list joins problems for a message with sep.
func list(ps []msg.Phrase, sep string) msg.List { return msg.List{Items: ps, Sep: sep} }
