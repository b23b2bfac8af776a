package ux

import (
	"context"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/htmlx"
	"github.com/p06kit/p06kit/scoring"
)

// phone matches Vietnamese telephone numbers as portals print them: hotlines 1900/1800 xxxx(xx),
// landlines and mobiles 0xx… or +84… with spaces, dots or dashes between groups.
var phone = regexp.MustCompile(`(?:^|[^0-9])((?:1[89]00[ .\-]?[0-9]{2,3}[ .\-]?[0-9]{2,3})|(?:(?:\+84|\(\+84\)|0)[ .\-]?[1-9](?:[ .\-]?[0-9]){7,9}))(?:$|[^0-9])`)

// addressLabel is an address introduced by its label: "Địa chỉ: …", "Trụ sở: …" (up to 100
// characters, to the end of the sentence).
var addressLabel = regexp.MustCompile(`(?i)(?:địa chỉ|dia chi|trụ sở|tru so)\s*:?\s*([^.;|\n]{5,100})`)

// guidanceLabels are folded link texts of user guidance.
var guidanceLabels = []string{"huong dan", "cau hoi thuong gap", "hoi dap", "faq", "ho tro"}

// email matches an e-mail address in text.
var email = regexp.MustCompile(`[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63})+`)

// contactFacts is what a page publishes for contact and guidance.
type contactFacts struct {
	phone, address, email, guidance string
}

func findContact(doc *html.Node) contactFacts {
	var f contactFacts
	for _, a := range htmlx.All(doc, "a") {
		href, _ := htmlx.Attr(a, "href")
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(href)), "tel:") && f.phone == "" {
			f.phone = strings.TrimSpace(href)
		}
		if h := strings.TrimSpace(href); strings.HasPrefix(strings.ToLower(h), "mailto:") && f.email == "" {
			f.email = strings.SplitN(h[len("mailto:"):], "?", 2)[0]
		}
		if !check.UsableHref(href) {
			continue // an empty, "#" or javascript: link is no guidance
		}
		t := htmlx.Fold(htmlx.Text(a))
		for _, l := range guidanceLabels {
			if f.guidance == "" && htmlx.FoldedContains(t, l) {
				f.guidance = htmlx.Text(a)
			}
		}
	}
	text := htmlx.Text(doc)
	if f.phone == "" {
		if m := phone.FindStringSubmatch(text); m != nil {
			f.phone = m[1]
		}
	}
	if f.email == "" {
		f.email = email.FindString(text)
	}
	if ad := htmlx.First(doc, "address"); ad != nil && htmlx.Text(ad) != "" {
		f.address = htmlx.Text(ad)
	}
	if f.address == "" {
		f.address = labelledAddress(doc)
	}
	if f.address == "" {
		f.address = iconAddress(doc)
	}
	return f
}

// blockTags are the elements whose text is read on its own when looking for an address: a
// quoted address ends where its paragraph, list item or cell ends, not in the next one.
var blockTags = map[string]bool{"p": true, "li": true, "div": true, "td": true, "th": true, "dd": true, "dt": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "section": true, "footer": true,
	"header": true, "article": true, "aside": true, "ul": true, "ol": true, "table": true, "tr": true, "address": true, "br": true}

// lineText is the text of n outside its block descendants, one line per stretch between them
// (and between <br>s), white space collapsed within a line: the lines an address label or
// icon sits on. It walks without recursion (see htmlx.Walk).
func lineText(n *html.Node) string {
	var b strings.Builder
	cur := n.FirstChild
	for cur != nil {
		descend := false
		switch {
		case cur.Type == html.TextNode:
			b.WriteString(strings.Join(strings.Fields(cur.Data), " "))
			b.WriteByte(' ')
		case cur.Type == html.ElementNode && (blockTags[cur.Data] || cur.Data == "script" || cur.Data == "style"):
			b.WriteByte('\n')
		case cur.Type == html.ElementNode:
			descend = cur.FirstChild != nil
		}
		if descend {
			cur = cur.FirstChild
			continue
		}
		for cur != nil && cur.NextSibling == nil {
			cur = cur.Parent
			if cur == n {
				cur = nil
			}
		}
		if cur != nil {
			cur = cur.NextSibling
		}
	}
	return b.String()
}

