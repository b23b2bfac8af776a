package popdata

import (
	"context"
	"mime"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/popdbtest"
)

// judgeWellFormed is P06-POP-03: the portal's gateway requests are well-formed and authenticated:
// the operation and its namespace, service code 037, a request ID unique to each request, the
// officer and unit codes, and the gateway headers. Two dossiers are started so that a constant
// request ID shows.
func judgeWellFormed(ctx context.Context, e *env, b *check.Browser) check.Result {
	before := e.gw.Requests()
	var entries []popdbtest.Request
	for i := 0; i < 2; i++ {
		a := e.start(ctx, b, check.DossierRequest{})
		if a.err != nil {
			return dossierError(msg.P(mStepStart), a.err)
		}
		entries = append(entries, a.entries...)
	}
	want := msg.P(mWellFormedWant)
	if len(entries) == 0 {
		return check.Fail(mWellFormedNone).
			Saw(msg.P(mNoGatewayRequest), want).
			With(evidence(entries)...)
	}
	problems := WellFormedProblems(entries, before)
	if len(problems) > 0 {
		got := list(problems, "; ")
		return check.Fail(mWellFormedFail, countBad(problems), got).
			Saw(msg.P(mPlain, got), want).
			With(evidence(entries)...)
	}
	return check.Pass(mWellFormedPass, len(entries), entries[0].Username, entries[0].Client).
		Saw(msg.P(mWellFormedPassGot, len(entries)), want).
		With(evidence(entries)...)
}

// countBad counts the requests problems are about.
func countBad(problems []msg.Phrase) int {
	seen := map[any]bool{}
	for _, p := range problems {
		if len(p.Args) > 0 {
			seen[p.Args[0]] = true
		}
	}
	return len(seen)
}

// WellFormedProblems lists what is wrong with each request of entries, one phrase per problem
// (mReqProblem: the request's number, then the problem: "request #3: MaTichHop "036", want
// "037""). earlier are requests seen before, whose MaYeuCau the new ones must not reuse.
func WellFormedProblems(entries, earlier []popdbtest.Request) []msg.Phrase {
	ids := map[string]int{}
	for _, r := range earlier {
		if r.MaYeuCau != "" {
			ids[r.MaYeuCau] = r.Seq
		}
	}
	var out []msg.Phrase
	for _, r := range entries {
		p := func(m msg.Text, a ...any) { out = append(out, msg.P(mReqProblem, r.Seq, msg.P(m, a...))) }
		if !r.AuthOK {
			p(mWFRefused, r.Status, r.Fault, r.AuthError)
		}
		if r.Method != "POST" {
			p(mWFMethod, r.Method)
		}
		if !r.HasSOAPAction {
			p(mWFNoSOAPAction)
		}
		if mt, _, err := mime.ParseMediaType(r.ContentType); err != nil || mt != "text/xml" {
			p(mWFContentType, truncate(r.ContentType, 60))
		}
		if !r.AuthOK && r.Operation == "" {
			continue // the body was not read: nothing more to say
		}
		if r.Operation != popdbtest.Operation || r.Namespace != popdbtest.NSRequest {
			p(mWFOperation, truncate(r.Namespace, 60), truncate(r.Operation, 40), popdbtest.NSRequest, popdbtest.Operation)
		}
		if r.MaTichHop != popdbtest.ServiceCode {
			p(mWFServiceCode, truncate(r.MaTichHop, 20), popdbtest.ServiceCode)
		}
		for _, f := range []struct{ name, v string }{{"MaYeuCau", r.MaYeuCau}, {"MaDVC", r.MaDVC}, {"MaCanBo", r.MaCanBo}, {"MaDonVi", r.MaDonVi}} {
			if strings.TrimSpace(f.v) == "" {
				p(mWFMissing, f.name)
			}
		}
		if r.Subject == "" {
			p(mWFNoSubject)
		}
		if r.MaYeuCau != "" {
			if prev, dup := ids[r.MaYeuCau]; dup {
				p(mWFReusedID, truncate(r.MaYeuCau, 40), prev)
			} else {
				ids[r.MaYeuCau] = r.Seq
			}
		}
	}
	return out
}
