package a11y

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

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
	// Advice says how to fix a violation, in English and Vietnamese.
	Advice, AdviceVI string
}

// Rules are the rules Audit applies, by ID.
var Rules = map[string]Rule{
	"html-has-lang":             {"html-has-lang", "P06-A11Y-01", "3.1.1", `give <html> a lang attribute: lang="vi" for Vietnamese pages`, `khai báo thuộc tính lang cho thẻ <html>: lang="vi" với trang tiếng Việt`},
	"html-lang-valid":           {"html-lang-valid", "P06-A11Y-01", "3.1.1", `use a valid BCP 47 language tag: "vi", not "vn" (a country code)`, `dùng mã ngôn ngữ hợp lệ: "vi", không phải "vn" (mã quốc gia)`},
	"p06-lang-vi":               {"p06-lang-vi", "P06-A11Y-01", "3.1.1", `the page is in Vietnamese: declare lang="vi"`, `trang viết bằng tiếng Việt: khai báo lang="vi"`},
	"document-title":            {"document-title", "P06-A11Y-02", "2.4.2", "give the page a <title> that names it and the portal", "đặt thẻ <title> nêu tên trang và tên cổng"},
	"image-alt":                 {"image-alt", "P06-A11Y-03", "1.1.1", `give the image an alt text that says what it shows, or alt="" if it is decorative`, `bổ sung thuộc tính alt mô tả nội dung ảnh, hoặc alt="" nếu ảnh chỉ để trang trí`},
	"p06-alt-meaningful":        {"p06-alt-meaningful", "P06-A11Y-03", "1.1.1", `replace the file name or generic word in alt with what the image shows or does, or use alt="" if it is decorative`, `thay tên tệp hoặc từ chung chung trong alt bằng nội dung ảnh thể hiện hoặc chức năng của ảnh, hoặc dùng alt="" nếu ảnh chỉ để trang trí`},
	"input-image-alt":           {"input-image-alt", "P06-A11Y-03", "1.1.1", "give the image button an alt text that says what it does", "bổ sung alt mô tả chức năng của nút hình ảnh"},
	"area-alt":                  {"area-alt", "P06-A11Y-03", "1.1.1", "give each image-map area an alt text", "bổ sung alt cho từng vùng của bản đồ ảnh"},
	"role-img-alt":              {"role-img-alt", "P06-A11Y-03", "1.1.1", `give the role="img" element an aria-label or aria-labelledby`, `bổ sung aria-label hoặc aria-labelledby cho phần tử role="img"`},
	"svg-img-alt":               {"svg-img-alt", "P06-A11Y-03", "1.1.1", `give the svg with role="img" a <title>, aria-label or aria-labelledby`, `bổ sung <title>, aria-label hoặc aria-labelledby cho svg role="img"`},
	"label":                     {"label", "P06-A11Y-04", "1.3.1, 4.1.2", `label the control: <label for="id">, a wrapping <label>, aria-label or aria-labelledby`, `gắn nhãn cho ô nhập: <label for="id">, <label> bao quanh, aria-label hoặc aria-labelledby`},
	"select-name":               {"select-name", "P06-A11Y-04", "1.3.1, 4.1.2", "label the list box with <label for> or aria-label", "gắn nhãn cho danh sách chọn bằng <label for> hoặc aria-label"},
	"p06-label-not-placeholder": {"p06-label-not-placeholder", "P06-A11Y-04", "1.3.1, 3.3.2, 4.1.2", `give the control a real label (<label for="id">, a wrapping <label>, aria-label or aria-labelledby); a placeholder or a title alone is not one`, `gắn nhãn thật cho ô nhập (<label for="id">, <label> bao quanh, aria-label hoặc aria-labelledby); chỉ có placeholder hoặc title thì không phải là nhãn`},
	"link-name":                 {"link-name", "P06-A11Y-05", "2.4.4, 4.1.2", "give the link text (or the alt of its image) that says where it goes", "bổ sung nội dung chữ (hoặc alt của ảnh) cho liên kết, nói rõ liên kết dẫn tới đâu"},
	"button-name":               {"button-name", "P06-A11Y-05", "4.1.2", "give the button text or an aria-label that says what it does", "bổ sung chữ hoặc aria-label nói rõ chức năng của nút"},
	"aria-command-name":         {"aria-command-name", "P06-A11Y-05", "4.1.2", "give the element with role link, button or menuitem text or an aria-label", "bổ sung chữ hoặc aria-label cho phần tử có vai trò liên kết, nút hoặc mục trình đơn"},
	"input-button-name":         {"input-button-name", "P06-A11Y-05", "4.1.2", "give the input button a value that says what it does", "bổ sung thuộc tính value nói rõ chức năng của nút"},
	"p06-heading-h1":            {"p06-heading-h1", "P06-A11Y-06", "1.3.1", "give the page an <h1> naming it", "bổ sung cho trang một thẻ <h1> nêu tên trang"},
	"heading-order":             {"heading-order", "P06-A11Y-06", "1.3.1", "do not skip heading levels: follow an <h2> with <h3>, not <h4>", "không bỏ cấp tiêu đề: sau <h2> là <h3>, không phải <h4>"},
	"duplicate-id":              {"duplicate-id", "P06-A11Y-07", "4.1.1", "make every id unique in the page", "bảo đảm mỗi id chỉ xuất hiện một lần trong trang"},
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
	// Detail says what is wrong with this element.
	Detail string

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

func (a *auditor) add(rule string, n *html.Node, format string, args ...any) {
	a.out = append(a.out, Violation{Rule: rule, Path: htmlx.Path(n), Excerpt: htmlx.Outer(n, 160), Detail: fmt.Sprintf(format, args...), node: n})
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
		a.add("html-has-lang", root, "<html> has no lang attribute")
	case hasLang && strings.TrimSpace(lang) != "" && !validLang(lang):
		a.add("html-lang-valid", root, "lang=%q is not a valid language tag", lang)
	case hasXML && strings.TrimSpace(xml) != "" && !validLang(xml):
		a.add("html-lang-valid", root, "xml:lang=%q is not a valid language tag", xml)
	default:
		l := lang
		if strings.TrimSpace(l) == "" {
			l = xml
		}
		primary := strings.ToLower(strings.SplitN(strings.TrimSpace(l), "-", 2)[0])
		if body := htmlx.First(doc, "body"); primary != "vi" && body != nil && looksVietnamese(htmlx.Text(body)) {
			a.add("p06-lang-vi", root, "the page is in Vietnamese but declares lang=%q", l)
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
		a.add("document-title", root, "the page has no <title>")
	case strings.TrimSpace(htmlx.Text(t)) == "":
		a.add("document-title", root, "the <title> is empty")
	}
}

func (a *auditor) images(doc *html.Node) {
	elements(doc, func(n *html.Node) {
		named := nonEmpty(n, "aria-label") || strings.TrimSpace(a.ix.labelledBy(n)) != "" || nonEmpty(n, "title")
		switch {
		case n.Data == "img":
			alt, hasAlt := htmlx.Attr(n, "alt")
			if hasAlt && alt != "" && strings.TrimSpace(alt) == "" && !named {
				a.add("image-alt", n, "the image's alt is only white space: use alt=\"\" for a decorative image")
				return
			}
			if hasAlt && !named {
				if why := meaninglessAlt(alt, attr(n, "src")); why != "" {
					a.add("p06-alt-meaningful", n, "the alt %q is %s, not a text alternative", alt, why)
				}
				return
			}
			if hasAlt || named || role(n) == "none" || role(n) == "presentation" {
				return
			}
			a.add("image-alt", n, "the image has no alt attribute")
		case n.Data == "input" && strings.EqualFold(strings.TrimSpace(attr(n, "type")), "image"):
			if nonEmpty(n, "alt") || named {
				return
			}
			a.add("input-image-alt", n, "the image button has no text alternative")
		case n.Data == "area":
			if _, ok := htmlx.Attr(n, "href"); !ok || !insideMap(n) || nonEmpty(n, "alt") || nonEmpty(n, "aria-label") || strings.TrimSpace(a.ix.labelledBy(n)) != "" {
				return
			}
			a.add("area-alt", n, "the image-map area has no text alternative")
		case role(n) == "img" && n.Data != "svg":
			if named {
				return
			}
			a.add("role-img-alt", n, `the role="img" element has no text alternative`)
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
			a.add("svg-img-alt", n, `the svg with role="img" has no text alternative`)
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
			a.add("p06-label-not-placeholder", n, "the %s is named only by its placeholder %q, which is not a label and disappears as the citizen types", controlName(n), truncateText(attr(n, "placeholder"), 40))
		case nonEmpty(n, "title"):
			a.add("p06-label-not-placeholder", n, "the %s is named only by its title attribute %q, which is not a label (it shows only on hover)", controlName(n), truncateText(attr(n, "title"), 40))
		default:
			a.add(rule, n, "the %s has no label", controlName(n))
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

func controlName(n *html.Node) string {
	if n.Data == "input" {
		t := strings.ToLower(strings.TrimSpace(attr(n, "type")))
		if t == "" {
			t = "text"
		}
		return "input of type " + t
	}
	return n.Data
}

func (a *auditor) names(doc *html.Node) {
	elements(doc, func(n *html.Node) {
		switch {
		case n.Data == "a" && hasAttr(n, "href"):
			if a.ix.name(n) == "" {
				a.add("link-name", n, "the link has no discernible text")
			}
		case (role(n) == "link" || role(n) == "button" || role(n) == "menuitem") && n.Data != "a" && n.Data != "button" && n.Data != "input":
			if a.ix.name(n) == "" {
				a.add("aria-command-name", n, "the element with role=%q has no accessible name", role(n))
			}
		case n.Data == "button":
			if a.ix.name(n) == "" {
				a.add("button-name", n, "the button has no discernible text")
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
			a.add("input-button-name", n, "the %s button has no discernible text", t)
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
			a.add("heading-order", n, "h%d follows h%d: level %d is skipped", level, prev, prev+1)
		}
		prev = level
	})
	switch {
	case first == nil:
		if body := htmlx.First(doc, "body"); body != nil {
			a.add("p06-heading-h1", body, "the page has no headings, so no h1")
		}
	case !h1:
		a.add("p06-heading-h1", first, "the page has no h1 (its first heading is h%d)", firstLevel)
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
			a.add("duplicate-id", n, "id %q is used by %d elements", id, count[id])
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
// alternatives, e.g. filenames or placeholder text"). "" when the alt may be meaningful.
func meaninglessAlt(alt, src string) string {
	a := strings.ToLower(strings.TrimSpace(alt))
	if a == "" {
		return ""
	}
	if i := strings.LastIndexAny(src, "/\\"); i >= 0 {
		src = src[i+1:]
	}
	if q := strings.IndexAny(src, "?#"); q >= 0 {
		src = src[:q]
	}
	if src != "" && (a == strings.ToLower(src) || strings.Contains(src, ".") && a == strings.ToLower(src[:strings.LastIndex(src, ".")]) && len(a) > 3 && !strings.Contains(a, " ")) {
		return "the image's file name"
	}
	for _, ext := range imageExts {
		if strings.HasSuffix(a, ext) && !strings.Contains(a, " ") {
			return "a file name"
		}
	}
	if camera.MatchString(a) {
		return "a camera file name"
	}
	if genericAlts[htmlx.Fold(a)] {
		return "a generic word"
	}
	return ""
}

var camera = regexp.MustCompile(`^(img|dsc|dscn|dcim|pxl|photo|image)[-_ ]?\d{3,}`)
