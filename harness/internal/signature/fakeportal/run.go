package fakeportal

import (
	"context"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/checktest"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/signtest"
	"github.com/p06kit/p06kit/scoring"
)

var (
	pkiOnce sync.Once
	pki     *signtest.PKI
	pkiErr  error
)

// SharedPKI returns one test PKI for the whole test binary: generating its keys is the slow part
// of a fixture, and the checks never change it.
func SharedPKI(t testing.TB) *signtest.PKI {
	t.Helper()
	pkiOnce.Do(func() { pki, pkiErr = signtest.NewPKI() })
	if pkiErr != nil {
		t.Fatalf("test PKI: %v", pkiErr)
	}
	return pki
}

// Find returns the check id among checks. The signature and warehouse checks submit and create
// dossiers, so it also fails t unless the check is Active and Exclusive.
func Find(t testing.TB, checks []check.Check, id string) check.Check {
	t.Helper()
	for _, c := range checks {
		if c.ID == id {
			if !c.Active {
				t.Errorf("%s submits dossiers: it must be active", id)
			}
			if !c.Exclusive {
				t.Errorf("%s creates dossiers: it must be exclusive", id)
			}
			return c
		}
	}
	t.Fatalf("no check %s", id)
	return check.Check{}
}

// Run runs check id of checks against a new fake portal with the given defects. adapter, when not
// nil, replaces the portal's full adapter; noPKI leaves the target without a PKI.
func Run(t testing.TB, checks []check.Check, id string, d Defects, adapter func(*Adapter) any, noPKI bool) check.Result {
	t.Helper()
	p := SharedPKI(t)
	portal := New(p, d)
	t.Cleanup(portal.Close)
	var a any = portal.Adapter()
	if adapter != nil {
		a = adapter(portal.Adapter())
	}
	target := check.Target{BaseURL: portal.URL, Client: portal.Client(), Portal: a, PKI: p}
	if noPKI {
		target.PKI = nil
	}
	s, err := probe.NewSession(target, check.Config{Active: true})
	if err != nil {
		t.Fatalf("session: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return Find(t, checks, id).Run(ctx, s)
}

// Case is a test of a check against the fake portal: with Defects (and Adapter, NoPKI as for
// Run), the finding has Status, its message is the catalogue message Says (when set) and says
// every one of Msg and none of Absent, its Vietnamese message every one of Vietnamese, and its
// first evidence note every one of Evidence.
type Case struct {
	Name       string
	Defects    Defects
	Adapter    func(*Adapter) any
	NoPKI      bool
	Status     scoring.Status
	Says       msg.Text
	Msg        []string
	Vietnamese []string
	Absent     []string
	Evidence   []string
}

// pin is a personal identification number in full: findings show them masked.
var pin = regexp.MustCompile(`\b\d{12}\b`)

// RunCases runs each case as a subtest with check id of checks. Every failing finding must
// show evidence, and so must a passing one when evidenceOnPass; no finding may show a personal
// identification number in full.
func RunCases(t *testing.T, checks []check.Check, id string, cases []Case, evidenceOnPass bool) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			r := Run(t, checks, id, c.Defects, c.Adapter, c.NoPKI)
			t.Logf("%s: %s\n%s", r.Status, r.Message, checktest.Vietnamese(r))
			checktest.Status(t, r, c.Status, r.Message, c.Msg...)
			if !c.Says.IsZero() {
				checktest.Says(t, r, c.Says)
			}
			checktest.Lacks(t, r.Message, c.Absent...)
			checktest.Contains(t, checktest.Vietnamese(r), c.Vietnamese...)
			if len(r.Evidence) == 0 && (c.Status == scoring.Fail || c.Status == scoring.Pass && evidenceOnPass || len(c.Evidence) > 0) {
				t.Fatal("no evidence: a finding shows what was seen")
			}
			for _, text := range checktest.Texts(r) {
				if pin.MatchString(text) {
					t.Errorf("a personal identification number in full: %q", text)
				}
			}
			if len(c.Evidence) > 0 {
				checktest.Contains(t, r.Evidence[0].Note, c.Evidence...)
			}
		})
	}
}
