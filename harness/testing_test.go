package harness

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// The test checks' messages, declared once (go test -count=N runs the tests again, not the
// declarations).
var (
	mTestNoSTS       = msg.New("harnesstest.no-sts", "no Strict-Transport-Security header", "không có tiêu đề Strict-Transport-Security")
	mTestNoHSTSShort = msg.New("harnesstest.no-hsts-short", "no HSTS", "không có HSTS")
	mTestNoHSTS      = msg.New("harnesstest.no-hsts", "no HSTS header", "không có tiêu đề HSTS")
)

func TestRunSubtestsAndMessages(t *testing.T) {
	srv := okServer(t)
	failing := check.Check{ID: "T-SEC-02", Run: func(ctx context.Context, s *check.Session) check.Result {
		p, err := s.Get(ctx, "/")
		if err != nil {
			return check.FromError("fetching /", err)
		}
		return check.Fail(mTestNoSTS).
			GotWant("(absent)", "max-age ≥ 15552000").At(p.URL).With(p.Evidence("Strict-Transport-Security", "Content-Type"))
	}}
	ft := newFakeT("TestPortal")
	h := New(ft, Target{BaseURL: srv.URL}, Catalogue(testCatalogue()), NoBuiltin(), Lang("en"),
		Checks(titleCheck("T-SEC-01"), failing))
	r := h.Run()
	require.NotNil(t, r)

	// One subtest per criterion, named group/ID, in catalogue order.
	for _, name := range []string{"security/T-SEC-01", "security/T-SEC-02", "security/T-SEC-03", "security/T-SEC-04",
		"accessibility/T-A11Y-01", "accessibility/T-A11Y-02"} {
		assert.NotNil(t, ft.find(name), "subtest %s", name)
	}
	assert.True(t, ft.failed)
	assert.False(t, ft.find("security/T-SEC-01").failed)
	assert.True(t, ft.find("security/T-SEC-02").failed)
	assert.True(t, ft.find("security/T-SEC-03").skipped)
	assert.True(t, ft.find("accessibility/T-A11Y-02").skipped)

	errs := ft.lines("TestPortal/security/T-SEC-02: ERROR")
	require.Len(t, errs, 1)
	msg := errs[0]
	for _, want := range []string{
		"T-SEC-02 — title of T-SEC-02",
		"result:  fail: no Strict-Transport-Security header",
		"got:     (absent)",
		"want:    max-age ≥ 15552000",
		"url:     " + srv.URL + "/",
		"basis:   Decree 85/2016/NĐ-CP, Art. 9 (derived control)",
		"advice:  advice for T-SEC-02",
		"evidence: GET " + srv.URL + "/ → 200 · Content-Type: text/html; charset=utf-8", // the headers the check kept, as in JUnit
	} {
		assert.Contains(t, msg, want)
	}
	assert.Equal(t, []string{"TestPortal/security/T-SEC-03: SKIP not_tested T-SEC-03: no check is built for this criterion"},
		ft.lines("T-SEC-03: SKIP"))
}

func TestRunVietnamese(t *testing.T) {
	srv := okServer(t)
	failing := check.Check{ID: "T-SEC-02", Run: func(context.Context, *check.Session) check.Result {
		return check.Fail(mTestNoHSTSShort).With(scoring.Evidence{Request: "GET /", Status: 200})
	}}
	ft := newFakeT("TestPortal")
	New(ft, Target{BaseURL: srv.URL}, Catalogue(testCatalogue()), NoBuiltin(), Checks(failing)).Run()
	errs := ft.lines("T-SEC-02: ERROR")
	require.Len(t, errs, 1)
	for _, want := range []string{"T-SEC-02 — title of T-SEC-02 (vi)", "kết quả: không đạt: không có HSTS", "(kiểm soát suy ra từ quy định)", "yêu cầu: requirement of T-SEC-02 (vi)",
		"căn cứ:", "khắc phục: advice for T-SEC-02 (vi)"} {
		assert.Contains(t, errs[0], want)
	}
}

