package a11y

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/internal/textx"
)

// Rule is one automated test. IDs are axe-core's rule IDs where axe has the rule, so that
// findings can be compared with axe's violations; the p06- rules are this catalogue's additions.
type Rule struct {
	ID string
	// Criterion is the P06-A11Y criterion the rule belongs to.
	Criterion string
	// SC is the WCAG 2.0 success criterion.
	SC string
	// Advice says how to fix a violation.
	Advice msg.Text
}

// Rules are the rules Audit applies, by ID.
var Rules = map[string]Rule{
	"html-has-lang":             {"html-has-lang", "P06-A11Y-01", "3.1.1", aHTMLHasLang},
	"html-lang-valid":           {"html-lang-valid", "P06-A11Y-01", "3.1.1", aHTMLLangValid},
	"p06-lang-vi":               {"p06-lang-vi", "P06-A11Y-01", "3.1.1", aP06LangVietnamese},
	"document-title":            {"document-title", "P06-A11Y-02", "2.4.2", aDocumentTitle},
	"image-alt":                 {"image-alt", "P06-A11Y-03", "1.1.1", aImageAlt},
	"p06-alt-meaningful":        {"p06-alt-meaningful", "P06-A11Y-03", "1.1.1", aP06AltMeaningful},
	"input-image-alt":           {"input-image-alt", "P06-A11Y-03", "1.1.1", aInputImageAlt},
	"area-alt":                  {"area-alt", "P06-A11Y-03", "1.1.1", aAreaAlt},
	"role-img-alt":              {"role-img-alt", "P06-A11Y-03", "1.1.1", aRoleImgAlt},
	"svg-img-alt":               {"svg-img-alt", "P06-A11Y-03", "1.1.1", aSVGImgAlt},
	"label":                     {"label", "P06-A11Y-04", "1.3.1, 4.1.2", aLabel},
	"select-name":               {"select-name", "P06-A11Y-04", "1.3.1, 4.1.2", aSelectName},
	"p06-label-not-placeholder": {"p06-label-not-placeholder", "P06-A11Y-04", "1.3.1, 3.3.2, 4.1.2", aP06LabelNotPlaceholder},
	"link-name":                 {"link-name", "P06-A11Y-05", "2.4.4, 4.1.2", aLinkName},
	"button-name":               {"button-name", "P06-A11Y-05", "4.1.2", aButtonName},
	"aria-command-name":         {"aria-command-name", "P06-A11Y-05", "4.1.2", aAriaCommandName},
	"input-button-name":         {"input-button-name", "P06-A11Y-05", "4.1.2", aInputButtonName},
	"p06-heading-h1":            {"p06-heading-h1", "P06-A11Y-06", "1.3.1", aP06HeadingH1},
	"heading-order":             {"heading-order", "P06-A11Y-06", "1.3.1", aHeadingOrder},
	"duplicate-id":              {"duplicate-id", "P06-A11Y-07", "4.1.1", aDuplicateID},
}

// understanding is the W3C "Understanding WCAG" page of each success criterion the rules cite.
var understanding = map[string]string{
	"1.1.1": "https://www.w3.org/WAI/WCAG21/Understanding/non-text-content",
	"1.3.1": "https://www.w3.org/WAI/WCAG21/Understanding/info-and-relationships",
	"2.4.2": "https://www.w3.org/WAI/WCAG21/Understanding/page-titled",
	"2.4.4": "https://www.w3.org/WAI/WCAG21/Understanding/link-purpose-in-context",
	"3.1.1": "https://www.w3.org/WAI/WCAG21/Understanding/language-of-page",
	"4.1.1": "https://www.w3.org/WAI/WCAG21/Understanding/parsing",
	"4.1.2": "https://www.w3.org/WAI/WCAG21/Understanding/name-role-value",
}

// Help returns the W3C page that explains the rule's (first) success criterion.
func (r Rule) Help() string {
	sc, _, _ := strings.Cut(r.SC, ",")
	return understanding[strings.TrimSpace(sc)]
}

// Violation is one element that breaks a rule.
type Violation struct {
	Rule string
	// Path locates the element (htmlx.Path); Excerpt is its start tag.
	Path, Excerpt string
	// Detail says what is wrong with this element (its String is the English).
	Detail msg.Phrase

	node *html.Node
}

// Audit applies every rule to a parsed page and returns the violations in document order, rule by
// rule. Elements hidden from assistive technology (hidden, aria-hidden="true", inline
// display:none or visibility:hidden) are skipped; style sheets are not evaluated.
func Audit(doc *html.Node) []Violation {
	a := &auditor{ix: newIndex(doc)}
	a.lang(doc)
	a.title(doc)
	a.images(doc)
	a.labels(doc)
	a.names(doc)
	a.headings(doc)
	a.duplicates(doc)
	return a.out
}

