package main

import (
	"fmt"
	"io"

	"github.com/p06kit/p06kit/harness/msg"
)

// The command line's messages: every line p06 prints to a person (progress, summaries, errors),
// declared once with its English and Vietnamese text and rendered in the run's language
// (Vietnamese unless --lang en). Flag names, file names, URLs and the text of errors from the
// operating system are values, not words of a message.

// say prints m in lang on w, after the command's name ("p06 score: …").
func say(w io.Writer, cmd, lang string, m msg.Text, a ...any) {
	fmt.Fprintln(w, cmd+": "+m.Render(lang, inLang(a)...))
}

// Shared by the subcommands.
var (
	mUsage          = msg.New("cli.usage", "usage: %s", "cách dùng: %s")
	mNoURL          = msg.New("cli.usage.no-url", "no URL given\nusage: %s", "chưa cho địa chỉ nào\ncách dùng: %s")
	mFlagErr        = msg.New("cli.flag.error", "%s: %v", "%s: %v")
	mFlagLang       = msg.New("cli.flag.lang", "--lang %q: want vi or en", "--lang %q: cần vi hoặc en")
	mFlagGrading    = msg.New("cli.flag.grading", "--grading %q: want qd766 or qd473", "--grading %q: cần qd766 hoặc qd473")
	mFlagAtLeast1   = msg.New("cli.flag.at-least-one", "%s %d: must be at least 1", "%s %d: phải từ 1 trở lên")
	mFlagPositive   = msg.New("cli.flag.positive", "%s %s: must be positive", "%s %s: phải lớn hơn 0")
	mFlagWant       = msg.New("cli.flag.want", "%s %q: want %s", "%s %q: cần %s")
	mUnknownFormat  = msg.New("cli.flag.unknown-format", "unknown format %q (want %s)", "không có định dạng %q (cần %s)")
	mNotADate       = msg.New("cli.flag.not-a-date", "%s %q is not a date YYYY-MM-DD", "%s %q không phải ngày dạng YYYY-MM-DD")
	mNoPEM          = msg.New("cli.file.no-pem", "%s: no PEM certificate found", "%s: không có chứng thư PEM nào")
	mNotRegular     = msg.New("cli.file.not-regular", "%s: not a regular file", "%s: không phải tệp thông thường")
	mReading        = msg.New("cli.file.reading", "reading %s: %w", "đọc %s: %w")
	mTooLarge       = msg.New("cli.file.too-large", "%s: larger than %d MiB", "%s: lớn hơn %d MiB")
	mNotAbsURL      = msg.New("cli.scan.not-absolute", "%q is not an absolute http(s) URL", "%q không phải địa chỉ http(s) đầy đủ")
	mSeveralNeedOut = msg.New("cli.scan.several-need-out", "several URLs in format %s need --out DIR (one file per portal)",
		"nhiều địa chỉ với định dạng %s cần --out THƯ_MỤC (mỗi cổng một tệp)")
	mOr  = msg.New("cli.or", "%s or %s", "%s hoặc %s")
	mAnd = msg.New("cli.and", "%s and %s", "%s và %s")

	mOnlyUnknown = msg.New("cli.only.unknown", "--only %s: no criterion ID, group or tag of catalogue %s matches",
		"--only %s: không mã tiêu chí, nhóm hay nhãn nào của bộ %s khớp")

	mFileNotFound   = msg.New("cli.file.not-found", "%s: no such file or directory", "%s: không có tệp hay thư mục này")
	mFilePermission = msg.New("cli.file.permission", "%s: permission denied", "%s: không có quyền truy cập")
	mFileIsDir      = msg.New("cli.file.is-dir", "%s: is a directory", "%s: là thư mục, không phải tệp")

	mCatalogueNotFound = msg.New("cli.catalogue.not-found", "catalogue file %s: not found", "tệp bộ tiêu chí %s: không tìm thấy")
)

// p06 criteria.
var (
	mCriteriaNoneInForce = msg.New("cli.criteria.none-in-force", "no criterion of catalogue %s was in force on %s (the catalogue takes effect %s)",
		"không tiêu chí nào của bộ %s có hiệu lực vào ngày %s (bộ tiêu chí có hiệu lực từ %s)")
	mCriteriaNoGroup = msg.New("cli.criteria.no-group", "catalogue %s has no group %q (groups: %s)", "bộ tiêu chí %s không có nhóm %q (các nhóm: %s)")
	mCriteriaNoMatch = msg.New("cli.criteria.no-match", "no criterion of catalogue %s matches the selection (known tags: %s)",
		"không tiêu chí nào của bộ %s khớp với lựa chọn (các nhãn hiện có: %s)")
)

