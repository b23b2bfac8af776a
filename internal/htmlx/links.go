package htmlx

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// Link is an <a> element with its href resolved against the URL of its page.
type Link struct {
	Node *html.Node
	// Href is the href attribute, trimmed of white space ("" when absent).
	Href string
	// URL is Href resolved against the page's URL, without its fragment; nil when either does
	// not parse.
	URL *url.URL
}

// Links returns the <a> elements under doc, in document order, with their href resolved against
// base (the page's final URL).
func Links(doc *html.Node, base string) []Link {
	b, berr := url.Parse(base)
	var out []Link
	for _, a := range All(doc, "a") {
		href, _ := Attr(a, "href")
		l := Link{Node: a, Href: strings.TrimSpace(href)}
		if u, err := url.Parse(l.Href); err == nil && berr == nil {
			l.URL = b.ResolveReference(u)
			l.URL.Fragment = ""
		}
		out = append(out, l)
	}
	return out
}

// Web reports whether the link leads to an http or https URL.
func (l Link) Web() bool { return l.URL != nil && (l.URL.Scheme == "http" || l.URL.Scheme == "https") }

// OnHost reports whether the link leads to an http or https URL on the host name (the port not
// compared, the case ignored).
func (l Link) OnHost(hostname string) bool {
	return l.Web() && strings.EqualFold(l.URL.Hostname(), hostname)
}

// Folded returns the link's text, with the values of the named attributes (title, aria-label...)
// after it, folded (see Fold).
func (l Link) Folded(attrs ...string) string {
	t := Text(l.Node)
	for _, a := range attrs {
		if v, ok := Attr(l.Node, a); ok {
			t += " " + v
		}
	}
	return Fold(t)
}
