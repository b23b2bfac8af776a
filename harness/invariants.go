package harness

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/scoring"
)

// ErrUnreadable is wrapped by the error Check returns when the portal answers but its home page
// cannot be read (an untrusted certificate, a TLS handshake that stalls or is closed, a timeout,
// a response past the size, depth or redirect limits, garbage, an error status). The report is
// still returned: the checks whose result rested on the portal's pages are error, saying why
// and what would make them assessable; checks that judge something else (the TLS configuration,
// the fakes) keep their verdicts. p06 scan exits 2, as for an unreachable portal.
var ErrUnreadable = errors.New("the portal's home page could not be read")

// earned applies the engine's invariants to a check's result, whatever the check returned (the
// status table of package scoring says what each status means):
//
//   - a pass, fail or not_applicable that arrives after the check's context expired is error:
//     what the check did not finish seeing cannot support a verdict;
//   - one that rests on a failed fetch (see check.Ledger: a page that could not be read, the
//     home page answering an error status, discovery that could not read the pages it needed)
//     is error with that fetch's cause and what would make it assessable;
//   - one made while the session refused a request of the check for want of budget is error:
//     requests the check needed were not sent;
//   - a pass or fail without evidence is error, unless the responses the check fetched (its
//     ledger) can be shown as the evidence it rests on.
//
// error and not_tested results pass through unchanged.
func earned(r check.Result, l *check.Ledger, ctxErr error, timeout time.Duration) check.Result {
	if r.Status != scoring.Pass && r.Status != scoring.Fail && r.Status != scoring.NotApplicable {
		return r
	}
	was := r.Status
	demote := func(en, vi string) check.Result {
		out := check.Result{Status: scoring.Error, Message: en, MessageVI: vi, URL: r.URL, Evidence: r.Evidence}
		if out.Evidence == nil {
			out.Evidence, _ = l.Seen()
		}
		return out
	}
	if ctxErr != nil {
		cause, causeVI := "its time limit of "+timeout.String()+" ran out", "hết thời hạn "+timeout.String()
		if !errors.Is(ctxErr, context.DeadlineExceeded) {
			cause, causeVI = "the run was cancelled", "lượt đánh giá bị hủy"
		}
		return demote(fmt.Sprintf("the check returned %s after %s, so it cannot rest on what it saw (it said: %s)", was, cause, r.Message),
			fmt.Sprintf("phép kiểm tra trả về %s sau khi %s nên kết quả không có căn cứ (%s)", was, causeVI, r.Message))
	}
	if err, n := l.Failure(); err != nil {
		more := ""
		if n > 1 {
			more = fmt.Sprintf(" (and %d more failed fetches)", n-1)
		}
		hint, hintVI := assessHint(err)
		return demote(fmt.Sprintf("not assessed: the result (%s) would rest on a page the harness could not read: %v%s.%s The check said: %s", was, err, more, hint, r.Message),
			fmt.Sprintf("không đánh giá được: kết quả (%s) dựa trên một trang không đọc được: %v%s.%s", was, err, more, hintVI))
	}
	if l.BudgetHit() {
		return demote(fmt.Sprintf("not assessed: the session's request budget ran out while the check ran, so its result (%s) would rest on requests that were not sent; raise the request limit (the MaxRequests option) to assess this. The check said: %s", was, r.Message),
			fmt.Sprintf("không đánh giá được: đã dùng hết số yêu cầu cho phép trong khi kiểm tra nên kết quả (%s) không có căn cứ; hãy tăng giới hạn số yêu cầu (tùy chọn MaxRequests)", was))
	}
	if r.Status == scoring.NotApplicable || len(r.Evidence) > 0 {
		return r
	}
	if seen, n := l.Seen(); n > 0 {
		r.Evidence = seen
		return r
	}
	said := r.MessageVI
	if said == "" {
		said = r.Message
	}
	return check.Result{Status: scoring.Error, URL: r.URL,
		Message:   fmt.Sprintf("the check returned %s without evidence of what it saw, which the harness does not accept as a verdict (it said: %s)", was, r.Message),
		MessageVI: fmt.Sprintf("phép kiểm tra trả về %s mà không có bằng chứng nên không được chấp nhận (kết quả của phép kiểm tra: %s)", was, said)}
}

// assessHint says what would make a criterion assessable after err, in English and Vietnamese,
// each with a leading space, or "" when nothing the caller can do would help.
func assessHint(err error) (string, string) {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "certificate is not valid"):
		return " If the portal's certificate is issued by a CA this system does not trust (a private or government CA), give that CA's certificate with --ca (p06 scan) or in the TLS roots of Target.Client.",
			" Nếu chứng thư của cổng do một CA mà hệ thống không tin cậy cấp (CA riêng hoặc CA chuyên dùng của Chính phủ), hãy cung cấp chứng thư CA đó bằng --ca (p06 scan) hoặc trong Target.Client."
	case errors.Is(err, check.ErrTimeout):
		return " If the portal is only slow, raise the request timeout (--timeout, the RequestTimeout option).",
			" Nếu cổng chỉ chậm, hãy tăng thời hạn mỗi yêu cầu (--timeout, tùy chọn RequestTimeout)."
	case errors.Is(err, check.ErrBodyTooLarge), errors.Is(err, check.ErrHeaderTooLarge):
		return " If the response is legitimate, raise the size limits (the Limits option).",
			" Nếu phản hồi là hợp lệ, hãy tăng giới hạn kích thước (tùy chọn Limits)."
	case errors.Is(err, check.ErrOffHostRedirect), errors.Is(err, check.ErrOutOfScope):
		return " If that host is the portal's own, allow it with --allow-host (the AllowHosts option).",
			" Nếu máy chủ đó thuộc cổng, hãy cho phép bằng --allow-host (tùy chọn AllowHosts)."
	case errors.Is(err, check.ErrRequestBudget):
		return " Raise the request limit (the MaxRequests option).", " Hãy tăng giới hạn số yêu cầu (tùy chọn MaxRequests)."
	}
	return "", ""
}
