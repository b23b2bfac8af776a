package ident_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/ident"
)

// remainderZero is a 10-digit prefix whose weighted sum is divisible by 11, found by search so
// the test does not depend on a hand computation.
func remainderZero(t testing.TB) string {
	for i := 0; i < 1000000; i++ {
		s := fmt.Sprintf("0100%05d", i)
		if d, ok := ident.TaxCheckDigit(s); !ok && d == 10 {
			return s
		}
	}
	t.Fatal("no remainder-0 prefix found")
	return ""
}

func TestTaxCheckDigit(t *testing.T) {
	d, ok := ident.TaxCheckDigit("010010910")
	require.True(t, ok)
	assert.Equal(t, 6, d, "Viettel 0100109106: weighted sum 114, 114 mod 11 = 4, 10-4 = 6")
	d, ok = ident.TaxCheckDigit("01001091x")
	assert.False(t, ok)
	assert.Equal(t, -1, d)
}

func TestParseTaxCode(t *testing.T) {
	rz := remainderZero(t)
	cases := []struct {
		name     string
		in       string
		opts     []ident.Option
		reason   error
		branch   string
		personal bool
	}{
		{"viettel", "0100109106", nil, nil, "", false},
		{"branch", "0100109106-001", nil, nil, "001", false},
		{"branch without hyphen", "0100109106001", nil, nil, "001", false},
		{"branch 000 rejected", "0100109106-000", nil, ident.ErrBranch, "", false},
		{"branch 000 allowed", "0100109106-000", []ident.Option{ident.AllowBranch000()}, nil, "000", false},
		{"branch letters", "0100109106-0a1", nil, ident.ErrDigit, "", false},
		{"wrong check digit", "0100109105", nil, ident.ErrCheckDigit, "", false},
		{"wrong check digit in branch form", "0100109105-001", nil, ident.ErrCheckDigit, "", false},
		{"letters", "01001O9106", nil, ident.ErrDigit, "", false},
		{"too short", "010010910", nil, ident.ErrLength, "", false},
		{"bad separator", "0100109106/001", nil, ident.ErrLength, "", false},
		{"remainder zero rejected by default", rz + "0", nil, ident.ErrRemainderZero, "", false},
		{"remainder zero as zero", rz + "0", []ident.Option{ident.RemainderZero(ident.RemainderZeroIsZero)}, nil, "", false},
		{"remainder zero, digit 1, as zero", rz + "1", []ident.Option{ident.RemainderZero(ident.RemainderZeroIsZero)}, ident.ErrCheckDigit, "", false},
		{"personal number", "001085123445", nil, nil, "", true},
		{"personal number refused", "001085123445", []ident.Option{ident.NoPersonalTaxCode()}, ident.ErrLength, "", false},
		{"personal number before 01/07/2025", "001085123445", []ident.Option{ident.AsOf(time.Date(2025, 6, 30, 23, 0, 0, 0, time.FixedZone("ICT", 7*3600)))}, ident.ErrNotYetInForce, "", false},
		{"personal number from 01/07/2025", "001085123445", []ident.Option{ident.AsOf(time.Date(2025, 7, 1, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600)))}, nil, "", true},
		{"personal number with bad prefix", "003085123445", nil, ident.ErrPrefix, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tc, err := ident.ParseTaxCode(c.in, c.opts...)
			if c.reason != nil {
				require.Error(t, err)
				assert.ErrorIs(t, err, c.reason)
				var e *ident.Error
				assert.True(t, errors.As(err, &e))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.branch, tc.Branch)
			assert.Equal(t, c.personal, tc.Personal)
		})
	}
}

func FuzzParseTaxCode(f *testing.F) {
	for _, s := range []string{"0100109106", "0100109106-001", "0100109106001", "001085123445", "x", "0100109106-000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tc, err := ident.ParseTaxCode(s, ident.AnyBirthYear())
		if err != nil {
			var e *ident.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not an *ident.Error", err)
			}
			return
		}
		if tc.Personal {
			return
		}
		d, ok := ident.TaxCheckDigit(tc.Number[:9])
		if !ok || int(tc.Number[9]-'0') != d {
			t.Fatalf("accepted %q with a wrong check digit", s)
		}
	})
}

func BenchmarkParseTaxCode(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ident.ParseTaxCode("0100109106-001"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestNewTaxCode(t *testing.T) {
	tc, err := ident.NewTaxCode("010010910")
	require.NoError(t, err)
	assert.Equal(t, "0100109106", tc)
	_, err = ident.NewTaxCode(remainderZero(t))
	assert.ErrorIs(t, err, ident.ErrRemainderZero)
	_, err = ident.NewTaxCode("12345")
	assert.ErrorIs(t, err, ident.ErrFormat)
	for i := 0; i < 2000; i++ {
		code, err := ident.NewTaxCode(fmt.Sprintf("%09d", i*7919))
		if err != nil {
			continue
		}
		_, err = ident.ParseTaxCode(code)
		require.NoError(t, err, code)
	}
}
