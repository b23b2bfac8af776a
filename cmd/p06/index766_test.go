package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/msg"
)

const (
	fixtureCatalogue = "../../scoring/index766/testdata/qd766-fixture.json"
	handDossiers     = "../../scoring/index766/testdata/hand.jsonl"
	handProcedures   = "../../scoring/index766/testdata/hand-procedures.json"
)

// index766Out is the part of the report the tests read.
type index766Out struct {
	Indicators []struct {
		ID          string   `json:"id"`
		Computed    bool     `json:"computed"`
		Reason      string   `json:"reason"`
		Rate        *float64 `json:"rate"`
		Points      float64  `json:"points"`
		MaxPoints   float64  `json:"max_points"`
		Threshold   *float64 `json:"threshold"`
		Numerator   int64    `json:"numerator"`
		Denominator int64    `json:"denominator"`
	} `json:"indicators"`
	Groups []struct {
		ID        string  `json:"id"`
		Points    float64 `json:"points"`
		MaxPoints float64 `json:"max_points"`
	} `json:"groups"`
	Total   float64             `json:"total"`
	Band    struct{ ID string } `json:"band"`
	Targets []struct {
		ID       string  `json:"id"`
		Measured float64 `json:"measured"`
	} `json:"targets"`
	Records struct {
		Scored     int64 `json:"scored"`
		Bad        int64 `json:"bad"`
		BadRecords []struct {
			File   string `json:"file"`
			Line   int64  `json:"line"`
			Reason string `json:"reason"`
		} `json:"bad_records"`
	} `json:"records"`
	Slices []struct {
		ID string `json:"id"`
	} `json:"slices"`
}

func runIdx(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = runIndex766(args, &o, &e)
	return code, o.String(), e.String()
}

func decodeIdx(t *testing.T, s string) index766Out {
	t.Helper()
	var out index766Out
	require.NoError(t, json.Unmarshal([]byte(s), &out), s)
	return out
}

func (o index766Out) indicator(t *testing.T, id string) (rate, points float64, num, den int64) {
	t.Helper()
	for _, ind := range o.Indicators {
		if ind.ID == id {
			require.True(t, ind.Computed, "%s: %s", id, ind.Reason)
			require.NotNil(t, ind.Rate, id)
			assert.GreaterOrEqual(t, *ind.Rate, 0.0)
			assert.LessOrEqual(t, *ind.Rate, 1.0)
			return *ind.Rate, ind.Points, ind.Numerator, ind.Denominator
		}
	}
	t.Fatalf("no indicator %s", id)
	return
}

func TestIndex766HandFile(t *testing.T) {
	code, stdout, stderr := runIdx(t, "--catalogue", fixtureCatalogue, "--max-bad", "0.1", "--procedures", handProcedures, "--format", "json", handDossiers)
	require.Equal(t, exitOK, code, stderr)
	out := decodeIdx(t, stdout)
	require.Len(t, out.Indicators, 23)
	require.Len(t, out.Groups, 6)
	// Counted by hand in scoring/index766's TestHandCounted.
	rate, points, _, _ := out.indicator(t, "QD766-2.1")
	assert.InDelta(t, 5.0/9, rate, 1e-12)
	assert.InDelta(t, 20*5.0/9, points, 1e-9)
	rate, points, _, _ = out.indicator(t, "QD766-3.3")
	assert.InDelta(t, 5.0/9, rate, 1e-12)
	assert.Equal(t, 6.0, points)
	rate, points, _, _ = out.indicator(t, "QD766-3.6")
	assert.InDelta(t, 0.4, rate, 1e-12)
	assert.InDelta(t, 2.4, points, 1e-12)
	sum := 0.0
	for _, g := range out.Groups {
		sum += g.Points
	}
	assert.InDelta(t, sum, out.Total, 1e-9)
	// The corrupt line 6 is reported, on stderr too, and the other 9 are scored.
	assert.Equal(t, int64(9), out.Records.Scored)
	require.Len(t, out.Records.BadRecords, 1)
	assert.Equal(t, int64(6), out.Records.BadRecords[0].Line)
	assert.Contains(t, stderr, "hand.jsonl:6: NgayTiepNhan \"20240230080000\": ngày không tồn tại")
	// --max-bad below the bad share (1 of 10) makes it fail.
	code, stdout, stderr = runIdx(t, "--catalogue", fixtureCatalogue, "--max-bad", "0.05", handDossiers)
	assert.Equal(t, exitCantRun, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "1 trên 10 bản ghi bị lỗi (10.00%), vượt mức --max-bad 5.00%")
	assert.Contains(t, stderr, "hand.jsonl:6:")
}