// labelledAddress is an address introduced by its label ("Địa chỉ: …"), read from the line that
// holds the label, or "".
func labelledAddress(doc *html.Node) string {
	found := ""
	htmlx.Walk(doc, func(n *html.Node) bool {
		if n.Data != "body" && !blockTags[n.Data] {
			return true
		}
		for _, line := range strings.Split(lineText(n), "\n") {
			if m := addressLabel.FindStringSubmatch(line); m != nil && len(strings.Fields(m[1])) >= 3 {
				found = strings.TrimSpace(m[1])
				return false
			}
		}
		return true
	})
	return found
}

// addressIcons are class-name fragments of the icons portals put before an address instead of a
// label: Font Awesome fa-map-marker(-alt), fa-location-dot, Bootstrap Icons bi-geo-alt,
// Glyphicons glyphicon-map-marker.
var addressIcons = []string{"map-marker", "map-pin", "fa-location", "geo-alt", "icon-location"}

// iconAddress is the text that follows an address icon (<i class="fa fa-map-marker"></i> …) in
// its block, when it is long enough to be an address (at least three words), or "".
func iconAddress(doc *html.Node) string {
	for _, icon := range htmlx.All(doc, "i", "span", "em", "svg") {
		if icon.FirstChild != nil && strings.TrimSpace(htmlx.Text(icon)) != "" {
			continue // an icon has no text of its own
		}
		class, _ := htmlx.Attr(icon, "class")
		class = strings.ToLower(class)
		hit := false
		for _, c := range addressIcons {
			for _, tok := range strings.Fields(class) {
				if strings.Contains(tok, c) {
					hit = true
				}
			}
		}
		if !hit {
			continue
		}
		start := icon // an icon wrapped in an inline element (<span><i …></i></span> text)
		for start.NextSibling == nil && start.Parent != nil && start.Parent.Type == html.ElementNode && !blockTags[start.Parent.Data] && start.Parent.Data != "body" {
			start = start.Parent
		}
		var b strings.Builder
		for c := start.NextSibling; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && blockTags[c.Data] {
				break
			}
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			} else if c.Type == html.ElementNode {
				b.WriteString(" " + htmlx.Text(c) + " ")
			}
		}
		t := strings.Trim(strings.Join(strings.Fields(b.String()), " "), " :-–")
		if len(strings.Fields(t)) >= 3 {
			if len(t) > 200 {
				t = t[:strings.LastIndex(t[:200], " ")]
			}
			return t
		}
	}
	return ""
}

// contactCheck is P06-UX-10: guidance and contact are published: a hotline or telephone number,
// an address, an e-mail address and a link to user guidance, on the contact page or the home
// page.
func contactCheck(ctx context.Context, s *check.Session, r *check.Resolved) check.Result {
	var f contactFacts
	var ev []scoring.Evidence
	var where []string
	for _, ref := range []string{r.Contact, r.Home} {
		if ref == "" {
			continue
		}
		pg, err := s.Page(ctx, ref)
		if err != nil {
			return check.FromError(msg.P(mStepFetch, check.Redact(ref)), err)
		}
		if pg.StatusCode != 200 || pg.Doc == nil {
			continue
		}
		where = append(where, check.Redact(pg.URL))
		ev = append(ev, pg.Evidence())
		g := findContact(pg.Doc)
		if f.phone == "" {
			f.phone = g.phone
		}
		if f.address == "" {
			f.address = g.address
		}
		if f.guidance == "" {
			f.guidance = g.guidance
		}
		if f.email == "" {
			f.email = g.email
		}
	}
	if len(where) == 0 {
		return check.Error(mContactNoneRead)
	}
	var missing []msg.Phrase
	if f.phone == "" {
		missing = append(missing, msg.P(mContactPhone))
	}
	if f.address == "" {
		missing = append(missing, msg.P(mContactAddress, addressPrompt))
	}
	if f.email == "" {
		missing = append(missing, msg.P(mContactEmail))
	}
	if f.guidance == "" {
		missing = append(missing, msg.P(mContactGuidance, guidanceLabel, faqLabel))
	}
	if len(missing) > 0 {
		pages := msg.P(mItem, where[0])
		if len(where) > 1 { // the contact page and the home page
			pages = msg.P(mContactBoth, where[0], where[1])
		}
		return check.Fail(mContactFail, pages, msg.List{Items: missing, Sep: ", "}).
			With(ev...).Saw(msg.P(mContactFailGot, len(missing)), msg.P(mContactWant))
	}
	return check.Pass(mContactPass, f.phone, f.address, f.email, f.guidance).With(ev...)
}
