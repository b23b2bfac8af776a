// Package bounded runs work in parallel with a bound on how much runs at once: the one loop
// behind the engine's checks, the TLS prober's handshakes and the command line's portals.
package bounded

import "sync"

// Each calls f(0) … f(n-1), each in its own goroutine, at most limit at once (at least one), and
// returns when all have returned. Calls start in index order.
func Each(n, limit int, f func(i int)) {
	if limit < 1 {
		limit = 1
	}
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for i := range n {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			f(i)
		}()
	}
	wg.Wait()
}
