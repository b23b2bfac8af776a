package harness_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// A custom check's messages, declared once in the catalogue (package msg) with an ID, the English
// and the Vietnamese text.
var (
	mNoSniff     = msg.New("example.nosniff.missing", "no X-Content-Type-Options: nosniff", "thiếu X-Content-Type-Options: nosniff")
	mNoSniffSent = msg.New("example.nosniff.sent", "nosniff", "có nosniff")
)

// Assess a portal outside go test, with one custom check, and read a finding of the report.
func ExampleCheck() {
	portal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`<html lang="vi"><head><title>Cổng dịch vụ công</title></head></html>`))
	}))
	defer portal.Close()

	nosniff := check.Check{ID: "P06-SEC-09", Run: func(ctx context.Context, s *check.Session) check.Result {
		resp, err := s.Get(ctx, "/")
		if err != nil {
			return check.FromError("fetching the home page", err)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			return check.Fail(mNoSniff)
		}
		return check.Pass(mNoSniffSent)
	}}
	r, err := harness.Check(context.Background(), harness.Target{BaseURL: portal.URL},
		harness.Only("P06-SEC-09"), harness.Checks(nosniff), harness.Lang("en"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range r.Findings {
		if f.Criterion == "P06-SEC-09" {
			fmt.Println(f.Status, "-", f.Message)
		}
	}
	// Output: fail - no X-Content-Type-Options: nosniff
}

// The text a failing finding fails its go test subtest with.
func ExampleFailureText() {
	cr := &criteria.Criterion{
		ID:          "P06-SEC-06",
		Title:       criteria.Text{VI: "HSTS với max-age tối thiểu sáu tháng", EN: "HSTS with max-age of at least six months"},
		Requirement: criteria.Text{VI: "max-age ≥ 15552000", EN: "max-age ≥ 15552000"},
		Advice:      criteria.Text{VI: "Thêm Strict-Transport-Security", EN: "Add Strict-Transport-Security: max-age=31536000"},
		Basis:       []criteria.Basis{{Document: "RFC 6797", Kind: criteria.Derived}},
	}
	f := scoring.Finding{Criterion: cr.ID, Status: scoring.Fail, Message: "no Strict-Transport-Security header",
		Got: "(absent)", URL: "https://dichvucong.example.gov.vn/"}
	fmt.Println(harness.FailureText(cr, f, "en"))
	// Output:
	// P06-SEC-06 — HSTS with max-age of at least six months
	//     result:  fail: no Strict-Transport-Security header
	//     got:     (absent)
	//     want:    max-age ≥ 15552000
	//     url:     https://dichvucong.example.gov.vn/
	//     basis:   RFC 6797 (derived control)
	//     advice:  Add Strict-Transport-Security: max-age=31536000
}

// Read attestations for the attested criteria of the built-in catalogue.
func ExampleParseAttestations() {
	a, err := harness.ParseAttestations([]byte(`{"attestations":[{"criterion":"P06-SEC-20",
		"document":"QĐ 12/QĐ-UBND phê duyệt hồ sơ cấp độ 3","issued_by":"UBND tỉnh","issued":"2025-03-01","expires":"2030-03-01"}]}`),
		criteria.P06Technical())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(a.Attestations), a.Attestations[0].Criterion)
	_, err = harness.ParseAttestations([]byte(`{"attestations":[{"criterion":"P06-SEC-09",
		"document":"d","issued_by":"x","issued":"2025-03-01","expires":"2030-03-01"}]}`), criteria.P06Technical())
	fmt.Println(err)
	// Output:
	// 1 P06-SEC-20
	// attestations[0] (P06-SEC-09): criterion is automated, not attested: it is assessed by the harness, not by a document
}
