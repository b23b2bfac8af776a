package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/scoring"
)

// DocsBase is where the criterion pages (docs/criteria/ID.md, written by WriteCriterionPage)
// are published; reports link each criterion there.
const DocsBase = "https://github.com/p06kit/p06kit/blob/main/docs/criteria/"

// CriterionDocURL is the page documenting criterion id.
func CriterionDocURL(id string) string { return DocsBase + id + ".md" }

// docURL is the page of criterion id for a report of r's catalogue: only the built-in
// catalogue has published pages.
func docURL(r *scoring.Report, id string) string {
	if r.Catalogue.ID != criteria.P06TechnicalID {
		return ""
	}
	return CriterionDocURL(id)
}

// methodText says how a criterion of each method is checked, by language.
var methodText = map[string]map[criteria.Method]string{
	"vi": {
		criteria.Automated: "Tự động: công cụ kiểm tra cổng từ bên ngoài qua HTTP(S) (chỉ GET/HEAD trừ khi bật --active), không cần cấu hình thêm.",
		criteria.Assisted:  "Có hỗ trợ: cần bộ điều hợp của nhà cung cấp (harness/check) và/hoặc dịch vụ giả lập (ssotest, popdbtest, signtest); thiếu thì kết quả là \"chưa kiểm tra\", không phải \"không đạt\".",
		criteria.Attested:  "Xác nhận bằng tài liệu: đạt khi tệp minh chứng (--evidence) có tài liệu còn hiệu lực với mã SHA-256 khớp.",
		criteria.Computed:  "Tính toán: từ dữ liệu hồ sơ cổng xuất ra (p06 index766).",
	},
	"en": {
		criteria.Automated: "Automated: checked black-box over HTTP(S) (GET/HEAD only unless --active), nothing to configure.",
		criteria.Assisted:  "Assisted: needs the vendor's adapter (harness/check) and/or the fakes of the national services (ssotest, popdbtest, signtest); without them the finding is not_tested, never fail.",
		criteria.Attested:  "Attested: met by a valid document in the evidence file (--evidence) whose SHA-256 matches.",
		criteria.Computed:  "Computed: from dossier data the portal exports (p06 index766).",
	},
}

// renderingNote says whose words the provisions are in.
var renderingNote = map[string]string{
	"vi": "Điều khoản được ghi bằng lời của p06kit (tóm tắt bằng tiếng Việt và tiếng Anh), không phải trích nguyên văn, trừ phần trong ngoặc kép.",
	"en": "Provisions are given in p06kit's own words (a summary in Vietnamese and in English), not quoted verbatim, except where in quotation marks.",
}

// WriteCriterionPage writes the documentation page of criterion c of cat as Markdown, in
// Vietnamese then English: what it requires, its legal basis (linked, with quoted law told
// apart from derived controls and the sources' reliability), how it is checked, and how to fix
// it (the advice names passing configurations where there is one).
func WriteCriterionPage(w io.Writer, cat *criteria.Catalogue, c *criteria.Criterion) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s — %s\n\n", c.ID, c.Title.In("vi"))
	fmt.Fprintf(&b, "_%s_\n\n", c.Title.In("en"))
	group := c.Group
	if g, ok := cat.Group(c.Group); ok {
		group = g.Title.In("vi") + " / " + g.Title.In("en")
	}
	wvi, wen := wordsFor("vi"), wordsFor("en")
	crit := ""
	if c.Critical {
		crit = " · **" + wvi.Critical + " / " + wen.Critical + "**"
	}
	fmt.Fprintf(&b, "%s %s %s · %s: %s · %s: %s / %s · %s / %s: %g%s\n\n", wvi.Catalogue, cat.ID, cat.Version, wvi.Group, mdInline(group),
		wvi.Level, wvi.Levels[c.Level], wen.Levels[c.Level], wvi.Points, wen.Points, c.Points, crit)
	for _, lang := range []string{"vi", "en"} {
		wd := wordsFor(lang)
		if lang == "en" {
			b.WriteString("---\n\n## English\n\n")
		}
		h := map[string][4]string{
			"vi": {"Yêu cầu", "Căn cứ pháp lý", "Cách kiểm tra", "Cách khắc phục"},
			"en": {"Requirement", "Legal basis", "How it is checked", "How to fix"},
		}[lang]
		fmt.Fprintf(&b, "### %s\n\n%s\n\n", h[0], mdInline(c.Requirement.In(lang)))
		fmt.Fprintf(&b, "### %s\n\n", h[1])
		for _, it := range basisItems(c, lang) {
			t := mdInline(it.Text)
			if it.URL != "" {
				t = "[" + t + "](" + strings.NewReplacer("(", "%28", ")", "%29", " ", "%20").Replace(it.URL) + ")"
			}
			fmt.Fprintf(&b, "- %s %s\n", t, mdInline(it.label()))
		}
		for _, bs := range c.Basis {
			// A note shows in the Vietnamese section only where the catalogue has it in Vietnamese.
			if n := bs.NoteIn(lang); n != "" && (lang == "en" || bs.NoteVI != "") {
				fmt.Fprintf(&b, "- _%s_: %s\n", wd.Note, mdInline(n))
			}
		}
		fmt.Fprintf(&b, "\n_%s_\n", renderingNote[lang])
		fmt.Fprintf(&b, "\n### %s\n\n%s", h[2], methodText[lang][c.Method])
		if c.Formula != nil {
			fmt.Fprintf(&b, " %s", mdInline(c.Formula.In(lang)))
		}
		if len(c.Tags) > 0 {
			fmt.Fprintf(&b, " (`--only %s`)", strings.Join(c.Tags, "`, `--only "))
		}
		fmt.Fprintf(&b, "\n\n### %s\n\n%s\n\n", h[3], mdInline(c.Advice.In(lang)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
