package checktest

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/ident"
)

// Failing is a check.Backend on which every step fails with Err: every request, the profile,
// the procedure catalogue, the sample pages, logging in. A check run on it stops at its first
// step, with the result check.FromError gives, to test how the step is named.
type Failing struct{ Err error }

var failingBase = &url.URL{Scheme: "https", Host: "dvc.example.vn", Path: "/"}

func (Failing) Close()                       {}
func (Failing) Stats() check.Stats           { return check.Stats{} }
func (Failing) Base() *url.URL               { u := *failingBase; return &u }
func (Failing) Transport() http.RoundTripper { return http.DefaultTransport }
func (f Failing) Resolve(ref string) (string, error) {
	u, err := failingBase.Parse(ref)
	if err != nil {
		return "", err
	}
	return u.String(), nil
}
func (f Failing) Get(context.Context, string) (*check.Response, error)       { return nil, f.Err }
func (f Failing) Page(context.Context, string) (*check.Page, error)          { return nil, f.Err }
func (f Failing) Do(context.Context, *http.Request) (*check.Response, error) { return nil, f.Err }
func (Failing) NewBrowser() *check.Browser                                   { return &check.Browser{} }
func (f Failing) Fetch(context.Context, *check.Browser, *http.Request) (*check.Response, error) {
	return nil, f.Err
}
func (f Failing) Profile(context.Context) (*check.Resolved, error)         { return nil, f.Err }
func (Failing) ResolvedProfile() *check.Resolved                           { return nil }
func (f Failing) Procedures(context.Context) (*check.ProcedureList, error) { return nil, f.Err }
func (Failing) Pages(*check.Resolved, int) []string                        { return nil }
func (f Failing) SamplePages(context.Context, int) ([]*check.Page, []msg.Phrase, error) {
	return nil, nil, f.Err
}
func (f Failing) Login(context.Context, ident.Person) (*check.Browser, error) { return nil, f.Err }
func (f Failing) LoginSSO(context.Context, ident.Person, check.SSOMode, string) (*check.Browser, *check.LoginTrace, error) {
	return nil, &check.LoginTrace{}, f.Err
}
func (Failing) Limits() check.Limits                              { return check.Limits{} }
func (f Failing) Acquire(context.Context, string) (func(), error) { return nil, f.Err }
func (Failing) Each(_ context.Context, n int, fn func(i int)) {
	for i := range n {
		fn(i)
	}
}
func (Failing) Timings(string) []time.Duration { return nil }
func (Failing) Refused() []check.Refusal       { return nil }
func (Failing) InScope(u *url.URL) bool        { return u.Host == failingBase.Host }

// FailingSession is a session on target (its base URL replaced by the backend's) whose every
// step fails with err.
func FailingSession(target check.Target, cfg check.Config, err error) *check.Session {
	target.BaseURL = failingBase.String()
	return check.NewBackedSession(target, cfg, Failing{Err: err})
}

// SaysStep fails the test unless r is check.FromError's result for the step named by the
// catalogue message step (its first value a msg.Phrase of step) and its Vietnamese message has
// no English word but those of the error it quotes.
func SaysStep(t testing.TB, r check.Result, step msg.Text) {
	t.Helper()
	if len(r.Args) != 2 {
		t.Errorf("%s (%s): not a FromError result, values %v", r.MsgID, r.Message, r.Args)
		return
	}
	p, ok := r.Args[0].(msg.Phrase)
	if !ok || p.Text.ID() != step.ID() {
		t.Errorf("step %#v (%s), want the phrase %s", r.Args[0], r.Message, step.ID())
	}
	vi := r.MessageVI
	if err, ok := r.Args[1].(error); ok {
		vi = strings.ReplaceAll(vi, err.Error(), "")
	}
	if w := msg.EnglishWords(vi); len(w) > 0 {
		t.Errorf("English %v in the Vietnamese %q", w, r.MessageVI)
	}
	if r.MessageVI == "" || !strings.Contains(r.MessageVI, p.Render(msg.VI)) {
		t.Errorf("Vietnamese %q lacks the step %q", r.MessageVI, p.Render(msg.VI))
	}
}
