package discover

import "github.com/p06kit/p06kit/harness/msg"

// The family's messages (package msg): the steps of discovery an error names.
var (
	mCatalogueTooLarge = msg.New("discover.catalogue-too-large", "procedure catalogue %s: larger than %d bytes", "danh mục thủ tục %s: lớn hơn %d byte")
	// Why there is no procedure catalogue (check.ErrNoCatalogue, then the reason).
	mNoCatalogueStatus = msg.New("discover.no-catalogue.status", "%v: %s answers status %d", "%v: %s trả lời mã trạng thái %d")
	mNoCataloguePage   = msg.New("discover.no-catalogue.page", "%v: %s answers status %d, content type %q", "%v: %s trả lời mã trạng thái %d, kiểu nội dung %q")
	mNoCatalogueLink   = msg.New("discover.no-catalogue.link", "%v: the profile has neither procedures nor procedures_json and no link labelled %q or %q was found from the home page",
		"%v: hồ sơ cổng không khai báo procedures hay procedures_json, và từ trang chủ không tìm thấy liên kết nào có nhãn %q hoặc %q")
	// What discovery saw that a reader of the report should know (check.Resolved.Notes).
	mNoteStopped      = msg.New("discover.note.stopped", "discovery stopped: %v", "dò tìm dừng lại: %v")
	mNoteFetch        = msg.New("discover.note.fetch", "discovery could not fetch %s: %v", "không tải được %s khi dò tìm: %v")
	mNoteScriptHome   = msg.New("discover.note.script-home", "the home page %s shows %d links and runs scripts: pages a script renders cannot be discovered without a browser; configure the profile", "trang chủ %s chỉ có %d liên kết và chạy mã JavaScript: không dò tìm được các trang do mã JavaScript dựng nếu không có trình duyệt; hãy khai báo hồ sơ cổng (profile)")
	mNoteLookupNoForm = msg.New("discover.note.lookup-no-form", "status look-up page %s has no GET form with a dossier-code field", "trang tra cứu hồ sơ %s không có biểu mẫu GET với ô nhập mã hồ sơ")
	mNoteNextPage     = msg.New("discover.note.next-page", "procedure catalogue: could not read the next page %s", "danh mục thủ tục: không đọc được trang tiếp theo %s")
	mNotePages        = msg.New("discover.note.pages", "procedure catalogue: %d pages read", "danh mục thủ tục: đã đọc %d trang")
	mNoteCatalogue    = msg.New("discover.note.catalogue", "procedure catalogue %s (%s): %d procedures", "danh mục thủ tục %s (%s): %d thủ tục")

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
