package index766_test

import (
	"bytes"
	"context"
	"sync"
	"syscall"
	"testing"

	"github.com/p06kit/p06kit/scoring/index766"
	"github.com/p06kit/p06kit/scoring/index766/synth"
)

var benchData = struct {
	sync.Once
	jsonl, csv []byte
}{}

const benchRecords = 200_000

func benchInputs(b *testing.B) (jsonl, csv []byte) {
	benchData.Do(func() {
		var j, c bytes.Buffer
		cfg := synth.Config{Records: benchRecords, Seed: 7}
		if err := synth.Write(&j, cfg, index766.JSONL); err != nil {
			b.Fatal(err)
		}
		if err := synth.Write(&c, cfg, index766.CSV); err != nil {
			b.Fatal(err)
		}
		benchData.jsonl, benchData.csv = j.Bytes(), c.Bytes()
	})
	return benchData.jsonl, benchData.csv
}

func benchRead(b *testing.B, data []byte, f index766.Format, workers int) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		acc := index766.NewAccumulator()
		if err := index766.Read(context.Background(), bytes.NewReader(data), "bench", 0, f, acc, index766.ReadOptions{Workers: workers}); err != nil {
			b.Fatal(err)
		}
		if acc.Records() != benchRecords {
			b.Fatalf("records = %d, want %d", acc.Records(), benchRecords)
		}
	}
	b.ReportMetric(float64(benchRecords)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
	// CPU time per record is steadier than wall time on a shared machine.
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(benchRecords)/float64(b.N), "cpu-ns/record")
}

// cpuTime is the process's user + system CPU time in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// BenchmarkReadJSONL measures the whole path (chunking, scanning, accumulating, merging) on
// generated JSON Lines, with one worker and with one per CPU.
func BenchmarkReadJSONL(b *testing.B) {
	jsonl, _ := benchInputs(b)
	b.Run("workers=1", func(b *testing.B) { benchRead(b, jsonl, index766.JSONL, 1) })
	b.Run("workers=cpu", func(b *testing.B) { benchRead(b, jsonl, index766.JSONL, 0) })
}

// BenchmarkReadCSV is BenchmarkReadJSONL for the same records as CSV.
func BenchmarkReadCSV(b *testing.B) {
	_, csv := benchInputs(b)
	b.Run("workers=1", func(b *testing.B) { benchRead(b, csv, index766.CSV, 1) })
	b.Run("workers=cpu", func(b *testing.B) { benchRead(b, csv, index766.CSV, 0) })
}

// BenchmarkScore measures scoring an accumulator with a breakdown per unit.
func BenchmarkScore(b *testing.B) {
	jsonl, _ := benchInputs(b)
	acc := index766.NewAccumulator()
	if err := index766.Read(context.Background(), bytes.NewReader(jsonl), "bench", 0, index766.JSONL, acc, index766.ReadOptions{}); err != nil {
		b.Fatal(err)
	}
	procs, err := index766.NewProcedures(synth.Catalogue(synth.Config{Seed: 7}))
	if err != nil {
		b.Fatal(err)
	}
	cat := fixtureCatalogue(b)
	for b.Loop() {
		if _, err := index766.Score(acc, index766.Options{Catalogue: cat, Procedures: procs, By: "unit"}); err != nil {
			b.Fatal(err)
		}
	}
}
