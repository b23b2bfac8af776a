package a11y

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/internal/htmlx"
)

// index holds what the rules look up across the document.
type index struct {
	byID   map[string]*html.Node
	labels map[string][]*html.Node // label[for] by id
}

func newIndex(doc *html.Node) *index {
	ix := &index{byID: map[string]*html.Node{}, labels: map[string][]*html.Node{}}
	htmlx.Walk(doc, func(n *html.Node) bool {
		if id, ok := htmlx.Attr(n, "id"); ok && id != "" {
			if _, dup := ix.byID[id]; !dup {
				ix.byID[id] = n
			}
		}
		if n.Data == "label" {
			if f, ok := htmlx.Attr(n, "for"); ok && f != "" {
				ix.labels[f] = append(ix.labels[f], n)
			}
		}
		return true
	})
	return ix
}

func attr(n *html.Node, name string) string { v, _ := htmlx.Attr(n, name); return v }

func nonEmpty(n *html.Node, name string) bool { return strings.TrimSpace(attr(n, name)) != "" }

// hidden reports whether n or an ancestor is hidden from assistive technology: the hidden
// attribute, aria-hidden="true", or an inline style with display:none or visibility:hidden.
// Style sheets are not evaluated.
func hidden(n *html.Node) bool {
	for e := n; e != nil; e = e.Parent {
		if e.Type != html.ElementNode {
			continue
		}
		if _, ok := htmlx.Attr(e, "hidden"); ok {
			return true
		}
		if strings.EqualFold(strings.TrimSpace(attr(e, "aria-hidden")), "true") {
			return true
		}
		st := strings.ToLower(strings.ReplaceAll(attr(e, "style"), " ", ""))
		if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
			return true
		}
	}
	return false
}

// labelledBy is the text of the elements aria-labelledby refers to.
func (ix *index) labelledBy(n *html.Node) string {
	var parts []string
	for _, id := range strings.Fields(attr(n, "aria-labelledby")) {
		if e := ix.byID[id]; e != nil {
			if t := ix.content(e, 0); t != "" {
				parts = append(parts, t)
			}
		}
	}
	return strings.Join(parts, " ")
}

// name is a simplified accessible name (WAI-ARIA accname 1.1): aria-labelledby, aria-label, the
// element's own text alternative (alt of images), its content, then title.
func (ix *index) name(n *html.Node) string {
	if t := ix.labelledBy(n); strings.TrimSpace(t) != "" {
		return t
	}
	if nonEmpty(n, "aria-label") {
		return strings.TrimSpace(attr(n, "aria-label"))
	}
	switch n.Data {
	case "img", "area":
		if nonEmpty(n, "alt") {
			return strings.TrimSpace(attr(n, "alt"))
		}
	case "input":
		switch strings.ToLower(attr(n, "type")) {
		case "image":
			if nonEmpty(n, "alt") {
				return strings.TrimSpace(attr(n, "alt"))
			}
		case "button", "submit", "reset":
			if nonEmpty(n, "value") {
				return strings.TrimSpace(attr(n, "value"))
			}
		}
	default:
		if t := ix.content(n, 0); t != "" {
			return t
		}
	}
	return strings.TrimSpace(attr(n, "title"))
}

// content is the name contributed by n's descendants: text, and the names of embedded images and
// labelled elements, skipping hidden ones.
func (ix *index) content(n *html.Node, depth int) string {
	var b strings.Builder
	var walk func(c *html.Node, d int)
	walk = func(c *html.Node, d int) {
		if d > 64 {
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			switch k.Type {
			case html.TextNode:
				b.WriteString(k.Data + " ")
			case html.ElementNode:
				if k.Data == "script" || k.Data == "style" || k.Data == "template" || hiddenSelf(k) {
					continue
				}
				if nonEmpty(k, "aria-label") {
					b.WriteString(attr(k, "aria-label") + " ")
					continue
				}
				if k.Data == "img" || k.Data == "area" || (k.Data == "input" && strings.EqualFold(attr(k, "type"), "image")) {
					b.WriteString(attr(k, "alt") + " ")
					continue
				}
				walk(k, d+1)
			}
		}
	}
	walk(n, depth)
	return strings.Join(strings.Fields(b.String()), " ")
}

// hiddenSelf is hidden for the element alone (ancestors were checked by the caller's walk).
func hiddenSelf(e *html.Node) bool {
	if _, ok := htmlx.Attr(e, "hidden"); ok {
		return true
	}
	if strings.EqualFold(strings.TrimSpace(attr(e, "aria-hidden")), "true") {
		return true
	}
	st := strings.ToLower(strings.ReplaceAll(attr(e, "style"), " ", ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

// role returns the element's explicit role (the first token), lower case.
func role(n *html.Node) string {
	f := strings.Fields(strings.ToLower(attr(n, "role")))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}
