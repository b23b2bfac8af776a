package check

import "github.com/p06kit/p06kit/harness/msg"

// The probe's sentinel errors. Errors returned by Session.Get, Page, Do and Fetch wrap one of
// these when a bound stopped the request, so checks can branch with errors.Is; their messages say
// what the portal did.
var (
	// ErrBodyTooLarge: the body exceeded Config.MaxBodyBytes. The Response is returned with the
	// first MaxBodyBytes and Truncated set.
	ErrBodyTooLarge = msg.Error(msg.New("check.err.body-too-large", "response body exceeds the size limit", "nội dung trả về vượt giới hạn kích thước"))
	// ErrHeaderTooLarge: the response headers exceeded Config.MaxHeaderBytes.
	ErrHeaderTooLarge = msg.Error(msg.New("check.err.header-too-large", "response headers exceed the size limit", "phần tiêu đề HTTP vượt giới hạn kích thước"))
	// ErrDecompressionBomb: the body expanded more than Config.MaxDecompressionRatio times.
	ErrDecompressionBomb = msg.Error(msg.New("check.err.decompression-bomb", "compressed body expands beyond the decompression ratio limit", "dữ liệu nén giãn nở vượt giới hạn tỷ lệ giải nén"))
	// ErrTooManyRedirects: the redirect chain exceeded Config.MaxRedirects.
	ErrTooManyRedirects = msg.Error(msg.New("check.err.too-many-redirects", "too many redirects", "chuyển hướng quá nhiều lần"))
	// ErrOffHostRedirect: a redirect led to a host that is neither the target's nor allowed.
	ErrOffHostRedirect = msg.Error(msg.New("check.err.off-host-redirect", "redirect to a host that is not allowed", "chuyển hướng tới một máy chủ không được phép"))
	// ErrRequestBudget: the session sent Config.MaxRequests requests already.
	ErrRequestBudget = msg.Error(msg.New("check.err.request-budget", "request budget of the session exhausted", "đã dùng hết số yêu cầu cho phép của phiên đánh giá"))
	// ErrUnreachable: the target could not be reached at all (no such host, connection refused,
	// no route, or the connection could not be opened in time).
	ErrUnreachable = msg.Error(msg.New("check.err.unreachable", "target unreachable", "không kết nối được tới cổng"))
	// ErrTimeout: the portal did not complete the response in time.
	ErrTimeout = msg.Error(msg.New("check.err.timeout", "timed out", "quá thời hạn"))
	// ErrBadEncoding: the body's Content-Encoding is unsupported or its data is corrupt.
	ErrBadEncoding = msg.Error(msg.New("check.err.bad-encoding", "bad content encoding", "mã hóa nội dung không hợp lệ"))
	// ErrOutOfScope is returned (wrapped) when a request would leave the scan's scope: the session
	// refused it before anything was sent.
	ErrOutOfScope = msg.Error(msg.New("check.err.out-of-scope", "request outside the scan's scope refused (not sent)", "yêu cầu nằm ngoài phạm vi đánh giá nên bị từ chối (không gửi)"))
	// ErrUnsafeMethod is returned when a request other than GET or HEAD is attempted while active
	// checks are disabled.
	ErrUnsafeMethod = msg.Error(msg.New("check.err.unsafe-method", "only GET and HEAD are allowed unless active checks are enabled", "chỉ được gửi GET và HEAD khi chưa bật kiểm tra chủ động"))
	// ErrNoCatalogue is returned by Session.Procedures when the portal shows no procedure catalogue:
	// none configured and none discovered, or the catalogue page or endpoint does not answer 200.
	ErrNoCatalogue = msg.Error(msg.New("check.err.no-catalogue", "no procedure catalogue", "không có danh mục thủ tục"))
)
