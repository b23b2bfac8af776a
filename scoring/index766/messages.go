package index766

import (
	"encoding/csv"
	"errors"

	"github.com/p06kit/p06kit/harness/msg"
)

// The notes of a report, in English (Report.Notes, the JSON) and Vietnamese (Report.NotesIn).
var (
	mNoteNoProcedures = msg.New("index766.note.no-procedures",
		"no procedure catalogue: the procedure-level indicators (3.1, 3.2, 3.5, 3.5b, 4.5a), the essential services and two of the targets are not computed",
		"không có danh mục thủ tục: các chỉ số cấp thủ tục (3.1, 3.2, 3.5, 3.5b, 4.5a), các dịch vụ thiết yếu và hai chỉ tiêu không tính được")
	mNoteUnknownProcedures = msg.New("index766.note.unknown-procedures",
		"%d dossiers name %d procedures (MaTTHC) that are not in the procedure catalogue: they count in the dossier-level indicators only",
		"%d hồ sơ ghi %d thủ tục (MaTTHC) không có trong danh mục thủ tục: chúng chỉ được tính trong các chỉ số cấp hồ sơ")
	mNoteNoDueDate = msg.New("index766.note.no-due-date",
		"%d finished dossiers have no NgayHenTra and are left out of QD766-2.1",
		"%d hồ sơ đã xong không có NgayHenTra nên không được tính trong QD766-2.1")
	mNoteTotal = msg.New("index766.note.total",
		"total %.2f counts the computed indicators only; %.0f of %.0f points are not computed from these inputs (see each indicator's reason); normalised = total / attainable × 100 = %.2f",
		"tổng %.2f chỉ gồm các chỉ số tính được; %.0f trên %.0f điểm không tính được từ dữ liệu đầu vào này (xem lý do ở từng chỉ số); điểm quy đổi = tổng / điểm tính được × 100 = %.2f")
)

// note adds a note to the report: its English text to Notes, the message to notesIn.
func (r *Report) note(m msg.Text, args ...any) {
	p := msg.P(m, args...)
	r.Notes = append(r.Notes, p.Render(msg.EN))
	r.notes = append(r.notes, p)
}

// NotesIn returns the report's notes in lang: Notes for a report read back from JSON, which
// keeps only their English text.
func (r *Report) NotesIn(lang string) []string {
	if len(r.notes) != len(r.Notes) {
		return r.Notes
	}
	out := make([]string, len(r.notes))
	for i, p := range r.notes {
		out[i] = p.Render(lang)
	}
	return out
}

