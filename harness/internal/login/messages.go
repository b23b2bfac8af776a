package login

import (
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
)

// The family's messages (package msg): the steps of a login through the fake national SSO.
var (
	mFlowFailed        = msg.New("login.failed", "login through the national SSO failed: %s: %s", "đăng nhập qua SSO quốc gia không thành công: %s: %s")
	mStepBeginLogin    = msg.New("login.step.begin-login", "the adapter's BeginLogin", "BeginLogin của bộ điều hợp")
	mStepSSOPage       = msg.New("login.step.sso-page", "at the SSO's login page", "tại trang đăng nhập của SSO")
	mStepCompleteLogin = msg.New("login.step.complete-login", "the adapter's CompleteLogin", "CompleteLogin của bộ điều hợp")
	mStepCallbackURL   = msg.New("login.step.callback-url", "callback URL", "địa chỉ callback")
	mStepCallback      = msg.New("login.step.callback", "visiting the callback", "truy cập callback")
)

// flowErr is a login that failed at step: it is check.ErrLoginFlow (errors.Is), and says the
// step and the cause in the language of the message that quotes it. The cause is not unwrapped:
// a timeout at the SSO is the login's failure, not the portal's timeout.
func flowErr(step msg.Phrase, cause error) error { return &flowError{step: step, cause: cause} }

type flowError struct {
	step  msg.Phrase
	cause error
}

func (e *flowError) Error() string { return e.Render(msg.EN) }

func (e *flowError) Unwrap() error { return check.ErrLoginFlow }

// Render is the error in lang.
func (e *flowError) Render(lang string) string {
	cause := e.cause.Error()
	if r, ok := e.cause.(interface{ Render(string) string }); ok {
		cause = r.Render(lang)
	}
	return mFlowFailed.Render(lang, e.step, cause)
}
