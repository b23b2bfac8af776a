package probe

import (
	"context"
	"net/url"
	"strings"
	"sync/atomic"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/htmldoc"
	"github.com/p06kit/p06kit/harness/internal/ledger"
	"github.com/p06kit/p06kit/harness/msg"
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
		p.RenderErr = msg.Error(mRenderBudget, s.cfg.MaxPages)
		return
	}
	out, err := r.Render(ctx, p.FinalURL)
	if err != nil {
		p.RenderErr = msg.Wrap(msg.P(mRendering, check.RedactURL(p.FinalURL)), err)
		return
	}
	d, err := htmldoc.DecodeHTML([]byte(out.HTML), "text/html; charset=utf-8", false)
	if err != nil {
		p.RenderErr = msg.Wrap(msg.P(mParsingRendered, check.RedactURL(p.FinalURL)), err)
		return
	}
	p.Doc, p.Rendered, p.Render = d.Doc, true, out
	// The shell tests apply to the rendered DOM too: an app whose scripts failed, or were
	// blocked because they live on another host, leaves its mount element empty, and judging
	// that emptiness would judge something no citizen is meant to see.
	if !htmldoc.ShellReason(d.Doc).IsZero() || !htmldoc.PartialShellReason(d.Doc).IsZero() {
		p.RenderErr = msg.Error(mStillEmpty, check.ErrStillEmpty, scriptTrouble(out))
	}
}

// scriptTrouble says which of a rendering's requests were blocked or failed, as far as the
// renderer reported them.
func scriptTrouble(out *check.Rendered) msg.List {
	var parts []msg.Phrase
	for _, r := range out.Resources {
		if r.Status >= 400 || r.Status == 0 && r.Type != "" && r.Type != "Document" {
			what := any(strings.ToLower(r.Type)) // the renderer's resource type: script, xhr, stylesheet…
			if r.Type == "" {
				what = msg.P(mRequest)
			}
			if r.Status == 0 {
				parts = append(parts, msg.P(mResNoAnswer, what, check.RedactURL(r.URL)))
			} else {
				parts = append(parts, msg.P(mResAnswered, what, check.RedactURL(r.URL), r.Status))
			}
		}
	}
	if len(out.Blocked) > 0 {
		var hosts []msg.Phrase
		for _, b := range out.Blocked {
			hosts = append(hosts, msg.P(msg.Verbatim, b))
		}
		parts = append(parts, msg.P(mBlocked, capList(hosts, 5, ", ")))
	}
	if len(parts) == 0 {
		return msg.List{Items: []msg.Phrase{msg.P(mScriptError)}}
	}
	return capList(parts, 8, "; ")
}

// capList is at most n items of list, the rest counted, joined by sep.
func capList(list []msg.Phrase, n int, sep string) msg.List {
	if len(list) > n {
		list = append(list[:n:n], msg.P(mAndMore, len(list)-n))
	}
	return msg.List{Items: list, Sep: sep}
}

// noteShell records in the check's ledger a page read whose content is drawn by JavaScript and
// was not drawn (a shell or partial shell, rendered or not), so that the engine does not let a
// content criterion pass or fail on what the app would have drawn (harness/shellpolicy.go).
func noteShell(ctx context.Context, p *check.Page) {
	if p == nil || p.StatusCode != 200 || p.Doc == nil || ledger.Of(ctx) == nil {
		return
	}
	shell := p.Shell()
	if shell.IsZero() {
		shell, _ = p.Memo(partialShellKey{}, func() any { return htmldoc.PartialShellReason(p.Doc) }).(msg.Phrase)
	}
	if shell.IsZero() {
		return
	}
	why := msg.List{Items: []msg.Phrase{shell}}
	if p.RenderErr != nil {
		why.Items = append(why.Items, msg.P(msg.Verbatim, p.RenderErr))
	}
	u := p.FinalURL
	if pu, err := url.Parse(u); err == nil && pu.Path == "" {
		pu.Path = "/"
		u = pu.String()
	}
	ledger.NoteShell(ctx, check.RedactURL(u), why)
}

type partialShellKey struct{}

// noteDiscoveredShells records in the check's ledger the catalogue and look-up pages discovery
// read, when they are shells: what discovery found there (or did not find: "the catalogue links
// to no procedure page") rests on content that was not drawn. Only pages already in the
// session's cache are looked at; nothing is fetched.
func (s *Session) noteDiscoveredShells(ctx context.Context, r *check.Resolved) {
	if r == nil || ledger.Of(ctx) == nil {
		return
	}
	for _, ref := range []string{r.Procedures, r.StatusLookup} {
		if ref == "" {
			continue
		}
		abs, err := s.Resolve(ref)
		if err != nil {
			continue
		}
		s.mu.Lock()
		f, ok := s.cache["PAGE "+abs]
		s.mu.Unlock()
		if !ok {
			continue
		}
		select {
		case <-f.done:
			if p, _ := f.val.(*check.Page); p != nil {
				noteShell(ctx, p)
			}
		default:
		}
	}
}

// renderCounter counts pages sent to the renderer.
type renderCounter = atomic.Int64

// onHost reports whether raw is on the target's host.
func (s *Session) onHost(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && strings.EqualFold(u.Host, s.base.Host)
}
