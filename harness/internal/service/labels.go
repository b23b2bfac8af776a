package service

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/internal/htmlx"
)

// maxLabelLen bounds what counts as a label: longer text is prose, not a heading.
const maxLabelLen = 160

// labelTags are the elements whose text portals use as headings or field labels of a procedure
// page.
var labelTags = []string{"h1", "h2", "h3", "h4", "h5", "h6", "dt", "th", "label", "strong", "b", "legend", "caption", "summary"}

// label is a heading or field label of a page, folded.
type label struct {
	node   *html.Node
	folded string
}

type labelsKey struct{}

// pageLabels is labels of a fetched page, computed once per page for the checks that read it.
func pageLabels(pg *check.Page) []label {
	ls, _ := pg.Memo(labelsKey{}, func() any { return labels(pg.Doc) }).([]label)
	return ls
}

// labels returns the page's headings and field labels: the elements of labelTags, elements with
// role=heading, and the first cell of each table row.
func labels(doc *html.Node) []label {
	var out []label
	htmlx.Walk(doc, func(n *html.Node) bool {
		take := false
		for _, t := range labelTags {
			if n.Data == t {
				take = true
				break
			}
		}
		if role, _ := htmlx.Attr(n, "role"); strings.EqualFold(role, "heading") {
			take = true
		}
		if n.Data == "td" && n.Parent != nil && firstCell(n) {
			take = true
		}
		if take {
			if t := htmlx.Text(n); t != "" && len(t) <= maxLabelLen {
				out = append(out, label{node: n, folded: htmlx.Fold(t)})
			}
		}
		return true
	})
	return out
}

func firstCell(td *html.Node) bool {
	for c := td.PrevSibling; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode && (c.Data == "td" || c.Data == "th") {
			return false
		}
	}
	return true
}

// hasLabel reports whether one of the labels holds every phrase of one of the alternatives.
func hasLabel(ls []label, alternatives [][]string) bool {
	for _, l := range ls {
		for _, alt := range alternatives {
			ok := true
			for _, p := range alt {
				if !htmlx.FoldedContains(l.folded, p) {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// valueOf returns the text that a label introduces: the rest of its parent for an inline label
// (strong, b, label), the next cell or definition for th, td and dt, the following siblings up to
// the next heading for a heading.
func valueOf(l label) string {
	n := l.node
	switch n.Data {
	case "strong", "b", "label":
		if n.Parent != nil {
			return strings.TrimSpace(strings.TrimPrefix(htmlx.Text(n.Parent), htmlx.Text(n)))
		}
	case "th", "td", "dt":
		for c := n.NextSibling; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				return htmlx.Text(c)
			}
		}
	default:
		var b strings.Builder
		for c := n.NextSibling; c != nil && b.Len() < 2000; c = c.NextSibling {
			if c.Type == html.ElementNode && len(c.Data) == 2 && c.Data[0] == 'h' && c.Data[1] >= '1' && c.Data[1] <= '6' {
				break
			}
			if c.Type == html.ElementNode {
				b.WriteString(htmlx.Text(c) + " ")
			} else if c.Type == html.TextNode {
				b.WriteString(c.Data + " ")
			}
		}
		return strings.Join(strings.Fields(b.String()), " ")
	}
	return ""
}