type auditor struct {
	ix  *index
	out []Violation
}

func (a *auditor) add(rule string, n *html.Node, detail msg.Text, args ...any) {
	a.out = append(a.out, Violation{Rule: rule, Path: htmlx.Path(n), Excerpt: htmlx.Outer(n, 160), Detail: msg.P(detail, args...), node: n})
}

// elements walks the HTML elements (not SVG or MathML content, not templates) that are not hidden.
func elements(doc *html.Node, f func(n *html.Node)) {
	htmlx.Walk(doc, func(n *html.Node) bool {
		if n.Namespace == "" && n.Data != "template" && !hidden(n) && !insideTemplate(n) {
			f(n)
		}
		return true
	})
}

func insideTemplate(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == atom.Template {
			return true
		}
	}
	return false
}

func (a *auditor) lang(doc *html.Node) {
	root := htmlx.First(doc, "html")
	if root == nil {
		return
	}
	lang, hasLang := htmlx.Attr(root, "lang")
	xml, hasXML := htmlx.Attr(root, "xml:lang")
	switch {
	case strings.TrimSpace(lang) == "" && strings.TrimSpace(xml) == "":
		a.add("html-has-lang", root, dNoLang)
	case hasLang && strings.TrimSpace(lang) != "" && !validLang(lang):
		a.add("html-lang-valid", root, dLangInvalid, lang)
	case hasXML && strings.TrimSpace(xml) != "" && !validLang(xml):
		a.add("html-lang-valid", root, dXMLLangInvalid, xml)
	default:
		l := lang
		if strings.TrimSpace(l) == "" {
			l = xml
		}
		primary := strings.ToLower(strings.SplitN(strings.TrimSpace(l), "-", 2)[0])
		if body := htmlx.First(doc, "body"); primary != "vi" && body != nil && looksVietnamese(htmlx.Text(body)) {
			a.add("p06-lang-vi", root, dLangNotVietnam, l)
		}
	}
}

func (a *auditor) title(doc *html.Node) {
	var t *html.Node
	htmlx.Walk(doc, func(n *html.Node) bool {
		if n.Data == "title" && n.Namespace == "" {
			t = n
			return false
		}
		return true
	})
	// Reported on <html>, as axe-core does.
	root := htmlx.First(doc, "html")
	switch {
	case root == nil:
	case t == nil:
		a.add("document-title", root, dNoTitle)
	case strings.TrimSpace(htmlx.Text(t)) == "":
		a.add("document-title", root, dEmptyTitle)
	}
}

func (a *auditor) images(doc *html.Node) {
	elements(doc, func(n *html.Node) {
		named := nonEmpty(n, "aria-label") || strings.TrimSpace(a.ix.labelledBy(n)) != "" || nonEmpty(n, "title")
		switch {
		case n.Data == "img":
			alt, hasAlt := htmlx.Attr(n, "alt")
			if hasAlt && alt != "" && strings.TrimSpace(alt) == "" && !named {
				a.add("image-alt", n, dBlankAlt)
				return
			}
			if hasAlt && !named {
				if why := meaninglessAlt(alt, attr(n, "src")); !why.IsZero() {
					a.add("p06-alt-meaningful", n, dMeaninglessAlt, alt, msg.P(why))
				}
				return
			}
			if hasAlt || named || role(n) == "none" || role(n) == "presentation" {
				return
			}
			a.add("image-alt", n, dNoAlt)
		case n.Data == "input" && strings.EqualFold(strings.TrimSpace(attr(n, "type")), "image"):
			if nonEmpty(n, "alt") || named {
				return
			}
			a.add("input-image-alt", n, dInputImage)
		case n.Data == "area":
			if _, ok := htmlx.Attr(n, "href"); !ok || !insideMap(n) || nonEmpty(n, "alt") || nonEmpty(n, "aria-label") || strings.TrimSpace(a.ix.labelledBy(n)) != "" {
				return
			}
			a.add("area-alt", n, dArea)
		case role(n) == "img" && n.Data != "svg":
			if named {
				return
			}
			a.add("role-img-alt", n, dRoleImg)
		}
	})
	// SVG content is in the svg namespace: look for role=img on svg roots.
	htmlx.Walk(doc, func(n *html.Node) bool {
		if n.Data == "svg" && role(n) == "img" && !hidden(n) {
			if nonEmpty(n, "aria-label") || strings.TrimSpace(a.ix.labelledBy(n)) != "" || nonEmpty(n, "title") {
				return true
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.Data == "title" && htmlx.Text(c) != "" {
					return true
				}
			}
			a.add("svg-img-alt", n, dSVGImg)
		}
		return true
	})
}

