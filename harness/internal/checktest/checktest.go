// Package checktest holds what the tests of the check families share: a session on a target,
// running one check of a family by ID, an SSO and a relying-party portal with chosen defects, and
// the assertions every finding must meet (its status, the words its message must say, a
// Vietnamese message). It is imported by tests only.
package checktest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/identity/rptest"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/internal/service/portaltest"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/ssotest"
	"github.com/p06kit/p06kit/scoring"
)

// Session opens a session on target with cfg, failing the test when it cannot.
func Session(t testing.TB, target check.Target, cfg check.Config) *check.Session {
	t.Helper()
	s, err := probe.NewSession(target, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Serve serves h on loopback, over TLS when tls is set, until the test ends.
func Serve(t testing.TB, h http.Handler, tls bool) *httptest.Server {
	var srv *httptest.Server
	if tls {
		srv = httptest.NewTLSServer(h)
	} else {
		srv = httptest.NewServer(h)
	}
	t.Cleanup(srv.Close)
	return srv
}

// Run runs the check id of checks on s, failing the test when checks has none.
func Run(t testing.TB, checks []check.Check, id string, s *check.Session) check.Result {
	t.Helper()
	for _, c := range checks {
		if c.ID == id {
			return c.Run(context.Background(), s)
		}
	}
	t.Fatalf("no check %s", id)
	return check.Result{}
}

// RunOn runs the check id of checks on the portal p, started for the run, with the profile prof
// and cfg.
func RunOn(t testing.TB, checks []check.Check, id string, p *portaltest.Portal, prof *check.Profile, cfg check.Config) check.Result {
	t.Helper()
	srv := p.Start()
	defer srv.Close()
	return Run(t, checks, id, Session(t, check.Target{BaseURL: srv.URL, Client: srv.Client(), Profile: prof}, cfg))
}

// SSO starts the fake national SSO for the test.
func SSO(t testing.TB) *ssotest.Server {
	sso := ssotest.NewServer()
	t.Cleanup(sso.Close)
	return sso
}

// RP starts a relying-party portal of sso with the defects d for the test.
func RP(t testing.TB, sso *ssotest.Server, d rptest.Defects) *rptest.Portal {
	rp := rptest.New(sso, d)
	t.Cleanup(rp.Close)
	return rp
}

// RPTarget is the target of the portal rp: its URL, client and profile, logging in through sso
// (none when sso is nil).
func RPTarget(rp *rptest.Portal, sso *ssotest.Server) check.Target {
	target := check.Target{BaseURL: rp.URL, Client: rp.Client(), Profile: rp.Profile()}
	if sso != nil {
		target.SSO = sso
	}
	return target
}

// Case is a finding a test expects: its status and words its message says.
type Case struct {
	Name   string
	D      rptest.Defects
	Status scoring.Status
	Want   []string
}

// Expect fails the test unless r has the status, its message (or, with in, what in adds to it,
// such as its evidence) says every one of want, and it has a Vietnamese message. A wrong status
// stops the test.
func Expect(t testing.TB, r check.Result, status scoring.Status, want ...string) {
	t.Helper()
	ExpectIn(t, r, r.Message, status, want...)
}

// ExpectIn is Expect with want looked for in text instead of the message alone.
func ExpectIn(t testing.TB, r check.Result, text string, status scoring.Status, want ...string) {
	t.Helper()
	Status(t, r, status, text, want...)
	if r.MessageVI == "" {
		t.Error("no Vietnamese message")
	}
}

// Status fails the test unless r has the status (stopping it) and text says every one of want.
func Status(t testing.TB, r check.Result, status scoring.Status, text string, want ...string) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %s, want %s: %s", r.Status, status, r.Message)
	}
	Contains(t, text, want...)
}

// Says fails the test unless r's message is the catalogue message m and, when args are given, was
// rendered from those values (compared as %v prints them, so a Phrase compares by its English).
func Says(t testing.TB, r check.Result, m msg.Text, args ...any) {
	t.Helper()
	if r.MsgID != m.ID() {
		t.Errorf("message %q (%s), want %q", r.MsgID, r.Message, m.ID())
		return
	}
	if len(args) > 0 && fmt.Sprint(r.Args...) != fmt.Sprint(args...) {
		t.Errorf("message %s has values %v, want %v", m.ID(), r.Args, args)
	}
}

// Contains fails the test for each of want that text does not say.
func Contains(t testing.TB, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%q lacks %q", text, w)
		}
	}
}

// Lacks fails the test for each of unwanted that text says.
func Lacks(t testing.TB, text string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(text, w) {
			t.Errorf("%q says %q", text, w)
		}
	}
}

// Vietnamese is r's message in Vietnamese, to look for words in.
func Vietnamese(r check.Result) string { return r.MessageVI }

// Texts are the texts of r a person reads, in both languages: its messages, got and want, and
// its evidence's notes and excerpts (to look for what no finding may show).
func Texts(r check.Result) []string {
	texts := []string{r.Message, r.MessageVI, r.Got, r.Want, r.GotVI, r.WantVI}
	for _, e := range r.Evidence {
		texts = append(texts, e.Note, e.NoteVI, e.Excerpt)
	}
	return texts
}

// EvidenceNotes joins the notes of r's evidence, to look for words in.
func EvidenceNotes(r check.Result) string {
	var n []string
	for _, e := range r.Evidence {
		n = append(n, e.Note)
	}
	return strings.Join(n, " | ")
}

// PortalCase is a test of a check on the portaltest portal: Good, changed by Mutate, assessed
// with Profile and Config, must give Status with a message saying every one of Msg and a
// Vietnamese message saying MsgVI (when given).
type PortalCase struct {
	Name, ID string
	Mutate   func(p *portaltest.Portal)
	Profile  *check.Profile
	Config   check.Config
	Status   scoring.Status
	Msg      []string
	MsgVI    string
	// Says, when set, is the catalogue message the result must carry.
	Says msg.Text
}

// RunPortalCases runs each case as a subtest named ID/Name.
func RunPortalCases(t *testing.T, checks []check.Check, cases []PortalCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.ID+"/"+c.Name, func(t *testing.T) {
			p := portaltest.Good()
			if c.Mutate != nil {
				c.Mutate(p)
			}
			r := RunOn(t, checks, c.ID, p, c.Profile, c.Config)
			if r.Status != c.Status {
				t.Fatalf("status = %q, want %s; message: %s", r.Status, c.Status, r.Message)
			}
			Contains(t, r.Message, c.Msg...)
			Contains(t, r.MessageVI, c.MsgVI)
			if !c.Says.IsZero() {
				Says(t, r, c.Says)
			}
		})
	}
}

// HTML parses src as a whole document, failing the test when it cannot.
func HTML(t testing.TB, src string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// HTMLFile reads and parses the document in the file, failing the test when it cannot.
func HTMLFile(t testing.TB, file string) *html.Node {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return HTML(t, string(b))
}
