package index766

import "encoding/binary"

// Eight bytes at a time ("SIMD within a register"): the scanners skip runs of ordinary bytes a
// word at a time and look at single bytes only where something may happen.
const (
	lo8 = 0x0101010101010101
	hi8 = 0x8080808080808080
)

// hasByte reports whether any byte of x equals c (non-zero result), exactly.
func hasByte(x uint64, c byte) uint64 {
	v := x ^ (lo8 * uint64(c))
	return (v - lo8) & ^v & hi8
}

// jsonPlainRun returns the index of the first byte at or after j that is not plain inside a
// JSON string: '"', '\\', a control character or a non-ASCII byte.
func jsonPlainRun(b []byte, j int) int {
	for j+8 <= len(b) {
		x := binary.LittleEndian.Uint64(b[j:])
		// (x - 0x20…) | x has a byte's high bit set if that byte is below 0x20 or not ASCII
		// (a borrow can only add false alarms above a byte that is itself flagged).
		if hasByte(x, '"')|hasByte(x, '\\')|((x-lo8*0x20)|x)&hi8 != 0 {
			break
		}
		j += 8
	}
	for j < len(b) && strPlain[b[j]] {
		j++
	}
	return j
}

// csvPlainRun returns the index of the first ',', '\n' or '"' at or after j.
func csvPlainRun(b []byte, j int) int {
	for j+8 <= len(b) {
		x := binary.LittleEndian.Uint64(b[j:])
		if hasByte(x, ',')|hasByte(x, '\n')|hasByte(x, '"') != 0 {
			break
		}
		j += 8
	}
	for j < len(b) && csvPlain[b[j]] {
		j++
	}
	return j
}
