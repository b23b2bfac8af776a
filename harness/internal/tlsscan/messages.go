package tlsscan

import "github.com/p06kit/p06kit/harness/msg"

// The family's messages (package msg), grouped by check.
var (
	// Shared by the checks of the family.
	mHandshake = msg.New("tlsscan.handshake-failed",
		"could not complete a TLS handshake with %s: %v",
		"không bắt tay TLS được với %s: %v")
	mProbeVersions = msg.New("tlsscan.probe.versions-failed",
		"probing TLS versions of %s: %v",
		"lỗi khi dò các phiên bản TLS của %s: %v")
	mNotHTTPS = msg.New("tlsscan.not-https",
		"the portal %s is not served over HTTPS: no TLS protects citizens' data (see P06-SEC-01)",
		"cổng %s không dùng HTTPS: dữ liệu của công dân không được TLS bảo vệ (xem P06-SEC-01)")
	mGotNoTLS = msg.New("tlsscan.not-https.got",
		"plain HTTP, no TLS",
		"HTTP thường, không có TLS")
	mWantHTTPS = msg.New("tlsscan.not-https.want", "HTTPS", "HTTPS")

	// P06-SEC-01: HTTPS with a chain valid for the host.
	mPlainHTTP = msg.New("tlsscan.https.plain-http",
		"the portal is served over plain HTTP (%s): citizens' data crosses the network unencrypted",
		"cổng được phục vụ qua HTTP không mã hoá (%s): dữ liệu của công dân đi qua mạng mà không được mã hoá")
	mGotPlainScheme = msg.New("tlsscan.https.plain-http.got", "http://", "http://")
	mWantValidChain = msg.New("tlsscan.https.want-chain",
		"https:// with a certificate chain valid for the host",
		"https:// với chuỗi chứng thư hợp lệ cho tên máy chủ")
	mNotVerified = msg.New("tlsscan.https.not-verified",
		"HTTPS certificate of %s does not verify: %s",
		"chứng thư số HTTPS của %s không hợp lệ: %s")
	mWantTrustedChain = msg.New("tlsscan.https.want-trusted-chain",
		"a chain to a trusted root, valid now and for host %s",
		"chuỗi chứng thư dẫn tới chứng thư gốc tin cậy, đang có hiệu lực và hợp lệ cho máy chủ %s")
	mWrongHost = msg.New("tlsscan.https.wrong-host",
		"the certificate is not valid for host %s (it names %s)",
		"chứng thư không hợp lệ cho máy chủ %s (chứng thư ghi %s)")
	mWrongHostCN = msg.New("tlsscan.https.wrong-host-cn",
		"the certificate is not valid for host %s (it names CN=%s (no SAN))",
		"chứng thư không hợp lệ cho máy chủ %s (chứng thư chỉ ghi CN=%s, không có SAN)")
	mUntrusted = msg.New("tlsscan.https.untrusted",
		"the chain does not lead to a trusted root (issuer %q is not trusted; self-signed or missing intermediate)",
		"chuỗi chứng thư không dẫn tới chứng thư gốc tin cậy (bên cấp %q không được tin cậy; chứng thư tự ký hoặc thiếu chứng thư trung gian)")
	mExpiredInChain = msg.New("tlsscan.https.expired",
		"a certificate in the chain is expired or not yet valid: %s",
		"một chứng thư trong chuỗi đã hết hạn hoặc chưa có hiệu lực: %s")
	mInvalidChain = msg.New("tlsscan.https.invalid",
		"the chain is invalid: %v",
		"chuỗi chứng thư không hợp lệ: %v")
	mVerifyFailed = msg.New("tlsscan.https.verify-failed",
		"%v",
		"lỗi khi xác minh chuỗi chứng thư: %v")
	mWeakKey = msg.New("tlsscan.https.weak-key",
		"HTTPS certificate of %s verifies, but its key is too weak: %s",
		"chứng thư số HTTPS của %s hợp lệ nhưng khoá quá yếu: %s")
	mWeakRSA       = msg.New("tlsscan.https.weak-key.rsa", "RSA key of %d bits", "khoá RSA %d bit")
	mWeakEC        = msg.New("tlsscan.https.weak-key.ec", "EC key of %d bits", "khoá EC %d bit")
	mWantStrongKey = msg.New("tlsscan.https.weak-key.want",
		"RSA keys of at least 2048 bits, EC keys of at least 256 bits",
		"khoá RSA từ 2048 bit, khoá EC từ 256 bit trở lên")
	mHTTPSOK = msg.New("tlsscan.https.ok",
		"HTTPS on %s: the chain of %s (issued by %s) verifies for host %s",
		"HTTPS trên %s: chuỗi chứng thư của %s (do %s cấp) hợp lệ cho máy chủ %s")

	// P06-SEC-02: plain HTTP redirects to HTTPS.
	mWantRedirect = msg.New("tlsscan.redirect.want",
		"plain HTTP answers with a permanent redirect (301 or 308) to https:// on the same host",
		"HTTP thường trả lời bằng chuyển hướng vĩnh viễn (301 hoặc 308) tới https:// trên cùng máy chủ")
	mChain  = msg.Verbatim
	mBadURL = msg.New("tlsscan.redirect.bad-url",
		"redirect to an unparsable URL %q",
		"chuyển hướng tới URL không phân tích được %q")
	mPlainIsHTTPS = msg.New("tlsscan.redirect.plain-is-https",
		"the plain-HTTP address %s is an https:// URL; set the profile's plain_http to an http:// URL",
		"địa chỉ HTTP thường %s lại là URL https://; hãy đặt `plain_http` của hồ sơ cổng thành một URL http://")
	mTooManyHops = msg.New("tlsscan.redirect.too-many",
		"%s: more than %d redirects without reaching HTTPS: %s",
		"%s: quá %d lần chuyển hướng mà chưa tới HTTPS: %s")
	mNoPlainHTTP = msg.New("tlsscan.redirect.no-listener",
		"the portal does not serve plain HTTP at %s (%s): nothing to redirect",
		"cổng không phục vụ HTTP thường tại %s (%s): không cần chuyển hướng")
	mRefused     = msg.New("tlsscan.redirect.no-listener.refused", "connection refused", "kết nối bị từ chối")
	mNoAnswer    = msg.New("tlsscan.redirect.no-listener.no-answer", "the connection attempt got no answer", "yêu cầu kết nối không được trả lời")
	mGotNoPlain  = msg.New("tlsscan.redirect.no-listener.got", "no plain-HTTP listener", "không có máy chủ nghe HTTP thường")
	mSilentPlain = msg.New("tlsscan.redirect.silent",
		"GET %s: the connection was accepted but no HTTP answer came (%v); whether plain HTTP redirects to HTTPS could not be seen: retry, or set the profile's plain_http to the address citizens reach",
		"GET %s: máy chủ nhận kết nối nhưng không trả lời HTTP (%v); chưa thấy được việc chuyển hướng sang HTTPS: hãy thử lại, hoặc đặt `plain_http` của hồ sơ cổng thành địa chỉ công dân truy cập")
	mGetFailed = msg.New("tlsscan.redirect.get-failed",
		"GET %s: %v",
		"GET %s không thành công: %v")
	mNoRedirect = msg.New("tlsscan.redirect.none",
		"plain HTTP %s answers %d without redirecting to HTTPS",
		"HTTP thường %s trả về %d mà không chuyển hướng sang HTTPS")
	mGotNoLocation = msg.New("tlsscan.redirect.none.got", "%d, no Location", "%d, không có Location")
	mEndsPlain     = msg.New("tlsscan.redirect.ends-plain",
		"the redirect chain from %s ends on plain HTTP %s (%d): %s",
		"chuỗi chuyển hướng từ %s dừng ở HTTP thường %s (%d): %s")
	mBadLocation = msg.New("tlsscan.redirect.bad-location",
		"%s redirects to an unparsable Location %q",
		"%s chuyển hướng tới Location không phân tích được %q")
	mFirstNotHTTPS = msg.New("tlsscan.redirect.first-not-https",
		"plain HTTP %s first redirects to %s, not to HTTPS",
		"HTTP thường %s chuyển hướng đầu tiên tới %s, không phải HTTPS")
	mOtherHost = msg.New("tlsscan.redirect.other-host",
		"plain HTTP %s first redirects to another host %s; redirect to https://%s first so that its HSTS applies",
		"HTTP thường %s chuyển hướng đầu tiên sang máy chủ khác %s; hãy chuyển hướng tới https://%s trước để HSTS của máy chủ đó có hiệu lực")
	mTemporary = msg.New("tlsscan.redirect.temporary",
		"plain HTTP %s redirects to HTTPS with %d, a temporary redirect; the requirement is a permanent one (301 or 308)",
		"HTTP thường %s chuyển hướng sang HTTPS bằng mã %d (tạm thời); yêu cầu là chuyển hướng vĩnh viễn (301 hoặc 308)")
	mGotStatusTo      = msg.New("tlsscan.redirect.temporary.got", "%d → %s", "%d → %s")
	mWantPermanentTLS = msg.New("tlsscan.redirect.temporary.want",
		"301 or 308 to https:// on the same host",
		"301 hoặc 308 tới https:// trên cùng máy chủ")
	mRedirectOK = msg.New("tlsscan.redirect.ok",
		"plain HTTP redirects to HTTPS: %s",
		"HTTP thường được chuyển hướng sang HTTPS: %s")

	// P06-SEC-03: protocol versions.
	mNoVersion = msg.New("tlsscan.versions.none-accepted",
		"%s accepted none of SSLv2, SSLv3, TLS 1.0 … 1.3 from hand-built ClientHellos; is it a TLS server?",
		"%s không chấp nhận phiên bản nào từ SSLv2, SSLv3, TLS 1.0 đến TLS 1.3 trong các ClientHello tự dựng; đây có phải máy chủ TLS không?")
	mLegacyVersions = msg.New("tlsscan.versions.legacy",
		"%s accepts %s (deprecated by RFC 8996); only TLS 1.2 and 1.3 may be accepted",
		"%s chấp nhận %s (đã lỗi thời theo RFC 8996); chỉ được chấp nhận TLS 1.2 và 1.3")
	mVersionsOK = msg.New("tlsscan.versions.ok",
		"%s accepts only %s; SSLv2, SSLv3, TLS 1.0 and TLS 1.1 are refused",
		"%s chỉ chấp nhận %s; SSLv2, SSLv3, TLS 1.0 và TLS 1.1 bị từ chối")
	mGotAccepts = msg.New("tlsscan.versions.got", "accepts %s", "chấp nhận %s")
	mWantModern = msg.New("tlsscan.versions.want", "only TLS 1.2 and/or TLS 1.3", "chỉ TLS 1.2 và/hoặc TLS 1.3")

	// P06-SEC-04: weak cipher suites.
	mTLS13OnlyOK = msg.New("tlsscan.weak.tls13-only",
		"%s accepts only TLS 1.3, whose cipher suites are all strong",
		"%s chỉ chấp nhận TLS 1.3, mọi bộ mã của phiên bản này đều mạnh")
	mNoVersionForSuites = msg.New("tlsscan.weak.no-version",
		"%s accepted no TLS version, so its cipher suites could not be probed",
		"%s không chấp nhận phiên bản TLS nào nên không dò được bộ mã")
	mProbeWeak = msg.New("tlsscan.weak.probe-failed",
		"probing weak cipher suites of %s: %v",
		"lỗi khi dò các bộ mã yếu của %s: %v")
	mWeakRefused = msg.New("tlsscan.weak.ok",
		"%s refused all %d weak cipher suites (RC4, 3DES, DES, NULL, anonymous, export) at %s",
		"%s từ chối cả %d bộ mã yếu (RC4, 3DES, DES, NULL, ẩn danh, export) ở %s")
	mGotNoWeak   = msg.New("tlsscan.weak.ok.got", "no weak suite accepted", "không chấp nhận bộ mã yếu nào")
	mWantNoWeak  = msg.New("tlsscan.weak.want", "no RC4, 3DES, DES, NULL, anonymous or export suite", "không có bộ mã RC4, 3DES, DES, NULL, ẩn danh hay export")
	mWeakAccepts = msg.New("tlsscan.weak.accepted",
		"%s accepts %d weak cipher suite(s): %s",
		"%s chấp nhận %d bộ mã yếu: %s")
	mWeakList  = msg.Verbatim
	mWeakSuite = msg.New("tlsscan.weak.suite", "%s (%s) at %s", "%s (%s) ở %s")
	// The weaknesses of a suite, by bit (weakNames).
	mWeakness = map[int]msg.Text{
		weakNULL:   msg.New("tlsscan.weak.kind.null", "NULL", "NULL"),
		weakAnon:   msg.New("tlsscan.weak.kind.anonymous", "anonymous", "ẩn danh"),
		weakExport: msg.New("tlsscan.weak.kind.export", "export", "export"),
		weakRC4:    msg.New("tlsscan.weak.kind.rc4", "RC4", "RC4"),
		weakDES:    msg.New("tlsscan.weak.kind.des", "DES", "DES"),
		weak3DES:   msg.New("tlsscan.weak.kind.3des", "3DES", "3DES"),
	}

	// P06-SEC-05: certificate expiry.
	mExpiring = msg.New("tlsscan.expiry.soon",
		"%s: %s; renew it at least %d days before expiry",
		"%s: %s; cần gia hạn trước khi hết hạn ít nhất %d ngày")
	mCertExpires = msg.New("tlsscan.expiry.expires",
		"%s %s expires %s (%d days left)",
		"%s %s hết hạn ngày %s (còn %d ngày)")
	mCertExpired = msg.New("tlsscan.expiry.expired",
		"%s %s expired %s",
		"%s %s đã hết hạn ngày %s")
	mRoleLeaf     = msg.New("tlsscan.expiry.leaf", "leaf", "chứng thư của máy chủ")
	mRoleChain    = msg.New("tlsscan.expiry.chain-cert", "chain certificate %d", "chứng thư thứ %d trong chuỗi")
	mWantDaysLeft = msg.New("tlsscan.expiry.want",
		"every certificate valid for at least %d more days",
		"mọi chứng thư còn hiệu lực ít nhất %d ngày nữa")
	mExpiryOK = msg.New("tlsscan.expiry.ok",
		"%s: the certificate %s expires %s, %d days from now",
		"%s: chứng thư %s hết hạn ngày %s, còn %d ngày")
	mDaysLeft = msg.New("tlsscan.expiry.days-left", "%d days left", "còn %d ngày")
)

