package popdata

import (
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/popdbtest"
)

// The family's messages (package msg), grouped by check.
var (
	// What every assisted check needs.
	mNoFake = msg.New("popdata.setup.no-fake",
		"the target has no population-database fake: set Target.PopDB to a popdbtest.Server the portal is configured to use",
		"Đối tượng kiểm tra chưa có giả lập CSDL quốc gia về dân cư: hãy đặt `Target.PopDB` là một `popdbtest.Server` mà cổng được cấu hình để dùng")
	mNoCitizen = msg.New("popdata.setup.no-citizen",
		"the population-database fake knows no citizen (popdbtest.Server.People is empty)",
		"giả lập CSDL dân cư không có công dân nào (`popdbtest.Server.People` trống)")
	// mPlain is a list of phrases as the got of a finding.
	mPlain = msg.Verbatim
	// mNoGatewayRequest is the got of a finding when the portal sent the gateway nothing.
	mNoGatewayRequest = msg.New("popdata.got.no-request", "no gateway request", "không có yêu cầu nào tới trục tích hợp")

	// A gateway request (describe): its number, what it asked (mReqLookingUp, mReqOperation or
	// ""), its MaYeuCau, its user (mReqAs or ""), its outcome and its HTTP status.
	mReq          = msg.New("popdata.request", "request #%d%s%s%s → %s%s", "yêu cầu #%d%s%s%s → %s%s")
	mReqLookingUp = msg.New("popdata.request.looking-up", " looking up %s", " tra cứu %s")
	mReqOperation = msg.New("popdata.request.operation", " operation %s", " thao tác %s")
	mReqAs        = msg.New("popdata.request.as", " as %q", " bằng tài khoản %q")
	mReqMore      = msg.New("popdata.request.more", "and %d more", "và %d yêu cầu khác")

	// P06-POP-01: the citizen, then the request(s).
	mLookupWant = msg.New("popdata.lookup.want",
		"starting a dossier sends an authenticated TraCuuThongTinCongDan (037) for the logged-in citizen",
		"khi bắt đầu hồ sơ, cổng gửi yêu cầu TraCuuThongTinCongDan (037) có xác thực để tra cứu công dân đang đăng nhập")
	mLookupPass = msg.New("popdata.lookup.pass",
		"starting a dossier looked up the logged-in citizen %s through the gateway: %s",
		"Khi bắt đầu hồ sơ, cổng đã tra cứu công dân đang đăng nhập %s qua trục tích hợp: %s")
	mLookupRefused = msg.New("popdata.lookup.refused",
		"starting a dossier tried to look up the citizen %s but the gateway did not answer the record: %s",
		"Khi bắt đầu hồ sơ, cổng có gửi yêu cầu tra cứu công dân %s nhưng trục tích hợp không trả bản ghi: %s")
	mLookupOthers = msg.New("popdata.lookup.others",
		"starting a dossier sent %d request(s) to the population database, none for the logged-in citizen %s: %s",
		"Khi bắt đầu hồ sơ, cổng gửi %d yêu cầu tới CSDL dân cư nhưng không yêu cầu nào tra cứu công dân đang đăng nhập %s: %s")
	// The citizen, then "" or mPortalSaid.
	mLookupNone = msg.New("popdata.lookup.none",
		"starting a dossier sent no request to the population database: the portal did not look up the logged-in citizen %s%s",
		"Khi bắt đầu hồ sơ, cổng không gửi yêu cầu nào tới CSDL quốc gia về dân cư: không tra cứu công dân đang đăng nhập %s%s")
	mPortalSaid = msg.New("popdata.lookup.portal-said", "; the portal said: %s", "; cổng thông báo: %s")

	// P06-POP-02.
	mPrefillUnknown = msg.New("popdata.prefill.unknown-citizen",
		"the population-database fake does not know the citizen %s",
		"giả lập CSDL dân cư không có công dân %s")
	mPrefillWant = msg.New("popdata.prefill.want",
		"the form shows HoVaTen, SoDinhDanh, NgayThangNamSinh, GioiTinh and ThuongTru from the citizen's record",
		"biểu mẫu hiển thị HoVaTen, SoDinhDanh, NgayThangNamSinh, GioiTinh và ThuongTru lấy từ dữ liệu dân cư của công dân")
	mPrefillRefused = msg.New("popdata.prefill.refused",
		"the portal refused to start a dossier for the citizen %s: %q",
		"Cổng từ chối bắt đầu hồ sơ cho công dân %s: %q")
	mPrefillRefusedGot = msg.New("popdata.prefill.refused.got", "dossier refused", "hồ sơ bị từ chối")
	mPrefillFail       = msg.New("popdata.prefill.fail",
		"the dossier form is not pre-filled from the population record of %s: %s",
		"Biểu mẫu hồ sơ không được điền sẵn từ dữ liệu dân cư của %s: %s")
	mPrefillNoLookup = msg.New("popdata.prefill.no-lookup",
		"the form shows the citizen's data but the portal did not look the citizen %s up in the population database when the dossier started (see P06-POP-01): the data did not come from the record",
		"Biểu mẫu có dữ liệu của công dân nhưng cổng không tra cứu %s trong CSDL dân cư khi bắt đầu hồ sơ (xem P06-POP-01): dữ liệu không lấy từ CSDL dân cư")
	mPrefillNoLookupGot = msg.New("popdata.prefill.no-lookup.got", "pre-filled without a look-up", "điền sẵn mà không tra cứu")
	mPrefillPass        = msg.New("popdata.prefill.pass",
		"the dossier form of %s is pre-filled from the population record: %d field(s) match (%s)",
		"Biểu mẫu hồ sơ của %s được điền sẵn từ dữ liệu dân cư: %d trường khớp (%s)")
	mPrefillPassGot = msg.New("popdata.prefill.pass.got", "%d fields match the record", "%d trường khớp với dữ liệu dân cư")
	// Problems of a form (ComparePrefill).
	mPrefillDiffers = msg.New("popdata.prefill.differs", "%s: form shows %q, record has %q", "%s: biểu mẫu ghi %q, dữ liệu dân cư ghi %q")
	mPrefillMissing = msg.New("popdata.prefill.missing",
		"not pre-filled (the citizen is asked again): %s",
		"không được điền sẵn (công dân phải khai lại): %s")

	// P06-POP-03.
	mWellFormedWant = msg.New("popdata.wellformed.want",
		"every request authenticated, operation TraCuuThongTinCongDan in http://dancuquocgia.bca, MaTichHop 037, a unique MaYeuCau, MaDVC, MaCanBo and MaDonVi, SOAPAction and text/xml",
		"mọi yêu cầu đều được xác thực, thao tác TraCuuThongTinCongDan trong http://dancuquocgia.bca, MaTichHop 037, MaYeuCau không trùng lặp, có MaDVC, MaCanBo và MaDonVi, SOAPAction và text/xml")
	mWellFormedNone = msg.New("popdata.wellformed.none",
		"starting two dossiers sent no request to the population database, so none could be assessed (see P06-POP-01)",
		"Bắt đầu hai hồ sơ nhưng cổng không gửi yêu cầu nào tới CSDL dân cư nên không có gì để đánh giá (xem P06-POP-01)")
	mWellFormedFail = msg.New("popdata.wellformed.fail",
		"%d of the portal's gateway request(s) are malformed or unauthenticated: %s",
		"%d yêu cầu của cổng tới trục tích hợp không đúng quy cách hoặc không được xác thực: %s")
	mWellFormedPass = msg.New("popdata.wellformed.pass",
		"the portal's %d gateway request(s) are well-formed and authenticated as %q (X-Road-Client %q), each with its own MaYeuCau",
		"%d yêu cầu của cổng tới trục tích hợp đúng quy cách và được xác thực bằng tài khoản %q (X-Road-Client %q), mỗi yêu cầu có MaYeuCau riêng")
	mWellFormedPassGot = msg.New("popdata.wellformed.pass.got", "%d well-formed requests", "%d yêu cầu đúng quy cách")
	// A problem of one request (WellFormedProblems): its number, then what is wrong.
	mReqProblem     = msg.New("popdata.wellformed.problem", "request #%d: %s", "yêu cầu #%d: %s")
	mWFRefused      = msg.New("popdata.wellformed.refused", "refused by the gateway (HTTP %d %s): %s", "bị trục tích hợp từ chối (HTTP %d %s): %s")
	mWFMethod       = msg.New("popdata.wellformed.method", "method %s, want POST", "phương thức %s, cần POST")
	mWFNoSOAPAction = msg.New("popdata.wellformed.no-soapaction", "no SOAPAction header", "thiếu header SOAPAction")
	mWFContentType  = msg.New("popdata.wellformed.content-type", "Content-Type %q, want text/xml (SOAP 1.1)", "Content-Type %q, cần text/xml (SOAP 1.1)")
	mWFOperation    = msg.New("popdata.wellformed.operation", "operation {%s}%s, want {%s}%s", "thao tác {%s}%s, cần {%s}%s")
	mWFServiceCode  = msg.New("popdata.wellformed.service-code", "MaTichHop %q, want %q", "MaTichHop %q, cần %q")
	mWFMissing      = msg.New("popdata.wellformed.missing", "no %s", "thiếu %s")
	mWFNoSubject    = msg.New("popdata.wellformed.no-subject", "neither SoDinhDanh nor SoCMND", "không có SoDinhDanh hay SoCMND")
	mWFReusedID     = msg.New("popdata.wellformed.reused-id", "MaYeuCau %q already used by request #%d", "MaYeuCau %q đã dùng ở yêu cầu #%d")

	// P06-POP-04.
	mCertWant = msg.New("popdata.certificate.want",
		"the portal aborts the TLS handshake with a gateway whose certificate it does not trust",
		"cổng hủy bắt tay TLS với trục tích hợp có chứng thư không tin cậy")
	mCertAccepted = msg.New("popdata.certificate.accepted",
		"the portal accepted the gateway's certificate from an untrusted CA (\"popdbtest UNTRUSTED CA\") and sent %d request(s) over that connection: %s",
		"Cổng chấp nhận chứng thư của trục tích hợp do CA không tin cậy (\"popdbtest UNTRUSTED CA\") cấp và đã gửi %d yêu cầu qua kết nối đó: %s")
	mCertAcceptedGot = msg.New("popdata.certificate.accepted.got", "untrusted certificate accepted: %s", "chứng thư không tin cậy được chấp nhận: %s")
	// The handshakes aborted, the first's error, the citizen, and "" or mCertAgain.
	mCertRefused = msg.New("popdata.certificate.refused",
		"the portal refused the gateway's untrusted certificate: it aborted %d TLS handshake(s) (%s) and no look-up of %s completed%s",
		"Cổng từ chối chứng thư không tin cậy của trục tích hợp: hủy %d lần bắt tay TLS (%s), không yêu cầu tra cứu %s nào hoàn tất%s")
	mCertAgain = msg.New("popdata.certificate.again",
		" (the dossier was started %d times: the earlier ones went over connections opened before the certificate changed)",
		" (hồ sơ được bắt đầu %d lần: các lần trước đi qua kết nối mở từ trước khi đổi chứng thư)")
	mCertRefusedGot = msg.New("popdata.certificate.refused.got", "%d handshake(s) aborted by the portal", "cổng hủy %d lần bắt tay")
	mCertOther      = msg.New("popdata.certificate.other-failure",
		"the TLS handshake with the gateway's untrusted certificate failed without the portal refusing the certificate (%s): whether the portal checks the gateway's certificate could not be seen",
		"Bắt tay TLS với chứng thư không tin cậy của trục tích hợp thất bại mà không phải do cổng từ chối chứng thư (%s): chưa thấy được cổng có kiểm tra chứng thư hay không")
	mCertOtherGot = msg.New("popdata.certificate.other-failure.got", "handshake failed, not refused: %s", "bắt tay thất bại, không phải bị từ chối: %s")
	mCertNoConn   = msg.New("popdata.certificate.no-connection",
		"the portal made no new connection to the gateway when the dossier started (no look-up, or only look-ups over connections opened before the certificate changed), so its certificate check could not be exercised (see P06-POP-01)",
		"Cổng không mở kết nối mới tới trục tích hợp khi bắt đầu hồ sơ (không tra cứu, hoặc chỉ tra cứu qua kết nối mở từ trước khi đổi chứng thư) nên chưa kiểm tra được việc xác thực chứng thư (xem P06-POP-01)")

	// P06-POP-05: a failure is the scenario and what went wrong.
	mDegradeWant = msg.New("popdata.degrade.want",
		"a clear message or manual path within %s, at most %d retries, no internals shown",
		"thông báo rõ ràng hoặc cho nhập thủ công trong %s, tối đa %d lần thử lại, không lộ thông tin nội bộ")
	mDegradeFail = msg.New("popdata.degrade.fail", "%s", "%s")
	mDegradePass = msg.New("popdata.degrade.pass",
		"the portal degrades clearly when the population database fails — %s",
		"Cổng xử lý rõ ràng khi CSDL dân cư gặp sự cố — %s")
	mWhenDB = msg.New("popdata.degrade.when", "when the database %s: %s", "khi CSDL %s: %s")
	// The scenarios.
	mDB503       = msg.New("popdata.degrade.scenario.503", "answered HTTP 503", "trả lỗi HTTP 503")
	mDBHang      = msg.New("popdata.degrade.scenario.hang", "hung without answering", "treo không trả lời")
	mDBMalformed = msg.New("popdata.degrade.scenario.malformed", "answered a malformed reply", "trả dữ liệu hỏng")
	// What went wrong.
	mDgTimeout = msg.New("popdata.degrade.timeout", "the portal did not answer the citizen within %s", "cổng không trả lời công dân trong %s")
	mDgFailed  = msg.New("popdata.degrade.failed", "starting the dossier failed (%v)", "bắt đầu hồ sơ thất bại (%v)")
	mDgSilent  = msg.New("popdata.degrade.silent",
		"the portal refused the dossier without telling the citizen why or offering a manual path",
		"cổng từ chối hồ sơ mà không thông báo lý do hay cách nhập thủ công")
	mDgRetries = msg.New("popdata.degrade.retries",
		"the portal looked the citizen up %d times (the first and %d retries; at most %d retries)",
		"cổng tra cứu công dân %d lần (lần đầu và %d lần thử lại; tối đa %d lần thử lại)")
	mDgLeaks = msg.New("popdata.degrade.leaks",
		"what the portal showed the citizen leaks internals: %s",
		"nội dung cổng hiển thị cho công dân làm lộ thông tin nội bộ: %s")
	// What a scenario that went well showed: the scenario, what (mDgManual or mDgMessage), the
	// look-ups and the time.
	mDgOK      = msg.New("popdata.degrade.ok", "%s: %s after %d look-up(s) in %s", "%s: %s sau %d lượt tra cứu trong %s")
	mDgManual  = msg.New("popdata.degrade.manual", "a manual path (the form, with the message %s)", "cho nhập thủ công (biểu mẫu, kèm thông báo %s)")
	mDgMessage = msg.New("popdata.degrade.message", "the message %s", "thông báo %s")
	mDgNone    = msg.New("popdata.degrade.no-message", "(none)", "(không có)")
	// Internals a portal may leak (Leaks).
	mLeakGo       = msg.New("popdata.leak.go", "a Go stack trace", "vết ngăn xếp Go")
	mLeakJava     = msg.New("popdata.leak.java", "a Java or .NET stack trace", "vết ngăn xếp Java/.NET")
	mLeakPython   = msg.New("popdata.leak.python", "a Python traceback", "vết lỗi Python")
	mLeakPHP      = msg.New("popdata.leak.php", "a PHP error", "lỗi PHP")
	mLeakSOAP     = msg.New("popdata.leak.soap", "a raw SOAP fault or envelope", "thông điệp/lỗi SOAP thô")
	mLeakNet      = msg.New("popdata.leak.network", "a low-level network error", "lỗi mạng cấp thấp")
	mLeakFault    = msg.New("popdata.leak.fault-codes", "the fake gateway's fault codes", "mã lỗi của trục tích hợp")
	mLeakAddress  = msg.New("popdata.leak.address", "the gateway's address", "địa chỉ trục tích hợp")
	mLeakPath     = msg.New("popdata.leak.path", "the gateway's endpoint path", "đường dẫn dịch vụ của trục tích hợp")
	mLeakSecret   = msg.New("popdata.leak.secret", "the gateway secret", "khóa bí mật của trục tích hợp")
	mLeakAPIKey   = msg.New("popdata.leak.api-key", "the gateway ApiKey", "ApiKey của trục tích hợp")
	mLeakUsername = msg.New("popdata.leak.username", "the gateway username", "tên tài khoản trục tích hợp")
	mLeakClientID = msg.New("popdata.leak.client", "the X-Road-Client identifier", "định danh X-Road-Client")

	// P06-POP-06: the citizen, the subjects (mNoSubject or mSubjects), then problems or a count.
	mMinimalWant = msg.New("popdata.minimal.want",
		"look-ups only of the citizen and the dossier's subjects, each at most once per dossier",
		"chỉ tra cứu công dân và những người liên quan của hồ sơ, mỗi người tối đa một lần cho mỗi hồ sơ")
	mNoSubject   = msg.New("popdata.minimal.no-subject", "no other subject", "không có người liên quan khác")
	mSubjects    = msg.New("popdata.minimal.subjects", "subjects %s", "người liên quan %s")
	mMinimalFail = msg.New("popdata.minimal.fail", "for a dossier of %s (%s) the portal %s", "Với hồ sơ của %s (%s), cổng %s")
	mMinimalPass = msg.New("popdata.minimal.pass",
		"for a dossier of %s (%s) the portal looked up only them, each at most once (%d look-up(s))",
		"Với hồ sơ của %s (%s), cổng chỉ tra cứu đúng những người này, mỗi người tối đa một lần (%d lượt)")
	mMinimalPassGot = msg.New("popdata.minimal.pass.got", "%d look-up(s), all allowed", "%d lượt tra cứu, đều được phép")
	// Problems (MinimalProblems).
	mMinimalOthers = msg.New("popdata.minimal.others",
		"looked up %d person(s) the dossier does not concern: %s",
		"đã tra cứu %d người không liên quan đến hồ sơ: %s")
	mMinimalTwice = msg.New("popdata.minimal.twice",
		"looked up the same person more than once for one dossier: %s",
		"tra cứu cùng một người nhiều lần cho một hồ sơ: %s")
	mTimes = msg.New("popdata.minimal.times", "%s %d times", "%s %d lần")

	// P06-POP-07.
	mInvalidWant = msg.New("popdata.invalid.want",
		"invalid identifiers rejected with a message, none sent to the gateway",
		"số định danh không hợp lệ bị từ chối kèm thông báo, không số nào được gửi tới trục tích hợp")
	mInvalidSent = msg.New("popdata.invalid.sent",
		"the portal sent invalid identifier(s) to the population database: %s instead of rejecting them",
		"Cổng gửi số định danh không hợp lệ tới CSDL dân cư thay vì từ chối: %s")
	mInvalidSentGot = msg.New("popdata.invalid.sent.got",
		"sent invalid identifier(s) to the population database: %s",
		"gửi số định danh không hợp lệ tới CSDL dân cư: %s")
	mInvalidAccepted = msg.New("popdata.invalid.accepted",
		"the portal accepted dossiers whose subject is an invalid identifier: %s (it did not look them up, but did not tell the citizen they are invalid)",
		"Cổng chấp nhận hồ sơ với số định danh không hợp lệ (không tra cứu nhưng không báo cho công dân): %s")
	mInvalidAcceptedGot = msg.New("popdata.invalid.accepted.got",
		"accepted dossiers whose subject is an invalid identifier: %s",
		"chấp nhận hồ sơ có người liên quan mang số định danh không hợp lệ: %s")
	mInvalidPass = msg.New("popdata.invalid.pass",
		"the portal rejected %d invalid identifier(s) (wrong length, unknown province prefix, letters, spaces) without looking any of them up",
		"Cổng từ chối %d số định danh không hợp lệ (sai độ dài, mã tỉnh không tồn tại, có chữ, có khoảng trắng) mà không tra cứu")
	mInvalidPassGot = msg.New("popdata.invalid.pass.got", "%d rejected, 0 sent", "%d bị từ chối, 0 được gửi")
	// An identifier: masked, why it is invalid, and (mInvalidInRequest) the request it went in.
	mInvalidID        = msg.New("popdata.invalid.id", "%s (%s)", "%s (%s)")
	mInvalidInRequest = msg.New("popdata.invalid.in-request", "%s (%s) in request #%d", "%s (%s) ở yêu cầu #%d")
	mWhy11Digits      = msg.New("popdata.invalid.why.length", "11 digits", "11 chữ số")
	mWhyProvince      = msg.New("popdata.invalid.why.province", "prefix 003 is not a province code", "mã 003 không phải mã tỉnh")
	mWhyLetter        = msg.New("popdata.invalid.why.letter", "a letter", "có chữ cái")
	mWhySpace         = msg.New("popdata.invalid.why.space", "a space", "có khoảng trắng")

	// P06-POP-08.
	mURLsNoneRead = msg.New("popdata.urls.none-read",
		"none of the %d sampled page(s) could be read, so no URL could be examined",
		"Không đọc được trang nào trong %d trang mẫu nên không kiểm tra được URL")
	mURLsWant = msg.New("popdata.urls.want",
		"no personal identification number, password, token, secret or API key in any URL",
		"không URL nào chứa số định danh cá nhân, mật khẩu, token, khóa bí mật hay API key")
	mURLsFail = msg.New("popdata.urls.fail",
		"%d URL(s) carry personal identification numbers or credentials: %s",
		"%d URL chứa số định danh cá nhân hoặc thông tin xác thực: %s")
	mURLsMore = msg.New("popdata.urls.more", "and %d more", "và %d trường hợp khác")
	// The URLs examined, the pages read, and what else was done ("", or a mFlow phrase).
	mURLsPass = msg.New("popdata.urls.pass",
		"no personal identification number or credential in the %d URL(s) examined (%d page(s), their links and forms%s)",
		"Không có số định danh cá nhân hay thông tin xác thực trong %d URL đã kiểm tra (%d trang, các liên kết và biểu mẫu của chúng%s)")
	mURLsPassGot      = msg.New("popdata.urls.pass.got", "%d URLs clean", "%d URL không có vấn đề")
	mFlowLogin        = msg.New("popdata.urls.flow.login", ", logging in", ", đăng nhập")
	mFlowLoginDossier = msg.New("popdata.urls.flow.login-dossier", ", logging in, starting a dossier", ", đăng nhập, bắt đầu hồ sơ")
	mFlowLoginFailed  = msg.New("popdata.urls.flow.login-failed", "; logging in failed: %s", "; đăng nhập thất bại: %s")
	// A problem in a URL: what, the URL, where it was met.
	mInURL = msg.New("popdata.urls.in-url", "%s in %s (%s)", "%s trong %s (%s)")
	// A GET form: which field, its name, the page.
	mGetForm = msg.New("popdata.urls.get-form",
		"%s %q sent in the URL by a GET form on %s",
		"%s %q bị gửi trong URL bởi biểu mẫu GET trên %s")
	mFieldPassword   = msg.New("popdata.urls.field.password", "a password field", "trường mật khẩu")
	mFieldCredential = msg.New("popdata.urls.field.credential", "a credential field", "trường thông tin xác thực")
	mFieldPIN        = msg.New("popdata.urls.field.pin", "a personal identification number field", "trường số định danh cá nhân")
	// Where a URL was met.
	mWherePage       = msg.New("popdata.urls.where.page", "page", "trang")
	mWhereRedirect   = msg.New("popdata.urls.where.redirect", "redirect from %s", "chuyển hướng từ %s")
	mWhereGateway    = msg.New("popdata.urls.where.gateway", "the portal's gateway request #%d", "yêu cầu #%d của cổng tới trục tích hợp")
	mWhereLink       = msg.New("popdata.urls.where.link", "link on %s", "liên kết trên %s")
	mWhereLoginChain = msg.New("popdata.urls.where.login-chain", "the login redirect chain", "chuỗi chuyển hướng khi đăng nhập")
	mWhereLogin      = msg.New("popdata.urls.where.login", "a request while logging in", "yêu cầu khi đăng nhập")
	mWhereDossier    = msg.New("popdata.urls.where.dossier", "a request while starting a dossier", "yêu cầu khi bắt đầu hồ sơ")
	// What is wrong with a URL (URLProblems).
	mURLUserPassword  = msg.New("popdata.urls.user-password", "a password in the URL's user information", "mật khẩu trong phần thông tin người dùng của URL")
	mURLPINPath       = msg.New("popdata.urls.pin-path", "a personal identification number (%s) in the path", "số định danh cá nhân (%s) trong đường dẫn")
	mURLCredPathParam = msg.New("popdata.urls.credential-path-param", "a credential (%s) in a path parameter", "thông tin xác thực (%s) trong tham số đường dẫn")
	mURLIDPathParam   = msg.New("popdata.urls.id-path-param", "an identification number parameter (%s) in the path", "tham số số định danh (%s) trong đường dẫn")
	mURLCredIn        = msg.New("popdata.urls.credential-in", "a credential (%s) in the %s", "thông tin xác thực (%s) trong %s")
	mURLPINParam      = msg.New("popdata.urls.pin-param",
		"a personal identification number (%s) in the %s parameter %s",
		"số định danh cá nhân (%[1]s) trong tham số %[3]s của %[2]s")
	mURLIDParam     = msg.New("popdata.urls.id-param", "an identification number parameter (%s) in the %s", "tham số số định danh (%s) trong %s")
	mURLPINFragment = msg.New("popdata.urls.pin-fragment", "a personal identification number (%s) in the fragment", "số định danh cá nhân (%s) trong phân đoạn (#)")
	mPartQuery      = msg.New("popdata.urls.part.query", "query", "chuỗi truy vấn")
	mPartFragment   = msg.New("popdata.urls.part.fragment", "fragment", "phân đoạn (#)")

	// The steps a check names when it could not go on (check.FromError).
	mStepStart          = msg.New("popdata.step.start", "starting a dossier", "bắt đầu hồ sơ")
	mStepStartUntrusted = msg.New("popdata.step.start-untrusted", "starting a dossier with an untrusted gateway", "bắt đầu hồ sơ khi trục tích hợp dùng chứng thư không tin cậy")
	mStepStartSubject   = msg.New("popdata.step.start-subject", "starting a dossier with the subject %s", "bắt đầu hồ sơ với người liên quan %s")
	mStepStartSubjects  = msg.New("popdata.step.start-subjects", "starting a dossier with subjects", "bắt đầu hồ sơ có người liên quan")
	mStepLogin          = msg.New("popdata.step.login", "logging in as the citizen %s", "đăng nhập bằng công dân %s")
	mStepProfile        = check.StepProfile
)

