package ident

import "unicode/utf8"

const cmndKind = "CMND number"

// ValidateCMND checks an old identity card (CMND) number: 9 ASCII digits. The CMND has no public
// structure or checksum, so nothing more can be validated offline. (The 12-digit CMND issued
// 2012–2016 has the layout of the personal identification number: use [ParsePIN].)
func ValidateCMND(s string) error {
	if utf8.RuneCountInString(s) != 9 {
		return newErr(cmndKind, s, -1, "", ErrLength, "got %d characters, want 9 digits", utf8.RuneCountInString(s))
	}
	if i := firstNonDigit(s); i >= 0 {
		return newErr(cmndKind, s, i, "", ErrDigit, "got %q", charAt(s, i))
	}
	return nil
}