// p06 demo.
var (
	mDemoStarting = msg.New("cli.demo.starting",
		"starting the reference and broken portals with fakes of the national SSO, population database and PKI on 127.0.0.1…",
		"khởi động cổng tham chiếu và cổng lỗi cùng dịch vụ giả lập xác thực quốc gia, CSDL dân cư và PKI trên 127.0.0.1…")
	mDemoAssessing = msg.New("cli.demo.assessing", "assessing %s (%s), every automated and assisted check…",
		"đang đánh giá %s (%s), mọi phép kiểm tra tự động và bán tự động…")
	mDemoAssessed = msg.New("cli.demo.assessed", "%s assessed in %.1fs: score %.1f, grade %s, %d/%d mandatory criteria met",
		"đã đánh giá %s trong %.1fs: điểm %.1f, xếp loại %s, %d/%d tiêu chí bắt buộc đạt")
	mDemoWriting      = msg.New("cli.demo.writing", "writing the reports into %s…", "ghi báo cáo vào %s…")
	mDemoReference    = msg.New("cli.demo.portal.reference", "the reference portal", "cổng tham chiếu")
	mDemoBroken       = msg.New("cli.demo.portal.broken", "the broken portal", "cổng lỗi")
	mDemoFailedPortal = msg.New("cli.demo.portal-failed", "assessing %s: %v", "đánh giá %s: %v")
	mDemoWriteFailed  = msg.New("cli.demo.write-failed", "writing %s: %v", "ghi %s: %v")
	mDemoReports      = msg.New("cli.demo.reports", "Reports: %s (evidence file: %s)", "Báo cáo: %s (tệp minh chứng: %s)")
	mDemoRanIn        = msg.New("cli.demo.ran-in", "Both assessments ran in %.1fs. Open the HTML reports in a browser; compare the two with: %s",
		"Hai lần đánh giá chạy hết %.1fs. Mở báo cáo HTML bằng trình duyệt; so sánh hai báo cáo bằng lệnh: %s")

	mCardTitle      = msg.New("cli.demo.card.title", "Project 06 assessment", "Đánh giá Đề án 06")
	mCardReference  = msg.New("cli.demo.card.reference", "REFERENCE PORTAL", "CỔNG THAM CHIẾU")
	mCardBroken     = msg.New("cli.demo.card.broken", "BROKEN PORTAL", "CỔNG LỖI")
	mCardCompliance = msg.New("cli.demo.card.compliance", "Compliance (mandatory met)", "Tỷ lệ đáp ứng (bắt buộc)")
	mCardOverall    = msg.New("cli.demo.card.overall", "Overall score", "Điểm tổng")
	mCardGrade      = msg.New("cli.demo.card.grade", "Grade", "Xếp loại")
	mCardCaps       = msg.New("cli.demo.card.caps", "Grade caps", "Giới hạn xếp loại")
	mCardNone       = msg.New("cli.demo.card.none", "none", "không")
	mCardCapsN      = msg.New("cli.demo.card.caps-n", "%d (critical failures)", "%d (tiêu chí trọng yếu)")
	mCardNA         = msg.New("cli.demo.card.not-applicable", "n/a", "không áp dụng")
	mCardNotTested  = msg.New("cli.demo.card.not-tested", "not tested", "chưa kiểm tra")
	mCardCapsOf     = msg.New("cli.demo.card.caps-of", "Caps applied to the broken portal (a failed critical criterion caps the grade):",
		"Giới hạn xếp loại của cổng lỗi (tiêu chí trọng yếu không đạt):")
	mCardTop  = msg.New("cli.demo.card.top", "Top findings of the broken portal (%d failing)", "Các lỗi chính của cổng lỗi (%d không đạt)")
	mCardMore = msg.New("cli.demo.card.more", "… %d more in %s", "… %d lỗi khác trong %s")
	mCardSeen = msg.New("cli.demo.card.seen", "seen:", "thấy:")
	mCardFix  = msg.New("cli.demo.card.fix", "fix: ", "sửa: ")
)