func TestRunSelectionReducesWork(t *testing.T) {
	srv := okServer(t)
	var ran []string
	mk := func(id string) check.Check {
		return check.Check{ID: id, Run: func(context.Context, *check.Session) check.Result {
			ran = append(ran, id) // Parallel(1): no race
			return check.Passf("ok").With(scoring.Evidence{Note: "ran"})
		}}
	}
	cases := []struct {
		name, run string
		want      []string
	}{
		{"group", "TestPortal/security/", []string{"T-SEC-01", "T-SEC-02"}},
		{"one criterion", "TestPortal/security/T-SEC-02$", []string{"T-SEC-02"}},
		{"alternation", "TestPortal/accessibility/|TestPortal/security/T-SEC-01", []string{"T-SEC-01", "T-A11Y-01"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ran = nil
			m := &matcher{run: compileFilter(tc.run)}
			ft := newFakeT("TestPortal")
			ft.runs = m.selects
			h := New(ft, Target{BaseURL: srv.URL}, Catalogue(testCatalogue()), NoBuiltin(), Parallel(1), Lang("en"),
				Checks(mk("T-SEC-01"), mk("T-SEC-02"), mk("T-A11Y-01")))
			// Run with the fake's selection standing in for go test's -run flag.
			r := runWithMatcher(h, m)
			assert.ElementsMatch(t, tc.want, ran)
			for _, f := range r.Findings {
				if f.Status == scoring.Pass {
					continue
				}
				if f.Criterion == "T-SEC-01" || f.Criterion == "T-SEC-02" || f.Criterion == "T-A11Y-01" {
					assert.Equal(t, "not selected by -run", f.Message, f.Criterion)
				}
			}
		})
	}
}

func TestMatcher(t *testing.T) {
	cases := []struct {
		run, skip, name string
		want            bool
	}{
		{"", "", "TestPortal/security/P06-SEC-03", true},
		{"TestPortal", "", "TestPortal/security/P06-SEC-03", true},
		{"TestPortal/security/", "", "TestPortal/security/P06-SEC-03", true},
		{"TestPortal/security/", "", "TestPortal/identity/P06-AUTH-01", false},
		{"TestPortal/security/P06-SEC-03", "", "TestPortal/security/P06-SEC-03", true},
		{"TestPortal/security/P06-SEC-03", "", "TestPortal/security/P06-SEC-04", false},
		{"TestOther", "", "TestPortal/security/P06-SEC-03", false},
		{"Test/(security|identity)/", "", "TestPortal/identity/P06-AUTH-01", true},
		{"Test/[a-z]+/P06-SEC-0[1-3]", "", "TestPortal/security/P06-SEC-02", true},
		{"", "TestPortal/security/P06-SEC-03", "TestPortal/security/P06-SEC-03", false},
		{"", "TestPortal/security", "TestPortal/security/P06-SEC-03", false},
		{"", "TestPortal/security/P06-SEC-03", "TestPortal/security/P06-SEC-04", true},
		{"", "/security/P06-SEC-03$", "TestPortal/security/P06-SEC-04", true},
	}
	for _, tc := range cases {
		m := &matcher{run: compileFilter(tc.run), skip: compileFilter(tc.skip)}
		assert.Equal(t, tc.want, m.selects(tc.name), "-run %q -skip %q %s", tc.run, tc.skip, tc.name)
	}
}

func TestNewFailsFast(t *testing.T) {
	ft := newFakeT("TestPortal")
	h := New(ft, Target{BaseURL: "http://127.0.0.1:1/"}, Catalogue(testCatalogue()), Parallel(-1), Lang("de"))
	assert.True(t, ft.fatal)
	fatal := ft.lines("FATAL")
	require.Len(t, fatal, 1, "one message listing every problem")
	assert.Contains(t, fatal[0], "Parallel(-1)")
	assert.Contains(t, fatal[0], `Lang("de")`)
	assert.Nil(t, h.Run())
}

