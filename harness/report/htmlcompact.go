package report

import (
	"strings"
)

// The HTML page writes what the checks say about many pages compactly, without dropping any
// of it: URLs on the portal's own origin as paths (the page states the origin once), and a
// message that lists "URL: detail" for several pages with the same detail as that detail once,
// followed by the pages.

// relativeTo writes the URLs of origin ("https://host:port") in s as paths.
func relativeTo(s, origin string) string {
	if origin == "" {
		return s
	}
	return strings.ReplaceAll(s, origin+"/", "/")
}

// isPageRef reports whether s starts with a page reference: a path or an http(s) URL.
func isPageRef(s string) bool {
	return strings.HasPrefix(s, "/") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// pageItem is one "PAGE: detail" (or "PAGE detail") of a message.
type pageItem struct{ page, sep, detail string }

// compactMessage groups the "PAGE: detail" (or "PAGE detail") items of a message separated by
// "; " (or, when that groups nothing, by " | ") whose detail is the same, wherever they are in
// the list: "prefix: /a: x; /b: y; /c: x" becomes "prefix: x (/a, /c); /b: y", each detail
// where it first appears. Text after the items that does not start with a page belongs to the
// last item's detail, unless that detail is another item's followed by "; …" or " (…": then
// it is the message's own ending ("…; and 12 more", " (1 page not checked: /x)", see
// isMessageEnding) and follows the groups. A message that starts with a page has no prefix. A message not of that form, or
// whose items have no detail in common, is returned as it is.
func compactMessage(msg string) string {
	if out, ok := compactItems(msg, "; "); ok {
		return out
	}
	if out, ok := compactItems(msg, " | "); ok {
		return out
	}
	return msg
}

// compactItems is compactMessage with the items separated by sep; ok is false when nothing
// was grouped.
func compactItems(msg, sep string) (string, bool) {
	cut := -1
	if isPageRef(msg) {
		cut = 0
	}
	// Otherwise the first segment is "prefix: PAGE: detail" or "prefix: PAGE detail".
	first, _, _ := strings.Cut(msg, sep)
	for i := 0; cut < 0 && i+2 <= len(first); i++ {
		if first[i] == ':' && first[i+1] == ' ' && isPageRef(first[i+2:]) {
			cut = i + 2
		}
	}
	if cut < 0 {
		return "", false
	}
	prefix := msg[:cut]
	var items []pageItem
	for _, sg := range strings.Split(msg[cut:], sep) {
		if isPageRef(sg) {
			page, rest, psep := splitPage(sg)
			if psep != "" {
				items = append(items, pageItem{page, psep, rest})
				continue
			}
		}
		if len(items) == 0 {
			return "", false
		}
		items[len(items)-1].detail += sep + sg
	}
	// The message's own ending, glued to the last item's detail.
	tail := ""
	if n := len(items); n > 1 {
		last := &items[n-1]
		for _, it := range items[:n-1] {
			rest, ok := strings.CutPrefix(last.detail, it.detail)
			if ok && it.sep == last.sep && isMessageEnding(rest, sep) {
				tail, last.detail = rest, it.detail
				break
			}
		}
	}
	type group struct {
		item  pageItem
		pages []string
	}
	var groups []*group
	byDetail := map[[2]string]*group{}
	for _, it := range items {
		k := [2]string{it.sep, it.detail}
		g, ok := byDetail[k]
		if !ok {
			g = &group{item: it}
			byDetail[k] = g
			groups = append(groups, g)
		}
		g.pages = append(g.pages, it.page)
	}
	if len(groups) == len(items) {
		return "", false
	}
	out := make([]string, 0, len(groups))
	for _, g := range groups {
		if len(g.pages) == 1 {
			out = append(out, g.item.page+g.item.sep+g.item.detail)
			continue
		}
		out = append(out, g.item.detail+" ("+strings.Join(g.pages, ", ")+")")
	}
	return prefix + strings.Join(out, sep) + tail, true
}

// isMessageEnding reports whether rest, what follows an item's detail, reads as the end of the
// whole message rather than more of that item: a count of the items left out ("; and 12 more":
// a number in its first two words) or of the pages not checked (" (1 page not checked: /x)").
func isMessageEnding(rest, sep string) bool {
	if after, ok := strings.CutPrefix(rest, sep); ok {
		words := strings.Fields(after)
		return len(words) > 1 && (strings.ContainsAny(words[0], "0123456789") || strings.ContainsAny(words[1], "0123456789"))
	}
	after, ok := strings.CutPrefix(rest, " (")
	if !ok || after == "" || after[0] < '0' || after[0] > '9' {
		return false
	}
	_, page, ok := strings.Cut(after, ": ")
	return ok && isPageRef(page)
}

// splitPage splits "PAGE: detail" or "PAGE detail" into the page, the detail and the separator
// (": " or " "); sep is "" when s has no detail.
func splitPage(s string) (page, detail, sep string) {
	end := strings.IndexByte(s, ' ')
	if end < 0 {
		return s, "", ""
	}
	page, detail = s[:end], s[end+1:]
	if strings.HasSuffix(page, ":") && len(page) > 1 && !strings.HasSuffix(page, "://") {
		return strings.TrimSuffix(page, ":"), detail, ": "
	}
	return page, detail, " "
}

// tidyHTML writes what html/template rendered a little smaller without changing what a
// browser shows: in text (outside tags, and outside <pre>, whose lines count) the quotes
// html/template writes as character references are written as they are, blank lines
// between elements are dropped, and so are the end tags HTML lets a page leave out of list
// items, table rows and cells and description terms and details (the next item or the end of
// the list, row or table closes them: optionalEndTag). A quote inside a tag stays a reference: it may be in an
// attribute's value. The template writes no '>' inside a tag but the one that ends it (html/template
// escapes the values it puts there), so a tag is what runs from '<' to the next '>'.
func tidyHTML(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	inTag, inPre := false, false
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case inTag:
			if c == '>' {
				inTag = false
			}
		case c == '<':
			if !inPre {
				if n := optionalEndTag(s[i:]); n > 0 {
					i += n
					continue
				}
			}
			inTag = true
			switch {
			case strings.HasPrefix(s[i:], "<pre"):
				inPre = true
			case strings.HasPrefix(s[i:], "</pre>"):
				inPre = false
			}
		case c == '&':
			// In <pre> too: a quote is text there as anywhere outside a tag.
			if r, n := textReference(s[i:]); n > 0 {
				b.WriteByte(r)
				i += n
				continue
			}
		case c == '\n' && !inPre:
			b.WriteByte(c)
			for i++; i < len(s) && s[i] == '\n'; i++ {
			}
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// optionalEndTag is the length of the end tag at the start of s when it is one a page may
// leave out (</li>, </tr>, </td>, </th>, </dt>, </dd>: the parser closes the element at the
// next sibling's start or the parent's end), else 0. The page puts nothing but such a sibling,
// white space or the parent's end after them.
func optionalEndTag(s string) int {
	for _, t := range [...]string{"</li>", "</tr>", "</td>", "</th>", "</dt>", "</dd>"} {
		if strings.HasPrefix(s, t) {
			return len(t)
		}
	}
	return 0
}

// textReference is the character a reference at the start of s stands for, when that
// character needs none in text, and the reference's length.
func textReference(s string) (byte, int) {
	for _, r := range [...]struct {
		ref string
		c   byte
	}{{"&#34;", '"'}, {"&#39;", '\''}, {"&#43;", '+'}, {"&quot;", '"'}} {
		if strings.HasPrefix(s, r.ref) {
			return r.c, len(r.ref)
		}
	}
	return 0, 0
}
