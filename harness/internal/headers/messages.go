package headers

import "github.com/p06kit/p06kit/harness/msg"

// The family's messages (package msg), grouped by check.
var (
	// Shared by the checks of the citizen pages' headers (judgePages).
	mAsRequired = msg.New("headers.pages.as-required", "as required on every page", "đạt yêu cầu trên mọi trang")
	mPassedPage = msg.New("headers.pages.passed-page", "%s (%s)", "%s (%s)")

	// P06-SEC-06: HSTS.
	mHSTSWant     = msg.New("headers.hsts.want", "Strict-Transport-Security: max-age=%d or more, on HTTPS", "Strict-Transport-Security: max-age từ %d trở lên, trên HTTPS")
	mHSTSPass     = msg.New("headers.hsts.pass", "all %d page(s) meet it%s: %s%s", "cả %d trang đều đạt (HSTS max-age ≥ 15552000)%s: %s%s")
	mHSTSFail     = msg.New("headers.hsts.fail", "%d of %d page(s) fail: %s%s", "%d/%d trang không đạt (HSTS max-age ≥ 15552000): %s%s")
	mHSTSPlain    = msg.New("headers.hsts.plain-http", "served over plain HTTP, where HSTS cannot apply", "phục vụ qua HTTP không mã hoá, HSTS không có tác dụng")
	mHSTSPlainGot = msg.New("headers.hsts.plain-http.got", "plain HTTP", "HTTP không mã hoá")
	mHSTSMissing  = msg.New("headers.hsts.missing", "no Strict-Transport-Security header", "không có header Strict-Transport-Security")
	mHSTSNoneGot  = msg.New("headers.hsts.missing.got", "no HSTS header", "không có header HSTS")
	mHSTSInvalid  = msg.New("headers.hsts.invalid", "invalid Strict-Transport-Security %q: %v", "header Strict-Transport-Security %q không hợp lệ: %v")
	mHSTSBadGot   = msg.New("headers.hsts.invalid.got", "invalid HSTS header", "header HSTS không hợp lệ")
	mHSTSShort    = msg.New("headers.hsts.short", "max-age=%d is under %d (180 days)", "max-age=%d nhỏ hơn %d (180 ngày)")
	mHSTSMaxAge   = msg.New("headers.hsts.short.got", "max-age=%d", "max-age=%d")

	// P06-SEC-07: CSP.
	mCSPWant       = msg.New("headers.csp.want", "Content-Security-Policy that blocks inline and eval'd scripts (no 'unsafe-inline' without nonce/hash, no 'unsafe-eval', no wildcard script sources)", "Content-Security-Policy chặn script nội tuyến và eval (không có 'unsafe-inline' thiếu nonce/hash, không có 'unsafe-eval', không có nguồn script đại diện `*`)")
	mCSPPass       = msg.New("headers.csp.pass", "all %d page(s) meet it%s: %s%s", "cả %d trang đều đạt (CSP chặn script nội tuyến và eval)%s: %s%s")
	mCSPFail       = msg.New("headers.csp.fail", "%d of %d page(s) fail: %s%s", "%d/%d trang không đạt (CSP chặn script nội tuyến và eval): %s%s")
	mCSPReportOnly = msg.New("headers.csp.report-only", "only Content-Security-Policy-Report-Only is sent, which enforces nothing", "chỉ có `Content-Security-Policy-Report-Only`, không thực thi gì")
	mCSPReportGot  = msg.New("headers.csp.report-only.got", "report-only CSP", "CSP chỉ báo cáo (`Report-Only`)")
	mCSPMissing    = msg.New("headers.csp.missing", "no Content-Security-Policy header or meta tag", "không có Content-Security-Policy (header hoặc thẻ meta)")
	mCSPNoneGot    = msg.New("headers.csp.missing.got", "no CSP", "không có CSP")
	mCSPInvalid    = msg.New("headers.csp.invalid", "invalid Content-Security-Policy: %v", "Content-Security-Policy không hợp lệ: %v")
	mCSPBadGot     = msg.New("headers.csp.invalid.got", "invalid CSP", "CSP không hợp lệ")
	// The problems are the CSP parser's (ScriptVerdict.Problems), a list of the phrases below.
	mCSPUnsafe = msg.New("headers.csp.unsafe", "%s", "CSP không ngăn script không an toàn: %s")

	// P06-SEC-08: framing.
	mFramingWant      = msg.New("headers.framing.want", "CSP frame-ancestors without wildcards, or X-Frame-Options DENY or SAMEORIGIN", "CSP frame-ancestors không có nguồn đại diện, hoặc X-Frame-Options DENY hay SAMEORIGIN")
	mFramingPass      = msg.New("headers.framing.pass", "all %d page(s) meet it%s: %s%s", "cả %d trang đều đạt (hạn chế nhúng khung bằng frame-ancestors hoặc X-Frame-Options DENY/SAMEORIGIN)%s: %s%s")
	mFramingFail      = msg.New("headers.framing.fail", "%d of %d page(s) fail: %s%s", "%d/%d trang không đạt (hạn chế nhúng khung bằng frame-ancestors hoặc X-Frame-Options DENY/SAMEORIGIN): %s%s")
	mFramingBroad     = msg.New("headers.framing.broad", "CSP frame-ancestors allows %s: any site may frame the page", "CSP frame-ancestors cho phép %s: mọi trang đều nhúng được")
	mFramingMissing   = msg.New("headers.framing.missing", "neither CSP frame-ancestors nor X-Frame-Options is sent", "không có CSP frame-ancestors lẫn X-Frame-Options")
	mFramingNoneGot   = msg.New("headers.framing.missing.got", "framing not restricted", "không hạn chế nhúng khung")
	mFramingAllowFrom = msg.New("headers.framing.allow-from", "X-Frame-Options %q: ALLOW-FROM is ignored by current browsers, so the page can be framed; use CSP frame-ancestors", "X-Frame-Options %q: `ALLOW-FROM` bị trình duyệt hiện nay bỏ qua nên trang vẫn bị nhúng được; hãy dùng CSP frame-ancestors")
	mFramingInvalid   = msg.New("headers.framing.invalid", "X-Frame-Options %q is not DENY or SAMEORIGIN", "X-Frame-Options %q không phải DENY hay SAMEORIGIN")
	mFramingBadGot    = msg.New("headers.framing.invalid.got", "invalid X-Frame-Options", "X-Frame-Options không hợp lệ")

	// P06-SEC-09: nosniff.
	mNosniffWant    = msg.New("headers.nosniff.want", "X-Content-Type-Options: nosniff", "X-Content-Type-Options: nosniff")
	mNosniffPass    = msg.New("headers.nosniff.pass", "all %d page(s) meet it%s: %s%s", "cả %d trang đều đạt (X-Content-Type-Options: nosniff)%s: %s%s")
	mNosniffFail    = msg.New("headers.nosniff.fail", "%d of %d page(s) fail: %s%s", "%d/%d trang không đạt (X-Content-Type-Options: nosniff): %s%s")
	mNosniffMissing = msg.New("headers.nosniff.missing", "no X-Content-Type-Options header", "không có header X-Content-Type-Options")
	mNosniffNoneGot = msg.New("headers.nosniff.missing.got", "no X-Content-Type-Options", "không có X-Content-Type-Options")
	mNosniffWrong   = msg.New("headers.nosniff.wrong", "X-Content-Type-Options is %q, not nosniff", "X-Content-Type-Options là %q, không phải nosniff")

	// P06-SEC-10: Referrer-Policy.
	mReferrerWant    = msg.New("headers.referrer.want", "Referrer-Policy set (header or meta tag) to no-referrer, same-origin, strict-origin or strict-origin-when-cross-origin", "Referrer-Policy (tiêu đề hoặc thẻ meta) là `no-referrer`, `same-origin`, `strict-origin` hoặc `strict-origin-when-cross-origin`")
	mReferrerPass    = msg.New("headers.referrer.pass", "all %d page(s) meet it%s: %s%s", "cả %d trang đều đạt (Referrer-Policy không làm lộ URL đầy đủ sang trang khác)%s: %s%s")
	mReferrerFail    = msg.New("headers.referrer.fail", "%d of %d page(s) fail: %s%s", "%d/%d trang không đạt (Referrer-Policy không làm lộ URL đầy đủ sang trang khác): %s%s")
	mReferrerMissing = msg.New("headers.referrer.missing", "no Referrer-Policy header or meta tag: the portal sets none, and relies on the browser's default", "không có Referrer-Policy (tiêu đề hoặc thẻ meta): cổng không đặt chính sách, phụ thuộc mặc định của trình duyệt")
	mReferrerNoneGot = msg.New("headers.referrer.missing.got", "no Referrer-Policy", "không có Referrer-Policy")
	mReferrerInvalid = msg.New("headers.referrer.invalid", "Referrer-Policy %q holds no valid policy", "Referrer-Policy %q không chứa chính sách hợp lệ nào")
	mReferrerBadGot  = msg.New("headers.referrer.invalid.got", "invalid Referrer-Policy", "Referrer-Policy không hợp lệ")
	mReferrerLeaky   = msg.New("headers.referrer.leaky", "Referrer-Policy %s %s", "Referrer-Policy %s %s")

	// P06-SEC-11: cookies.
	mCookiesWant       = msg.New("headers.cookies.want", "every cookie Secure and with SameSite (Strict, Lax, or None with Secure); session cookies HttpOnly", "mọi cookie có Secure và SameSite (`Strict`, `Lax`, hoặc `None` kèm Secure); cookie phiên có HttpOnly")
	mCookiesNoneRead   = msg.New("headers.cookies.none-read", "no page could be fetched: %s", "không tải được trang nào: %s")
	mCookiesUnsafe     = msg.New("headers.cookies.unsafe", "%d of %d cookie(s) are unsafe: %s", "%d/%d cookie không an toàn: %s")
	mCookiesUnsafeGot  = msg.Verbatim
	mCookieBad         = msg.New("headers.cookies.unsafe.one", "%s (%s): %s", "%s (%s): %s")
	mCookieSetBy       = msg.New("headers.cookies.set-by", "set by %s", "đặt bởi %s")
	mCookieSetAtLogin  = msg.New("headers.cookies.set-at-login", "set at login by %s", "đặt khi đăng nhập bởi %s")
	mCookiesLoginError = msg.New("headers.cookies.login-failed", "the %d cookie(s) of the %d page(s) visited are safe, but logging in failed (%s), so the cookies the portal sets at login (the session cookie) were not seen", "%d cookie của %d trang đã xem đều an toàn, nhưng đăng nhập không thành công (%s) nên chưa thấy cookie cổng đặt khi đăng nhập (cookie phiên)")
	mCookiesScope      = msg.New("headers.cookies.scope", "the %d page(s) visited and the login", "%d trang đã xem và khi đăng nhập")
	mCookiesScopeAnon  = msg.New("headers.cookies.scope.no-login", "the %d page(s) visited (no login: with Target.SSO or a Login adapter, and BeginLogin or active checks for a login that begins with a form post, the cookies set at login are judged too)", "%d trang đã xem (không đăng nhập: cần Target.SSO hoặc adapter Login, và BeginLogin hoặc bật kiểm tra chủ động nếu đăng nhập bắt đầu bằng biểu mẫu POST, để đánh giá cookie đặt khi đăng nhập)")
	mCookiesNone       = msg.New("headers.cookies.none", "no cookies are set by %s", "không có cookie nào được đặt bởi %s")
	mCookiesNoneGot    = msg.New("headers.cookies.none.got", "no cookies", "không có cookie")
	mCookiesSafe       = msg.New("headers.cookies.safe", "all %d cookie(s) set by %s are Secure with SameSite, session cookies HttpOnly: %s", "cả %d cookie đặt bởi %s đều có Secure, SameSite; cookie phiên có HttpOnly: %s")
	mCookiesSafeGot    = msg.New("headers.cookies.safe.got", "all cookies safe", "mọi cookie đều an toàn")
	// What is wrong with one cookie (judgeCookie).
	mCookieNotSecure      = msg.New("headers.cookie.not-secure", "not Secure", "thiếu Secure")
	mCookieNotSecureHTTP  = msg.New("headers.cookie.not-secure-http", "not Secure (and set over plain HTTP)", "thiếu Secure (và được đặt qua HTTP)")
	mCookieNoHttpOnly     = msg.New("headers.cookie.no-httponly", "a session cookie without HttpOnly (scripts can read it)", "cookie phiên thiếu HttpOnly (script đọc được)")
	mCookieHostPrefix     = msg.New("headers.cookie.host-prefix", "a __Host- cookie needs Secure, Path=/ and no Domain (browsers reject it)", "cookie __Host- phải có Secure, Path=/ và không có Domain (trình duyệt từ chối)")
	mCookieSecurePrefix   = msg.New("headers.cookie.secure-prefix", "a __Secure- cookie without Secure (browsers reject it)", "cookie __Secure- thiếu Secure (trình duyệt từ chối)")
	mCookieNoSameSite     = msg.New("headers.cookie.no-samesite", "no SameSite", "thiếu SameSite")
	mCookieBadSameSite    = msg.New("headers.cookie.bad-samesite", "SameSite=%q is not Strict, Lax or None", "`SameSite=%q` không phải `Strict`, `Lax` hay `None`")
	mCookieNoneNotSecure  = msg.New("headers.cookie.samesite-none", "SameSite=None without Secure (browsers reject it)", "`SameSite=None` mà thiếu Secure (trình duyệt từ chối)")
	mCookieResponseFaults = msg.New("headers.cookie.response", "%s: %s", "%s: %s")
	mCookieResponseList   = msg.New("headers.cookie.response.list", "%s", "cookie không an toàn: %s")

	// P06-SEC-12: version banners.
	mBannersWant     = msg.New("headers.banners.want", "no version numbers in Server, X-Powered-By, X-AspNet-Version, X-Generator or generator tags, nor in the server's error pages", "không có số phiên bản trong `Server`, `X-Powered-By`, `X-AspNet-Version`, `X-Generator` hay thẻ generator, cũng như trên trang lỗi của máy chủ")
	mBannersNoneRead = msg.New("headers.banners.none-read", "no page could be fetched", "không tải được trang nào")
	mBannersFail     = msg.New("headers.banners.fail", "software versions are announced: %s", "lộ phiên bản phần mềm: %s")
	mBannersPass     = msg.New("headers.banners.pass", "no software version in the headers of %d response(s), generator tags or the error page", "không lộ phiên bản phần mềm trong tiêu đề của %d phản hồi, thẻ generator hay trang lỗi")
	mBannersPassGot  = msg.New("headers.banners.pass.got", "no version banners", "không lộ phiên bản")
	mBannersAt       = msg.New("headers.banners.at", "%s: %s", "%s: %s")
	mBannerHeader    = msg.New("headers.banners.header", "%s: %s (version %s)", "%s: %s (phiên bản %s)")
	mBannerGenerator = msg.New("headers.banners.generator", `<meta name="generator" content=%q> (version %s)`, `<meta name="generator" content=%q> (phiên bản %s)`)
	mBannerSignature = msg.New("headers.banners.error-page", "error page signature %q", "chữ ký máy chủ trên trang lỗi %q")

	// P06-SEC-18: CORS.
	mCORSWant     = msg.New("headers.cors.want", "no Access-Control-Allow-Origin reflecting a foreign origin (or *) together with Access-Control-Allow-Credentials: true", "không có Access-Control-Allow-Origin phản hồi lại nguồn gốc lạ (hoặc `*`) cùng Access-Control-Allow-Credentials: true")
	mCORSNoneRead = msg.New("headers.cors.none-read", "no CORS probe could be sent: %s", "không gửi được yêu cầu CORS nào: %s")
	mCORSFail     = msg.New("headers.cors.fail", "any website may read these pages with the citizen's cookies: %s", "mọi trang web đều có thể đọc các trang này bằng cookie của công dân: %s")
	mCORSPass     = msg.New("headers.cors.pass", "%d request(s) with a foreign or null Origin got no credentialed CORS access", "%d yêu cầu với Origin lạ hoặc null không được cấp quyền CORS kèm thông tin xác thực")
	mCORSPassGot  = msg.New("headers.cors.pass.got", "no credentialed CORS for foreign origins", "không cấp CORS kèm thông tin xác thực cho nguồn gốc lạ")
	mCORSWildcard = msg.New("headers.cors.wildcard", "%s Access-Control-Allow-Origin: * with credentials", "%s Access-Control-Allow-Origin: `*` kèm thông tin xác thực")
	mCORSReflects = msg.New("headers.cors.reflects", "%s reflects Origin %s with credentials", "%s phản hồi lại Origin %s kèm thông tin xác thực")

	// leakyReferrer are the Referrer-Policy tokens that send a full URL to another origin or
	// anything over a downgrade, with what they send.
	leakyReferrer = map[string]msg.Text{
		"unsafe-url":                 msg.New("headers.referrer.leaky.unsafe-url", "sends the full URL (path and query) to every origin", "gửi URL đầy đủ (đường dẫn và truy vấn) tới mọi nguồn gốc"),
		"no-referrer-when-downgrade": msg.New("headers.referrer.leaky.no-referrer-when-downgrade", "sends the full URL (path and query) to every other HTTPS origin", "gửi URL đầy đủ (đường dẫn và truy vấn) tới mọi nguồn gốc HTTPS khác"),
		"origin-when-cross-origin":   msg.New("headers.referrer.leaky.origin-when-cross-origin", "sends the origin even over HTTPS→HTTP downgrades", "gửi nguồn gốc cả khi hạ cấp từ HTTPS xuống HTTP"),
		"origin":                     msg.New("headers.referrer.leaky.origin", "sends the origin everywhere, HTTP included", "gửi nguồn gốc tới mọi nơi, kể cả HTTP"),
	}
)

