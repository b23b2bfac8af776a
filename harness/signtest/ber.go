package signtest

import (
	"errors"
	"fmt"
)

// BER to DER. CMS producers may use BER: openssl and Windows stream large content with
// indefinite lengths and split it into constructed OCTET STRINGs. encoding/asn1 reads only DER,
// so input is normalised first: indefinite lengths become definite, constructed OCTET STRINGs
// become one primitive OCTET STRING, lengths become minimal. DER input comes out unchanged,
// byte for byte, so signatures over DER parts still verify.

// Bounds on hostile input: nesting depth and element count.
const (
	maxBERDepth    = 64
	maxBERElements = 1 << 16
)

var errBER = errors.New("bad BER")

type berReader struct {
	in       []byte
	elements int
}

// berToDER returns the DER form of one BER value filling in; trailing bytes are an error.
func berToDER(in []byte) ([]byte, error) {
	r := &berReader{in: in}
	out, n, err := r.value(0, 0)
	if err != nil {
		return nil, err
	}
	if n != len(in) {
		return nil, fmt.Errorf("%w: %d trailing bytes after the value at offset %d", errBER, len(in)-n, n)
	}
	return out, nil
}

// value reads the value at off and returns its DER encoding and the offset after it.
func (r *berReader) value(off, depth int) ([]byte, int, error) {
	if depth > maxBERDepth {
		return nil, 0, fmt.Errorf("%w: nested deeper than %d at offset %d", errBER, maxBERDepth, off)
	}
	r.elements++
	if r.elements > maxBERElements {
		return nil, 0, fmt.Errorf("%w: more than %d elements", errBER, maxBERElements)
	}
	in := r.in
	start := off
	if off >= len(in) {
		return nil, 0, fmt.Errorf("%w: truncated at offset %d", errBER, off)
	}
	tag := []byte{in[off]}
	constructed := in[off]&0x20 != 0
	number := int(in[off] & 0x1f)
	off++
	if number == 0x1f { // high tag number form
		number = 0
		for {
			if off >= len(in) {
				return nil, 0, fmt.Errorf("%w: truncated tag at offset %d", errBER, start)
			}
			tag = append(tag, in[off])
			if len(tag) > 5 {
				return nil, 0, fmt.Errorf("%w: tag too long at offset %d", errBER, start)
			}
			number = number<<7 | int(in[off]&0x7f)
			off++
			if in[off-1]&0x80 == 0 {
				break
			}
		}
	}
	if off >= len(in) {
		return nil, 0, fmt.Errorf("%w: truncated length at offset %d", errBER, start)
	}
	lb := in[off]
	off++
	universalOctetString := in[start]&0xc0 == 0 && number == 4
	switch {
	case lb == 0x80: // indefinite
		if !constructed {
			return nil, 0, fmt.Errorf("%w: indefinite length on a primitive value at offset %d", errBER, start)
		}
		var children [][]byte
		for {
			if off+1 < len(in) && in[off] == 0 && in[off+1] == 0 {
				off += 2
				break
			}
			if off >= len(in) {
				return nil, 0, fmt.Errorf("%w: missing end-of-contents for the value at offset %d", errBER, start)
			}
			c, next, err := r.value(off, depth+1)
			if err != nil {
				return nil, 0, err
			}
			children = append(children, c)
			off = next
		}
		out, err := r.assemble(tag, universalOctetString, children, start)
		return out, off, err
	case lb == 0xff:
		return nil, 0, fmt.Errorf("%w: reserved length byte at offset %d", errBER, start)
	}
	length := int(lb)
	if lb&0x80 != 0 {
		n := int(lb & 0x7f)
		if n > 4 {
			return nil, 0, fmt.Errorf("%w: length of %d bytes at offset %d", errBER, n, start)
		}
		length = 0
		for i := 0; i < n; i++ {
			if off >= len(in) {
				return nil, 0, fmt.Errorf("%w: truncated length at offset %d", errBER, start)
			}
			length = length<<8 | int(in[off])
			off++
		}
	}
	if length < 0 || length > len(in)-off {
		return nil, 0, fmt.Errorf("%w: length %d at offset %d runs past the end (%d bytes)", errBER, length, start, len(in))
	}
	end := off + length
	if !constructed {
		return append(append(tag, derLength(length)...), in[off:end]...), end, nil
	}
	var children [][]byte
	for off < end {
		c, next, err := r.value(off, depth+1)
		if err != nil {
			return nil, 0, err
		}
		if next > end {
			return nil, 0, fmt.Errorf("%w: element at offset %d runs past its parent's end", errBER, off)
		}
		children = append(children, c)
		off = next
	}
	out, err := r.assemble(tag, universalOctetString, children, start)
	return out, end, err
}

// assemble encodes a constructed value from its children's DER. A constructed OCTET STRING
// becomes primitive, its segments concatenated.
func (r *berReader) assemble(tag []byte, octetString bool, children [][]byte, start int) ([]byte, error) {
	var body []byte
	if octetString {
		for _, c := range children {
			if len(c) == 0 || c[0] != 0x04 {
				return nil, fmt.Errorf("%w: constructed OCTET STRING at offset %d holds a non-OCTET STRING", errBER, start)
			}
			_, hl := derHeaderLen(c)
			body = append(body, c[hl:]...)
		}
		return append(append([]byte{0x04}, derLength(len(body))...), body...), nil
	}
	for _, c := range children {
		body = append(body, c...)
	}
	return append(append(append([]byte(nil), tag...), derLength(len(body))...), body...), nil
}

// derHeaderLen returns the length of a DER value's content and of its header (single-byte tag).
func derHeaderLen(der []byte) (content, header int) {
	if len(der) < 2 {
		return 0, len(der)
	}
	if der[1] < 0x80 {
		return int(der[1]), 2
	}
	n := int(der[1] & 0x7f)
	l := 0
	for i := 0; i < n && 2+i < len(der); i++ {
		l = l<<8 | int(der[2+i])
	}
	return l, 2 + n
}

func derLength(n int) []byte {
	h := derHeader(0, n)
	return h[1:]
}
