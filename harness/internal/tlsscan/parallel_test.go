package tlsscan

import (
	"context"
	"crypto/tls"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParallelScanSameAsSequential: the version and weak-suite scans give the same results, in
// the same order, probing side by side as one after another, and every probe waits for its turn
// (Acquire), never more at once than Parallel.
func TestParallelScanSameAsSequential(t *testing.T) {
	srv := tlsServer(t, &tls.Config{MinVersion: tls.VersionTLS10, CipherSuites: []uint16{
		tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA, tls.TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA, tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
		tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, tls.TLS_RSA_WITH_AES_128_CBC_SHA}}, nil)
	addr := srv.Listener.Addr().String()
	scan := func(parallel int) ([]VersionResult, []WeakSuite, int64, int64) {
		var cur, most, calls atomic.Int64
		p := &Prober{Addr: addr, Parallel: parallel, Acquire: func(context.Context) (func(), error) {
			calls.Add(1)
			n := cur.Add(1)
			for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
			}
			return func() { cur.Add(-1) }, nil
		}}
		vs, err := p.ScanVersions(t.Context())
		require.NoError(t, err)
		var accepted []uint16
		for _, v := range vs {
			if v.Accepted {
				accepted = append(accepted, v.Version)
			}
		}
		weak, err := p.ScanWeak(t.Context(), accepted)
		require.NoError(t, err)
		return vs, weak, calls.Load(), most.Load()
	}
	vs1, weak1, calls1, most1 := scan(1)
	vs3, weak3, calls3, most3 := scan(3)
	require.Len(t, vs1, 1+len(Versions))
	assert.Equal(t, calls1, calls3, "the same probes")
	assert.EqualValues(t, 1, most1)
	assert.LessOrEqual(t, most3, int64(3))
	for i := range vs1 {
		assert.Equal(t, vs1[i].Version, vs3[i].Version)
		assert.Equal(t, vs1[i].Accepted, vs3[i].Accepted, VersionName(vs1[i].Version))
		assert.Equal(t, vs1[i].Suite, vs3[i].Suite, VersionName(vs1[i].Version))
	}
	assert.Equal(t, weak1, weak3)
	assert.NotEmpty(t, weak1, "3DES is accepted: the weak-suite scan has something to find")
}
