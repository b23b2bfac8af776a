package signtest

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"unicode/utf16"

	"github.com/p06kit/p06kit/internal/textx"
)

// A small PDF reader (ISO 32000-1 §7): the object syntax, cross-reference tables and streams,
// incremental updates (/Prev), object streams, and the FlateDecode filter with PNG predictors,
// which is what locating and checking signatures needs. It reads; it does not render. Files
// whose cross-reference data is missing or wrong are read by scanning for objects, as PDF
// readers do.

// PDF objects: nil (null), bool, int64, float64, pdfName, *pdfString, []any (array), pdfDict,
// pdfRef and *pdfStream.
type (
	pdfName string
	pdfRef  struct{ num, gen int }
	pdfDict map[pdfName]any
)

// pdfString is a string object; start and end locate its token in the file (end exclusive),
// or are -1 when it was read from a decoded stream.
type pdfString struct {
	b          []byte
	hex        bool
	start, end int
}

type pdfStream struct {
	dict pdfDict
	raw  []byte // the bytes between "stream" and "endstream", still encoded
}

// Limits on hostile files.
const (
	pdfMaxDepth        = 64       // nesting of arrays and dictionaries
	pdfMaxSections     = 64       // cross-reference sections (revisions)
	pdfMaxDecoded      = 64 << 20 // bytes a stream may decode to
	pdfMaxObjects      = 1 << 20  // entries in the cross-reference
	pdfMaxFieldVisited = 4096     // form fields walked
)

var errPDFSyntax = errors.New("PDF syntax error")

type pdfLexer struct {
	b    []byte
	p    int
	file bool // b is the whole file, so offsets are file offsets
}

func isPDFDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *pdfLexer) skipSpace() {
	for l.p < len(l.b) {
		c := l.b[l.p]
		if isPDFSpace(c) {
			l.p++
			continue
		}
		if c == '%' {
			for l.p < len(l.b) && l.b[l.p] != '\n' && l.b[l.p] != '\r' {
				l.p++
			}
			continue
		}
		return
	}
}

func (l *pdfLexer) errf(format string, a ...any) error {
	return fmt.Errorf("%w at offset %d: %s", errPDFSyntax, l.p, fmt.Sprintf(format, a...))
}

// keyword reads a run of regular characters.
func (l *pdfLexer) keyword() string {
	s := l.p
	for l.p < len(l.b) && !isPDFSpace(l.b[l.p]) && !isPDFDelim(l.b[l.p]) {
		l.p++
	}
	return string(l.b[s:l.p])
}

