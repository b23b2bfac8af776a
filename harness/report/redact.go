package report

import (
	"github.com/p06kit/p06kit/internal/redact"
	"github.com/p06kit/p06kit/scoring"
)

// redacted returns r with p06kit's redaction policy applied to every text a portal could have
// put in it: the target, and the message, got, want, URL and evidence of every finding. The
// harness redacts findings as it makes them; the writers apply the policy again, where output
// is made, so that a report from elsewhere (p06 score over another tool's findings, a report
// file edited by hand) cannot carry a secret into any format either.
// Redaction is idempotent: text masked once is unchanged. r itself is not modified.
func redacted(r *scoring.Report) *scoring.Report {
	if r == nil {
		return nil
	}
	c := *r
	c.Target = redact.URL(r.Target)
	c.Findings = make([]scoring.Finding, len(r.Findings))
	for i, f := range r.Findings {
		f.Message, f.Got, f.Want, f.URL = redact.Text(f.Message), redact.Text(f.Got), redact.Text(f.Want), redact.URL(f.URL)
		if len(f.Evidence) > 0 {
			ev := make([]scoring.Evidence, len(f.Evidence))
			for j, e := range f.Evidence {
				e.Request, e.Excerpt, e.Location, e.Note, e.NoteVI = redactRequest(e.Request), redact.Text(e.Excerpt), redact.Text(e.Location), redact.Text(e.Note), redact.Text(e.NoteVI)
				if len(e.Headers) > 0 {
					h := make(map[string]string, len(e.Headers))
					for k, v := range e.Headers {
						h[k] = redact.Header(k, v)
					}
					e.Headers = h
				}
				ev[j] = e
			}
			f.Evidence = ev
		}
		c.Findings[i] = f
	}
	if len(r.OutOfScope) > 0 {
		c.OutOfScope = make([]scoring.Refusal, len(r.OutOfScope))
		for i, rf := range r.OutOfScope {
			rf.URL = redact.URL(rf.URL)
			c.OutOfScope[i] = rf
		}
	}
	if len(r.Shells) > 0 {
		c.Shells = make([]scoring.Shell, len(r.Shells))
		for i, sh := range r.Shells {
			sh.URL, sh.Reason, sh.ReasonVI = redact.URL(sh.URL), redact.Text(sh.Reason), redact.Text(sh.ReasonVI)
			c.Shells[i] = sh
		}
	}
	redactFacts(&c, r)
	return &c
}

// redactRequest redacts a request line "METHOD URL" (or any text).
func redactRequest(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			return s[:i+1] + redact.URL(s[i+1:])
		}
	}
	return redact.Text(s)
}
