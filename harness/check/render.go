package check

import (
	"context"
	"net/url"
)

// Renderer loads a page in a real browser and returns the document it built. The check package
// only defines the interface; harness/render implements it with headless Chromium, so that a
// portal's tests that do not render never compile a browser driver.
//
// Render must load only the URL it is given, request nothing from hosts other than that URL's
// (blocking and listing the rest), wait for the network to settle, and respect ctx.
type Renderer interface {
	Render(ctx context.Context, pageURL string) (*Rendered, error)
}

// Rendered is what a browser made of a page.
type Rendered struct {
	// URL is where the browser ended (after redirects and script navigation).
	URL string
	// HTML is the serialised DOM after the network settled.
	HTML string
	// Resources are the responses the browser received for the page, the document included.
	Resources []Resource
	// Blocked are the URLs on other hosts the page asked for and the browser was not allowed to
	// fetch (the scanner only contacts the host it was given).
	Blocked []string
}

// Resource is one response a browser received while rendering.
type Resource struct {
	URL  string
	Type string // the DevTools resource type: Document, Script, Stylesheet, Image, Font, XHR, Fetch, …
	// Status is the HTTP status; Bytes the encoded (transferred) body size.
	Status int
	Bytes  int64
}

// Bytes is the total transferred size of the resources, with how many there were.
func (r *Rendered) Bytes() (total int64, n int) {
	for _, res := range r.Resources {
		total += res.Bytes
	}
	return total, len(r.Resources)
}

// ThirdPartyHosts are the hosts other than the page's that the page asked for (blocked).
func (r *Rendered) ThirdPartyHosts() []string {
	seen := map[string]bool{}
	var out []string
	for _, b := range r.Blocked {
		if u, err := url.Parse(b); err == nil && u.Host != "" && !seen[u.Host] {
			seen[u.Host] = true
			out = append(out, u.Host)
		}
	}
	return out
}
