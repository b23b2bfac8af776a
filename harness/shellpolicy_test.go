package harness

import (
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/ledger"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/scoring"
)

// appLogin is a shell reason as the probe records it: a catalogue phrase, in both languages.
var appLogin = msg.List{Items: []msg.Phrase{msg.P(msgShellSample, `<div id="app_login">`)}}

var msgShellSample = msg.New("harness.test.shell-sample", "an empty %s in the main content", "phần tử %s rỗng ở vùng nội dung chính")

func TestShellEarned(t *testing.T) {
	shells := []ledger.Shell{
		{URL: "https://dvc.example/", Why: appLogin},
		{URL: "https://dvc.example/tra-cuu", Why: appLogin},
	}
	ev := scoring.Evidence{Request: "GET https://dvc.example/", Status: 200}
	pass := check.Passf("ok").With(ev)
	fail := check.Failf("missing").With(ev)
	for _, c := range []struct {
		id   string
		in   check.Result
		want scoring.Status
	}{
		{"P06-UX-10", pass, scoring.Pass},   // presence: what was found in the chrome is there
		{"P06-UX-10", fail, scoring.Error},  // presence: what is missing may be drawn by the app
		{"P06-A11Y-03", fail, scoring.Fail}, // audit: a violation in the chrome stands
		{"P06-A11Y-03", pass, scoring.Error},
		{"P06-POP-08", pass, scoring.Error},
		{"P06-A11Y-06", pass, scoring.Error}, // content: neither
		{"P06-A11Y-06", fail, scoring.Error},
		{"P06-A11Y-01", fail, scoring.Fail}, // document properties: both stand
		{"P06-UX-03", pass, scoring.Pass},
		{"P06-SEC-01", fail, scoring.Fail},
	} {
		got := shellEarned(c.id, c.in, shells)
		if got.Status != c.want {
			t.Errorf("%s %s: got %s (%s), want %s", c.id, c.in.Status, got.Status, got.Message, c.want)
			continue
		}
		if got.Status != scoring.Error {
			if got.Message != c.in.Message {
				t.Errorf("%s: a kept verdict's message changed: %q", c.id, got.Message)
			}
			continue
		}
		// Both pages are named, with their shared reason once, and what the check said is kept.
		for _, want := range []string{"https://dvc.example/, https://dvc.example/tra-cuu (an empty <div id=\"app_login\">", "rendered by JavaScript", "--render", "The check said: " + c.in.Message} {
			if !strings.Contains(got.Message, want) {
				t.Errorf("%s: message %q lacks %q", c.id, got.Message, want)
			}
		}
		if strings.Count(got.Message, "app_login") != 1 || !strings.Contains(got.MessageVI, `phần tử <div id="app_login"> rỗng`) {
			t.Errorf("%s: message %q / %q", c.id, got.Message, got.MessageVI)
		}
		if len(got.Evidence) != 3 || got.Evidence[0].Request != ev.Request || !strings.Contains(got.Evidence[2].Note, "tra-cuu") && !strings.Contains(got.Evidence[2].Request, "tra-cuu") {
			t.Errorf("%s: evidence %+v", c.id, got.Evidence)
		}
	}
	// No shell read: nothing changes, whatever the criterion.
	if got := shellEarned("P06-UX-10", fail, nil); got.Status != scoring.Fail {
		t.Errorf("without shells: %s", got.Status)
	}
	// error and not_tested pass through.
	if got := shellEarned("P06-UX-10", check.Errorf("x"), shells); got.Status != scoring.Error || got.Message != "x" {
		t.Errorf("error result changed: %+v", got)
	}
}
