package ident

import (
	"strings"
	"time"
)

// CardQR is the content of the QR code on a chip-based CCCD card: one line of text with "|"
// separators (docs/identifiers.md, from public integration code).
type CardQR struct {
	// PIN is the decoded 12-digit number.
	PIN PIN
	// OldID is the 9-digit CMND number, or empty.
	OldID string
	// FullName is the name as printed.
	FullName string
	// BirthDate and IssueDate are YYYY-MM-DD.
	BirthDate, IssueDate string
	// Male is the sex printed ("Nam" or "Nữ").
	Male bool
	// Address is the permanent address as printed.
	Address string
}

const qrKind = "CCCD QR payload"

// maxQR bounds the payload: a card's QR is a few hundred bytes.
const maxQR = 2048

// ParseCardQR reads a CCCD QR payload "number|CMND|name|ddMMyyyy|sex|address|ddMMyyyy". It
// validates the number with [ParsePIN] (under opts), the CMND when present, both dates, the sex
// ("Nam" or "Nữ") and that the number agrees with the printed date of birth and sex. Extra
// trailing fields are ignored.
func ParseCardQR(s string, opts ...Option) (CardQR, error) {
	if len(s) > maxQR {
		return CardQR{}, newErr(qrKind, s, -1, "", ErrLength, "got %d bytes, at most %d expected", len(s), maxQR)
	}
	f := strings.Split(strings.TrimRight(s, "\r\n"), "|")
	if len(f) < 7 {
		return CardQR{}, newErr(qrKind, s, -1, "", ErrFormat, "got %d fields separated by |, want 7", len(f))
	}
	var q CardQR
	var err error
	if q.PIN, err = ParsePIN(f[0], opts...); err != nil {
		return CardQR{}, err
	}
	if f[1] != "" {
		if err := ValidateCMND(f[1]); err != nil {
			return CardQR{}, err
		}
		q.OldID = f[1]
	}
	if q.FullName = strings.TrimSpace(f[2]); q.FullName == "" {
		return CardQR{}, newErr(qrKind, s, -1, "field 3 (full name)", ErrFormat, "empty")
	}
	if q.BirthDate, err = qrDate(f[3]); err != nil {
		return CardQR{}, newErr(qrKind, s, -1, "field 4 (date of birth)", ErrFormat, "%v", err)
	}
	switch strings.TrimSpace(f[4]) {
	case "Nam":
		q.Male = true
	case "Nữ":
	default:
		return CardQR{}, newErr(qrKind, s, -1, "field 5 (sex)", ErrFormat, "got %q, want Nam or Nữ", truncate(f[4], 16))
	}
	q.Address = strings.TrimSpace(f[5])
	if q.IssueDate, err = qrDate(f[6]); err != nil {
		return CardQR{}, newErr(qrKind, s, -1, "field 7 (issue date)", ErrFormat, "%v", err)
	}
	if err := q.PIN.CheckBirth(q.BirthDate, q.Male); err != nil {
		return CardQR{}, err
	}
	return q, nil
}

func qrDate(s string) (string, error) {
	t, err := time.Parse("02012006", s)
	if err != nil || len(s) != 8 {
		return "", &Error{Kind: "date", Input: truncate(s, 16), Pos: -1, Err: ErrFormat, Detail: "want ddMMyyyy"}
	}
	return t.Format("2006-01-02"), nil
}

const mrzKind = "MRZ line"

// MRZLine1 returns line 1 of the ICAO 9303 TD1 machine-readable zone of a chip-based CCCD card
// for the number: "IDVNM", the last 9 digits, their ICAO check digit, the full 12 digits, padded
// with "<" to 30 characters.
func MRZLine1(pin string) (string, error) {
	if len(pin) != 12 || firstNonDigit(pin) >= 0 {
		return "", newErr(mrzKind, pin, -1, "", ErrFormat, "want a 12-digit number")
	}
	doc := pin[3:]
	line := "IDVNM" + doc + string(rune('0'+icaoCheck(doc))) + pin
	return line + strings.Repeat("<", 30-len(line)), nil
}

// ParseMRZLine1 reads line 1 of a CCCD card's MRZ and returns the decoded number. It checks the
// document code, the issuing state VNM, the check digit of the document number, and that the
// document number is the last 9 digits of the full number.
func ParseMRZLine1(line string, opts ...Option) (PIN, error) {
	if len(line) != 30 {
		return PIN{}, newErr(mrzKind, line, -1, "", ErrLength, "got %d characters, want 30", len(line))
	}
	if line[:5] != "IDVNM" {
		return PIN{}, newErr(mrzKind, line, 0, "document code and state", ErrFormat, "want IDVNM")
	}
	doc, check, full := line[5:14], line[14], line[15:27]
	if i := firstNonDigit(doc); i >= 0 {
		return PIN{}, newErr(mrzKind, line, 5+i, "document number", ErrDigit, "")
	}
	if want := byte('0' + icaoCheck(doc)); check != want {
		return PIN{}, newErr(mrzKind, line, 14, "check digit", ErrCheckDigit, "got %q, want %q", check, want)
	}
	if strings.Trim(line[27:], "<") != "" {
		return PIN{}, newErr(mrzKind, line, 27, "filler", ErrFormat, "want <<<")
	}
	p, err := ParsePIN(full, opts...)
	if err != nil {
		return PIN{}, err
	}
	if full[3:] != doc {
		return PIN{}, newErr(mrzKind, line, 5, "document number", ErrFormat, "not the last 9 digits of the full number")
	}
	return p, nil
}

// icaoCheck is the ICAO 9303 check digit (weights 7, 3, 1) of a digit string.
func icaoCheck(s string) int {
	w := [3]int{7, 3, 1}
	sum := 0
	for i := 0; i < len(s); i++ {
		sum += int(s[i]-'0') * w[i%3]
	}
	return sum % 10
}
