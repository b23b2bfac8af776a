package probe_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/a11y"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/internal/service"
	"github.com/p06kit/p06kit/harness/internal/ux"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/spatest"
	"github.com/p06kit/p06kit/scoring"
)

func run(t *testing.T, s *check.Session, id string) check.Result {
	t.Helper()
	for _, fam := range [][]check.Check{a11y.Checks(), ux.Checks(), service.Checks()} {
		for _, c := range fam {
			if c.ID == id {
				return c.Run(context.Background(), s)
			}
		}
	}
	t.Fatalf("no check %s", id)
	return check.Result{}
}

// A single-page app's shell is never judged: the content criteria are error and say why.
func TestShellIsNotJudged(t *testing.T) {
	srv := spatest.Start()
	defer srv.Close()
	s, err := probe.NewSession(check.Target{BaseURL: srv.URL}, check.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, id := range []string{"P06-A11Y-01", "P06-A11Y-02", "P06-A11Y-03", "P06-A11Y-07", "P06-UX-02", "P06-UX-06", "P06-UX-09", "P06-UX-10", "P06-SVC-01", "P06-SVC-03", "P06-SVC-05"} {
		r := run(t, s, id)
		if r.Status != scoring.Error || !strings.Contains(r.Message, "rendered by JavaScript") || !strings.Contains(r.Message, "--render") {
			t.Errorf("%s: %s: %s", id, r.Status, r.Message)
		}
		if !strings.Contains(r.MessageVI, "JavaScript") {
			t.Errorf("%s: Vietnamese message %q", id, r.MessageVI)
		}
	}
}

func TestShellReason(t *testing.T) {
	for _, c := range []struct {
		name, doc string
		shell     bool
	}{
		{"react root", `<div id="root"></div><script src="/static/js/main.4f2a.js"></script>`, true},
		{"vue app with loading text", `<div id="app"></div><p>Đang tải…</p><script type="module" src="/src/main.ts"></script>`, true},
		{"angular", `<app-root></app-root><script src="runtime.js"></script><script src="main.js"></script>`, true},
		{"almost empty body", `<div class="wrapper"><span>Loading</span></div><script src="/bundle.js"></script>`, true},
		{"server-rendered page with scripts", `<div id="app"><h1>Cổng dịch vụ công</h1><p>` + strings.Repeat("Thủ tục hành chính trực tuyến. ", 10) + `</p></div><script src="/jquery.js"></script>`, false},
		{"empty root without script", `<div id="root"></div><p>Trang tĩnh</p>`, false},
		{"short login page", `<form><label>Tên đăng nhập <input name=u></label><button>Đăng nhập</button></form><script src="/login.js"></script>`, false},
	} {
		doc, err := check.DecodeHTML([]byte("<!doctype html><html><head><title>x</title></head><body>"+c.doc+"</body></html>"), "text/html; charset=utf-8", false)
		if err != nil {
			t.Fatal(err)
		}
		if got := check.ShellReason(doc.Doc); !got.IsZero() != c.shell {
			t.Errorf("%s: ShellReason = %q, want shell %v", c.name, got, c.shell)
		}
	}
}

func TestUsableHref(t *testing.T) {
	for h, want := range map[string]bool{"": false, " ": false, "#": false, "#top": false, "javascript:void(0)": false,
		" JavaScript:alert(1)": false, "java\nscript:x": false, "/huong-dan": true, "huong-dan.html#muc-1": true, "tel:18001096": true} {
		if got := check.UsableHref(h); got != want {
			t.Errorf("UsableHref(%q) = %v", h, got)
		}
	}
}

// stillEmpty is a renderer whose browser ran nothing: the app's bundle answered 404, an analytics
// script on another host was blocked, and the DOM is the shell it was served.
type stillEmpty struct{ base string }

func (r stillEmpty) Render(_ context.Context, pageURL string) (*check.Rendered, error) {
	return &check.Rendered{URL: pageURL, HTML: spatest.Shell,
		Resources: []check.Resource{{URL: pageURL, Type: "Document", Status: 200, Bytes: 500},
			{URL: r.base + "/assets/index-4f2a.js", Type: "Script", Status: 404, Bytes: 20}},
		Blocked: []string{"https://analytics.example.com/track.js"}}, nil
}

// An app still empty after rendering is not judged either: the criteria are error, say it
// stayed empty, and name the requests that failed or were blocked.
func TestStillEmptyAfterRendering(t *testing.T) {
	srv := spatest.Start()
	defer srv.Close()
	s, err := probe.NewSession(check.Target{BaseURL: srv.URL, Renderer: stillEmpty{srv.URL}}, check.Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	pg, err := s.Page(context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if !pg.Rendered || !errors.Is(pg.RenderErr, check.ErrStillEmpty) || pg.Shell().IsZero() {
		t.Fatalf("rendered %v, RenderErr %v, Shell %q", pg.Rendered, pg.RenderErr, pg.Shell())
	}
	for _, id := range []string{"P06-A11Y-01", "P06-A11Y-03", "P06-A11Y-07", "P06-UX-02", "P06-UX-06", "P06-UX-09", "P06-UX-10", "P06-SVC-01", "P06-SVC-03", "P06-SVC-05"} {
		r := run(t, s, id)
		for _, want := range []string{"rendered by JavaScript", "still empty after rendering", "/assets/index-4f2a.js answered 404", "analytics.example.com"} {
			if r.Status != scoring.Error || !strings.Contains(r.Message, want) {
				t.Errorf("%s: %s: %s (want %q)", id, r.Status, r.Message, want)
				break
			}
		}
		if strings.Contains(r.Message, "assess it with --render") {
			t.Errorf("%s: a rendered page is not sent back to --render: %s", id, r.Message)
		}
		// In Vietnamese, the shell's reason and what the renderer saw are Vietnamese too.
		for _, want := range []string{"vẫn rỗng sau khi dựng", "/assets/index-4f2a.js trả về mã 404", "bị chặn (máy chủ khác): https://analytics.example.com"} {
			if !strings.Contains(r.MessageVI, want) {
				t.Errorf("%s: %s (want %q)", id, r.MessageVI, want)
			}
		}
		if en := msg.EnglishWords(r.MessageVI); len(en) > 0 {
			t.Errorf("%s: English words %q in %s", id, en, r.MessageVI)
		}
	}
}
