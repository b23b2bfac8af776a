package main

import (
	"bytes"
	"net"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestQuietStillSaysWhy: --quiet hides progress, never the reason for exit 2.
func TestQuietStillSaysWhy(t *testing.T) {
	// A port that was just free: nothing listens there.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	l.Close()
	var stdout, stderr bytes.Buffer
	code := run([]string{"scan", "--quiet", "--only", "P06-SEC-09", "--timeout", "5s", "http://" + addr + "/"}, &stdout, &stderr)
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr.String(), addr, "the failing portal is named")
	assert.Contains(t, stderr.String(), "p06 scan:", "and why it failed is said")
}