// handCount counts QD766-2.1, 3.3 and 3.6 of a JSON Lines file with encoding/json and
// time.Parse, independently of the package's scanners and counters.
func handCount(t *testing.T, path string) (onTime, finished, online, all, paid, fee int64) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	vn := time.FixedZone("ICT", 7*3600)
	parse := func(s string) time.Time {
		if len(s) == 14 {
			tm, err := time.ParseInLocation("20060102150405", s, vn)
			require.NoError(t, err)
			return tm
		}
		tm, err := time.Parse(time.RFC3339, s)
		require.NoError(t, err)
		return tm
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var d struct {
			Kenh *int
			Due  string `json:"NgayHenTra"`
			End  string `json:"NgayKetThucXuLy"`
			Fee  int64  `json:"PhiLePhi"`
			Paid int    `json:"DuocThanhToanTrucTuyen"`
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &d))
		var k struct{ KenhThucHien *int }
		require.NoError(t, json.Unmarshal(sc.Bytes(), &k))
		all++
		if k.KenhThucHien != nil && *k.KenhThucHien == 2 {
			online++
		}
		if d.End != "" {
			finished++
			if !parse(d.End).After(parse(d.Due)) {
				onTime++
			}
		}
		if d.Fee > 0 {
			fee++
			if d.Paid == 1 || d.Paid == 2 {
				paid++
			}
		}
	}
	require.NoError(t, sc.Err())
	return
}

// TestIndex766GeneratedFinishedDossiers is the acceptance test: on generated finished
// dossiers the command's 2.1, 3.3 and 3.6 are what the formulas give when counted by hand.
func TestIndex766GeneratedFinishedDossiers(t *testing.T) {
	dir := t.TempDir()
	all := filepath.Join(dir, "all.jsonl")
	code, _, stderr := runIdx(t, "generate", "--records", "3000", "--seed", "8", "--format", "jsonl", "--out", all)
	require.Equal(t, exitOK, code, stderr)
	data, err := os.ReadFile(all)
	require.NoError(t, err)
	var fin []string
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if !strings.Contains(l, `"NgayKetThucXuLy":null`) && !strings.Contains(l, `"NgayKetThucXuLy":""`) {
			fin = append(fin, l)
		}
	}
	finished := filepath.Join(dir, "finished.jsonl")
	require.NoError(t, os.WriteFile(finished, []byte(strings.Join(fin, "\n")+"\n"), 0o644))

	onTime, nFin, online, nAll, paid, fee := handCount(t, finished)
	require.Equal(t, int64(len(fin)), nFin)
	require.Greater(t, nFin, int64(2000))

	code, stdout, stderr := runIdx(t, "--catalogue", fixtureCatalogue, "--format", "json", finished)
	require.Equal(t, exitOK, code, stderr)
	out := decodeIdx(t, stdout)
	rate, points, num, den := out.indicator(t, "QD766-2.1")
	assert.Equal(t, [2]int64{onTime, nFin}, [2]int64{num, den})
	assert.InDelta(t, float64(onTime)/float64(nFin), rate, 1e-12)
	assert.InDelta(t, 20*float64(onTime)/float64(nFin), points, 1e-9)

	rate, points, num, den = out.indicator(t, "QD766-3.3")
	assert.Equal(t, [2]int64{online, nAll}, [2]int64{num, den})
	r := float64(online) / float64(nAll)
	assert.InDelta(t, r, rate, 1e-12)
	assert.InDelta(t, min(6, 6*r/0.5), points, 1e-9)

	// 3.6 counts the dossiers of fee-bearing procedures only, which takes the procedure
	// catalogue: without it the indicator is not computed and says why.
	_, _ = paid, fee
	for _, ind := range out.Indicators {
		if ind.ID == "QD766-3.6" {
			assert.False(t, ind.Computed)
			assert.Contains(t, ind.Reason, "--procedures")
		}
	}
}

