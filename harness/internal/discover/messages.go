package discover

import "github.com/p06kit/p06kit/harness/msg"

// The family's messages (package msg): the steps of discovery an error names.
var (
	mCatalogueTooLarge  = msg.New("discover.catalogue-too-large", "procedure catalogue %s: larger than %d bytes", "danh mục thủ tục %s: lớn hơn %d byte")
	mStepFetchCatalogue = msg.New("discover.step.fetch-catalogue", "fetching the procedure catalogue", "tải danh mục thủ tục")

	// Why a sampled page was not judged (Found.SamplePages): its URL, then the reason.
	mSkipLoginOff  = msg.New("discover.skip.login-off-host", "%s (the login entry redirects to %s)", "%s (trang đăng nhập chuyển hướng tới %s)")
	mSkipError     = msg.New("discover.skip.error", "%s (%v)", "%s (%v)")
	mSkipOffHost   = msg.New("discover.skip.off-host", "%s (ends on another host: %s)", "%s (kết thúc ở máy chủ khác: %s)")
	mSkipStatus    = msg.New("discover.skip.status", "%s (status %d, %s)", "%s (mã trạng thái %d, %s)")
	mSkipShell     = msg.New("discover.skip.shell", "%s (rendered by JavaScript: %s; assess it with --render)", "%s (trang do JavaScript dựng: %s; đánh giá bằng --render)")
	mSkipShellLeft = msg.New("discover.skip.shell-rendered", "%s (rendered by JavaScript: %s; %s)", "%s (trang do JavaScript dựng: %s; %s)")
	mSkipFallback  = msg.New("discover.skip.fallback", "the same document answers %d different paths, as a single-page app's fallback does", "cùng một tài liệu trả lời %d đường dẫn khác nhau, như trang dự phòng của ứng dụng một trang")
)
