//go:build interop

package render_test

import (
	"bufio"
	"context"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/render"
	"github.com/p06kit/p06kit/internal/spatest"
)

// The cost of rendering, for BENCHMARKS.md: pages per second (ns/op) of a rendered page beside
// a plain fetch and parse of the same page, and the peak resident memory of the browser's
// processes (peak-browser-MB).
//
//	go test -tags interop ./harness/render -run XXX -bench Interop -benchtime 20x
//
// QUIET=100ms sets Options.Quiet (default 500ms), to see what the network-idle wait costs.

func BenchmarkInteropPlainPage(b *testing.B) {
	srv := spatest.Start()
	defer srv.Close()
	for b.Loop() {
		// A new session per page: the session caches pages, the browser does not.
		s, err := probe.NewSession(check.Target{BaseURL: srv.URL}, check.Config{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Page(context.Background(), "/"); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func BenchmarkInteropRenderedPage(b *testing.B) {
	ctx := context.Background()
	q, _ := time.ParseDuration(os.Getenv("QUIET"))
	r, err := render.New(ctx, render.Options{Quiet: q})
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	srv := spatest.Start()
	defer srv.Close()
	var peak atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // sample the browser's memory while it works
		defer wg.Done()
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			if kb := descendantsRSS(os.Getpid()); kb > peak.Load() {
				peak.Store(kb)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	b.ResetTimer()
	for b.Loop() {
		if _, err := r.Render(ctx, srv.URL+"/"); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	close(stop)
	wg.Wait()
	b.ReportMetric(float64(peak.Load())/1024, "peak-browser-MB")
}

// descendantsRSS sums the resident memory (KiB) of the processes descending from pid.
func descendantsRSS(pid int) int64 {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	parent := map[int]int{}
	rss := map[int]int64{}
	for _, e := range ents {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		f, err := os.Open("/proc/" + e.Name() + "/status")
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if v, ok := strings.CutPrefix(line, "PPid:"); ok {
				parent[p], _ = strconv.Atoi(strings.TrimSpace(v))
			}
			if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				rss[p], _ = strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			}
		}
		f.Close()
	}
	var total int64
	for p, kb := range rss {
		for q := parent[p]; q > 1; q = parent[q] {
			if q == pid {
				total += kb
				break
			}
		}
	}
	return total
}
