package report

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

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

// methodText says how a criterion of each method is checked, by language (messages.go).
var methodText = byLang(methodTexts)

// WriteCriterionPage writes the documentation page of criterion c of cat as Markdown, in
// Vietnamese then English: what it requires, its legal basis (linked, with quoted law told
// apart from derived controls and the sources' reliability), how it is checked, and how to fix
// it (the advice names passing configurations where there is one). Each language's section has
// its own title and summary line, so the Vietnamese part reads in Vietnamese only; code spans in
// the catalogue's text (configuration, header values) stay code.
func WriteCriterionPage(w io.Writer, cat *criteria.Catalogue, c *criteria.Criterion) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s — %s\n\n", c.ID, mdProse(c.Title.In("vi")))
	for _, lang := range []string{"vi", "en"} {
		wd := wordsFor(lang)
		if lang == "en" {
			b.WriteString("---\n\n## English\n\n")
			fmt.Fprintf(&b, "_%s_\n\n", mdProse(c.Title.In("en")))
		}
		group := c.Group
		if g, ok := cat.Group(c.Group); ok {
			group = g.Title.In(lang)
		}
		crit := ""
		if c.Critical {
			crit = " · **" + wd.Critical + "**"
		}
		fmt.Fprintf(&b, "%s %s %s · %s: %s · %s: %s · %s: %g%s\n\n", wd.Catalogue, cat.ID, cat.Version, wd.Group, mdInline(group),
			wd.Level, wd.Levels[c.Level], upperFirst(wd.Points), c.Points, crit)
		h := [4]string{pageHeadings.Requirement.Format(lang), pageHeadings.Basis.Format(lang), pageHeadings.Method.Format(lang), pageHeadings.Fix.Format(lang)}
		fmt.Fprintf(&b, "### %s\n\n%s\n\n", h[0], mdProse(c.Requirement.In(lang)))
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
				fmt.Fprintf(&b, "- _%s_: %s\n", wd.Note, mdProse(n))
			}
		}
		fmt.Fprintf(&b, "\n_%s_\n", renderingNoteText.Format(lang))
		fmt.Fprintf(&b, "\n### %s\n\n%s", h[2], methodText[lang][c.Method])
		if c.Formula != nil {
			fmt.Fprintf(&b, " %s", mdProse(c.Formula.In(lang)))
		}
		if len(c.Tags) > 0 {
			fmt.Fprintf(&b, " (`--only %s`)", strings.Join(c.Tags, "`, `--only "))
		}
		fmt.Fprintf(&b, "\n\n### %s\n\n%s\n\n", h[3], mdProse(c.Advice.In(lang)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// proseCode is a code span in a catalogue's text.
var proseCode = regexp.MustCompile("`[^`\n]+`")

// mdProse is mdInline for catalogue text that marks configuration and header values as code
// spans: the spans are kept as code, the text around them escaped.
func mdProse(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	last := 0
	for _, loc := range proseCode.FindAllStringIndex(s, -1) {
		b.WriteString(mdEscaper.Replace(s[last:loc[0]]))
		b.WriteString(s[loc[0]:loc[1]])
		last = loc[1]
	}
	b.WriteString(mdEscaper.Replace(s[last:]))
	return b.String()
}

// upperFirst capitalises the first letter of a label that is written lower-case inside a
// sentence ("điểm", "points") for the start of a field.
func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
	}
	return s
}
