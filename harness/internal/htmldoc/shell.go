package htmldoc

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/internal/redact"
)

// A page rendered by JavaScript (a single-page app: React, Vue, Angular, the OpenCPS public
// template) arrives as a shell, an empty mount element and the scripts that fill it. Judging
// its title, images, links, contact details or catalogue on the shell judges something no
// citizen sees: content criteria on a shell are error, saying the page needs rendering
// (Target.Renderer, `p06 scan --render`).

// shellTextMax is the most visible text, in characters, a page with an empty mount element
// may hold and still be a shell: enough for a "loading…" or "enable JavaScript" line.
const shellTextMax = 200

// mountIDs are the ids single-page-app frameworks mount on by default or by convention.
var mountIDs = map[string]bool{"root": true, "app": true, "__next": true, "__nuxt": true, "q-app": true, "main-app": true, "app-root": true, "svelte": true}

// ShellReason says why a parsed page looks like a single-page app's shell (a message of the
// catalogue, rendered in the language of the finding that quotes it), or the zero Phrase when it
// does not: scripts (a module, or external scripts) and either an empty mount element (id "root",
// "app", "__next", …, <app-root>, ng-app) with at most shellTextMax characters of text, or
// almost no text (under 40 characters), no form control and fewer than three links.
func ShellReason(doc *html.Node) msg.Phrase {
	if doc == nil {
		return msg.Phrase{}
	}
	body := htmlx.First(doc, "body")
	if body == nil {
		return msg.Phrase{}
	}
	var scripts, links, controls int
	var bundle any // the first script's redacted URL, or mInlineModule
	var mount string
	htmlx.Visit(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.Data {
		case "script":
			src, hasSrc := htmlx.Attr(n, "src")
			typ, _ := htmlx.Attr(n, "type")
			if hasSrc || strings.EqualFold(typ, "module") {
				scripts++
				if bundle == nil {
					bundle = scriptName(src)
				}
			}
		case "a":
			if h, _ := htmlx.Attr(n, "href"); UsableHref(h) {
				links++
			}
		case "input", "select", "textarea", "button":
			controls++
		case "noscript", "template":
			return false
		}
		if mount == "" && empty(n) {
			id, _ := htmlx.Attr(n, "id")
			_, ng := htmlx.Attr(n, "ng-app")
			switch {
			case mountIDs[strings.ToLower(id)]:
				mount = fmt.Sprintf(`<%s id="%s">`, n.Data, id)
			case n.Data == "app-root" || ng:
				mount = "<" + n.Data + ">"
			}
		}
		return true
	})
	if scripts == 0 {
		return msg.Phrase{}
	}
	text := visibleText(body)
	n := utf8.RuneCountInString(text)
	switch {
	case mount != "" && n <= shellTextMax && !partialReason(doc).IsZero():
		// A short page whose chrome (header, menu, footer) is server-rendered around the
		// empty mount element: a partial shell, whose chrome can be judged.
		return msg.Phrase{}
	case mount != "" && n <= shellTextMax:
		return msg.P(mShellMount, mount, n, bundle)
	case n < 40 && controls == 0 && links < 3:
		return msg.P(mShellBare, n, links, bundle)
	}
	return msg.Phrase{}
}

// scriptName is how a reason names the first script: its URL, redacted, or "an inline module".
func scriptName(src string) any {
	if src == "" {
		return msg.P(mInlineModule)
	}
	return redact.Text(src)
}

// empty reports whether an element has no element children and no text but white space.
func empty(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode || c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return false
		}
	}
	return true
}

// visibleText is the text of n outside scripts, styles, noscript and template.
func visibleText(n *html.Node) string {
	var b strings.Builder
	htmlx.Visit(n, func(c *html.Node) bool {
		switch {
		case c.Type == html.ElementNode && (c.Data == "script" || c.Data == "style" || c.Data == "noscript" || c.Data == "template"):
			return false
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
		return true
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// UsableHref reports whether a link's href leads somewhere when followed: not empty, not a bare
// "#" fragment of the same page, not a javascript: URL. Such links do not count as present for
// criteria that ask for a link (guidance, privacy policy, feedback).
func UsableHref(href string) bool {
	h := strings.ToLower(cleanRef(href)) // as the URL parser reads it: tabs and newlines removed
	return h != "" && !strings.HasPrefix(h, "#") && !strings.HasPrefix(h, "javascript:")
}
