package harness_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness"
	"github.com/p06kit/p06kit/scoring"
)

// partialPage is a page in the shape of a Liferay portal with a Vue portlet: server-rendered
// header (a logo without alt), menu and footer (contact details marked by icons) around an
// empty mount element and its bundle.
const partialPage = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Cổng dịch vụ công tỉnh Mẫu</title></head><body>
<header><a href="/"><img src="/logo.png"> Cổng dịch vụ công tỉnh Mẫu</a></header>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thu-tuc-hanh-chinh">Thủ tục hành chính</a></li><li><a href="/huong-dan">Hướng dẫn</a></li></ul></nav>
<div id="app"></div><script src="/js/app.js"></script>
<footer><p><i class="fa fa-map-marker"></i> Số 1 đường Trung tâm, phường Trung Tâm, tỉnh Mẫu</p>
<p><i class="fa fa-phone"></i> 0200.3800.000</p><p><i class="fa fa-envelope"></i> vpub@example.gov.vn</p>
<p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Mẫu. Chịu trách nhiệm chính: Chánh Văn phòng Ủy ban nhân dân tỉnh.</p></footer>
</body></html>`

func scanOf(t *testing.T, h http.Handler) map[string]scoring.Finding {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	r, err := harness.Check(context.Background(), harness.Target{BaseURL: srv.URL},
		harness.Only("accessibility", "experience", "online-service", "P06-POP-08"), harness.Lang("en"),
		harness.Skip("P06-UX-07", "timing is not asserted"))
	require.NoError(t, err)
	out := map[string]scoring.Finding{}
	for _, f := range r.Findings {
		out[f.Criterion] = f
	}
	return out
}

// A partial shell: what the chrome shows is judged, what the app would draw is not.
func TestPartialShellVerdicts(t *testing.T) {
	f := scanOf(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" && r.URL.Path != "/thu-tuc-hanh-chinh" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		page := partialPage
		if r.URL.Path != "/" { // the catalogue: the same theme around the app's mount element, as on OpenCPS
			page = strings.Replace(page, "<title>Cổng", "<title>Thủ tục hành chính - Cổng", 1)
		}
		_, _ = w.Write([]byte(page))
	}))
	for id, want := range map[string]scoring.Status{
		// Document properties and the chrome's own defects are earned.
		"P06-A11Y-01": scoring.Pass, "P06-A11Y-02": scoring.Pass, "P06-UX-01": scoring.Pass, "P06-UX-03": scoring.Pass,
		"P06-A11Y-03": scoring.Fail,
		// Contact details found in the footer are there whatever the app draws.
		"P06-UX-10": scoring.Pass,
		// The rest would judge the empty mount element.
		"P06-A11Y-04": scoring.Error, "P06-A11Y-05": scoring.Error, "P06-A11Y-06": scoring.Error, "P06-A11Y-07": scoring.Error,
		"P06-POP-08": scoring.Error, "P06-UX-02": scoring.Error, "P06-UX-04": scoring.Error, "P06-UX-05": scoring.Error,
		"P06-UX-06": scoring.Error, "P06-UX-09": scoring.Error, "P06-SVC-01": scoring.Error, "P06-SVC-02": scoring.Error,
		"P06-SVC-03": scoring.Error, "P06-SVC-05": scoring.Error,
	} {
		got := f[id]
		if !assert.Equal(t, want, got.Status, "%s: %s", id, got.Message) {
			continue
		}
		if want == scoring.Error {
			assert.Contains(t, got.Message, `rendered by JavaScript and was not seen`, id)
			assert.Contains(t, got.Message, `an empty <div id="app"> in the main content`, id)
			assert.NotEmpty(t, got.Evidence, "%s: the pages that were partial shells are listed as evidence", id)
		}
	}
	assert.Contains(t, f["P06-UX-10"].Message, `address "Số 1 đường Trung tâm, phường Trung Tâm, tỉnh Mẫu"`)
}

// P06-UX-06 on a portal without procedure pages fails with evidence, as P06-SVC-02 does, instead
// of failing without evidence (which the engine turns into an error).
func TestIndexableWithoutProcedures(t *testing.T) {
	page := `<!doctype html><html lang="vi"><head><title>Ủy ban nhân dân xã Mẫu</title></head><body><h1>Ủy ban nhân dân xã Mẫu</h1><p>` +
		strings.Repeat("Tin tức hoạt động của xã. ", 20) + `</p><a href="/lien-he">Liên hệ</a></body></html>`
	f := scanOf(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(page))
	}))
	for _, id := range []string{"P06-UX-06", "P06-SVC-02", "P06-SVC-04"} {
		got := f[id]
		assert.Equal(t, scoring.Fail, got.Status, "%s: %s", id, got.Message)
		assert.Contains(t, got.Message, "no procedure page to examine", id)
		assert.NotEmpty(t, got.Evidence, id)
	}
	assert.Contains(t, f["P06-UX-06"].Evidence[0].Note, "discovery started here")
}

// A server-rendered home page whose catalogue is a partial shell: what discovery did not find in
// the catalogue (procedure pages) was never drawn, so the criteria resting on it are error.
func TestPartialShellCatalogue(t *testing.T) {
	home := `<!doctype html><html lang="vi"><head><title>Cổng dịch vụ công tỉnh Mẫu</title></head><body>
