package identity

import (
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
)

// The family's messages (package msg), grouped by check.
var (
	// Shared: the fake SSO, the control login, who the portal says is logged in.
	mNoSSO            = msg.New("identity.no-sso", "Target.SSO is nil (the portal must be configured to log in through an ssotest.Server): the target has no fake of this national service", "Chưa kiểm tra được: cổng chưa được cấu hình đăng nhập qua máy chủ SSO giả lập (cần đặt Target.SSO là một ssotest.Server)")
	mControlFailed    = msg.New("identity.control.failed", "logging in normally through the fake national SSO: %v", "Không đăng nhập được bình thường qua SSO quốc gia giả lập: %v")
	mControlNoSession = msg.New("identity.control.no-session", "a normal login as %s through the fake national SSO did not log the browser in (%s); the forged logins cannot be judged", "Đăng nhập bình thường với %s qua SSO quốc gia giả lập không tạo phiên (%s); không thể đánh giá các đăng nhập giả mạo")
	mNotLoggedIn      = msg.New("identity.not-logged-in", "not logged in", "chưa đăng nhập")
	mLoggedInAs       = msg.New("identity.logged-in-as", "logged in as %s", "đăng nhập với %s")
	mNobody           = msg.New("identity.nobody", "nobody", "không ai")
	mID               = msg.Verbatim

	// P06-AUTH-03 … 06: forged logins (forgedCheck).
	mForgedAccepted = msg.New("identity.forged.accepted", "the portal accepted %s (%d of %d forged logins logged the browser in)", "Cổng chấp nhận %s (%d/%d đăng nhập giả mạo tạo được phiên)")
	mForgedGot      = msg.New("identity.forged.accepted.got", "accepted: %s", "được chấp nhận: %s")
	mForgedWant     = msg.New("identity.forged.want", "every forged login refused: %s", "mọi đăng nhập giả mạo đều bị từ chối: %s")
	mForgedRefused  = msg.New("identity.forged.refused", "the portal refused %s: %s", "Cổng từ chối %s: %s")
	mWhatSignature  = msg.New("identity.forged.signature", "ID tokens without a valid signature", "ID token không có chữ ký hợp lệ")
	mWhatIssuer     = msg.New("identity.forged.issuer-audience", "ID tokens of another issuer or for another client", "ID token của bên phát hành khác hoặc cấp cho ứng dụng khác")
	mWhatLifetime   = msg.New("identity.forged.lifetime", "expired ID tokens and ID tokens issued in the future", "ID token hết hạn hoặc phát hành ở thời điểm tương lai")
	mWhatStateNonce = msg.New("identity.forged.state-nonce", "callbacks with a foreign state and ID tokens with a foreign nonce", "callback có state lạ và ID token có nonce lạ")

	// P06-AUTH-01: the authorization request.
	mAuthFail         = msg.New("identity.authorize.fail", "the portal's authorization request to the national SSO: %s", "Yêu cầu ủy quyền của cổng gửi tới SSO quốc gia: %s")
	mAuthGot          = msg.Verbatim
	mAuthWant         = msg.New("identity.authorize.want", "response_type=code, scope with openid, fresh state and nonce, PKCE S256", "response_type=code, scope có openid, state và nonce mới mỗi lần, PKCE S256")
	mAuthPass         = msg.New("identity.authorize.pass", "the portal starts login at the national SSO with the authorization-code flow, scope openid, fresh state and nonce, and PKCE S256", "Cổng bắt đầu đăng nhập tại SSO quốc gia bằng luồng authorization code, scope openid, state và nonce mới mỗi lần, PKCE S256")
	mAuthResponseType = msg.New("identity.authorize.response-type", "response_type is %q, not the authorization-code flow (code)", "response_type là %q, không phải luồng authorization code (`code`)")
	mAuthScope        = msg.New("identity.authorize.scope", "scope %q lacks openid", "scope %q thiếu openid")
	mAuthNoState      = msg.New("identity.authorize.no-state", "no state parameter (cross-site request forgery protection)", "thiếu tham số state (chống giả mạo yêu cầu)")
	mAuthNoNonce      = msg.New("identity.authorize.no-nonce", "no nonce parameter (ID token replay protection)", "thiếu tham số nonce (chống phát lại ID token)")
	mAuthNoPKCE       = msg.New("identity.authorize.no-pkce", "no PKCE code_challenge", "thiếu PKCE code_challenge")
	mAuthPKCEMethod   = msg.New("identity.authorize.pkce-method", "PKCE code_challenge_method %q, not S256", "PKCE code_challenge_method %q, không phải S256")
	mAuthStateReused  = msg.New("identity.authorize.state-reused", "state is the same in two logins (it must be unguessable and fresh per login)", "state giống nhau ở hai lần đăng nhập (phải ngẫu nhiên, mới mỗi lần)")
	mAuthNonceReused  = msg.New("identity.authorize.nonce-reused", "nonce is the same in two logins", "nonce giống nhau ở hai lần đăng nhập")

	// P06-AUTH-02: the session's identity.
	mSessionNone     = msg.New("identity.session.none", "after a successful login at the national SSO as %s the portal has no session for the browser", "Sau khi đăng nhập thành công tại SSO quốc gia với %s, cổng không tạo phiên cho trình duyệt")
	mSessionOther    = msg.New("identity.session.other-citizen", "after a login at the national SSO as %s the portal shows another citizen, %s", "Sau khi đăng nhập tại SSO quốc gia với %s, cổng hiển thị công dân khác, %s")
	mSessionFixation = msg.New("identity.session.fixation", "the session ID the browser held before logging in survives the login (session fixation): a browser holding only the cookie(s) %s, with the values the portal set before the login, is logged in as %s; issue a new session ID at login", "Mã phiên trình duyệt có trước khi đăng nhập vẫn dùng được sau khi đăng nhập (cố định phiên): trình duyệt chỉ giữ cookie %s với giá trị có trước khi đăng nhập được đăng nhập với %s; hãy cấp mã phiên mới khi đăng nhập")
	mFixationGot     = msg.New("identity.session.fixation.got", "pre-login cookie(s) %s still log the browser in", "cookie có trước khi đăng nhập (%s) vẫn đăng nhập được")
	mFixationWant    = msg.New("identity.session.fixation.want", "a new session ID issued at login", "mã phiên mới được cấp khi đăng nhập")
	mSessionUserinfo = msg.New("identity.session.userinfo", "the portal logged the browser in as %s, the citizen of a userinfo response whose sub differs from the ID token's (the ID token was for %s)", "Cổng tạo phiên cho %s theo userinfo có sub khác ID token (ID token của %s)")
	mUserinfoGot     = msg.New("identity.session.userinfo.got", "logged in as the userinfo's citizen", "đăng nhập với công dân của userinfo")
	mUserinfoWant    = msg.New("identity.session.userinfo.want", "the identity of the ID token, or no session", "danh tính trong ID token, hoặc không tạo phiên")
	mSessionPass     = msg.New("identity.session.pass", "a login as %s creates a session for that citizen, with a session ID the browser did not hold before the login, and userinfo claims of another citizen are not used", "Đăng nhập với %s tạo phiên đúng công dân đó, với mã phiên mới; thông tin userinfo của công dân khác không được dùng")

	// P06-AUTH-07: code replay.
	mReplayFirst         = msg.New("identity.replay.first-login", "the first login as %s did not log the browser in (%s), so a replay cannot be judged", "Lần đăng nhập đầu với %s không tạo phiên (%s), không thể đánh giá việc dùng lại mã")
	mReplayFail          = msg.New("identity.replay.fail", "a callback (authorization code and state) replayed in another browser logged that browser in as %s", "Callback (mã ủy quyền và state) bị dùng lại ở trình duyệt khác đã tạo phiên cho %s")
	mReplayGot           = msg.New("identity.replay.fail.got", "the replayed code created a session", "mã dùng lại đã tạo phiên")
	mReplayWant          = msg.New("identity.replay.want", "a code is used once, bound to the browser that started the login", "mỗi mã chỉ dùng một lần, gắn với trình duyệt bắt đầu đăng nhập")
	mReplayPass          = msg.New("identity.replay.pass", "a callback replayed in another browser created no session (%s)", "Callback bị dùng lại ở trình duyệt khác không tạo được phiên (%s)")
	mReplayNotRedeemed   = msg.New("identity.replay.pass.not-redeemed", "the portal did not redeem the code again", "cổng không đổi mã lần nữa")
	mReplayRedeemedAgain = msg.New("identity.replay.pass.redeemed", "the portal redeemed the code again but created no session", "cổng đổi mã lần nữa nhưng không tạo phiên")

	// P06-AUTH-08: assurance levels.
	mAssuranceDeclared = msg.New("identity.assurance.declared", "not applicable by the vendor's declaration: the adapter (Assurance.Level2Procedures) names no procedure that needs assurance level 2; the harness did not verify this", "không áp dụng theo khai báo của nhà cung cấp: bộ điều hợp (Assurance.Level2Procedures) không nêu thủ tục nào yêu cầu tài khoản mức 2; bộ kiểm thử không xác minh điều này")
	mAssuranceL2       = msg.New("identity.assurance.level-2-refused", "the portal refused procedure %s to a level-2 citizen too (%q), so the level check cannot be judged", "Cổng từ chối thủ tục %s cả với công dân mức 2 (%q), không thể đánh giá")
	mAssuranceFail     = msg.New("identity.assurance.fail", "a citizen logged in with a level-1 account could start procedure(s) %s, which need assurance level 2", "Công dân đăng nhập bằng tài khoản mức 1 vẫn bắt đầu được thủ tục %s, vốn yêu cầu mức 2")
	mAssuranceGot      = msg.New("identity.assurance.fail.got", "level-1 login accepted for %s", "tài khoản mức 1 được chấp nhận cho thủ tục %s")
	mAssuranceWant     = msg.New("identity.assurance.want", "refused, with a prompt to use a level-2 account", "từ chối, kèm hướng dẫn dùng tài khoản mức 2")
	mAssurancePass     = msg.New("identity.assurance.pass", "procedures %s refuse a level-1 login and accept a level-2 one", "Các thủ tục %s từ chối tài khoản mức 1 và chấp nhận tài khoản mức 2")

	// P06-AUTH-09: logout.
	mLogoutStill      = msg.New("identity.logout.still-logged-in", "after logout the browser is still logged in as %s", "Sau khi đăng xuất trình duyệt vẫn đăng nhập với %s")
	mLogoutStillGot   = msg.New("identity.logout.still-logged-in.got", "still logged in", "vẫn đăng nhập")
	mLogoutStillWant  = msg.New("identity.logout.still-logged-in.want", "no session after logout", "không còn phiên sau khi đăng xuất")
	mLogoutReplay     = msg.New("identity.logout.cookie-replay", "the session cookie from before logout still logs in as %s: logout cleared the cookie in the browser but did not end the session on the server", "Cookie phiên từ trước khi đăng xuất vẫn đăng nhập được với %s: đăng xuất chỉ xóa cookie ở trình duyệt, không hủy phiên trên máy chủ")
	mLogoutReplayGot  = msg.New("identity.logout.cookie-replay.got", "the old session cookie is still valid", "cookie phiên cũ vẫn dùng được")
	mLogoutReplayWant = msg.New("identity.logout.cookie-replay.want", "the session is invalidated on the server", "phiên bị hủy trên máy chủ")
	mLogoutPass       = msg.New("identity.logout.pass", "logout ends the session on the server: the pre-logout session cookie no longer logs in", "Đăng xuất hủy phiên trên máy chủ: cookie phiên cũ không còn đăng nhập được")

	// P06-AUTH-10: local registration.
	mRegistrationFail = msg.New("identity.registration.fail", "the portal offers local citizen registration with a password, beside the national e-ID: %d form(s), first at %s", "Cổng cho phép công dân đăng ký tài khoản cục bộ bằng mật khẩu, ngoài định danh điện tử quốc gia: %d biểu mẫu, đầu tiên tại %s")
	mRegistrationGot  = msg.New("identity.registration.fail.got", "local registration form with a password", "biểu mẫu đăng ký cục bộ có mật khẩu")
	mRegistrationWant = msg.New("identity.registration.want", "citizen accounts only through the national SSO / VNeID", "tài khoản công dân chỉ qua SSO quốc gia / VNeID")
	mRegistrationPass = msg.New("identity.registration.pass", "no local registration with a password on %d page(s) (home, login and registration links): citizens register through the national e-ID", "Không có đăng ký tài khoản cục bộ bằng mật khẩu trên %d trang (trang chủ, đăng nhập, liên kết đăng ký): công dân đăng ký qua định danh điện tử quốc gia")

	// P06-AUTH-11: the redirect after login.
	mRedirectWant      = msg.New("identity.redirect.want", "after the login the browser stays on the portal (a return URL to another site is ignored or refused)", "sau khi đăng nhập trình duyệt ở lại cổng (URL trả về trỏ tới trang khác bị bỏ qua hoặc từ chối)")
	mRedirectOpen      = msg.New("identity.redirect.open", "after a login begun with a return URL pointing at another site (%s), the portal %s: an open redirect", "Sau khi đăng nhập bắt đầu với URL trả về trỏ tới trang khác (%s), cổng %s: lỗ hổng chuyển hướng mở")
	mRedirectThere     = msg.New("identity.redirect.open.there", "redirected the browser there (not followed)", "chuyển hướng trình duyệt tới trang đó (công cụ không đi theo)")
	mRedirectBackslash = msg.New("identity.redirect.open.backslash", "redirected the browser to /\\%s/, which browsers follow to that host", "chuyển hướng trình duyệt tới /\\%s/, trình duyệt sẽ đi tới máy chủ đó")
	mRedirectGot       = msg.New("identity.redirect.open.got", "redirect to %s", "chuyển hướng tới %s")
	mRedirectCallback  = msg.New("identity.redirect.adapter-callback", "the adapter's CompleteLogin delivered the SSO's callback, so where the portal sends the browser after the login was not seen", "Bộ điều hợp CompleteLogin chuyển tiếp callback của SSO nên chưa thấy cổng đưa trình duyệt tới đâu sau khi đăng nhập")
	mRedirectNoSession = msg.New("identity.redirect.no-session", "a login begun with return-URL parameters did not log the browser in as %s (%s), so the redirect after a login was not seen", "Đăng nhập bắt đầu với tham số URL trả về không tạo phiên cho %s (%s) nên chưa thấy việc chuyển hướng sau đăng nhập")
	mRedirectPass      = msg.New("identity.redirect.pass", "after logins begun with a return URL pointing at another site (absolute, //host and /\\host; parameters %s), the portal sent the browser to its own pages (%s)", "Sau khi đăng nhập bắt đầu với URL trả về trỏ tới trang khác (tuyệt đối, //host và /\\host; tham số %s), cổng đưa trình duyệt về trang của chính cổng (%s)")
	mRedirectLanded    = msg.New("identity.redirect.pass.got", "landed on %s", "trình duyệt về %s")

	// P06-SEC-19: the login rate limit.
	mRateNoLocal      = msg.New("identity.ratelimit.no-local-login", "the portal has no local password login (%d page(s) read: the home page, the login entry and their same-host login links): citizens log in only through the national SSO", "Cổng không có đăng nhập bằng mật khẩu cục bộ (đã đọc %d trang: trang chủ, trang đăng nhập và các liên kết đăng nhập): công dân chỉ đăng nhập qua SSO quốc gia")
	mRateOffHost      = msg.New("identity.ratelimit.off-host-form", "the login form on %s sends passwords to %s, another host than the portal's; the harness does not submit it (it sends nothing to a host it was not given), so the rate limit could not be assessed: allow that host to assess it", "Biểu mẫu đăng nhập trên %s gửi mật khẩu tới %s, máy chủ khác với cổng; công cụ không gửi biểu mẫu này (không gửi gì tới máy chủ không được giao) nên chưa đánh giá được việc giới hạn đăng nhập sai: hãy cho phép máy chủ đó để đánh giá")
	mRateFormReplaced = msg.New("identity.ratelimit.form-replaced", "after %d failed logins the login form is replaced by a limiting message (%q)", "Sau %d lần đăng nhập sai, biểu mẫu đăng nhập được thay bằng thông báo hạn chế (%q)")
	mRateCaptchaFirst = msg.New("identity.ratelimit.captcha-first", "the login form asks for a CAPTCHA from the first attempt", "Biểu mẫu đăng nhập yêu cầu mã CAPTCHA ngay từ lần đầu")
	mRateCaptchaAfter = msg.New("identity.ratelimit.captcha-after", "after %d failed logins the login form asks for a CAPTCHA", "Sau %d lần đăng nhập sai, biểu mẫu đăng nhập yêu cầu mã CAPTCHA")
	mRateStatus       = msg.New("identity.ratelimit.status", "after %d failed logins the portal answered %d%s", "Sau %d lần đăng nhập sai, cổng trả về %d%s")
	mRateRetryAfter   = msg.New("identity.ratelimit.status.retry-after", " with Retry-After: %s", " kèm `Retry-After`: %s")
	mRateServerError  = msg.New("identity.ratelimit.server-error", "wrong password %d of %d was answered %d, a server error: it shows neither a limit (429, 423, Retry-After, CAPTCHA, lockout) nor its absence", "Lần đăng nhập sai thứ %d/%d nhận mã %d (lỗi máy chủ): không cho thấy có hay không có giới hạn (429, 423, `Retry-After`, CAPTCHA, khóa tài khoản)")
	mRateMessage      = msg.New("identity.ratelimit.message", "after %d failed logins the portal shows a limiting message (%q)", "Sau %d lần đăng nhập sai, cổng hiển thị thông báo hạn chế (%q)")
	mRateFail         = msg.New("identity.ratelimit.fail", "%d failed logins in a row for the same account were all answered alike (status %d), with no 429, Retry-After, CAPTCHA or lockout message", "%d lần đăng nhập sai liên tiếp cho cùng một tài khoản đều được trả lời như nhau (mã %d), không có mã 429, `Retry-After`, CAPTCHA hay thông báo khóa tài khoản")
	mRateFailGot      = msg.New("identity.ratelimit.fail.got", "no limit after %d failures", "không giới hạn sau %d lần sai")
	mRateWant         = msg.New("identity.ratelimit.want", "429, Retry-After, CAPTCHA or temporary lockout", "429, `Retry-After`, CAPTCHA hoặc khóa tạm thời")

	// The steps a check names when it could not go on (fromErr, check.FromError).
	mStepAskAfterLogout     = msg.New("identity.step.ask-after-logout", "asking who is logged in after logout", "hỏi cổng ai đang đăng nhập sau khi đăng xuất")
	mStepAskAfterReturnURL  = msg.New("identity.step.ask-after-return-url", "asking who is logged in after the login with return-URL parameters", "hỏi cổng ai đang đăng nhập sau lần đăng nhập có tham số URL trả về")
	mStepAskReplayer        = msg.New("identity.step.ask-replayer", "asking who the replaying browser is", "hỏi cổng trình duyệt gửi lại callback là ai")
	mStepAssurance          = msg.New("identity.step.assurance", "checking assurance levels", "kiểm tra mức độ định danh điện tử")
	mStepReplay             = msg.New("identity.step.replay", "checking code replay", "kiểm tra việc dùng lại mã ủy quyền (code)")
	mStepLogout             = msg.New("identity.step.logout", "checking logout", "kiểm tra đăng xuất")
	mStepAuthorize          = msg.New("identity.step.authorize", "checking the authorization request", "kiểm tra yêu cầu ủy quyền")
	mStepRedirect           = msg.New("identity.step.redirect", "checking the redirect after login", "kiểm tra chuyển hướng sau đăng nhập")
	mStepSession            = msg.New("identity.step.session", "checking the session identity", "kiểm tra danh tính của phiên")
	mStepSessionID          = msg.New("identity.step.session-id", "checking whether the session ID changes at login", "kiểm tra mã phiên có đổi khi đăng nhập không")
	mStepHome               = msg.New("identity.step.fetch-home", "fetching the home page", "tải trang chủ")
	mStepFollowLogout       = msg.New("identity.step.follow-logout", "following the logout entry", "đi theo điểm đăng xuất")
	mStepControl            = msg.New("identity.step.login-normal", "logging in normally through the fake national SSO", "đăng nhập bình thường qua SSO quốc gia giả lập")
	mStepLogin              = msg.New("identity.step.login", "logging in through the fake national SSO", "đăng nhập qua SSO quốc gia giả lập")
	mStepLoginReturnURL     = msg.New("identity.step.login-return-url", "logging in with return-URL parameters", "đăng nhập với tham số URL trả về")
	mStepLoginOtherUserinfo = msg.New("identity.step.login-other-userinfo", "logging in with userinfo of another citizen", "đăng nhập với userinfo của một công dân khác")
	mStepLogoutAdapter      = msg.New("identity.step.logout-adapter", "logging out through the adapter", "đăng xuất qua bộ điều hợp")
	mStepLogoutEntry        = msg.New("identity.step.logout-entry", "logout entry", "xác định điểm đăng xuất")
	mStepReplayCallback     = msg.New("identity.step.replay-callback", "replaying the callback", "gửi lại callback")
	mStepReplayCookies      = msg.New("identity.step.replay-cookies", "replaying the pre-logout cookies", "gửi lại cookie của phiên trước khi đăng xuất")
	mStepLoginEntry         = msg.New("identity.step.login-entry", "resolving the Login entry", "xác định điểm bắt đầu đăng nhập (Login)")
	mStepProfile            = check.StepProfile
	mStepStartLogin         = msg.New("identity.step.start-login", "starting a login", "bắt đầu đăng nhập")
	mStepForgedMode         = msg.New("identity.step.login-forged", "logging in with the fake SSO sending %s", "đăng nhập với SSO giả lập gửi %s")
	mStepStartLevel1        = msg.New("identity.step.start-level-1", "starting procedure %s as a level-1 citizen", "bắt đầu thủ tục %s với công dân định danh mức 1")
	mStepStartLevel2        = msg.New("identity.step.start-level-2", "starting procedure %s as a level-2 citizen", "bắt đầu thủ tục %s với công dân định danh mức 2")
	mStepChecking           = msg.New("identity.step.checking", "checking %s", "kiểm tra %s")
	mStepWrongPassword      = msg.New("identity.step.wrong-password", "submitting wrong password %d of %d", "gửi mật khẩu sai lần %d/%d")
	mStepWrongPasswordAfter = msg.New("identity.step.wrong-password-after", "submitting wrong password %d of %d (the %d before were answered without any sign of limiting)", "gửi mật khẩu sai lần %d/%d (%d lần trước được trả lời mà không có dấu hiệu giới hạn nào)")
)

