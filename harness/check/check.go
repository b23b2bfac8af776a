package check

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// Func examines the target for one criterion.
type Func func(ctx context.Context, s *Session) Result

// Check is the check of one criterion.
type Check struct {
	// ID is the criterion ID, e.g. "P06-SEC-03".
	ID string
	// Run performs the check.
	Run Func
	// Active marks a check that sends requests other than GET or HEAD to the target, or bursts of
	// requests (rate-limit probing, submissions). It runs only when active checks are enabled;
	// otherwise its finding is not_tested with the reason.
	Active bool
	// Exclusive marks a check that changes shared state (the misbehaviour mode of a fake national
	// service, the portal's dossiers): the engine runs exclusive checks one at a time.
	Exclusive bool
}

// Result is what a check found.
type Result struct {
	Status scoring.Status
	// Message says in English, in a line or a few, what was seen.
	Message string
	// MessageVI is the same in Vietnamese; when empty the English message is used.
	MessageVI string
	// MsgID and Args are the catalogue message (package msg) and the values Message and MessageVI
	// were rendered from, for tests to assert and tools to group by; empty for prose results.
	MsgID string
	Args  []any
	// Got is what the portal did; Want is what the criterion requires (GotVI, WantVI: in Vietnamese).
	Got, Want, GotVI, WantVI string
	// URL is where it was seen.
	URL      string
	Evidence []scoring.Evidence
	// Targets are checkable targets the check measured (for instance the share of procedures
	// offered online, made with scoring.SeedTarget); the report lists them beside the scores.
	Targets []scoring.Target
}

// Pass, Fail, Error, NotApplicable and NotTested are results whose message is t, from the
// catalogue (package msg), with args: the way checks say what they saw.
func Pass(t msg.Text, args ...any) Result          { return Say(scoring.Pass, t, args...) }
func Fail(t msg.Text, args ...any) Result          { return Say(scoring.Fail, t, args...) }
func Error(t msg.Text, args ...any) Result         { return Say(scoring.Error, t, args...) }
func NotApplicable(t msg.Text, args ...any) Result { return Say(scoring.NotApplicable, t, args...) }
func NotTested(t msg.Text, args ...any) Result     { return Say(scoring.NotTested, t, args...) }

// Say is a result with status s and the message t rendered with args in both languages.
func Say(s scoring.Status, t msg.Text, args ...any) Result {
	return Result{Status: s, Message: t.Render(msg.EN, args...), MessageVI: t.Render(msg.VI, args...), MsgID: t.ID(), Args: args}
}

// Passf, Failf, Errorf, NotApplicablef and NotTestedf are results with a message in English only:
// prose, for a vendor's own checks. p06kit's checks use Pass, Fail… and the catalogue (package msg).
// NotTested is for a criterion that could not be assessed for want of an adapter, a fake or an option.
func Passf(format string, a ...any) Result          { return sayf(scoring.Pass, format, a) }
func Failf(format string, a ...any) Result          { return sayf(scoring.Fail, format, a) }
func Errorf(format string, a ...any) Result         { return sayf(scoring.Error, format, a) }
func NotApplicablef(format string, a ...any) Result { return sayf(scoring.NotApplicable, format, a) }
func NotTestedf(format string, a ...any) Result     { return sayf(scoring.NotTested, format, a) }

func sayf(s scoring.Status, format string, a []any) Result {
	return Result{Status: s, Message: fmt.Sprintf(format, a...)}
}

// GotWant returns r with Got and Want set.
func (r Result) GotWant(got, want string) Result { r.Got, r.Want = got, want; return r }

// Saw returns r with Got and Want as catalogue phrases, rendered in both languages.
func (r Result) Saw(got, want msg.Phrase) Result {
	r.Got, r.Want, r.GotVI, r.WantVI = got.Render(msg.EN), want.Render(msg.EN), got.Render(msg.VI), want.Render(msg.VI)
	return r
}

// At returns r with URL set.
func (r Result) At(url string) Result { r.URL = url; return r }

// With returns r with evidence appended.
func (r Result) With(ev ...scoring.Evidence) Result {
	r.Evidence = append(r.Evidence, ev...)
	return r
}

// Measured returns r with measured targets appended.
func (r Result) Measured(t ...scoring.Target) Result {
	r.Targets = append(r.Targets, t...)
	return r
}

// Deprecated: declare the message with msg.New and return Pass, Fail… (VI sets a prose MessageVI).
func (r Result) VI(format string, a ...any) Result { r.MessageVI = fmt.Sprintf(format, a...); return r }

// ErrNotImplemented is returned (wrapped in a *NotImplementedError) when the adapter lacks a
// method an assisted check needs.
var ErrNotImplemented = msg.Error(msg.New("check.err.not-implemented", "not implemented by the adapter", "bộ điều hợp chưa triển khai chức năng này"))

// NotImplementedError names the adapter method a check needed.
type NotImplementedError struct {
	// Method is the interface method, e.g. "Dossiers.StartDossier".
	Method string
}

func (e *NotImplementedError) Error() string { return e.Render(msg.EN) }

// Render is the error in lang: as a value of a message, in that message's language.
func (e *NotImplementedError) Render(lang string) string { return mNotImpl.Render(lang, e.Method) }

// Unwrap makes errors.Is(err, ErrNotImplemented) true.
func (e *NotImplementedError) Unwrap() error { return ErrNotImplemented }

