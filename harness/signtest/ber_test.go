package signtest

import (
	"bytes"
	"encoding/asn1"
	"testing"
)

func TestBERToDER(t *testing.T) {
	for _, tc := range []struct {
		name    string
		in, out []byte
		err     string
	}{
		{name: "DER unchanged", in: []byte{0x30, 0x03, 0x02, 0x01, 0x05}, out: []byte{0x30, 0x03, 0x02, 0x01, 0x05}},
		{name: "indefinite sequence", in: []byte{0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00}, out: []byte{0x30, 0x03, 0x02, 0x01, 0x05}},
		{name: "constructed octet string", in: []byte{0x24, 0x80, 0x04, 0x02, 'a', 'b', 0x04, 0x01, 'c', 0x00, 0x00},
			out: []byte{0x04, 0x03, 'a', 'b', 'c'}},
		{name: "nested indefinite in explicit tag", in: []byte{0xa0, 0x80, 0x24, 0x80, 0x04, 0x01, 'x', 0x00, 0x00, 0x00, 0x00},
			out: []byte{0xa0, 0x03, 0x04, 0x01, 'x'}},
		{name: "non-minimal length", in: []byte{0x04, 0x81, 0x01, 'z'}, out: []byte{0x04, 0x01, 'z'}},
		{name: "long content", in: append([]byte{0x04, 0x82, 0x01, 0x00}, make([]byte, 256)...), out: append([]byte{0x04, 0x82, 0x01, 0x00}, make([]byte, 256)...)},
		{name: "empty", in: nil, err: "truncated"},
		{name: "truncated length", in: []byte{0x30}, err: "truncated length"},
		{name: "length past end", in: []byte{0x04, 0x05, 'a'}, err: "runs past the end"},
		{name: "indefinite primitive", in: []byte{0x04, 0x80, 0x00, 0x00}, err: "indefinite length on a primitive"},
		{name: "missing end of contents", in: []byte{0x30, 0x80, 0x02, 0x01, 0x05}, err: "missing end-of-contents"},
		{name: "trailing bytes", in: []byte{0x02, 0x01, 0x05, 0xff}, err: "trailing"},
		{name: "huge length", in: []byte{0x04, 0x85, 1, 2, 3, 4, 5}, err: "length of 5 bytes"},
		{name: "octet string with a sequence inside", in: []byte{0x24, 0x02, 0x30, 0x00}, err: "non-OCTET STRING"},
		{name: "too deep", in: deep(maxBERDepth + 2), err: "nested deeper"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := berToDER(tc.in)
			if tc.err != "" {
				if err == nil || !bytes.Contains([]byte(err.Error()), []byte(tc.err)) {
					t.Fatalf("berToDER(% x) error %v, want one containing %q", tc.in, err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("berToDER(% x): %v", tc.in, err)
			}
			if !bytes.Equal(got, tc.out) {
				t.Fatalf("berToDER(% x) = % x, want % x", tc.in, got, tc.out)
			}
		})
	}
}

func deep(n int) []byte {
	b := []byte{}
	for i := 0; i < n; i++ {
		b = append([]byte{0x30, 0x80}, b...)
		b = append(b, 0x00, 0x00)
	}
	return b
}

// FuzzBERToDER: never panics; what it returns is DER that encoding/asn1 reads back to one value,
// and normalising it again changes nothing.
func FuzzBERToDER(f *testing.F) {
	for _, s := range [][]byte{
		{0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00},
		{0x24, 0x80, 0x04, 0x02, 'a', 'b', 0x04, 0x01, 'c', 0x00, 0x00},
		{0xa0, 0x80, 0x24, 0x80, 0x04, 0x01, 'x', 0x00, 0x00, 0x00, 0x00},
		{0x04, 0x81, 0x01, 'z'},
		{0x30, 0x03, 0x02, 0x01, 0x05},
		{0x1f, 0x81, 0x01, 0x00},
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out, err := berToDER(in)
		if err != nil {
			return
		}
		again, err := berToDER(out)
		if err != nil {
			t.Fatalf("normalised output does not normalise again: % x -> % x: %v", in, out, err)
		}
		if !bytes.Equal(again, out) {
			t.Fatalf("normalising is not idempotent: % x -> % x -> % x", in, out, again)
		}
		var rv asn1.RawValue
		if _, err := asn1.Unmarshal(out, &rv); err != nil && out[0]&0x1f != 0x1f {
			// encoding/asn1 refuses some valid DER (high tag numbers, odd universal types), but
			// never a plain definite-length structure we wrote.
			if out[0] == 0x30 || out[0] == 0x04 {
				t.Fatalf("asn1 cannot read our DER % x: %v", out, err)
			}
		}
	})
}
