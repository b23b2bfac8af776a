//go:build interop

package ux

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/p06kit/p06kit/harness/internal/checktest"
	"github.com/p06kit/p06kit/internal/interoptest"
)

// TestInteropAxeViewport runs axe-core's meta-viewport rule (node, jsdom; .ci/axe) on the
// testdata viewport pages and requires P06-UX-03 to find a zoom problem on exactly the pages axe
// flags. (UX-03 also requires width=device-width, which axe does not check; every testdata page
// has it.)
func TestInteropAxeViewport(t *testing.T) {
	files, _ := filepath.Glob("testdata/viewport-*.html")
	if len(files) < 6 {
		t.Fatalf("want the viewport testdata pages, found %v", files)
	}
	var axe map[string]map[string][]json.RawMessage
	interoptest.Axe(t, &axe, []string{"--rules", "meta-viewport"}, files...)
	flagged := 0
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			doc := checktest.HTMLFile(t, f)
			problem, _ := viewportProblem(doc)
			axeFlags := len(axe[name]["meta-viewport"]) > 0
			if axeFlags {
				flagged++
			}
			if ours := problem.Text == mViewportNoZoom || problem.Text == mViewportZoomLimit; ours != axeFlags {
				t.Errorf("UX-03 says %q; axe-core meta-viewport violation: %v", problem, axeFlags)
			}
		})
	}
	if flagged == 0 || flagged == len(files) {
		t.Errorf("axe flags %d of %d pages: the testdata must hold both good and bad viewports", flagged, len(files))
	}
}