// Statuses as the command line prints them.
var mStatus = map[string]msg.Text{
	"pass":           msg.New("cli.status.pass", "pass", "đạt"),
	"fail":           msg.New("cli.status.fail", "fail", "không đạt"),
	"error":          msg.New("cli.status.error", "error", "lỗi"),
	"not_applicable": msg.New("cli.status.not-applicable", "not applicable", "không áp dụng"),
	"not_tested":     msg.New("cli.status.not-tested", "not tested", "chưa kiểm tra"),
	"waived":         msg.New("cli.status.waived", "waived", "miễn trừ"),
	"attested":       msg.New("cli.status.attested", "attested", "có xác nhận"),
}

// statusWord is a status in lang (its ID when the command line has no word for it).
func statusWord(status, lang string) string {
	if m, ok := mStatus[status]; ok {
		return m.Render(lang)
	}
	return status
}

// Progress of p06 scan, survey and demo.
var (
	mLiveLine = msg.New("cli.progress.live", "%s: %d checks done (%d fail), %d/%d portals",
		"%s: đã xong %d phép kiểm tra (%d không đạt), %d/%d cổng")
	mScanDone = msg.New("cli.scan.done",
		"%s: score %.1f, grade %s, %d/%d mandatory met, %d/%d criteria assessed; %d pass, %d fail, %d error, %d not tested (%.1fs)",
		"%s: điểm %.1f, xếp loại %s, %d/%d tiêu chí bắt buộc đạt, đã đánh giá %d/%d tiêu chí; %d đạt, %d không đạt, %d lỗi, %d chưa kiểm tra (%.1fs)")
	mScanUnscored = msg.New("cli.scan.unscored",
		"%s: not scored and not graded (no criterion could be assessed), %d/%d criteria assessed; %d pass, %d fail, %d error, %d not tested (%.1fs)",
		"%s: không tính điểm, không xếp loại (chưa đánh giá được tiêu chí nào), đã đánh giá %d/%d tiêu chí; %d đạt, %d không đạt, %d lỗi, %d chưa kiểm tra (%.1fs)")
	mScanPartial = msg.New("cli.scan.partial",
		"%s: PARTIAL run of %d criteria (%s): %d/%d selected mandatory met; %d pass, %d fail, %d error, %d not tested; not scored, not graded (%.1fs)",
		"%s: ĐÁNH GIÁ MỘT PHẦN %d tiêu chí (%s): %d/%d tiêu chí bắt buộc được chọn đạt; %d đạt, %d không đạt, %d lỗi, %d chưa kiểm tra; không tính điểm, không xếp loại (%.1fs)")
	mSurveyStarted = msg.New("cli.survey.started", "[start %d/%d] %s: %s", "[bắt đầu %d/%d] %s: %s")
	mSurveyDone    = msg.New("cli.survey.done", "%s: %.1f%% (%d/%d mandatory met), score %.1f, %s (%.1fs)",
		"%s: %.1f%% (%d/%d tiêu chí bắt buộc đạt), điểm %.1f, %s (%.1fs)")
	mSurveyStored     = msg.New("cli.survey.from-report", " — from its report %s", " — từ báo cáo %s")
	mSurveyNotReached = msg.New("cli.survey.not-reached", " — NOT REACHED: %v", " — KHÔNG TRUY CẬP ĐƯỢC: %v")
	mSurveyUnreadable = msg.New("cli.survey.unreadable", " — HOME PAGE UNREADABLE, not graded: %v", " — KHÔNG ĐỌC ĐƯỢC TRANG CHỦ, không xếp loại: %v")
	mSurveySummary    = msg.New("cli.survey.summary",
		"%d portals, national rate %.1f%% (%d/%d mandatory met), %d fully compliant, %d not reached or unreadable",
		"%d cổng, tỷ lệ đáp ứng toàn quốc %.1f%% (%d/%d tiêu chí bắt buộc đạt), %d đáp ứng đầy đủ, %d không truy cập hoặc không đọc được")
	mSurveyIncomplete = msg.New("cli.survey.incomplete",
		"%d portal(s) could not be fully processed (interrupted, a harness failure or a report not written; see above): the figures are incomplete",
		"%d cổng chưa xử lý trọn vẹn (bị ngắt, công cụ gặp sự cố hoặc không ghi được báo cáo; xem ở trên): số liệu chưa đầy đủ")
	mSurveyNoReport    = msg.New("cli.survey.no-report", "the harness returned no report", "công cụ không trả về báo cáo")
	mSurveyInterrupted = msg.New("cli.survey.interrupted", "interrupted: %w", "bị ngắt: %w")
	mSurveyTimeout     = msg.New("cli.survey.timeout",
		"the assessment did not finish within --timeout %s: checks still running were cut short and count as errors",
		"đánh giá chưa xong trong --timeout %s: các phép kiểm tra còn đang chạy bị dừng và tính là lỗi")
	mSurveyOneFile = msg.New("cli.survey.one-file", "want exactly one FILE of portals, got %d\nusage: %s",
		"cần đúng một TỆP danh sách cổng, nhận được %d\ncách dùng: %s")
	mSurveyStaleOnly = msg.New("cli.survey.stale-only", "%s (%s): report: --only cannot narrow a stored report; survey it without --only",
		"%s (%s): báo cáo: --only không thu hẹp được báo cáo đã lưu; hãy khảo sát cổng này không dùng --only")
	mSurveyStaleCatalogue = msg.New("cli.survey.stale-catalogue", "%s (%s): report: %s is scored against %s %s, the survey uses %s %s",
		"%s (%s): báo cáo: %s được chấm theo %s %s, cuộc khảo sát dùng %s %s")
	mSurveyOutDir   = msg.New("cli.survey.out-is-dir", "--out %s is a directory: give a file name", "--out %s là thư mục: hãy cho tên tệp")
	mSurveyOutNoDir = msg.New("cli.survey.out-no-dir", "--out %s: the directory %s does not exist", "--out %s: thư mục %s không tồn tại")
)

