// Package htmlx holds the few HTML helpers the checks share, over golang.org/x/net/html. It hides
// that package's node API behind small functions so that checks read as what they look for.
package htmlx

import (
	"strings"

	"golang.org/x/net/html"
)

// Walk calls f for every element node under n (n included), in document order, without
// recursion and without allocating: it follows the tree's own child, sibling and parent links,
// so that hostile, deeply nested documents cannot exhaust the stack and checks that walk every
// page many times stay cheap. It stops when f returns false. f must not modify the tree.
func Walk(n *html.Node, f func(*html.Node) bool) {
	walk(n, func(cur *html.Node) (descend, more bool) {
		if cur.Type != html.ElementNode {
			return true, true
		}
		ok := f(cur)
		return ok, ok
	})
}

// Visit calls f for every node under n (n included; text and comments too) in document order,
// without recursion, and does not descend into a node for which f returns false.
func Visit(n *html.Node, f func(*html.Node) bool) {
	walk(n, func(cur *html.Node) (descend, more bool) { return f(cur), true })
}

// walk is Walk and Visit: it follows the tree's links from n, and f says for each node whether to
// descend into it and whether to go on at all.
func walk(n *html.Node, f func(*html.Node) (descend, more bool)) {
	if n == nil {
		return
	}
	cur := n
	for {
		descend, more := f(cur)
		if !more {
			return
		}
		if descend && cur.FirstChild != nil {
			cur = cur.FirstChild
			continue
		}
		for cur != n && cur.NextSibling == nil {
			cur = cur.Parent
		}
		if cur == n {
			return
		}
		cur = cur.NextSibling
	}
}

// All returns the elements under n with one of the given tag names (lower case); every element
// when no name is given.
func All(n *html.Node, tags ...string) []*html.Node {
	var out []*html.Node
	Walk(n, func(e *html.Node) bool {
		if len(tags) == 0 {
			out = append(out, e)
			return true
		}
		for _, t := range tags {
			if e.Data == t {
				out = append(out, e)
				break
			}
		}
		return true
	})
	return out
}

// First returns the first element with the tag name, or nil.
func First(n *html.Node, tag string) *html.Node {
	var found *html.Node
	Walk(n, func(e *html.Node) bool {
		if e.Data == tag {
			found = e
			return false
		}
		return true
	})
	return found
}

// Attr returns the value of the attribute and whether it is present.
func Attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, name) {
			return a.Val, true
		}
	}
	return "", false
}

// Text returns the text content of n with runs of white space collapsed, skipping scripts and
// styles, without recursion.
func Text(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	Visit(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
		return c.Type != html.ElementNode || (c.Data != "script" && c.Data != "style")
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// Path returns a CSS-like path to the element for evidence, e.g. "html>body>form>input[name=q]".
func Path(n *html.Node) string {
	var parts []string
	for e := n; e != nil && e.Type == html.ElementNode; e = e.Parent {
		p := e.Data
		if id, ok := Attr(e, "id"); ok && id != "" {
			p += "#" + id
		} else if name, ok := Attr(e, "name"); ok && name != "" {
			p += "[name=" + name + "]"
		}
		parts = append(parts, p)
		if len(parts) > 12 {
			parts = append(parts, "…")
			break
		}
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, ">")
}

// Outer returns a short excerpt of the element's start tag for evidence, at most max bytes.
func Outer(n *html.Node, max int) string {
	var b strings.Builder
	b.WriteString("<" + n.Data)
	for _, a := range n.Attr {
		b.WriteString(" " + a.Key + `="` + a.Val + `"`)
	}
	b.WriteString(">")
	s := b.String()
	if len(s) > max {
		s = s[:max] + "…"
	}
	return s
}
