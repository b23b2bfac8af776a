package probe

import "github.com/p06kit/p06kit/harness/msg"

// The session's and the transport's errors: what the portal did, after the sentinel of package
// check they wrap (msg.Error keeps errors.Is working through them). A Go or system error they
// quote (a net error, a parser's) stays as it is, data.
var (
	// The request an error happened on: method, URL, then the error.
	mErrRequest = msg.New("probe.err.request", "%s %s: %v", "%s %s: %v")
	mErrAt      = msg.New("probe.err.at", "%s: %v", "%s: %v")
	mErrSlot    = msg.New("probe.err.slot", "%s %s: waiting for a request slot: %v", "%s %s: chờ lượt gửi yêu cầu: %v")
	mErrWaiting = msg.New("probe.err.waiting", "waiting for %s: %v", "chờ tải %s: %v")
	mErrPanic   = msg.New("probe.err.panic", "internal error fetching %s: %v", "lỗi nội bộ khi tải %s: %v")
	mErrBaseURL = msg.New("probe.err.base-url", "target: base URL %q is not an absolute http(s) URL", "đối tượng đánh giá: URL gốc %q không phải URL http(s) tuyệt đối")
	mErrBadURL  = msg.New("probe.err.bad-url", "bad URL %q: %v", "URL không hợp lệ %q: %v")
	mErrScheme  = msg.New("probe.err.bad-scheme", "bad URL %q: scheme %q is not http(s)", "URL không hợp lệ %q: lược đồ %q không phải http(s)")
	mErrCharset = msg.New("probe.err.charset", "%s: the page declares an unknown charset %q in its Content-Type",
		"%s: trang khai báo trong Content-Type một bộ mã ký tự không xác định, %q")
	mErrParse = msg.New("probe.err.parse", "%s: parsing the page as %s HTML: %v", "%s: phân tích trang như HTML mã %s: %v")
	mErrHome  = msg.New("probe.err.home-status", "%s %s: the home page answered HTTP %d %s", "%s %s: trang chủ trả lời HTTP %d %s")
	mErrDisco = msg.New("probe.err.discovering", "discovering the portal's pages: %v", "khám phá các trang của cổng: %v")
	mErrElse  = msg.New("probe.err.elsewhere", "%v (at %s, where the portal redirected)", "%v (tại %s, nơi cổng chuyển hướng tới)")

	// Redirects and scope.
	mErrRedirects   = msg.New("probe.err.redirects", "%v: stopped after %d redirects (last to %s)", "%v: dừng sau %d lần chuyển hướng (lần cuối tới %s)")
	mErrRedirScheme = msg.New("probe.err.redirect-scheme", "%v: redirect to scheme %q", "%v: chuyển hướng tới lược đồ %q")
	mErrRedirHost   = msg.New("probe.err.redirect-host", "%v: the portal redirected to %s, another host (not followed: allow it with AllowHosts)",
		"%v: cổng chuyển hướng tới %s, một máy chủ khác (không đi theo: cho phép máy chủ đó bằng AllowHosts)")
	mErrRefused = msg.New("probe.err.out-of-scope", "%v: %s %s: %s is not the target (%s) nor a host the run names",
		"%v: %s %s: %s không phải đối tượng đánh giá (%s) cũng không phải máy chủ mà lượt chạy nêu tên")
	mErrForbidden = msg.New("probe.err.forbidden-addr", "%v: connection to %s refused: a link-local or cloud metadata address the run does not name",
		"%v: từ chối kết nối tới %s: địa chỉ link-local hoặc địa chỉ metadata của đám mây mà lượt chạy không nêu tên")
	mErrRebinding = msg.New("probe.err.rebinding", "%v: connection to %s for %s refused: the name first resolved to a public address and now points inside the assessor's network (DNS rebinding)",
		"%v: từ chối kết nối tới %s cho %s: tên này lúc đầu phân giải ra địa chỉ công cộng, nay lại trỏ vào mạng nội bộ của bên đánh giá (DNS rebinding)")

	// Bounds.
	mErrBudget     = msg.New("probe.err.budget", "%v: %d requests sent", "%v: đã gửi %d yêu cầu")
	mErrHeaderSize = msg.New("probe.err.header-size", "%v: %d bytes of headers, limit %d", "%v: %d byte tiêu đề, giới hạn %d")
	mErrHeaders1xx = msg.New("probe.err.header-size-1xx", "%v: the portal sent more than %s of headers (1xx responses included)",
		"%v: cổng gửi hơn %s tiêu đề (kể cả các phản hồi 1xx)")
	mErrBodySize = msg.New("probe.err.body-size", "%v: more than %s", "%v: hơn %s")
	mErrWireSize = msg.New("probe.err.wire-size", "%v: more than %s on the wire", "%v: hơn %s trên đường truyền")
	mErrBomb     = msg.New("probe.err.bomb", "%v: %s of %s data expanded to more than %s (ratio limit %d)",
		"%v: %s dữ liệu %s giãn ra hơn %s (giới hạn tỷ lệ %d)")
	mErrNotGzip = msg.New("probe.err.not-gzip", "%v: Content-Encoding gzip but the body is not gzip data (%v)",
		"%v: Content-Encoding là gzip nhưng nội dung không phải dữ liệu gzip (%v)")
	mErrNotZlib = msg.New("probe.err.not-zlib", "%v: Content-Encoding deflate but the body is not zlib data (%v)",
		"%v: Content-Encoding là deflate nhưng nội dung không phải dữ liệu zlib (%v)")
	mErrNotOffered = msg.New("probe.err.not-offered", "%v: Content-Encoding %q was not offered (Accept-Encoding: gzip, deflate)",
		"%v: Content-Encoding %q không nằm trong các mã hóa đã đề nghị (Accept-Encoding: gzip, deflate)")
	mErrCorrupt = msg.New("probe.err.corrupt", "%v: corrupt %s data (%v)", "%v: dữ liệu %s bị hỏng (%v)")

	// Timeouts and the connection.
	mErrStopped = msg.New("probe.err.stopped-responding", "%s %s: %v: not sent, the portal stopped responding (the last %d requests timed out after %s each)",
		"%s %s: %v: không gửi, cổng đã ngừng trả lời (%d yêu cầu gần nhất đều quá thời hạn %s)")
	mErrNoConnect = msg.New("probe.err.no-connect", "%v: could not connect within %s (%v)", "%v: không mở được kết nối trong %s (%v)")
	mErrStalled   = msg.New("probe.err.stalled", "%v: the portal did not complete the response within %s; it stalled while %s",
		"%v: cổng không trả lời xong trong %s; cổng dừng lại khi đang %s")
	mErrCancelled   = msg.New("probe.err.cancelled", "request cancelled while %s: %v", "yêu cầu bị hủy khi đang %s: %v")
	mErrDNS         = msg.New("probe.err.dns", "%v: host %s not found in DNS (%v)", "%v: không tìm thấy máy chủ %s trong DNS (%v)")
	mErrRefusedConn = msg.New("probe.err.conn-refused", "%v: connection refused: nothing listens on the port",
		"%v: kết nối bị từ chối: không có dịch vụ nào lắng nghe trên cổng mạng (port) đó")
	mErrNoRoute = msg.New("probe.err.no-route", "%v: no route to the host", "%v: không có đường mạng tới máy chủ")
	mErrReset   = msg.New("probe.err.reset", "the portal reset the connection while %s", "cổng ngắt (reset) kết nối khi đang %s")
	mErrClosed  = msg.New("probe.err.closed", "the portal closed the connection while %s, before a complete response",
		"cổng đóng kết nối khi đang %s, trước khi gửi xong phản hồi")
	mErrMalformed = msg.New("probe.err.malformed", "the portal sent a malformed HTTP response (%v)", "cổng gửi phản hồi HTTP sai định dạng (%v)")
	mErrFraming   = msg.New("probe.err.framing", "the portal sent invalid framing headers (%v)", "cổng gửi tiêu đề phân khung (Content-Length, Transfer-Encoding) không hợp lệ (%v)")
	mErrWhile     = msg.New("probe.err.while", "while %s: %v", "khi đang %s: %v")

	// What the request was doing when it failed (stage.doing).
	mDoingResolve   = msg.New("probe.doing.resolve", "resolving the host", "phân giải tên máy chủ")
	mDoingConnect   = msg.New("probe.doing.connect", "connecting", "kết nối")
	mDoingHandshake = msg.New("probe.doing.handshake", "the TLS handshake (or sending the request)", "bắt tay TLS (hoặc gửi yêu cầu)")
	mDoingSend      = msg.New("probe.doing.send", "sending the request", "gửi yêu cầu")
	mDoingWait      = msg.New("probe.doing.wait", "waiting for the response headers", "chờ tiêu đề của phản hồi")
	mDoingHeaders   = msg.New("probe.doing.headers", "reading the response headers", "đọc tiêu đề của phản hồi")
	mDoingBody      = msg.New("probe.doing.body", "reading the response body", "đọc nội dung của phản hồi")

	// TLS.
	mErrCert      = msg.New("probe.err.tls-cert", "TLS: the portal's certificate is not valid: %v", "TLS: chứng thư số của cổng không hợp lệ: %v")
	mErrNotTLS    = msg.New("probe.err.tls-not-tls", "TLS: the portal did not answer with TLS (first bytes %q): is it plain HTTP?", "TLS: cổng không trả lời bằng TLS (các byte đầu %q): phải chăng đó là HTTP thường?")
	mErrAlert     = msg.New("probe.err.tls-alert", "TLS: the portal refused the handshake with alert %q", "TLS: cổng từ chối bắt tay TLS với cảnh báo %q")
	mErrPlainHTTP = msg.New("probe.err.tls-plain-http", "TLS: the portal did not answer with TLS: it answered plain HTTP on an https:// URL",
		"TLS: cổng không trả lời bằng TLS mà trả lời HTTP thường trên một địa chỉ https://")
	mCertSelfSigned = msg.New("probe.cert.self-signed", "self-signed certificate %q not trusted", "chứng thư tự ký %q không được tin cậy")
	mCertUnknownCA  = msg.New("probe.cert.unknown-ca", "signed by an unknown authority (chain not trusted)", "được ký bởi một tổ chức cấp chứng thư không xác định (chuỗi chứng thư không được tin cậy)")
	mCertHost       = msg.New("probe.cert.host", "not valid for host %s (%v)", "không hợp lệ cho máy chủ %s (%v)")
	mCertExpired    = msg.New("probe.cert.expired", "expired or not yet valid (%s)", "đã hết hạn hoặc chưa tới ngày hiệu lực (%s)")
)
