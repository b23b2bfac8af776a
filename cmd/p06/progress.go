package main

import (
	"fmt"
	"io"

	"github.com/p06kit/p06kit/scoring"
)

// liveProgress reports a scan's progress on stderr as checks complete: on a terminal one line
// rewritten in place (a live counter), otherwise a plain line every liveEvery checks so that
// logs stay short. Its methods are called with the scan's mutex held.
type liveProgress struct {
	w        io.Writer
	terminal bool
	portals  int
	done     int // portals done
	checks   int
	failed   int
	lang     string
	shown    bool
	cmd      string // "p06 scan" (default) or "p06 survey"
}

const liveEvery = 20

func newLiveProgress(w io.Writer, portals int, lang string) *liveProgress {
	return &liveProgress{w: w, terminal: isTerminal(w), portals: portals, lang: lang}
}

func (p *liveProgress) line() string {
	cmd := p.cmd
	if cmd == "" {
		cmd = "p06 scan"
	}
	return mLiveLine.Render(p.lang, cmd, p.checks, p.failed, p.done, p.portals)
}

// check records a completed check.
func (p *liveProgress) check(f scoring.Finding) {
	p.checks++
	if f.Status == scoring.Fail {
		p.failed++
	}
	switch {
	case p.terminal:
		fmt.Fprintf(p.w, "\r\x1b[K%s", p.line())
		p.shown = true
	case p.checks%liveEvery == 0:
		fmt.Fprintln(p.w, p.line())
	}
}

// portalDone records a portal done.
func (p *liveProgress) portalDone() { p.done++ }

// clear erases the live line before other output.
func (p *liveProgress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
