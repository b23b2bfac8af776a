package criteria_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
)

const versionsFile = "catalogues/versions.txt"

// contentHash is the SHA-256 of the catalogue's canonical JSON with the version left empty:
// what changes when anything but the version does.
func contentHash(t *testing.T, c *criteria.Catalogue) string {
	t.Helper()
	cp := *c // the version is a field of the copy; nothing else is modified
	cp.Version = ""
	b, err := cp.MarshalIndent()
	require.NoError(t, err)
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// readVersions reads catalogues/versions.txt: "ID VERSION sha256:HEX" per line, '#' comments.
func readVersions(t *testing.T) map[string][2]string {
	t.Helper()
	b, err := os.ReadFile(versionsFile)
	require.NoError(t, err)
	out := map[string][2]string{}
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		require.Len(t, f, 3, "%s:%d: want ID VERSION sha256:HEX", versionsFile, i+1)
		out[f[0]] = [2]string{f[1], f[2]}
	}
	return out
}

func writeVersions(t *testing.T, v map[string][2]string) {
	t.Helper()
	var b strings.Builder
	b.WriteString("# Version and content hash of each built-in catalogue (see \"Catalogue versions\" in the\n")
	b.WriteString("# package documentation). Written by go test ./criteria -update; never edit the hash by hand.\n")
	for _, id := range criteria.Builtins() {
		fmt.Fprintf(&b, "%s %s %s\n", id, v[id][0], v[id][1])
	}
	require.NoError(t, os.WriteFile(versionsFile, []byte(b.String()), 0o644))
}

// semverLess compares MAJOR.MINOR.PATCH (pre-release suffixes are not used by the built-in
// catalogues and compare as their numeric part).
func semverLess(a, b string) bool {
	num := func(s string) [3]int {
		var out [3]int
		s, _, _ = strings.Cut(s, "-")
		for i, p := range strings.SplitN(s, ".", 3) {
			out[i], _ = strconv.Atoi(p)
		}
		return out
	}
	x, y := num(a), num(b)
	for i := range x {
		if x[i] != y[i] {
			return x[i] < y[i]
		}
	}
	return false
}

// A built-in catalogue's content cannot change without a new version that has a changelog
// entry: reports carry the version, and the same version must always mean the same criteria.
func TestCatalogueVersionFollowsContent(t *testing.T) {
	stored := readVersions(t)
	changelog, err := os.ReadFile("CHANGELOG.md")
	require.NoError(t, err)
	next := map[string][2]string{}
	for id, v := range stored {
		next[id] = v
	}
	dirty := false
	for _, id := range criteria.Builtins() {
		c, err := criteria.Builtin(id)
		require.NoError(t, err)
		version, hash := c.Version, contentHash(t, c)
		old, known := stored[id]
		heading := fmt.Sprintf("## %s %s", id, version)
		hasEntry := strings.Contains(string(changelog), heading+" ") || strings.Contains(string(changelog), heading+"\n")
		switch {
		case known && old[1] == hash && old[0] == version:
			assert.True(t, hasEntry, "criteria/CHANGELOG.md has no entry %q", heading)
			continue
		case known && old[0] == version:
			t.Errorf("catalogue %s changed but its version is still %s: bump it by the rules in the package documentation "+
				"(\"Catalogue versions\"), add an entry \"## %s NEW-VERSION\" to criteria/CHANGELOG.md listing what changed, then run go test ./criteria -update", id, version, id)
			continue
		case known && !semverLess(old[0], version):
			t.Errorf("catalogue %s: version %s is not after %s, the version recorded in %s", id, version, old[0], versionsFile)
			continue
		case !hasEntry:
			t.Errorf("catalogue %s %s: criteria/CHANGELOG.md has no entry %q", id, version, heading)
			continue
		}
		next[id] = [2]string{version, hash}
		dirty = true
		if !*update {
			t.Errorf("catalogue %s is now %s (%s): run go test ./criteria -update to record it in %s", id, version, hash, versionsFile)
		}
	}
	if dirty && *update {
		writeVersions(t, next)
	}
}

// The test above refuses a content change under the same version.
func TestContentHashSeesEveryChange(t *testing.T) {
	a := criteria.P06Technical()
	base := contentHash(t, criteria.P06Technical())
	a.Criteria[3].Basis[0].EffectiveUntil = "2030-01-01"
	assert.NotEqual(t, base, contentHash(t, a))
	b := criteria.P06Technical()
	b.Version = "9.9.9"
	assert.Equal(t, base, contentHash(t, b), "the version alone is not content")
	assert.True(t, semverLess("1.0.0", "1.1.0"))
	assert.True(t, semverLess("1.9.0", "1.10.0"))
	assert.False(t, semverLess("1.1.0", "1.1.0"))
	_, err := os.Stat(filepath.Join("catalogues", "versions.txt"))
	require.NoError(t, err)
}

// Every basis and successor of the built-in catalogues that has an article or a note has it in
// Vietnamese too, so that a Vietnamese report shows no untranslated provision or note.
func TestBasesBilingual(t *testing.T) {
	for _, id := range criteria.Builtins() {
		c, err := criteria.Builtin(id)
		require.NoError(t, err)
		check := func(where, article, articleVI, note, noteVI string) {
			if article != "" {
				assert.NotEmpty(t, articleVI, "%s %s: article %q has no article_vi", id, where, article)
			}
			if note != "" {
				assert.NotEmpty(t, noteVI, "%s %s: note has no note_vi", id, where)
			}
		}
		bases := map[string][]criteria.Basis{"catalogue": c.Basis}
		for _, cr := range c.Criteria {
			bases[cr.ID] = cr.Basis
		}
		for where, bs := range bases {
			for i, b := range bs {
				w := fmt.Sprintf("%s basis[%d] (%s)", where, i, b.Document)
				check(w, b.Article, b.ArticleVI, b.Note, b.NoteVI)
				if b.IssuerNow != "" {
					assert.NotEmpty(t, b.IssuerNowVI, "%s: issuer_now has no issuer_now_vi", w)
				}
				for j, s := range b.SupersededBy {
					check(fmt.Sprintf("%s superseded_by[%d]", w, j), s.Article, s.ArticleVI, s.Note, s.NoteVI)
				}
			}
		}
	}
}

func TestArticleAndNoteIn(t *testing.T) {
	b := criteria.Basis{Article: "Art. 8(2)", ArticleVI: "Điều 8 khoản 2", Note: "n", NoteVI: "ghi chú"}
	assert.Equal(t, "Điều 8 khoản 2", b.ArticleIn("vi"))
	assert.Equal(t, "Art. 8(2)", b.ArticleIn("en"))
	assert.Equal(t, "ghi chú", b.NoteIn("vi"))
	assert.Equal(t, "n", b.NoteIn("en"))
	b.ArticleVI, b.NoteVI = "", ""
	assert.Equal(t, "Art. 8(2)", b.ArticleIn("vi"), "no Vietnamese: the English")
	assert.Equal(t, "n", b.NoteIn("vi"))
}
