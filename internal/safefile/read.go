package safefile

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"unicode/utf8"

	"github.com/p06kit/p06kit/harness/msg"
)

// bom is the UTF-8 encoding of U+FEFF, which Windows tools write at the start of text files.
var bom = []byte{0xEF, 0xBB, 0xBF}

// ReadFile reads the file at path, refusing one larger than limit bytes with an error that names
// the file and the limit (the file is not read beyond it), and removes a UTF-8 byte-order mark
// at its start.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > limit {
		return nil, msg.Error(mTooLarge, path, info.Size(), size(limit))
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, msg.Error(mOverLimit, path, size(limit))
	}
	return StripBOM(data), nil
}

// StripBOM returns data without a leading UTF-8 byte-order mark.
func StripBOM(data []byte) []byte {
	return bytes.TrimPrefix(data, bom)
}

// SkipBOM returns a reader of r's bytes without a leading UTF-8 byte-order mark.
func SkipBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if head, err := br.Peek(len(bom)); err == nil && bytes.Equal(head, bom) {
		_, _ = br.Discard(len(bom))
	}
	return br
}

// Size writes a byte count for people: "64 MiB", "1 KiB", "512 bytes".
func Size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// size is Size as a value of a message: "512 byte" in Vietnamese.
func size(n int64) any {
	if s := Size(n); s != mBytes.Render(msg.EN, n) {
		return s
	}
	return msg.P(mBytes, n)
}

// JSONError rewrites an error of encoding/json about data so that it says where: "line 3,
// column 7: invalid character …", "line 12, column 1: the JSON ends early" for an empty or
// truncated document, "line 4, column 15: field x: cannot use string as number" for a type
// mismatch. Other errors are returned unchanged.
func JSONError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &syn) && syn.Error() != "unexpected end of JSON input":
		line, col := Position(data, syn.Offset-1) // Offset is just after the offending byte
		return msg.Error(mAt, line, col, &said{err, syntaxVI(syn)})
	case errors.As(err, &typ):
		line, col := Position(data, typ.Offset)
		vi := msg.P(mJSONTypeNoName, typ.Value, typeName(typ))
		if typ.Field != "" {
			vi = msg.P(mJSONType, typ.Field, typ.Value, typeName(typ))
		}
		return msg.Error(mAt, line, col, &said{err, vi})
	case errors.As(err, &syn) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		line, col := Position(data, int64(len(data)))
		if len(bytes.TrimSpace(data)) == 0 {
			return msg.Error(mJSONEmpty, line, col)
		}
		return msg.Error(mJSONTruncated, line, col)
	}
	return err
}

// badChar is the character encoding/json names in a syntax error ("invalid character 'x'
// looking for beginning of value").
var badChar = regexp.MustCompile(`^invalid character ('(?:[^'\\]|\\.)*') `)

// syntaxVI says a syntax error of encoding/json in the catalogue's words: the character it names,
// or that the JSON is malformed.
func syntaxVI(syn *json.SyntaxError) msg.Phrase {
	if m := badChar.FindStringSubmatch(syn.Error()); m != nil {
		return msg.P(mJSONBadChar, m[1])
	}
	return msg.P(mJSONSyntax)
}

// typeName is the Go type a JSON value could not be stored in, "" when unknown.
func typeName(typ *json.UnmarshalTypeError) string {
	if typ.Type == nil {
		return "?"
	}
	return typ.Type.String()
}

// Position converts a byte offset into data to a 1-based line and column (in characters).
func Position(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	if offset < 0 {
		offset = 0
	}
	before := data[:offset]
	line = bytes.Count(before, []byte{'\n'}) + 1
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return line, utf8.RuneCount(before) + 1
}

// FirstInvalidUTF8 returns the offset of the first byte of data that is not UTF-8 text, or -1
// when all of it is.
func FirstInvalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	off := 0
	for off < len(data) {
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	return off
}

// CheckUTF8 returns nil when data is valid UTF-8, else an error locating the first invalid byte:
// "line 3, column 7: byte 0xC3 is not UTF-8 text (save the file as UTF-8)".
func CheckUTF8(data []byte) error {
	off := FirstInvalidUTF8(data)
	if off < 0 {
		return nil
	}
	line, col := Position(data, int64(off))
	return msg.Error(mNotUTF8, line, col, data[off])
}
