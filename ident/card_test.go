package ident_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/ident"
)

func TestParseCardQR(t *testing.T) {
	cases := []struct {
		name   string
		in     string
		reason error
	}{
		{"valid", "079305001234|012345678|Nguyễn Thị Mai|04032005|Nữ|Số 1, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|01052021", nil},
		{"valid without CMND", "079305001234||Nguyễn Thị Mai|04032005|Nữ|Quận 1|01052021", nil},
		{"too few fields", "079305001234|012345678|Nguyễn Thị Mai", ident.ErrFormat},
		{"bad number", "079305001|012345678|Nguyễn Thị Mai|04032005|Nữ|Quận 1|01052021", ident.ErrLength},
		{"bad CMND", "079305001234|0123|Nguyễn Thị Mai|04032005|Nữ|Quận 1|01052021", ident.ErrLength},
		{"bad date", "079305001234||Nguyễn Thị Mai|2005-03-04|Nữ|Quận 1|01052021", ident.ErrFormat},
		{"bad sex", "079305001234||Nguyễn Thị Mai|04032005|F|Quận 1|01052021", ident.ErrFormat},
		{"sex disagrees", "079305001234||Nguyễn Thị Mai|04032005|Nam|Quận 1|01052021", ident.ErrSexMismatch},
		{"year disagrees", "079305001234||Nguyễn Thị Mai|04031995|Nữ|Quận 1|01052021", ident.ErrBirthMismatch},
		{"empty name", "079305001234||  |04032005|Nữ|Quận 1|01052021", ident.ErrFormat},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q, err := ident.ParseCardQR(c.in)
			if c.reason != nil {
				assert.ErrorIs(t, err, c.reason)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, "2005-03-04", q.BirthDate)
			assert.Equal(t, "2021-05-01", q.IssueDate)
			assert.False(t, q.Male)
			assert.Equal(t, "Nguyễn Thị Mai", q.FullName)
		})
	}
}

func TestMRZLine1(t *testing.T) {
	line, err := ident.MRZLine1("001085123445")
	require.NoError(t, err)
	assert.Len(t, line, 30)
	// Document number 085123445, ICAO 7-3-1 check digit: 0*7+8*3+5*1+1*7+2*3+3*1+4*7+4*3+5*1 = 90 -> 0.
	assert.Equal(t, "IDVNM0851234450001085123445<<<", line)
	p, err := ident.ParseMRZLine1(line)
	require.NoError(t, err)
	assert.Equal(t, "001085123445", p.Number)

	bad := []byte(line)
	bad[14] = '1'
	_, err = ident.ParseMRZLine1(string(bad))
	assert.ErrorIs(t, err, ident.ErrCheckDigit)
	_, err = ident.ParseMRZLine1("IDUSA0851234450001085123445<<<")
	assert.ErrorIs(t, err, ident.ErrFormat)
	_, err = ident.ParseMRZLine1("IDVNM0851234450001085123446<<<")
	assert.ErrorIs(t, err, ident.ErrFormat, "document number is not the tail of the full number")
	_, err = ident.MRZLine1("123")
	assert.ErrorIs(t, err, ident.ErrFormat)
}

func FuzzParseCardQR(f *testing.F) {
	f.Add("079305001234|012345678|Nguyễn Thị Mai|04032005|Nữ|Quận 1|01052021")
	f.Add("|||||||")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ident.ParseCardQR(s, ident.AnyBirthYear())
		if err == nil && len(q.PIN.Number) != 12 {
			t.Fatalf("accepted %q with number %q", s, q.PIN.Number)
		}
	})
}

func FuzzParseMRZLine1(f *testing.F) {
	f.Add("IDVNM0851234450001085123445<<<")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ident.ParseMRZLine1(s, ident.AnyBirthYear())
		if err != nil {
			return
		}
		line, err := ident.MRZLine1(p.Number)
		if err != nil || line != s {
			t.Fatalf("accepted %q but MRZLine1 gives %q, %v", s, line, err)
		}
	})
}