// Evidence notes (scoring.Evidence.Noted); what the server sent (Outcome.Detail) stays as it is.
var (
	mNoteNoHTTPAnswer = msg.New("tlsscan.note.no-http-answer", "connection accepted, no HTTP answer: %v", "kết nối được chấp nhận, không có trả lời HTTP: %v")
	mNoteLeaf         = msg.New("tlsscan.note.leaf", "leaf %s issued by %s, valid %s – %s, SAN %s; %d certificate(s) presented", "chứng thư lá %s do %s cấp, hiệu lực %s – %s, SAN %s; máy chủ gửi %d chứng thư")
	mNoteAndRaw       = msg.New("tlsscan.note.and-raw", "%s; %s", "%s; %s")
	mNoteServerChose  = msg.New("tlsscan.note.server-chose", "server chose %s (%s)", "máy chủ chọn %s (%s)")
	mNoteRefusedWeak  = msg.New("tlsscan.note.refused-weak", "the server refused all %d weak suites offered", "máy chủ từ chối cả %d bộ mã yếu được đề nghị")
	mNoteExpires      = msg.New("tlsscan.note.expires", "%s %s expires %s", "%s %s hết hạn %s")
)

// Steps of a probe an error names (msg.Wrap).
var (
	mStepConnect  = msg.New("tlsscan.step.connect", "connecting to %s", "kết nối tới %s")
	mStepReadCert = msg.New("tlsscan.step.read-certificate", "reading the certificate after %s", "đọc chứng thư sau %s")
)