// The acceptance test: --as-of 2024-04-01 on a file in which three unfinished
// dossiers are past their due date counts them late in QD766-2.1, with numerator and
// denominator in the JSON and the as-of day in the report.
func TestIndex766AsOfCountsOverdueLate(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 20; i++ {
		end := `"20240315100000"`
		switch {
		case i > 17:
			end = `""` // unfinished, due 2024-03-20
		case i > 12:
			end = `"20240325100000"` // late
		}
		fmt.Fprintf(&b, `{"MaHoSo":"D%02d","MaDonVi":"U1","MaTTHC":"P1","NgayTiepNhan":"20240301080000","NgayHenTra":"20240320170000","NgayKetThucXuLy":%s}`+"\n", i, end)
	}
	file := filepath.Join(t.TempDir(), "d.jsonl")
	require.NoError(t, os.WriteFile(file, []byte(b.String()), 0o644))
	code, stdout, stderr := runIdx(t, "--as-of", "2024-04-01", file)
	require.Equal(t, exitOK, code, stderr)
	out := decodeIdx(t, stdout)
	_, _, num, den := out.indicator(t, "QD766-2.1")
	assert.Equal(t, [2]int64{12, 20}, [2]int64{num, den}, "12 on time; 5 late; 3 unfinished past due")
	var raw struct {
		Period map[string]any `json:"period"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &raw))
	assert.Equal(t, "2024-04-01", raw.Period["as_of"])
	assert.Equal(t, 3.0, raw.Period["overdue"])

	code, stdout, _ = runIdx(t, "--format", "md", file)
	require.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "xét vào ngày **2024-03-25** (ngày muộn nhất trong dữ liệu)")
	_, stdout, _ = runIdx(t, "--format", "md", "--lang", "en", file)
	assert.Contains(t, stdout, "as of **2024-03-25** (latest date in the data)")
	code, _, stderr = runIdx(t, "--as-of", "01/04/2024", file)
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr, "không phải ngày dạng YYYY-MM-DD")
}

func TestIndex766JSONLAndCSVGiveIdenticalOutput(t *testing.T) {
	dir := t.TempDir()
	j, c, p := filepath.Join(dir, "d.jsonl"), filepath.Join(dir, "d.csv"), filepath.Join(dir, "procs.csv")
	for _, args := range [][]string{
		{"generate", "--records", "5000", "--seed", "4", "--format", "jsonl", "--out", j, "--procedures", p},
		{"generate", "--records", "5000", "--seed", "4", "--format", "csv", "--out", c},
	} {
		code, _, stderr := runIdx(t, args...)
		require.Equal(t, exitOK, code, stderr)
	}
	for _, format := range []string{"json", "md"} {
		_, fromJSONL, _ := runIdx(t, "--catalogue", fixtureCatalogue, "--procedures", p, "--by", "unit", "--format", format, j)
		code, fromCSV, stderr := runIdx(t, c, "--catalogue", fixtureCatalogue, "--procedures", p, "--by", "unit", "--format", format)
		require.Equal(t, exitOK, code, stderr)
		assert.Equal(t, fromJSONL, fromCSV, format)
		assert.NotEmpty(t, fromCSV)
	}
}

func TestIndex766Stdin(t *testing.T) {
	data, err := os.ReadFile(handDossiers)
	require.NoError(t, err)
	r, w, err := os.Pipe()
	require.NoError(t, err)
	go func() {
		_, _ = w.Write(data)
		w.Close()
	}()
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old }()
	code, stdout, stderr := runIdx(t, "--catalogue", fixtureCatalogue, "--max-bad", "0.1", "-")
	require.Equal(t, exitOK, code, stderr)
	out := decodeIdx(t, stdout)
	assert.Equal(t, int64(9), out.Records.Scored)
	assert.Equal(t, "stdin", out.Records.BadRecords[0].File)
}

func TestIndex766Markdown(t *testing.T) {
	code, stdout, stderr := runIdx(t, "--catalogue", fixtureCatalogue, "--max-bad", "0.1", "--procedures", handProcedures, "--by", "procedure", "--format", "md", "--lang", "en", handDossiers)
	require.Equal(t, exitOK, code, stderr)
	for _, want := range []string{
		"# Decision 766 index",
		"| QD766-3.3 Indicator 3.3 | 55.56% | 50% | 5 / 9 | 6.00 / 6 |  |",
		"| QD766-4.6 Indicator 4.6 | — | — | — | 0.00 / 2 | not computed: formula NOT FOUND",
		"## Essential services (ThietYeu)",
		"| P1 Đăng ký khai sinh (essential) | 3 |",
		"- hand.jsonl:6: NgayTiepNhan",
		"(boundary unverified)",
	} {
		assert.Contains(t, stdout, strings.ReplaceAll(want, "hand.jsonl", handDossiers), want)
	}
}

func TestIndex766ExitCodes(t *testing.T) {
	dir := t.TempDir()
	badProcs := filepath.Join(dir, "procs.json")
	require.NoError(t, os.WriteFile(badProcs, []byte(`[{"MaTTHC":"P1","MucDo":"muc_4"}]`), 0o644))
	noHeader := filepath.Join(dir, "x.csv")
	require.NoError(t, os.WriteFile(noHeader, []byte("MaHoSo,MaHoSo\n"), 0o644))
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no files", []string{}, exitCantRun, "chưa cho tệp hồ sơ nào"},
		{"unknown flag", []string{"--bogus", handDossiers}, exitCantRun, "không có tùy chọn --bogus"},
		{"help", []string{"--help"}, exitOK, "cách dùng: p06 index766 [tùy_chọn] HỒ_SƠ…"},
		{"generate help", []string{"generate", "-h", "--lang", "en"}, exitOK, "usage: p06 index766 generate [flags]"},
		{"missing file", []string{"--catalogue", fixtureCatalogue, filepath.Join(dir, "nope.jsonl")}, exitCantRun, "nope.jsonl: không có tệp hay thư mục này"},
		{"bad format", []string{"--format", "xml", handDossiers}, exitCantRun, `--format "xml"`},
		{"bad by", []string{"--by", "province", handDossiers}, exitCantRun, `--by "province"`},
		{"bad max-bad", []string{"--max-bad", "2", handDossiers}, exitCantRun, "--max-bad 2"},
		{"bad input", []string{"--input", "xml", handDossiers}, exitCantRun, `--input "xml": cần jsonl hoặc csv`},
		{"bad procedures", []string{"--procedures", badProcs, handDossiers}, exitCantRun, `thủ tục P1: MucDo "muc_4": cần "toan_trinh", "mot_phan" hoặc để trống`},
		{"duplicate header", []string{"--catalogue", fixtureCatalogue, noHeader}, exitCantRun, `x.csv: dòng 1: dòng tiêu đề: cột 1 và cột 2 cùng là "MaHoSo"`},
		{"below min-total", []string{"--catalogue", fixtureCatalogue, "--max-bad", "0.1", "--min-total", "99", handDossiers}, exitNotMet, "thấp hơn --min-total 99.00"},
		{"at min-total", []string{"--catalogue", fixtureCatalogue, "--max-bad", "0.1", "--min-total", "10", handDossiers}, exitOK, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runIdx(t, c.args...)
			assert.Equal(t, c.code, code, stderr)
			assert.Contains(t, stderr, c.stderr)
		})
	}
}

func TestIndex766Generate(t *testing.T) {
	dir := t.TempDir()
	gen := func(args ...string) string {
		t.Helper()
		code, stdout, stderr := runIdx(t, append([]string{"generate"}, args...)...)
		require.Equal(t, exitOK, code, stderr)
		return stdout
	}
	a := gen("--records", "200", "--seed", "5", "--format", "csv")
	b := gen("--records", "200", "--seed", "5", "--format", "csv")
	c := gen("--records", "200", "--seed", "6", "--format", "csv")
	assert.Equal(t, a, b)
	assert.NotEqual(t, a, c)
	assert.Equal(t, 201, strings.Count(a, "\n"))
	assert.True(t, strings.HasPrefix(a, "MaHoSo,MaDonVi,MaTTHC,KenhThucHien,"))

	pj, pc := filepath.Join(dir, "p.json"), filepath.Join(dir, "p.csv")
	gen("--records", "0", "--procedures", pj, "--procedure-count", "30")
	gen("--records", "0", "--procedures", pc, "--procedure-count", "30")
	jb, err := os.ReadFile(pj)
	require.NoError(t, err)
	var procs []map[string]any
	require.NoError(t, json.Unmarshal(jb, &procs))
	assert.Len(t, procs, 30)
	cb, err := os.ReadFile(pc)
	require.NoError(t, err)
	assert.Equal(t, 31, strings.Count(string(cb), "\n"))

	code, _, stderr := runIdx(t, "generate", "--format", "xml")
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr, `--format "xml"`)
	code, _, _ = runIdx(t, "generate", "--procedure-count", "3")
	assert.Equal(t, exitCantRun, code)
}

func TestIndex766BuiltinCatalogue(t *testing.T) {
	code, stdout, stderr := runIdx(t, "--max-bad", "0.1", "--procedures", handProcedures, handDossiers)
	require.Equal(t, exitOK, code, stderr)
	var out struct {
		Catalogue  struct{ ID, Version string } `json:"catalogue"`
		Grading    string                       `json:"grading"`
		Indicators []struct {
			ID    string                  `json:"id"`
			Title struct{ VI, EN string } `json:"title"`
		} `json:"indicators"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	assert.Equal(t, "qd766", out.Catalogue.ID)
	assert.NotEmpty(t, out.Catalogue.Version)
	assert.Equal(t, "qd766", out.Grading)
	require.Len(t, out.Indicators, 23)
	for _, ind := range out.Indicators {
		assert.NotEmpty(t, ind.Title.VI, ind.ID)
	}
}

func TestIndex766Partials(t *testing.T) {
	dir := t.TempDir()
	a, b, all := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl"), filepath.Join(dir, "all.jsonl")
	code, _, stderr := runIdx(t, "generate", "--records", "2000", "--seed", "12", "--out", all)
	require.Equal(t, exitOK, code, stderr)
	data, err := os.ReadFile(all)
	require.NoError(t, err)
	lines := strings.SplitAfter(string(data), "\n")
	require.NoError(t, os.WriteFile(a, []byte(strings.Join(lines[:700], "")), 0o644))
	require.NoError(t, os.WriteFile(b, []byte(strings.Join(lines[700:], "")), 0o644))
	pa, pb := filepath.Join(dir, "a.partial.json"), filepath.Join(dir, "b.partial.json")
	for _, args := range [][]string{{"--save-partial", pa, a}, {"--save-partial", pb, b}} {
		code, stdout, stderr := runIdx(t, args...)
		require.Equal(t, exitOK, code, stderr)
		assert.Empty(t, stdout)
	}
	_, want, _ := runIdx(t, "--catalogue", fixtureCatalogue, "--by", "unit", all)
	code, got, stderr := runIdx(t, "--catalogue", fixtureCatalogue, "--by", "unit", "--partial", pa, "--partial", pb)
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, want, got)

	require.NoError(t, os.WriteFile(pa, []byte(`{"format":"other"}`), 0o644))
	code, _, stderr = runIdx(t, "--partial", pa)
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr, `a.partial.json: tệp kết quả từng phần của index766: định dạng "other"`)
}

