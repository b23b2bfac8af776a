package ident

import "strings"

// Mask hides the middle of an identifier for logs, evidence and messages: a 12-digit personal
// identification number "001085123445" becomes "001*******45" (the prefix and the last two digits
// stay, so a reader can tell numbers apart without learning them). Other text of 6 characters or
// more keeps its first 3 and last 2 characters; shorter text is masked entirely. Mask never fails.
func Mask(s string) string {
	r := []rune(s)
	const maxRunes = 64
	if len(r) > maxRunes { // hostile input: keep messages short
		r = append(r[:maxRunes-1], '…')
	}
	if len(r) < 6 {
		return strings.Repeat("*", len(r))
	}
	out := make([]rune, len(r))
	for i := range r {
		if i < 3 || i >= len(r)-2 {
			out[i] = r[i]
		} else {
			out[i] = '*'
		}
	}
	return string(out)
}
