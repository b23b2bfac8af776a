//go:build interop

package popdbtest_test

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/popdbtest"
	"github.com/p06kit/p06kit/internal/interoptest"
)

// TestInteropOpenSSLTrust checks, with a client that is not Go, that the CA PEM a portal is given
// verifies the gateway, and that a client refusing the untrusted certificate is recorded as
// having refused it.
func TestInteropOpenSSLTrust(t *testing.T) {
	bin := interoptest.Program(t, "apt-get install openssl", "openssl")
	gw := popdbtest.NewServer()
	defer gw.Close()
	ca := filepath.Join(t.TempDir(), "gateway-ca.pem")
	require.NoError(t, os.WriteFile(ca, gw.CACertPEM(), 0o600))
	u, err := url.Parse(gw.URL)
	require.NoError(t, err)

	sclient := func() string {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, "s_client", "-connect", u.Host, "-CAfile", ca, "-verify_return_error", "-verify_ip", "127.0.0.1")
		cmd.Stdin = strings.NewReader("")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		_ = cmd.Run() // a refused verification exits non-zero: the output says why
		return out.String()
	}

	out := sclient()
	assert.Contains(t, out, "Verify return code: 0 (ok)", out)

	restore := gw.Inject(popdbtest.Faults{UntrustedCert: true})
	defer restore()
	mark := gw.HandshakeMark()
	out = sclient()
	assert.NotContains(t, out, "Verify return code: 0 (ok)", out)
	require.Eventually(t, func() bool { return len(gw.HandshakesSince(mark)) == 1 }, 5*time.Second, 10*time.Millisecond)
	h := gw.HandshakesSince(mark)[0]
	assert.True(t, h.Untrusted)
	assert.True(t, h.ClientRefused, "openssl's alert is recorded as a refusal: %s", h.Err)
}
