package index766_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/scoring"
	"github.com/p06kit/p06kit/scoring/index766"
	"github.com/p06kit/p06kit/scoring/index766/synth"
)

func readFile(t *testing.T, name string, f index766.Format, opt index766.ReadOptions) *index766.Accumulator {
	t.Helper()
	file, err := os.Open(name)
	require.NoError(t, err)
	defer file.Close()
	acc := index766.NewAccumulator()
	require.NoError(t, index766.Read(context.Background(), file, name, 0, f, acc, opt))
	return acc
}

func handProcedures(t *testing.T, name string) *index766.Procedures {
	t.Helper()
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	p, err := index766.LoadProcedures(f, name)
	require.NoError(t, err)
	return p
}

func byID(r *index766.Index) map[string]index766.Indicator {
	m := map[string]index766.Indicator{}
	for _, ind := range r.Indicators {
		m[ind.ID] = ind
	}
	return m
}

// TestHandCounted checks every computed indicator against counts made by hand on
// testdata/hand.jsonl (10 lines: 9 good dossiers, line 6 with an impossible date) and
// testdata/hand-procedures.json (P1 full online, no fee, citizens, linked, essential; P2 partly
// online, fee, citizens, essential; P3 full online, fee; P4 not online, fee, citizens, linked;
// the dossier H09 names P9, which is not in the catalogue).
//
//	dossier unit proc chan finished        on time  fee     paid link SoHoa Kho VNeID
//	H01     U1   P1   2    03-04 10:00     yes      0       0    yes  1     1   1
//	H02     U1   P1   2    03-07 09:00     no       0       0    yes  1     0   1
//	H03     U1   P2   1    —               —        200000  0    —    0     0   0
//	H04     U1   P2   2    03-12 17:00 VN  yes (=)  200000  1    yes  1     1   0
//	H05     U2   P3   3    03-15 08:00     yes      500000  2    no   0     0   0
//	H06     U2   P3   2    03-22 08:00     no       500000  0    yes  1     0   1
//	H07     U2   P4   —    03-09 08:00     yes      50000   0    no   0     0   0
//	H08     U2   P1   2    —               —        0       0    —    1     1   1
//	H09     U1   P9   1    03-11 08:00     yes      0       0    yes  0     0   0
func TestHandCounted(t *testing.T) {
	acc := readFile(t, "testdata/hand.jsonl", index766.Detect, index766.ReadOptions{})
	rep, err := index766.Score(acc, index766.Options{Catalogue: fixtureCatalogue(t), Procedures: handProcedures(t, "testdata/hand-procedures.json")})
	require.NoError(t, err)

	type want struct {
		num, den int64
		points   float64
	}
	computed := map[string]want{
		// 2.1: finished 7 (not H03, H08); on time H01, H04 (end = due), H05, H07, H09 = 5.
		// 2.1: as of the latest date in the data (2024-03-22, H06's end), H03 (due 03-10) and
		// H08 (due 03-13) are unfinished and past their NgayHenTra: late. Dossiers with a
		// NgayHenTra 9; on time H01, H04 (end = due), H05, H07, H09 = 5.
		"QD766-2.1": {5, 9, 20.0 * 5 / 9},
		// 3.1: online procedures P1, P2, P3 of 4: 0.75 < 0.8 → 2 × 0.75 / 0.8.
		"QD766-3.1": {3, 4, 2 * 0.75 / 0.8},
		// 3.2: P1 (H01), P2 (H04), P3 (H06) each received an online dossier.
		"QD766-3.2": {3, 3, 4},
		// 3.3: online H01, H02, H04, H06, H08 = 5 of 9: 0.556 ≥ 0.5 → full 6.
		"QD766-3.3": {5, 9, 6},
		// 3.5: fee procedures P2, P3, P4 all synced a dossier with a fee.
		"QD766-3.5": {3, 3, 2},
		// 3.5b: P2 (H04 paid 1) and P3 (H05 paid 2) had an online payment; P4 none.
		"QD766-3.5b": {2, 3, 2 * (2.0 / 3) / 0.8},
		// 3.6: fee > 0: H03, H04, H05, H06, H07 = 5; paid online H04, H05 = 2 → 6 × 0.4.
		"QD766-3.6": {2, 5, 6 * 0.4},
		// 4.1: finished with a link: H01, H02, H04, H06, H09 = 5 of 7.
		"QD766-4.1": {5, 7, 6.0 * 5 / 7},
		// 4.3: SoHoa = 5 of 9 → 2 × (5/9) / 0.8.
		"QD766-4.3": {5, 9, 2 * (5.0 / 9) / 0.8},
		// 4.4: Kho: H01, H04, H08 = 3 of 9.
		"QD766-4.4": {3, 9, 4.0 * 3 / 9},
		// 4.5a: citizen procedures P1, P2, P4; linked P1, P4.
		"QD766-4.5a": {2, 3, 2.0 * 2 / 3},
		// 4.5b: VNeID or Kho: H01, H02, H04, H06, H08 = 5 of 9.
		"QD766-4.5b": {5, 9, 2.0 * 5 / 9},
	}
	inds := byID(&rep.Index)
	require.Len(t, inds, 23)
	total := 0.0
	for id, w := range computed {
		ind := inds[id]
		if !assert.True(t, ind.Computed, "%s: %s", id, ind.Reason) {
			continue
		}
		assert.Equal(t, w.num, ind.Numerator, id)
		assert.Equal(t, w.den, ind.Denominator, id)
		require.NotNil(t, ind.Rate, id)
		assert.InDelta(t, float64(w.num)/float64(w.den), *ind.Rate, 1e-12, id)
		assert.InDelta(t, w.points, ind.Points, 1e-9, id)
		total += w.points
	}
	// 2.2: 3d2h + 5d + 7d9h + 9d + 15d + 1d + 1d = 3 582 000 s over 7 finished dossiers.
	avg := inds["QD766-2.2"]
	require.True(t, avg.Computed)
	require.NotNil(t, avg.Value)
	assert.Nil(t, avg.Rate)
	assert.Equal(t, int64(3582000), avg.Numerator)
	assert.InDelta(t, 3582000.0/7/86400, *avg.Value, 1e-9)
	assert.Equal(t, "days", avg.Unit)
	assert.Zero(t, avg.Points)

	for _, id := range []string{"QD766-1.1", "QD766-1.2", "QD766-1.3", "QD766-1.4", "QD766-4.2", "QD766-4.6", "QD766-5.1", "QD766-5.2", "QD766-5.3", "QD766-5.4"} {
		ind := inds[id]
		assert.False(t, ind.Computed, id)
		assert.NotEmpty(t, ind.Reason, id)
		assert.Nil(t, ind.Rate, id)
		assert.Zero(t, ind.Points, id)
	}
	assert.Contains(t, inds["QD766-4.6"].Reason, "NOT FOUND")

	assert.InDelta(t, total, rep.Total, 1e-9)
	assert.Equal(t, 100.0, rep.MaxPoints)
	assert.Equal(t, 58.0, rep.Attainable) // 20 + 12 + 10 + 16
	assert.Equal(t, 42.0, rep.NotComputedPoints)
	assert.InDelta(t, total/58*100, rep.Normalised, 1e-9)
	assert.Equal(t, scoring.Decision766.Grade(total), rep.BandTotal)
	assert.Equal(t, "yeu", rep.BandTotal.ID) // 38.5, a lower bound
	assert.Equal(t, "trung-binh", rep.Band.ID, "graded on what could be computed: %.2f", rep.Normalised)
	assert.False(t, rep.Band.Verified)

	groups := map[string]index766.GroupScore{}
	for _, g := range rep.Groups {
		groups[g.ID] = g
	}
	require.Len(t, rep.Groups, 6)
	assert.InDelta(t, 2*0.75/0.8+4+6, groups["online-service"].Points, 1e-9)
	assert.Equal(t, 12.0, groups["online-service"].MaxPoints)
	assert.InDelta(t, 2+2*(2.0/3)/0.8+2.4, groups["online-payment"].Points, 1e-9)
	assert.Equal(t, 0.0, groups["transparency"].Attainable)
	assert.Equal(t, 18.0, groups["transparency"].MaxPoints)
	assert.Equal(t, 16.0, groups["digitisation"].Attainable)

	// Targets: online procedures 3/4; full-process P1, P3 of 3 online; fully online dossiers
	// (finished, online, fee paid or none, result link): H01, H02, H04 of 7 finished.
	require.Len(t, rep.Targets, 3)
	assert.Equal(t, [2]int64{3, 4}, [2]int64{rep.Targets[0].Numerator, rep.Targets[0].Denominator})
	assert.Equal(t, [2]int64{2, 3}, [2]int64{rep.Targets[1].Numerator, rep.Targets[1].Denominator})
	assert.Equal(t, [2]int64{3, 7}, [2]int64{rep.Targets[2].Numerator, rep.Targets[2].Denominator})
	assert.False(t, rep.Targets[0].Met)

	// Essential services P1 and P2: H01, H02, H08, H03, H04.
	require.NotNil(t, rep.Essential)
	assert.Equal(t, int64(5), rep.Essential.Dossiers)
	assert.Equal(t, int64(2), rep.Essential.ProceduresInScope)
	ess := byID(rep.Essential)
	// Essential dossiers with a NgayHenTra: H01, H02, H04 finished, H03, H08 open and past due;
	// on time H01, H04.
	assert.Equal(t, [2]int64{2, 5}, [2]int64{ess["QD766-2.1"].Numerator, ess["QD766-2.1"].Denominator})

	assert.Equal(t, int64(9), rep.Records.Scored)
	assert.Equal(t, int64(1), rep.Records.Bad)
	require.Len(t, rep.Records.BadRecords, 1)
	assert.Equal(t, int64(6), rep.Records.BadRecords[0].Line)
	assert.Contains(t, rep.Records.BadRecords[0].Reason, `NgayTiepNhan "20240230080000": impossible date`)
	assert.InDelta(t, 0.1, rep.Records.BadShare, 1e-12)
	assert.Contains(t, strings.Join(rep.Notes, "\n"), "1 dossiers name 1 procedures (MaTTHC) that are not in the procedure catalogue")
}