// Evidence notes (scoring.Evidence.Noted, pagejudge.Verdict.Note).
var (
	mNoted                  = msg.New("headers.noted", " (%s)", " (%s)")
	mNoteScriptsRestricted  = msg.New("headers.note.scripts-restricted", "scripts restricted", "mã kịch bản bị giới hạn")
	mNoteBeyond             = msg.New("headers.note.beyond", "outside the requirement, not judged: %s", "ngoài yêu cầu, không đánh giá: %s")
	mNoteCookieIgnored      = msg.New("headers.note.cookie-ignored", "ignored: %v", "bỏ qua: %v")
	mNoteCookie             = msg.New("headers.note.cookie", "cookie %s: %s", "cookie %s: %s")
	mNoteCookieAtLogin      = msg.New("headers.note.cookie-at-login", "%s; set while logging in", "%s; được đặt khi đăng nhập")
	mNoteCookieFaults       = msg.New("headers.note.cookie-faults", "%s — %s", "%s — %s")
	mNoteNoSetCookie        = msg.New("headers.note.no-set-cookie", "no Set-Cookie", "không có Set-Cookie")
	mNoteNoCookies          = msg.New("headers.note.no-cookies", "no cookies", "không có cookie")
	mNoteCookiesSafe        = msg.New("headers.note.cookies-safe", "cookies %s safe", "các cookie %s an toàn")
	mCookiePersistent       = msg.New("headers.note.cookie.persistent", "persistent", "lưu lâu dài")
	mCookieSessionLifetime  = msg.New("headers.note.cookie.session-lifetime", "session-lifetime", "hết hạn theo phiên")
	mCookieTreatedAsSession = msg.New("headers.note.cookie.treated-as-session", "treated as a session cookie", "được coi là cookie phiên")
	mNoteOrigin             = msg.New("headers.note.origin", "request sent with Origin: %s", "yêu cầu gửi kèm Origin: %s")
)

