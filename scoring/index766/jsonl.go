package index766

import (
	"encoding/binary"
	"encoding/json"
	"unicode/utf8"
)

// strPlain marks the bytes that can be copied through inside a JSON string without a closer
// look: everything but '"', '\\', control characters and non-ASCII bytes.
var strPlain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return
}()

// jsonScanner reads one JSON Lines record: a flat object whose values are strings, numbers,
// null or booleans. It is strict (it accepts exactly what encoding/json accepts for such an
// object, and rejects invalid UTF-8 and nested values) and allocates nothing on the good path:
// field names are compared as bytes and values are left in the line, except strings with
// escapes, which are decoded into per-field scratch space.
type jsonScanner struct {
	slots   [numFields]slot
	scratch [numFields][]byte
	key     []byte
	// guess holds the quoted field names of the previous record by position: producers write
	// every record with the same names in the same order, so a name is usually recognised by
	// one comparison instead of being scanned.
	guess []guessedKey
}

type guessedKey struct {
	quoted []byte // `"Name"`, only names without escapes
	field  int
}

// scan reads line (without its newline) into the scanner's slots.
func (p *jsonScanner) scan(line []byte) error {
	p.slots = [numFields]slot{}
	n := len(line)
	i := skipWS(line, 0)
	if i >= n || line[i] != '{' {
		return syntaxErr(i, "want a JSON object '{'")
	}
	i = skipWS(line, i+1)
	if i < n && line[i] == '}' {
		i++
	} else {
		for pos := 0; ; pos++ {
			if i >= n || line[i] != '"' {
				return syntaxErr(i, "want a field name")
			}
			var f, end int
			if pos < len(p.guess) && hasPrefix(line[i:], p.guess[pos].quoted) {
				f, end = p.guess[pos].field, i+len(p.guess[pos].quoted)
			} else {
				var esc bool
				var err error
				end, esc, err = scanString(line, i)
				if err != nil {
					return err
				}
				key := line[i+1 : end-1]
				if esc {
					if p.key, err = unescape(p.key[:0], line[i:end]); err != nil {
						return syntaxErr(i, "%v", err)
					}
					key = p.key
				}
				f = fieldIndex(key)
				if !esc {
					p.learn(pos, line[i:end], f)
				}
			}
			i = end
			if i < n && line[i] <= ' ' {
				i = skipWS(line, i)
			}
			if i >= n || line[i] != ':' {
				return syntaxErr(i, "want ':' after a field name")
			}
			i++
			if i < n && line[i] <= ' ' {
				i = skipWS(line, i)
			}
			if i >= n {
				return syntaxErr(i, "want a value")
			}
			var s slot
			switch c := line[i]; {
			case c == '"':
				end, esc, err := scanString(line, i)
				if err != nil {
					return err
				}
				s = slot{k: kString, v: line[i+1 : end-1]}
				if esc && f >= 0 {
					if p.scratch[f], err = unescape(p.scratch[f][:0], line[i:end]); err != nil {
						return syntaxErr(i, "%v", err)
					}
					s.v = p.scratch[f]
				}
				i = end
			case c == '-' || (c >= '0' && c <= '9'):
				end := i + 1 // most numbers here are one digit: flags, channel, payment
				if c == '-' || end >= n || (line[end] != ',' && line[end] != '}') {
					end = scanNumber(line, i)
				}
				if end < 0 {
					return syntaxErr(i, "malformed number")
				}
				s = slot{k: kNumber, v: line[i:end]}
				i = end
			case c == 'n' && hasWord(line, i, "null"):
				s = slot{k: kNull, v: line[i : i+4]}
				i += 4
			case c == 't' && hasWord(line, i, "true"):
				s = slot{k: kTrue, v: line[i : i+4]}
				i += 4
			case c == 'f' && hasWord(line, i, "false"):
				s = slot{k: kFalse, v: line[i : i+5]}
				i += 5
			case c == '{' || c == '[':
				return syntaxErr(i, "nested objects and arrays are not dossier fields")
			default:
				return syntaxErr(i, "want a value")
			}
			if f >= 0 {
				p.slots[f] = s // the last of duplicate names wins, as in encoding/json
			}
			if i < n && line[i] <= ' ' {
				i = skipWS(line, i)
			}
			if i < n && line[i] == ',' {
				i++
				if i < n && line[i] <= ' ' {
					i = skipWS(line, i)
				}
				continue
			}
			if i < n && line[i] == '}' {
				i++
				break
			}
			return syntaxErr(i, "want ',' or '}'")
		}
	}
	if i = skipWS(line, i); i != n {
		return syntaxErr(i, "data after the object")
	}
	return nil
}

