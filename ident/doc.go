// Package ident validates, decodes and generates Vietnamese identifiers: the 12-digit personal
// identification number (số định danh cá nhân, the CCCD number), the old 9-digit CMND number,
// the tax code (mã số thuế) and the QR and MRZ of the chip-based card; and it provides synthetic
// citizens for tests.
//
//	p, err := ident.ParsePIN("001085123445")
//	if err != nil {
//		return err // an *ident.Error: what, at which position, why
//	}
//	fmt.Println(p.Province.Name, p.Year, p.Sex()) // Hà Nội 1985 male
//
// # The personal identification number
//
// Twelve digits laid out PPP G YY RRRRRR (Decree 137/2015/NĐ-CP Art. 13; codes from Circular
// 59/2021/TT-BCA): PPP the province where the birth was registered (see [Provinces]), G the
// century and sex (even male, odd female: 0/1 1900s, 2/3 2000s, … 8/9 2300s), YY the year, and 6
// random digits. There is no check digit, so [ParsePIN] validates the length, the digits, the
// prefix and the plausibility of the birth year, and [PIN.CheckBirth] compares the number with a
// declared date of birth and sex.
//
// Uncertain rules, documented as such:
//   - births registered abroad carry a country code instead of a province code, and the
//     country-code table is NOT FOUND in public sources: numbers with a prefix outside the
//     province table are rejected unless [AllowUnknownPrefix] is given;
//   - the province table is the 63 provinces before the 2025 merger; the numbers issued keep
//     their prefix (unverified, but consistent with the code being the birth-registration place).
//
// # The tax code
//
// [ParseTaxCode] accepts the 10-digit code with its mod-11 check digit (weights 31, 29, 23, 19,
// 17, 13, 7, 5, 3), the 13-character branch form NNNNNNNNNN-BBB and, from 2025, an individual's
// 12-digit personal identification number. When the weighted sum is divisible by 11 the published
// formula gives 10, which is not a digit, and no official rule is known: such codes are rejected
// by default ([ErrRemainderZero]); [RemainderZero] with [RemainderZeroIsZero] takes the check
// digit to be 0 instead. The suffix "-000" is rejected unless [AllowBranch000].
//
// # Synthetic citizens
//
// [Synthetic] and [DefaultPeople] generate deterministic households of synthetic people with valid
// numbers, Vietnamese names, structured addresses and relatives. The fakes of the national
// services (ssotest, popdbtest) share [DefaultPeople], so the person who logs in is the person the
// population database knows. [NewPIN] makes a single valid number, [NewTaxCode] a valid tax code,
// and [NormalizePIN] cleans up a number as people type it.
//
// # Privacy
//
// Errors never print a number in full: [Mask] keeps the prefix and the last two digits
// ("001*******45"), and [PIN.String] is masked too.
package ident
