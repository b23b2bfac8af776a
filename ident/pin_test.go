package ident_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/ident"
)

func TestParsePINCenturySexTable(t *testing.T) {
	// Every row of the century/sex table of docs/identifiers.md, with prefix 001 (Hà Nội).
	cases := []struct {
		name    string
		number  string
		century int
		year    int
		male    bool
	}{
		{"1900s male", "001085123445", 1900, 1985, true},
		{"1900s female", "001185123445", 1900, 1985, false},
		{"2000s male", "001205123445", 2000, 2005, true},
		{"2000s female", "001305123445", 2000, 2005, false},
		{"2100s male", "001412123445", 2100, 2112, true},
		{"2100s female", "001512123445", 2100, 2112, false},
		{"2200s male", "001699123445", 2200, 2299, true},
		{"2200s female", "001799123445", 2200, 2299, false},
		{"2300s male", "001800123445", 2300, 2300, true},
		{"2300s female", "001900123445", 2300, 2300, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, err := ident.ParsePIN(c.number, ident.AnyBirthYear())
			require.NoError(t, err)
			assert.Equal(t, "001", p.Prefix)
			assert.Equal(t, "Hà Nội", p.Province.Name)
			assert.False(t, p.Abroad)
			assert.Equal(t, c.century, p.Century)
			assert.Equal(t, c.year, p.Year)
			assert.Equal(t, c.male, p.Male)
			assert.Equal(t, "123445", p.Serial)
			g, ok := ident.CenturySexDigit(c.year, c.male)
			require.True(t, ok)
			assert.Equal(t, int(c.number[3]-'0'), g, "CenturySexDigit is the inverse")
		})
	}
}

func TestParsePINEveryProvince(t *testing.T) {
	ps := ident.Provinces()
	require.Len(t, ps, 63)
	for _, prov := range ps {
		p, err := ident.ParsePIN(prov.Code + "090000001")
		require.NoError(t, err, prov.Code)
		assert.Equal(t, prov, p.Province)
		assert.Equal(t, 1990, p.Year)
	}
	p, _ := ident.LookupProvince("026")
	assert.Equal(t, "26", p.AdminCode(), "MaTinhThanh of Vĩnh Phúc")
}

func TestParsePINRejects(t *testing.T) {
	asOf := ident.AsOf(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	cases := []struct {
		name   string
		in     string
		opts   []ident.Option
		reason error
		pos    int
		field  string
	}{
		{"empty", "", nil, ident.ErrLength, -1, ""},
		{"11 digits", "00108512344", nil, ident.ErrLength, -1, ""},
		{"13 digits", "0010851234456", nil, ident.ErrLength, -1, ""},
		{"letter in prefix", "0A1085123445", nil, ident.ErrDigit, 1, "province prefix (PPP)"},
		{"space in year", "0010 5123445", nil, ident.ErrDigit, 4, "year of birth (YY)"},
		{"letter in serial", "00108512344x", nil, ident.ErrDigit, 11, "random part (RRRRRR)"},
		{"gap in table 003", "003085123445", nil, ident.ErrPrefix, 0, "province prefix (PPP)"},
		{"country code not allowed", "999085123445", nil, ident.ErrPrefix, 0, "province prefix (PPP)"},
		{"born in the future", "001230123445", []ident.Option{asOf}, ident.ErrFutureBirth, 3, "century/sex and year (G YY)"},
		{"22nd century", "001400123445", []ident.Option{asOf}, ident.ErrFutureBirth, 3, "century/sex and year (G YY)"},
		{"full-width digits", "００１085123", nil, ident.ErrLength, -1, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ident.ParsePIN(c.in, c.opts...)
			require.Error(t, err)
			assert.ErrorIs(t, err, c.reason)
			var e *ident.Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, c.pos, e.Pos)
			assert.Equal(t, c.field, e.Field)
			assert.False(t, ident.ValidPIN(c.in, c.opts...))
			if len(c.in) == 12 {
				assert.NotContains(t, err.Error(), c.in, "the number is masked in the message")
			}
		})
	}
}

func TestParsePINUnknownPrefixOption(t *testing.T) {
	p, err := ident.ParsePIN("999085123445", ident.AllowUnknownPrefix())
	require.NoError(t, err)
	assert.True(t, p.Abroad)
	assert.Equal(t, "999", p.Prefix)
	assert.Equal(t, ident.Province{}, p.Province)
}

func TestCheckBirth(t *testing.T) {
	p, err := ident.ParsePIN("079305001234")
	require.NoError(t, err)
	cases := []struct {
		name   string
		date   string
		male   bool
		reason error
	}{
		{"iso", "2005-03-04", false, nil},
		{"slashes", "04/03/2005", false, nil},
		{"compact", "20050304", false, nil},
		{"year only", "2005", false, nil},
		{"other year", "1905-03-04", false, ident.ErrBirthMismatch},
		{"other sex", "2005-03-04", true, ident.ErrSexMismatch},
		{"garbage", "yesterday", false, ident.ErrFormat},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := p.CheckBirth(c.date, c.male)
			if c.reason == nil {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, c.reason)
		})
	}
}