// unlabelledTypes are the input types that need no label: they are hidden or carry their own
// name (buttons, whose names link-name's sibling rules check).
var unlabelledTypes = map[string]bool{"hidden": true, "image": true, "button": true, "submit": true, "reset": true}

func (a *auditor) labels(doc *html.Node) {
	elements(doc, func(n *html.Node) {
		rule := "label"
		switch n.Data {
		case "input":
			if unlabelledTypes[strings.ToLower(strings.TrimSpace(attr(n, "type")))] {
				return
			}
		case "textarea":
		case "select":
			rule = "select-name"
		default:
			return
		}
		// role="none"/"presentation" is ignored on a focusable control, as axe-core ignores it.
		if a.labelled(n) {
			return
		}
		// P06-A11Y-04's requirement lists <label for>, a wrapping label, aria-label and
		// aria-labelledby; axe-core also accepts a title and (for inputs and textareas) a
		// placeholder as the name. Those controls fail this catalogue's own rule, so that the
		// label and select-name findings stay comparable with axe's.
		switch {
		case nonEmpty(n, "placeholder") && rule == "label":
			a.add("p06-label-not-placeholder", n, dPlaceholderOnly, controlName(n), truncateText(attr(n, "placeholder"), 40))
		case nonEmpty(n, "title"):
			a.add("p06-label-not-placeholder", n, dTitleOnly, controlName(n), truncateText(attr(n, "title"), 40))
		default:
			a.add(rule, n, dNoLabel, controlName(n))
		}
	})
}

// labelled reports whether a control has a label of a kind P06-A11Y-04 names: aria-label,
// aria-labelledby, a visible <label for> with text, or a wrapping label with text.
func (a *auditor) labelled(n *html.Node) bool {
	if nonEmpty(n, "aria-label") || strings.TrimSpace(a.ix.labelledBy(n)) != "" {
		return true
	}
	if id := attr(n, "id"); id != "" {
		for _, l := range a.ix.labels[id] {
			if !hidden(l) && a.ix.content(l, 0) != "" {
				return true
			}
		}
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "label" {
			return a.labelText(p, n) != ""
		}
	}
	return false
}

// truncateText shortens s to at most n runes, with an ellipsis.
func truncateText(s string, n int) string { return textx.Truncate(strings.TrimSpace(s), n) }

// labelText is the text of a wrapping label without the control's own content (a select's
// options).
func (a *auditor) labelText(label, control *html.Node) string {
	if control.Data != "select" {
		return a.ix.content(label, 0)
	}
	var b strings.Builder
	var walk func(c *html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			if k == control {
				continue
			}
			if k.Type == html.TextNode {
				b.WriteString(k.Data + " ")
			}
			walk(k)
		}
	}
	walk(label)
	return strings.TrimSpace(b.String())
}

func controlName(n *html.Node) msg.Phrase {
	if n.Data == "input" {
		t := strings.ToLower(strings.TrimSpace(attr(n, "type")))
		if t == "" {
			t = "text"
		}
		return msg.P(dControlInput, t)
	}
	return msg.P(dControlElement, n.Data)
}

func (a *auditor) names(doc *html.Node) {
	elements(doc, func(n *html.Node) {
		switch {
		case n.Data == "a" && hasAttr(n, "href"):
			if a.ix.name(n) == "" {
				a.add("link-name", n, dLink)
			}
		case (role(n) == "link" || role(n) == "button" || role(n) == "menuitem") && n.Data != "a" && n.Data != "button" && n.Data != "input":
			if a.ix.name(n) == "" {
				a.add("aria-command-name", n, dAriaCommand, role(n))
			}
		case n.Data == "button":
			if a.ix.name(n) == "" {
				a.add("button-name", n, dButton)
			}
		case n.Data == "input":
			t := strings.ToLower(strings.TrimSpace(attr(n, "type")))
			if t != "button" && t != "submit" && t != "reset" {
				return
			}
			if a.ix.name(n) != "" {
				return
			}
			if _, hasValue := htmlx.Attr(n, "value"); t != "button" && !hasValue {
				return // submit and reset have a default label
			}
			a.add("input-button-name", n, dInputButton, t)
		}
	})
}

