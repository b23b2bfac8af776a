package harness_test

import (
	"bufio"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The fleet with the portals in another process: what the harness itself costs when it surveys
// many portals, without the portals' serving in the same CPU account. The helper process starts
// every portal up front (N distinct loopback HTTPS servers, each its own listener), prints the
// certificate and the URLs, and serves until its stdin closes.

const fleetHelperEnv = "P06KIT_FLEET_PORTALS"

// TestFleetHelperProcess is the helper process of BenchmarkFleetExternal; it does nothing in a
// normal test run.
func TestFleetHelperProcess(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv(fleetHelperEnv))
	if err != nil || n <= 0 {
		return
	}
	cert, _ := benchCert(t)
	handler := benchPortal()
	w := bufio.NewWriter(os.Stdout)
	_ = pem.Encode(w, &pem.Block{Type: "CERTIFICATE", Bytes: cert.Certificate[0]})
	for range n {
		srv := startPortal(handler, cert)
		defer srv.Close()
		fmt.Fprintln(w, srv.URL)
	}
	// The CPU spent starting the portals, so that the parent counts only what serving the scans
	// costs.
	fmt.Fprintln(w, "READY", cpuTime().Nanoseconds())
	_ = w.Flush()
	_, _ = io.Copy(io.Discard, os.Stdin) // serve until the parent closes stdin
	os.Exit(0)
}

// BenchmarkFleetExternal scans N portals served by a helper process, 16 at a time with 8 checks
// in parallel each, and reports portals/s, the harness's CPU per portal, the portals' CPU per
// portal (while serving the scans, their start-up excluded), the harness's peak heap and the
// peak RSS of both processes from the OS. Each scan is what `p06 scan URL` runs against a live
// portal: every check of p06-technical that applies without an adapter. The portals are all up
// before the timer starts. Run with -benchtime=1x, one fleet size per process (the peak RSS is
// the process's since it started).
func BenchmarkFleetExternal(b *testing.B) {
	for _, n := range []int{100, 1000, 5000} {
		b.Run(fmt.Sprintf("portals=%d", n), func(b *testing.B) {
			if testing.Short() && n > 100 {
				b.Skip("short")
			}
			for b.Loop() {
				externalFleet(b, n, 16)
			}
		})
	}
}

func externalFleet(b *testing.B, n, parallel int) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestFleetHelperProcess$")
	cmd.Env = append(os.Environ(), fleetHelperEnv+"="+strconv.Itoa(n))
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	rd := bufio.NewReader(stdout)
	var certPEM strings.Builder
	var urls []string
	var startCPU time.Duration
	for {
		line, err := rd.ReadString('\n')
		if err != nil {
			b.Fatalf("helper process: %v", err)
		}
		line = strings.TrimSpace(line)
		if ns, ok := strings.CutPrefix(line, "READY "); ok {
			n, err := strconv.ParseInt(ns, 10, 64)
			if err != nil {
				b.Fatalf("helper process: %q", line)
			}
			startCPU = time.Duration(n)
			break
		}
		if strings.HasPrefix(line, "https://") {
			urls = append(urls, line)
		} else {
			certPEM.WriteString(line + "\n")
		}
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM([]byte(certPEM.String())) || len(urls) != n {
		b.Fatalf("helper process: %d URLs, certificate ok %v", len(urls), pool != nil)
	}

	m := scanFleet(b, n, parallel, pool, func(i int) (string, func()) { return urls[i], func() {} })
	_ = stdin.Close()
	_ = cmd.Wait()
	// The portals' CPU while they served the scans (their start-up excluded).
	portalCPU := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime() - startCPU
	b.ReportMetric(float64(n)/m.elapsed.Seconds(), "portals/s")
	b.ReportMetric(float64(m.cpu.Milliseconds())/float64(n), "harness-cpu-ms/portal")
	b.ReportMetric(float64(portalCPU.Milliseconds())/float64(n), "portal-cpu-ms/portal")
	b.ReportMetric(float64(m.peakHeap)/(1<<20), "peak-heap-MB")
	// Peak resident memory from the OS: the harness's process (everything it has run so far, so
	// run one fleet size per process) and the helper's.
	b.ReportMetric(peakRSSMB(), "peak-rss-MB")
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		b.ReportMetric(float64(ru.Maxrss)/1024, "portals-peak-rss-MB")
	}
}
