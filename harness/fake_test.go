package harness

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/p06kit/p06kit/criteria"
)

// fakeT records what the harness reports, for testing failure messages (STYLE.md: test your
// messages with a recording fake). It implements Runner[*fakeT].
type fakeT struct {
	name    string
	mu      *sync.Mutex
	log     *[]string // every call, "name: KIND message", in order
	failed  bool
	skipped bool
	fatal   bool
	// runs filters subtests: nil runs every subtest.
	runs func(name string) bool
	subs map[string]*fakeT
}

func newFakeT(name string) *fakeT {
	return &fakeT{name: name, mu: &sync.Mutex{}, log: &[]string{}, subs: map[string]*fakeT{}}
}

func (f *fakeT) record(kind, format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	*f.log = append(*f.log, f.name+": "+kind+" "+fmt.Sprintf(format, args...))
}

func (f *fakeT) Helper()      {}
func (f *fakeT) Name() string { return f.name }
func (f *fakeT) Errorf(format string, args ...any) {
	f.failed = true
	f.record("ERROR", format, args...)
}
func (f *fakeT) Fatalf(format string, args ...any) {
	f.failed, f.fatal = true, true
	f.record("FATAL", format, args...)
}
func (f *fakeT) Skipf(format string, args ...any) {
	f.skipped = true
	f.record("SKIP", format, args...)
}
func (f *fakeT) Logf(format string, args ...any) { f.record("LOG", format, args...) }
func (f *fakeT) Context() context.Context        { return context.Background() }

func (f *fakeT) Run(name string, fn func(*fakeT)) bool {
	full := f.name + "/" + name
	if f.runs != nil && !f.runs(full) && strings.Count(full, "/") >= 2 {
		return true
	}
	sub := &fakeT{name: full, mu: f.mu, log: f.log, runs: f.runs, subs: map[string]*fakeT{}}
	f.subs[name] = sub
	fn(sub)
	if sub.failed {
		f.failed = true
	}
	return !sub.failed
}

// find returns the subtest with the slash-separated path below f.
func (f *fakeT) find(path string) *fakeT {
	cur := f
	for _, p := range strings.Split(path, "/") {
		if cur = cur.subs[p]; cur == nil {
			return nil
		}
	}
	return cur
}

// lines returns the recorded lines containing s.
func (f *fakeT) lines(s string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, l := range *f.log {
		if strings.Contains(l, s) {
			out = append(out, l)
		}
	}
	return out
}

// testCatalogue is a small catalogue for engine tests: it exercises every method, level and
// group shape without depending on the built-in catalogue's content.
func testCatalogue() *criteria.Catalogue {
	text := func(s string) criteria.Text { return criteria.Text{VI: s + " (vi)", EN: s} }
	cr := func(id, group string, m criteria.Method, critical bool, tags ...string) criteria.Criterion {
		return criteria.Criterion{ID: id, Group: group, Title: text("title of " + id), Requirement: text("requirement of " + id),
			Advice: text("advice for " + id), Level: criteria.Mandatory, Points: 1, Critical: critical, Method: m,
			Basis:         []criteria.Basis{{Document: "Decree 85/2016/NĐ-CP", Article: "Art. 9", Kind: criteria.Derived}},
			Scope:         []criteria.Scope{criteria.Province},
			EffectiveFrom: "2022-01-01", Tags: tags}
	}
	return &criteria.Catalogue{
		ID: "test-cat", Version: "1", Title: text("test"), EffectiveFrom: "2022-01-01",
		Groups: []criteria.Group{{ID: "security", Title: text("Security")}, {ID: "accessibility", Title: text("Accessibility")}},
		Criteria: []criteria.Criterion{
			cr("T-SEC-01", "security", criteria.Automated, true, "tls"),
			cr("T-SEC-02", "security", criteria.Automated, false, "headers"),
			cr("T-SEC-03", "security", criteria.Assisted, false, "active"),
			cr("T-SEC-04", "security", criteria.Attested, false, "attested"),
			cr("T-A11Y-01", "accessibility", criteria.Automated, false, "wcag2a"),
			cr("T-A11Y-02", "accessibility", criteria.Computed, false),
		},
	}
}
