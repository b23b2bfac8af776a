package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The criterion pages under docs/criteria are generated from the built-in catalogue and must
// be up to date (go test ./harness/report -update rewrites them).
func TestCriterionPagesUpToDate(t *testing.T) {
	cat := criteria.P06Technical()
	dir := filepath.Join("..", "..", "docs", "criteria")
	if *update {
		require.NoError(t, os.MkdirAll(dir, 0o755))
	}
	var index bytes.Buffer
	index.WriteString("# Tiêu chí / Criteria\n\n" +
		"Một trang cho mỗi tiêu chí của bộ " + cat.ID + " " + cat.Version + ", sinh từ bộ tiêu chí " +
		"(`go test ./harness/report -update`); các báo cáo liên kết tới đây.\n" +
		"One page per criterion, generated from the catalogue; reports link here.\n\n" +
		"| | |\n|:---|:---|\n")
	want := map[string]bool{"README.md": true}
	for i := range cat.Criteria {
		c := &cat.Criteria[i]
		var b bytes.Buffer
		require.NoError(t, WriteCriterionPage(&b, cat, c))
		name := c.ID + ".md"
		want[name] = true
		fmt.Fprintf(&index, "| [%s](%s) | %s |\n", c.ID, name, mdCell(c.Title.In("vi")))
		page := b.String()
		assert.Contains(t, page, "### Yêu cầu")
		assert.Contains(t, page, "### Legal basis")
		// The Vietnamese part reads in Vietnamese: no English function word outside code
		// spans and URLs (the English part follows "## English").
		vi, _, found := strings.Cut(page, "\n## English\n")
		assert.True(t, found)
		assert.Empty(t, msg.EnglishWords(vi), "%s: English words in the Vietnamese part", c.ID)
		checkPage(t, filepath.Join(dir, name), b.Bytes())
	}
	checkPage(t, filepath.Join(dir, "README.md"), index.Bytes())
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.True(t, want[e.Name()], "%s is not a criterion of %s: remove it", e.Name(), cat.ID)
	}
}

func checkPage(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	b, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./harness/report -update to generate it")
	assert.Equal(t, string(b), string(got), "%s is out of date: run go test ./harness/report -update", path)
	assert.False(t, strings.Contains(string(got), "\r"))
}
