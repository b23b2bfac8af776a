package ident

// Person is a synthetic citizen, shared by the fakes of the national services (ssotest, popdbtest)
// so that the person who logs in through the fake SSO is the person the fake population database
// knows. Field names follow the population database's elements where they mirror it.
type Person struct {
	// ID is the 12-digit personal identification number (SoDinhDanh).
	ID string
	// OldID is the 9-digit CMND number, or empty.
	OldID string
	// Family, Middle and Given are Ho, ChuDem and Ten.
	Family, Middle, Given string
	// BirthDate is YYYY-MM-DD.
	BirthDate string
	// Male is true for male, false for female (the century/sex digit's parity).
	Male bool
	// Province is the 3-digit code of the birth-registration province (the ID's prefix).
	Province string
	// Address is the permanent residence (ThuongTru) in one line.
	Address string
	// Household is the household book number (SoSoHoKhau).
	Household string
	// Level is the e-ID assurance level of the person's account: 1 or 2.
	Level int
}

// FullName is "Ho ChuDem Ten".
func (p Person) FullName() string {
	n := p.Family
	if p.Middle != "" {
		n += " " + p.Middle
	}
	return n + " " + p.Given
}
