package index766

import "encoding/binary"

// vietnamOffset is UTC+7, the time zone of dates written without one (yyyyMMddHHmmss).
const vietnamOffset = 7 * 3600

// parseTime parses an RFC 3339 timestamp ("2024-03-05T08:30:00+07:00", "…Z", with an optional
// fraction of a second, which is dropped) or a national-synchronisation timestamp
// "yyyyMMddHHmmss" in Vietnam time, into Unix seconds. It is written by hand because it runs
// three times per record. RFC 3339 is read strictly: 'T' and 'Z' upper case, a fraction only
// after '.', an offset of at most 23:59; impossible dates (30 February, 24:00, second 60) are
// rejected. A fuzz test holds it to time.Parse: every accepted timestamp has time.Parse's value,
// and every strict RFC 3339 timestamp that time.Parse accepts is accepted.
func parseTime(b []byte) (int64, bool) {
	if len(b) == 14 {
		// Eight digits at a time: yyyyMMdd, then ddHHmmss (the day read twice).
		x, ok1 := digitPairs(binary.LittleEndian.Uint64(b[0:8]))
		z, ok2 := digitPairs(binary.LittleEndian.Uint64(b[6:14]))
		if !ok1 || !ok2 {
			return 0, false
		}
		y := int(x&0xFF)*100 + int(x>>16&0xFF)
		mo, dd := int(x>>32&0xFF), int(x>>48&0xFF)
		h, mi, s := int(z>>16&0xFF), int(z>>32&0xFF), int(z>>48&0xFF)
		if !validCivil(y, mo, dd, h, mi, s) {
			return 0, false
		}
		return unix(y, mo, dd, h, mi, s) - vietnamOffset, true
	}
	// yyyy-mm-ddThh:mm:ss[.f…](Z|±hh:mm)
	if len(b) < 20 || b[4] != '-' || b[7] != '-' || b[10] != 'T' || b[13] != ':' || b[16] != ':' {
		return 0, false
	}
	y, ok1 := num(b[0:4])
	mo, ok2 := num(b[5:7])
	dd, ok3 := num(b[8:10])
	h, ok4 := num(b[11:13])
	mi, ok5 := num(b[14:16])
	s, ok6 := num(b[17:19])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || !validCivil(y, mo, dd, h, mi, s) {
		return 0, false
	}
	i := 19
	if b[i] == '.' {
		i++
		start := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		if i == start {
			return 0, false
		}
	}
	if i >= len(b) {
		return 0, false
	}
	off := 0
	switch b[i] {
	case 'Z':
		i++
	case '+', '-':
		if len(b)-i != 6 || b[i+3] != ':' {
			return 0, false
		}
		oh, okh := num(b[i+1 : i+3])
		om, okm := num(b[i+4 : i+6])
		if !okh || !okm || oh > 23 || om > 59 {
			return 0, false
		}
		off = oh*3600 + om*60
		if b[i] == '-' {
			off = -off
		}
		i += 6
	default:
		return 0, false
	}
	if i != len(b) {
		return 0, false
	}
	return unix(y, mo, dd, h, mi, s) - int64(off), true
}

// digitPairs checks that the eight bytes of x (little-endian) are ASCII digits and returns
// the four two-digit numbers they form, one in the low byte of each 16-bit lane.
func digitPairs(x uint64) (uint64, bool) {
	const zeros = 0x3030303030303030
	// A byte is a digit iff its high nibble is 3 and adding 6 does not carry out of the low
	// nibble.
	if x&0xF0F0F0F0F0F0F0F0 != zeros || (x+0x0606060606060606)&0xF0F0F0F0F0F0F0F0 != zeros {
		return 0, false
	}
	x -= zeros
	return (x*10 + x>>8) & 0x00FF00FF00FF00FF, true
}

func num(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func validCivil(y, mo, d, h, mi, s int) bool {
	if mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59 {
		return false
	}
	return d <= daysIn(y, mo)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// yearDays[i] is the day number (since 1970-01-01) of 1 January of year 1970+i, and
// monthDays the day of the year each month starts on, in common and leap years: dates of this
// era convert with two table look-ups instead of divisions.
var (
	yearDays  [256]int64
	monthDays = [2][13]int{
		{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
		{0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366},
	}
)

func init() {
	for i := range yearDays {
		yearDays[i] = civilDays(1970+i, 1, 1)
	}
}

// unix converts a civil time in UTC to Unix seconds. The fields are valid (validCivil).
func unix(y, m, d, h, mi, s int) int64 {
	var days int64
	if i := y - 1970; i >= 0 && i < len(yearDays) {
		leap := 0
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			leap = 1
		}
		days = yearDays[i] + int64(monthDays[leap][m-1]+d-1)
	} else {
		days = civilDays(y, m, d)
	}
	return days*86400 + int64(h*3600+mi*60+s)
}

// civilDays is the day number of a proleptic Gregorian date since 1970-01-01 (the
// days_from_civil algorithm of Howard Hinnant's date library).
func civilDays(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}
