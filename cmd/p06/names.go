package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// uniqueNames returns a file name for each key (a portal's URL, a survey unit): base(key) + ext,
// unique among them without regard to case (file systems on Windows and macOS ignore it). When
// keys share a base name, each of them gets "-" and 8 hexadecimal digits of the SHA-256 of the
// whole key, so that names stay the same from run to run whatever the order; a key given twice
// gets a counter as well.
func uniqueNames(keys []string, base func(string) string, ext string) []string {
	bases := make([]string, len(keys))
	count := map[string]int{}
	for i, k := range keys {
		bases[i] = base(k)
		count[strings.ToLower(bases[i])]++
	}
	names := make([]string, len(keys))
	taken := map[string]bool{}
	for i := range keys {
		if count[strings.ToLower(bases[i])] == 1 {
			names[i] = bases[i] + ext
			taken[strings.ToLower(names[i])] = true
		}
	}
	for i, k := range keys {
		if names[i] != "" {
			continue
		}
		sum := sha256.Sum256([]byte(k))
		stem := bases[i] + "-" + hex.EncodeToString(sum[:4])
		name := stem + ext
		for n := 2; taken[strings.ToLower(name)]; n++ {
			name = fmt.Sprintf("%s-%d%s", stem, n, ext)
		}
		names[i] = name
		taken[strings.ToLower(name)] = true
	}
	return names
}
