package index766_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/scoring/index766"
)

// exampleCatalogue stands in for the built-in qd766 catalogue so the example's output is
// stable; real callers leave Options.Catalogue nil.
func exampleCatalogue() *criteria.Catalogue {
	f, err := os.Open("testdata/qd766-fixture.json")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	c, err := criteria.Load(f)
	if err != nil {
		panic(err)
	}
	return c
}

func ExampleScore() {
	dossiers := strings.Join([]string{
		`{"MaHoSo":"1","MaDonVi":"U1","MaTTHC":"P1","KenhThucHien":2,"NgayTiepNhan":"20240301080000","NgayHenTra":"20240305170000","NgayKetThucXuLy":"20240304100000","PhiLePhi":50000,"DuocThanhToanTrucTuyen":1}`,
		`{"MaHoSo":"2","MaDonVi":"U1","MaTTHC":"P1","KenhThucHien":1,"NgayTiepNhan":"20240301080000","NgayHenTra":"20240305170000","NgayKetThucXuLy":"20240306100000","PhiLePhi":50000,"DuocThanhToanTrucTuyen":0}`,
		`{"MaHoSo":"3","MaDonVi":"U2","MaTTHC":"P1","KenhThucHien":2,"NgayTiepNhan":"2024-03-01T08:00:00+07:00","NgayHenTra":"2024-03-05T17:00:00+07:00","NgayKetThucXuLy":"2024-03-02T09:00:00+07:00","PhiLePhi":0}`,
		`{"MaHoSo":"4","MaDonVi":"U2","MaTTHC":"P1","KenhThucHien":1,"NgayTiepNhan":"20240301080000","NgayHenTra":"20240305170000","NgayKetThucXuLy":""}`,
	}, "\n")
	acc := index766.NewAccumulator()
	if err := index766.Read(context.Background(), strings.NewReader(dossiers), "dossiers.jsonl", 0, index766.JSONL, acc, index766.ReadOptions{}); err != nil {
		fmt.Println(err)
		return
	}
	report, err := index766.Score(acc, index766.Options{Catalogue: exampleCatalogue()})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ind := range report.Indicators {
		switch ind.ID {
		case "QD766-2.1", "QD766-3.3":
			fmt.Printf("%s  %d/%d = %.3f  %.2f of %g points\n", ind.ID, ind.Numerator, ind.Denominator, *ind.Rate, ind.Points, ind.MaxPoints)
		case "QD766-3.6", "QD766-5.2":
			fmt.Printf("%s  not computed: %s\n", ind.ID, ind.Reason)
		}
	}
	fmt.Printf("as of %s (%s): %d unfinished, %d past due\n", report.Period.AsOf, report.Period.AsOfSource, report.Period.Open, report.Period.Overdue)
	fmt.Printf("total %.2f of %g attainable (band %s)\n", report.Total, report.Attainable, report.Band.Label.EN)
	// Output:
	// QD766-2.1  2/4 = 0.500  10.00 of 20 points
	// QD766-3.3  2/4 = 0.500  6.00 of 6 points
	// QD766-3.6  not computed: needs the procedure catalogue (--procedures)
	// QD766-5.2  not computed: needs PAKN (feedback and petition) records with their handling dates
	// as of 2024-03-06 (latest date in the data): 1 unfinished, 1 past due
	// total 16.00 of 40 attainable (band Weak)
}

// Accumulators of partitions merge into the counts of one pass: here two halves of the same
// dossiers, read apart (on two machines, say), give the single-pass rate.
func ExampleAccumulator_Merge() {
	lines := []string{
		`{"MaHoSo":"1","MaDonVi":"U1","MaTTHC":"P1","KenhThucHien":2,"NgayTiepNhan":"20240301080000"}`,
		`{"MaHoSo":"2","MaDonVi":"U1","MaTTHC":"P1","KenhThucHien":1,"NgayTiepNhan":"20240301080000"}`,
		`{"MaHoSo":"3","MaDonVi":"U2","MaTTHC":"P2","KenhThucHien":2,"NgayTiepNhan":"20240302080000"}`,
		`{"MaHoSo":"4","MaDonVi":"U2","MaTTHC":"P2","KenhThucHien":2,"NgayTiepNhan":"20240302080000"}`,
	}
	read := func(part []string) *index766.Accumulator {
		acc := index766.NewAccumulator()
		if err := index766.Read(context.Background(), strings.NewReader(strings.Join(part, "\n")), "part", 0, index766.JSONL, acc, index766.ReadOptions{}); err != nil {
			panic(err)
		}
		return acc
	}
	whole := read(lines)
	merged := read(lines[:1])
	merged.Merge(read(lines[1:]))

	for _, acc := range []*index766.Accumulator{whole, merged} {
		r, err := index766.Score(acc, index766.Options{Catalogue: exampleCatalogue()})
		if err != nil {
			panic(err)
		}
		for _, ind := range r.Indicators {
			if ind.ID == "QD766-3.3" {
				fmt.Printf("%d records, online %d/%d\n", acc.Records(), ind.Numerator, ind.Denominator)
			}
		}
	}
	// Output:
	// 4 records, online 3/4
	// 4 records, online 3/4
}
