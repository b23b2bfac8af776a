package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/scoring"
	"github.com/stretchr/testify/assert"
)

func TestLiveProgressPlainLines(t *testing.T) {
	var b bytes.Buffer
	p := newLiveProgress(&b, 2, "vi")
	for i := 0; i < 45; i++ {
		st := scoring.Pass
		if i%3 == 0 {
			st = scoring.Fail
		}
		p.check(scoring.Finding{Status: st})
	}
	p.portalDone()
	p.clear()
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	assert.Equal(t, []string{
		"p06 scan: đã xong 20 phép kiểm tra (7 không đạt), 0/2 cổng",
		"p06 scan: đã xong 40 phép kiểm tra (14 không đạt), 0/2 cổng",
	}, lines, "not a terminal: a plain line every 20 checks, no escape sequences")
	assert.NotContains(t, b.String(), "\x1b")

	b.Reset()
	p = newLiveProgress(&b, 1, "en")
	p.terminal = true
	p.check(scoring.Finding{Status: scoring.Fail})
	p.check(scoring.Finding{Status: scoring.Pass})
	p.clear()
	assert.Equal(t, "\r\x1b[Kp06 scan: 1 checks done (1 fail), 0/1 portals\r\x1b[Kp06 scan: 2 checks done (1 fail), 0/1 portals\r\x1b[K", b.String())
}
