package report

import (
	"net/url"
	"strings"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/scoring"
)

// basisItem is one legal basis of a criterion, as a report shows it: the document (in the
// report's language where the catalogue has it), the provision, the kind (quoted law or a
// derived control) and the reliability of the source, and a link to a copy of the text.
type basisItem struct {
	Text, Kind, Reliability, URL string
}

// kindLabels and reliabilityLabels explain the catalogue's codes in each language (messages.go).
var kindLabels, reliabilityLabels = byLang(kindTexts), byLang(reliabilityTexts)

// basisItems returns c's legal bases for a report in lang.
func basisItems(c *criteria.Criterion, lang string) []basisItem {
	if c == nil {
		return nil
	}
	if lang != "en" {
		lang = "vi"
	}
	var out []basisItem
	for _, b := range c.Basis {
		doc := b.Document
		if lang == "vi" && b.DocumentVI != "" {
			doc = b.DocumentVI
		}
		art := b.ArticleIn(lang)
		if art != "" {
			doc += ", " + art
		}
		it := basisItem{Text: doc, Kind: kindLabels[lang][b.Kind], Reliability: reliabilityLabels[lang][b.Reliability], URL: safeURL(b.URL)}
		if it.Kind == "" {
			it.Kind = string(b.Kind)
		}
		out = append(out, it)
	}
	return out
}

// label is "(kind)" or "(kind; reliability)".
func (b basisItem) label() string {
	if b.Reliability == "" {
		return "(" + b.Kind + ")"
	}
	return "(" + b.Kind + "; " + b.Reliability + ")"
}

// basisText is the bases as plain text, for formats without links.
func basisText(c *criteria.Criterion, lang string) string {
	var parts []string
	for _, b := range basisItems(c, lang) {
		parts = append(parts, b.Text+" "+b.label())
	}
	return strings.Join(parts, "; ")
}

// basisMarkdown is the bases as inline Markdown, each document linked to its source.
func basisMarkdown(c *criteria.Criterion, lang string) string {
	var parts []string
	for _, b := range basisItems(c, lang) {
		t := mdInline(b.Text)
		if b.URL != "" {
			t = "[" + t + "](" + strings.NewReplacer("(", "%28", ")", "%29", " ", "%20").Replace(b.URL) + ")"
		}
		parts = append(parts, t+" "+mdInline(b.label()))
	}
	return strings.Join(parts, "; ")
}

// safeURL returns u when it is an absolute http(s) URL, "" otherwise (a catalogue file could
// hold anything).
func safeURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
		return ""
	}
	return p.String()
}

// wantText is what a report shows as required: in Vietnamese the catalogue's requirement
// (the checks state what they want in English), in English the check's own want, else the
// requirement.
func wantText(f scoring.Finding, c *criteria.Criterion, lang string) string {
	if c != nil && lang != "en" {
		if vi := c.Requirement.In("vi"); vi != "" {
			return vi
		}
	}
	if f.Want != "" {
		return f.Want
	}
	if c != nil {
		return c.Requirement.In(lang)
	}
	return ""
}
