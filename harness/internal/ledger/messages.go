package ledger

import "github.com/p06kit/p06kit/harness/msg"

// The family's messages (package msg): the notes of the responses a check received.
var (
	mNoteReceived = msg.New("ledger.note.received", "response received by the check", "phản hồi mà phép kiểm tra nhận được")
	mNoteMore     = msg.New("ledger.note.more", "and %d more responses fetched by the check", "và %d phản hồi khác mà phép kiểm tra đã lấy")
)
