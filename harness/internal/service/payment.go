package service

import (
	"context"
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
)

// noFee are the folded phrases that say a procedure has no fee.
var noFee = []string{"khong", "mien phi", "khong co", "khong thu", "khong quy dinh", "0 dong", "mien"}

// pageFee reports whether a procedure page states a fee: a "Phí, lệ phí" (or "Lệ phí", "Phí")
// label whose value is not "Không" / "Miễn phí"; known is false when the page has no such label.
func pageFee(doc *html.Node) (fee, known bool) { return labelsFee(labels(doc)) }

// labelsFee is pageFee of a page's labels.
func labelsFee(ls []label) (fee, known bool) {
	for _, l := range ls {
		// "Phí, lệ phí", "Lệ phí", "Mức phí" — but not "Phiếu …", whose folded form also starts
		// with "phi".
		w := strings.Fields(l.folded)
		if len(w) == 0 || !(w[0] == "phi" || len(w) > 1 && (w[0] == "le" || w[0] == "muc") && w[1] == "phi") {
			continue
		}
		v := htmlx.Fold(valueOf(l))
		if v == "" {
			continue
		}
		if strings.HasPrefix(v, "khong qua ") || strings.HasPrefix(v, "khong vuot qua ") {
			return true, true // "không quá 50.000 đồng": a fee with a ceiling
		}
		for _, p := range noFee {
			if v == p || strings.HasPrefix(v, p+" ") {
				return false, true
			}
		}
		return true, true
	}
	return false, false
}

// offersPayment reports whether the page links to online payment: a link, button or form whose
// text says "thanh toán" (or "payment"), or that leads to the profile's payment entry. Links in
// the site's navigation, header and footer do not count: they are on every page, whether the
// procedure can be paid online or not.
func offersPayment(doc *html.Node, base *url.URL, payment string) bool {
	var payPath string
	if payment != "" {
		if u, err := url.Parse(payment); err == nil {
			payPath = base.ResolveReference(u).Path
		}
	}
	found := false
	htmlx.Walk(doc, func(n *html.Node) bool {
		switch n.Data {
		case "a", "button", "input", "form":
		default:
			return true
		}
		for p := n.Parent; p != nil; p = p.Parent {
			if p.Type == html.ElementNode && (p.Data == "nav" || p.Data == "header" || p.Data == "footer") {
				return true
			}
		}
		text := htmlx.Text(n)
		for _, a := range []string{"value", "aria-label", "title"} {
			if v, ok := htmlx.Attr(n, a); ok {
				text += " " + v
			}
		}
		f := htmlx.Fold(text)
		if htmlx.FoldedContains(f, "thanh toan") || htmlx.FoldedContains(f, "payment") || htmlx.FoldedContains(f, "nop phi") {
			found = true
		}
		for _, a := range []string{"href", "action"} {
			if v, ok := htmlx.Attr(n, a); ok && payPath != "" && payPath != "/" {
				if u, err := url.Parse(strings.TrimSpace(v)); err == nil && base.ResolveReference(u).Path == payPath {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// paymentCheck is P06-SVC-04: fee-bearing procedures offered online offer online payment. A
// procedure is fee-bearing when the catalogue says so (CoPhiLePhi, data-co-phi) or its page states
// a fee; each sampled fee-bearing page must link to online payment.
func paymentCheck(ctx context.Context, s *check.Session, r *check.Resolved) check.Result {
	byURL := map[string]check.Procedure{}
	if pl, err := s.Procedures(ctx); err == nil {
		for _, p := range pl.Procedures {
			byURL[p.URL] = p
		}
	}
	if len(r.ProcedurePages) == 0 {
		return check.Fail(mPaymentNoPages).Saw(msg.P(mNoPagesGot), msg.P(mPaymentWant))
	}
	var feeBearing, read int
	s.Prefetch(ctx, r.ProcedurePages...)
	var bad []string
	for _, ref := range r.ProcedurePages {
		pg, err := s.Page(ctx, ref)
		if err != nil {
			return check.FromError(msg.P(mStepProcedurePage, check.Redact(ref)), err)
		}
		if pg.StatusCode != 200 || pg.Doc == nil {
			continue // P06-SVC-02 reports pages that do not answer
		}
		read++
		abs, _ := s.Resolve(ref)
		p, inCatalogue := byURL[abs]
		if inCatalogue && p.LevelStated && !p.Online() {
			continue // not offered online: nothing to pay online
		}
		fee, _ := labelsFee(pageLabels(pg))
		if !fee && !(inCatalogue && p.Fee) {
			continue
		}
		feeBearing++
		base, _ := url.Parse(pg.FinalURL)
		if !offersPayment(pg.Doc, base, r.Payment) {
			bad = append(bad, check.Redact(pg.URL))
		}
	}
	if read == 0 {
		// Nothing seen proves the criterion does not apply: no procedure page could be read.
		return check.Error(mPaymentNoneRead, len(r.ProcedurePages))
	}
	if feeBearing == 0 {
		return check.NotApplicable(mPaymentNoFees, len(r.ProcedurePages))
	}
	if len(bad) > 0 {
		return check.Fail(mPaymentFail, len(bad), feeBearing, payWord, list(data(bad))).
			At(bad[0]).Saw(msg.P(mPaymentFailGot, len(bad)), msg.P(mPaymentFailWant))
	}
	return check.Pass(mPaymentPass, feeBearing)
}