func TestValidateCMND(t *testing.T) {
	assert.NoError(t, ident.ValidateCMND("012345678"))
	assert.ErrorIs(t, ident.ValidateCMND("01234567"), ident.ErrLength)
	assert.ErrorIs(t, ident.ValidateCMND("0123456789"), ident.ErrLength)
	err := ident.ValidateCMND("01234x678")
	assert.ErrorIs(t, err, ident.ErrDigit)
	var e *ident.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 5, e.Pos)
}

func TestMask(t *testing.T) {
	cases := map[string]string{
		"001085123445": "001*******45",
		"012345678":    "012****78",
		"abc":          "***",
		"":             "",
		"Nguyễn Văn A": "Ngu******* A",
	}
	for in, want := range cases {
		assert.Equal(t, want, ident.Mask(in), in)
	}
	assert.LessOrEqual(t, len([]rune(ident.Mask(strings.Repeat("9", 10000)))), 64)
	p, _ := ident.ParsePIN("001085123445")
	assert.Equal(t, "001*******45", p.String())
}

func TestErrorMessage(t *testing.T) {
	_, err := ident.ParsePIN("003085123445")
	require.Error(t, err)
	assert.Equal(t, `ident: personal identification number "003*******45" at position 1 (province prefix (PPP)): `+
		`unknown province or country prefix: 003 is not one of the 63 province codes; country codes of births abroad are not published`,
		err.Error())
}

// TestParsePINMultibyte: the regression cases of FuzzParsePIN (its corpus file
// testdata/fuzz/FuzzParsePIN/63d567f76ebe68c5 is the input "000*******00").
func TestParsePINMultibyte(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// 12 bytes, 11 characters: the length is counted in characters.
		{"0010851234é", `ident: personal identification number "001******4é": wrong length: got 11 characters, want 12 digits`},
		// 13 bytes, 12 characters: the offending character is quoted whole, not its first byte.
		{"0010851234é5", `ident: personal identification number "001*******é5" at position 11 (random part (RRRRRR)): not a digit: got "é"`},
		{"000*******00", `ident: personal identification number "000*******00" at position 4 (century/sex digit (G)): not a digit: got "*"`},
	} {
		_, err := ident.ParsePIN(tc.in)
		require.Error(t, err, tc.in)
		assert.Equal(t, tc.want, err.Error())
	}
	err := ident.ValidateCMND("0010851é")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `got 8 characters`)
	_, err = ident.ParseTaxCode("010010107é")
	require.Error(t, err)
	assert.NotRegexp(t, cutByte, err.Error())
}

// cutByte matches a %q escape of a byte ≥ 0x80: what quoting half of a multibyte character gives.
var cutByte = regexp.MustCompile(`\\x[89a-f][0-9a-f]`)

func FuzzParsePIN(f *testing.F) {
	for _, s := range []string{"001085123445", "003085123445", "", "0010851234", "00108512344x", "079305001234", "999999999999",
		"0010851234é", "0010851234é5", "000*******00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n := ident.NormalizePIN(s); strings.ContainsAny(n, " .-") {
			t.Fatalf("NormalizePIN(%q) = %q keeps separators", s, n)
		}
		p, err := ident.ParsePIN(s, ident.AnyBirthYear())
		if err != nil {
			var e *ident.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not an *ident.Error", err)
			}
			// A 12-character input is a number someone typed: its middle is masked. (An input
			// whose middle is already asterisks, such as "000*******00", is its own mask.)
			if utf8.RuneCountInString(s) == 12 && ident.Mask(s) != s && strings.Contains(err.Error(), s) {
				t.Fatalf("error message shows the number in full: %v", err)
			}
			if utf8.ValidString(s) && cutByte.MatchString(err.Error()) {
				t.Fatalf("error message cuts a character of valid UTF-8 input %q: %v", s, err)
			}
			return
		}
		if p.Number != s || len(s) != 12 {
			t.Fatalf("accepted %q as %+v", s, p)
		}
		again, err := ident.NewPIN(p.Prefix, p.Year, p.Male, atoi(p.Serial))
		if err != nil || again != s {
			t.Fatalf("NewPIN(%s,%d,%v,%s) = %q, %v; want %q", p.Prefix, p.Year, p.Male, p.Serial, again, err, s)
		}
	})
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func BenchmarkParsePIN(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ident.ParsePIN("001085123445"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParsePINInvalid(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ident.ParsePIN("003085123445"); err == nil {
			b.Fatal("accepted")
		}
	}
}

func TestNormalizePIN(t *testing.T) {
	cases := map[string]string{
		"001 085 123 445":    "001085123445",
		"001.085.123.445":    "001085123445",
		"001-085-123445":     "001085123445",
		"００１０８５１２３４４５":       "001085123445",
		" 001085123445\t":    "001085123445",
		"0010851234x5":       "0010851234x5",
		"":                   "",
		"0793 0500123":       "07930500123",
		"001\u00a0085123445": "001085123445",
	}
	for in, want := range cases {
		assert.Equal(t, want, ident.NormalizePIN(in), "%q", in)
	}
	assert.True(t, ident.ValidPIN(ident.NormalizePIN("001 085 123 445")))
	assert.False(t, ident.ValidPIN(ident.NormalizePIN("0793 0500123")), "normalizing does not make 11 digits valid")
}
