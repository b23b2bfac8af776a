package check

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync/atomic"
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

// renderPage replaces the parsed response of an HTML page on the portal's host by the DOM the
// renderer built, within the render budget (Config.MaxPages pages). A page that could not be
// rendered keeps its response's document and records why in RenderErr.
func (s *Session) renderPage(ctx context.Context, p *Page) {
	r := s.target.Renderer
	if r == nil || p.Doc == nil || p.StatusCode != 200 || !s.onHost(p.FinalURL) {
		return
	}
	if n := s.renders.Add(1); n > int64(s.cfg.MaxPages) {
		p.RenderErr = fmt.Errorf("not rendered: the render budget of %d pages (MaxPages) is spent", s.cfg.MaxPages)
		return
	}
	out, err := r.Render(ctx, p.FinalURL)
	if err != nil {
		p.RenderErr = fmt.Errorf("rendering %s: %w", RedactURL(p.FinalURL), err)
		return
	}
	d, err := DecodeHTML([]byte(out.HTML), "text/html; charset=utf-8", false)
	if err != nil {
		p.RenderErr = fmt.Errorf("parsing the rendered DOM of %s: %w", RedactURL(p.FinalURL), err)
		return
	}
	p.Doc, p.Rendered, p.Render = d.Doc, true, out
}

// renderCounter counts pages sent to the renderer.
type renderCounter = atomic.Int64

// shellNote is how a skipped shell is named in a finding.
func shellNote(p *Page, why string) string {
	s := fmt.Sprintf("%s (rendered by JavaScript: %s; assess it with --render)", Redact(p.URL), why)
	if p.RenderErr != nil {
		s = fmt.Sprintf("%s (rendered by JavaScript: %s; %s)", Redact(p.URL), why, strings.TrimSpace(p.RenderErr.Error()))
	}
	return s
}
