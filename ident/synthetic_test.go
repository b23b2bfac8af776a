package ident_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/ident"
)

func TestSyntheticValidAndDeterministic(t *testing.T) {
	a, b := ident.Synthetic(7, 200), ident.Synthetic(7, 200)
	require.Len(t, a, 200)
	assert.Equal(t, a, b, "same seed, same people")
	assert.NotEqual(t, a, ident.Synthetic(8, 200), "another seed, other people")

	byID := map[string]ident.Person{}
	for _, p := range a {
		byID[p.ID] = p
	}
	assert.Len(t, byID, 200, "numbers are unique")
	for _, p := range a {
		pin, err := ident.ParsePIN(p.ID)
		require.NoError(t, err, p.ID)
		assert.NoError(t, pin.CheckBirth(p.BirthDate, p.Male), p.ID)
		assert.Equal(t, p.Province, pin.Prefix)
		assert.Equal(t, pin.Province.AdminCode(), p.BirthPlace.ProvinceCode)
		if p.OldID != "" {
			assert.NoError(t, ident.ValidateCMND(p.OldID))
		}
		assert.Contains(t, []int{1, 2}, p.Level)
		assert.NotEmpty(t, p.Residence.Ward)
		assert.Equal(t, p.Residence.String(), p.Address)
		head, ok := byID[p.HouseholdHead]
		require.True(t, ok, "head of household %s is in the population", p.HouseholdHead)
		assert.Equal(t, head.Household, p.Household)
		assert.Equal(t, head.Address, p.Address)
		if p.Spouse != "" {
			assert.Equal(t, p.ID, byID[p.Spouse].Spouse, "spouses point at each other")
			assert.NotEqual(t, p.Male, byID[p.Spouse].Male)
		}
		if p.Father != "" {
			assert.True(t, byID[p.Father].Male)
			assert.Equal(t, byID[p.Father].Family, p.Family, "children take the father's family name")
		}
		if p.Mother != "" {
			assert.False(t, byID[p.Mother].Male)
		}
		if !p.Male {
			assert.NotEqual(t, "Văn", p.Middle)
		}
		year := 0
		fmt.Sscanf(p.BirthDate, "%d", &year)
		assert.LessOrEqual(t, year, 2010, "old enough for an e-ID account")
	}
	assert.Equal(t, ident.Synthetic(2022, 20), ident.DefaultPeople())
	assert.Nil(t, ident.Synthetic(1, 0))
}

func TestNewPIN(t *testing.T) {
	id, err := ident.NewPIN("048", 2003, false, 42)
	require.NoError(t, err)
	assert.Equal(t, "048303000042", id)
	_, err = ident.NewPIN("003", 2003, false, 42)
	assert.ErrorIs(t, err, ident.ErrPrefix)
	_, err = ident.NewPIN("048", 1899, false, 42)
	assert.Error(t, err)
	_, err = ident.NewPIN("048", 2003, false, 1000000)
	assert.Error(t, err)
}

func BenchmarkSynthetic(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ident.Synthetic(1, 1000)
	}
}
