package htmldoc

import "github.com/p06kit/p06kit/harness/msg"

// Why a page is a shell (ShellReason, PartialShellReason): the findings that say a page's content
// could not be judged quote these in their own language.
var (
	mShellMount = msg.New("htmldoc.shell.mount",
		"an empty %s, %d characters of text and scripts (%v)",
		"phần tử %s rỗng (nơi ứng dụng JavaScript vẽ nội dung), %d ký tự văn bản và mã JavaScript (%v)")
	mShellBare = msg.New("htmldoc.shell.bare",
		"%d characters of text, no form and %d links, and scripts (%v)",
		"%d ký tự văn bản, không có biểu mẫu, %d liên kết và mã JavaScript (%v)")
	mShellPartial = msg.New("htmldoc.shell.partial",
		"server-rendered header, menu and footer around an empty %s in the main content, %d characters of text there, and scripts (%v)",
		"đầu trang, trình đơn và chân trang do máy chủ tạo bao quanh phần tử %s rỗng ở vùng nội dung chính, ở đó có %d ký tự văn bản, và mã JavaScript (%v)")
	mInlineModule = msg.New("htmldoc.shell.inline-module", "an inline module", "một mô-đun viết ngay trong trang")
)