// object reads one object; an integer followed by "gen R" is a reference.
func (l *pdfLexer) object(depth int) (any, error) {
	if depth > pdfMaxDepth {
		return nil, l.errf("nested more than %d deep", pdfMaxDepth)
	}
	l.skipSpace()
	if l.p >= len(l.b) {
		return nil, l.errf("unexpected end of data")
	}
	switch c := l.b[l.p]; {
	case c == '/':
		l.p++
		return l.name()
	case c == '(':
		return l.literal()
	case c == '<' && l.p+1 < len(l.b) && l.b[l.p+1] == '<':
		l.p += 2
		return l.dict(depth)
	case c == '<':
		return l.hexString()
	case c == '[':
		l.p++
		var arr []any
		for {
			l.skipSpace()
			if l.p >= len(l.b) {
				return nil, l.errf("unterminated array")
			}
			if l.b[l.p] == ']' {
				l.p++
				return arr, nil
			}
			v, err := l.object(depth + 1)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		return l.number()
	}
	start := l.p
	switch kw := l.keyword(); kw {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	case "":
		l.p++
		return nil, fmt.Errorf("%w at offset %d: unexpected %q", errPDFSyntax, start, l.b[start])
	default:
		return nil, fmt.Errorf("%w at offset %d: unexpected keyword %q", errPDFSyntax, start, truncateBytes(kw, 20))
	}
}

func truncateBytes(s string, n int) string { return textx.TruncateBytes(s, n, textx.Ellipsis) }

func (l *pdfLexer) name() (pdfName, error) {
	var b []byte
	for l.p < len(l.b) && !isPDFSpace(l.b[l.p]) && !isPDFDelim(l.b[l.p]) {
		c := l.b[l.p]
		if c == '#' && l.p+2 < len(l.b) {
			if v, err := strconv.ParseUint(string(l.b[l.p+1:l.p+3]), 16, 8); err == nil {
				b = append(b, byte(v))
				l.p += 3
				continue
			}
		}
		b = append(b, c)
		l.p++
	}
	return pdfName(b), nil
}

func (l *pdfLexer) number() (any, error) {
	start := l.p
	kw := l.keyword()
	if i, err := strconv.ParseInt(kw, 10, 64); err == nil {
		// "num gen R" is a reference.
		save := l.p
		l.skipSpace()
		gs := l.p
		for l.p < len(l.b) && l.b[l.p] >= '0' && l.b[l.p] <= '9' {
			l.p++
		}
		if l.p > gs && l.p-gs <= 5 {
			gen, _ := strconv.Atoi(string(l.b[gs:l.p]))
			l.skipSpace()
			if l.p < len(l.b) && l.b[l.p] == 'R' && (l.p+1 == len(l.b) || isPDFSpace(l.b[l.p+1]) || isPDFDelim(l.b[l.p+1])) &&
				i >= 0 && i <= pdfMaxObjects*64 {
				l.p++
				return pdfRef{int(i), gen}, nil
			}
		}
		l.p = save
		return i, nil
	}
	f, err := strconv.ParseFloat(kw, 64)
	if err != nil {
		return nil, fmt.Errorf("%w at offset %d: bad number %q", errPDFSyntax, start, truncateBytes(kw, 20))
	}
	return f, nil
}

func (l *pdfLexer) literal() (*pdfString, error) {
	start := l.p
	l.p++ // (
	var b []byte
	depth := 1
	for l.p < len(l.b) {
		c := l.b[l.p]
		l.p++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return l.str(b, false, start), nil
			}
		case '\\':
			if l.p >= len(l.b) {
				continue
			}
			e := l.b[l.p]
			l.p++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.p < len(l.b) && l.b[l.p] == '\n' {
					l.p++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.p < len(l.b) && l.b[l.p] >= '0' && l.b[l.p] <= '7'; k++ {
						v = v*8 + int(l.b[l.p]-'0')
						l.p++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		b = append(b, c)
	}
	return nil, fmt.Errorf("%w at offset %d: unterminated string", errPDFSyntax, start)
}

func (l *pdfLexer) hexString() (*pdfString, error) {
	start := l.p
	l.p++ // <
	var b []byte
	var hi byte
	half := false
	for l.p < len(l.b) {
		c := l.b[l.p]
		l.p++
		var v byte
		switch {
		case c == '>':
			if half {
				b = append(b, hi<<4)
			}
			return l.str(b, true, start), nil
		case isPDFSpace(c):
			continue
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			return nil, fmt.Errorf("%w at offset %d: %q in a hex string", errPDFSyntax, l.p-1, c)
		}
		if half {
			b = append(b, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	return nil, fmt.Errorf("%w at offset %d: unterminated hex string", errPDFSyntax, start)
}

func (l *pdfLexer) str(b []byte, hex bool, start int) *pdfString {
	s := &pdfString{b: b, hex: hex, start: -1, end: -1}
	if l.file {
		s.start, s.end = start, l.p
	}
	return s
}

func (l *pdfLexer) dict(depth int) (pdfDict, error) {
	d := pdfDict{}
	for {
		l.skipSpace()
		if l.p+1 < len(l.b) && l.b[l.p] == '>' && l.b[l.p+1] == '>' {
			l.p += 2
			return d, nil
		}
		if l.p >= len(l.b) {
			return nil, l.errf("unterminated dictionary")
		}
		if l.b[l.p] != '/' {
			return nil, l.errf("dictionary key is not a name")
		}
		l.p++
		k, err := l.name()
		if err != nil {
			return nil, err
		}
		v, err := l.object(depth + 1)
		if err != nil {
			return nil, err
		}
		d[k] = v
	}
}

// pdfDoc is a parsed PDF file.
type pdfDoc struct {
	b         []byte
	xref      map[int]xrefEntry
	trailer   pdfDict // the newest trailer
	startxref int     // offset of the newest cross-reference section, -1 if reconstructed
	objstm    map[int]map[int]any
	resolving map[int]bool
}

type xrefEntry struct {
	kind byte // 1: at offset off; 2: object idx of object stream stm
	off  int
	stm  int
	idx  int
}

var startxrefRE = regexp.MustCompile(`startxref\s+(\d+)`)

// parsePDF reads the structure of a PDF file.
func parsePDF(b []byte) (*pdfDoc, error) {
	if !bytes.HasPrefix(bytes.TrimLeft(b, "\r\n\t "), []byte("%PDF-")) {
		return nil, errors.New("not a PDF file (no %PDF- header)")
	}
	d := &pdfDoc{b: b, xref: map[int]xrefEntry{}, objstm: map[int]map[int]any{}, resolving: map[int]bool{}, startxref: -1}
	tail := b[max(0, len(b)-2048):]
	if ms := startxrefRE.FindAllSubmatchIndex(tail, -1); len(ms) > 0 {
		m := ms[len(ms)-1]
		off, _ := strconv.Atoi(string(tail[m[2]:m[3]]))
		if err := d.readXrefChain(off); err == nil {
			d.startxref = off
			return d, nil
		}
		d.xref, d.trailer = map[int]xrefEntry{}, nil
	}
	if err := d.reconstruct(); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *pdfDoc) readXrefChain(off int) error {
	seen := map[int]bool{}
	for n := 0; ; n++ {
		if n == pdfMaxSections {
			return fmt.Errorf("more than %d cross-reference sections", pdfMaxSections)
		}
		if off <= 0 || off >= len(d.b) || seen[off] {
			return fmt.Errorf("cross-reference offset %d is outside the file or repeats", off)
		}
		seen[off] = true
		trailer, err := d.readXrefSection(off)
		if err != nil {
			return err
		}
		if d.trailer == nil {
			d.trailer = trailer
		}
		// A hybrid file's table points at a stream with the objects that are compressed.
		if stm, ok := trailer["XRefStm"].(int64); ok {
			if _, err := d.readXrefSection(int(stm)); err != nil {
				return err
			}
		}
		prev, ok := trailer["Prev"].(int64)
		if !ok {
			return nil
		}
		off = int(prev)
	}
}

// readXrefSection reads the table or stream at off, adding the entries not already known (a
// newer section has precedence), and returns its trailer dictionary.
func (d *pdfDoc) readXrefSection(off int) (pdfDict, error) {
	l := &pdfLexer{b: d.b, p: off, file: true}
	if bytes.HasPrefix(d.b[off:], []byte("xref")) {
		l.p += 4
		for {
			l.skipSpace()
			if bytes.HasPrefix(d.b[l.p:], []byte("trailer")) {
				l.p += 7
				t, err := l.object(0)
				if err != nil {
					return nil, err
				}
				td, ok := t.(pdfDict)
				if !ok {
					return nil, l.errf("trailer is not a dictionary")
				}
				return td, nil
			}
			first, err1 := l.object(0)
			count, err2 := l.object(0)
			f, ok1 := first.(int64)
			c, ok2 := count.(int64)
			if err1 != nil || err2 != nil || !ok1 || !ok2 || f < 0 || c < 0 || f+c > pdfMaxObjects {
				return nil, l.errf("bad cross-reference subsection header")
			}
			for i := int64(0); i < c; i++ {
				l.skipSpace()
				o, g, t := l.keyword(), "", ""
				l.skipSpace()
				g = l.keyword()
				l.skipSpace()
				t = l.keyword()
				ov, err := strconv.Atoi(o)
				if err != nil || g == "" || (t != "n" && t != "f") {
					return nil, l.errf("bad cross-reference entry")
				}
				num := int(f + i)
				if _, known := d.xref[num]; known {
					continue
				}
				if t == "n" {
					d.xref[num] = xrefEntry{kind: 1, off: ov}
				} else {
					d.xref[num] = xrefEntry{kind: 0}
				}
			}
		}
	}
	obj, _, err := d.objectAt(off)
	if err != nil {
		return nil, err
	}
	s, ok := obj.(*pdfStream)
	if !ok || s.dict["Type"] != pdfName("XRef") {
		return nil, fmt.Errorf("no cross-reference table or stream at offset %d", off)
	}
	data, err := d.decode(s)
	if err != nil {
		return nil, fmt.Errorf("cross-reference stream at offset %d: %w", off, err)
	}
	w, _ := s.dict["W"].([]any)
	if len(w) != 3 {
		return nil, fmt.Errorf("cross-reference stream at offset %d: /W is not three numbers", off)
	}
	var ws [3]int
	for i, v := range w {
		n, ok := v.(int64)
		if !ok || n < 0 || n > 8 {
			return nil, fmt.Errorf("cross-reference stream at offset %d: bad /W", off)
		}
		ws[i] = int(n)
	}
	size, _ := s.dict["Size"].(int64)
	index := []any{int64(0), size}
	if ix, ok := s.dict["Index"].([]any); ok {
		index = ix
	}
	rec := ws[0] + ws[1] + ws[2]
	if rec == 0 {
		return nil, fmt.Errorf("cross-reference stream at offset %d: empty /W", off)
	}
	field := func(b []byte) int {
		v := 0
		for _, c := range b {
			v = v<<8 | int(c)
		}
		return v
	}
	p := 0
	for i := 0; i+1 < len(index); i += 2 {
		f, ok1 := index[i].(int64)
		c, ok2 := index[i+1].(int64)
		if !ok1 || !ok2 || f < 0 || c < 0 || f+c > pdfMaxObjects {
			return nil, fmt.Errorf("cross-reference stream at offset %d: bad /Index", off)
		}
		for k := int64(0); k < c; k++ {
			if p+rec > len(data) {
				return nil, fmt.Errorf("cross-reference stream at offset %d: shorter than /Index says", off)
			}
			t := 1
			if ws[0] > 0 {
				t = field(data[p : p+ws[0]])
			}
			a, b := field(data[p+ws[0]:p+ws[0]+ws[1]]), field(data[p+ws[0]+ws[1]:p+rec])
			p += rec
			num := int(f + k)
			if _, known := d.xref[num]; known {
				continue
			}
			switch t {
			case 1:
				d.xref[num] = xrefEntry{kind: 1, off: a}
			case 2:
				d.xref[num] = xrefEntry{kind: 2, stm: a, idx: b}
			default:
				d.xref[num] = xrefEntry{kind: 0}
			}
		}
	}
	return s.dict, nil
}

var objHeaderRE = regexp.MustCompile(`(?m)(?:^|[\r\n])\s*(\d+)\s+(\d+)\s+obj\b`)

// reconstruct builds the cross-reference by scanning for "n g obj", later definitions winning,
// and takes the last trailer dictionary (or the catalog object) for the root.
func (d *pdfDoc) reconstruct() error {
	for _, m := range objHeaderRE.FindAllSubmatchIndex(d.b, pdfMaxObjects) {
		num, err := strconv.Atoi(string(d.b[m[2]:m[3]]))
		if err != nil {
			continue
		}
		d.xref[num] = xrefEntry{kind: 1, off: m[2]}
	}
	if i := bytes.LastIndex(d.b, []byte("trailer")); i >= 0 {
		l := &pdfLexer{b: d.b, p: i + 7, file: true}
		if t, err := l.object(0); err == nil {
			d.trailer, _ = t.(pdfDict)
		}
	}
	if d.trailer == nil || d.trailer["Root"] == nil {
		nums := make([]int, 0, len(d.xref))
		for n := range d.xref {
			nums = append(nums, n)
		}
		sort.Ints(nums)
		for _, n := range nums {
			if o, err := d.resolve(pdfRef{n, 0}); err == nil {
				if dd, ok := o.(pdfDict); ok && dd["Type"] == pdfName("Catalog") {
					if d.trailer == nil {
						d.trailer = pdfDict{}
					}
					d.trailer["Root"] = pdfRef{n, 0}
				}
			}
		}
	}
	if d.trailer == nil || d.trailer["Root"] == nil {
		return errors.New("no cross-reference, trailer or document catalog could be found")
	}
	return nil
}

// objectAt reads the indirect object "n g obj … endobj" at off.
func (d *pdfDoc) objectAt(off int) (any, int, error) {
	if off < 0 || off >= len(d.b) {
		return nil, 0, fmt.Errorf("object offset %d is outside the file", off)
	}
	l := &pdfLexer{b: d.b, p: off, file: true}
	n, err1 := l.object(0)
	l.skipSpace()
	g := l.keyword()
	l.skipSpace()
	kw := l.keyword()
	num, ok := n.(int64)
	if err1 != nil || !ok || g == "" || kw != "obj" {
		return nil, 0, fmt.Errorf("%w: no object header at offset %d", errPDFSyntax, off)
	}
	v, err := l.object(0)
	if err != nil {
		return nil, 0, err
	}
	l.skipSpace()
	if dict, ok := v.(pdfDict); ok && bytes.HasPrefix(d.b[l.p:], []byte("stream")) {
		p := l.p + 6
		if p < len(d.b) && d.b[p] == '\r' {
			p++
		}
		if p < len(d.b) && d.b[p] == '\n' {
			p++
		}
		end := -1
		if n, ok := d.streamLength(dict); ok && p+n <= len(d.b) {
			rest := bytes.TrimLeft(d.b[p+n:], "\r\n \t")
			if bytes.HasPrefix(rest, []byte("endstream")) {
				end = p + n
			}
		}
		if end < 0 { // a wrong /Length: the data ends before "endstream", as readers recover it
			i := bytes.Index(d.b[p:], []byte("endstream"))
			if i < 0 {
				return nil, 0, fmt.Errorf("%w: stream at offset %d has no endstream", errPDFSyntax, off)
			}
			end = p + i
			for end > p && (d.b[end-1] == '\n' || d.b[end-1] == '\r') {
				end--
			}
		}
		return &pdfStream{dict: dict, raw: d.b[p:end]}, int(num), nil
	}
	return v, int(num), nil
}

func (d *pdfDoc) streamLength(dict pdfDict) (int, bool) {
	switch v := dict["Length"].(type) {
	case int64:
		return int(v), v >= 0
	case pdfRef:
		if d.resolving[v.num] {
			return 0, false
		}
		if n, err := d.resolve(v); err == nil {
			if i, ok := n.(int64); ok && i >= 0 {
				return int(i), true
			}
		}
	}
	return 0, false
}

// resolve returns the object a reference points to (null when it points nowhere, as the
// standard says); other values are returned as they are.
func (d *pdfDoc) resolve(v any) (any, error) {
	r, ok := v.(pdfRef)
	if !ok {
		return v, nil
	}
	e, ok := d.xref[r.num]
	if !ok || e.kind == 0 {
		return nil, nil
	}
	if d.resolving[r.num] {
		return nil, fmt.Errorf("object %d refers to itself", r.num)
	}
	d.resolving[r.num] = true
	defer delete(d.resolving, r.num)
	if e.kind == 2 {
		return d.fromObjStm(e.stm, e.idx, r.num)
	}
	obj, num, err := d.objectAt(e.off)
	if err != nil {
		return nil, fmt.Errorf("object %d: %w", r.num, err)
	}
	if num != r.num {
		return nil, fmt.Errorf("object %d: the cross-reference points at object %d", r.num, num)
	}
	return obj, nil
}

func (d *pdfDoc) fromObjStm(stm, idx, num int) (any, error) {
	objs, ok := d.objstm[stm]
	if !ok {
		o, err := d.resolve(pdfRef{stm, 0})
		if err != nil {
			return nil, err
		}
		s, ok := o.(*pdfStream)
		if !ok || s.dict["Type"] != pdfName("ObjStm") {
			return nil, fmt.Errorf("object %d: object %d is not an object stream", num, stm)
		}
		data, err := d.decode(s)
		if err != nil {
			return nil, fmt.Errorf("object stream %d: %w", stm, err)
		}
		n, _ := s.dict["N"].(int64)
		first, _ := s.dict["First"].(int64)
		if n < 0 || n > pdfMaxObjects || first < 0 || int(first) > len(data) {
			return nil, fmt.Errorf("object stream %d: bad /N or /First", stm)
		}
		objs = map[int]any{}
		hl := &pdfLexer{b: data[:first]}
		for i := int64(0); i < n; i++ {
			a, err1 := hl.object(0)
			b, err2 := hl.object(0)
			on, ok1 := a.(int64)
			oo, ok2 := b.(int64)
			if err1 != nil || err2 != nil || !ok1 || !ok2 || oo < 0 || int(first+oo) > len(data) {
				return nil, fmt.Errorf("object stream %d: bad header", stm)
			}
			l := &pdfLexer{b: data, p: int(first + oo)}
			v, err := l.object(0)
			if err != nil {
				return nil, fmt.Errorf("object stream %d: %w", stm, err)
			}
			objs[int(on)] = v
		}
		d.objstm[stm] = objs
	}
	return objs[num], nil
}

// decode returns the decoded data of a stream: no filter or FlateDecode, with PNG predictors.
func (d *pdfDoc) decode(s *pdfStream) ([]byte, error) {
	filter, _ := d.resolve(s.dict["Filter"])
	if arr, ok := filter.([]any); ok {
		switch len(arr) {
		case 0:
			filter = nil
		case 1:
			filter = arr[0]
		default:
			return nil, errors.New("more than one filter is not supported")
		}
	}
	switch filter {
	case nil:
		return s.raw, nil
	case pdfName("FlateDecode"):
	default:
		return nil, fmt.Errorf("filter %v is not supported", filter)
	}
	zr, err := zlib.NewReader(bytes.NewReader(s.raw))
	if err != nil {
		return nil, fmt.Errorf("FlateDecode: %w", err)
	}
	data, err := io.ReadAll(io.LimitReader(zr, pdfMaxDecoded+1))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, fmt.Errorf("FlateDecode: %w", err)
	}
	if len(data) > pdfMaxDecoded {
		return nil, fmt.Errorf("a stream decodes to more than %d bytes", pdfMaxDecoded)
	}
	parms, _ := d.resolve(s.dict["DecodeParms"])
	if arr, ok := parms.([]any); ok && len(arr) == 1 {
		parms, _ = d.resolve(arr[0])
	}
	pd, _ := parms.(pdfDict)
	pred, _ := pd["Predictor"].(int64)
	if pred < 10 {
		if pred > 1 {
			return nil, fmt.Errorf("predictor %d is not supported", pred)
		}
		return data, nil
	}
	cols := int64(1)
	if c, ok := pd["Columns"].(int64); ok {
		cols = c
	}
	if cols < 1 || cols > 1<<16 {
		return nil, fmt.Errorf("bad /Columns %d", cols)
	}
	return unpredictPNG(data, int(cols))
}

// unpredictPNG undoes PNG row predictors (one byte per pixel, as cross-reference streams use).
func unpredictPNG(data []byte, cols int) ([]byte, error) {
	row := cols + 1
	if len(data)%row != 0 {
		return nil, fmt.Errorf("predicted data of %d bytes is not whole rows of %d", len(data), row)
	}
	out := make([]byte, 0, len(data)/row*cols)
	prev := make([]byte, cols)
	for i := 0; i < len(data); i += row {
		cur := append([]byte(nil), data[i+1:i+row]...)
		for k := range cur {
			var left, up, ul byte
			if k > 0 {
				left, ul = cur[k-1], prev[k-1]
			}
			up = prev[k]
			switch data[i] {
			case 0:
			case 1:
				cur[k] += left
			case 2:
				cur[k] += up
			case 3:
				cur[k] += byte((int(left) + int(up)) / 2)
			case 4:
				cur[k] += paeth(left, up, ul)
			default:
				return nil, fmt.Errorf("PNG predictor type %d", data[i])
			}
		}
		out = append(out, cur...)
		prev = cur
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// dictOf resolves v and returns it as a dictionary (a stream's dictionary too), or nil.
func (d *pdfDoc) dictOf(v any) pdfDict {
	o, err := d.resolve(v)
	if err != nil {
		return nil
	}
	switch t := o.(type) {
	case pdfDict:
		return t
	case *pdfStream:
		return t.dict
	}
	return nil
}

// catalog returns the document catalog.
func (d *pdfDoc) catalog() (pdfDict, error) {
	c := d.dictOf(d.trailer["Root"])
	if c == nil {
		return nil, errors.New("the trailer's /Root is not a dictionary")
	}
	return c, nil
}

// pdfSigField is a signature form field with a value.
type pdfSigField struct {
	name string
	sig  pdfDict // the signature dictionary (/V)
	ref  *pdfRef // where the signature dictionary is, when indirect
}

// sigFields returns the signature fields of the interactive form that carry a signature.
func (d *pdfDoc) sigFields() ([]pdfSigField, error) {
	cat, err := d.catalog()
	if err != nil {
		return nil, err
	}
	form := d.dictOf(cat["AcroForm"])
	if form == nil {
		return nil, nil
	}
	fields, _ := d.resolve(form["Fields"])
	arr, _ := fields.([]any)
	var out []pdfSigField
	visited := map[pdfRef]bool{}
	var walk func(v any, ft pdfName, name string, depth int) error
	walk = func(v any, ft pdfName, name string, depth int) error {
		if depth > pdfMaxDepth || len(visited) > pdfMaxFieldVisited {
			return errors.New("the form's fields nest too deep or are too many")
		}
		if r, ok := v.(pdfRef); ok {
			if visited[r] {
				return nil
			}
			visited[r] = true
		}
		f := d.dictOf(v)
		if f == nil {
			return nil
		}
		if t, ok := f["FT"].(pdfName); ok {
			ft = t
		}
		if t, err := d.resolve(f["T"]); err == nil {
			if s, ok := t.(*pdfString); ok {
				if name != "" {
					name += "."
				}
				name += textString(s.b)
			}
		}
		if ft == "Sig" && f["V"] != nil {
			sf := pdfSigField{name: name}
			if r, ok := f["V"].(pdfRef); ok {
				sf.ref = &r
			}
			v, err := d.resolve(f["V"])
			if err != nil {
				return fmt.Errorf("signature field %q: its value cannot be read: %w", name, err)
			}
			sd, ok := v.(pdfDict)
			if !ok {
				return fmt.Errorf("signature field %q: its value is not a dictionary", name)
			}
			sf.sig = sd
			out = append(out, sf)
		}
		kids, _ := d.resolve(f["Kids"])
		ka, _ := kids.([]any)
		for _, k := range ka {
			if err := walk(k, ft, name, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	for _, f := range arr {
		if err := walk(f, "", "", 0); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// textString decodes a PDF text string: UTF-16BE with a byte-order mark, else taken as is
// (PDFDocEncoding agrees with ASCII).
func textString(b []byte) string {
	if len(b) >= 2 && b[0] == 0xfe && b[1] == 0xff {
		u := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(u))
	}
	return string(b)
}