// outcomes are the gateway's outcomes in a request's description: the code in English, words in
// Vietnamese.
var outcomes = map[popdbtest.Outcome]msg.Text{
	popdbtest.Found:      msg.New("popdata.outcome.found", "found", "tìm thấy"),
	popdbtest.NotFound:   msg.New("popdata.outcome.not-found", "not_found", "không tìm thấy"),
	popdbtest.AuthFailed: msg.New("popdata.outcome.auth-failed", "auth_failed", "bị từ chối xác thực"),
	popdbtest.BadRequest: msg.New("popdata.outcome.bad-request", "bad_request", "yêu cầu sai quy cách"),
	popdbtest.Failed:     msg.New("popdata.outcome.server-error", "server_error", "lỗi máy chủ"),
	popdbtest.Malformed:  msg.New("popdata.outcome.malformed-reply", "malformed_reply", "trả dữ liệu hỏng"),
	popdbtest.Abandoned:  msg.New("popdata.outcome.abandoned", "abandoned", "bị bỏ dở"),
	popdbtest.Pending:    msg.New("popdata.outcome.pending", "pending", "đang xử lý"),
}

// Evidence notes (scoring.Evidence.Noted).
var (
	mNoteStale           = msg.New("popdata.note.stale", "dossier %d: %d look-up(s) over a connection opened before the certificate changed, answered with the trusted certificate and closed after; dossier started again", "hồ sơ %d: %d lần tra cứu qua kết nối mở trước khi đổi chứng thư, được trả lời bằng chứng thư tin cậy rồi đóng; bắt đầu lại hồ sơ")
	mNoteTrustedCert     = msg.New("popdata.note.trusted-cert", "TLS handshake with the trusted certificate", "bắt tay TLS với chứng thư tin cậy")
	mNoteUntrustedCert   = msg.New("popdata.note.untrusted-cert", "TLS handshake with the UNTRUSTED certificate", "bắt tay TLS với chứng thư KHÔNG tin cậy")
	mNoteHandshakeFailed = msg.New("popdata.note.handshake-failed", "%s: failed: %s", "%s: thất bại: %s")
	mNoteHandshakeDone   = msg.New("popdata.note.handshake-done", "%s: completed", "%s: hoàn tất")
	mNoteWhere           = msg.New("popdata.note.where", "%s (%s)", "%s (%s)")
	mNoteGetForm         = msg.New("popdata.note.get-form", "%s in a GET form", "%s trong biểu mẫu GET")
	mNoteMoreRequests    = msg.New("popdata.note.more-requests", "and %d more gateway request(s)", "và %d yêu cầu khác tới cổng kết nối")
	mNoteGateway         = msg.New("popdata.note.gateway", "population-database gateway: %s", "cổng kết nối cơ sở dữ liệu quốc gia về dân cư: %s")
	mNoteDossierForm     = msg.New("popdata.note.dossier-form", "the dossier form as the adapter reported it", "biểu mẫu hồ sơ theo bộ điều hợp báo lại")
)

// mErrNoDossier is an adapter that returned neither a dossier nor an error (msg.Error).
var mErrNoDossier = msg.New("popdata.err.no-dossier", "the adapter returned neither a dossier nor an error", "bộ điều hợp không trả về hồ sơ lẫn lỗi")
