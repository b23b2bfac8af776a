package index766

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/p06kit/p06kit/harness/msg"
)

// A bad record's reason reads as Vietnamese in Vietnamese, its values (field names, the record's
// own text, offsets) kept; in English it is the reason as recorded.
func TestBadRecordReasonIn(t *testing.T) {
	for reason, vi := range map[string]string{
		`NgayTiepNhan "20240230080000": impossible date: want RFC 3339 or yyyyMMddHHmmss (Vietnam time)`: `NgayTiepNhan "20240230080000": ngày không tồn tại: cần RFC 3339 hoặc yyyyMMddHHmmss (giờ Việt Nam)`,
		`NgayHenTra "20240101": impossible date: before NgayTiepNhan`:                                    `NgayHenTra "20240101": ngày không hợp lệ: trước NgayTiepNhan`,
		`MaHoSo: required field missing or empty`:                                                        `MaHoSo: thiếu trường bắt buộc hoặc trường để trống`,
		`column 17: want ':' after a field name`:                                                         `cột 17: cần ':' sau tên trường`,
		`3 fields, the header has 5`:                                                                     `3 trường, dòng tiêu đề có 5`,
		`record longer than 1048576 bytes`:                                                               `bản ghi dài hơn 1048576 byte`,
		`HinhThuc "9": want 1 (in person), 2 (online), 3 (postal) or empty`:                              `HinhThuc "9": cần 1 (trực tiếp), 2 (trực tuyến), 3 (bưu chính) hoặc để trống`,
	} {
		b := BadRecord{Reason: reason}
		assert.Equal(t, vi, b.ReasonIn("vi"))
		assert.Equal(t, reason, b.ReasonIn("en"))
		assert.Empty(t, msg.EnglishWords(b.ReasonIn("vi")), reason)
	}
}

// The notes of a report are catalogue messages: English in Notes (the JSON), Vietnamese by NotesIn.
func TestNotesIn(t *testing.T) {
	r := &Report{}
	r.note(mNoteNoDueDate, 3)
	assert.Equal(t, []string{"3 finished dossiers have no NgayHenTra and are left out of QD766-2.1"}, r.Notes)
	assert.Equal(t, []string{"3 hồ sơ đã xong không có NgayHenTra nên không được tính trong QD766-2.1"}, r.NotesIn("vi"))
	assert.Equal(t, r.Notes, r.NotesIn("en"))
	// Read back from JSON, a report keeps the English notes only.
	back := &Report{Notes: r.Notes}
	assert.Equal(t, r.Notes, back.NotesIn("vi"))
}
