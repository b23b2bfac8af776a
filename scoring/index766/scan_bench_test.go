package index766

import (
	"bytes"
	"runtime"
	"syscall"
	"testing"
)

// threadCPU reports the CPU time per operation of the benchmark's own thread, which the other
// programs on a shared machine disturb far less than wall time.
func threadCPU(b *testing.B) func() {
	runtime.LockOSThread()
	t0 := threadTime()
	return func() {
		b.ReportMetric(float64(threadTime()-t0)/float64(b.N), "cpu-ns/op")
		runtime.UnlockOSThread()
	}
}

func threadTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

var benchLine = []byte(`{"MaHoSo":"H55.20.43-240807-000001","MaDonVi":"000.20.43.H55","MaTTHC":"1.004469.000.00.00.H55","KenhThucHien":2,"TrangThaiHoSo":7,"NgayTiepNhan":"20240807074751","NgayHenTra":"2024-08-12T17:00:00+07:00","NgayKetThucXuLy":"20240821023646","PhiLePhi":500000,"DuocThanhToanTrucTuyen":2,"DuongDanTepTinKetQua":"https://kq.example.vn/H55.20.43-240807-000001.pdf","DuocSoHoa":1,"DuocLayTuKhoDMQG":1,"TaiKhoanDuocXacThucVoiVNeID":1}`)

var benchRow = []byte("H55.20.43-240807-000001,000.20.43.H55,1.004469.000.00.00.H55,2,20240807074751,2024-08-12T17:00:00+07:00,20240821023646,500000,2,https://kq.example.vn/H55.20.43-240807-000001.pdf,1,1,1\n")

// BenchmarkScanJSONLine measures the JSON Lines scanner and the field interpretation alone.
func BenchmarkScanJSONLine(b *testing.B) {
	var p jsonScanner
	var r Record
	b.SetBytes(int64(len(benchLine)))
	b.ReportAllocs()
	defer threadCPU(b)()
	for b.Loop() {
		if err := p.scan(benchLine); err != nil {
			b.Fatal(err)
		}
		if err := apply(&p.slots, &r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScanCSVRow measures the CSV scanner and the field interpretation alone.
func BenchmarkScanCSVRow(b *testing.B) {
	p, err := newCSVScanner(FieldNames[:])
	if err != nil {
		b.Fatal(err)
	}
	var r Record
	b.SetBytes(int64(len(benchRow)))
	b.ReportAllocs()
	defer threadCPU(b)()
	for b.Loop() {
		if _, _, _, err := p.next(benchRow, 0); err != nil {
			b.Fatal(err)
		}
		if err := apply(&p.slots, &r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAccumulate measures counting records into cells (60 units × 200 procedures).
func BenchmarkAccumulate(b *testing.B) {
	a := NewAccumulator()
	var recs []Record
	for u := 0; u < 60; u++ {
		for p := 0; p < 200; p += 7 {
			recs = append(recs, Record{Unit: []byte("000.20." + string(rune('A'+u%26)) + string(rune('a'+u/26)) + ".H55"),
				Procedure: bytes.Repeat([]byte{byte('0' + p%10)}, 22), Channel: 2, HasFinished: true, Finished: 10, HasDue: true, Due: 20})
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a.Add(&recs[i%len(recs)])
		i += 7919
	}
}

// BenchmarkScanJSONLines is BenchmarkScanJSONLine over 4096 different generated records, so
// branches and caches see realistic variety.
func BenchmarkScanJSONLines(b *testing.B) {
	lines := variedLines(b, JSONL)
	var p jsonScanner
	var r Record
	b.ReportAllocs()
	defer threadCPU(b)()
	i := 0
	for b.Loop() {
		if err := p.scan(lines[i&4095]); err != nil {
			b.Fatal(err)
		}
		if err := apply(&p.slots, &r); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkScanCSVRows is BenchmarkScanCSVRow over 4096 different generated rows.
func BenchmarkScanCSVRows(b *testing.B) {
	lines := variedLines(b, CSV)
	p, err := newCSVScanner(FieldNames[:])
	if err != nil {
		b.Fatal(err)
	}
	var r Record
	b.ReportAllocs()
	defer threadCPU(b)()
	i := 0
	for b.Loop() {
		if _, _, _, err := p.next(lines[i&4095], 0); err != nil {
			b.Fatal(err)
		}
		if err := apply(&p.slots, &r); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkAccumulateVaried counts 4096 different generated records.
func BenchmarkAccumulateVaried(b *testing.B) {
	lines := variedLines(b, JSONL)
	recs := make([]Record, len(lines))
	for i, l := range lines {
		var p jsonScanner
		if err := p.scan(l); err != nil {
			b.Fatal(err)
		}
		if err := apply(&p.slots, &recs[i]); err != nil {
			b.Fatal(err)
		}
		recs[i].ID = append([]byte(nil), recs[i].ID...)
		recs[i].Unit = append([]byte(nil), recs[i].Unit...)
		recs[i].Procedure = append([]byte(nil), recs[i].Procedure...)
	}
	a := NewAccumulator()
	b.ReportAllocs()
	defer threadCPU(b)()
	i := 0
	for b.Loop() {
		a.Add(&recs[i&4095])
		i++
	}
}
