package ident

import (
	"time"
	"unicode/utf8"
)

// PersonalTaxCodeFrom is the first moment (00:00 of 01/07/2025, Vietnam time) at which an
// individual's 12-digit personal identification number is their tax code, under Circular
// 86/2024/TT-BTC [S: from public sources, to be verified; docs/identifiers.md].
var PersonalTaxCodeFrom = time.Date(2025, 7, 1, 0, 0, 0, 0, vietnam)

var vietnam = time.FixedZone("ICT", 7*3600)

// TaxCode is a validated tax code (mã số thuế, MST).
type TaxCode struct {
	// Number is the 10-digit code, or the 12-digit personal identification number when Personal.
	Number string
	// Branch is the 3-digit suffix of a dependent unit or branch ("NNNNNNNNNN-BBB"), or empty.
	Branch string
	// Personal is true when the code is an individual's 12-digit personal identification number,
	// the tax code of individuals from 01/07/2025 (Circular 86/2024/TT-BTC).
	Personal bool
}

// String is the code in its canonical written form: "NNNNNNNNNN" or "NNNNNNNNNN-BBB"; a personal
// number is masked.
func (t TaxCode) String() string {
	if t.Personal {
		return Mask(t.Number)
	}
	if t.Branch != "" {
		return t.Number + "-" + t.Branch
	}
	return t.Number
}

const taxKind = "tax code"

// taxWeights are the weights of digits 1–9 of the 10-digit tax code (docs/identifiers.md).
var taxWeights = [9]int{31, 29, 23, 19, 17, 13, 7, 5, 3}

// TaxCheckDigit computes the check digit of the first 9 digits of a tax code: 10 − (Σ Ni·Wi mod
// 11) with weights 31, 29, 23, 19, 17, 13, 7, 5, 3; remainder 10 gives 0. When the remainder is 0
// the formula gives 10, which is not a digit: ok is false and the caller applies a
// [RemainderZeroRule]. first9 must be 9 ASCII digits; otherwise ok is false and digit -1.
func TaxCheckDigit(first9 string) (digit int, ok bool) {
	if len(first9) != 9 || firstNonDigit(first9) >= 0 {
		return -1, false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(first9[i]-'0') * taxWeights[i]
	}
	r := sum % 11
	if r == 0 {
		return 10, false
	}
	return (10 - r) % 10, true
}

// ParseTaxCode validates a tax code in one of its forms:
//
//   - "NNNNNNNNNN": 10 digits, the 10th a mod-11 check digit over the first 9 ([TaxCheckDigit]);
//   - "NNNNNNNNNN-BBB" (or the same 13 digits without the hyphen): a dependent unit or branch;
//     the 10-digit part must check, the suffix has no checksum, "000" is refused unless
//     [AllowBranch000];
//   - a 12-digit personal identification number, an individual's tax code from
//     [PersonalTaxCodeFrom] (01/07/2025), validated by [ParsePIN]; refused with
//     [ErrNotYetInForce] when the reference date ([AsOf], default now) is before that day, and
//     always with [NoPersonalTaxCode].
//
// The rule for a weighted sum divisible by 11 is not published: see [RemainderZeroRule]; by
// default such codes are rejected with [ErrRemainderZero].
func ParseTaxCode(s string, opts ...Option) (TaxCode, error) {
	o := buildOptions(opts)
	var tc TaxCode
	switch {
	case len(s) == 10:
		tc.Number = s
	case len(s) == 14 && s[10] == '-':
		tc.Number, tc.Branch = s[:10], s[11:]
	case len(s) == 13:
		tc.Number, tc.Branch = s[:10], s[10:]
	case len(s) == 12:
		if o.noPersonalTax {
			return TaxCode{}, newErr(taxKind, s, -1, "", ErrLength,
				"12-digit personal numbers are not accepted as tax codes here; want 10 digits")
		}
		if o.asOf.Before(PersonalTaxCodeFrom) {
			return TaxCode{}, newErr(taxKind, s, -1, "", ErrNotYetInForce,
				"a 12-digit personal number is a tax code only from 01/07/2025 (Circular 86/2024/TT-BTC); on %s want 10 digits", o.asOf.In(vietnam).Format("02/01/2006"))
		}
		if _, err := ParsePIN(s, opts...); err != nil {
			return TaxCode{}, err
		}
		return TaxCode{Number: s, Personal: true}, nil
	default:
		return TaxCode{}, newErr(taxKind, s, -1, "", ErrLength,
			"got %d characters, want 10 digits, NNNNNNNNNN-BBB or a 12-digit personal number", utf8.RuneCountInString(s))
	}
	if i := firstNonDigit(tc.Number); i >= 0 {
		return TaxCode{}, newErr(taxKind, s, i, "", ErrDigit, "got %q", charAt(s, i))
	}
	if tc.Branch != "" {
		off := len(s) - 3
		if i := firstNonDigit(tc.Branch); i >= 0 {
			return TaxCode{}, newErr(taxKind, s, off+i, "branch suffix", ErrDigit, "got %q", charAt(tc.Branch, i))
		}
		if tc.Branch == "000" && !o.branch000 {
			return TaxCode{}, newErr(taxKind, s, off, "branch suffix", ErrBranch, "branches are numbered from 001")
		}
	}
	want, ok := TaxCheckDigit(tc.Number[:9])
	if !ok {
		if o.remainderZero != RemainderZeroIsZero {
			return TaxCode{}, newErr(taxKind, s, 9, "check digit", ErrRemainderZero,
				"the official rule is not published; use RemainderZero(RemainderZeroIsZero) to accept 0")
		}
		want = 0
	}
	if got := int(tc.Number[9] - '0'); got != want {
		return TaxCode{}, newErr(taxKind, s, 9, "check digit", ErrCheckDigit, "got %d, want %d", got, want)
	}
	return tc, nil
}

// NewTaxCode completes 9 digits into a valid 10-digit tax code by appending the check digit. It
// fails for input that is not 9 ASCII digits, and with [ErrRemainderZero] when the weighted sum is
// divisible by 11 (no digit is valid under the default rule: pick other digits).
func NewTaxCode(first9 string) (string, error) {
	d, ok := TaxCheckDigit(first9)
	switch {
	case d < 0:
		return "", newErr(taxKind, first9, -1, "", ErrFormat, "want 9 digits")
	case !ok:
		return "", newErr(taxKind, first9, 9, "check digit", ErrRemainderZero, "choose other digits")
	}
	return first9 + string(rune('0'+d)), nil
}