// TestRealSubtests runs the harness under the real testing package, so that the generic Runner
// constraint is exercised with *testing.T.
func TestRealSubtests(t *testing.T) {
	srv := okServer(t)
	r := New(t, Target{BaseURL: srv.URL}, Catalogue(testCatalogue()), NoBuiltin(), Checks(titleCheck("T-SEC-01"))).Run()
	require.NotNil(t, r)
	assert.Equal(t, scoring.Pass, findingOf(r, "T-SEC-01").Status)
	assert.True(t, strings.HasPrefix(r.StartedAt, "20"))
}

func runWithMatcher[T Runner[T]](h *Harness[T], m *matcher) *scoring.Report { return h.run(m) }

// Without Strict a criterion nobody assessed skips its subtest and the run logs what was not
// tested and why; with Strict it fails the test.
func TestStrictAndSummary(t *testing.T) {
	srv := okServer(t)
	ft := newFakeT("TestPortal")
	r := New(ft, Target{BaseURL: srv.URL}, Catalogue(testCatalogue()), NoBuiltin(), Lang("en"),
		Checks(titleCheck("T-SEC-01"))).Run()
	require.NotNil(t, r)
	assert.False(t, ft.failed, "not_tested skips without Strict")
	assert.True(t, ft.find("security/T-SEC-03").skipped)
	summary := ft.lines("assessed ")
	require.Len(t, summary, 1)
	assert.Contains(t, summary[0], "assessed 1 of 6 criteria; not tested: ")
	assert.Regexp(t, `LOG score \d+\.\d / 100, grade \S+.*, \d+/\d+ mandatory met; assessed`, summary[0], "the one-line result starts with score and grade")
	assert.Contains(t, summary[0], "security ×2, accessibility ×1: no check is built for this criterion")
	assert.Contains(t, summary[0], "attested criterion: no evidence file given")

	ft = newFakeT("TestPortal")
	New(ft, Target{BaseURL: srv.URL}, Catalogue(testCatalogue()), NoBuiltin(), Lang("en"), Strict(),
		Checks(titleCheck("T-SEC-01"))).Run()
	assert.True(t, ft.failed, "Strict fails a run that left criteria not tested")
	assert.False(t, ft.find("security/T-SEC-01").failed)
	assert.True(t, ft.find("security/T-SEC-03").failed)
	require.Len(t, ft.lines("T-SEC-03: ERROR"), 1)
	assert.Contains(t, ft.lines("T-SEC-03: ERROR")[0], "not_tested: no check is built for this criterion")
}

// A failure's evidence notes are shown in the language of the run: the Vietnamese note when the
// check wrote one, the English one otherwise (a finding from another tool).
func TestFailureTextNotesInItsLanguage(t *testing.T) {
	cr := &criteria.Criterion{ID: "P06-SEC-06", Title: criteria.Text{VI: "HSTS", EN: "HSTS"}}
	f := scoring.Finding{Criterion: cr.ID, Status: scoring.Fail, Message: "m", Evidence: []scoring.Evidence{
		{Request: "GET https://p.example/", Note: "redirected to https://p.example/a", NoteVI: "được chuyển hướng tới https://p.example/a"},
		{Note: "from another tool"},
	}}
	vi, en := FailureText(cr, f, "vi"), FailureText(cr, f, "en")
	if !strings.Contains(vi, "GET https://p.example/ · được chuyển hướng tới https://p.example/a") || !strings.Contains(vi, "from another tool") {
		t.Errorf("Vietnamese failure text:\n%s", vi)
	}
	if !strings.Contains(en, "redirected to https://p.example/a") || strings.Contains(en, "được chuyển hướng") {
		t.Errorf("English failure text:\n%s", en)
	}
}
