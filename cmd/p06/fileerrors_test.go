package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/msg"
)

// TestFileErrorsInTheRunsLanguage: the errors a user gets about a broken input file or an output
// that cannot be written are in the run's language. In Vietnamese (--lang vi) they hold no
// English function word, and in both languages they name the file, and the line and column
// where there is one.
func TestFileErrorsInTheRunsLanguage(t *testing.T) {
	dir := t.TempDir()
	file := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		return p
	}
	empty := file("empty.csv", "\n")
	dossiers := file("d.jsonl", `{"MaHoSo":"1","MaDonVi":"u","MaTTHC":"p","NgayTiepNhan":"2026-01-05T08:00:00+07:00"}`+"\n")
	noColumn := file("nocol.csv", "MaHoSo,MaDonVi,NgayTiepNhan\n1,u,20260105080000\n")
	procsEmpty := file("procs.csv", "")
	procsNoCode := file("procs2.csv", "Ten,MucDo\nx,\n")
	truncated := file("part.json", "{\"format\": \"p06kit.index766.partial\",\n  \"cells\": [")
	badChar := file("part2.json", "{\n  \"format\": x}")
	notUTF8 := file("portals.json", `{"portals":[{"url":"https://a.example/","unit":"UBND `+"\xff"+`"}]}`)
	missing := filepath.Join(dir, "missing", "r.json")
	badQuote := file("quote.csv", "MaHoSo,\"Ma\"DonVi,MaTTHC,NgayTiepNhan\n")
	procsBadQuote := file("procs3.csv", "MaTTHC,Ten\nP1,a\"b\n")
	catTruncated := file("cat.json", "{\"id\": \"x\",\n \"groups\": [")
	catNotUTF8 := file("cat2.json", "{\"id\": \"x\",\n \"title\": \"C\xc3\"}")

	for _, tc := range []struct {
		name   string
		args   []string
		en, vi []string // what stderr says in each language, besides the file's name
		file   string
	}{
		{"empty dossiers", []string{"index766", empty},
			[]string{"empty input: want JSON Lines"}, []string{"tệp trống: cần JSON Lines"}, empty},
		{"CSV missing a column", []string{"index766", noColumn},
			[]string{"line 1: header: no MaTTHC column (required)"}, []string{"dòng 1: dòng tiêu đề: thiếu cột MaTTHC (bắt buộc)"}, noColumn},
		{"CSV header with a stray quote", []string{"index766", badQuote},
			[]string{"line 1: header: parse error on line 1, column 11: extraneous or missing \" in quoted-field"}, []string{"dòng 1: dòng tiêu đề: lỗi đọc CSV ở dòng 1, cột 11: thừa hoặc thiếu dấu \""}, badQuote},
		{"procedures with a stray quote", []string{"index766", dossiers, "--procedures", procsBadQuote},
			[]string{"parse error on line 2, column 5: bare \""}, []string{"lỗi đọc CSV ở dòng 2, cột 5: dấu \" lẻ"}, procsBadQuote},
		{"empty procedures", []string{"index766", dossiers, "--procedures", procsEmpty},
			[]string{"the file is empty"}, []string{"tệp trống"}, procsEmpty},
		{"procedures missing a column", []string{"index766", dossiers, "--procedures", procsNoCode},
			[]string{"header: no MaTTHC column"}, []string{"dòng tiêu đề: thiếu cột MaTTHC"}, procsNoCode},
		{"truncated JSON", []string{"index766", "--partial", truncated},
			[]string{"line 2, column 13: the JSON ends early"}, []string{"dòng 2, cột 13: JSON kết thúc giữa chừng"}, truncated},
		{"malformed JSON", []string{"index766", "--partial", badChar},
			[]string{"line 2, column 13: index766 partial: invalid character 'x'"}, []string{"dòng 2, cột 13: ký tự 'x' không hợp lệ"}, badChar},
		{"not UTF-8", []string{"survey", notUTF8, "--quiet"},
			[]string{"line 1, column 54: byte 0xFF is not UTF-8 text"}, []string{"dòng 1, cột 54: byte 0xFF không phải văn bản UTF-8"}, notUTF8},
		{"output is the input", []string{"index766", dossiers, "--out", dossiers},
			[]string{"is the input " + dossiers}, []string{"chính là tệp đầu vào " + dossiers}, dossiers},
		{"output directory missing", []string{"index766", dossiers, "--out", missing},
			[]string{"the directory " + filepath.Dir(missing) + " does not exist"}, []string{"thư mục " + filepath.Dir(missing) + " không tồn tại"}, missing},
		{"catalogue truncated", []string{"criteria", "--catalogue", catTruncated},
			[]string{"invalid catalogue: 1 problem", "line 2, column 13: the JSON ends early"}, []string{"bộ tiêu chí không hợp lệ: 1 vấn đề", "dòng 2, cột 13: JSON kết thúc giữa chừng"}, catTruncated},
		{"catalogue not UTF-8", []string{"index766", dossiers, "--catalogue", catNotUTF8},
			[]string{"invalid UTF-8 at line 2, column 13"}, []string{"dòng 2, cột 13: không phải UTF-8"}, catNotUTF8},
		{"input missing", []string{"index766", filepath.Join(dir, "absent.jsonl")},
			[]string{"no such file or directory"}, []string{"không có tệp hay thư mục này"}, filepath.Join(dir, "absent.jsonl")},
	} {
		for _, lang := range []string{msg.VI, msg.EN} {
			code, _, stderr := p06(append(tc.args, "--lang", lang)...)
			assert.Equal(t, exitCantRun, code, "%s (%s): %s", tc.name, lang, stderr)
			assert.Contains(t, stderr, tc.file, "%s (%s): the error names the file", tc.name, lang)
			want := tc.vi
			if lang == msg.EN {
				want = tc.en
			}
			for _, w := range want {
				assert.Contains(t, stderr, w, "%s (%s)", tc.name, lang)
			}
			if lang == msg.VI {
				assert.Empty(t, msg.EnglishWords(strings.ReplaceAll(stderr, dir, "")), "%s in Vietnamese: %s", tc.name, stderr)
			}
		}
	}
}
