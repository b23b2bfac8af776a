package index766

import "github.com/p06kit/p06kit/harness/msg"

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