// p06 score and p06 report.
var (
	mScoreOneFile = msg.New("cli.score.one-file", "want one findings file (or - for stdin), got %d\nusage: %s",
		"cần một tệp kết quả (hoặc - để đọc từ stdin), nhận được %d\ncách dùng: %s")
	mScoreSurvey = msg.New("cli.score.survey",
		"%s is a p06 survey summary, which holds no findings: score each portal's report (p06 survey --reports DIR writes them)",
		"%s là bản tổng hợp của p06 survey, không chứa kết quả từng tiêu chí: hãy chấm điểm báo cáo của từng cổng (p06 survey --reports THƯ_MỤC ghi ra các báo cáo đó)")
	mReportUnknownSub = msg.New("cli.report.unknown", "unknown subcommand %q\nusage: %s", "không có lệnh con %q\ncách dùng: %s")
	mReportTwoFiles   = msg.New("cli.report.two-files", "want OLD.json and NEW.json, got %d files", "cần CŨ.json và MỚI.json, nhận được %d tệp")
	mReportOneFile    = msg.New("cli.report.one-file", "want one REPORT.json, got %d", "cần một BÁO_CÁO.json, nhận được %d")
	mDiffWarnings     = map[string]msg.Text{
		"targets_differ":    msg.New("cli.report.warning.targets-differ", "the reports are of different portals", "hai báo cáo là của hai cổng khác nhau"),
		"catalogues_differ": msg.New("cli.report.warning.catalogues-differ", "the reports use different catalogues", "hai báo cáo dùng hai bộ tiêu chí khác nhau"),
		"partial":           msg.New("cli.report.warning.partial", "a report is of a partial run (--only)", "có báo cáo chỉ đánh giá một phần (--only)"),
	}
	mReportWarning = msg.New("cli.report.warning", "warning: %s (%s, %s)", "cảnh báo: %s (%s, %s)")
)

