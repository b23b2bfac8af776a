package ident

import "strings"

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
	// Address is the permanent residence (ThuongTru) in one line: Residence.String().
	Address string
	// Household is the household book number (SoSoHoKhau).
	Household string
	// Level is the e-ID assurance level of the person's account: 1 or 2.
	Level int

	// Residence is the permanent residence (ThuongTru), also the current one (NoiOHienTai).
	Residence Place
	// Hometown is the place of origin (QueQuan).
	Hometown Place
	// BirthPlace is where the birth was registered (NoiDangKyKhaiSinh); its province is the ID's.
	BirthPlace Place
	// Ethnicity is the DanToc code ("01" is Kinh). Religion is the TonGiao code, "" for none.
	// The national code lists are NOT FOUND; the generator uses "01" and "".
	Ethnicity, Religion string
	// Nationality is the QuocTich code, "VN".
	Nationality string
	// Phone is a synthetic mobile number (SoDienThoai).
	Phone string
	// Father, Mother and Spouse are the IDs of relatives in the same synthetic population, or
	// empty.
	Father, Mother, Spouse string
	// HouseholdHead is the ID of the head of household (ChuHo); the person's own ID for a head.
	HouseholdHead string
	// Relation is the relation to the head of household (ChuHo.QuanHe): "CH01" for the head (the
	// one code seen in public sources), "CH02" spouse and "CH03" child (invented for the fakes).
	Relation string
}

// FullName is "Ho ChuDem Ten".
func (p Person) FullName() string {
	n := p.Family
	if p.Middle != "" {
		n += " " + p.Middle
	}
	return n + " " + p.Given
}

// Place is an address as the population database structures it.
type Place struct {
	// ProvinceCode, DistrictCode and WardCode are MaTinhThanh (the 2-digit administrative code,
	// e.g. "01" for Hà Nội), MaQuanHuyen and MaPhuongXa.
	ProvinceCode, DistrictCode, WardCode string
	// Province, District and Ward are TenTinhThanh, TenQuanHuyen and TenPhuongXa.
	Province, District, Ward string
	// Detail is ChiTiet: house number and street, village.
	Detail string
	// Country is QuocGia, "VN".
	Country string
}

// String is the address on one line, from the most to the least specific part.
func (p Place) String() string {
	var parts []string
	for _, s := range []string{p.Detail, p.Ward, p.District, p.Province} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}
