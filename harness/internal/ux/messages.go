package ux

import (
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
)

// Words a page must show, quoted in both languages' messages.
const (
	addressPrompt    = "Địa chỉ: …"
	guidanceLabel    = "Hướng dẫn"
	faqLabel         = "Câu hỏi thường gặp"
	privacyLabel     = "Chính sách bảo mật"
	privateLabel     = "Quyền riêng tư"
	dataLabel        = "Bảo vệ dữ liệu cá nhân"
	personalDataWord = "dữ liệu cá nhân"
)

var (
	mItem       = msg.Verbatim
	mNoPagesGot = msg.New("ux.no-procedure-pages-got", "no procedure pages", "không có trang thủ tục")

	// P06-UX-01 (charset.go).
	mCharsetPass = msg.New("ux.charset.pass",
		"all %d pages examined declare UTF-8 and are valid UTF-8%s",
		"cả %d trang được kiểm tra đều khai báo và dùng đúng bảng mã UTF-8%s")
	mCharsetFail = msg.New("ux.charset.fail",
		"%d of %d pages do not declare or use UTF-8: %s%s",
		"%d/%d trang không khai báo hoặc không dùng UTF-8: %s%s")
	mCharsetGot  = msg.New("ux.charset.got", "%d pages not UTF-8", "%d trang không dùng UTF-8")
	mCharsetWant = msg.New("ux.charset.want",
		"UTF-8 declared (Content-Type charset or <meta charset>) and used",
		"khai báo (Content-Type charset hoặc <meta charset>) và dùng UTF-8")
	mCharsetHeader = msg.New("ux.charset.header", "Content-Type declares charset=%s", "Content-Type khai báo charset=%s")
	mCharsetMeta   = msg.New("ux.charset.meta", "<meta> declares charset %s", "thẻ <meta> khai báo bảng mã %s")
	mCharsetNone   = msg.New("ux.charset.none",
		"no charset declared (neither Content-Type nor <meta charset>)",
		"không khai báo bảng mã (Content-Type hoặc <meta charset>)")
	mCharsetInvalid = msg.New("ux.charset.invalid",
		"declares UTF-8 but byte %d is not valid UTF-8",
		"khai báo UTF-8 nhưng byte thứ %d không hợp lệ")

	// P06-UX-02 (nfc.go).
	mNFCPass = msg.New("ux.nfc.pass",
		"the text of all %d pages examined is Unicode NFC, with no legacy encoding%s",
		"văn bản của cả %d trang được kiểm tra đều là Unicode dựng sẵn (NFC), không dùng bảng mã cũ%s")
	mNFCFail = msg.New("ux.nfc.fail",
		"%d of %d pages have Vietnamese text that is not Unicode NFC: %s. Normalise text to NFC when storing and serving it%s",
		"%d/%d trang có văn bản tiếng Việt không ở dạng Unicode dựng sẵn (NFC): %s. Chuẩn hóa NFC khi lưu và hiển thị%s")
	mNFCGot        = msg.New("ux.nfc.got", "%d pages not NFC", "%d trang không ở dạng NFC")
	mNFCWant       = msg.New("ux.nfc.want", "Unicode NFC (TCVN 6909:2001)", "Unicode dựng sẵn NFC (TCVN 6909:2001)")
	mNFCDecomposed = msg.New("ux.nfc.decomposed",
		"%d decomposed combining marks (first in %q)",
		"%d dấu thanh, dấu phụ viết tách rời (Unicode tổ hợp, chưa chuẩn hóa NFC), đầu tiên ở %q")
	mNFCLegacy     = msg.New("ux.nfc.legacy", "legacy %s encoding: %s", "dùng bảng mã cũ %s: %s")
	mNFCFont       = msg.New("ux.nfc.legacy-font", "font %q on <%s>", "phông chữ %q ở thẻ <%s>")
	mNFCTCVN3Marks = msg.New("ux.nfc.tcvn3-marks",
		"%d characters such as ¸ µ ® Ö that TCVN3 text shows when read as Unicode",
		"%d ký tự như ¸ µ ® Ö mà văn bản TCVN3 hiện ra khi đọc như Unicode")
	mNFCVNIMarks = msg.New("ux.nfc.vni-marks",
		"%d characters such as ø û ï ä that VNI text shows when read as Unicode",
		"%d ký tự như ø û ï ä mà văn bản VNI hiện ra khi đọc như Unicode")
	mNFCNotUTF8 = msg.New("ux.nfc.not-utf8",
		"%s (the bytes are not UTF-8; read as Latin-1)",
		"%s (các byte không phải UTF-8; đọc như Latin-1)")

	// P06-UX-03 (viewport.go).
	mViewportPass = msg.New("ux.viewport.pass",
		"all %d pages examined declare a mobile viewport (width=device-width) that allows zoom%s",
		"cả %d trang được kiểm tra đều khai báo viewport cho thiết bị di động (width=device-width) và cho phép phóng to%s")
	mViewportFail = msg.New("ux.viewport.fail",
		"%d of %d pages lack a usable mobile viewport: %s. Use <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">%s",
		"%d/%d trang không có viewport phù hợp cho di động: %s. Dùng <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">%s")
	mViewportGot   = msg.New("ux.viewport.got", "%d pages without a usable viewport", "%d trang không có viewport phù hợp")
	mViewportWant  = msg.New("ux.viewport.want", "width=device-width, zoom allowed", "width=device-width, cho phép phóng to")
	mViewportNone  = msg.New("ux.viewport.none", "no <meta name=\"viewport\">", "không có thẻ <meta name=\"viewport\">")
	mViewportWidth = msg.New("ux.viewport.width",
		"viewport %q lacks width=device-width",
		"viewport %q thiếu width=device-width")
	mViewportNoZoom = msg.New("ux.viewport.no-zoom",
		"viewport %q disables zoom (user-scalable=%s)",
		"viewport %q chặn phóng to (user-scalable=%s)")
	mViewportZoomLimit = msg.New("ux.viewport.zoom-limit",
		"viewport %q limits zoom to maximum-scale=%s (< 2)",
		"viewport %q giới hạn phóng to maximum-scale=%s (< 2)")

	// P06-UX-04 (depth.go).
	mDepthNoPages = msg.New("ux.depth.no-pages",
		"no procedure page to look for: none configured (procedure_pages) and the catalogue links to none",
		"không có trang thủ tục nào để tìm: chưa cấu hình procedure_pages và danh mục không liên kết tới trang thủ tục")
	mDepthNoPagesWant = msg.New("ux.depth.no-pages-want",
		"every procedure page within 3 clicks of the home page",
		"mọi trang thủ tục cách trang chủ tối đa 3 lần nhấp")
	mDepthPass = msg.New("ux.depth.pass",
		"all %d procedure pages examined are reachable from the home page in at most %d clicks (deepest: %d)",
		"cả %d trang thủ tục được kiểm tra đều truy cập được từ trang chủ trong tối đa %d lần nhấp (sâu nhất: %d)")
	mDepthBudget = msg.New("ux.depth.budget",
		"the crawl stopped at its budget of %d pages before seeing every link within %d clicks; %d of %d procedure pages not reached yet: %s. Raise Config.MaxPages",
		"quá trình duyệt dừng ở giới hạn %d trang trước khi thấy mọi liên kết trong phạm vi %d lần nhấp; %d/%d trang thủ tục chưa tới được: %s. Tăng Config.MaxPages")
	mDepthFail = msg.New("ux.depth.fail",
		"%d of %d procedure pages are not reachable from the home page within %d clicks; %s. Link the catalogue from the home page and each procedure from the catalogue",
		"%d/%d trang thủ tục không truy cập được từ trang chủ trong %d lần nhấp; %s. Đặt liên kết tới danh mục trên trang chủ và tới từng thủ tục trong danh mục")
	mDepthClicks    = msg.New("ux.depth.clicks", "%s (%d clicks)", "%s (%d lần nhấp)")
	mDepthDeeper    = msg.New("ux.depth.deeper", "deeper: %s", "sâu hơn: %s")
	mDepthOverRun   = msg.New("ux.depth.budget-ran-out", "not reached before the crawl budget ran out: %s", "chưa tới được khi hết giới hạn duyệt: %s")
	mDepthUnreached = msg.New("ux.depth.unreached", "not reached within %d clicks: %s", "không tới được trong %d lần nhấp: %s")
	mDepthGot       = msg.New("ux.depth.got",
		"%d pages deeper than %d clicks or unreachable",
		"%d trang sâu hơn %d lần nhấp hoặc không tới được")
	mDepthWant = msg.New("ux.depth.want", "every procedure page within 3 clicks", "mọi trang thủ tục trong phạm vi 3 lần nhấp")

	// P06-UX-05 (search.go).
	mSearchNone = msg.New("ux.search.none",
		"no site search: none configured (search, a URL with {q}) and no search form (role=search, or an input named q, keyword, tukhoa…) found on the home page",
		"không có chức năng tìm kiếm: chưa cấu hình search (một URL chứa {q}) và không tìm thấy ô tìm kiếm (role=search, hoặc ô nhập tên q, keyword, tukhoa…) trên trang chủ")
	mSearchNoneGot  = msg.New("ux.search.none-got", "no search", "không có tìm kiếm")
	mSearchNoneWant = msg.New("ux.search.none-want",
		"a site search that finds procedures by name",
		"chức năng tìm kiếm tìm được thủ tục theo tên")
	mSearchNothing = msg.New("ux.search.nothing",
		"the catalogue has no procedure with a name and a page to search for",
		"danh mục không có thủ tục nào có tên và trang để tìm kiếm")
	mSearchNothingGot  = msg.New("ux.search.nothing-got", "nothing to search for", "không có gì để tìm")
	mSearchNothingWant = msg.New("ux.search.nothing-want", "procedures found by name", "tìm được thủ tục theo tên")
	mSearchStatus      = msg.New("ux.search.status", "%q: status %d", "%q: mã trạng thái %d")
	mSearchNoLink      = msg.New("ux.search.no-link",
		"%q: the results do not link to %s",
		"%q: kết quả không có liên kết tới %s")
	mSearchPlain    = msg.New("ux.search.plain", "; also without diacritics", "; tìm được cả khi gõ không dấu")
	mSearchNotPlain = msg.New("ux.search.not-plain",
		"; typed without diacritics (%q) it is not found, which users often do",
		"; gõ không dấu (%q) thì không tìm thấy, trong khi người dùng thường gõ như vậy")
	mSearchFail = msg.New("ux.search.fail",
		"site search misses %d of %d procedures searched by name: %s",
		"tìm kiếm không tìm thấy %d/%d thủ tục theo tên: %s")
	mSearchFailGot  = msg.New("ux.search.fail-got", "%d of %d not found", "không tìm thấy %d/%d thủ tục")
	mSearchFailWant = msg.New("ux.search.fail-want", "every procedure found by its name", "mọi thủ tục đều tìm được theo tên")
	mSearchPass     = msg.New("ux.search.pass",
		"site search finds all %d procedures searched by name%s",
		"tìm kiếm tìm thấy cả %d thủ tục theo tên%s")

	// P06-UX-06 (indexable.go).
	mIndexNoPages = msg.New("ux.indexable.no-pages",
		"no procedure page to examine: none configured (procedure_pages) and the catalogue links to none",
		"không có trang thủ tục nào để kiểm tra: chưa cấu hình procedure_pages và danh mục không liên kết tới trang thủ tục")
	mIndexNoPagesWant = msg.New("ux.indexable.no-pages-want",
		"procedure pages indexable and in the sitemap",
		"trang thủ tục được máy tìm kiếm lập chỉ mục và có trong sitemap")
	mIndexRobotsStatus = msg.New("ux.indexable.robots-status",
		"robots.txt answers status %d, which crawlers take as \"disallow everything\" (RFC 9309 §2.3.1.4)",
		"robots.txt trả về mã %d, máy tìm kiếm coi như cấm toàn bộ (RFC 9309 §2.3.1.4)")
	mIndexDisallowed = msg.New("ux.indexable.disallowed",
		"robots.txt disallows %s for %s",
		"robots.txt cấm %[2]s truy cập %[1]s")
	mIndexRobotsTag = msg.New("ux.indexable.x-robots-tag", "%s sends X-Robots-Tag: %s", "%s gửi X-Robots-Tag: %s")
	mIndexMeta      = msg.New("ux.indexable.meta-noindex", "%s has %s", "%s có %s")
	mIndexNoSitemap = msg.New("ux.indexable.no-sitemap", "no sitemap: %s", "không có sơ đồ trang (sitemap): %s")
	mIndexUnlisted  = msg.New("ux.indexable.unlisted",
		"the sitemap (%s) does not list %d of %d procedure pages: %s",
		"sitemap (%s) thiếu %d/%d trang thủ tục: %s")
	mIndexFail = msg.New("ux.indexable.fail",
		"procedure pages are not fully indexable: %s",
		"trang thủ tục chưa sẵn sàng cho máy tìm kiếm: %s")
	mIndexFailGot  = msg.New("ux.indexable.fail-got", "%d problems", "%d vấn đề")
	mIndexFailWant = msg.New("ux.indexable.fail-want",
		"procedure pages crawlable, without noindex, listed in a sitemap",
		"trang thủ tục cho phép máy tìm kiếm truy cập, không có noindex, có trong sitemap")
	mIndexPass = msg.New("ux.indexable.pass",
		"all %d procedure pages examined are allowed by robots.txt, carry no noindex and are listed in the sitemap (%s)",
		"cả %d trang thủ tục được kiểm tra đều được robots.txt cho phép, không có noindex và có trong sitemap (%s)")
	mSitemapStatus = msg.New("ux.indexable.sitemap-status", "%s answers status %d", "%s trả về mã %d")
	mSitemapError  = msg.New("ux.indexable.sitemap-error", "%s: %v", "%s: %v")
	mSitemapFailed = msg.New("ux.indexable.sitemap-failed", "%s: %s", "%s: %s")
	mSitemapRead   = msg.New("ux.indexable.sitemap-read", "%d URLs from %s", "%d URL từ %s")

	// P06-UX-07 (ttfb.go).
	mTTFBNone = msg.New("ux.ttfb.none", "no page to time%s", "không có trang nào để đo thời gian phản hồi%s")
	mTTFBFail = msg.New("ux.ttfb.fail",
		"p95 time to first byte is %s over %d requests to %d pages, above the budget of %s; slow pages: %s%s",
		"thời gian phản hồi byte đầu tiên (p95) là %s qua %d lượt truy cập %d trang, vượt ngưỡng %s; trang chậm: %s%s")
	mTTFBPass = msg.New("ux.ttfb.pass",
		"p95 time to first byte is %s over %d requests to %d pages, within the budget of %s%s",
		"thời gian phản hồi byte đầu tiên (p95) là %s qua %d lượt truy cập %d trang, trong ngưỡng %s%s")
	mTTFBNote = msg.New("ux.ttfb.note",
		"%d requests over %d pages (%d sent by this check with Cache-Control: no-cache, %d the GETs other checks sent the same pages); p50 %s, p95 %s, max %s; slowest page %s (p95 %s)",
		"%d lượt truy cập %d trang (%d do phép kiểm tra này gửi với Cache-Control: no-cache, %d là các lượt GET phép kiểm tra khác đã gửi tới cùng trang); p50 %s, p95 %s, lâu nhất %s; trang chậm nhất %s (p95 %s)")

	// P06-UX-08 (weight.go).
	mWeightRendered = msg.New("ux.weight.rendered",
		"%s weighs %d B as rendered (%d responses the browser received)",
		"%s nặng %d byte khi hiển thị (%d phản hồi trình duyệt nhận)")
	mWeightAtLeast = msg.New("ux.weight.at-least-item",
		"%s weighs at least %d B (a response exceeds the body bound of %d B)",
		"%s nặng ít nhất %d byte (một phản hồi vượt giới hạn %d byte)")
	mWeightLowerBound = msg.New("ux.weight.lower-bound", "at least ", "ít nhất ")
	mWeightHeavy      = msg.New("ux.weight.heavy",
		"%s weighs %s%d B (HTML %d B + %d resources; largest: %s)",
		"%s nặng %s%d byte (HTML %d byte + %d tài nguyên; lớn nhất: %s)")
	mWeightFail = msg.New("ux.weight.fail",
		"%d of %d pages weigh more than the budget of %d bytes: %s%s",
		"%d/%d trang nặng hơn ngưỡng %d byte: %s%s")
	mWeightUnknown = msg.New("ux.weight.unknown",
		"%d of %d pages could not be weighed in full: %s; raise the body bound (MaxBodyBytes) or assess with --render, which counts what the browser receives%s",
		"%d/%d trang không đo được đầy đủ: %s; tăng giới hạn kích thước (MaxBodyBytes) hoặc đánh giá với --render, cách này tính mọi thứ trình duyệt nhận%s")
	mWeightPass = msg.New("ux.weight.pass",
		"all %d pages weighed are within the budget of %d bytes (heaviest: %s, %d B)%s",
		"cả %d trang được đo đều trong ngưỡng %d byte (nặng nhất: %s, %d byte)%s")
	mWeightGot  = msg.New("ux.weight.got", "heaviest %d B", "nặng nhất %d byte")
	mWeightWant = msg.New("ux.weight.want", "≤ %d B per page", "≤ %d byte mỗi trang")

	// P06-UX-09 (privacy.go).
	mPrivacyNone = msg.New("ux.privacy.none",
		"no privacy notice: none configured (privacy) and no link labelled %q, %q or %q found",
		"không có chính sách bảo vệ dữ liệu cá nhân: chưa cấu hình privacy và không tìm thấy liên kết %q, %q hay %q")
	mPrivacyNoneGot  = msg.New("ux.privacy.none-got", "no privacy notice", "không có chính sách bảo mật")
	mPrivacyNoneWant = msg.New("ux.privacy.none-want",
		"a privacy notice (Decree 13/2023) linked from every page",
		"chính sách bảo vệ dữ liệu cá nhân (Nghị định 13/2023) được liên kết từ mọi trang")
	mPrivacyStatus = msg.New("ux.privacy.status",
		"the privacy notice %s answers status %d",
		"trang chính sách bảo mật %s trả về mã %d")
	mPrivacyStatusGot  = msg.New("ux.privacy.status-got", "status %d", "mã trạng thái %d")
	mPrivacyStatusWant = msg.New("ux.privacy.status-want", "a privacy notice page", "trang chính sách bảo mật")
	mPrivacyOffTopic   = msg.New("ux.privacy.off-topic",
		"the privacy notice %s does not speak of personal data (%s, Decree 13/2023)",
		"trang %s không đề cập tới %s (Nghị định 13/2023)")
	mPrivacyOffTopicGot  = msg.New("ux.privacy.off-topic-got", "no personal-data notice", "không có nội dung về dữ liệu cá nhân")
	mPrivacyOffTopicWant = msg.New("ux.privacy.off-topic-want",
		"a notice on the processing of personal data",
		"thông báo về việc xử lý dữ liệu cá nhân")
	mPrivacyFail = msg.New("ux.privacy.fail",
		"%d of %d pages do not link to the privacy notice %s: %s%s",
		"%d/%d trang không có liên kết tới chính sách bảo mật %s: %s%s")
	mPrivacyFailGot  = msg.New("ux.privacy.fail-got", "%d pages without the link", "%d trang không có liên kết")
	mPrivacyFailWant = msg.New("ux.privacy.fail-want",
		"the privacy notice linked from every page",
		"chính sách bảo mật được liên kết từ mọi trang")
	mPrivacyPass = msg.New("ux.privacy.pass",
		"every page examined (%d) links to the privacy notice %s%s",
		"cả %d trang được kiểm tra đều liên kết tới chính sách bảo mật %s%s")

	// P06-UX-10 (contact.go).
	mContactNoneRead = msg.New("ux.contact.none-read",
		"neither the contact page nor the home page could be read",
		"không đọc được trang liên hệ và trang chủ")
	mContactBoth    = msg.New("ux.contact.both-pages", "%s and %s", "%s và %s")
	mContactPhone   = msg.New("ux.contact.phone", "a hotline or telephone number", "số điện thoại đường dây nóng")
	mContactAddress = msg.New("ux.contact.address",
		"an address (<address>, %q or after a map-marker icon)",
		"địa chỉ liên hệ (<address>, %q hoặc sau biểu tượng bản đồ)")
	mContactEmail    = msg.New("ux.contact.email", "an e-mail address", "địa chỉ thư điện tử")
	mContactGuidance = msg.New("ux.contact.guidance",
		"a link to user guidance (%q, %q)",
		"liên kết hướng dẫn sử dụng (%q, %q)")
	mContactFail    = msg.New("ux.contact.fail", "%s do not publish %s", "%s chưa công bố %s")
	mContactFailGot = msg.New("ux.contact.fail-got", "%d of 4 missing", "thiếu %d/4 mục")
	mContactWant    = msg.New("ux.contact.want",
		"hotline, address, e-mail and guidance published",
		"đã công bố đường dây nóng, địa chỉ, thư điện tử và hướng dẫn")
	mContactPass = msg.New("ux.contact.pass",
		"contact and guidance are published: telephone %s, address %q, e-mail %s, guidance %q",
		"đã công bố thông tin liên hệ và hướng dẫn: điện thoại %s, địa chỉ %q, thư điện tử %s, hướng dẫn %q")

	// The steps a check names when it could not go on (check.FromError).
	mStepProfile       = check.StepProfile
	mStepHome          = msg.New("ux.step.resolve-home", "resolving the home page", "xác định trang chủ")
	mStepFetch         = msg.New("ux.step.fetch", "fetching %s", "tải %s")
	mStepRobots        = msg.New("ux.step.fetch-robots", "fetching robots.txt", "tải `robots.txt`")
	mStepProcedurePage = msg.New("ux.step.fetch-procedure-page", "fetching procedure page %s", "tải trang thủ tục %s")
	mStepPrivacy       = msg.New("ux.step.fetch-privacy", "fetching the privacy notice", "tải trang chính sách bảo mật")
	mStepCatalogue     = msg.New("ux.step.read-catalogue", "reading the procedure catalogue", "đọc danh mục thủ tục")
	mStepSearch        = msg.New("ux.step.search", "searching for %s", "tìm kiếm %s")
	mStepTiming        = msg.New("ux.step.timing", "timing %s", "đo thời gian phản hồi của %s")
)

// Evidence notes (scoring.Evidence.Noted).
var (
	mNoteThirdParty     = msg.New("ux.note.third-party", "%s; blocked third-party hosts, not counted: %s", "%s; máy chủ bên thứ ba bị chặn, không tính: %s")
	mNoteCrawl          = msg.New("ux.note.crawl", "breadth-first crawl: %d pages read, %d links seen, every link within %d clicks seen", "duyệt theo chiều rộng: đã đọc %d trang, thấy %d liên kết, đã thấy mọi liên kết trong phạm vi %d lần nhấp")
	mNoteDiscoveryStart = msg.New("ux.note.discovery-start", "discovery started here; procedures: %s, procedure pages: %s", "việc dò tìm bắt đầu từ đây; thủ tục: %s, trang thủ tục: %s")
	mNoteDiscovery      = msg.New("ux.note.discovery", "discovery: %s", "dò tìm: %s")
)

// The sitemap parser's errors (msg.Error): a finding quotes them in its own language.
var (
	mErrSitemapGzip     = msg.New("ux.err.sitemap.gzip", "sitemap: gzip: %v", "sitemap: gzip: %v")
	mErrSitemapInflates = msg.New("ux.err.sitemap.inflates", "sitemap: inflates to more than %d bytes", "sitemap: giải nén ra hơn %d byte")
	mErrSitemapLine     = msg.New("ux.err.sitemap.line", "sitemap: line %d: %v", "sitemap: dòng %d: %v")
	mErrSitemapRoot     = msg.New("ux.err.sitemap.root", "sitemap: root element <%s>, want <urlset> or <sitemapindex>", "sitemap: phần tử gốc <%s>, cần <urlset> hoặc <sitemapindex>")
	mErrSitemapDeep     = msg.New("ux.err.sitemap.deep", "sitemap: nested deeper than 16 elements", "sitemap: lồng sâu hơn 16 phần tử")
	mErrSitemapEmpty    = msg.New("ux.err.sitemap.empty", "sitemap: no XML element", "sitemap: không có phần tử XML nào")
)
