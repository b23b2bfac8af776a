package probe

import "github.com/p06kit/p06kit/harness/msg"

// Why a page was not drawn by the renderer (Page.RenderErr): the findings that say its content
// could not be judged quote these in their own language.
var (
	mRenderBudget    = msg.New("probe.render.budget", "not rendered: the render budget of %d pages (MaxPages) is spent", "không dựng trang: đã dùng hết hạn mức dựng %d trang (MaxPages)")
	mRendering       = msg.New("probe.render.step", "rendering %s", "dựng trang %s")
	mParsingRendered = msg.New("probe.render.parse", "parsing the rendered DOM of %s", "phân tích cây DOM đã dựng của %s")
	mStillEmpty      = msg.New("probe.render.still-empty", "%v: %v", "%v: %v")
	mRequest         = msg.New("probe.render.request", "request", "yêu cầu")
	mResAnswered     = msg.New("probe.render.answered", "%v %s answered %d", "%v %s trả về mã %d")
	mResNoAnswer     = msg.New("probe.render.no-answer", "%v %s got no answer", "%v %s không nhận được trả lời")
	mBlocked         = msg.New("probe.render.blocked", "blocked (another host): %v", "bị chặn (máy chủ khác): %v")
	mScriptError     = msg.New("probe.render.script-error", "no request failed and none was blocked, so a script error is likely (check the browser console)", "không yêu cầu nào lỗi hay bị chặn, nên nhiều khả năng mã JavaScript gặp lỗi (xem bảng điều khiển của trình duyệt)")
	mAndMore         = msg.New("probe.render.and-more", "and %d more", "và %d mục khác")
)
