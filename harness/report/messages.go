package report

import (
	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// The labels the report writers print (headings, field names, statuses, levels), declared in the
// message catalogue like every other message a person reads; words renders them in a language.

// labelTexts are the labels of words, by field.
var labelTexts = struct {
	Report             msg.Text
	Target             msg.Text
	Started            msg.Text
	Duration           msg.Text
	Score              msg.Text
	Grade              msg.Text
	Compliance         msg.Text
	Caps               msg.Text
	Group              msg.Text
	Criterion          msg.Text
	Status             msg.Text
	Message            msg.Text
	Got                msg.Text
	Want               msg.Text
	Url                msg.Text
	Basis              msg.Text
	Advice             msg.Text
	Evidence           msg.Text
	Requirement        msg.Text
	NotMet             msg.Text
	Passed             msg.Text
	Other              msg.Text
	Waivers            msg.Text
	Stale              msg.Text
	Applied            msg.Text
	Discovery          msg.Text
	MandatoryMet       msg.Text
	CapNote            msg.Text
	None               msg.Text
	Points             msg.Text
	PointsHdr          msg.Text
	Catalogue          msg.Text
	Level              msg.Text
	Critical           msg.Text
	Targets            msg.Text
	Measured           msg.Text
	Threshold          msg.Text
	Request            msg.Text
	Headers            msg.Text
	Excerpt            msg.Text
	Location           msg.Text
	Note               msg.Text
	Summary            msg.Text
	NotScored          msg.Text
	Coverage           msg.Text
	CoverageOf         msg.Text
	FixFirst           msg.Text
	More               msg.Text
	DocPage            msg.Text
	RenderedBy         msg.Text
	PathsOf            msg.Text
	MetEvidenceNote    msg.Text
	MetList            msg.Text
	EvMore             msg.Text
	CouldNotAssess     msg.Text
	CouldNotAssessNote msg.Text
}{
	Report:             msg.New("report.label.report", "Project 06 assessment report", "Báo cáo đánh giá theo Đề án 06"),
	Target:             msg.New("report.label.target", "Portal", "Cổng"),
	Started:            msg.New("report.label.started", "Started", "Bắt đầu"),
	Duration:           msg.New("report.label.duration", "Duration", "Thời gian"),
	Score:              msg.New("report.label.score", "Score", "Điểm"),
	Grade:              msg.New("report.label.grade", "Grade", "Xếp loại"),
	Compliance:         msg.New("report.label.compliance", "Compliance", "Mức đáp ứng"),
	Caps:               msg.New("report.label.caps", "Grade caps", "Giới hạn xếp loại"),
	Group:              msg.New("report.label.group", "Group", "Nhóm"),
	Criterion:          msg.New("report.label.criterion", "Criterion", "Tiêu chí"),
	Status:             msg.New("report.label.status", "Status", "Kết quả"),
	Message:            msg.New("report.label.message", "Message", "Thông báo"),
	Got:                msg.New("report.label.got", "Got", "Thấy"),
	Want:               msg.New("report.label.want", "Want", "Yêu cầu"),
	Url:                msg.New("report.label.url", "URL", "Địa chỉ"),
	Basis:              msg.New("report.label.basis", "Legal basis", "Căn cứ"),
	Advice:             msg.New("report.label.advice", "How to fix", "Cách khắc phục"),
	Evidence:           msg.New("report.label.evidence", "Evidence", "Minh chứng"),
	Requirement:        msg.New("report.label.requirement", "Requirement", "Yêu cầu"),
	NotMet:             msg.New("report.label.not-met", "Not met", "Chưa đạt"),
	Passed:             msg.New("report.label.passed", "Met", "Đạt"),
	Other:              msg.New("report.label.other", "Not assessed", "Chưa đánh giá"),
	Waivers:            msg.New("report.label.waivers", "Waivers", "Miễn trừ"),
	Stale:              msg.New("report.label.stale", "Stale waivers (ignored)", "Miễn trừ hết hạn (bỏ qua)"),
	Applied:            msg.New("report.label.applied", "Applied waivers", "Miễn trừ được áp dụng"),
	Discovery:          msg.New("report.label.discovery", "Portal profile", "Hồ sơ cổng"),
	MandatoryMet:       msg.New("report.label.mandatory-met", "mandatory criteria met", "tiêu chí bắt buộc đạt"),
	CapNote:            msg.New("report.label.cap-note", "a critical criterion that failed, or could not be assessed, caps the grade at", "tiêu chí trọng yếu không đạt, hoặc không đánh giá được, giới hạn xếp loại ở mức"),
	None:               msg.New("report.label.none", "none", "không có"),
	Points:             msg.New("report.label.points", "points", "điểm"),
	PointsHdr:          msg.New("report.label.points-hdr", "Points", "Điểm đạt / tối đa"),
	Catalogue:          msg.New("report.label.catalogue", "Catalogue", "Bộ tiêu chí"),
	Level:              msg.New("report.label.level", "Level", "Mức độ"),
	Critical:           msg.New("report.label.critical", "critical", "trọng yếu"),
	Targets:            msg.New("report.label.targets", "Targets", "Chỉ tiêu"),
	Measured:           msg.New("report.label.measured", "Measured", "Đo được"),
	Threshold:          msg.New("report.label.threshold", "Target", "Mục tiêu"),
	Request:            msg.New("report.label.request", "Request", "Yêu cầu HTTP"),
	Headers:            msg.New("report.label.headers", "Headers", "Tiêu đề"),
	Excerpt:            msg.New("report.label.excerpt", "Excerpt", "Trích đoạn"),
	Location:           msg.New("report.label.location", "Location", "Vị trí"),
	Note:               msg.New("report.label.note", "Note", "Ghi chú"),
	Summary:            msg.New("report.label.summary", "Summary", "Tóm tắt"),
	NotScored:          msg.New("report.label.not-scored", "not tested", "chưa kiểm tra"),
	Coverage:           msg.New("report.label.coverage", "Coverage", "Độ bao phủ"),
	CoverageOf:         msg.New("report.label.coverage-of", "criteria assessed", "tiêu chí đã đánh giá"),
	FixFirst:           msg.New("report.label.fix-first", "Fix first", "Cần sửa trước"),
	More:               msg.New("report.label.more", "more", "còn nữa"),
	DocPage:            msg.New("report.label.doc-page", "criterion page", "trang mô tả tiêu chí"),
	RenderedBy:         msg.New("report.label.rendered-by", "rendered by", "hiển thị bằng"),
	PathsOf:            msg.New("report.label.paths-of", "Paths are relative to", "Đường dẫn tính từ"),
	MetEvidenceNote:    msg.New("report.label.met-evidence-note", "One line each; their evidence is in the JSON report.", "Mỗi tiêu chí một dòng; minh chứng của chúng có trong báo cáo JSON."),
	MetList:            msg.New("report.label.met-list", "Criteria met or not assessed", "Tiêu chí đạt hoặc chưa đánh giá"),
	EvMore:             msg.New("report.label.ev-more", "and %d more — see the JSON report", "và %d mục khác — xem báo cáo JSON"),
	CouldNotAssess:     msg.New("report.label.could-not-assess", "Could not be assessed", "Không đánh giá được"),
	CouldNotAssessNote: msg.New("report.label.could-not-assess-note", "the harness could not see what these criteria need; they are not failures, and each says what would make it assessable", "công cụ không quan sát được điều các tiêu chí này cần; đây không phải là không đạt, mỗi mục nói rõ cần gì để đánh giá được"),
}

// statusTexts and levelTexts label the findings' statuses and the criteria's levels.
var statusTexts = map[scoring.Status]msg.Text{
	scoring.Pass:          msg.New("report.status.pass", "pass", "đạt"),
	scoring.Fail:          msg.New("report.status.fail", "fail", "không đạt"),
	scoring.Error:         msg.New("report.status.error", "error", "lỗi"),
	scoring.NotApplicable: msg.New("report.status.not-applicable", "not applicable", "không áp dụng"),
	scoring.NotTested:     msg.New("report.status.not-tested", "not tested", "chưa kiểm tra"),
	scoring.Waived:        msg.New("report.status.waived", "waived", "miễn trừ"),
	scoring.Attested:      msg.New("report.status.attested", "attested", "có xác nhận"),
}

var levelTexts = map[criteria.Level]msg.Text{
	criteria.Mandatory:     msg.New("report.level.mandatory", "mandatory", "bắt buộc"),
	criteria.Recommended:   msg.New("report.level.recommended", "recommended", "khuyến nghị"),
	criteria.Informational: msg.New("report.level.informational", "informational", "tham khảo"),
}

// wordsIn renders the writers' labels in lang.
func wordsIn(lang string) words {
	l := func(t msg.Text) string { return t.Format(lang) }
	w := words{
		Report:             l(labelTexts.Report),
		Target:             l(labelTexts.Target),
		Started:            l(labelTexts.Started),
		Duration:           l(labelTexts.Duration),
		Score:              l(labelTexts.Score),
		Grade:              l(labelTexts.Grade),
		Compliance:         l(labelTexts.Compliance),
		Caps:               l(labelTexts.Caps),
		Group:              l(labelTexts.Group),
		Criterion:          l(labelTexts.Criterion),
		Status:             l(labelTexts.Status),
		Message:            l(labelTexts.Message),
		Got:                l(labelTexts.Got),
		Want:               l(labelTexts.Want),
		Url:                l(labelTexts.Url),
		Basis:              l(labelTexts.Basis),
		Advice:             l(labelTexts.Advice),
		Evidence:           l(labelTexts.Evidence),
		Requirement:        l(labelTexts.Requirement),
		NotMet:             l(labelTexts.NotMet),
		Passed:             l(labelTexts.Passed),
		Other:              l(labelTexts.Other),
		Waivers:            l(labelTexts.Waivers),
		Stale:              l(labelTexts.Stale),
		Applied:            l(labelTexts.Applied),
		Discovery:          l(labelTexts.Discovery),
		MandatoryMet:       l(labelTexts.MandatoryMet),
		CapNote:            l(labelTexts.CapNote),
		None:               l(labelTexts.None),
		Points:             l(labelTexts.Points),
		PointsHdr:          l(labelTexts.PointsHdr),
		Catalogue:          l(labelTexts.Catalogue),
		Level:              l(labelTexts.Level),
		Critical:           l(labelTexts.Critical),
		Targets:            l(labelTexts.Targets),
		Measured:           l(labelTexts.Measured),
		Threshold:          l(labelTexts.Threshold),
		Request:            l(labelTexts.Request),
		Headers:            l(labelTexts.Headers),
		Excerpt:            l(labelTexts.Excerpt),
		Location:           l(labelTexts.Location),
		Note:               l(labelTexts.Note),
		Summary:            l(labelTexts.Summary),
		NotScored:          l(labelTexts.NotScored),
		Coverage:           l(labelTexts.Coverage),
		CoverageOf:         l(labelTexts.CoverageOf),
		FixFirst:           l(labelTexts.FixFirst),
		More:               l(labelTexts.More),
		DocPage:            l(labelTexts.DocPage),
		RenderedBy:         l(labelTexts.RenderedBy),
		PathsOf:            l(labelTexts.PathsOf),
		MetEvidenceNote:    l(labelTexts.MetEvidenceNote),
		MetList:            l(labelTexts.MetList),
		EvMore:             l(labelTexts.EvMore),
		CouldNotAssess:     l(labelTexts.CouldNotAssess),
		CouldNotAssessNote: l(labelTexts.CouldNotAssessNote),
		Statuses:           map[scoring.Status]string{},
		Levels:             map[criteria.Level]string{},
	}
	for s, t := range statusTexts {
		w.Statuses[s] = l(t)
	}
	for v, t := range levelTexts {
		w.Levels[v] = l(t)
	}
	return w
}

// byLang renders a table of messages in each language: byLang(t)[lang][key].
func byLang[K comparable](texts map[K]msg.Text) map[string]map[K]string {
	out := map[string]map[K]string{}
	for _, lang := range []string{msg.VI, msg.EN} {
		out[lang] = map[K]string{}
		for k, t := range texts {
			out[lang][k] = t.Format(lang)
		}
	}
	return out
}

// htmlTexts are the words only the HTML page uses (htmlWords).
var htmlTexts = struct{ DocLabel, MetNote, HdrTitle, HdrRef, HdrSet, HdrSetHead, Why, WhyRef msg.Text }{
	DocLabel: msg.New("report.html.doc-label", "requirement and how it is checked", "yêu cầu và cách kiểm tra"),
	MetNote: msg.New("report.html.met-note", "ID, title and result (not tested: why); their messages and evidence are in the JSON report.",
		"Mã, tên và kết quả (tiêu chí chưa kiểm tra: lý do); thông báo và minh chứng có trong báo cáo JSON."),
	HdrTitle:   msg.New("report.html.header-sets", "Shared response headers", "Tiêu đề phản hồi HTTP dùng chung"),
	HdrRef:     msg.New("report.html.header-ref", "Response headers", "Tiêu đề phản hồi"),
	HdrSet:     msg.New("report.html.header-set", "set", "bộ"),
	HdrSetHead: msg.New("report.html.header-set-head", "Set", "Bộ"),
	Why:        msg.New("report.html.why", "Why not tested", "Lý do chưa kiểm tra"),
	WhyRef:     msg.New("report.html.why-ref", "reason", "lý do"),
}

// htmlWordsIn renders the HTML page's own words in lang.
func htmlWordsIn(lang string) htmlWords {
	t := htmlTexts
	return htmlWords{DocLabel: t.DocLabel.Format(lang), MetNote: t.MetNote.Format(lang), HdrTitle: t.HdrTitle.Format(lang),
		HdrRef: t.HdrRef.Format(lang), HdrSet: t.HdrSet.Format(lang), HdrSetHead: t.HdrSetHead.Format(lang),
		Why: t.Why.Format(lang), WhyRef: t.WhyRef.Format(lang)}
}

// kindTexts and reliabilityTexts explain the catalogue's codes for a legal basis: quoted law or
// a derived control, and how reliable its source is.
var (
	kindTexts = map[criteria.Kind]msg.Text{
		criteria.Quoted:  msg.New("report.basis.quoted", "quoted law", "trích quy định"),
		criteria.Derived: msg.New("report.basis.derived", "derived control", "kiểm soát suy ra từ quy định"),
	}
	reliabilityTexts = map[string]msg.Text{
		"P": msg.New("report.basis.primary", "primary source", "nguồn gốc"),
		"S": msg.New("report.basis.secondary", "secondary source", "nguồn thứ cấp"),
		"R": msg.New("report.basis.reverse-engineered", "reverse-engineered", "suy ngược từ số liệu"),
		"U": msg.New("report.basis.unverified", "unverified", "chưa xác minh"),
	}
)

// methodTexts say how a criterion of each method is checked, on its page.
var methodTexts = map[criteria.Method]msg.Text{
	criteria.Automated: msg.New("report.method.automated",
		"Automated: checked black-box over HTTP(S) (GET/HEAD only unless --active), nothing to configure.",
		"Tự động: công cụ kiểm tra cổng từ bên ngoài qua HTTP(S) (chỉ GET/HEAD trừ khi bật --active), không cần cấu hình thêm."),
	criteria.Assisted: msg.New("report.method.assisted",
		"Assisted: needs the vendor's adapter (harness/check) and/or the fakes of the national services (ssotest, popdbtest, signtest); without them the finding is not_tested, never fail.",
		"Có hỗ trợ: cần bộ điều hợp của nhà cung cấp (harness/check) và/hoặc dịch vụ giả lập (ssotest, popdbtest, signtest); thiếu thì kết quả là \"chưa kiểm tra\", không phải \"không đạt\"."),
	criteria.Attested: msg.New("report.method.attested",
		"Attested: met by a valid document in the evidence file (--evidence) whose SHA-256 matches.",
		"Xác nhận bằng tài liệu: đạt khi tệp minh chứng (--evidence) có tài liệu còn hiệu lực với mã SHA-256 khớp."),
	criteria.Computed: msg.New("report.method.computed",
		"Computed: from dossier data the portal exports (p06 index766).",
		"Tính toán: từ dữ liệu hồ sơ cổng xuất ra (p06 index766)."),
}

// renderingNoteText says, on a criterion page, whose words the provisions are in.
var renderingNoteText = msg.New("report.page.rendering-note",
	"Provisions are given in p06kit's own words (a summary in Vietnamese and in English), not quoted verbatim, except where in quotation marks.",
	"Điều khoản được ghi bằng lời của p06kit (tóm tắt bằng tiếng Việt và tiếng Anh), không phải trích nguyên văn, trừ phần trong ngoặc kép.")

// pageHeadings head the sections of a criterion page.
var pageHeadings = struct{ Requirement, Basis, Method, Fix msg.Text }{
	Requirement: msg.New("report.page.requirement", "Requirement", "Yêu cầu"),
	Basis:       msg.New("report.page.basis", "Legal basis", "Căn cứ pháp lý"),
	Method:      msg.New("report.page.method", "How it is checked", "Cách kiểm tra"),
	Fix:         msg.New("report.page.fix", "How to fix", "Cách khắc phục"),
}