// What the CSP parser finds in a policy's script restrictions (ScriptVerdict): the directive
// that governs scripts, then what it allows.
var (
	mCSPWhereDefault       = msg.New("headers.csp.where.default-src", "default-src (no script-src)", "default-src (không có script-src)")
	mCSPNoScriptPolicy     = msg.New("headers.csp.no-script-policy", "neither script-src nor default-src is set, so scripts may come from anywhere", "không đặt script-src hay default-src, nên script có thể đến từ bất kỳ đâu")
	mCSPInlineIgnored      = msg.New("headers.csp.inline-ignored", "%s 'unsafe-inline' is ignored because a nonce or hash is present", "%s: 'unsafe-inline' bị bỏ qua vì có nonce hoặc hash")
	mCSPStrictDynamic      = msg.New("headers.csp.strict-dynamic", "%s uses 'strict-dynamic' with a nonce or hash", "%s dùng 'strict-dynamic' kèm nonce hoặc hash")
	mCSPStrictDynamicAlone = msg.New("headers.csp.strict-dynamic-alone", "%s has 'strict-dynamic' without a nonce or hash, which blocks every script or is a mistake", "%s có 'strict-dynamic' mà không có nonce hoặc hash: chặn mọi script, hoặc là cấu hình nhầm")
	mCSPUnsafeInline       = msg.New("headers.csp.unsafe-inline", "%s allows 'unsafe-inline' (inline scripts run: XSS is not mitigated)", "%s cho phép 'unsafe-inline' (script nội tuyến chạy được: không giảm thiểu được XSS)")
	mCSPData               = msg.New("headers.csp.data", "%s allows data: URLs", "%s cho phép URL data:")
	mCSPBroad              = msg.New("headers.csp.broad", "%s allows the dangerously broad source %s", "%s cho phép nguồn quá rộng, nguy hiểm %s")
	mCSPBroadObject        = msg.New("headers.csp.broad-object", "object-src (or default-src) allows the broad source %s (plugins can run script)", "object-src (hoặc default-src) cho phép nguồn quá rộng %s (plugin có thể chạy script)")
	mCSPInsecure           = msg.New("headers.csp.insecure", "%s allows insecure %s on an HTTPS page", "%s cho phép nguồn không an toàn %s trên trang HTTPS")
	mCSPInsecureScripts    = msg.New("headers.csp.insecure-scripts", "%s allows scripts over insecure %s", "%s cho phép tải script qua nguồn không an toàn %s")
	mCSPUnsafeEval         = msg.New("headers.csp.unsafe-eval", "%s allows 'unsafe-eval' (eval() and friends run)", "%s cho phép 'unsafe-eval' (eval() và các hàm tương tự chạy được)")
	mCSPStyleEval          = msg.New("headers.csp.style-eval", "style-src allows 'unsafe-eval'", "style-src cho phép 'unsafe-eval'")
)