func TestHandCountedByUnitAndProcedure(t *testing.T) {
	acc := readFile(t, "testdata/hand.jsonl", index766.JSONL, index766.ReadOptions{})
	procs := handProcedures(t, "testdata/hand-procedures.csv")
	cat := fixtureCatalogue(t)

	rep, err := index766.Score(acc, index766.Options{Catalogue: cat, Procedures: procs, By: "unit"})
	require.NoError(t, err)
	require.Len(t, rep.Slices, 2)
	u1 := rep.Slices[0]
	assert.Equal(t, "U1", u1.ID)
	assert.Equal(t, int64(5), u1.Dossiers) // H01, H02, H03, H04, H09
	// U1's procedures in the catalogue: P1, P2 (P9 unknown): both online, 3.1 = 2/2.
	assert.Equal(t, int64(2), u1.ProceduresInScope)
	ind := byID(&u1.Index)
	assert.Equal(t, [2]int64{2, 2}, [2]int64{ind["QD766-3.1"].Numerator, ind["QD766-3.1"].Denominator})
	// U1: H01, H02, H04, H09 finished, H03 open and past due; on time H01, H04, H09.
	assert.Equal(t, [2]int64{3, 5}, [2]int64{ind["QD766-2.1"].Numerator, ind["QD766-2.1"].Denominator})

	rep, err = index766.Score(acc, index766.Options{Catalogue: cat, Procedures: procs, By: "procedure"})
	require.NoError(t, err)
	var ids []string
	for _, s := range rep.Slices {
		ids = append(ids, s.ID)
	}
	assert.Equal(t, []string{"P1", "P2", "P3", "P4", "P9"}, ids)
	assert.True(t, rep.Slices[0].Essential)
	assert.Equal(t, "Đăng ký khai sinh", rep.Slices[0].Name)
	p3 := byID(&rep.Slices[2].Index)
	assert.Equal(t, [2]int64{1, 2}, [2]int64{p3["QD766-3.6"].Numerator, p3["QD766-3.6"].Denominator}) // H05 paid, H06 not
	p9 := byID(&rep.Slices[4].Index)
	assert.False(t, p9["QD766-3.1"].Computed, "P9 is not in the catalogue")
	assert.True(t, p9["QD766-2.1"].Computed)
}

