package criteria

import (
	"regexp"

	"github.com/p06kit/p06kit/harness/msg"
)

// The errors of Load about a catalogue file as a whole (its size, its encoding, its JSON), in
// the catalogue of messages: Error is English, and p06 renders them in the run's language.
var (
	mLoadStep     = msg.New("criteria.load.step", "criteria", "bộ tiêu chí")
	mLoadReading  = msg.New("criteria.load.reading", "criteria: reading catalogue", "bộ tiêu chí: đọc tệp")
	mLoadTooLarge = msg.New("criteria.load.too-large", "catalogue is larger than the 16 MiB limit", "tệp lớn hơn giới hạn 16 MiB")
	mLoadInvalid1 = msg.New("criteria.load.invalid-one", "criteria: invalid catalogue: 1 problem", "bộ tiêu chí không hợp lệ: 1 vấn đề")
	mLoadInvalidN = msg.New("criteria.load.invalid", "criteria: invalid catalogue: %d problems", "bộ tiêu chí không hợp lệ: %d vấn đề")
	mLoadNotUTF8  = msg.New("criteria.load.not-utf8",
		"invalid UTF-8 at line %s, column %s: a catalogue must be UTF-8 (re-save the file as UTF-8, not in a legacy Vietnamese encoding such as TCVN3 or VNI)",
		"dòng %s, cột %s: không phải UTF-8: bộ tiêu chí phải ở dạng UTF-8 (hãy lưu lại tệp dưới dạng UTF-8, không dùng bảng mã tiếng Việt cũ như TCVN3 hay VNI)")
)

// reasonsIn are the reasons about the whole file that Load gives (its own, and those of the JSON
// Schema validator), with the message that says each in the run's language; the submatches are
// its values.
var reasonsIn = []struct {
	re *regexp.Regexp
	m  msg.Text
}{
	{regexp.MustCompile(`^invalid UTF-8 at line (\d+), column (\d+): `), mLoadNotUTF8},
}

// reasonIn is a problem's reason in lang: the catalogue's words for the reasons about the whole
// file, the reason as it is otherwise.
func reasonIn(reason, lang string) string {
	if lang == msg.EN {
		return reason
	}
	for _, r := range reasonsIn {
		if m := r.re.FindStringSubmatch(reason); m != nil {
			args := make([]any, len(m)-1)
			for i, s := range m[1:] {
				args[i] = s
			}
			return r.m.Render(lang, args...)
		}
	}
	return reason
}
