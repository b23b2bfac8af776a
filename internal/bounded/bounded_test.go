package bounded

import (
	"sync"
	"sync/atomic"
	"testing"
)

// Every index is called once, never more than limit at once, and Each returns only when all
// calls have returned. The bound is observed by holding every call until limit of them run.
func TestEachBoundsAndWaits(t *testing.T) {
	for _, c := range []struct{ n, limit, want int }{{10, 3, 3}, {2, 5, 2}, {4, 0, 1}, {0, 4, 0}} {
		var running, peak, done atomic.Int64
		seen := make([]atomic.Int64, c.n)
		var mu sync.Mutex
		release := make(chan struct{})
		var once sync.Once
		Each(c.n, c.limit, func(i int) {
			now := running.Add(1)
			mu.Lock()
			if now > peak.Load() {
				peak.Store(now)
			}
			mu.Unlock()
			if now == int64(c.want) {
				once.Do(func() { close(release) }) // the bound is reached: let every call finish
			}
			<-release
			seen[i].Add(1)
			running.Add(-1)
			done.Add(1)
		})
		if got := done.Load(); got != int64(c.n) {
			t.Errorf("n=%d limit=%d: Each returned after %d calls", c.n, c.limit, got)
		}
		if c.n > 0 && peak.Load() != int64(c.want) {
			t.Errorf("n=%d limit=%d: %d ran at once, want %d", c.n, c.limit, peak.Load(), c.want)
		}
		for i := range seen {
			if seen[i].Load() != 1 {
				t.Errorf("n=%d limit=%d: f(%d) called %d times", c.n, c.limit, i, seen[i].Load())
			}
		}
	}
}