// report renders a report as JSON with the bad records' file names and lines cleared: the same
// records read from JSON Lines and CSV sit on different lines (CSV has a header).
func reportJSON(t *testing.T, acc *index766.Accumulator, opt index766.Options) string {
	t.Helper()
	rep, err := index766.Score(acc, opt)
	require.NoError(t, err)
	for i := range rep.Records.BadRecords {
		rep.Records.BadRecords[i].File, rep.Records.BadRecords[i].Line = "", 0
	}
	b, err := json.MarshalIndent(rep, "", " ")
	require.NoError(t, err)
	return string(b)
}

func TestJSONLAndCSVGiveIdenticalReports(t *testing.T) {
	cat := fixtureCatalogue(t)
	t.Run("hand", func(t *testing.T) {
		procs := handProcedures(t, "testdata/hand-procedures.json")
		opt := index766.Options{Catalogue: cat, Procedures: procs, By: "unit"}
		j := reportJSON(t, readFile(t, "testdata/hand.jsonl", index766.Detect, index766.ReadOptions{}), opt)
		c := reportJSON(t, readFile(t, "testdata/hand.csv", index766.Detect, index766.ReadOptions{}), opt)
		assert.Equal(t, j, c)
	})
	t.Run("generated", func(t *testing.T) {
		cfg := synth.Config{Records: 20000, Seed: 3}
		procs, err := index766.NewProcedures(synth.Catalogue(cfg))
		require.NoError(t, err)
		var jb, cb bytes.Buffer
		require.NoError(t, synth.Write(&jb, cfg, index766.JSONL))
		require.NoError(t, synth.Write(&cb, cfg, index766.CSV))
		opt := index766.Options{Catalogue: cat, Procedures: procs, By: "procedure"}
		read := func(data []byte) *index766.Accumulator {
			acc := index766.NewAccumulator()
			require.NoError(t, index766.Read(context.Background(), bytes.NewReader(data), "gen", 0, index766.Detect, acc, index766.ReadOptions{ChunkSize: 64 << 10}))
			return acc
		}
		j, c := reportJSON(t, read(jb.Bytes()), opt), reportJSON(t, read(cb.Bytes()), opt)
		assert.Equal(t, j, c)
		assert.Contains(t, j, `"scored": 20000`)
		assert.Contains(t, j, `"bad": 0,`)
	})
}

