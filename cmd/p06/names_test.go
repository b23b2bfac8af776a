package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestUniqueNames: keys whose names fold to the same file get a short hash of the whole key; no
// two names are equal even without regard to case, and a name does not depend on the order.
func TestUniqueNames(t *testing.T) {
	base := func(k string) string {
		return strings.Map(func(r rune) rune { return map[bool]rune{true: r, false: '_'}[r >= 'a' && r <= 'z'] }, k)
	}
	keys := []string{"ab", "a_b", "a/b", "c", "C", "ab", "a_b-0b3c0cc4"}
	names := uniqueNames(keys, base, ".json")
	seen := map[string]bool{}
	for i, n := range names {
		assert.False(t, seen[strings.ToLower(n)], "%s (for %q) repeats", n, keys[i])
		seen[strings.ToLower(n)] = true
		assert.True(t, strings.HasSuffix(n, ".json"))
	}
	assert.Equal(t, "a_b.json", names[1][:3]+".json", "the readable part stays")
	rev := uniqueNames([]string{"a/b", "a_b"}, base, ".json")
	assert.Equal(t, []string{names[2], names[1]}, rev)
	assert.Equal(t, []string{"x.json"}, uniqueNames([]string{"x"}, base, ".json"), "a name that collides with none stays plain")
}

// TestScanReportNames: the URLs the issue found overwriting each other's reports get distinct,
// stable names; a URL that collides with none keeps its plain name.
func TestScanReportNames(t *testing.T) {
	urls := []string{"https://a.example/p1/x", "https://a.example/p1_x", "https://a.example/?a=1", "https://a.example/?a=2",
		"http://b.example/", "https://b.example/", "https://c.example:8443/dvc"}
	names := reportNames(urls, "json")
	seen := map[string]string{}
	for _, u := range urls {
		n := names[u]
		assert.NotContains(t, seen, strings.ToLower(n), "%s and %s share %s", u, seen[strings.ToLower(n)], n)
		seen[strings.ToLower(n)] = u
	}
	assert.Regexp(t, `^a\.example_p1_x-[0-9a-f]{8}\.json$`, names[urls[0]])
	assert.Equal(t, "c.example_8443_dvc.json", names[urls[6]])
	assert.Equal(t, names[urls[5]], reportNames([]string{urls[5], urls[4]}, "json")[urls[5]], "stable whatever the order")
}
