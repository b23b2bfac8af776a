// Package discover completes a portal's profile by crawling it from its home page, as the
// package documentation of harness/check describes ("Portal discovery"): the pages a citizen
// finds by their labels, the site-search and dossier look-up forms, and the procedure catalogue
// (JSON, or HTML rows with procedure codes and level labels, following its pagination). It
// reads the portal through a check.Session, so it sends nothing the session would not; the
// session's machinery (harness/internal/probe) runs it once per session.
package discover

import (
	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
)

// FailureFunc says whether a fetch of abs that gave resp and err failed in the sense of
// check.Ledger, and why (nil if not).
type FailureFunc func(method, abs string, resp *check.Response, err error) error

// maxUnread bounds the failures a discovery keeps.
const maxUnread = 8

// Found is what a discovery run found: the resolved profile and what serves the session's
// Procedures, Pages and SamplePages.
type Found struct {
	*check.Resolved

	procs      *check.ProcedureList
	procErr    error
	lookupPage string
	// forms are pages within two clicks of the home page that hold a service form (see
	// serviceForm), which the content criteria audit after the named pages.
	forms []string
	login *loginProbe
	// Unread are the failures (in the sense of check.Ledger) of the pages discovery crawled,
	// kept when something discoverable was not found: what was not found may be on those pages.
	Unread []error
}

// shellNote is how a skipped shell is named in a finding; why is the shell's reason (a phrase).
func shellNote(p *check.Page, why any) msg.Phrase {
	if p.RenderErr != nil {
		return msg.P(mSkipShellLeft, check.Redact(p.URL), why, p.RenderErr)
	}
	return msg.P(mSkipShell, check.Redact(p.URL), why)
}

// LoginOffHost is how a login entry that redirects to another host (to) is named among the
// pages not judged.
func LoginOffHost(login, to string) msg.Phrase {
	return msg.P(mSkipLoginOff, check.Redact(login), check.Redact(to))
}
