package a11y

import (
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
)

// The family's messages (package msg): the findings, what each criterion audits, the details of
// a violation and the advice of each rule.
var (
	// What each criterion audits, the first part of its finding.
	mWhatLang     = msg.New("a11y.what.lang", "language of the page", "ngôn ngữ của trang")
	mWhatTitle    = msg.New("a11y.what.title", "page title", "tiêu đề trang")
	mWhatAlt      = msg.New("a11y.what.alt", "text alternatives of images", "văn bản thay thế cho hình ảnh")
	mWhatLabels   = msg.New("a11y.what.labels", "labels of form controls", "nhãn của ô nhập liệu")
	mWhatNames    = msg.New("a11y.what.names", "names of links and buttons", "tên của liên kết và nút")
	mWhatHeadings = msg.New("a11y.what.headings", "heading structure", "cấu trúc tiêu đề")
	mWhatIDs      = msg.New("a11y.what.ids", "unique ids", "id không trùng lặp")

	// The finding of a criterion: what, counts, rules, the first violation, pages, advice, and
	// the pages not judged (pagejudge.Set.NotJudged).
	mPass = msg.New("a11y.criterion.pass",
		"%s: no violation on the %d pages audited%s",
		"%s: không có lỗi trên %d trang được kiểm tra%s")
	mFail = msg.New("a11y.criterion.fail",
		"%s: %d violations on %d of %d pages audited: %s. First: %s at %s. Pages: %s. Fix: %s%s",
		"%s: %d lỗi trên %d/%d trang được kiểm tra: %s. Lỗi đầu tiên: %s tại %s. Trang: %s. Khắc phục: %s%s")
	mGot  = msg.New("a11y.criterion.got", "%d violations", "%d lỗi")
	mWant = msg.New("a11y.criterion.want", "no violation of %s", "không vi phạm quy tắc nào trong %s")
	// mViolation is one violation: rule, WCAG success criterion, detail, advice, help URL.
	mViolation = msg.New("a11y.violation", "%s (WCAG %s): %s — %s (%s)", "%s (WCAG %s): %s — %s (%s)")
	// The detail of a violation.
	dNoLang          = msg.New("a11y.detail.no-lang", "<html> has no lang attribute", "thẻ <html> không có thuộc tính lang")
	dLangInvalid     = msg.New("a11y.detail.lang-invalid", "lang=%q is not a valid language tag", "lang=%q không phải mã ngôn ngữ hợp lệ")
	dXMLLangInvalid  = msg.New("a11y.detail.xml-lang-invalid", "xml:lang=%q is not a valid language tag", "xml:lang=%q không phải mã ngôn ngữ hợp lệ")
	dLangNotVietnam  = msg.New("a11y.detail.lang-not-vi", "the page is in Vietnamese but declares lang=%q", "trang viết bằng tiếng Việt nhưng khai báo lang=%q")
	dNoTitle         = msg.New("a11y.detail.no-title", "the page has no <title>", "trang không có thẻ <title>")
	dEmptyTitle      = msg.New("a11y.detail.empty-title", "the <title> is empty", "thẻ <title> trống")
	dBlankAlt        = msg.New("a11y.detail.blank-alt", `the image's alt is only white space: use alt="" for a decorative image`, "alt của ảnh chỉ có khoảng trắng: dùng `alt=\"\"` cho ảnh trang trí")
	dMeaninglessAlt  = msg.New("a11y.detail.meaningless-alt", "the alt %q is %s, not a text alternative", "alt %q là %s, không phải văn bản thay thế")
	dNoAlt           = msg.New("a11y.detail.no-alt", "the image has no alt attribute", "ảnh không có thuộc tính alt")
	dInputImage      = msg.New("a11y.detail.input-image", "the image button has no text alternative", "nút hình ảnh không có văn bản thay thế")
	dArea            = msg.New("a11y.detail.area", "the image-map area has no text alternative", "vùng của bản đồ ảnh không có văn bản thay thế")
	dRoleImg         = msg.New("a11y.detail.role-img", `the role="img" element has no text alternative`, `phần tử role="img" không có văn bản thay thế`)
	dSVGImg          = msg.New("a11y.detail.svg-img", `the svg with role="img" has no text alternative`, `svg role="img" không có văn bản thay thế`)
	dPlaceholderOnly = msg.New("a11y.detail.placeholder-only",
		"the %s is named only by its placeholder %q, which is not a label and disappears as the citizen types",
		"%s chỉ được đặt tên bằng placeholder %q, vốn không phải là nhãn và biến mất khi công dân gõ")
	dTitleOnly = msg.New("a11y.detail.title-only",
		"the %s is named only by its title attribute %q, which is not a label (it shows only on hover)",
		"%s chỉ được đặt tên bằng thuộc tính title %q, vốn không phải là nhãn (chỉ hiện khi rê chuột)")
	dNoLabel     = msg.New("a11y.detail.no-label", "the %s has no label", "%s không có nhãn")
	dLink        = msg.New("a11y.detail.link", "the link has no discernible text", "liên kết không có nội dung chữ nhận biết được")
	dAriaCommand = msg.New("a11y.detail.aria-command", "the element with role=%q has no accessible name", "phần tử role=%q không có tên truy cập được")
	dButton      = msg.New("a11y.detail.button", "the button has no discernible text", "nút không có nội dung chữ nhận biết được")
	dInputButton = msg.New("a11y.detail.input-button", "the %s button has no discernible text", "nút %s không có nội dung chữ nhận biết được")
	dSkippedLvl  = msg.New("a11y.detail.heading-skipped", "h%d follows h%d: level %d is skipped", "h%d đứng sau h%d: bỏ qua cấp %d")
	dNoHeadings  = msg.New("a11y.detail.no-headings", "the page has no headings, so no h1", "trang không có tiêu đề nào, nên không có h1")
	dNoH1        = msg.New("a11y.detail.no-h1", "the page has no h1 (its first heading is h%d)", "trang không có h1 (tiêu đề đầu tiên là h%d)")
	dDuplicateID = msg.New("a11y.detail.duplicate-id", "id %q is used by %d elements", "id %q được dùng cho %d phần tử")
	// A control, in a detail: an input of a type, or another element by name.
	dControlInput   = msg.New("a11y.detail.control.input", "input of type %s", "ô input kiểu %s")
	dControlElement = msg.New("a11y.detail.control.element", "%s", "phần tử %s")
	// Why an alt is no text alternative, in dMeaninglessAlt.
	dWhyOwnFile = msg.New("a11y.detail.alt.own-file", "the image's file name", "tên tệp của chính ảnh")
	dWhyFile    = msg.New("a11y.detail.alt.file", "a file name", "một tên tệp")
	dWhyCamera  = msg.New("a11y.detail.alt.camera", "a camera file name", "tên tệp do máy ảnh đặt")
	dWhyGeneric = msg.New("a11y.detail.alt.generic", "a generic word", "một từ chung chung")

	// The advice of each rule (Rule.Advice).
	aHTMLHasLang = msg.New("a11y.advice.html-has-lang",
		`give <html> a lang attribute: lang="vi" for Vietnamese pages`,
		`khai báo thuộc tính lang cho thẻ <html>: lang="vi" với trang tiếng Việt`)
	aHTMLLangValid = msg.New("a11y.advice.html-lang-valid",
		`use a valid BCP 47 language tag: "vi", not "vn" (a country code)`,
		`dùng mã ngôn ngữ hợp lệ: "vi", không phải "vn" (mã quốc gia)`)
	aP06LangVietnamese = msg.New("a11y.advice.p06-lang-vi",
		`the page is in Vietnamese: declare lang="vi"`,
		`trang viết bằng tiếng Việt: khai báo lang="vi"`)
	aDocumentTitle = msg.New("a11y.advice.document-title",
		"give the page a <title> that names it and the portal",
		"đặt thẻ <title> nêu tên trang và tên cổng")
	aImageAlt = msg.New("a11y.advice.image-alt",
		`give the image an alt text that says what it shows, or alt="" if it is decorative`,
		`bổ sung thuộc tính alt mô tả nội dung ảnh, hoặc alt="" nếu ảnh chỉ để trang trí`)
	aP06AltMeaningful = msg.New("a11y.advice.p06-alt-meaningful",
		`replace the file name or generic word in alt with what the image shows or does, or use alt="" if it is decorative`,
		`thay tên tệp hoặc từ chung chung trong alt bằng nội dung ảnh thể hiện hoặc chức năng của ảnh, hoặc dùng alt="" nếu ảnh chỉ để trang trí`)
	aInputImageAlt = msg.New("a11y.advice.input-image-alt",
		"give the image button an alt text that says what it does",
		"bổ sung alt mô tả chức năng của nút hình ảnh")
	aAreaAlt = msg.New("a11y.advice.area-alt",
		"give each image-map area an alt text",
		"bổ sung alt cho từng vùng của bản đồ ảnh")
	aRoleImgAlt = msg.New("a11y.advice.role-img-alt",
		`give the role="img" element an aria-label or aria-labelledby`,
		`bổ sung aria-label hoặc aria-labelledby cho phần tử role="img"`)
	aSVGImgAlt = msg.New("a11y.advice.svg-img-alt",
		`give the svg with role="img" a <title>, aria-label or aria-labelledby`,
		`bổ sung <title>, aria-label hoặc aria-labelledby cho svg role="img"`)
	aLabel = msg.New("a11y.advice.label",
		`label the control: <label for="id">, a wrapping <label>, aria-label or aria-labelledby`,
		"gắn nhãn cho ô nhập: `<label for=\"id\">`, `<label>` bao quanh, aria-label hoặc aria-labelledby")
	aSelectName = msg.New("a11y.advice.select-name",
		"label the list box with <label for> or aria-label",
		"gắn nhãn cho danh sách chọn bằng `<label for>` hoặc aria-label")
	aP06LabelNotPlaceholder = msg.New("a11y.advice.p06-label-not-placeholder",
		`give the control a real label (<label for="id">, a wrapping <label>, aria-label or aria-labelledby); a placeholder or a title alone is not one`,
		"gắn nhãn thật cho ô nhập (`<label for=\"id\">`, `<label>` bao quanh, aria-label hoặc aria-labelledby); chỉ có placeholder hoặc title thì không phải là nhãn")
	aLinkName = msg.New("a11y.advice.link-name",
		"give the link text (or the alt of its image) that says where it goes",
		"bổ sung nội dung chữ (hoặc alt của ảnh) cho liên kết, nói rõ liên kết dẫn tới đâu")
	aButtonName = msg.New("a11y.advice.button-name",
		"give the button text or an aria-label that says what it does",
		"bổ sung chữ hoặc aria-label nói rõ chức năng của nút")
	aAriaCommandName = msg.New("a11y.advice.aria-command-name",
		"give the element with role link, button or menuitem text or an aria-label",
		"bổ sung chữ hoặc aria-label cho phần tử có vai trò liên kết, nút hoặc mục trình đơn")
	aInputButtonName = msg.New("a11y.advice.input-button-name",
		"give the input button a value that says what it does",
		"bổ sung thuộc tính value nói rõ chức năng của nút")
	aP06HeadingH1 = msg.New("a11y.advice.p06-heading-h1",
		"give the page an <h1> naming it",
		"bổ sung cho trang một thẻ <h1> nêu tên trang")
	aHeadingOrder = msg.New("a11y.advice.heading-order",
		"do not skip heading levels: follow an <h2> with <h3>, not <h4>",
		"không bỏ cấp tiêu đề: sau <h2> là <h3>, không phải <h4>")
	aDuplicateID = msg.New("a11y.advice.duplicate-id",
		"make every id unique in the page",
		"bảo đảm mỗi id chỉ xuất hiện một lần trong trang")

	// The steps a check names when it could not go on (check.FromError).
	mStepProfile = check.StepProfile
)