// Evidence notes (scoring.Evidence.Noted): what a piece of evidence shows.
var (
	mNone                 = msg.New("identity.none", "none", "không có")
	mWhyConfirmField      = msg.New("identity.why.confirm-field", "a password confirmation field (%s)", "có trường nhập lại mật khẩu (%s)")
	mWhyTwoPasswords      = msg.New("identity.why.two-passwords", "two password fields (password and its confirmation)", "có hai trường mật khẩu (mật khẩu và nhập lại)")
	mWhyLabelled          = msg.New("identity.why.labelled", "it is labelled as registration (%q)", "được ghi nhãn là đăng ký (%q)")
	mNoteRegistrationForm = msg.New("identity.note.registration-form", "a form that creates an account with a password: %s", "biểu mẫu tạo tài khoản bằng mật khẩu: %s")
	mNotePagesRead        = msg.New("identity.note.pages-read", "pages read: %s", "các trang đã đọc: %s")
	mNoteFormOffHost      = msg.New("identity.note.form-off-host", "login form %s %s (another host): not submitted", "biểu mẫu đăng nhập %s %s (máy chủ khác): không gửi")
	mNoteFormReplaced     = msg.New("identity.note.form-replaced", "login form replaced by %q", "biểu mẫu đăng nhập được thay bằng %q")
	mNoteFailedLogin      = msg.New("identity.note.failed-login", "failed login %d", "đăng nhập sai lần %d")
	mNoteReturnURLs       = msg.New("identity.note.return-urls", "login begun with %d return-URL parameter(s) set to %s: %s", "bắt đầu đăng nhập với %d tham số địa chỉ quay về đặt thành %s: %s")
	mNoteRedirectRefused  = msg.New("identity.note.redirect-refused", "redirect to %s refused by the harness: %s", "công cụ từ chối chuyển hướng tới %s: %s")
	mNoteBackslash        = msg.New("identity.note.backslash", "a Location of the form /\\host: browsers go to %s", "tiêu đề Location dạng /\\host: trình duyệt sẽ tới %s")
	mNoteUserinfo         = msg.New("identity.note.userinfo", "userinfo with another citizen's claims: userinfo requests %d, logged in as %s", "userinfo mang thông tin của công dân khác: %d yêu cầu userinfo, người đăng nhập: %s")
	mNoteFixationNoCookie = msg.New("identity.note.fixation.no-cookie", "session fixation: the browser held no cookie of the portal before the login, so no session ID could be planted", "cố định phiên: trước khi đăng nhập trình duyệt không giữ cookie nào của cổng, nên không thể cài sẵn mã phiên")
	mNoteFixation         = msg.New("identity.note.fixation", "session fixation: cookies held before the login: %d; replaced or removed at login: %s; kept with the same value: %s", "cố định phiên: số cookie có trước khi đăng nhập: %d; được thay hoặc xóa khi đăng nhập: %s; giữ nguyên giá trị: %s")
	mNoteFixationKept     = msg.New("identity.note.fixation.kept", "%s; a fresh browser holding only %s is logged in as %s (values not shown)", "%s; một trình duyệt mới chỉ giữ %s được đăng nhập với %s (không hiển thị giá trị)")
	mNoteFixationNot      = msg.New("identity.note.fixation.not", "%s; a fresh browser holding only those is %s, not the citizen", "%s; một trình duyệt mới chỉ giữ các cookie đó được nhận là: %s, không phải công dân")
	mNoteReplayed         = msg.New("identity.note.replayed", "the callback replayed in another browser; the portal redeemed the code %d time(s) in all", "callback được phát lại trong trình duyệt khác; cổng đã đổi mã tổng cộng %d lần")
	mNoteReplayFailed     = msg.New("identity.note.replay-failed", "the callback replayed in another browser; the portal redeemed the code %d time(s) in all; the replay request failed: %s", "callback được phát lại trong trình duyệt khác; cổng đã đổi mã tổng cộng %d lần; yêu cầu phát lại thất bại: %s")
	mNoteLevel1           = msg.New("identity.note.level-1", "procedure %s, level-1 account: accepted=%v %q", "thủ tục %s, tài khoản định danh mức 1: chấp nhận=%v %q")
	mNoteAsksACR          = msg.New("identity.note.asks-acr", "the portal asks the SSO for acr_values=%s", "cổng yêu cầu SSO acr_values=%s")
	mNoteForgedRefused    = msg.New("identity.note.forged.refused", "%s: refused (not logged in afterwards)", "%s: bị từ chối (không đăng nhập được sau đó)")
	mNoteForgedAccepted   = msg.New("identity.note.forged.accepted", "%s: ACCEPTED, logged in as %s", "%s: ĐƯỢC CHẤP NHẬN, đăng nhập với %s")
	mNoteRedeemed         = msg.New("identity.note.redeemed", "%s; the portal redeemed the code", "%s; cổng đã đổi mã xác thực")
	mNoteEndSession       = msg.New("identity.note.end-session", "the portal also ended the citizen's session at the national SSO (end-session endpoint)", "cổng cũng kết thúc phiên của công dân tại SSO quốc gia (điểm cuối end-session)")
	mNoteNoEndSession     = msg.New("identity.note.no-end-session", "the portal did not call the national SSO's end-session endpoint", "cổng không gọi điểm cuối end-session của SSO quốc gia")
	mNoteLogoutReplay     = msg.New("identity.note.logout-replay", "%d cookie(s) from before logout replayed in a new browser: logged in as %s", "%d cookie từ trước khi đăng xuất được phát lại trong trình duyệt mới: đăng nhập với %s")
	mNoteFirstAuthorize   = msg.New("identity.note.first-authorize", "the authorization request of the first login", "yêu cầu cấp quyền của lần đăng nhập đầu")
	mNoteShortState       = msg.New("identity.note.short-state", "state is only %d characters long; 128 bits of randomness (22+ characters) are advised", "state chỉ dài %d ký tự; nên có 128 bit ngẫu nhiên (từ 22 ký tự)")
	mNoteTokenRequest     = msg.New("identity.note.token-request", "token request: client authentication %s, PKCE verifier matched: %v, error: %q", "yêu cầu token: xác thực ứng dụng %s, PKCE verifier khớp: %v, lỗi: %q")
)