// The errors about an input file as a whole (its format, its header): their Error is English,
// and p06 renders them in the run's language. Column names are values.
var (
	mErrFileLine    = msg.New("index766.error.file-line", "%s: line %d", "%s: dòng %d")
	mErrLine        = msg.New("index766.error.line", "line %d: %s", "dòng %d: %s")
	mErrJSONArray   = msg.New("index766.error.json-array", "%s: a JSON array: want JSON Lines (one dossier object per line) or CSV", "%s: là một mảng JSON: cần JSON Lines (mỗi dòng một đối tượng hồ sơ) hoặc CSV")
	mErrEmpty       = msg.New("index766.error.empty", "%s: empty input: want JSON Lines, or CSV with a header row naming the columns", "%s: tệp trống: cần JSON Lines, hoặc CSV có dòng tiêu đề ghi tên các cột")
	mErrChanged     = msg.New("index766.error.changed", "%s: the file changed while it was read: %v", "%s: tệp bị thay đổi trong lúc đang đọc: %v")
	mErrFormat      = msg.New("index766.error.format", "format %q: want jsonl or csv", "định dạng %q: cần jsonl hoặc csv")
	mErrHeader      = msg.New("index766.error.header", "header", "dòng tiêu đề")
	mErrNoHeaderRow = msg.New("index766.error.no-header-row", "no complete header row in the first %d bytes", "không có dòng tiêu đề trọn vẹn trong %d byte đầu")
	mErrDupColumn   = msg.New("index766.error.dup-column", "header: column %d and column %d are both %q", "dòng tiêu đề: cột %d và cột %d cùng là %q")
	mErrNoColumn    = msg.New("index766.error.no-column", "header: no %s column (required)", "dòng tiêu đề: thiếu cột %s (bắt buộc)")
	mErrNoCodeCol   = msg.New("index766.error.no-code-column", "header: no %s column", "dòng tiêu đề: thiếu cột %s")
	mErrProcsEmpty  = msg.New("index766.error.procedures-empty", "the file is empty: want a JSON array of procedures or CSV with a header row", "tệp trống: cần một mảng JSON các thủ tục hoặc CSV có dòng tiêu đề")
	mErrProcsLarge  = msg.New("index766.error.procedures-large", "%s: larger than %d MiB", "%s: lớn hơn %d MiB")
	mErrNoCode      = msg.New("index766.error.no-code", "procedure %q: MaTTHC is empty", "thủ tục %q: MaTTHC để trống")
	mErrLevel       = msg.New("index766.error.level", "procedure %s: MucDo %q: want %q, %q or empty", "thủ tục %s: MucDo %q: cần %q, %q hoặc để trống")
	mErrTwice       = msg.New("index766.error.twice", "procedure %s: listed twice", "thủ tục %s: có hai lần trong danh mục")
	mErrBool        = msg.New("index766.error.bool", "want true/false or 1/0, got %q", "cần true/false hoặc 1/0, thấy %q")
	mErrPartial     = msg.New("index766.error.partial-format", "index766 partial: format %q version %d: want %q version %d", "tệp kết quả từng phần của index766: định dạng %q phiên bản %d: cần %q phiên bản %d")
)

// The errors of encoding/csv, said in the catalogue's words.
var (
	mErrCSVAt         = msg.New("index766.error.csv-at", "parse error on line %d, column %d: %v", "lỗi đọc CSV ở dòng %d, cột %d: %v")
	mErrCSVRecordAt   = msg.New("index766.error.csv-record-at", "record on line %d; parse error on line %d, column %d: %v", "bản ghi ở dòng %d; lỗi đọc CSV ở dòng %d, cột %d: %v")
	mErrCSVBareQuote  = msg.New("index766.error.csv-bare-quote", `bare " in non-quoted field`, `dấu " lẻ trong một trường không đặt trong ngoặc kép`)
	mErrCSVQuote      = msg.New("index766.error.csv-quote", `extraneous or missing " in quoted-field`, `thừa hoặc thiếu dấu " trong một trường đặt trong ngoặc kép`)
	mErrCSVFieldCount = msg.New("index766.error.csv-field-count", "record on line %d: wrong number of fields", "bản ghi ở dòng %d: số trường không đúng")
)

// csvError is an error of encoding/csv with how the catalogue says it: its Error is the
// original's, and errors.As finds the *csv.ParseError.
type csvError struct{ err *csv.ParseError }

func (e csvError) Error() string { return e.err.Error() }

func (e csvError) Unwrap() error { return e.err }

// Render is the error in lang.
func (e csvError) Render(lang string) string {
	if lang == msg.EN {
		return e.err.Error()
	}
	var why any = e.err.Err
	switch e.err.Err {
	case csv.ErrFieldCount:
		return mErrCSVFieldCount.Render(lang, e.err.Line)
	case csv.ErrBareQuote:
		why = msg.P(mErrCSVBareQuote)
	case csv.ErrQuote:
		why = msg.P(mErrCSVQuote)
	}
	if e.err.StartLine != e.err.Line {
		return mErrCSVRecordAt.Render(lang, e.err.StartLine, e.err.Line, e.err.Column, why)
	}
	return mErrCSVAt.Render(lang, e.err.Line, e.err.Column, why)
}

// csvErr returns err as a csvError when it is encoding/csv's, unchanged otherwise.
func csvErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) && pe == err {
		return csvError{pe}
	}
	return err
}
