package safefile

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/msg"
)

// render is err as the command line prints it in lang.
func render(err error, lang string) string {
	if r, ok := err.(interface{ Render(string) string }); ok {
		return r.Render(lang)
	}
	return err.Error()
}

// The errors about files are the catalogue's: English in Error, Vietnamese when rendered so,
// naming the file, line and column in both, and still the errors they wrap.
func TestErrorsInTheRunsLanguage(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.json")
	if err := os.WriteFile(in, []byte("{\n  \"a\": 1,\n  \"n\": \"x\"\n}"), 0o644); err != nil {
		t.Fatal(err)
	}
	var v struct {
		A any `json:"a"`
		N int `json:"n"`
	}
	jsonErr := func(s string) error { return JSONError([]byte(s), json.Unmarshal([]byte(s), &v)) }
	_, tooLarge := ReadFile(in, 4)
	for _, tc := range []struct {
		err    error
		en, vi []string
	}{
		{tooLarge, []string{in, "more than the limit of 4 bytes"}, []string{in, "vượt giới hạn 4 byte"}},
		{jsonErr("{\n  \"a\": x}"), []string{"line 2, column 8: invalid character 'x'"}, []string{"dòng 2, cột 8: ký tự 'x' không hợp lệ"}},
		{jsonErr("{\n  \"a\": [1,\n"), []string{"line 3, column 1: the JSON ends early"}, []string{"dòng 3, cột 1: JSON kết thúc giữa chừng"}},
		{jsonErr(" \n"), []string{"line 2, column 1: the file is empty"}, []string{"dòng 2, cột 1: tệp trống"}},
		{jsonErr("{\"n\": \"x\"}"), []string{"line 1, column 10: json: cannot unmarshal string"}, []string{"dòng 1, cột 10: trường n: không dùng được giá trị JSON kiểu string làm int"}},
		{CheckUTF8([]byte("ok\nHà N\xC3i")), []string{"line 2, column 5: byte 0xC3 is not UTF-8"}, []string{"dòng 2, cột 5: byte 0xC3 không phải văn bản UTF-8"}},
		{Refuse(in, in), []string{"the output " + in + " is the input " + in}, []string{"tệp kết quả " + in + " chính là tệp đầu vào " + in}},
		{CheckWritable(filepath.Join(dir, "no", "r.json")), []string{"the directory " + filepath.Join(dir, "no") + " does not exist"}, []string{"thư mục " + filepath.Join(dir, "no") + " không tồn tại"}},
		{CheckWritable(dir), []string{dir + " is a directory"}, []string{dir + " là thư mục"}},
		{CheckWritable(filepath.Join(in, "r.json")), []string{in + " is not a directory"}, []string{in + " không phải thư mục"}},
	} {
		if tc.err == nil {
			t.Errorf("no error, want %q", tc.en)
			continue
		}
		en, vi := tc.err.Error(), render(tc.err, msg.VI)
		if render(tc.err, msg.EN) != en {
			t.Errorf("rendered in English %q, Error %q", render(tc.err, msg.EN), en)
		}
		for _, w := range tc.en {
			if !strings.Contains(en, w) {
				t.Errorf("%q, want %q", en, w)
			}
		}
		for _, w := range tc.vi {
			if !strings.Contains(vi, w) {
				t.Errorf("%q, want %q", vi, w)
			}
		}
		if words := msg.EnglishWords(vi); len(words) > 0 {
			t.Errorf("%q: English words %v", vi, words)
		}
	}
	var syn *json.SyntaxError
	if !errors.As(jsonErr("{x"), &syn) {
		t.Error("JSONError hides the *json.SyntaxError")
	}
	boom := errors.New("boom")
	err := WriteBytes(filepath.Join(dir, "no", "r.json"), nil)
	if err == nil || !strings.HasPrefix(render(err, msg.VI), "ghi "+filepath.Join(dir, "no", "r.json")+": ") {
		t.Errorf("a failed write in Vietnamese: %v", err)
	}
	err = Write(filepath.Join(dir, "w.json"), func(w io.Writer) error { return boom })
	if !errors.Is(err, boom) {
		t.Errorf("Write hides its writer's error: %v", err)
	}
}
