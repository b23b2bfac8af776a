package popdata

import (
	"context"
	"fmt"
	"mime"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
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
			return dossierError("starting a dossier", a.err)
		}
		entries = append(entries, a.entries...)
	}
	want := "every request authenticated, operation TraCuuThongTinCongDan in http://dancuquocgia.bca, MaTichHop 037, a unique MaYeuCau, MaDVC, MaCanBo and MaDonVi, SOAPAction and text/xml"
	if len(entries) == 0 {
		return check.Failf("starting two dossiers sent no request to the population database, so none could be assessed (see P06-POP-01)").
			VI("Bắt đầu hai hồ sơ nhưng cổng không gửi yêu cầu nào tới CSDL dân cư nên không có gì để đánh giá (xem P06-POP-01)").
			GotWant("no gateway request", want).
			With(evidence(entries)...)
	}
	problems := WellFormedProblems(entries, before)
	if len(problems) > 0 {
		got := joinEN(problems, "; ")
		return check.Failf("%d of the portal's gateway request(s) are malformed or unauthenticated: %s", countBad(problems), got).
			VI("%d yêu cầu của cổng tới trục tích hợp không đúng quy cách hoặc không được xác thực: %s", countBad(problems), joinVI(problems, "; ")).
			GotWant(got, want).
			With(evidence(entries)...)
	}
	return check.Passf("the portal's %d gateway request(s) are well-formed and authenticated as %q (X-Road-Client %q), each with its own MaYeuCau", len(entries), entries[0].Username, entries[0].Client).
		VI("%d yêu cầu của cổng tới trục tích hợp đúng quy cách và được xác thực, mỗi yêu cầu có MaYeuCau riêng", len(entries)).
		GotWant(fmt.Sprintf("%d well-formed requests", len(entries)), want).
		With(evidence(entries)...)
}

func countBad(problems []Problem) int {
	seen := map[string]bool{}
	for _, p := range problems {
		if i := strings.Index(p.EN, ":"); i > 0 {
			seen[p.EN[:i]] = true
		}
	}
	return len(seen)
}

// WellFormedProblems lists what is wrong with each request of entries, one string per problem
// prefixed with the request ("request #3: MaTichHop is "036", want 037"). earlier are requests
// seen before, whose MaYeuCau the new ones must not reuse.
func WellFormedProblems(entries, earlier []popdbtest.Request) []Problem {
	ids := map[string]int{}
	for _, r := range earlier {
		if r.MaYeuCau != "" {
			ids[r.MaYeuCau] = r.Seq
		}
	}
	var out []Problem
	for _, r := range entries {
		p := func(en, vi string, a ...any) {
			out = append(out, Problem{fmt.Sprintf("request #%d: ", r.Seq) + fmt.Sprintf(en, a...),
				fmt.Sprintf("yêu cầu #%d: ", r.Seq) + fmt.Sprintf(vi, a...)})
		}
		if !r.AuthOK {
			p("refused by the gateway (HTTP %d %s): %s", "bị trục tích hợp từ chối (HTTP %d %s): %s", r.Status, r.Fault, r.AuthError)
		}
		if r.Method != "POST" {
			p("method %s, want POST", "phương thức %s, cần POST", r.Method)
		}
		if !r.HasSOAPAction {
			p("no SOAPAction header", "thiếu header SOAPAction")
		}
		if mt, _, err := mime.ParseMediaType(r.ContentType); err != nil || mt != "text/xml" {
			p("Content-Type %q, want text/xml (SOAP 1.1)", "Content-Type %q, cần text/xml (SOAP 1.1)", truncate(r.ContentType, 60))
		}
		if !r.AuthOK && r.Operation == "" {
			continue // the body was not read: nothing more to say
		}
		if r.Operation != popdbtest.Operation || r.Namespace != popdbtest.NSRequest {
			p("operation {%s}%s, want {%s}%s", "thao tác {%s}%s, cần {%s}%s", truncate(r.Namespace, 60), truncate(r.Operation, 40), popdbtest.NSRequest, popdbtest.Operation)
		}
		if r.MaTichHop != popdbtest.ServiceCode {
			p("MaTichHop %q, want %q", "MaTichHop %q, cần %q", truncate(r.MaTichHop, 20), popdbtest.ServiceCode)
		}
		for _, f := range []struct{ name, v string }{{"MaYeuCau", r.MaYeuCau}, {"MaDVC", r.MaDVC}, {"MaCanBo", r.MaCanBo}, {"MaDonVi", r.MaDonVi}} {
			if strings.TrimSpace(f.v) == "" {
				p("no %s", "thiếu %s", f.name)
			}
		}
		if r.Subject == "" {
			p("neither SoDinhDanh nor SoCMND", "không có SoDinhDanh hay SoCMND")
		}
		if r.MaYeuCau != "" {
			if prev, dup := ids[r.MaYeuCau]; dup {
				p("MaYeuCau %q already used by request #%d", "MaYeuCau %q đã dùng ở yêu cầu #%d", truncate(r.MaYeuCau, 40), prev)
			} else {
				ids[r.MaYeuCau] = r.Seq
			}
		}
	}
	return out
}