// FromError turns an error met while checking into a result: not_tested when something the check
// needs is missing (adapter method, fake service), error otherwise. context names the step: a
// msg.Phrase ("fetching the home page"), rendered in the report's language, or a string as it is.
func FromError(context any, err error) Result {
	var ni *NotImplementedError
	switch {
	case errors.As(err, &ni) || errors.Is(err, ErrNotImplemented) || errors.Is(err, ErrNoFake):
		return NotTested(mMissing, context, err)
	case errors.Is(err, ErrUnsafeMethod): // a configuration matter, not the portal's fault
		return NotTested(mUnsafe, context, err)
	}
	for _, e := range errorMessages {
		if errors.Is(err, e.err) {
			return Error(e.text, context, err)
		}
	}
	if strings.Contains(err.Error(), "TLS") {
		return Error(mTLS, context, err)
	}
	return Error(mFailed, context, err)
}

var (
	mMissing = msg.New("check.not-tested.missing", "%s: %v", "chưa kiểm tra: thiếu bộ điều hợp hoặc dịch vụ giả lập cần cho phép kiểm tra (%s: %v)")
	mUnsafe  = msg.New("check.not-tested.unsafe", "%s: %v (enable active checks to assess this)", "%s: %v (bật kiểm tra chủ động để đánh giá)")
	mTLS     = msg.New("check.error.tls", "%s: %v", "lỗi TLS hoặc chứng thư số của cổng (%s: %v)")
	mFailed  = msg.New("check.error.other", "%s: %v", "không hoàn thành được phép kiểm tra (%s: %v)")
	// NotImplementedError's text.
	mNotImpl = msg.New("check.err.not-implemented-method", "the adapter does not implement %s", "bộ điều hợp chưa triển khai %s")
	// StepProfile is the step a check names when the portal's profile cannot be resolved.
	StepProfile = msg.New("check.step.resolve-profile", "resolving the portal profile", "xác định hồ sơ cổng")
	// Evidence notes (Response.Evidence, LoginTrace.Evidence).
	mRedirectedTo   = msg.New("check.note.redirected", "redirected to %s", "được chuyển hướng tới %s")
	mCallbackAnswer = msg.New("check.note.callback-answer", "the portal's answer to the SSO's callback", "phản hồi của cổng cho callback từ SSO")
	mStillEmptyErr  = msg.New("check.error.still-empty", "still empty after rendering: its scripts did not run or were blocked (off-host bundles are blocked by design)", "vẫn rỗng sau khi dựng: mã JavaScript của trang không chạy hoặc bị chặn (tệp ở máy chủ khác bị chặn theo thiết kế)")
	mStillEmpty     = msg.New("check.error.render-empty", "%s is rendered by JavaScript, but %v (%v); what a citizen would see was never drawn, so it cannot be judged: make the page's scripts load from the portal's host and run in the renderer, then render again", "%s được dựng bằng JavaScript nhưng %v (%v); nội dung người dân thấy chưa bao giờ được vẽ ra nên không đánh giá được: cho mã JavaScript của trang tải từ máy chủ của cổng và chạy được trong trình dựng, rồi dựng lại")
	mNeedsRender    = msg.New("check.error.needs-render", "%s is rendered by JavaScript (%v); what a citizen sees cannot be judged on the shell: assess it with `p06 scan --render` (harness: a Target.Renderer such as render.Chromium)", "%s được dựng bằng JavaScript (%v); không thể đánh giá nội dung người dân thấy trên khung trang rỗng: đánh giá lại với `p06 scan --render` (trong harness: Target.Renderer, ví dụ render.Chromium)")
)

// errorMessages say what went wrong, for the errors of the session; the detail follows.
var errorMessages = []struct {
	err  error
	text msg.Text
}{
	{ErrUnreachable, msg.New("check.error.unreachable", "%s: %v", "không kết nối được tới cổng (%s: %v)")},
	{ErrTimeout, msg.New("check.error.timeout", "%s: %v", "cổng không trả lời đầy đủ trong thời hạn (%s: %v)")},
	{ErrBodyTooLarge, msg.New("check.error.body-too-large", "%s: %v", "nội dung trả về vượt giới hạn kích thước (%s: %v)")},
	{ErrHeaderTooLarge, msg.New("check.error.header-too-large", "%s: %v", "phần tiêu đề HTTP vượt giới hạn kích thước (%s: %v)")},
	{ErrDecompressionBomb, msg.New("check.error.decompression-bomb", "%s: %v", "dữ liệu nén giãn nở bất thường (bom nén) (%s: %v)")},
	{ErrTooManyRedirects, msg.New("check.error.redirects", "%s: %v", "cổng chuyển hướng quá nhiều lần (%s: %v)")},
	{ErrOffHostRedirect, msg.New("check.error.off-host-redirect", "%s: %v", "cổng chuyển hướng sang máy chủ khác (%s: %v)")},
	{ErrBadEncoding, msg.New("check.error.encoding", "%s: %v", "mã hóa nội dung (Content-Encoding) không hợp lệ (%s: %v)")},
	{ErrRequestBudget, msg.New("check.error.budget", "%s: %v", "đã dùng hết số yêu cầu cho phép của lượt đánh giá (%s: %v)")},
}

// ErrNoFake is returned when an assisted check needs a fake national service the target lacks.
var ErrNoFake = msg.Error(msg.New("check.err.no-fake", "the target has no fake of this national service", "đối tượng đánh giá không có bản giả lập của dịch vụ quốc gia này"))