// lines returns n generated JSON Lines records.
func generated(t *testing.T, n int64, seed uint64, f index766.Format) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, synth.Write(&b, synth.Config{Records: n, Seed: seed}, f))
	return b.Bytes()
}

func TestCorruptLinesAreReportedAndTheRestScored(t *testing.T) {
	for _, workers := range []int{1, 2, 4} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			recs := bytes.SplitAfter(generated(t, 3000, 5, index766.JSONL), []byte{'\n'})
			recs = recs[:3000]
			recs[499] = []byte(`{"MaHoSo":"X","MaDonVi":` + "\n")            // line 500: truncated
			recs[1799] = []byte("not json at all\n")                         // line 1800
			recs[2999] = []byte(`{"MaHoSo":"Y","MaDonVi":"U","MaTTHC":"P"}`) // line 3000, no newline: no NgayTiepNhan
			acc := index766.NewAccumulator()
			err := index766.Read(context.Background(), bytes.NewReader(bytes.Join(recs, nil)), "dossiers.jsonl", 0, index766.JSONL, acc,
				index766.ReadOptions{Workers: workers, ChunkSize: 64 << 10})
			require.NoError(t, err)
			assert.Equal(t, int64(2997), acc.Records())
			n, bad := acc.Bad()
			assert.Equal(t, int64(3), n)
			require.Len(t, bad, 3)
			assert.Equal(t, []int64{500, 1800, 3000}, []int64{bad[0].Line, bad[1].Line, bad[2].Line})
			assert.Equal(t, "dossiers.jsonl", bad[0].File)
			assert.Contains(t, bad[0].Reason, "want a value")
			assert.Contains(t, bad[1].Reason, "column 1: want a JSON object")
			assert.Equal(t, "NgayTiepNhan: required field missing or empty", bad[2].Reason)
		})
	}
}

