package probe

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync/atomic"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/htmldoc"
)

// renderPage replaces the parsed response of an HTML page on the portal's host by the DOM the
// renderer built, within the render budget (Config.MaxPages pages). A page that could not be
// rendered keeps its response's document and records why in RenderErr.
func (s *Session) renderPage(ctx context.Context, p *check.Page) {
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
		p.RenderErr = fmt.Errorf("rendering %s: %w", check.RedactURL(p.FinalURL), err)
		return
	}
	d, err := htmldoc.DecodeHTML([]byte(out.HTML), "text/html; charset=utf-8", false)
	if err != nil {
		p.RenderErr = fmt.Errorf("parsing the rendered DOM of %s: %w", check.RedactURL(p.FinalURL), err)
		return
	}
	p.Doc, p.Rendered, p.Render = d.Doc, true, out
}

// renderCounter counts pages sent to the renderer.
type renderCounter = atomic.Int64

// onHost reports whether raw is on the target's host.
func (s *Session) onHost(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && strings.EqualFold(u.Host, s.base.Host)
}
