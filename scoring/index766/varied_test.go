package index766

import (
	"bytes"
	"testing"
)

// variedLines returns 4096 generated records of format f, without their newlines. The
// generator lives in package synth, which imports this one, so the records are made here by a
// small copy of its mix: 60 units, 200 procedures, both date forms, open dossiers.
func variedLines(b *testing.B, f Format) [][]byte {
	b.Helper()
	var out [][]byte
	x := uint64(88172645463325252)
	next := func(n int) int {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return int(x % uint64(n))
	}
	dates := []string{"20240305083000", "2024-03-05T08:30:00+07:00", "20240312170000", "2024-03-12T17:00:00+07:00", "2024-03-09T01:00:00Z"}
	for i := 0; i < 4096; i++ {
		unit := []byte("000.20.00.H55")
		unit[7], unit[8] = byte('0'+next(6)), byte('0'+next(10))
		proc := []byte("1.004000.000.00.00.H55")
		proc[5], proc[6], proc[7] = byte('0'+next(2)), byte('0'+next(10)), byte('0'+next(10))
		fin := dates[2+next(3)]
		if next(7) == 0 {
			fin = ""
		}
		vals := []string{"H55.20.17-240211-" + string(rune('0'+next(10))) + "00001", string(unit), string(proc),
			[]string{"", "1", "2", "3"}[next(4)], dates[next(2)], dates[2+next(2)], fin,
			[]string{"0", "50000", "200000"}[next(3)], []string{"0", "1", "2"}[next(3)],
			[]string{"", "https://kq.example.vn/H55.20.17-240211-000001.pdf"}[next(2)],
			[]string{"0", "1"}[next(2)], []string{"0", "1"}[next(2)], []string{"0", "1"}[next(2)]}
		var l bytes.Buffer
		if f == CSV {
			for j, v := range vals {
				if j > 0 {
					l.WriteByte(',')
				}
				l.WriteString(v)
			}
		} else {
			l.WriteByte('{')
			for j, v := range vals {
				if j > 0 {
					l.WriteByte(',')
				}
				l.WriteString(`"` + FieldNames[j] + `":`)
				switch {
				case j == fChannel && v == "":
					l.WriteString("null")
				case j == fChannel || j == fFee || j == fPaid || j >= fDigitised:
					l.WriteString(v)
				default:
					l.WriteString(`"` + v + `"`)
				}
			}
			l.WriteString(`,"TrangThaiHoSo":7}`)
		}
		out = append(out, l.Bytes())
	}
	return out
}