func TestCSVLineNumbersWithQuotedNewlinesAcrossChunks(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("MaHoSo,MaDonVi,MaTTHC,NgayTiepNhan,GhiChu\r\n")
	line := 2
	var wantBad []int64
	for i := 0; i < 4000; i++ {
		switch {
		case i%500 == 7: // a note over three lines
			fmt.Fprintf(&b, "H%d,U1,P1,20240101080000,\"dòng 1\r\ndòng \"\"2\"\"\r\ndòng 3\"\r\n", i)
			line += 3
		case i%700 == 3:
			fmt.Fprintf(&b, "H%d,U1,P1,20241301080000,x\r\n", i) // month 13
			wantBad = append(wantBad, int64(line))
			line++
		case i%900 == 5:
			fmt.Fprintf(&b, "H%d,U1,P\"1,20240101080000,x\r\n", i) // bare quote
			wantBad = append(wantBad, int64(line))
			line++
		default:
			fmt.Fprintf(&b, "H%d,U1,P1,20240101080000,x\r\n", i)
			line++
		}
	}
	acc := index766.NewAccumulator()
	require.NoError(t, index766.Read(context.Background(), bytes.NewReader(b.Bytes()), "d.csv", 0, index766.CSV, acc,
		index766.ReadOptions{Workers: 2, ChunkSize: 64 << 10}))
	n, bad := acc.Bad()
	require.Equal(t, int64(len(wantBad)), n, "%v", bad)
	var got []int64
	for _, r := range bad {
		got = append(got, r.Line)
	}
	assert.Equal(t, wantBad, got)
	assert.Equal(t, int64(4000)-n, acc.Records())
}

func TestRecordLongerThanAChunk(t *testing.T) {
	good := generated(t, 300, 9, index766.JSONL)
	long := `{"MaHoSo":"` + strings.Repeat("x", 70<<10) + `","MaDonVi":"U","MaTTHC":"P","NgayTiepNhan":"20240101000000"}` + "\n"
	recs := bytes.SplitAfter(good, []byte{'\n'})
	input := bytes.Join([][]byte{bytes.Join(recs[:100], nil), []byte(long), bytes.Join(recs[100:], nil)}, nil)
	acc := index766.NewAccumulator()
	require.NoError(t, index766.Read(context.Background(), bytes.NewReader(input), "d.jsonl", 0, index766.JSONL, acc,
		index766.ReadOptions{ChunkSize: 64 << 10}))
	assert.Equal(t, int64(300), acc.Records())
	n, bad := acc.Bad()
	require.Equal(t, int64(1), n, "%v", bad)
	assert.Equal(t, int64(101), bad[0].Line)
	assert.Contains(t, bad[0].Reason, "record longer than")
}