// What a probe saw (Outcome.Note) when the server sent nothing to quote, and the errors of the
// hand-built handshakes (msg.Error): a finding quotes them in its own language.
var (
	mSeenClosedSending  = msg.New("tlsscan.seen.closed-sending", "connection closed while sending the %s", "kết nối bị đóng khi đang gửi %s")
	mSeenClosed         = msg.New("tlsscan.seen.closed", "connection closed without an answer", "kết nối bị đóng mà không có trả lời")
	mSeenNoAnswer       = msg.New("tlsscan.seen.no-answer", "no answer within %s", "không có trả lời trong %s")
	mSeenTLSRecord      = msg.New("tlsscan.seen.tls-record", "answered with a TLS record", "trả lời bằng một bản ghi TLS")
	mSeenNotSSLv2       = msg.New("tlsscan.seen.not-sslv2", "not SSL 2.0 (first bytes %q)", "không phải SSL 2.0 (các byte đầu %q)")
	mSeenNotV2Hello     = msg.New("tlsscan.seen.not-sslv2-hello", "not an SSL 2.0 SERVER-HELLO", "không phải SERVER-HELLO của SSL 2.0")
	mSeenV2OtherVersion = msg.New("tlsscan.seen.sslv2-other-version", "SERVER-HELLO of another version", "SERVER-HELLO của phiên bản khác")
	mSeenV2NoCipher     = msg.New("tlsscan.seen.sslv2-no-cipher", "SSL 2.0 SERVER-HELLO with no cipher in common", "SERVER-HELLO SSL 2.0 không có bộ mã chung")
	mSeenV2Ciphers      = msg.New("tlsscan.seen.sslv2-ciphers", "SSL 2.0 SERVER-HELLO with %d cipher kind(s)", "SERVER-HELLO SSL 2.0 với %d loại bộ mã")
	mRawRead            = msg.New("tlsscan.note.raw-read", "Go's TLS client could not handshake (%v); the chain was read from a %s handshake with %s", "trình khách TLS của Go không bắt tay được (%v); chuỗi chứng thư được đọc từ một lần bắt tay %s với %s")
	mErrNotTLS          = msg.New("tlsscan.err.not-tls", "the reply is not TLS", "câu trả lời không phải TLS")
	mErrFirstNotHello   = msg.New("tlsscan.err.first-not-hello", "%v: first handshake message has type %d, not ServerHello", "%v: thông điệp bắt tay đầu tiên có kiểu %d, không phải ServerHello")
	mErrHandshakeSize   = msg.New("tlsscan.err.handshake-size", "%v: handshake message of %d bytes", "%v: thông điệp bắt tay dài %d byte")
	mErrCutShort        = msg.New("tlsscan.err.cut-short", "reply cut short after %d bytes: %v", "câu trả lời bị cắt sau %d byte: %v")
	mErrSSLv2Record     = msg.New("tlsscan.err.sslv2-record", "%v: an SSLv2 record", "%v: một bản ghi SSLv2")
	mErrRecordType      = msg.New("tlsscan.err.record-type", "%v: record type %d (first bytes %q)", "%v: kiểu bản ghi %d (các byte đầu %q)")
	mErrRecordVersion   = msg.New("tlsscan.err.record-version", "%v: record version 0x%02X%02X", "%v: phiên bản bản ghi 0x%02X%02X")
	mErrRecordLength    = msg.New("tlsscan.err.record-length", "%v: record length %d", "%v: độ dài bản ghi %d")
	mErrNoHandshake     = msg.New("tlsscan.err.no-handshake", "no complete handshake message in the first %d bytes", "không có thông điệp bắt tay hoàn chỉnh trong %d byte đầu")
	mErrReadingRecord   = msg.New("tlsscan.err.reading-record", "reading a %d-byte record: %v", "đọc bản ghi %d byte: %v")
	mErrBadAlert        = msg.New("tlsscan.err.bad-alert", "%v: malformed alert", "%v: thông điệp cảnh báo (alert) sai dạng")
	mErrAlertNoCert     = msg.New("tlsscan.err.alert-no-cert", "the server sent %s instead of its certificate", "máy chủ gửi %s thay vì chứng thư")
	mErrBadCertMsg      = msg.New("tlsscan.err.bad-certificate-message", "%v: malformed Certificate message", "%v: thông điệp Certificate sai dạng")
	mErrBadCertEntry    = msg.New("tlsscan.err.bad-certificate-entry", "%v: malformed certificate entry", "%v: mục chứng thư sai dạng")
	mErrCertEntrySize   = msg.New("tlsscan.err.certificate-entry-size", "%v: certificate entry of %d bytes", "%v: mục chứng thư dài %d byte")
	mErrEmptyChain      = msg.New("tlsscan.err.empty-chain", "the server sent an empty certificate chain", "máy chủ gửi chuỗi chứng thư rỗng")
	mErrNoCertMsg       = msg.New("tlsscan.err.no-certificate-message", "no Certificate message after the ServerHello (an anonymous suite?)", "không có thông điệp Certificate sau ServerHello (bộ mã ẩn danh?)")
	mErrBadServerHello  = msg.New("tlsscan.err.bad-server-hello", "%v: malformed ServerHello (%s)", "%v: ServerHello sai dạng (%s)")
	mErrHelloVersion    = msg.New("tlsscan.err.hello-version", "tlsscan: cannot build a ClientHello for version 0x%04X", "tlsscan: không dựng được ClientHello cho phiên bản 0x%04X")
	mErrHelloSuites     = msg.New("tlsscan.err.hello-suites", "tlsscan: a ClientHello needs 1 to 1000 cipher suites, got %d", "tlsscan: ClientHello cần từ 1 đến 1000 bộ mã, nhận được %d")
	mErrTLS13Cert       = msg.New("tlsscan.err.tls13-certificate", "TLS 1.3 encrypts the certificate: use Go's TLS client", "TLS 1.3 mã hoá chứng thư: hãy dùng trình khách TLS của Go")
	mErrHandshake       = msg.New("tlsscan.err.handshake", "TLS handshake with %s: %v", "bắt tay TLS với %s: %v")
	mErrNoCert          = msg.New("tlsscan.err.no-certificate", "TLS handshake with %s: the server sent no certificate", "bắt tay TLS với %s: máy chủ không gửi chứng thư")
	mErrCertParse       = msg.New("tlsscan.err.certificate-parse", "TLS handshake with %s: the server's certificate does not parse: %v", "bắt tay TLS với %s: không phân tích được chứng thư của máy chủ: %v")
	mErrNoCertAtAll     = msg.New("tlsscan.err.no-certificate-at-all", "TLS handshake with %s: %v; hand-built handshakes got no certificate either (%v)", "bắt tay TLS với %s: %v; các lần bắt tay tự dựng cũng không nhận được chứng thư (%v)")
	mAtVersion          = msg.New("tlsscan.at-version", "%s: %v", "%s: %v")
)

// mErrTooShort is a ServerHello shorter than its fixed fields (the other reasons name a field).
var mErrTooShort = msg.New("tlsscan.err.too-short", "too short", "quá ngắn")
