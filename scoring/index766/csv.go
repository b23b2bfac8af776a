package index766

import (
	"bytes"
	"encoding/csv"
	"fmt"

	"github.com/p06kit/p06kit/harness/msg"
)

// csvPlain marks the bytes of an unquoted CSV field that need no attention.
var csvPlain = func() (t [256]bool) {
	for c := range t {
		t[c] = c != ',' && c != '\n' && c != '"'
	}
	return
}()

// csvScanner reads CSV records (RFC 4180: comma separated, fields optionally quoted, "" inside
// quotes, quoted fields may span lines, CRLF or LF line ends) whose columns were named by a header
// row. Like encoding/csv it skips empty lines, rejects a bare quote in an unquoted field, text
// after a closing quote and a record with another number of fields than the header. It
// allocates nothing on the good path.
type csvScanner struct {
	cols    []int // column → field index, or -1 for columns p06kit does not read
	slots   [numFields]slot
	scratch [numFields][]byte
}

// newCSVScanner maps the header's column names to fields. A header that names a field twice is
// an error (which column to read would be a guess), and so is one without a required field's
// column (every record would be bad).
func newCSVScanner(header []string) (*csvScanner, error) {
	p := &csvScanner{cols: make([]int, len(header))}
	seen := make(map[int]int)
	for i, name := range header {
		f := fieldIndex([]byte(name))
		p.cols[i] = f
		if f < 0 {
			continue
		}
		if j, dup := seen[f]; dup {
			return nil, msg.Error(mErrDupColumn, j+1, i+1, name)
		}
		seen[f] = i
	}
	for _, f := range []int{fID, fUnit, fProcedure, fReceived} {
		if _, ok := seen[f]; !ok {
			return nil, msg.Error(mErrNoColumn, FieldNames[f])
		}
	}
	return p, nil
}

// readHeader parses the header record at the start of data with encoding/csv (it runs once per
// file) and returns the column names and the offset and number of lines after it.
// atEOF says whether data is all there is.
func readHeader(data []byte, atEOF bool) (names []string, end, lines int, err error) {
	end = recordEnd(data, atEOF)
	if end < 0 {
		return nil, 0, 0, msg.Error(mErrNoHeaderRow, len(data))
	}
	r := csv.NewReader(bytes.NewReader(data[:end]))
	names, err = r.Read()
	if err != nil {
		return nil, 0, 0, msg.Wrap(msg.P(mErrHeader), csvErr(err))
	}
	return names, end, bytes.Count(data[:end], []byte{'\n'}), nil
}

// recordEnd returns the offset after the first newline outside quotes; at EOF, len(data) if the
// data is one record without a newline and with balanced quotes; else -1.
func recordEnd(data []byte, atEOF bool) int {
	quoted := false
	for i, c := range data {
		switch {
		case c == '"':
			quoted = !quoted
		case c == '\n' && !quoted:
			return i + 1
		}
	}
	if atEOF && !quoted && len(data) > 0 {
		return len(data)
	}
	return -1
}

// next parses the record at data[i:]. It returns the offset after the record (after its newline)
// and the number of newlines it spans. empty is true for an empty line, which is skipped. On a
// malformed record err says why and end is where reading resumes: the next line.
func (p *csvScanner) next(data []byte, i int) (end, lines int, empty bool, err error) {
	p.slots = [numFields]slot{}
	n := len(data)
	if data[i] == '\n' {
		return i + 1, 1, true, nil
	}
	if data[i] == '\r' && (i+1 == n || data[i+1] == '\n') {
		if i+1 == n {
			return n, 0, true, nil
		}
		return i + 2, 1, true, nil
	}
	start := i
	col := 0
	for {
		var v []byte
		if i < n && data[i] == '"' {
			j := i + 1
			esc := false
			for {
				k := bytes.IndexByte(data[j:], '"')
				if k < 0 {
					return resync(data, start, i, "unterminated quoted field")
				}
				j += k
				if j+1 < n && data[j+1] == '"' {
					esc = true
					j += 2
					continue
				}
				break
			}
			v = data[i+1 : j]
			if nl := bytes.Count(v, []byte{'\n'}); nl > 0 {
				lines += nl
				if bytes.IndexByte(v, '\r') >= 0 {
					esc = true
				}
			}
			if esc && col < len(p.cols) && p.cols[col] >= 0 {
				f := p.cols[col]
				p.scratch[f] = unquoteCSV(p.scratch[f][:0], v)
				v = p.scratch[f]
			}
			i = j + 1
			if i < n && data[i] == '\r' && (i+1 == n || data[i+1] == '\n') {
				i++
			}
			if i < n && data[i] != ',' && data[i] != '\n' {
				return resync(data, start, i, "text after a closing quote (or a missing quote) in a quoted field")
			}
		} else {
			j := csvPlainRun(data, i)
			if j < n && data[j] == '"' {
				return resync(data, start, j, "quote in an unquoted field")
			}
			v = data[i:j]
			if (j == n || data[j] == '\n') && len(v) > 0 && v[len(v)-1] == '\r' {
				v = v[:len(v)-1]
			}
			i = j
		}
		if col < len(p.cols) {
			if f := p.cols[col]; f >= 0 {
				p.slots[f] = slot{k: kString, v: v}
			}
		}
		col++
		if i < n && data[i] == ',' {
			i++
			continue
		}
		if i < n { // data[i] == '\n'
			i++
			lines++
		}
		if col != len(p.cols) {
			return i, lines, false, fmt.Errorf("%d fields, the header has %d", col, len(p.cols))
		}
		return i, lines, false, nil
	}
}

// resync skips a malformed record: reading resumes on the line after the one where it started,
// so one stray quote costs one line, not the rest of the chunk.
func resync(data []byte, start, at int, why string) (int, int, bool, error) {
	err := syntaxErr(at-start, "%s", why)
	k := bytes.IndexByte(data[start:], '\n')
	if k < 0 {
		return len(data), 0, false, err
	}
	return start + k + 1, 1, false, err
}

// unquoteCSV decodes the inside of a quoted field: "" is one quote and CRLF is LF, as in
// encoding/csv.
func unquoteCSV(dst, v []byte) []byte {
	for i := 0; i < len(v); i++ {
		switch {
		case v[i] == '"' && i+1 < len(v) && v[i+1] == '"':
			dst = append(dst, '"')
			i++
		case v[i] == '\r' && i+1 < len(v) && v[i+1] == '\n':
		default:
			dst = append(dst, v[i])
		}
	}
	return dst
}
