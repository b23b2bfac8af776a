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

// compactMessage groups the "PAGE: detail" items of a message separated by "; " whose detail
// is the same: "prefix: /a: x; /b: x; /c: y" becomes "prefix: x (/a, /b); /c: y". Text after
// the items that does not start with a page belongs to the last item's detail. A message not
// of that form is returned as it is.
func compactMessage(msg string) string {
	segs := strings.Split(msg, "; ")
	// The first segment is "prefix: PAGE: detail" or "prefix: PAGE detail".
	first := segs[0]
	cut := -1
	for i := 0; i+2 <= len(first); i++ {
		if first[i] == ':' && first[i+1] == ' ' && isPageRef(first[i+2:]) {
			cut = i + 2
			break
		}
	}
	if cut < 0 {
		return msg
	}
	prefix := first[:cut]
	segs[0] = first[cut:]
	var items []pageItem
	for _, sg := range segs {
		if isPageRef(sg) {
			page, rest, sep := splitPage(sg)
			if sep != "" {
				items = append(items, pageItem{page, sep, rest})
				continue
			}
		}
		if len(items) == 0 {
			return msg
		}
		items[len(items)-1].detail += "; " + sg
	}
	var out []string
	grouped := false
	for i := 0; i < len(items); {
		j := i
		for j+1 < len(items) && items[j+1].detail == items[i].detail && items[j+1].sep == items[i].sep {
			j++
		}
		if j > i {
			pages := make([]string, 0, j-i+1)
			for _, it := range items[i : j+1] {
				pages = append(pages, it.page)
			}
			out = append(out, items[i].detail+" ("+strings.Join(pages, ", ")+")")
			grouped = true
		} else {
			out = append(out, items[i].page+items[i].sep+items[i].detail)
		}
		i = j + 1
	}
	if !grouped {
		return msg
	}
	return prefix + strings.Join(out, "; ")
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
// html/template writes as character references are written as they are, and blank lines
// between elements are dropped. A quote inside a tag stays a reference: it may be in an
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
			inTag = true
			switch {
			case strings.HasPrefix(s[i:], "<pre"):
				inPre = true
			case strings.HasPrefix(s[i:], "</pre>"):
				inPre = false
			}
		case c == '&' && !inPre:
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
