//go:build interop

package render_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/p06kit/p06kit/harness/check"
	"github.com/p06kit/p06kit/harness/internal/probe"
	"github.com/p06kit/p06kit/harness/render"
	"github.com/p06kit/p06kit/internal/interoptest"
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

// BenchmarkInteropLighthouse times the peer on the same page: Lighthouse (accessibility
// category only, the part of its audit that overlaps p06's content criteria), which starts a
// browser of its own for every page. Installed by `cd .ci/lighthouse && npm ci`; without it the
// benchmark says so and stops (it is a measurement, not a test CI runs).
func BenchmarkInteropLighthouse(b *testing.B) {
	lh, err := filepath.Abs("../../.ci/lighthouse/node_modules/.bin/lighthouse")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(lh); err != nil {
		b.Skip("Lighthouse is not installed: cd .ci/lighthouse && npm ci")
	}
	chrome := interoptest.Chromium(b)
	srv := spatest.Start()
	defer srv.Close()
	out := filepath.Join(b.TempDir(), "lh.json")
	for b.Loop() {
		cmd := exec.Command(lh, srv.URL+"/", "--only-categories=accessibility", "--output=json", "--output-path="+out,
			"--quiet", "--chrome-flags=--headless=new --no-sandbox --disable-gpu")
		cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("lighthouse: %v\n%s", err, msg)
		}
	}
	b.StopTimer()
	raw, err := os.ReadFile(out)
	if err != nil {
		b.Fatal(err)
	}
	var rep struct {
		Categories map[string]struct {
			Score *float64 `json:"score"`
		} `json:"categories"`
	}
	if err := json.Unmarshal(raw, &rep); err != nil {
		b.Fatal(err)
	}
	if a, ok := rep.Categories["accessibility"]; !ok || a.Score == nil {
		b.Fatalf("Lighthouse produced no accessibility score: %.200s", raw)
	}
}