// learn remembers the quoted name at position pos for the next record.
func (p *jsonScanner) learn(pos int, quoted []byte, f int) {
	if pos > 64 {
		return // bound the memory a hostile record can make the scanner keep
	}
	for len(p.guess) <= pos {
		p.guess = append(p.guess, guessedKey{})
	}
	g := &p.guess[pos]
	g.quoted, g.field = append(g.quoted[:0], quoted...), f
}

// hasPrefix compares a word at a time inline: field names are short, and a call to the
// runtime's memequal for each of them costs more than the comparison.
func hasPrefix(b, prefix []byte) bool {
	if len(b) < len(prefix) {
		return false
	}
	n := len(prefix)
	i := 0
	for ; i+8 <= n; i += 8 {
		if binary.LittleEndian.Uint64(b[i:]) != binary.LittleEndian.Uint64(prefix[i:]) {
			return false
		}
	}
	for ; i < n; i++ {
		if b[i] != prefix[i] {
			return false
		}
	}
	return true
}

func skipWS(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

func hasWord(b []byte, i int, w string) bool {
	return len(b)-i >= len(w) && string(b[i:i+len(w)]) == w
}

// scanString scans the string starting at b[i] == '"' and returns the index after its closing
// quote and whether it contains escapes.
func scanString(b []byte, i int) (end int, esc bool, err error) {
	j := i + 1
	for {
		j = jsonPlainRun(b, j)
		if j >= len(b) {
			return 0, false, syntaxErr(i, "unterminated string")
		}
		switch c := b[j]; {
		case c == '"':
			return j + 1, esc, nil
		case c == '\\':
			esc = true
			if j+1 >= len(b) {
				return 0, false, syntaxErr(j, "unterminated string")
			}
			switch b[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j += 2
			case 'u':
				if j+6 > len(b) || !isHex(b[j+2]) || !isHex(b[j+3]) || !isHex(b[j+4]) || !isHex(b[j+5]) {
					return 0, false, syntaxErr(j, "malformed \\u escape")
				}
				j += 6
			default:
				return 0, false, syntaxErr(j, "invalid escape")
			}
		case c < 0x20:
			return 0, false, syntaxErr(j, "control character in a string")
		default:
			r, size := utf8.DecodeRune(b[j:])
			if r == utf8.RuneError && size <= 1 {
				return 0, false, syntaxErr(j, "invalid UTF-8")
			}
			j += size
		}
	}
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

// unescape decodes a quoted JSON string with escapes. Escapes are rare in dossier data, so this
// slow path leaves the exact rules (surrogate pairs, invalid surrogates) to encoding/json.
func unescape(dst, quoted []byte) ([]byte, error) {
	var s string
	if err := json.Unmarshal(quoted, &s); err != nil {
		return dst, err
	}
	return append(dst, s...), nil
}

// scanNumber returns the end of the JSON number at b[i], or -1 if it is malformed.
func scanNumber(b []byte, i int) int {
	if b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		i = skipDigits(b, i)
	default:
		return -1
	}
	if i < len(b) && b[i] == '.' {
		if i = skipDigits(b, i+1); i < 0 {
			return -1
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i = skipDigits(b, i); i < 0 {
			return -1
		}
	}
	return i
}

// skipDigits returns the end of the run of one or more digits at b[i], or -1 when there is none.
func skipDigits(b []byte, i int) int {
	start := i
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	if i == start {
		return -1
	}
	return i
}
