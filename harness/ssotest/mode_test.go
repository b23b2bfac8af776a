package ssotest

import (
	"testing"

	"github.com/p06kit/p06kit/harness/msg"
)

// Every mode says what the provider does from the catalogue; Describe and the deprecated
// DescribeVI are its two renderings.
func TestModesDescribedFromTheCatalogue(t *testing.T) {
	for _, m := range append(Modes(), Normal) {
		if _, ok := modeTexts[m]; !ok {
			t.Errorf("%s has no message", m)
		}
		p := m.Phrase()
		if m.Describe() != p.Render(msg.EN) || m.DescribeVI() != p.Render(msg.VI) || m.Describe() == m.DescribeVI() {
			t.Errorf("%s: %q / %q", m, m.Describe(), m.DescribeVI())
		}
	}
	if Mode("no-such-mode").Describe() != "a normal login" {
		t.Errorf("an unknown mode: %q", Mode("no-such-mode").Describe())
	}
}
