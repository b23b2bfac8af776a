// Package textx shortens text for messages and reports without breaking UTF-8: Vietnamese text
// is mostly multi-byte, and a cut in the middle of a character shows as a replacement mark.
package textx

import "unicode/utf8"

// Ellipsis is what Truncate puts after text it shortened.
const Ellipsis = "…"

// Truncate returns s cut to at most n characters (runes), followed by an ellipsis when it was
// cut. n below 0 counts as 0.
func Truncate(s string, n int) string {
	n = max(n, 0)
	if len(s) <= n { // at most n bytes: at most n runes
		return s
	}
	i, count := 0, 0
	for i < len(s) && count < n {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		count++
	}
	if i == len(s) {
		return s
	}
	return s[:i] + Ellipsis
}

// TruncateBytes returns s cut to at most n bytes without splitting a UTF-8 sequence, followed
// by tail when it was cut (tail is not counted in n). It bounds sizes, where Truncate bounds
// what a reader sees.
func TruncateBytes(s string, n int, tail string) string {
	n = max(n, 0)
	if len(s) <= n {
		return s
	}
	s = s[:n]
	// Drop a sequence cut short: back up over continuation bytes to its first byte, and drop
	// that too unless the sequence is complete.
	for i := len(s) - 1; i >= 0 && i >= len(s)-utf8.UTFMax; i-- {
		if !utf8.RuneStart(s[i]) {
			continue
		}
		if r, size := utf8.DecodeRuneInString(s[i:]); r == utf8.RuneError && size <= 1 && s[i] >= utf8.RuneSelf {
			s = s[:i]
		}
		break
	}
	return s + tail
}
