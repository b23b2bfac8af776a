package harness_test

import (
	"context"
	"encoding/json"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/scoring"
)

// The real-portal corpus: pages of public, openly licensed Vietnamese portal projects written by
// others, captured under testdata/corpus/<project>/site with their provenance and licence
// (PROVENANCE.md), and the findings a person expects of them (expected.json), reviewed by hand
// against the pages. See testdata/corpus/README.md.

var corpusDraft = flag.Bool("corpus.draft", false,
	"write each corpus project's current findings to testdata/corpus/<project>/draft.json (a review aid; expected.json stays hand-written)")

// corpusGroups are the criteria the corpus assesses: those that read page content, and discovery.
// Transport criteria (TLS, headers, cookies) depend on the server the corpus is served from, not
// on the captured pages, and are left out.
var corpusGroups = []string{"accessibility", "experience", "online-service", "P06-POP-08"}

// corpusOptions are the options of every corpus scan. P06-UX-07 (response time) is skipped: its
// verdict would measure the machine running the test, not the captured pages, and a timed
// assertion would make the test flaky.
func corpusOptions() []harness.Option {
	return []harness.Option{harness.Only(corpusGroups...), harness.Lang("en"),
		harness.Skip("P06-UX-07", "response time measures the machine serving the corpus, not the captured pages")}
}

type corpusExpected struct {
	Project string `json:"project"`
	// SPAFallback serves site/index.html, with status 200, for every path without a file
	// extension that has no file, as static hosts configured for a client-side router do.
	SPAFallback bool `json:"spa_fallback"`
	// Discovery is the expected source of each listed profile field (report.Discovery).
	Discovery map[string]string `json:"discovery"`
	// OutOfScope lists URL prefixes the harness must have refused to request (links to
	// other hosts).
	OutOfScope []string        `json:"out_of_scope"`
	Findings   []corpusFinding `json:"findings"`
	// Rendered lists the findings that differ when the pages are rendered in Chromium
	// (harness/render; TestInteropCorpusRendered): every other finding must be as in Findings.
	Rendered []corpusFinding `json:"rendered"`
	// AxePages are the pages (paths under site/) TestInteropCorpusAxe audits with axe-core: those
	// the harness audits (default: every .html file).
	AxePages []string          `json:"axe_pages,omitempty"`
	Notes    map[string]string `json:"notes,omitempty"`
}

// withRendered returns the expected findings of a rendered scan.
func (e corpusExpected) withRendered() []corpusFinding {
	over := map[string]corpusFinding{}
	for _, f := range e.Rendered {
		over[f.Criterion] = f
	}
	out := make([]corpusFinding, 0, len(e.Findings))
	for _, f := range e.Findings {
		if o, ok := over[f.Criterion]; ok {
			f = o
		}
		out = append(out, f)
	}
	return out
}

type corpusFinding struct {
	Criterion string `json:"criterion"`
	Status    string `json:"status"`
	// Contains are key phrases the finding's message must contain (English messages).
	Contains []string `json:"contains,omitempty"`
	// Path, when set, is the path of the finding's URL.
	Path string `json:"path,omitempty"`
	// Why explains a verdict that is not obvious from the page.
	Why string `json:"why,omitempty"`
	// KnownBug, when set, says that Status is what the harness says today but is wrong, and
	// what is right; the test asserts the current verdict so that a fix shows up as a
	// failure to be reviewed (and the golden corrected), not as silence.
	KnownBug string `json:"known_bug,omitempty"`
}

