package htmldoc

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
)

// A partial shell is a server-rendered page whose content is drawn by JavaScript: the site's
// chrome (header, menu, footer) is in the markup, its main content region is an empty mount
// element the app's bundle fills (<div id="app"></div> and <script src=…>). Liferay portals
// with Vue or React portlets (OpenCPS) and CMS pages embedding an app take this shape. The
// chrome can be judged (the page's language, title, viewport, charset; an image without alt
// in the header is a defect whatever the app draws); what the content region holds cannot.

// mountIDPattern matches the ids apps mount on besides mountIDs: app_login, vue-app, react-root,
// root-container, main-app, appRoot…
var mountIDPattern = regexp.MustCompile(`(?i)^(?:app|root|vue|react|spa)(?:[-_].*|root|app|container)?$|^.*[-_](?:app|root)$`)

// mountName is how a mount element is named in a reason, or "" when n is not one: an element
// whose id is a known mount id or looks like one, <app-root>, or one with ng-app.
func mountName(n *html.Node) string {
	id, _ := htmlx.Attr(n, "id")
	_, ng := htmlx.Attr(n, "ng-app")
	switch {
	case mountIDs[strings.ToLower(id)] || id != "" && mountIDPattern.MatchString(id):
		return fmt.Sprintf(`<%s id="%s">`, n.Data, id)
	case n.Data == "app-root" || ng:
		return "<" + n.Data + ">"
	}
	return ""
}

// chromeTokens are ids and class names of the page chrome in themes that do not use landmarks.
var chromeTokens = map[string]bool{"header": true, "footer": true, "banner": true, "navigation": true, "nav": true,
	"navbar": true, "menu": true, "mainmenu": true, "main-menu": true, "topbar": true, "top-bar": true,
	"site-header": true, "site-footer": true, "sidebar": true}

// chrome reports whether n is part of the page chrome: header, nav, footer and aside elements,
// their ARIA roles, and elements whose id or a class is one of chromeTokens.
func chrome(n *html.Node) bool {
	switch n.Data {
	case "header", "nav", "footer", "aside":
		return true
	}
	role, _ := htmlx.Attr(n, "role")
	switch strings.ToLower(strings.TrimSpace(role)) {
	case "banner", "navigation", "contentinfo", "complementary", "menubar":
		return true
	}
	if id, _ := htmlx.Attr(n, "id"); chromeTokens[strings.ToLower(id)] {
		return true
	}
	class, _ := htmlx.Attr(n, "class")
	for _, c := range strings.Fields(strings.ToLower(class)) {
		if chromeTokens[c] {
			return true
		}
	}
	return false
}

// partialTextMax is the most text, in characters, the content region around an empty mount
// element may hold (a "loading…" line, a breadcrumb) and still be the app's to fill.
const partialTextMax = 80

// PartialShellReason says why a parsed page is a partial shell, or the zero Phrase when it is not (or when
// it is a whole shell, see ShellReason): it runs external or module scripts, it has chrome
// (header, nav, footer, aside or their roles), and its main content region — <main> (or
// role=main) when there is one, else the body outside the chrome — holds an empty mount element
// and nothing else a citizen could read or use: at most partialTextMax characters of text, no
// form control, image, table or heading.
func PartialShellReason(doc *html.Node) msg.Phrase {
	if doc == nil || !ShellReason(doc).IsZero() {
		return msg.Phrase{}
	}
	return partialReason(doc)
}

// partialReason is PartialShellReason without the whole-shell test.
func partialReason(doc *html.Node) msg.Phrase {
	body := htmlx.First(doc, "body")
	if body == nil {
		return msg.Phrase{}
	}
	var bundle any
	for _, s := range htmlx.All(doc, "script") {
		src, hasSrc := htmlx.Attr(s, "src")
		typ, _ := htmlx.Attr(s, "type")
		if hasSrc || strings.EqualFold(typ, "module") {
			bundle = scriptName(src)
			break
		}
	}
	if bundle == nil {
		return msg.Phrase{}
	}
	region := body
	for _, n := range htmlx.All(body, "main") {
		region = n
		break
	}
	if region == body {
		htmlx.Walk(body, func(n *html.Node) bool {
			if r, _ := htmlx.Attr(n, "role"); strings.EqualFold(strings.TrimSpace(r), "main") {
				region = n
				return false
			}
			return true
		})
	}
	hasChrome := false
	var mount string
	var text strings.Builder
	solid := false // something in the content region besides text: a control, an image, a table, a heading
	htmlx.Visit(region, func(n *html.Node) bool {
		if n.Type == html.TextNode {
			text.WriteString(n.Data)
			text.WriteByte(' ')
			return true
		}
		if n.Type != html.ElementNode {
			return true
		}
		switch n.Data {
		case "script", "style", "noscript", "template":
			return false
		}
		if n != region && region == body && chrome(n) {
			hasChrome = true
			return false
		}
		switch n.Data {
		case "input", "select", "textarea", "button", "img", "svg", "picture", "video", "iframe", "object", "table", "form",
			"h1", "h2", "h3", "h4", "h5", "h6":
			solid = true
		}
		if mount == "" && empty(n) {
			mount = mountName(n)
		}
		return true
	})
	if region != body {
		// <main> is the content region; the chrome is what lies outside it.
		htmlx.Visit(body, func(n *html.Node) bool {
			if n == region {
				return false
			}
			if n.Type == html.ElementNode && chrome(n) {
				hasChrome = true
				return false
			}
			return true
		})
	}
	n := utf8.RuneCountInString(strings.Join(strings.Fields(text.String()), " "))
	if mount == "" || !hasChrome || solid || n > partialTextMax {
		return msg.Phrase{}
	}
	return msg.P(mShellPartial, mount, n, bundle)
}
