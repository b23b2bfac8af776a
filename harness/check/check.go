package check

import (
	"context"
	"errors"
	"fmt"
	"strings"

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
	// Got is what the portal did; Want is what the criterion requires.
	Got, Want string
	// URL is where it was seen.
	URL      string
	Evidence []scoring.Evidence
	// Targets are checkable targets the check measured (for instance the share of procedures
	// offered online, made with scoring.SeedTarget); the report lists them beside the scores.
	Targets []scoring.Target
}

// Passf is a passing result.
func Passf(format string, a ...any) Result {
	return Result{Status: scoring.Pass, Message: fmt.Sprintf(format, a...)}
}

// Failf is a failing result.
func Failf(format string, a ...any) Result {
	return Result{Status: scoring.Fail, Message: fmt.Sprintf(format, a...)}
}

// Errorf is the result of a check that could not complete.
func Errorf(format string, a ...any) Result {
	return Result{Status: scoring.Error, Message: fmt.Sprintf(format, a...)}
}

// NotApplicablef is the result for a criterion that does not apply to this target.
func NotApplicablef(format string, a ...any) Result {
	return Result{Status: scoring.NotApplicable, Message: fmt.Sprintf(format, a...)}
}

// NotTestedf is the result for a criterion that could not be assessed for want of an adapter,
// a fake or an option.
func NotTestedf(format string, a ...any) Result {
	return Result{Status: scoring.NotTested, Message: fmt.Sprintf(format, a...)}
}

// GotWant returns r with Got and Want set.
func (r Result) GotWant(got, want string) Result { r.Got, r.Want = got, want; return r }

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

// VI returns r with the Vietnamese message set.
func (r Result) VI(format string, a ...any) Result { r.MessageVI = fmt.Sprintf(format, a...); return r }

// ErrNotImplemented is returned (wrapped in a *NotImplementedError) when the adapter lacks a
// method an assisted check needs.
var ErrNotImplemented = errors.New("not implemented by the adapter")

// NotImplementedError names the adapter method a check needed.
type NotImplementedError struct {
	// Method is the interface method, e.g. "Dossiers.StartDossier".
	Method string
}

func (e *NotImplementedError) Error() string {
	return fmt.Sprintf("the adapter does not implement %s", e.Method)
}

// Unwrap makes errors.Is(err, ErrNotImplemented) true.
func (e *NotImplementedError) Unwrap() error { return ErrNotImplemented }

// FromError turns an error met while checking into a result: not_tested when something the check
// needs is missing (adapter method, fake service), error otherwise. The message says what
// happened; context names the step, e.g. "fetching the home page".
func FromError(context string, err error) Result {
	var ni *NotImplementedError
	if errors.As(err, &ni) || errors.Is(err, ErrNotImplemented) || errors.Is(err, ErrNoFake) {
		return NotTestedf("%s: %v", context, err).
			VI("chưa kiểm tra: thiếu bộ điều hợp hoặc dịch vụ giả lập cần cho phép kiểm tra (%s: %v)", context, err)
	}
	if errors.Is(err, ErrUnsafeMethod) {
		// A request the run's options forbid is a configuration matter, not the portal's fault.
		return NotTestedf("%s: %v (enable active checks to assess this)", context, err).
			VI("%s: %v (bật kiểm tra chủ động để đánh giá)", context, err)
	}
	return Errorf("%s: %v", context, err).VI("%s (%s: %v)", errorGistVI(err), context, err)
}

// errorGistVI says in Vietnamese what went wrong, for readers of Vietnamese reports; the English
// detail follows it.
func errorGistVI(err error) string {
	switch {
	case errors.Is(err, ErrUnreachable):
		return "không kết nối được tới cổng"
	case errors.Is(err, ErrTimeout):
		return "cổng không trả lời đầy đủ trong thời hạn"
	case errors.Is(err, ErrBodyTooLarge):
		return "nội dung trả về vượt giới hạn kích thước"
	case errors.Is(err, ErrHeaderTooLarge):
		return "phần tiêu đề HTTP vượt giới hạn kích thước"
	case errors.Is(err, ErrDecompressionBomb):
		return "dữ liệu nén giãn nở bất thường (bom nén)"
	case errors.Is(err, ErrTooManyRedirects):
		return "cổng chuyển hướng quá nhiều lần"
	case errors.Is(err, ErrOffHostRedirect):
		return "cổng chuyển hướng sang máy chủ khác"
	case errors.Is(err, ErrBadEncoding):
		return "mã hóa nội dung (Content-Encoding) không hợp lệ"
	case errors.Is(err, ErrRequestBudget):
		return "đã dùng hết số yêu cầu cho phép của lượt đánh giá"
	case strings.Contains(err.Error(), "TLS"):
		return "lỗi TLS hoặc chứng thư số của cổng"
	}
	return "không hoàn thành được phép kiểm tra"
}

// ErrNoFake is returned when an assisted check needs a fake national service the target lacks.
var ErrNoFake = errors.New("the target has no fake of this national service")
