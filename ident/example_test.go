package ident_test

import (
	"errors"
	"fmt"

	"github.com/p06kit/p06kit/ident"
)

func ExampleParsePIN() {
	p, err := ident.ParsePIN("001085123445")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Province.Name, p.Year, p.Sex(), p)
	// Output: Hà Nội 1985 male 001*******45
}

func ExampleParsePIN_invalid() {
	_, err := ident.ParsePIN("0010851234X5")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ident.ErrDigit))
	// Output:
	// ident: personal identification number "001*******X5" at position 11 (random part (RRRRRR)): not a digit: got "X"
	// true
}

func ExampleParseTaxCode() {
	tc, err := ident.ParseTaxCode("0100109106-001")
	fmt.Println(tc, err)
	_, err = ident.ParseTaxCode("0100109105")
	fmt.Println(err)
	// Output:
	// 0100109106-001 <nil>
	// ident: tax code "010*****05" at position 10 (check digit): wrong check digit: got 5, want 6
}

func ExampleMask() {
	fmt.Println(ident.Mask("079305001234"))
	// Output: 079*******34
}

func ExampleSynthetic() {
	people := ident.Synthetic(1, 3)
	for _, p := range people {
		pin, _ := ident.ParsePIN(p.ID)
		fmt.Println(pin.CheckBirth(p.BirthDate, p.Male) == nil, p.Household == people[0].Household)
	}
	// Output:
	// true true
	// true true
	// true true
}