// Labels of p06 criteria's table and Markdown, by key (a column, a method, a level, a kind of basis).
var criteriaLabels = map[string]msg.Text{
	"id":            msg.New("cli.criteria.id", "ID", "Mã"),
	"group":         msg.New("cli.criteria.group", "Group", "Nhóm"),
	"method":        msg.New("cli.criteria.method", "Method", "Phương thức"),
	"level":         msg.New("cli.criteria.level", "Level", "Mức"),
	"points":        msg.New("cli.criteria.points", "Pts", "Điểm"),
	"title":         msg.New("cli.criteria.title", "Criterion", "Tiêu chí"),
	"automated":     msg.New("cli.criteria.automated", "automated", "tự động"),
	"assisted":      msg.New("cli.criteria.assisted", "assisted", "hỗ trợ"),
	"attested":      msg.New("cli.criteria.attested", "attested", "chứng minh"),
	"computed":      msg.New("cli.criteria.computed", "computed", "tính toán"),
	"mandatory":     msg.New("cli.criteria.mandatory", "mandatory", "bắt buộc"),
	"recommended":   msg.New("cli.criteria.recommended", "recommended", "khuyến nghị"),
	"informational": msg.New("cli.criteria.informational", "informational", "tham khảo"),
	"requirement":   msg.New("cli.criteria.requirement", "Requirement", "Yêu cầu"),
	"advice":        msg.New("cli.criteria.advice", "Advice", "Khuyến nghị khắc phục"),
	"basis":         msg.New("cli.criteria.basis", "Basis", "Căn cứ"),
	"in_force":      msg.New("cli.criteria.in-force", "in force", "hiệu lực"),
	"superseded_by": msg.New("cli.criteria.superseded-by", "replaced or amended by", "được thay thế/sửa đổi bởi"),
	"issuer_now":    msg.New("cli.criteria.issuer-now", "now:", "cơ quan hiện nay:"),
	"tags":          msg.New("cli.criteria.tags", "Tags", "Nhãn"),
	"formula":       msg.New("cli.criteria.formula", "Formula", "Công thức"),
	"threshold":     msg.New("cli.criteria.threshold", "Threshold", "Ngưỡng"),
	"effective":     msg.New("cli.criteria.effective", "In force from", "Hiệu lực từ"),
	"until":         msg.New("cli.criteria.until", "until", "đến"),
	"version":       msg.New("cli.criteria.version", "Version", "Phiên bản"),
	"critical":      msg.New("cli.criteria.critical", "critical: a failure caps the grade", "trọng yếu: không đạt thì bị giới hạn xếp loại"),
	"quoted":        msg.New("cli.criteria.quoted", "quoted", "trích dẫn"),
	"derived":       msg.New("cli.criteria.derived", "derived", "suy ra"),
	"scope":         msg.New("cli.criteria.scope", "Scope", "Phạm vi"),
	"reliability":   msg.New("cli.criteria.reliability", "reliability", "độ tin cậy"),
	"summary":       msg.New("cli.criteria.summary", "%d criteria, %d critical (!)", "%d tiêu chí, %d trọng yếu (!)"),
	"ministry":      msg.New("cli.criteria.ministry", "ministry", "cấp bộ"),
	"province":      msg.New("cli.criteria.province", "province", "cấp tỉnh"),
	"commune":       msg.New("cli.criteria.commune", "commune", "cấp xã"),
}

// Problems of a p06 survey input file.
var (
	mInputEmpty    = msg.New("cli.survey.input.empty", "%s: empty: no portals to survey", "%s: trống: không có cổng nào để khảo sát")
	mInputNone     = msg.New("cli.survey.input.none", "no portals to survey", "không có cổng nào để khảo sát")
	mInputMore     = msg.New("cli.survey.input.more", "… and %d more", "… và %d vấn đề khác")
	mInputProblem  = msg.New("cli.survey.input.problem", "%s: %d problem:\n  %s", "%s: %d vấn đề:\n  %s")
	mInputProblems = msg.New("cli.survey.input.problems", "%s: %d problems:\n  %s", "%s: %d vấn đề:\n  %s")
	mInputHeader   = msg.New("cli.survey.input.header", "header: %v", "dòng tiêu đề: %v")
	mInputLine     = msg.New("cli.survey.input.line", "line %d", "dòng %d")
	mInputFields   = msg.New("cli.survey.input.fields", "%s: %d fields, the header has %d", "%s: %d trường, dòng tiêu đề có %d")

	mInputColumnTwice   = msg.New("cli.survey.input.column-twice", "line 1: column %q appears twice", "dòng 1: cột %q xuất hiện hai lần")
	mInputColumnUnknown = msg.New("cli.survey.input.column-unknown", "line 1: unknown column %q (want url, unit, level, profile, ca, report)",
		"dòng 1: cột %q không dùng được (các cột: url, unit, level, profile, ca, report)")
	mInputColumnMissing = msg.New("cli.survey.input.column-missing", "line 1: no %q column (the header must name url and unit, e.g. url,unit,profile)",
		"dòng 1: thiếu cột %q (dòng tiêu đề phải có url và unit, ví dụ url,unit,profile)")

	mEntryNoUnit           = msg.New("cli.survey.entry.no-unit", "missing: name the unit the portal belongs to", "thiếu: hãy ghi tên đơn vị sở hữu cổng")
	mEntryLevel            = msg.New("cli.survey.entry.level", "%q: want ministry, province or commune (or leave it empty)", "%q: cần ministry, province hoặc commune (hoặc để trống)")
	mEntryOtherReport      = msg.New("cli.survey.entry.other-report", "%s is the report of %s, not of %s", "%s là báo cáo của %s, không phải của %s")
	mEntryReportAndProfile = msg.New("cli.survey.entry.report-and-profile",
		"profile and ca are for assessing the portal; this portal's figures come from its report",
		"profile và ca dùng để đánh giá cổng; số liệu của cổng này lấy từ báo cáo của nó")
	mEntryNoURL       = msg.New("cli.survey.entry.no-url", "missing (give the portal's address, or its report)", "thiếu (hãy ghi địa chỉ của cổng, hoặc báo cáo của cổng)")
	mEntryNotURL      = msg.New("cli.survey.entry.not-url", "%q is not a URL: %v", "%q không phải địa chỉ URL: %v")
	mEntryCredentials = msg.New("cli.survey.entry.credentials", "%q carries credentials: give the portal's public address",
		"%q chứa thông tin đăng nhập: hãy ghi địa chỉ công khai của cổng")
	mDupURL  = msg.New("cli.survey.dup-url", "%s (%s): url: %s repeats %s (%s)", "%s (%s): url: %s trùng với %s (%s)")
	mDupUnit = msg.New("cli.survey.dup-unit", "%s: unit: %q repeats %s (%s)", "%s: unit: %q trùng với %s (%s)")
)

