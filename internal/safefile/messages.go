package safefile

import "github.com/p06kit/p06kit/harness/msg"

// The errors about files, in the catalogue: their Error is English, and the command line renders
// them in the run's language (msg.Error, msg.Wrap). File names, sizes and bytes are values.
var (
	mTooLarge       = msg.New("file.too-large", "%s: %d bytes, more than the limit of %s", "%s: %d byte, vượt giới hạn %s")
	mOverLimit      = msg.New("file.over-limit", "%s: more than the limit of %s", "%s: vượt giới hạn %s")
	mBytes          = msg.New("file.bytes", "%d bytes", "%d byte")
	mWriting        = msg.New("file.writing", "writing %s", "ghi %s")
	mWritingSync    = msg.New("file.writing-sync", "writing %s: sync", "ghi %s: đồng bộ xuống đĩa")
	mCannotWrite    = msg.New("file.cannot-write", "cannot write %s", "không ghi được %s")
	mOutIsDir       = msg.New("file.out-is-dir", "%s is a directory: give a file name", "%s là thư mục: hãy cho tên tệp")
	mNoDir          = msg.New("file.no-dir", "cannot write %s: the directory %s does not exist", "không ghi được %s: thư mục %s không tồn tại")
	mNotDir         = msg.New("file.not-dir", "cannot write %s: %s is not a directory", "không ghi được %s: %s không phải thư mục")
	mOutIsIn        = msg.New("file.out-is-in", "the output %s is the input %s: writing it would destroy the input; choose another output file", "tệp kết quả %s chính là tệp đầu vào %s: ghi đè sẽ làm mất tệp đầu vào; hãy chọn tệp kết quả khác")
	mAt             = msg.New("file.at", "line %d, column %d: %v", "dòng %d, cột %d: %v")
	mJSONEmpty      = msg.New("file.json-empty", "line %d, column %d: the file is empty: want a JSON document", "dòng %d, cột %d: tệp trống: cần một tài liệu JSON")
	mJSONTruncated  = msg.New("file.json-truncated", "line %d, column %d: the JSON ends early (truncated file?)", "dòng %d, cột %d: JSON kết thúc giữa chừng (tệp bị cắt cụt?)")
	mJSONBadChar    = msg.New("file.json-bad-char", "invalid character %s", "ký tự %s không hợp lệ ở vị trí này")
	mJSONSyntax     = msg.New("file.json-syntax", "malformed JSON", "JSON viết sai cú pháp")
	mJSONType       = msg.New("file.json-type", "field %s: cannot use a JSON %s as %s", "trường %s: không dùng được giá trị JSON kiểu %s làm %s")
	mJSONTypeNoName = msg.New("file.json-type-top", "cannot use a JSON %s as %s", "không dùng được giá trị JSON kiểu %s làm %s")
	mNotUTF8        = msg.New("file.not-utf8", "line %d, column %d: byte 0x%02X is not UTF-8 text (save the file as UTF-8)", "dòng %d, cột %d: byte 0x%02X không phải văn bản UTF-8 (hãy lưu tệp dưới dạng UTF-8)")
)

// said is an error of another package (encoding/json's) with how the catalogue says it in
// Vietnamese: its Error is the original's, errors.As and errors.Is see the original.
type said struct {
	err error
	vi  msg.Phrase
}

func (e *said) Error() string { return e.err.Error() }

func (e *said) Unwrap() error { return e.err }

// Render is the original error in English, the catalogue's words otherwise.
func (e *said) Render(lang string) string {
	if lang == msg.EN {
		return e.err.Error()
	}
	return e.vi.Render(lang)
}