<header><a href="/">Cổng dịch vụ công tỉnh Mẫu</a></header><nav><a href="/thu-tuc-hanh-chinh">Thủ tục hành chính</a></nav>
<main><h1>Tin tức</h1><p>` + strings.Repeat("Tỉnh Mẫu triển khai dịch vụ công trực tuyến toàn trình. ", 10) + `</p></main></body></html>`
	f := scanOf(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/":
			_, _ = w.Write([]byte(home))
		case "/thu-tuc-hanh-chinh":
			_, _ = w.Write([]byte(partialPage))
		default:
			http.NotFound(w, r)
		}
	}))
	for _, id := range []string{"P06-SVC-02", "P06-SVC-04", "P06-UX-04", "P06-UX-06"} {
		got := f[id]
		assert.Equal(t, scoring.Error, got.Status, "%s: %s", id, got.Message)
		assert.Contains(t, got.Message, "/thu-tuc-hanh-chinh (", id)
		assert.Contains(t, got.Message, "rendered by JavaScript and was not seen", id)
	}
}

// The report lists the pages that were (partial) shells, once each, with the criteria that met
// them, so a reader sees at a glance what --render would change.
func TestReportListsShells(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" && r.URL.Path != "/thu-tuc-hanh-chinh" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(partialPage))
	}))
	t.Cleanup(srv.Close)
	r, err := harness.Check(context.Background(), harness.Target{BaseURL: srv.URL},
		harness.Only("accessibility", "online-service"), harness.Lang("en"))
	require.NoError(t, err)
	require.NotEmpty(t, r.Shells)
	seen := map[string]bool{}
	for _, sh := range r.Shells {
		assert.False(t, seen[sh.URL], "%s listed twice", sh.URL)
		seen[sh.URL] = true
		assert.Contains(t, sh.Reason, `an empty <div id="app"> in the main content`)
		assert.NotEmpty(t, sh.Criteria)
		assert.True(t, sort.StringsAreSorted(sh.Criteria))
	}
	assert.True(t, seen[srv.URL+"/"] || seen[srv.URL], "the home page is listed: %v", r.Shells)
	var withSVC01 bool
	for _, sh := range r.Shells {
		withSVC01 = withSVC01 || slices.Contains(sh.Criteria, "P06-SVC-01")
	}
	assert.True(t, withSVC01, "P06-SVC-01 read a shell: %v", r.Shells)

	// A server-rendered page lists none.
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`<!doctype html><html lang="vi"><head><title>Xã Mẫu</title></head><body><h1>Xã Mẫu</h1><p>` + strings.Repeat("Tin tức của xã. ", 30) + `</p></body></html>`))
	}))
	t.Cleanup(plain.Close)
	r, err = harness.Check(context.Background(), harness.Target{BaseURL: plain.URL},
		harness.Only("accessibility", "online-service"), harness.Lang("en"))
	require.NoError(t, err)
	assert.Empty(t, r.Shells)
}
