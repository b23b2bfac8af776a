package harness

import (
	"strings"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/ledger"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// What a page whose content is drawn by JavaScript can support. A check reads a shell or a
// partial shell (server-rendered chrome around an empty mount element, see
// htmldoc.PartialShellReason; or an app still empty after rendering) when the portal was not
// rendered, or its scripts did not run: the chrome was seen, the content was not. The session
// records such pages in the check's ledger (check.Ledger), and the engine keeps only the
// verdicts the seen part can earn, by what the criterion asks:
//
//   - presence criteria ask for something to be there (a catalogue, a look-up form, a privacy
//     link, contact details): a pass rests on what was found in the chrome and stands; a fail
//     says it is not there, which the unseen content may contradict, and becomes error;
//   - audit criteria ask for no violation on the page (images with alt, labelled controls, no
//     identification number in a URL): a violation in the chrome is a fail whatever the app
//     draws and stands; a pass would vouch for content not seen, and becomes error;
//   - content criteria judge the page's content as a whole (its heading structure): both
//     become error.
//
// Criteria not listed judge properties of the document or the response (its language, title,
// charset, viewport, weight, headers), which the chrome has whatever the app draws.
var shellPolicy = map[string]shellRule{
	"P06-SVC-01": presence, "P06-SVC-02": presence, "P06-SVC-03": presence, "P06-SVC-04": presence,
	"P06-SVC-05": presence, "P06-SVC-06": presence, "P06-SVC-07": presence, "P06-SVC-08": presence,
	"P06-UX-04": presence, "P06-UX-05": presence, "P06-UX-06": presence, "P06-UX-09": presence, "P06-UX-10": presence,
	"P06-A11Y-03": audit, "P06-A11Y-04": audit, "P06-A11Y-05": audit, "P06-A11Y-07": audit,
	"P06-UX-02": audit, "P06-POP-08": audit, "P06-AUTH-10": audit,
	"P06-A11Y-06": content,
}

type shellRule int

const (
	presence shellRule = iota + 1
	audit
	content
)

// shellEarned applies shellPolicy to the result r of criterion id, given the shells the check
// read (from its ledger).
func shellEarned(id string, r check.Result, shells []ledger.Shell) check.Result {
	if len(shells) == 0 || (r.Status != scoring.Pass && r.Status != scoring.Fail) {
		return r
	}
	rule := shellPolicy[id]
	switch {
	case rule == 0,
		rule == presence && r.Status == scoring.Pass,
		rule == audit && r.Status == scoring.Fail:
		return r
	}
	// Pages that share a reason (the theme's mount element on every page) are named together.
	var order []msg.List
	pages := map[string][]string{} // by the reason in English
	for _, s := range shells {
		key := s.Why.Render(msg.EN)
		if _, ok := pages[key]; !ok {
			order = append(order, s.Why)
		}
		pages[key] = append(pages[key], s.URL)
	}
	var list msg.List
	for _, why := range order {
		list.Items = append(list.Items, msg.P(mShellPages, strings.Join(pages[why.Render(msg.EN)], ", "), why))
	}
	what := msg.P(mShellFail)
	if r.Status == scoring.Pass {
		what = msg.P(mShellPass)
	}
	out := check.Error(mShell, list, what, said(r)).At(r.URL)
	out.Evidence = append(out.Evidence, r.Evidence...)
	for _, s := range shells {
		out.Evidence = append(out.Evidence, scoring.Evidence{Request: "GET " + s.URL}.Noted(mNoteShell, s.Why))
	}
	return out
}