// The parsers' errors (msg.Error): a finding quotes them in its own language.
var (
	mErrHSTSLong       = msg.New("headers.err.hsts.long", "value of %d bytes is implausibly long", "giá trị dài %d byte, dài bất thường")
	mErrHSTSComma      = msg.New("headers.err.hsts.comma", "%q contains a comma: the header is set more than once", "%q chứa dấu phẩy: header được đặt nhiều lần")
	mErrHSTSTwice      = msg.New("headers.err.hsts.twice", "directive %s appears twice", "chỉ thị %s xuất hiện hai lần")
	mErrHSTSNoValue    = msg.New("headers.err.hsts.max-age-empty", "max-age has no value", "max-age không có giá trị")
	mErrHSTSBadMaxAge  = msg.New("headers.err.hsts.max-age-bad", "max-age %q is not a non-negative integer", "max-age %q không phải số nguyên không âm")
	mErrHSTSSubValue   = msg.New("headers.err.hsts.subdomains-value", "includeSubDomains takes no value", "includeSubDomains không nhận giá trị")
	mErrHSTSNotDir     = msg.New("headers.err.hsts.not-directive", "%q is not a directive", "%q không phải là chỉ thị")
	mErrHSTSNoMaxAge   = msg.New("headers.err.hsts.max-age-missing", "max-age is missing (it is required)", "thiếu max-age (chỉ thị bắt buộc)")
	mErrCSPLong        = msg.New("headers.err.csp.long", "policy of %d bytes is longer than the %d the parser reads", "chính sách dài %d byte, vượt quá %d byte bộ phân tích đọc")
	mErrCSPShort       = msg.New("headers.err.csp.short", "policy %q is too short to hold a directive", "chính sách %q quá ngắn để chứa một chỉ thị")
	mErrCSPBadName     = msg.New("headers.err.csp.bad-name", "directive name %q is not a valid token", "tên chỉ thị %q không phải token hợp lệ")
	mErrCSPTwice       = msg.New("headers.err.csp.twice", "directive %s appears twice (browsers ignore the second)", "chỉ thị %s xuất hiện hai lần (trình duyệt bỏ qua lần thứ hai)")
	mErrCSPEmpty       = msg.New("headers.err.csp.empty", "policy %q holds no directive", "chính sách %q không chứa chỉ thị nào")
	mErrCookieLong     = msg.New("headers.err.cookie.long", "Set-Cookie of %d bytes exceeds the 8 KiB browsers accept", "Set-Cookie dài %d byte, vượt 8 KiB trình duyệt chấp nhận")
	mErrCookieNoPair   = msg.New("headers.err.cookie.no-pair", "Set-Cookie %q has no name=value pair", "Set-Cookie %q không có cặp name=value")
	mErrCookieBadToken = msg.New("headers.err.cookie.bad-name", "cookie name %q is not a token", "tên cookie %q không phải token hợp lệ")
)
