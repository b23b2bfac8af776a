package ident

import "time"

// Option adjusts how identifiers are validated. Options are sealed: only this package defines
// them, so new ones never break callers. The zero set of options is the strict default.
type Option interface{ apply(options) options }

type options struct {
	unknownPrefix bool
	asOf          time.Time
	anyYear       bool
	remainderZero RemainderZeroRule
	branch000     bool
	noPersonalTax bool
}

// optionFunc works on a copy so that validating allocates nothing (a pointer passed through
// the interface would escape).
type optionFunc func(*options)

func (f optionFunc) apply(o options) options { f(&o); return o }

func buildOptions(opts []Option) options {
	var o options
	for _, op := range opts {
		if op != nil {
			o = op.apply(o)
		}
	}
	if o.asOf.IsZero() {
		o.asOf = time.Now()
	}
	return o
}

// AllowUnknownPrefix accepts personal identification numbers whose 3-digit prefix is not in the
// province table. Numbers of births registered abroad carry a country code instead of a province
// code, and the country-code table is NOT FOUND in any public source (docs/identifiers.md), so by
// default such numbers are rejected with [ErrPrefix]; with this option they parse, with
// [PIN.Abroad] set and no province.
func AllowUnknownPrefix() Option { return optionFunc(func(o *options) { o.unknownPrefix = true }) }

// AsOf sets the reference date for plausibility: a number implying a birth year after it is
// rejected with [ErrFutureBirth]. Default: the current time.
func AsOf(t time.Time) Option { return optionFunc(func(o *options) { o.asOf = t }) }

// AnyBirthYear disables the future-birth-year check, e.g. to decode the 22nd–24th century rows
// of the century/sex table.
func AnyBirthYear() Option { return optionFunc(func(o *options) { o.anyYear = true }) }

// RemainderZeroRule says what a tax code whose weighted digit sum is divisible by 11 means. The
// formula N10 = 10 − (Σ mod 11) then gives 10, which is not a digit; the official rule is NOT
// FOUND (docs/identifiers.md) and implementations differ.
type RemainderZeroRule int

const (
	// RejectRemainderZero rejects such codes with [ErrRemainderZero]. The default: a code the
	// rule cannot decide is not accepted as valid.
	RejectRemainderZero RemainderZeroRule = iota
	// RemainderZeroIsZero takes the check digit to be 0, as some implementations do.
	RemainderZeroIsZero
)

// RemainderZero chooses the tax-code rule for a weighted sum divisible by 11.
func RemainderZero(r RemainderZeroRule) Option {
	return optionFunc(func(o *options) { o.remainderZero = r })
}

// AllowBranch000 accepts the 13-character tax-code form with branch suffix "-000", which some
// validators reject (branches are numbered from 001) and which is rejected by default.
func AllowBranch000() Option { return optionFunc(func(o *options) { o.branch000 = true }) }

// NoPersonalTaxCode rejects 12-digit personal identification numbers as tax codes. By default
// they are accepted: from 01/07/2025 an individual's personal identification number is their tax
// code (Circular 86/2024/TT-BTC; from public sources, to be verified).
func NoPersonalTaxCode() Option { return optionFunc(func(o *options) { o.noPersonalTax = true }) }