// p06 index766.
var (
	mIdxNoFiles            = msg.New("cli.index766.no-files", "no dossier files (use - for standard input)", "chưa cho tệp hồ sơ nào (dùng - để đọc từ stdin)")
	mIdxMaxBad             = msg.New("cli.index766.max-bad", "--max-bad %g: want a share between 0 and 1", "--max-bad %g: cần một tỷ lệ từ 0 đến 1")
	mIdxToBeforeFrom       = msg.New("cli.index766.to-before-from", "--to %s is before --from %s", "--to %s sớm hơn --from %s")
	mIdxProcedureCatalogue = msg.New("cli.index766.procedure-catalogue", "procedure catalogue %v", "danh mục thủ tục %v")
	mIdxCatalogue          = msg.New("cli.index766.catalogue", "catalogue %s: %v", "bộ chỉ số %s: %v")
	mIdxTooManyBad         = msg.New("cli.index766.too-many-bad", "%d of %d records are bad (%.2f%%), more than --max-bad %.2f%%; first bad records:",
		"%d trên %d bản ghi bị lỗi (%.2f%%), vượt mức --max-bad %.2f%%; các bản ghi lỗi đầu tiên:")
	mIdxMoreBad     = msg.New("cli.index766.more-bad", "… (%d more in the report's records.bad_records)", "… (thêm %d bản ghi trong records.bad_records của báo cáo)")
	mIdxBadExcluded = msg.New("cli.index766.bad-excluded", "%d bad records excluded (first: %s:%d: %s)", "đã loại %d bản ghi lỗi (bản ghi đầu tiên: %s:%d: %s)")
	mIdxBelowMin    = msg.New("cli.index766.below-min", "total %.2f is below --min-total %.2f", "tổng điểm %.2f thấp hơn --min-total %.2f")
	mIdxProgress    = msg.New("cli.index766.progress", "%s: %d records, %.2fM records/s, %d MB read, %d bad",
		"%s: %d bản ghi, %.2f triệu bản ghi/giây, đã đọc %d MB, %d lỗi")
	mGenBounds = msg.New("cli.index766.generate.bounds", "want --records ≥ 0, --procedure-count ≥ 25, --units ≥ 1", "cần --records ≥ 0, --procedure-count ≥ 25, --units ≥ 1")
)