func TestBadRecordReasons(t *testing.T) {
	const ok = `"MaHoSo":"H","MaDonVi":"U","MaTTHC":"P","NgayTiepNhan":"20240101080000"`
	cases := []struct {
		name, line, reason string
	}{
		{"missing unit", `{"MaHoSo":"H","MaTTHC":"P","NgayTiepNhan":"20240101080000"}`, "MaDonVi: required field missing or empty"},
		{"empty id", `{"MaHoSo":"","MaDonVi":"U","MaTTHC":"P","NgayTiepNhan":"20240101080000"}`, "MaHoSo: required field missing or empty"},
		{"30 February", `{` + ok + `,"NgayHenTra":"2024-02-30T17:00:00+07:00"}`, `NgayHenTra "2024-02-30T17:00:00+07:00": impossible date`},
		{"dd/MM/yyyy", `{` + ok + `,"NgayHenTra":"15/03/2024"}`, `NgayHenTra "15/03/2024": unsupported date format dd/MM/yyyy`},
		{"date only", `{` + ok + `,"NgayHenTra":"2024-03-15"}`, `NgayHenTra "2024-03-15": unsupported date format: want RFC 3339`},
		{"due before receipt", `{` + ok + `,"NgayHenTra":"20231231170000"}`, "NgayHenTra \"20231231170000\": impossible date: before NgayTiepNhan"},
		{"end before receipt", `{` + ok + `,"NgayKetThucXuLy":"20231231170000"}`, "NgayKetThucXuLy \"20231231170000\": impossible date: before NgayTiepNhan"},
		{"channel 4", `{` + ok + `,"KenhThucHien":4}`, `KenhThucHien "4": want 1 (in person), 2 (online), 3 (postal) or empty`},
		{"negative fee", `{` + ok + `,"PhiLePhi":-5}`, `PhiLePhi "-5": want a non-negative amount in VND`},
		{"paid 3", `{` + ok + `,"DuocThanhToanTrucTuyen":3}`, `DuocThanhToanTrucTuyen "3"`},
		{"flag 2", `{` + ok + `,"DuocSoHoa":2}`, `DuocSoHoa "2": want 0, 1 or empty`},
		{"nested", `{` + ok + `,"TaiLieuNop":[{"DuocSoHoa":1}]}`, "nested objects and arrays are not dossier fields"},
		{"trailing data", `{` + ok + `} {}`, "data after the object"},
		{"invalid UTF-8", "{" + ok + `,"Ten":"` + "\xff" + `"}`, "invalid UTF-8"},
		{"control character", "{" + ok + `,"Ten":"a` + "\x01" + `"}`, "control character in a string"},
		{"boolean id", `{"MaHoSo":true,"MaDonVi":"U","MaTTHC":"P","NgayTiepNhan":"20240101080000"}`, `MaHoSo "true": want a string`},
		{"result link number", `{` + ok + `,"DuongDanTepTinKetQua":5}`, `DuongDanTepTinKetQua "5": want a string`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			acc := index766.NewAccumulator()
			require.NoError(t, index766.Read(context.Background(), strings.NewReader(c.line+"\n"), "x", 0, index766.JSONL, acc, index766.ReadOptions{}))
			n, bad := acc.Bad()
			require.Equal(t, int64(1), n, "want the record rejected")
			assert.Contains(t, bad[0].Reason, c.reason)
			assert.Equal(t, int64(1), bad[0].Line)
		})
	}
	t.Run("accepted variants", func(t *testing.T) {
		// Strings for numbers, booleans for flags, null for empty, escapes, fractions of VND,
		// whitespace, a BOM, blank lines and CRLF are all valid.
		input := "\xEF\xBB\xBF" + `{ "MaHoSo" : "H\u0031", "MaDonVi":"U","MaTTHC":"P","NgayTiepNhan":"2024-01-01T08:00:00.5+07:00","KenhThucHien":"2","PhiLePhi":"0.50","DuocSoHoa":true,"DuocLayTuKhoDMQG":null,"NgayKetThucXuLy":""}` + "\r\n\n   \n"
		acc := index766.NewAccumulator()
		require.NoError(t, index766.Read(context.Background(), strings.NewReader(input), "x", 0, index766.Detect, acc, index766.ReadOptions{}))
		n, bad := acc.Bad()
		require.Zero(t, n, "%v", bad)
		assert.Equal(t, int64(1), acc.Records())
	})
}

func TestReadErrors(t *testing.T) {
	cases := []struct {
		name, input, want string
		format            index766.Format
	}{
		{"empty", "", "empty input", index766.Detect},
		{"json array", "[{\"MaHoSo\":\"1\"}]\n", "a JSON array: want JSON Lines", index766.Detect},
		{"duplicate column", "MaHoSo,MaDonVi,MaHoSo\n", `line 1: header: column 1 and column 3 are both "MaHoSo"`, index766.CSV},
		{"missing column", "MaHoSo,MaDonVi,NgayTiepNhan\nH,U,20240101000000\n", "line 1: header: no MaTTHC column (required)", index766.CSV},
		{"unterminated header", "\"MaHoSo,MaDonVi\n", "no complete header row", index766.CSV},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := index766.Read(context.Background(), strings.NewReader(c.input), "in.csv", 0, c.format, index766.NewAccumulator(), index766.ReadOptions{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			assert.Contains(t, err.Error(), "in.csv")
		})
	}
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := index766.Read(ctx, bytes.NewReader(generated(t, 10, 1, index766.JSONL)), "x", 0, index766.JSONL, index766.NewAccumulator(), index766.ReadOptions{})
		assert.ErrorIs(t, err, context.Canceled)
	})
}

