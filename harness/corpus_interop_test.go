//go:build interop

package harness_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/harness/render"
)

func readCorpusExpected(t *testing.T, exp string) corpusExpected {
	t.Helper()
	raw, err := os.ReadFile(exp)
	require.NoError(t, err)
	var want corpusExpected
	require.NoError(t, json.Unmarshal(raw, &want), exp)
	return want
}

// The corpus rendered in Debian's Chromium (harness/render): the rendered DOM feeds the same
// checks, so every verdict is that of the plain scan unless expected.json's "rendered" says
// otherwise (and why).
func TestInteropCorpusRendered(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "corpus", "*", "expected.json"))
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	r, err := render.New(ctx, render.Options{})
	require.NoError(t, err)
	defer r.Close()
	for _, exp := range dirs {
		dir := filepath.Dir(exp)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			want := readCorpusExpected(t, exp)
			srv := corpusServer(t, filepath.Join(dir, "site"), want.SPAFallback)
			rep, err := harness.Check(ctx, harness.Target{BaseURL: srv.URL, Renderer: r}, corpusOptions()...)
			require.NoError(t, err)
			assertCorpusReport(t, exp, want, want.withRendered(), rep, srv.URL)
		})
	}
}

// axeRules maps the axe-core rules that p06kit's accessibility audit shares with axe to the
// name the audit reports them under.
var axeRules = map[string]string{
	"html-has-lang": "html-has-lang", "html-lang-valid": "html-lang-valid", "document-title": "document-title",
	"image-alt": "image-alt", "label": "label", "select-name": "select-name",
	"link-name": "link-name", "button-name": "button-name", "input-button-name": "input-button-name",
	"duplicate-id": "duplicate-id", "duplicate-id-active": "duplicate-id", "duplicate-id-aria": "duplicate-id",
}

var ruleCount = regexp.MustCompile(`([a-z0-9-]+) ×(\d+)`)

// axe-core (under jsdom, .ci/axe) on the captured pages of the server-rendered projects: for
// every rule both implement, the harness counts as many violations as axe does. This checks the
// hand review of the accessibility verdicts against an independent implementation.
// (p06-label-not-placeholder and p06-heading-h1 are the harness's own stricter rules: axe
// accepts a placeholder as a name and does not require an h1.)
func TestInteropCorpusAxe(t *testing.T) {
	script, _ := filepath.Abs("../.ci/axe/run.js")
	if _, err := os.Stat(filepath.Join(filepath.Dir(script), "node_modules", "axe-core")); err != nil {
		t.Fatal("axe-core is not installed: run .ci/install-interop (npm install in .ci/axe)")
	}
	dirs, err := filepath.Glob(filepath.Join("testdata", "corpus", "*", "expected.json"))
	require.NoError(t, err)
	for _, exp := range dirs {
		dir := filepath.Dir(exp)
		want := readCorpusExpected(t, exp)
		if want.SPAFallback {
			continue // a shell: nothing for either to audit
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			var pages []string
			for _, p := range want.AxePages {
				pages = append(pages, filepath.Join(dir, "site", filepath.FromSlash(p)))
			}
			if len(pages) == 0 {
				require.NoError(t, filepath.WalkDir(filepath.Join(dir, "site"), func(p string, d os.DirEntry, err error) error {
					if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
						pages = append(pages, p)
					}
					return err
				}))
			}
			axeTotals := map[string]int{}
			for _, p := range pages { // one page at a time: run.js keys its output by base name
				var stdout, stderr bytes.Buffer
				cmd := exec.Command("node", script, p)
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				require.NoError(t, cmd.Run(), stderr.String())
				var out map[string]map[string][]json.RawMessage
				require.NoError(t, json.Unmarshal(stdout.Bytes(), &out))
				for _, rules := range out {
					for rule, nodes := range rules {
						if name, ok := axeRules[rule]; ok {
							axeTotals[name] += len(nodes)
						}
					}
				}
			}

			srv := corpusServer(t, filepath.Join(dir, "site"), false)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			rep, err := harness.Check(ctx, harness.Target{BaseURL: srv.URL}, harness.Only("accessibility"), harness.Lang("en"))
			require.NoError(t, err)
			ours := map[string]int{}
			for _, f := range rep.Findings {
				if !strings.HasPrefix(f.Criterion, "P06-A11Y-") {
					continue
				}
				// The summary names each rule once ("label ×1, p06-label-not-placeholder ×6"),
				// before the first example.
				summary, _, _ := strings.Cut(f.Message, "First:")
				for _, m := range ruleCount.FindAllStringSubmatch(summary, -1) {
					n, _ := strconv.Atoi(m[2])
					ours[m[1]] += n
				}
			}
			for _, name := range axeRules {
				assert.Equal(t, axeTotals[name], ours[name], "%s: axe-core counts %d, the harness %d (pages %v)", name, axeTotals[name], ours[name], pages)
			}
			t.Logf("axe-core: %v; harness: %v", axeTotals, ours)
		})
	}
}