// insideMap reports whether an area belongs to an image map (axe-core checks only those).
func insideMap(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "map" {
			return true
		}
	}
	return false
}

func hasAttr(n *html.Node, name string) bool { _, ok := htmlx.Attr(n, name); return ok }

// headings applies P06-A11Y-06 as its requirement reads: the page has an h1 (p06-heading-h1, at
// the first heading when there are headings but none is an h1), and no heading is more than one
// level below the one before it (heading-order, as axe-core judges it). A page whose first
// heading is not its h1 is not failed for that.
func (a *auditor) headings(doc *html.Node) {
	prev := 0
	var first *html.Node
	firstLevel, h1 := 0, false
	elements(doc, func(n *html.Node) {
		level := 0
		if len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
			level = int(n.Data[1] - '0')
		}
		if role(n) == "heading" {
			level = 2
			if l, err := strconv.Atoi(strings.TrimSpace(attr(n, "aria-level"))); err == nil && l >= 1 {
				level = l
			}
		} else if r := role(n); r != "" && level > 0 {
			return // a heading element given another role is not a heading
		}
		if level == 0 {
			return
		}
		if first == nil {
			first, firstLevel = n, level
		}
		h1 = h1 || level == 1
		if prev > 0 && level > prev+1 {
			a.add("heading-order", n, dSkippedLvl, level, prev, prev+1)
		}
		prev = level
	})
	switch {
	case first == nil:
		if body := htmlx.First(doc, "body"); body != nil {
			a.add("p06-heading-h1", body, dNoHeadings)
		}
	case !h1:
		a.add("p06-heading-h1", first, dNoH1, firstLevel)
	}
}

func (a *auditor) duplicates(doc *html.Node) {
	// One violation per duplicated id, at its first element, as axe-core reports it.
	count := map[string]int{}
	var order []*html.Node
	htmlx.Walk(doc, func(n *html.Node) bool {
		id, ok := htmlx.Attr(n, "id")
		if !ok || id == "" || strings.ContainsAny(id, " \t\n\f\r") {
			return true // no id, or one that is not a valid id (axe-core skips those too)
		}
		if count[id] == 0 {
			order = append(order, n)
		}
		count[id]++
		return true
	})
	for _, n := range order {
		if id := attr(n, "id"); count[id] > 1 {
			a.add("duplicate-id", n, dDuplicateID, id, count[id])
		}
	}
}

// genericAlts are folded alt texts that say an image is there but not what it shows.
var genericAlts = map[string]bool{"image": true, "img": true, "picture": true, "photo": true, "icon": true, "banner": true,
	"graphic": true, "untitled": true, "alt": true, "spacer": true, "no image": true, "noimage": true, "thumbnail": true,
	"anh": true, "hinh": true, "hinh anh": true, "anh minh hoa": true, "hinh minh hoa": true, "hinh anh minh hoa": true,
	"bieu tuong": true, "anh dai dien": true}

// imageExts are the file name endings of images, for alt texts that are a file name.
var imageExts = []string{".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".ico", ".tif", ".tiff", ".avif"}

// meaninglessAlt says why a non-empty alt is no text alternative: a file name (the image's own
// or any ending in an image extension, or a camera's IMG_1234/DSC01234), or a generic word
// ("image", "ảnh", "hình ảnh"). WCAG 1.1.1's failure F30 ("text alternatives that are not
// alternatives, e.g. filenames or placeholder text"). The zero Text when the alt may be
// meaningful.
func meaninglessAlt(alt, src string) msg.Text {
	a := strings.ToLower(strings.TrimSpace(alt))
	if a == "" {
		return msg.Text{}
	}
	if i := strings.LastIndexAny(src, "/\\"); i >= 0 {
		src = src[i+1:]
	}
	if q := strings.IndexAny(src, "?#"); q >= 0 {
		src = src[:q]
	}
	if src != "" && (a == strings.ToLower(src) || strings.Contains(src, ".") && a == strings.ToLower(src[:strings.LastIndex(src, ".")]) && len(a) > 3 && !strings.Contains(a, " ")) {
		return dWhyOwnFile
	}
	for _, ext := range imageExts {
		if strings.HasSuffix(a, ext) && !strings.Contains(a, " ") {
			return dWhyFile
		}
	}
	if camera.MatchString(a) {
		return dWhyCamera
	}
	if genericAlts[htmlx.Fold(a)] {
		return dWhyGeneric
	}
	return msg.Text{}
}

var camera = regexp.MustCompile(`^(img|dsc|dscn|dcim|pxl|photo|image)[-_ ]?\d{3,}`)
