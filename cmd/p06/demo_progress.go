package main

import (
	"io"
	"sync"
	"time"

	"github.com/p06kit/p06kit/harness/msg"
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
func (p *demoProgress) phase(m msg.Text, a ...any) {
	if p.quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.live.clear()
	say(p.w, "p06 demo", p.lang, m, a...)
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
	if name == "reference" {
		return mDemoReference.Render(p.lang)
	}
	return mDemoBroken.Render(p.lang)
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
	p.phase(mDemoAssessed, p.portalName(name), d.Seconds(), r.Scores.Overall, scoring.GradeLabel(r.Scores, p.lang),
		r.Scores.Compliance.Met, r.Scores.Compliance.Applicable)
}
