package harness

import (
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// The engine's messages: what it says when it does not accept a check's result as a verdict.
var (
	mStatusPass = msg.New("harness.status.pass", "pass", "đạt")
	mStatusFail = msg.New("harness.status.fail", "fail", "không đạt")
	mStatusNA   = msg.New("harness.status.not-applicable", "not_applicable", "không áp dụng")
	mStatusErr  = msg.New("harness.status.error", "error", "lỗi")
	mStatusNT   = msg.New("harness.status.not-tested", "not_tested", "chưa kiểm tra")

	// FailureText's labels, and the kinds of legal basis.
	mLabelResult   = msg.New("harness.failure.result", "result", "kết quả")
	mLabelGot      = msg.New("harness.failure.got", "got", "thấy")
	mLabelWant     = msg.New("harness.failure.want", "want", "yêu cầu")
	mLabelURL      = msg.New("harness.failure.url", "url", "địa chỉ")
	mLabelBasis    = msg.New("harness.failure.basis", "basis", "căn cứ")
	mLabelAdvice   = msg.New("harness.failure.advice", "advice", "khắc phục")
	mLabelEvidence = msg.New("harness.failure.evidence", "evidence", "minh chứng")
	mLabelMore     = msg.New("harness.failure.more", "(%d more items of evidence in the report)", "(còn %d minh chứng khác trong báo cáo)")
	mBasisQuoted   = msg.New("harness.basis.quoted", "quoted law", "trích quy định")
	mBasisDerived  = msg.New("harness.basis.derived", "derived control", "kiểm soát suy ra từ quy định")

	mCauseTimeLimit = msg.New("harness.cause.time-limit", "its time limit of %s ran out", "hết thời hạn %s")
	mCauseCancelled = msg.New("harness.cause.cancelled", "the run was cancelled", "lượt đánh giá bị hủy")

	mLate = msg.New("harness.earned.late",
		"the check returned %s after %s, so it cannot rest on what it saw (it said: %s)",
		"phép kiểm tra trả về %s sau khi %s nên kết quả không có căn cứ (kết quả của phép kiểm tra: %s)")
	mUnread = msg.New("harness.earned.unread",
		"not assessed: the result (%s) would rest on a page the harness could not read: %v%s.%s The check said: %s",
		"không đánh giá được: kết quả (%s) dựa trên một trang không đọc được: %v%s.%s Kết quả của phép kiểm tra: %s")
	mMoreFailures = msg.New("harness.earned.more-failures", " (and %d more failed fetches)", " (và %d lần tải khác không thành công)")
	mBudget       = msg.New("harness.earned.budget",
		"not assessed: the session's request budget ran out while the check ran, so its result (%s) would rest on requests that were not sent; raise the request limit (the MaxRequests option) to assess this. The check said: %s",
		"không đánh giá được: đã dùng hết số yêu cầu cho phép trong khi kiểm tra nên kết quả (%s) không có căn cứ; hãy tăng giới hạn số yêu cầu (tùy chọn MaxRequests). Kết quả của phép kiểm tra: %s")
	mNoEvidence = msg.New("harness.earned.no-evidence",
		"the check returned %s without evidence of what it saw, which the harness does not accept as a verdict (it said: %s)",
		"phép kiểm tra trả về %s mà không có bằng chứng nên không được chấp nhận (kết quả của phép kiểm tra: %s)")

	mHintCA = msg.New("harness.hint.ca",
		" If the portal's certificate is issued by a CA this system does not trust (a private or government CA), give that CA's certificate with --ca (p06 scan) or in the TLS roots of Target.Client.",
		" Nếu chứng thư của cổng do một CA mà hệ thống không tin cậy cấp (CA riêng hoặc CA chuyên dùng của Chính phủ), hãy cung cấp chứng thư CA đó bằng --ca (p06 scan) hoặc trong Target.Client.")
	mHintTimeout = msg.New("harness.hint.timeout",
		" If the portal is only slow, raise the request timeout (--timeout, the RequestTimeout option).",
		" Nếu cổng chỉ chậm, hãy tăng thời hạn mỗi yêu cầu (--timeout, tùy chọn RequestTimeout).")
	mHintSize = msg.New("harness.hint.size",
		" If the response is legitimate, raise the size limits (the Limits option).",
		" Nếu phản hồi là hợp lệ, hãy tăng giới hạn kích thước (tùy chọn Limits).")
	mHintHost = msg.New("harness.hint.host",
		" If that host is the portal's own, allow it with --allow-host (the AllowHosts option).",
		" Nếu máy chủ đó thuộc cổng, hãy cho phép bằng --allow-host (tùy chọn AllowHosts).")
	mHintBudget = msg.New("harness.hint.budget", " Raise the request limit (the MaxRequests option).", " Hãy tăng giới hạn số yêu cầu (tùy chọn MaxRequests).")

	mShellFail  = msg.New("harness.shell.fail", "a fail says something is missing that the app may draw", "không đạt, trong khi điều cần tìm có thể do ứng dụng vẽ ra")
	mShellPages = msg.New("harness.shell.pages", "%s (%v)", "%s (%v)")
	mShellPass  = msg.New("harness.shell.pass", "a pass would vouch for content the harness did not see", "đạt, trong khi nội dung chưa được xem")
	mShell      = msg.New("harness.shell.not-seen",
		"not assessed: the content of %s is rendered by JavaScript and was not seen, so the check's result is not earned (%s); assess it with `p06 scan --render` (harness: a Target.Renderer such as render.Chromium), with the page's scripts served from the portal's host. The check said: %s",
		"không đánh giá được: nội dung của %s được dựng bằng JavaScript và chưa được xem, nên kết quả của phép kiểm tra (%s) không có căn cứ; đánh giá lại với `p06 scan --render` (trong harness: `Target.Renderer`, ví dụ `render.Chromium`), với các script của trang được phục vụ từ máy chủ của cổng. Kết quả của phép kiểm tra: %s")

	mOverTime  = msg.New("harness.engine.over-time", "the check exceeded its time limit of %s: %s", "phép kiểm tra vượt quá thời hạn %s: %s")
	mAbandoned = msg.New("harness.engine.abandoned",
		"the check did not return within its time limit of %s and was abandoned (it does not honour its context)",
		"phép kiểm tra không kết thúc trong thời hạn %s và đã bị bỏ (không tuân theo `context`)")
)

// statusWord is a verdict's name, as a part of a message.
func statusWord(s scoring.Status) msg.Phrase {
	switch s {
	case scoring.Pass:
		return msg.P(mStatusPass)
	case scoring.Fail:
		return msg.P(mStatusFail)
	case scoring.Error:
		return msg.P(mStatusErr)
	case scoring.NotTested:
		return msg.P(mStatusNT)
	}
	return msg.P(mStatusNA)
}

// said is a check's own message, quoted in one of the engine's, in the same language.
func said(r check.Result) msg.Rendered { return msg.Rendered{EN: r.Message, VI: r.MessageVI} }

// Evidence notes the engine adds (scoring.Evidence.Noted).
var (
	mNoteMoreEvidence = msg.New("harness.note.more-evidence", "%d more items of evidence not shown", "còn %d mục minh chứng khác không hiển thị")
	mNotePanicAt      = msg.New("harness.note.panic-at", "panic at %s %s", "lỗi panic tại %s %s")
	mNoteShell        = msg.New("harness.note.shell", "content rendered by JavaScript, not seen: %s", "nội dung do JavaScript dựng, công cụ không thấy được: %s")

	// Findings the engine fixes without running a check.
	mNotSelected = msg.New("harness.fixed.not-selected", "not selected (Only option)", "không được chọn (tùy chọn `Only`)")
	mNotRun      = msg.New("harness.fixed.not-run", "not selected by -run", "không được chọn bởi -run")
	mSkipped     = msg.New("harness.fixed.skipped", "skipped: %s", "bỏ qua: %s")
	mNotInForce  = msg.New("harness.fixed.not-in-force", "criterion not in force on %s", "tiêu chí không có hiệu lực vào ngày %s")
	mComputed    = msg.New("harness.fixed.computed", "computed from dossier data: use p06 index766", "tính từ dữ liệu hồ sơ: dùng p06 index766")
	mNoCheck     = msg.New("harness.fixed.no-check", "no check is built for this criterion", "chưa có phép kiểm tra cho tiêu chí này")
	mActiveOnly  = msg.New("harness.fixed.active-only", "active check: runs only with the Active option (p06 scan --active)", "phép kiểm tra chủ động: chỉ chạy khi bật tùy chọn Active (p06 scan --active)")
	mUnreachable = msg.New("harness.error.unreachable", "the portal could not be reached: %v", "không truy cập được cổng: %v")
	mCancelled   = msg.New("harness.error.cancelled", "run cancelled before the check started: %v", "lượt đánh giá bị hủy trước khi phép kiểm tra bắt đầu: %v")

	// The findings of attested criteria (Attestations).
	mAttNoFile     = msg.New("harness.attest.no-file", "attested criterion: no evidence file given (EvidenceFile, p06 scan --evidence)", "tiêu chí xác nhận bằng tài liệu: chưa cung cấp tệp minh chứng (EvidenceFile, p06 scan --evidence)")
	mAttFuture     = msg.New("harness.attest.future", "%q is valid only from %s", "%q chỉ có hiệu lực từ %s")
	mAttExpired    = msg.New("harness.attest.expired", "%q expired on %s", "%q đã hết hạn ngày %s")
	mAttUnreadable = msg.New("harness.attest.unreadable", "cannot read the evidence document %s: %v", "không đọc được tài liệu minh chứng %s: %v")
	mAttMismatch   = msg.New("harness.attest.mismatch", "document %s does not match: its SHA-256 is %s, the evidence file says %s", "tài liệu %s không khớp: SHA-256 là %s, tệp minh chứng ghi %s")
	mAttested      = msg.New("harness.attest.attested", "attested by %q issued by %s on %s, valid until %s", "xác nhận bằng %q do %s cấp ngày %s, hiệu lực đến %s")
	mAttNone       = msg.New("harness.attest.none", "the evidence file has no attestation for this criterion", "tệp minh chứng không có xác nhận cho tiêu chí này")
	mAttNoneValid  = msg.New("harness.attest.none-valid", "no valid attestation: %v", "không có xác nhận còn hiệu lực: %v")

	// The one-line result a test logs after Run (Summary).
	mSummaryScore     = msg.New("harness.summary.score", "score %.1f / 100, grade %s, %d/%d mandatory met; ", "điểm %.1f / 100, xếp loại %s, %d/%d tiêu chí bắt buộc đạt; ")
	mSummaryAssessed  = msg.New("harness.summary.assessed", "assessed %d of %d criteria", "đã đánh giá %d trên %d tiêu chí")
	mSummaryErrors    = msg.New("harness.summary.errors", " (%d error)", " (%d lỗi)")
	mSummaryNotTested = msg.New("harness.summary.not-tested", "; not tested: ", "; chưa kiểm tra: ")
)

// The engine's own errors: findings it makes when a check could not run, and the errors Check
// returns (msg.Error: errors.Is sees ErrUnreachable and ErrUnreadable through them).
var (
	mCancelledPending = msg.New("harness.engine.cancelled-pending", "run cancelled before the check completed: %v", "lượt đánh giá bị hủy trước khi phép kiểm tra hoàn thành: %v")
	mCancelledRunning = msg.New("harness.engine.cancelled-running", "run cancelled while the check was running: %v", "lượt đánh giá bị hủy khi phép kiểm tra đang chạy: %v")
	mInvalidStatus    = msg.New("harness.engine.invalid-status", "the check of %s returned an invalid status %q (want pass, fail, error, not_applicable or not_tested)",
		"phép kiểm tra %s trả về trạng thái không hợp lệ %q (cần `pass`, `fail`, `error`, `not_applicable` hoặc `not_tested`)")
	mPanicked      = msg.New("harness.engine.panicked", "the check of %s panicked: %s", "phép kiểm tra %s gặp lỗi panic: %s")
	mHomeAnswered  = msg.New("harness.engine.home-status", "the home page answered HTTP %d %s", "trang chủ trả lời HTTP %d %s")
	mErrUnreadable = msg.New("harness.err.unreadable", "the portal's home page could not be read", "không đọc được trang chủ của cổng")
	// The error Check returns: the portal, then what happened (and what would help, with a
	// leading space, or nothing).
	mErrHarness   = msg.New("harness.err.harness", "harness: %v", "harness: %v")
	mErrScoring   = msg.New("harness.err.scoring", "harness: scoring: %v", "harness: chấm điểm: %v")
	mErrRun       = msg.New("harness.err.run", "harness: %s: %v", "harness: %s: %v")
	mErrRunUnread = msg.New("harness.err.run-unreadable", "harness: %s: %v: %v.%v", "harness: %s: %v: %v.%v")
)
