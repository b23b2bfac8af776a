package service

import (
	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/msg"
)

// Words a page must show, quoted in both languages' messages.
const (
	levelWords    = "Toàn trình / Một phần / Trực tiếp"
	legacyLevel   = "Mức độ 3/4"
	currentLevels = "Toàn trình / Một phần"
	lookupLink    = "Tra cứu hồ sơ"
	notFoundText  = "Không tìm thấy hồ sơ"
	payWord       = "Thanh toán"
	feedbackWords = "phản ánh, kiến nghị"
	ratingWords   = "đánh giá mức độ hài lòng"
)

var (
	// Lists (list.go).
	mItem = msg.Verbatim
	mMore = msg.New("service.list.more", "and %d", "và %d")

	// The procedure catalogue (list.go), shared by SVC-01, -06, -07, -08.
	mNoCatalogue = msg.New("service.catalogue.none",
		"no procedure catalogue: %v",
		"không tìm thấy danh mục thủ tục hành chính: %v")
	mNoCatalogueGot  = msg.New("service.catalogue.none-got", "no catalogue", "không có danh mục")
	mNoCatalogueWant = msg.New("service.catalogue.none-want",
		"a catalogue of procedures with code and level",
		"danh mục thủ tục có mã và mức độ")
	mEmptyCatalogue = msg.New("service.catalogue.empty",
		"the procedure catalogue %s lists no procedures that the harness recognises (see package check: a code such as 1.000123 in each row, or data-ma-tthc)",
		"danh mục thủ tục %s không có thủ tục nào nhận diện được (mỗi dòng cần mã thủ tục, ví dụ 1.000123, hoặc thuộc tính data-ma-tthc)")
	mEmptyCatalogueGot  = msg.New("service.catalogue.empty-got", "0 procedures", "0 thủ tục")
	mEmptyCatalogueWant = msg.New("service.catalogue.empty-want",
		"every procedure listed with its code and level",
		"mọi thủ tục được liệt kê với mã và mức độ")

	// P06-SVC-01 (catalogue.go).
	mCatalogueNoCode  = msg.New("service.catalogue.item-no-code", "%q at %s: no code", "%q tại %s: không có mã")
	mCatalogueBadCode = msg.New("service.catalogue.item-bad-code",
		"%q at %s: code %q is not a procedure code",
		"%q tại %s: %q không phải mã thủ tục")
	mCatalogueAt   = msg.New("service.catalogue.item-at", "%s at %s", "%s tại %s")
	mCataloguePass = msg.New("service.catalogue.pass",
		"all %d procedures of the catalogue show a valid code and their level",
		"cả %d thủ tục trong danh mục đều có mã thủ tục hợp lệ và mức độ")
	mCatalogueFail     = msg.New("service.catalogue.fail", "%s", "%s")
	mCatalogueCodeless = msg.New("service.catalogue.codeless",
		"%d procedures without a valid code: %s.",
		"%d thủ tục không có mã hợp lệ: %s.")
	mCatalogueLevelless = msg.New("service.catalogue.levelless",
		"%d procedures without a level (%s): %s.",
		"%d thủ tục không ghi mức độ (%s): %s.")
	mCatalogueLegacy = msg.New("service.catalogue.legacy-level",
		"%d procedures show the level in the wording Decree 42/2022 replaced (%s) instead of %s: %s.",
		"%d thủ tục ghi mức độ theo cách cũ (%s) thay vì %s theo Nghị định 42/2022: %s.")
	mCatalogueGot = msg.New("service.catalogue.got",
		"%d of %d without a valid code, %d without a level, %d with the old level wording",
		"%d/%d thủ tục không có mã hợp lệ, %d không ghi mức độ, %d ghi mức độ theo cách cũ")
	mCatalogueWant = msg.New("service.catalogue.want",
		"every procedure with its code (e.g. 1.000123) and level",
		"mọi thủ tục có mã (ví dụ 1.000123) và mức độ")

	// P06-SVC-06 and -07: rates against their seed targets (catalogue.go).
	mRatePass = msg.New("service.rate.pass",
		"%[1]s %[2]s: %[1]s (%[3]d/%[4]d), target %[5]s%[6]s",
		"tỷ lệ %[2]s: %[1]s (%[3]d/%[4]d), chỉ tiêu %[5]s%[6]s")
	mRateFail = msg.New("service.rate.fail",
		"only %[1]s %[2]s: %[1]s (%[3]d/%[4]d), below the target %[5]s%[6]s. %[7]s: %[8]s",
		"tỷ lệ %[2]s chỉ đạt %[1]s (%[3]d/%[4]d), dưới chỉ tiêu %[5]s%[6]s. %[7]s: %[8]s")
	mRateUnstated = msg.New("service.rate.unstated",
		" (%d procedures show no level and count as not online)",
		" (%d thủ tục không ghi mức độ, được tính là chưa trực tuyến)")
	mRateOnline      = msg.New("service.rate.online", "procedures offered online", "thủ tục được cung cấp dịch vụ công trực tuyến")
	mRateOnlineShort = msg.New("service.rate.online-short", "not online", "chưa trực tuyến")
	mRateFull        = msg.New("service.rate.full-process", "online procedures that are full-process", "dịch vụ công trực tuyến toàn trình")
	mRateFullShort   = msg.New("service.rate.full-process-short", "partial", "một phần")
	mRateNoneOnline  = msg.New("service.rate.none-online",
		"the catalogue (%d procedures) offers no procedure online, so none is full-process",
		"danh mục (%d thủ tục) không có dịch vụ công trực tuyến nào, nên không có dịch vụ toàn trình")
	mRateNoneOnlineGot  = msg.New("service.rate.none-online-got", "0 online procedures", "0 thủ tục trực tuyến")
	mRateNoneOnlineWant = msg.New("service.rate.none-online-want",
		"≥ 80%% of online procedures full-process",
		"≥ 80%% dịch vụ công trực tuyến là toàn trình")

	// P06-SVC-02 (components.go): the components of Decree 63/2010 Art. 8(2), points (a)–(g).
	mComponentName     = msg.New("service.components.name", "(a) name", "(a) tên thủ tục")
	mComponentSequence = msg.New("service.components.sequence", "(b) sequence", "(b) trình tự thực hiện")
	mComponentMethod   = msg.New("service.components.method", "(c) method", "(c) cách thức thực hiện")
	mComponentDossier  = msg.New("service.components.dossier",
		"(d) dossier components and number of copies",
		"(d) thành phần, số lượng hồ sơ")
	mComponentTime     = msg.New("service.components.time-limit", "(dd) time limit", "(đ) thời hạn giải quyết")
	mComponentSubjects = msg.New("service.components.subjects", "(e) subjects", "(e) đối tượng thực hiện")
	mComponentAgency   = msg.New("service.components.agency", "(g) agency", "(g) cơ quan thực hiện")
	mComponentsNoPages = msg.New("service.components.no-pages",
		"no procedure page to examine: none configured (procedure_pages) and the catalogue links to none",
		"không có trang thủ tục nào để kiểm tra: chưa cấu hình procedure_pages và danh mục không liên kết tới trang thủ tục")
	mNoPagesGot        = msg.New("service.components.no-pages-got", "no procedure pages", "không có trang thủ tục")
	mComponentsWantAll = msg.New("service.components.want-each",
		"each procedure page with the components of Decree 63/2010 Art. 8(2)",
		"mỗi trang thủ tục có đủ thành phần theo Điều 8 khoản 2 Nghị định 63/2010")
	mComponentsNotHTML = msg.New("service.components.not-html",
		"%s: status %d, not an HTML page",
		"%s: mã trạng thái %d, không phải trang HTML")
	mComponentsLacks = msg.New("service.components.lacks", "%s lacks %s", "%s thiếu %s")
	mComponentsPass  = msg.New("service.components.pass",
		"all %d procedure pages examined show the name, sequence, method, dossier components, time limit, subjects and agency (Decree 63/2010 Art. 8(2))",
		"cả %d trang thủ tục được kiểm tra đều có đủ tên, trình tự, cách thức, thành phần hồ sơ, thời hạn, đối tượng và cơ quan thực hiện (Điều 8 khoản 2 Nghị định 63/2010)")
	mComponentsFail = msg.New("service.components.fail",
		"%d of %d procedure pages lack mandatory components as headings or labels: %s",
		"%d/%d trang thủ tục thiếu thành phần bắt buộc (tiêu đề hoặc nhãn): %s")
	mComponentsGot = msg.New("service.components.got",
		"%d of %d pages incomplete",
		"%d/%d trang thiếu thành phần")
	mComponentsWant = msg.New("service.components.want",
		"every page with components (a)–(g) of Decree 63/2010 Art. 8(2)",
		"mọi trang có đủ thành phần (a)–(g) theo Điều 8 khoản 2 Nghị định 63/2010")

	// P06-SVC-03 (lookup.go).
	mLookupNone = msg.New("service.lookup.none",
		"no dossier status look-up: none configured (status_lookup) and no link labelled %q or form with a dossier-code field was found",
		"không có chức năng tra cứu hồ sơ: chưa cấu hình status_lookup và không tìm thấy liên kết %q hay biểu mẫu nhập mã hồ sơ")
	mLookupNoneGot  = msg.New("service.lookup.none-got", "no look-up", "không có chức năng tra cứu")
	mLookupNoneWant = msg.New("service.lookup.none-want",
		"a look-up of dossier status by dossier code",
		"tra cứu trạng thái hồ sơ theo mã hồ sơ")
	mLookupNoForm = msg.New("service.lookup.no-form",
		"the status look-up page %s has no GET form with a dossier-code field; set status_lookup to a URL with {code} if it uses another mechanism",
		"trang tra cứu %s không có biểu mẫu (GET) nhập mã hồ sơ; nếu trang dùng cách khác, cấu hình status_lookup là một URL chứa {code}")
	mLookupNoFormGot  = msg.New("service.lookup.no-form-got", "no dossier-code form", "không có biểu mẫu nhập mã hồ sơ")
	mLookupNoFormWant = msg.New("service.lookup.no-form-want",
		"a form that looks a dossier up by its code",
		"biểu mẫu tra cứu hồ sơ theo mã")
	mLookupServerError = msg.New("service.lookup.unknown-server-error",
		"looking up an unknown dossier code gives status %d, an error page, instead of a clear \"not found\"",
		"tra cứu một mã hồ sơ không tồn tại trả về mã lỗi %d thay vì thông báo \"không tìm thấy\" rõ ràng")
	mLookupStatusGot    = msg.New("service.lookup.status-got", "status %d", "mã trạng thái %d")
	mLookupNotFoundWant = msg.New("service.lookup.not-found-want",
		"a clear \"not found\" message",
		"thông báo \"không tìm thấy\" rõ ràng")
	mLookupErrorPage = msg.New("service.lookup.unknown-error-page",
		"looking up an unknown dossier code (status %d) gives an error page (%q) instead of a clear \"not found\"",
		"tra cứu một mã hồ sơ không tồn tại (mã trạng thái %d) trả về trang lỗi (%q) thay vì thông báo \"không tìm thấy\"")
	mLookupErrorPageGot = msg.New("service.lookup.error-page-got", "an error page", "trang lỗi")
	mLookupNoNotFound   = msg.New("service.lookup.unknown-no-message",
		"looking up an unknown dossier code (status %d) shows no clear \"not found\" message (e.g. %q)",
		"tra cứu một mã hồ sơ không tồn tại (mã trạng thái %d) không hiển thị thông báo rõ ràng như %q")
	mLookupNoNotFoundGot = msg.New("service.lookup.no-message-got", "no not-found message", "không có thông báo không tìm thấy")
	mLookupNoSample      = msg.New("service.lookup.no-sample",
		"the status look-up answers an unknown code with a clear \"not found\", but whether it returns a dossier's status and appointment date without its owner's personal data needs a dossier: set sample_dossier in the profile",
		"tra cứu báo rõ \"không tìm thấy\" với mã không tồn tại, nhưng cần một hồ sơ mẫu để kiểm tra việc trả về trạng thái, ngày hẹn trả mà không lộ dữ liệu cá nhân: cấu hình sample_dossier")
	mLookupSampleMissing = msg.New("service.lookup.sample-not-shown",
		"looking up the sample dossier %s (status %d) does not show it",
		"tra cứu hồ sơ mẫu %s (mã trạng thái %d) không hiển thị hồ sơ")
	mLookupSampleMissingGot  = msg.New("service.lookup.sample-not-shown-got", "dossier not shown", "không hiển thị hồ sơ")
	mLookupSampleMissingWant = msg.New("service.lookup.sample-not-shown-want", "the dossier's status", "trạng thái của hồ sơ")
	mLookupPersonalData      = msg.New("service.lookup.personal-data",
		"the look-up of the sample dossier %s shows its owner's personal data to anyone who knows the dossier code: %s; show the status and appointment date only",
		"kết quả tra cứu hồ sơ mẫu %s hiển thị dữ liệu cá nhân của chủ hồ sơ cho bất kỳ ai biết mã hồ sơ: %s; chỉ hiển thị trạng thái và ngày hẹn trả")
	mLookupPersonalDataGot = msg.New("service.lookup.personal-data-got", "personal data shown", "hiển thị dữ liệu cá nhân")
	mLookupNoPersonalWant  = msg.New("service.lookup.no-personal-data-want",
		"status without the owner's personal data",
		"trạng thái hồ sơ, không kèm dữ liệu cá nhân của chủ hồ sơ")
	mLookupNameWithID = msg.New("service.lookup.name-with-id",
		"a full name (%s) with a %s number (%s)",
		"họ tên đầy đủ (%s) kèm số %s (%s)")
	mLookupMobile = msg.New("service.lookup.mobile", "a mobile number in full (%s)", "số điện thoại di động đầy đủ (%s)")
	mLookupPINs   = msg.New("service.lookup.pins",
		"the look-up of the sample dossier %s shows personal identification numbers to anyone who knows the dossier code: %s; show the status and appointment date without the owner's personal data",
		"kết quả tra cứu hồ sơ mẫu %s hiển thị số định danh cá nhân cho bất kỳ ai biết mã hồ sơ: %s; chỉ hiển thị trạng thái và ngày hẹn trả")
	mLookupPINsGot = msg.New("service.lookup.pins-got", "personal identification numbers shown", "hiển thị số định danh cá nhân")
	mLookupPass    = msg.New("service.lookup.pass",
		"the status look-up finds the sample dossier %s and answers an unknown code with a clear \"not found\"",
		"tra cứu tìm thấy hồ sơ mẫu %s và báo rõ \"không tìm thấy\" với mã không tồn tại")

	// P06-SVC-04 (payment.go).
	mPaymentNoPages = msg.New("service.payment.no-pages",
		"no procedure page to examine: none configured (procedure_pages) and the catalogue links to none",
		"không có trang thủ tục nào để kiểm tra: chưa cấu hình procedure_pages và danh mục không liên kết tới trang thủ tục")
	mPaymentWant = msg.New("service.payment.want",
		"fee-bearing procedures with online payment",
		"thủ tục có phí, lệ phí có thanh toán trực tuyến")
	mPaymentNoneRead = msg.New("service.payment.none-read",
		"none of the %d procedure pages examined answered 200 with HTML, so whether fee-bearing procedures offer online payment could not be seen (P06-SVC-02 reports the pages)",
		"không trang thủ tục nào trong %d trang trả về 200 với HTML nên chưa thấy được việc thanh toán trực tuyến (P06-SVC-02 nêu các trang này)")
	mPaymentNoFees = msg.New("service.payment.no-fees",
		"none of the %d procedure pages examined is of a fee-bearing procedure offered online",
		"không có thủ tục trực tuyến có phí, lệ phí trong %d trang thủ tục được kiểm tra")
	mPaymentFail = msg.New("service.payment.fail",
		"%d of %d fee-bearing procedures offer no online payment (no %q link, button or form): %s",
		"%d/%d thủ tục có phí, lệ phí không có chức năng thanh toán trực tuyến (không có liên kết, nút hay biểu mẫu %q): %s")
	mPaymentFailGot = msg.New("service.payment.fail-got",
		"%d without payment",
		"%d thủ tục không có thanh toán")
	mPaymentFailWant = msg.New("service.payment.fail-want",
		"online payment on every fee-bearing procedure",
		"thanh toán trực tuyến cho mọi thủ tục có phí, lệ phí")
	mPaymentPass = msg.New("service.payment.pass",
		"all %d fee-bearing procedures examined offer online payment",
		"cả %d thủ tục có phí, lệ phí được kiểm tra đều có thanh toán trực tuyến")

	// P06-SVC-05 (feedback.go).
	mFeedbackWhat = msg.New("service.feedback.feedback", "feedback / petitions (%s)", "%s")
	mRatingWhat   = msg.New("service.feedback.rating", "satisfaction rating (%s)", "%s")
	mFeedbackNone = msg.New("service.feedback.no-page",
		"no %s page found (profile field %s)",
		"không tìm thấy trang %s (trường %s của profile)")
	mFeedbackStatus = msg.New("service.feedback.status",
		"the %s page %s answers status %d",
		"trang %s %s trả về mã %d")
	mFeedbackSilent = msg.New("service.feedback.silent",
		"the %s page %s does not mention it",
		"trang %s %s không có nội dung tương ứng")
	mFeedbackNoForm = msg.New("service.feedback.no-form",
		"the %s page %s offers no form to use it online, nor a link to the national system",
		"trang %s %s không có biểu mẫu gửi trực tuyến hay liên kết tới hệ thống quốc gia")
	mFeedbackFail = msg.New("service.feedback.fail", "%s", "%s")
	mFeedbackGot  = msg.New("service.feedback.got", "%d of 2 missing", "thiếu %d/2 chức năng")
	mFeedbackWant = msg.New("service.feedback.want",
		"feedback / petitions and satisfaction rating offered",
		"có chức năng phản ánh, kiến nghị và đánh giá mức độ hài lòng")
	mFeedbackPass = msg.New("service.feedback.pass",
		"feedback / petitions (%s) and satisfaction rating (%s) are offered",
		"có chức năng phản ánh, kiến nghị (%s) và đánh giá mức độ hài lòng (%s)")

	// P06-SVC-08 (essential.go).
	mScopeMinistry = msg.New("service.essential.scope-ministry", "ministry", "bộ")
	mScopeProvince = msg.New("service.essential.scope-province", "province", "tỉnh")
	mScopeCommune  = msg.New("service.essential.scope-commune", "commune", "xã")
	mEssentialNone = msg.New("service.essential.none-in-scope",
		"no essential service is within the scope of this %s portal (its catalogue lists none of the 25)",
		"không có dịch vụ công thiết yếu nào thuộc phạm vi của cổng cấp %s này (danh mục không có dịch vụ nào trong số 25 dịch vụ)")
	mEssentialService = msg.New("service.essential.service", "#%d %s", "#%d %s")
	mEssentialLinked  = msg.New("service.essential.linked", "#%d → %s", "#%d → %s")
	mEssentialOffline = msg.New("service.essential.offline", "%s as %s, not online", "%s (%s) chưa trực tuyến")
	mEssentialVia     = msg.New("service.essential.via-links",
		" (%d through a link, not the catalogue: %s)",
		" (%d qua liên kết, không có trong danh mục: %s)")
	mEssentialPass = msg.New("service.essential.pass",
		"all %d essential services within a %s portal's scope are offered online%s",
		"cả %d dịch vụ công thiết yếu thuộc phạm vi cổng cấp %s đều được cung cấp trực tuyến%s")
	mEssentialFail = msg.New("service.essential.fail",
		"%d of %d essential services within a %s portal's scope are offered online.%s%s",
		"%d/%d dịch vụ công thiết yếu thuộc phạm vi cổng cấp %s được cung cấp trực tuyến.%s%s")
	mEssentialMissing = msg.New("service.essential.missing", " Not in the catalogue: %s.", " Không có trong danh mục: %s.")
	mEssentialListed  = msg.New("service.essential.listed-offline",
		" Listed but not online: %s.",
		" Có trong danh mục nhưng chưa trực tuyến: %s.")
	mEssentialGot  = msg.New("service.essential.got", "%d/%d online", "%d/%d trực tuyến")
	mEssentialWant = msg.New("service.essential.want",
		"every essential service within the portal's scope offered online",
		"mọi dịch vụ công thiết yếu thuộc phạm vi của cổng được cung cấp trực tuyến")

	// The steps a check names when it could not go on (check.FromError).
	mStepCatalogue     = msg.New("service.step.read-catalogue", "reading the procedure catalogue", "đọc danh mục thủ tục")
	mStepProcedurePage = msg.New("service.step.fetch-procedure-page", "fetching procedure page %s", "tải trang thủ tục %s")
	mStepFieldPage     = msg.New("service.step.fetch-field-page", "fetching the %s page", "tải trang %s")
	mStepLookupUnknown = msg.New("service.step.lookup-unknown", "looking up an unknown dossier", "tra cứu một mã hồ sơ không tồn tại")
	mStepLookupSample  = msg.New("service.step.lookup-sample", "looking up the sample dossier", "tra cứu hồ sơ mẫu")
)

// scopes name a level of government.
var scopes = map[criteria.Scope]msg.Text{criteria.Ministry: mScopeMinistry, criteria.Province: mScopeProvince, criteria.Commune: mScopeCommune}

// Evidence notes (scoring.Evidence.Noted).
var (
	mNoteMissing         = msg.New("service.note.missing", "missing: %s", "thiếu: %s")
	mNoteEssential       = msg.New("service.note.essential", "essential services: %s. %s", "dịch vụ thiết yếu: %s. %s")
	mNoteEssentialLinked = msg.New("service.note.essential-linked", "essential services: %s. %s Offered through a link rather than the catalogue: %s.", "dịch vụ thiết yếu: %s. %s Được cung cấp qua liên kết thay vì trong danh mục: %s.")
	mNoteCatalogueRead   = msg.New("service.note.catalogue-read", "%d procedures read from the %s catalogue", "đã đọc %d thủ tục từ danh mục %s")
	mNoteTarget          = msg.New("service.note.target", "target %s: threshold %s, measured %s; source: %s", "chỉ tiêu %s: ngưỡng %s, đo được %s; nguồn: %s")
)
