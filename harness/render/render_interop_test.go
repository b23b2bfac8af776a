//go:build interop

package render_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/a11y"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/internal/ux"
	"github.com/p06kit/p06kit/harness/render"
	"github.com/p06kit/p06kit/internal/spatest"
	"github.com/p06kit/p06kit/scoring"
)

// The single-page app of spatest, rendered in Debian's Chromium: the title, navigation and
// contact details its script builds are judged, and so is its image without alt.
func TestInteropRenderSinglePageApp(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	r, err := render.New(ctx, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	srv := spatest.Start()
	defer srv.Close()

	out, err := r.Render(ctx, srv.URL+"/")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.HTML, "Cổng dịch vụ công tỉnh Thử Nghiệm") || !strings.Contains(out.HTML, "Phiên bản 2.4.1") {
		t.Errorf("rendered DOM lacks the script's content: %.400s", out.HTML)
	}
	if len(out.Blocked) != 1 || !strings.Contains(out.Blocked[0], "analytics.example.com") {
		t.Errorf("blocked = %q, want the analytics script", out.Blocked)
	}
	var types []string
	for _, res := range out.Resources {
		types = append(types, res.Type)
		if strings.Contains(res.URL, "analytics") {
			t.Errorf("a blocked request got a response: %+v", res)
		}
	}
	if total, n := out.Bytes(); n < 4 || total < int64(len(spatest.Script)) {
		t.Errorf("resources %d (%v), %d bytes", n, types, total)
	}

	s, err := probe.NewSession(check.Target{BaseURL: srv.URL, Renderer: r}, check.Config{RequestTimeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := map[string]scoring.Status{"P06-A11Y-02": scoring.Pass, "P06-A11Y-03": scoring.Fail, "P06-UX-10": scoring.Pass}
	for _, c := range append(a11y.Checks(), ux.Checks()...) {
		st, ok := want[c.ID]
		if !ok {
			continue
		}
		res := c.Run(ctx, s)
		if res.Status != st {
			t.Errorf("%s = %s, want %s: %s", c.ID, res.Status, st, res.Message)
		}
	}
}