// corpusServer serves a captured site on 127.0.0.1 as plain static files (Content-Type from
// the extension, UTF-8 for .html), 404 for anything else unless the project has an SPA fallback.
func corpusServer(t *testing.T, site string, spa bool) *httptest.Server {
	t.Helper()
	files := http.FileServer(http.Dir(site))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		clean := path.Clean("/" + r.URL.Path)
		local := filepath.Join(site, filepath.FromSlash(clean))
		if st, err := os.Stat(local); err == nil {
			if !st.IsDir() || fileExists(filepath.Join(local, "index.html")) {
				files.ServeHTTP(w, r)
				return
			}
		}
		if spa && path.Ext(clean) == "" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			http.ServeFile(w, r, filepath.Join(site, "index.html"))
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

func TestRealPortalCorpus(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "corpus", "*", "expected.json"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(dirs), 3, "the corpus holds at least three projects")
	for _, exp := range dirs {
		dir := filepath.Dir(exp)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			raw, err := os.ReadFile(exp)
			require.NoError(t, err)
			var want corpusExpected
			require.NoError(t, json.Unmarshal(raw, &want), exp)
			prov, err := os.ReadFile(filepath.Join(dir, "PROVENANCE.md"))
			require.NoError(t, err, "every captured project records its provenance and licence")
			for _, must := range []string{"Repository: https://github.com/", "Commit", "Licence:", "What was changed"} {
				require.Contains(t, string(prov), must, "%s/PROVENANCE.md", dir)
			}
			require.NotEmpty(t, want.Findings, "%s lists no expected findings", exp)

			srv := corpusServer(t, filepath.Join(dir, "site"), want.SPAFallback)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			r, err := harness.Check(ctx, harness.Target{BaseURL: srv.URL}, corpusOptions()...)
			require.NoError(t, err)

			if *corpusDraft {
				writeCorpusDraft(t, dir, srv.URL, r)
			}

			assertCorpusReport(t, exp, want, want.Findings, r, srv.URL)
		})
	}
}

// assertCorpusReport compares a report with the expected findings of a corpus project.
func assertCorpusReport(t *testing.T, exp string, want corpusExpected, findings []corpusFinding, r *scoring.Report, base string) {
	t.Helper()
	byID := map[string]scoring.Finding{}
	for _, f := range r.Findings {
		byID[f.Criterion] = f
	}
	for _, w := range findings {
		got, ok := byID[w.Criterion]
		if !assert.True(t, ok, "%s: no finding", w.Criterion) {
			continue
		}
		msg := got.Message
		assert.Equal(t, w.Status, string(got.Status), "%s: status (message: %s)", w.Criterion, msg)
		for _, c := range w.Contains {
			assert.Contains(t, msg, c, "%s: message", w.Criterion)
		}
		if w.Path != "" {
			assert.Equal(t, w.Path, pathOfURL(got.URL, base), "%s: URL of the finding", w.Criterion)
		}
		if w.Status != "pass" && w.Status != "not_tested" && w.Why == "" && w.KnownBug == "" && len(w.Contains) == 0 {
			t.Errorf("%s: a %s verdict in the golden needs a key phrase or a why", w.Criterion, w.Status)
		}
	}
	listed := map[string]bool{}
	for _, w := range findings {
		listed[w.Criterion] = true
	}
	for _, f := range r.Findings {
		if f.Status == scoring.NotTested && strings.Contains(f.Message, "not selected") {
			continue
		}
		assert.True(t, listed[f.Criterion], "%s (%s: %s) is assessed but has no reviewed verdict in %s", f.Criterion, f.Status, f.Message, exp)
	}
	for field, src := range want.Discovery {
		assert.Equal(t, src, r.Discovery[field], "discovery of %s", field)
	}
	for _, prefix := range want.OutOfScope {
		found := false
		for _, ref := range r.OutOfScope {
			if strings.HasPrefix(ref.URL, prefix) {
				found = true
			}
		}
		assert.True(t, found, "the harness should have refused %s (another host), refused: %v", prefix, r.OutOfScope)
	}
}

func pathOfURL(u, base string) string {
	p := strings.TrimPrefix(u, base)
	if p == "" {
		return "/"
	}
	return p
}

// writeCorpusDraft writes the findings the harness produced, for a person to review against the
// pages before editing expected.json by hand.
func writeCorpusDraft(t *testing.T, dir, base string, r *scoring.Report) {
	t.Helper()
	type row struct {
		Criterion string `json:"criterion"`
		Status    string `json:"status"`
		Message   string `json:"message"`
		Path      string `json:"path,omitempty"`
	}
	var rows []row
	for _, f := range r.Findings {
		if f.Status == scoring.NotTested && strings.Contains(f.Message, "not selected") {
			continue
		}
		p := ""
		if f.URL != "" {
			p = pathOfURL(f.URL, base)
		}
		rows = append(rows, row{f.Criterion, string(f.Status), f.Message, p})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Criterion < rows[j].Criterion })
	out := map[string]any{"findings": rows, "discovery": r.Discovery, "out_of_scope": r.OutOfScope}
	b, err := json.MarshalIndent(out, "", "  ")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "draft.json"), append(b, '\n'), 0o644))
}
