package report

import (
	"fmt"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/internal/redact"
	"github.com/p06kit/p06kit/scoring"
)

// What a report records about the run beside its findings (a partial selection, the vendor's
// adapter, requests refused because they would have left the target, the traffic sent), put
// into words once so that every human format says the same in the reader's language.

// modulePath is p06kit's module path, looked up in the build information.
const modulePath = "github.com/p06kit/p06kit"

var toolVersionOnce = sync.OnceValue(func() string {
	bi, _ := debug.ReadBuildInfo()
	return VersionFrom("", bi)
})

// ToolVersion is p06kit's version as the running program's build information gives it, the
// value `p06 --version` prints and every report states: in the p06 command (or any build of
// the p06kit module itself) the module version, or "dev" in a development build, then the VCS
// revision, marked "dirty" when the work tree had uncommitted changes ("v0.4.0",
// "dev (3f2c1ab9d0e8, dirty)"); in a vendor's program or test that uses p06kit as a
// dependency, the version of the p06kit module it required ("v0.4.0").
func ToolVersion() string { return toolVersionOnce() }

// VersionFrom builds the version from an override (an -ldflags value; empty for none) and the
// build information (nil when unavailable); see ToolVersion.
func VersionFrom(override string, bi *debug.BuildInfo) string {
	v := override
	var rev, modified string
	if bi != nil {
		if bi.Main.Path != "" && bi.Main.Path != modulePath {
			// p06kit is a dependency: its version, never the vendor's revision.
			for _, d := range bi.Deps {
				if d.Path == modulePath {
					if d.Replace != nil && d.Replace.Version != "" {
						d = d.Replace
					}
					if v == "" && d.Version != "" && d.Version != "(devel)" {
						v = d.Version
					}
					break
				}
			}
			if v == "" {
				v = "dev"
			}
			return v
		}
		if v == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
	}
	if v == "" {
		v = "dev"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	switch {
	case rev != "" && modified == "true":
		v += " (" + rev + ", dirty)"
	case rev != "":
		v += " (" + rev + ")"
	}
	return v
}

// stamped returns r with Tool set to the writer's tool and version when r does not name the
// program that made it (a report the writer itself is producing).
func stamped(r *scoring.Report, opt Options) *scoring.Report {
	if r == nil || r.Tool != nil {
		return r
	}
	c := *r
	c.Tool = &scoring.Tool{Name: opt.Tool, Version: opt.Version}
	return &c
}

// toolLine names the program that made the report, and the one that wrote this rendering of
// it when they differ ("p06kit v0.4.0", "p06kit v0.3.0 · hiển thị bằng p06kit v0.4.0").
func toolLine(r *scoring.Report, opt Options) string {
	here := opt.Tool + " " + opt.Version
	if r.Tool == nil || r.Tool.Name == "" {
		return here
	}
	made := r.Tool.Name + " " + r.Tool.Version
	if made == here {
		return here
	}
	return made + " · " + wordsFor(opt.Lang).RenderedBy + " " + here
}

// runWords are the labels of the run facts, by language.
type runWords struct {
	Partial, PartialNote, NotGraded, SelectedMet, ScorePartial, ScoreNone, NotGradedNone,
	Adapter, Interfaces, NoInterfaces, Level2, Level2None, Level2Note, AdapterWarnings, AdapterWarningsNote,
	OutOfScope, OutOfScopeNote, RefusedTotal,
	Shells, ShellsNote, ShellCriteria,
	Traffic, TrafficLine, TrafficWaits string
	// TrafficDepth follows TrafficLine when the report records the probe depth; DepthStandard
	// and DepthDeep name it.
	TrafficDepth, DepthStandard, DepthDeep string
}

var runWordsEN = runWords{
	Partial:      "Partial assessment",
	PartialNote:  "only the criteria selected with %s were assessed (%d): the run gives the portal neither a score nor a grade, only the results of these criteria.",
	NotGraded:    "not graded (partial assessment)",
	SelectedMet:  "selected mandatory criteria met",
	ScorePartial: "not scored (partial assessment)",
	// A run that assessed no criterion that scores (an unreachable portal, every check in error):
	// its 0.0 would be an average of nothing, and its grade a verdict nothing earned.
	ScoreNone:     "not scored (no criterion could be assessed)",
	NotGradedNone: "not graded (no criterion could be assessed)",
	Adapter:       "The vendor's adapter", Interfaces: "Adapter interfaces implemented", NoInterfaces: "none",
	Level2:              "Procedures the vendor declares reserved to level-2 accounts",
	Level2None:          "none declared",
	Level2Note:          "a verdict resting on this declaration (P06-AUTH-08) was not verified by the harness.",
	AdapterWarnings:     "Ignored adapter methods",
	AdapterWarningsNote: "methods named like adapter methods whose signature differs; the harness ignores them, so the criteria that need them are not tested",
	OutOfScope:          "Not sent: requests to other hosts",
	RefusedTotal:        "requests refused in all",
	OutOfScopeNote:      "The portal's redirects, forms or links led outside the assessed origin; the scanner refused them before sending anything (widen the scope with --allow-host).",
	Shells:              "Pages drawn by JavaScript that the harness did not see drawn",
	ShellsNote:          "Their content is drawn by scripts; content criteria about them are errors, not failures. Assess them with --render (headless Chromium).",
	ShellCriteria:       "criteria",
	Traffic:             "Traffic sent to the portal",
	TrafficLine:         "%d HTTP requests, %s read; at most %d requests in flight and %d connections per host.",
	TrafficWaits:        "Pauses after 429/503 answers (honouring Retry-After): %d, %s s of waiting in all.",
	TrafficDepth:        " Probe depth: %s.",
	DepthStandard:       "standard (the highest-yield sensitive paths; --deep probes every dump and archive name known)",
	DepthDeep:           "deep (every dump and archive name known)",
}

var runWordsVI = runWords{
	Partial:       "Đánh giá một phần",
	PartialNote:   "chỉ đánh giá các tiêu chí được chọn bằng %s (%d tiêu chí): lần đánh giá này không tính điểm và không xếp loại cổng, chỉ cho kết quả của các tiêu chí này.",
	NotGraded:     "không xếp loại (đánh giá một phần)",
	SelectedMet:   "tiêu chí bắt buộc được chọn đạt",
	ScorePartial:  "không tính điểm (đánh giá một phần)",
	ScoreNone:     "không tính điểm (chưa đánh giá được tiêu chí nào)",
	NotGradedNone: "không xếp loại (chưa đánh giá được tiêu chí nào)",
	Adapter:       "Bộ điều hợp của nhà cung cấp", Interfaces: "Giao diện bộ điều hợp đã cài đặt", NoInterfaces: "không có",
	Level2:              "Thủ tục nhà cung cấp khai báo chỉ dành cho tài khoản mức 2",
	Level2None:          "không khai báo thủ tục nào",
	Level2Note:          "kết quả dựa trên khai báo này (P06-AUTH-08) chưa được công cụ xác minh.",
	AdapterWarnings:     "Phương thức bộ điều hợp bị bỏ qua",
	AdapterWarningsNote: "phương thức trùng tên với phương thức của bộ điều hợp nhưng khác chữ ký; công cụ bỏ qua chúng, nên các tiêu chí cần chúng chưa được kiểm tra",
	OutOfScope:          "Không gửi: yêu cầu tới máy chủ khác",
	RefusedTotal:        "yêu cầu bị từ chối tổng cộng",
	OutOfScopeNote:      "Chuyển hướng, biểu mẫu hoặc liên kết của cổng dẫn ra ngoài nguồn được đánh giá; công cụ đã từ chối trước khi gửi bất cứ gì (mở rộng phạm vi bằng --allow-host).",
	Shells:              "Trang do JavaScript dựng mà công cụ chưa thấy nội dung",
	ShellsNote:          "Nội dung các trang này do mã kịch bản dựng; các tiêu chí về nội dung của chúng là lỗi đánh giá, không phải không đạt. Hãy đánh giá lại với --render (Chromium không giao diện).",
	ShellCriteria:       "tiêu chí",
	Traffic:             "Lưu lượng gửi tới cổng",
	TrafficLine:         "%d yêu cầu HTTP, đọc %s; tối đa %d yêu cầu đồng thời và %d kết nối tới mỗi máy chủ.",
	TrafficWaits:        "Số lần tạm dừng sau phản hồi 429/503 (tuân theo Retry-After): %d, chờ tổng cộng %s giây.",
	TrafficDepth:        " Mức dò: %s.",
	DepthStandard:       "tiêu chuẩn (các đường dẫn nhạy cảm hay bị lộ nhất; --deep thử mọi tên bản kết xuất và tệp nén đã biết)",
	DepthDeep:           "sâu (mọi tên bản kết xuất và tệp nén đã biết)",
}

func runWordsFor(lang string) runWords {
	if lang == "en" {
		return runWordsEN
	}
	return runWordsVI
}

// runFacts are a report's run facts ready to print; every field is empty when the report has
// nothing to say about it.
type runFacts struct {
	W runWords
	// Partial: the run assessed Selected (selectors) = Criteria; Met/Applicable count the
	// selected mandatory criteria (Known false without a catalogue to tell which are mandatory).
	Partial bool
	// Unscored: the human formats show ScoreShown instead of a score, no grade and no caps (a
	// partial run, or one in which nothing that scores was assessed).
	Unscored        bool
	ScoreShown      string
	Selected        []string
	Criteria        []string
	PartialNote     string
	Met, Applicable int
	ComplianceKnown bool
	Adapter         bool
	Interfaces      []string
	Level2Declared  bool // the adapter implements check.Assurance
	Level2          []string
	AdapterWarnings []string
	OutOfScope      []scoring.Refusal
	Shells          []scoring.Shell
	Traffic, Waits  string
	HasTraffic      bool
	RefusedRequests int
}

// factsOf puts r's run facts into words in opt.Lang; r is already redacted.
func factsOf(r *scoring.Report, opt Options) runFacts {
	w := runWordsFor(opt.Lang)
	f := runFacts{W: w}
	if p := r.Partial; p != nil {
		f.Partial = true
		f.Selected, f.Criteria = p.Selected, p.Criteria
		f.PartialNote = fmt.Sprintf(w.PartialNote, "--only "+strings.Join(p.Selected, ","), len(p.Criteria))
		if opt.Catalogue != nil {
			f.Met, f.Applicable = PartialCompliance(r, opt.Catalogue)
			f.ComplianceKnown = true
		}
	}
	switch {
	case f.Partial:
		f.Unscored, f.ScoreShown = true, w.ScorePartial
	case r.Scores.Unscored():
		f.Unscored, f.ScoreShown = true, w.ScoreNone
	}
	if a := r.Adapter; a != nil {
		f.Adapter = true
		f.Interfaces = a.Interfaces
		f.Level2Declared = slices.Contains(a.Interfaces, "Assurance")
		f.Level2 = a.Level2Procedures
		f.AdapterWarnings = a.Warnings
	}
	f.OutOfScope = r.OutOfScope
	for _, sh := range r.Shells {
		sh.Reason, sh.ReasonVI = sh.ReasonIn(opt.Lang), ""
		f.Shells = append(f.Shells, sh)
	}
	for _, rf := range r.OutOfScope {
		f.RefusedRequests += rf.Count
	}
	if t := r.Traffic; t != nil {
		f.HasTraffic = true
		f.Traffic = fmt.Sprintf(w.TrafficLine, t.Requests, fmtBytes(t.BytesRead), t.MaxInFlight, t.MaxConnsPerHost)
		switch t.Depth {
		case "standard":
			f.Traffic += fmt.Sprintf(w.TrafficDepth, w.DepthStandard)
		case "deep":
			f.Traffic += fmt.Sprintf(w.TrafficDepth, w.DepthDeep)
		}
		if t.Backoffs > 0 || t.WaitedMS > 0 {
			f.Waits = fmt.Sprintf(w.TrafficWaits, t.Backoffs, fmt.Sprintf("%.1f", float64(t.WaitedMS)/1000))
		}
	}
	return f
}

// fmtBytes writes a byte count for people: "812 B", "35.2 KiB", "3.4 MiB".
func fmtBytes(n int64) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d B", n)
	case n < 1024*1024:
		return fmt.Sprintf("%.1f KiB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1024*1024))
}

// gradeShown is the grade as a human format prints it: the label, or "not graded" for a
// partial run, whose grade is not the portal's.
func gradeShown(r *scoring.Report, lang string) string {
	switch {
	case r.Partial != nil:
		return runWordsFor(lang).NotGraded
	case r.Scores.Unscored():
		return runWordsFor(lang).NotGradedNone
	}
	return gradeLabel(r, lang)
}

// groupScoreShown is a group's score as the human formats print it: "—" in a partial run,
// where the criteria left out weigh in the number.
func groupScoreShown(r *scoring.Report, g scoring.GroupScore, wd words) string {
	if r.Partial != nil {
		return "—"
	}
	return fmtGroupScore(g, wd)
}

// PartialCompliance counts, among the criteria a partial run selected (all criteria when r is
// not partial), the mandatory criteria of cat met (pass or attested) and those that count as
// scoring counts them (neither not_applicable nor waived): what a partial run is judged on.
func PartialCompliance(r *scoring.Report, cat *criteria.Catalogue) (met, applicable int) {
	var sel map[string]bool
	if r.Partial != nil {
		sel = make(map[string]bool, len(r.Partial.Criteria))
		for _, id := range r.Partial.Criteria {
			sel[id] = true
		}
	}
	for _, f := range r.Findings {
		c, ok := cat.Criterion(f.Criterion)
		if !ok || c.Level != criteria.Mandatory || (sel != nil && !sel[f.Criterion]) ||
			f.Status == scoring.NotApplicable || f.Status == scoring.Waived {
			continue
		}
		applicable++
		if f.Status == scoring.Pass || f.Status == scoring.Attested {
			met++
		}
	}
	return met, applicable
}

// redactFacts masks what a portal or an adapter could have put in the run facts.
func redactFacts(c *scoring.Report, r *scoring.Report) {
	if r.Adapter != nil {
		a := *r.Adapter
		a.Warnings = mapStrings(a.Warnings, redact.Text)
		a.Level2Procedures = mapStrings(a.Level2Procedures, redact.Text)
		c.Adapter = &a
	}
	if r.Partial != nil {
		p := *r.Partial
		p.Selected = mapStrings(p.Selected, redact.Text)
		c.Partial = &p
	}
}

func mapStrings(in []string, f func(string) string) []string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = f(s)
	}
	return out
}