// TestMergeEqualsSinglePass is the property the accumulators exist for: cutting the input into
// random partitions, scoring each separately and merging them in random groupings and orders
// gives exactly the report of one pass.
func TestMergeEqualsSinglePass(t *testing.T) {
	cat := fixtureCatalogue(t)
	cfg := synth.Config{Records: 4000, Seed: 11, Procedures: 40, Units: 7}
	procs, err := index766.NewProcedures(synth.Catalogue(cfg))
	require.NoError(t, err)
	var data bytes.Buffer
	require.NoError(t, synth.Write(&data, cfg, index766.JSONL))
	recs := bytes.SplitAfter(data.Bytes(), []byte{'\n'})
	recs[17] = []byte("{broken\n") // bad records merge too
	recs[3001] = []byte("{broken\n")
	opt := index766.Options{Catalogue: cat, Procedures: procs, By: "unit"}

	single := index766.NewAccumulator()
	require.NoError(t, index766.Read(context.Background(), bytes.NewReader(bytes.Join(recs, nil)), "d", 0, index766.JSONL, single, index766.ReadOptions{Workers: 1}))
	want := reportJSON(t, single, opt)

	for seed := uint64(0); seed < 25; seed++ {
		rng := rand.New(rand.NewPCG(seed, 99))
		// Random cut points.
		var parts []*index766.Accumulator
		for i := 0; i < len(recs); {
			j := min(len(recs), i+1+rng.IntN(900))
			acc := index766.NewAccumulator()
			require.NoError(t, index766.Read(context.Background(), bytes.NewReader(bytes.Join(recs[i:j], nil)), "d", 0, index766.JSONL, acc, index766.ReadOptions{Workers: 1 + rng.IntN(3)}))
			parts = append(parts, acc)
			i = j
		}
		// Merge in a random tree: pick two, merge one into the other, until one is left.
		for len(parts) > 1 {
			i, j := rng.IntN(len(parts)), rng.IntN(len(parts)-1)
			if j >= i {
				j++
			}
			parts[i].Merge(parts[j])
			parts = append(parts[:j], parts[j+1:]...)
		}
		// Line numbers are per partition, so compare everything but the bad records' places.
		assert.Equal(t, want, reportJSON(t, parts[0], opt), "seed %d", seed)
	}
}

func TestScoreWithoutProcedureCatalogue(t *testing.T) {
	acc := readFile(t, "testdata/hand.csv", index766.Detect, index766.ReadOptions{})
	rep, err := index766.Score(acc, index766.Options{Catalogue: fixtureCatalogue(t)})
	require.NoError(t, err)
	inds := byID(&rep.Index)
	for _, id := range []string{"QD766-3.1", "QD766-3.2", "QD766-3.5", "QD766-3.5b", "QD766-3.6", "QD766-4.5a"} {
		assert.False(t, inds[id].Computed, id)
		assert.Equal(t, "needs the procedure catalogue (--procedures)", inds[id].Reason, id)
	}
	assert.True(t, inds["QD766-3.3"].Computed)
	assert.Nil(t, rep.Essential)
	assert.Equal(t, 40.0, rep.Attainable) // 58 less 3.1 (2), 3.2 (4), 3.5 (2), 3.5b (2), 3.6 (6), 4.5a (2)
	assert.False(t, rep.Targets[0].Met)
	assert.Zero(t, rep.Targets[0].Denominator)
	assert.Contains(t, rep.Notes[0], "no procedure catalogue")
}

func TestScoreEmptyInput(t *testing.T) {
	rep, err := index766.Score(index766.NewAccumulator(), index766.Options{Catalogue: fixtureCatalogue(t)})
	require.NoError(t, err)
	for _, ind := range rep.Indicators {
		assert.False(t, ind.Computed, ind.ID)
		assert.NotEmpty(t, ind.Reason, ind.ID)
	}
	assert.Zero(t, rep.Total)
	assert.Zero(t, rep.Attainable)
	assert.Equal(t, "no dossiers in the input (denominator 0)", byID(&rep.Index)["QD766-3.3"].Reason)
}

func TestScoreOptionsErrors(t *testing.T) {
	_, err := index766.Score(index766.NewAccumulator(), index766.Options{Catalogue: fixtureCatalogue(t), By: "province"})
	assert.ErrorContains(t, err, `breakdown "province"`)
	bad := scoring.Bands{ID: "x", Bands: []scoring.Band{{ID: "a", Min: 10}}}
	_, err = index766.Score(index766.NewAccumulator(), index766.Options{Catalogue: fixtureCatalogue(t), Bands: bad})
	assert.ErrorContains(t, err, "must start at 0")
}

