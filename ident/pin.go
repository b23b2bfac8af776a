package ident

import (
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/p06kit/p06kit/internal/textx"
)

// PIN is a decoded 12-digit personal identification number (số định danh cá nhân, the number
// on the chip-based CCCD card), laid out PPP G YY RRRRRR. There is no check digit.
type PIN struct {
	// Number is the 12 digits.
	Number string
	// Prefix is PPP: the code of the province where the birth was registered, or a country code
	// for births registered abroad.
	Prefix string
	// Province is the birth-registration province; the zero value when Abroad.
	Province Province
	// Abroad is true when the prefix is not a province code (accepted only with
	// [AllowUnknownPrefix]): presumably a country code, whose table is NOT FOUND.
	Abroad bool
	// Male is the sex the century/sex digit G encodes: even for male, odd for female.
	Male bool
	// Century is the first year of the birth century G encodes: 1900, 2000, …, 2300.
	Century int
	// Year is the full year of birth: Century + YY.
	Year int
	// Serial is RRRRRR, the 6 random digits.
	Serial string
}

const pinKind = "personal identification number"

// ParsePIN validates and decodes a 12-digit personal identification number. It checks, in
// order: 12 characters, all ASCII digits, the prefix is a province code (or, with
// [AllowUnknownPrefix], anything), and the birth year implied by G and YY is not in the future
// (unless [AnyBirthYear]). The error is an [*Error] naming the position and the reason.
//
// Century/sex digit G (docs/identifiers.md): 0/1 born 1900–1999 male/female, 2/3 2000–2099, 4/5
// 2100–2199, 6/7 2200–2299, 8/9 2300–2399.
func ParsePIN(s string, opts ...Option) (PIN, error) {
	o := buildOptions(opts)
	if utf8.RuneCountInString(s) != 12 {
		return PIN{}, newErr(pinKind, s, -1, "", ErrLength, "got %d characters, want 12 digits", utf8.RuneCountInString(s))
	}
	if i := firstNonDigit(s); i >= 0 {
		return PIN{}, newErr(pinKind, s, i, pinField(i), ErrDigit, "got %q", charAt(s, i))
	}
	p := PIN{Number: s, Prefix: s[:3], Serial: s[6:]}
	if prov, ok := LookupProvince(p.Prefix); ok {
		p.Province = prov
	} else if o.unknownPrefix {
		p.Abroad = true
	} else {
		return PIN{}, newErr(pinKind, s, 0, pinField(0), ErrPrefix,
			"%s is not one of the 63 province codes; country codes of births abroad are not published", p.Prefix)
	}
	g := int(s[3] - '0')
	p.Male = g%2 == 0
	p.Century = 1900 + 100*(g/2)
	yy, _ := strconv.Atoi(s[4:6])
	p.Year = p.Century + yy
	if !o.anyYear && p.Year > o.asOf.Year() {
		return PIN{}, newErr(pinKind, s, 3, "century/sex and year (G YY)", ErrFutureBirth,
			"implies born in %d, after %d", p.Year, o.asOf.Year())
	}
	return p, nil
}

// ValidPIN reports whether s is a valid personal identification number under the options.
func ValidPIN(s string, opts ...Option) bool {
	_, err := ParsePIN(s, opts...)
	return err == nil
}

// Sex is "male" or "female".
func (p PIN) Sex() string {
	if p.Male {
		return "male"
	}
	return "female"
}

// String is the number masked with [Mask], safe for logs.
func (p PIN) String() string { return Mask(p.Number) }

// CheckBirth checks the number against a declared date of birth ("YYYY-MM-DD", "DD/MM/YYYY",
// "YYYYMMDD" or a bare year "YYYY") and sex: the century and year must match the date's year and
// the parity of G the sex. It returns an [*Error] wrapping [ErrBirthMismatch], [ErrSexMismatch]
// or [ErrFormat] for an unreadable date.
func (p PIN) CheckBirth(date string, male bool) error {
	year, err := BirthYear(date)
	if err != nil {
		return newErr(pinKind, p.Number, -1, "declared date of birth", ErrFormat, "%v", err)
	}
	if year != p.Year {
		return newErr(pinKind, p.Number, 3, "century/sex and year (G YY)", ErrBirthMismatch,
			"the number says %d, the declared date %d", p.Year, year)
	}
	if male != p.Male {
		want := "female"
		if male {
			want = "male"
		}
		return newErr(pinKind, p.Number, 3, "century/sex digit (G)", ErrSexMismatch,
			"the number says %s, declared %s", p.Sex(), want)
	}
	return nil
}

// BirthYear reads the year of a date of birth written "YYYY-MM-DD", "DD/MM/YYYY", "YYYYMMDD"
// (the population database's NgayThangNam) or "YYYY" (its Nam).
func BirthYear(date string) (int, error) {
	layouts := []string{"2006-01-02", "02/01/2006", "20060102", "2006"}
	for _, l := range layouts {
		if len(date) != len(l) {
			continue
		}
		if t, err := time.Parse(l, date); err == nil {
			return t.Year(), nil
		}
	}
	return 0, fmt.Errorf("date %q is not YYYY-MM-DD, DD/MM/YYYY, YYYYMMDD or YYYY", truncate(date, 32))
}

// CenturySexDigit returns the digit G for a birth year and sex, and false when the year is
// outside 1900–2399, which the table does not cover.
func CenturySexDigit(year int, male bool) (int, bool) {
	if year < 1900 || year > 2399 {
		return 0, false
	}
	g := 2 * ((year - 1900) / 100)
	if !male {
		g++
	}
	return g, true
}

func firstNonDigit(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return i
		}
	}
	return -1
}

// charAt returns the whole character that starts at byte offset i of s, so that an error quoting
// a non-digit never cuts a multibyte character in half.
func charAt(s string, i int) string {
	_, n := utf8.DecodeRuneInString(s[i:])
	return s[i : i+n]
}

func pinField(i int) string {
	switch {
	case i < 3:
		return "province prefix (PPP)"
	case i == 3:
		return "century/sex digit (G)"
	case i < 6:
		return "year of birth (YY)"
	default:
		return "random part (RRRRRR)"
	}
}

func truncate(s string, n int) string { return textx.Truncate(s, n) }

// NormalizePIN removes what people type around the digits of a number — spaces, dots, hyphens
// — and turns full-width digits (as some Vietnamese input methods produce) into ASCII, so that
// "001 085 123 445" and "００１０８５１２３４４５" become "001085123445". It does not validate:
// pass the result to [ParsePIN]. Any other character is kept, so that ParsePIN reports it.
func NormalizePIN(s string) string {
	const maxIn = 256 // typed input; anything longer is not a number
	if len(s) > maxIn {
		s = s[:maxIn]
	}
	b := make([]rune, 0, 12)
	for _, r := range s {
		switch {
		case r == ' ' || r == '.' || r == '-' || r == '\t' || r == '\u00a0' || r == '\u3000':
		case r >= '０' && r <= '９':
			b = append(b, '0'+(r-'０'))
		default:
			b = append(b, r)
		}
	}
	return string(b)
}