// The errors of the identity checks (msg.Error, msg.Wrap): a finding quotes them in its own language.
var (
	mErrNeedLevels   = msg.New("identity.err.need-levels", "the fake SSO needs an account of level 1 and one of level 2 (AddAccount): %v", "SSO giả lập cần một tài khoản mức 1 và một tài khoản mức 2 (AddAccount): %v")
	mErrNoDossier    = msg.New("identity.err.no-dossier", "StartDossier returned no dossier and no error", "StartDossier không trả về hồ sơ lẫn lỗi")
	mErrNoAuthorize  = msg.New("identity.err.no-authorize", "the login did not pass through the SSO's authorization endpoint", "đăng nhập không đi qua điểm cấp quyền (authorization endpoint) của SSO")
	mErrNoAccounts   = msg.New("identity.err.no-accounts", "the fake SSO has no accounts: %v", "SSO giả lập không có tài khoản nào: %v")
	mErrNoSSO        = msg.New("identity.err.no-sso", "Target.SSO is nil (the portal must be configured to log in through an ssotest.Server): %v", "chưa đặt Target.SSO (cổng phải được cấu hình đăng nhập qua một ssotest.Server): %v")
	mStepWhoFromHome = msg.New("identity.step.who-from-home", "reading who is logged in from the home page", "đọc người đang đăng nhập từ trang chủ")
	mErrLogout405    = msg.New("identity.err.logout-405", "%s answers 405 to GET: logout needs a form post, which the harness does not guess: %v", "%s trả lời 405 cho GET: đăng xuất cần gửi biểu mẫu POST, harness không tự đoán được: %v")
	mStepFormAction  = msg.New("identity.step.form-action", "login form action %q", "thuộc tính action %q của biểu mẫu đăng nhập")
	mErrNoCallback   = msg.New("identity.err.no-callback", "the login trace has no callback to compare the cookies at", "vết đăng nhập không có callback để so sánh cookie")
	mStepAskPreLogin = msg.New("identity.step.ask-pre-login", "asking who a browser holding only the pre-login cookies is", "hỏi trình duyệt chỉ giữ cookie trước đăng nhập là ai")
)
