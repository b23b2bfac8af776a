package ident

import (
	"errors"
	"fmt"
)

// The reasons an identifier is rejected; an [*Error] wraps one of them, so callers branch with
// errors.Is.
var (
	// ErrLength: the identifier has the wrong number of characters.
	ErrLength = errors.New("wrong length")
	// ErrDigit: a character that must be a digit is not.
	ErrDigit = errors.New("not a digit")
	// ErrPrefix: the 3-digit prefix is not a known province code (and unknown prefixes, such as
	// the country codes of births abroad, were not allowed).
	ErrPrefix = errors.New("unknown province or country prefix")
	// ErrFutureBirth: the birth year the number implies is after the reference date.
	ErrFutureBirth = errors.New("birth year in the future")
	// ErrBirthMismatch: the number's birth century and year differ from the declared birth date.
	ErrBirthMismatch = errors.New("birth year does not match the declared date of birth")
	// ErrSexMismatch: the number's century/sex digit differs from the declared sex.
	ErrSexMismatch = errors.New("sex does not match the declared sex")
	// ErrCheckDigit: the tax code's check digit is wrong.
	ErrCheckDigit = errors.New("wrong check digit")
	// ErrRemainderZero: the tax code's weighted sum is divisible by 11, for which no official
	// check digit rule is known (see [RemainderZeroRule]).
	ErrRemainderZero = errors.New("weighted sum divisible by 11: check digit undefined")
	// ErrBranch: the branch suffix of a 13-character tax code is malformed or not allowed.
	ErrBranch = errors.New("bad branch suffix")
	// ErrFormat: the text does not have the expected structure (QR payload, MRZ line, date).
	ErrFormat = errors.New("malformed")
	// ErrNotYetInForce: the form was not valid on the reference date (a 12-digit personal
	// number as a tax code before 01/07/2025).
	ErrNotYetInForce = errors.New("not yet in force on the reference date")
)

// Error says why an identifier was rejected: which kind of identifier, where and why. Its
// message never shows the identifier in full (personal identification numbers are masked).
type Error struct {
	// Kind is what was being parsed: "personal identification number", "CMND number",
	// "tax code", "CCCD QR payload", "MRZ line".
	Kind string
	// Input is the rejected text, masked with [Mask].
	Input string
	// Field names the part concerned, e.g. "province prefix (PPP)", "check digit"; may be empty.
	Field string
	// Pos is the 0-based byte offset of the offending character, or -1 when the whole input is
	// concerned.
	Pos int
	// Detail adds specifics, e.g. "got 11 characters, want 12".
	Detail string
	// Err is the reason: one of the Err* sentinels of this package.
	Err error
}

func (e *Error) Error() string {
	s := fmt.Sprintf("ident: %s %q", e.Kind, e.Input)
	if e.Pos >= 0 {
		s += fmt.Sprintf(" at position %d", e.Pos+1)
	}
	if e.Field != "" {
		s += " (" + e.Field + ")"
	}
	s += ": " + e.Err.Error()
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// Unwrap returns the reason, so errors.Is(err, ErrPrefix) works.
func (e *Error) Unwrap() error { return e.Err }

func newErr(kind, input string, pos int, field string, reason error, detail string, a ...any) *Error {
	if len(a) > 0 {
		detail = fmt.Sprintf(detail, a...)
	}
	return &Error{Kind: kind, Input: Mask(input), Field: field, Pos: pos, Detail: detail, Err: reason}
}
