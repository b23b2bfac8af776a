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

	// Errors: check.ErrLoginFlow (or the error the step met) first, then what happened. A cause
	// quoted with msg.P(msg.Verbatim, err) renders in the run's language but is not unwrapped.
	mErrCause     = msg.New("login.err.cause", "%v: %v", "%v: %v")
	mErrAdapter   = msg.New("login.err.adapter", "logging in as %s through the adapter: %v", "đăng nhập với tư cách %s qua bộ điều hợp: %v")
	mErrNoSSO     = msg.New("login.err.no-sso", "logging in through the national SSO: %v", "đăng nhập qua SSO quốc gia: %v")
	mErrFollowing = msg.New("login.err.following", "%v: following the login entry: %v", "%v: đi theo lối vào đăng nhập: %v")
	mErrNoSSOLink = msg.New("login.err.no-sso-link", "%v: the login entry %s led to %s (status %d), not to the national SSO, and no link or form on it leads there",
		"%v: lối vào đăng nhập %s dẫn tới %s (mã trạng thái %d), không phải tới SSO quốc gia, và không liên kết hay biểu mẫu nào trên trang đó dẫn tới SSO")
	mErrFormPost = msg.New("login.err.form-post", "%v: the login entry %s starts the SSO login with a form post, which the harness sends only with active checks enabled; enable them or implement BeginLogin.BeginLogin: %v",
		"%v: lối vào đăng nhập %s bắt đầu đăng nhập SSO bằng một biểu mẫu POST, mà bộ công cụ chỉ gửi khi bật kiểm tra chủ động; hãy bật kiểm tra chủ động hoặc triển khai BeginLogin.BeginLogin: %v")
	mErrTooDeep   = msg.New("login.err.too-deep", "%v: the login entry %s did not reach the national SSO within 3 pages", "%v: lối vào đăng nhập %s không tới được SSO quốc gia sau 3 trang")
	mErrAutoLogin = msg.New("login.err.auto-login", "%v: the fake SSO logged %s in without showing its login page (SetAutoLogin is on); the harness needs the login page to choose the account and the misbehaviour",
		"%v: SSO giả lập đăng nhập cho %s mà không hiện trang đăng nhập (SetAutoLogin đang bật); bộ công cụ cần trang đăng nhập để chọn tài khoản và kiểu hành xử sai")
	mErrRefused = msg.New("login.err.refused", "%v: the national SSO refused the portal's authorization request: %s%s%s", "%v: SSO quốc gia từ chối yêu cầu cấp quyền của cổng: %s%s%s")
	mHintPKCE   = msg.New("login.hint.pkce", " (P06-AUTH-01 reports it; set PKCEOptional on the ssotest.Server to assess the rest of the login)",
		" (P06-AUTH-01 báo lỗi này; đặt PKCEOptional trên ssotest.Server để đánh giá phần còn lại của việc đăng nhập)")
	mHintStateNonce = msg.New("login.hint.state-nonce", " (P06-AUTH-01 reports it; set StateNonceOptional on the ssotest.Server to assess the rest of the login)",
		" (P06-AUTH-01 báo lỗi này; đặt StateNonceOptional trên ssotest.Server để đánh giá phần còn lại của việc đăng nhập)")
	// The adapter lacks a method and the harness has nothing else to go by (a check.NotImplementedError).
	mErrNoLoginWay   = msg.New("login.err.no-login-way", "%v (or a Target.SSO fake to log in through)", "%v (hoặc một bản giả lập Target.SSO để đăng nhập qua đó)")
	mErrNoLoginEntry = msg.New("login.err.no-login-entry", "%v (or a profile Login entry, which discovery did not find)", "%v (hoặc mục Login trong hồ sơ cổng, mà quá trình dò tìm không tìm thấy)")
	mErrLoginLink    = msg.New("login.err.link-scheme", "the login link %q is not an http(s) URL", "liên kết đăng nhập %q không phải URL http(s)")
)

// quoted is err as a value of a message: in the message's language when it is a catalogue error,
// and not unwrapped (errors.Is does not see through it).
func quoted(err error) msg.Phrase { return msg.P(msg.Verbatim, err) }

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