func TestIndex766MarkdownVietnamese(t *testing.T) {
	code, stdout, stderr := runIdx(t, "--max-bad", "0.1", "--format", "md", "--lang", "vi", handDossiers)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "không tính được: cần dữ liệu phản ánh, kiến nghị (PAKN)")
	assert.Contains(t, stdout, "không tính được: cần danh mục thủ tục hành chính (--procedures)")
	assert.NotContains(t, stdout, "not computed:")
	// Headings, column names, labels, notes and bad records are Vietnamese too: no English word
	// outside code spans (the formula version is an identifier).
	assert.Empty(t, msg.EnglishWords(stdout), stdout)
	assert.Empty(t, viWords(stderr), stderr)
	for _, want := range []string{"# Bộ chỉ số theo Quyết định 766", "| chỉ số | tỷ lệ | ngưỡng | tử số / mẫu số | điểm / tối đa | ghi chú |",
		"## Chỉ tiêu", "| chỉ tiêu | đo được | ngưỡng | đạt |", "## Bản ghi lỗi (1,", "ngày không tồn tại: cần RFC 3339 hoặc yyyyMMddHHmmss (giờ Việt Nam)",
		"## Ghi chú", "- không có danh mục thủ tục:", "đã chấm 9 hồ sơ, loại 1 bản ghi lỗi"} {
		assert.Contains(t, stdout, want)
	}
	code, stdout, stderr = runIdx(t, "--max-bad", "0.1", "--format", "md", "--lang", "vi", "--procedures", handProcedures, "--by", "unit", handDossiers)
	require.Equal(t, exitOK, code, stderr)
	assert.Empty(t, msg.EnglishWords(stdout), stdout)
	for _, want := range []string{"## Dịch vụ thiết yếu (ThietYeu)", "## Theo đơn vị", "| đơn vị | hồ sơ | tổng |", "hồ sơ ghi 1 thủ tục (MaTTHC) không có trong danh mục"} {
		assert.Contains(t, stdout, want)
	}
	code, _, stderr = runIdx(t, "--lang", "fr", handDossiers)
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr, `--lang "fr"`)
}
