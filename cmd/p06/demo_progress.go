package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/p06kit/p06kit/scoring"
)

// demoProgress reports the demo's phases on stderr as scan and survey report theirs: a line
// when each phase starts and ends ("p06 demo: …"), and while the portals are assessed a live
// count of the checks done (rewritten in place on a terminal, a plain line every liveEvery
// checks otherwise). --quiet silences it; errors are printed regardless.
type demoProgress struct {
	mu    sync.Mutex
	w     io.Writer
	lang  string
	quiet bool
	live  *liveProgress
}

func newDemoProgress(w io.Writer, lang string, quiet bool, portals int) *demoProgress {
	p := &demoProgress{w: w, lang: lang, quiet: quiet, live: newLiveProgress(w, portals, lang)}
	p.live.cmd = "p06 demo"
	return p
}

// phase prints one line, in the demo's language.
func (p *demoProgress) phase(en, vi string, a ...any) {
	if p.quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.live.clear()
	f := vi
	if p.lang == "en" {
		f = en
	}
	fmt.Fprintf(p.w, "p06 demo: "+f+"\n", a...)
}

// observe counts a check done (harness.Observe).
func (p *demoProgress) observe(f scoring.Finding) {
	if p.quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.live.check(f)
}

// portalName is the demo portal's name in the demo's language.
func (p *demoProgress) portalName(name string) string {
	switch {
	case p.lang == "en":
		return "the " + name + " portal"
	case name == "reference":
		return "cổng tham chiếu"
	}
	return "cổng lỗi"
}

// assessed reports a portal assessed: its score and grade, or the error.
func (p *demoProgress) assessed(name string, r *scoring.Report, err error, d time.Duration) {
	p.mu.Lock()
	p.live.portalDone()
	p.mu.Unlock()
	switch {
	case err != nil || r == nil:
		return // the caller prints the error, quiet or not
	}
	p.phase("%s assessed in %.1fs: score %.1f, grade %s, %d/%d mandatory criteria met",
		"đã đánh giá %s trong %.1fs: điểm %.1f, xếp loại %s, %d/%d tiêu chí bắt buộc đạt",
		p.portalName(name), d.Seconds(), r.Scores.Overall, scoring.GradeLabel(r.Scores, p.lang),
		r.Scores.Compliance.Met, r.Scores.Compliance.Applicable)
}