func TestLoadProcedures(t *testing.T) {
	j := handProcedures(t, "testdata/hand-procedures.json")
	c := handProcedures(t, "testdata/hand-procedures.csv")
	assert.Equal(t, j.List(), c.List())
	p, ok := j.Lookup("P4")
	require.True(t, ok)
	assert.False(t, p.Online())
	assert.True(t, p.Fee && p.Citizen && p.PopulationLinked && !p.Essential)

	cases := []struct{ name, input, want string }{
		{"bad level", `[{"MaTTHC":"P1","MucDo":"muc_4"}]`, `procedure P1: MucDo "muc_4"`},
		{"duplicate", `{"procedures":[{"MaTTHC":"P1"},{"MaTTHC":"P1"}]}`, "procedure P1: listed twice"},
		{"empty code", `[{"Ten":"x"}]`, `procedure "x": MaTTHC is empty`},
		{"bad boolean json", `[{"MaTTHC":"P1","ThietYeu":"maybe"}]`, `procedures[0]`},
		{"bad boolean csv", "MaTTHC,ThietYeu\nP1,1\nP2,có\n", `line 3: ThietYeu: want true/false or 1/0, got "có"`},
		{"no code column", "Ten,MucDo\nx,\n", "no MaTTHC column"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := index766.LoadProcedures(strings.NewReader(tc.input), "procs")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.True(t, strings.HasPrefix(err.Error(), "procs: "), err.Error())
		})
	}
}

func TestGeneratorIsDeterministic(t *testing.T) {
	a := generated(t, 500, 42, index766.CSV)
	b := generated(t, 500, 42, index766.CSV)
	c := generated(t, 500, 43, index766.CSV)
	assert.Equal(t, a, b)
	assert.NotEqual(t, a, c)
	// Realistic mixes: every channel, both date forms, open dossiers, essential services.
	j := string(generated(t, 2000, 42, index766.JSONL))
	for _, s := range []string{`"KenhThucHien":null`, `"KenhThucHien":1`, `"KenhThucHien":2`, `"KenhThucHien":3`,
		`"NgayKetThucXuLy":null`, `"NgayKetThucXuLy":""`, `+07:00"`, `Z"`, `"DuocThanhToanTrucTuyen":2`} {
		assert.Contains(t, j, s)
	}
	ess := 0
	for _, p := range synth.Catalogue(synth.Config{}) {
		if p.Essential {
			ess++
		}
	}
	assert.Equal(t, 25, ess)
}

// TestPartialsMergeAcrossMachines: partitions scored apart, written in the partial form, read
// back and merged give the single-pass report; a damaged partial is refused with the reason.
func TestPartialsMergeAcrossMachines(t *testing.T) {
	cat := fixtureCatalogue(t)
	data := generated(t, 3000, 21, index766.CSV)
	lines := bytes.SplitAfter(data, []byte{'\n'})
	header, rows := lines[0], lines[1:]
	single := index766.NewAccumulator()
	require.NoError(t, index766.Read(context.Background(), bytes.NewReader(data), "d", 0, index766.CSV, single, index766.ReadOptions{}))
	opt := index766.Options{Catalogue: cat, By: "unit"}
	want := reportJSON(t, single, opt)

	merged := index766.NewAccumulator()
	for i := 0; i < 3; i++ {
		part := append(append([]byte(nil), header...), bytes.Join(rows[i*1000:(i+1)*1000], nil)...)
		acc := index766.NewAccumulator()
		require.NoError(t, index766.Read(context.Background(), bytes.NewReader(part), "d", 0, index766.CSV, acc, index766.ReadOptions{}))
		b, err := json.Marshal(acc)
		require.NoError(t, err)
		again, err := json.Marshal(acc)
		require.NoError(t, err)
		assert.Equal(t, b, again, "deterministic")
		back := index766.NewAccumulator()
		require.NoError(t, json.Unmarshal(b, back))
		merged.Merge(back)
	}
	assert.Equal(t, want, reportJSON(t, merged, opt))

	good, err := json.Marshal(single)
	require.NoError(t, err)
	for name, c := range map[string]struct{ from, to, want string }{
		"format":   {`"format":"p06kit/index766-partial"`, `"format":"other"`, `format "other"`},
		"version":  {`"version":2`, `"version":1`, "version 1"},
		"counters": {`"counters":["dossiers"`, `"counters":["records"`, "counters [records"},
		"negative": {`"counts":[`, `"counts":[-`, "want 0 ≤ value"},
	} {
		t.Run(name, func(t *testing.T) {
			bad := strings.Replace(string(good), c.from, c.to, 1)
			require.NotEqual(t, string(good), bad)
			err := json.Unmarshal([]byte(bad), index766.NewAccumulator())
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}