// The Markdown report of p06 index766.
var (
	mIdxMdTitle   = msg.New("cli.index766.md.title", "Decision 766 index", "Bộ chỉ số theo Quyết định 766")
	mIdxMdSummary = msg.New("cli.index766.md.summary", "Catalogue %s %s · %s · %d dossiers scored, %d bad records excluded",
		"Bộ chỉ số %s %s · %s · đã chấm %d hồ sơ, loại %d bản ghi lỗi")
	mIdxMdPeriod = msg.New("cli.index766.md.period",
		"Period: %s to %s; as of **%s** (%s): %d dossiers unfinished with a NgayHenTra, %d of them past it and counted late; %d records outside the period.",
		"Kỳ: từ %s đến %s; xét vào ngày **%s** (%s): %d hồ sơ chưa xong có NgayHenTra, trong đó %d hồ sơ đã quá hạn và tính là trễ hạn; %d bản ghi nằm ngoài kỳ.")
	mIdxMdBand = msg.New("cli.index766.md.band",
		"**Band %s**%s, graded on what the inputs can support: %.2f of %.0f computable points, normalised %.2f. %.0f of %.0f points are not computed (see each indicator's reason); the total %.2f / %.0f is a lower bound of the official score (band %s%s).",
		"**Xếp loại %s**%s, chấm trên phần dữ liệu đầu vào cho phép: %.2f trên %.0f điểm tính được, quy đổi %.2f. %.0f trên %.0f điểm không tính được (xem lý do ở từng chỉ số); tổng %.2f / %.0f là cận dưới của điểm chính thức (xếp loại %s%s).")
	mIdxMdGroupHeader    = msg.New("cli.index766.md.group-header", "| group | points | attainable | max |", "| nhóm | điểm | điểm tính được | tối đa |")
	mIdxMdOfficial       = msg.New("cli.index766.md.official", "The decision's five groups (Art. 1 a–e; d = online service + online payment):", "Năm nhóm của Quyết định (Điều 1 a–e; d = dịch vụ trực tuyến + thanh toán trực tuyến):")
	mIdxMdIndicatorsHead = msg.New("cli.index766.md.indicator-header", "| indicator | rate | threshold | numerator / denominator | points / max | note |",
		"| chỉ số | tỷ lệ | ngưỡng | tử số / mẫu số | điểm / tối đa | ghi chú |")
	mIdxMdNotComputed  = msg.New("cli.index766.md.not-computed", "not computed: %s", "không tính được: %s")
	mIdxMdTargets      = msg.New("cli.index766.md.targets", "Targets", "Chỉ tiêu")
	mIdxMdTargetHeader = msg.New("cli.index766.md.target-header", "| target | measured | threshold | met |", "| chỉ tiêu | đo được | ngưỡng | đạt |")
	mIdxMdMet          = msg.New("cli.index766.md.met", "yes", "đạt")
	mIdxMdNotMet       = msg.New("cli.index766.md.not-met", "no", "chưa đạt")
	mIdxMdEssential    = msg.New("cli.index766.md.essential", "Essential services (ThietYeu)", "Dịch vụ thiết yếu (ThietYeu)")
	mIdxMdEssentialSum = msg.New("cli.index766.md.essential-summary", "%d procedures, %d dossiers: total %.2f of %.0f attainable (normalised %.2f)",
		"%d thủ tục, %d hồ sơ: tổng %.2f trên %.0f điểm tính được (quy đổi %.2f)")
	mIdxMdByUnit        = msg.New("cli.index766.md.by-unit", "By unit", "Theo đơn vị")
	mIdxMdByProcedure   = msg.New("cli.index766.md.by-procedure", "By procedure", "Theo thủ tục")
	mIdxMdUnit          = msg.New("cli.index766.md.unit", "unit", "đơn vị")
	mIdxMdProcedure     = msg.New("cli.index766.md.procedure", "procedure", "thủ tục")
	mIdxMdSliceHeader   = msg.New("cli.index766.md.slice-header", "| %s | dossiers | total | attainable | normalised | band |", "| %s | hồ sơ | tổng | điểm tính được | quy đổi | xếp loại |")
	mIdxMdEssentialMark = msg.New("cli.index766.md.essential-mark", "(essential)", "(thiết yếu)")
	mIdxMdBadRecords    = msg.New("cli.index766.md.bad-records", "Bad records (%d, %.3f%%)", "Bản ghi lỗi (%d, %.3f%%)")
	mIdxMdNotes         = msg.New("cli.index766.md.notes", "Notes", "Ghi chú")
	mIdxMdAsOfGiven     = msg.New("cli.index766.md.as-of.given", "given", "theo --as-of")
	mIdxMdAsOfTo        = msg.New("cli.index766.md.as-of.to", "to", "theo --to")
	mIdxMdAsOfLatest    = msg.New("cli.index766.md.as-of.latest", "latest date in the data", "ngày muộn nhất trong dữ liệu")
	mIdxMdDays          = msg.New("cli.index766.md.days", "days", "ngày")
)
