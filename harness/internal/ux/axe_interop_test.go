//go:build interop

package ux

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestInteropAxeViewport runs axe-core's meta-viewport rule (node, jsdom; .ci/axe) on the
// testdata viewport pages and requires P06-UX-03 to find a zoom problem on exactly the pages axe
// flags. (UX-03 also requires width=device-width, which axe does not check; every testdata page
// has it.)
func TestInteropAxeViewport(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is not installed: install node 20 and run .ci/install-interop")
	}
	script, _ := filepath.Abs("../../../.ci/axe/run.js")
	if _, err := os.Stat(filepath.Join(filepath.Dir(script), "node_modules", "axe-core")); err != nil {
		t.Fatal("axe-core is not installed: run .ci/install-interop (npm install in .ci/axe)")
	}
	files, _ := filepath.Glob("testdata/viewport-*.html")
	if len(files) < 6 {
		t.Fatalf("want the viewport testdata pages, found %v", files)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(node, append([]string{script, "--rules", "meta-viewport"}, files...)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("axe: %v\n%s", err, stderr.String())
	}
	var axe map[string]map[string][]json.RawMessage
	if err := json.Unmarshal(out, &axe); err != nil {
		t.Fatalf("axe output: %v\n%s", err, out)
	}
	flagged := 0
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := html.Parse(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			problem, _, _ := viewportProblem(doc)
			axeFlags := len(axe[name]["meta-viewport"]) > 0
			if axeFlags {
				flagged++
			}
			if ours := strings.Contains(problem, "zoom"); ours != axeFlags {
				t.Errorf("UX-03 says %q; axe-core meta-viewport violation: %v", problem, axeFlags)
			}
		})
	}
	if flagged == 0 || flagged == len(files) {
		t.Errorf("axe flags %d of %d pages: the testdata must hold both good and bad viewports", flagged, len(files))
	}
}
