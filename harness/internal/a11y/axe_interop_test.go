//go:build interop

package a11y

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestInteropAxe runs axe-core (node, jsdom; .ci/axe) on the testdata pages, which have known
// defects, and requires the same number of violations per rule from Audit. Rules of our own
// (p06-*) have no axe counterpart and are left out; axe's duplicate-id-active and
// duplicate-id-aria count as duplicate-id.
func TestInteropAxe(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is not installed: install node 20 and run .ci/install-interop")
	}
	script, _ := filepath.Abs("../../../.ci/axe/run.js")
	if _, err := os.Stat(filepath.Join(filepath.Dir(script), "node_modules", "axe-core")); err != nil {
		t.Fatal("axe-core is not installed: run .ci/install-interop (npm install in .ci/axe)")
	}
	files, _ := filepath.Glob("testdata/*.html")
	if len(files) < 5 {
		t.Fatalf("want the testdata pages, found %v", files)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(node, append([]string{script}, files...)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("axe: %v\n%s", err, stderr.String())
	}
	var axe map[string]map[string][]string
	if err := json.Unmarshal(out, &axe); err != nil {
		t.Fatalf("axe output: %v\n%s", err, out)
	}
	defects := 0
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			want := map[string]int{}
			for rule, nodes := range axe[name] {
				if strings.HasPrefix(rule, "duplicate-id") {
					rule = "duplicate-id"
				}
				want[rule] += len(nodes)
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := html.Parse(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			for _, v := range Audit(doc) {
				if !strings.HasPrefix(v.Rule, "p06-") {
					got[v.Rule]++
				}
			}
			rules := map[string]bool{}
			for r := range want {
				rules[r] = true
			}
			for r := range got {
				rules[r] = true
			}
			var names []string
			for r := range rules {
				names = append(names, r)
			}
			sort.Strings(names)
			for _, r := range names {
				if got[r] != want[r] {
					t.Errorf("%s: %d violations, axe-core finds %d (%v)", r, got[r], want[r], axe[name][r])
				}
				defects += want[r]
			}
		})
	}
	if defects < 20 {
		t.Errorf("axe-core finds only %d violations in testdata: the pages must carry known defects", defects)
	}
}
