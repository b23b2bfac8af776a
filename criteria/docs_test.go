package criteria_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every document the code cites lives in the repository: a "docs/….md" named in a Go, JSON or
// Markdown file exists, and no file cites notes that are not in the repository.
func TestCitedDocsExist(t *testing.T) {
	root := ".."
	outside := []string{"DOMAIN" + ".md", "DESIGN" + ".md"}
	cite := regexp.MustCompile(`docs/[a-z0-9-]+\.md`)
	cited := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name == ".git" || name == "node_modules" || (strings.HasPrefix(name, ".") && path != root) {
				return filepath.SkipDir
			}
			return nil
		}
		ext := filepath.Ext(path)
		if ext != ".go" && ext != ".json" && ext != ".md" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, o := range outside {
			assert.NotContains(t, string(b), o, "%s cites notes outside the repository", path)
		}
		for _, m := range cite.FindAllString(string(b), -1) {
			cited[m] = true
		}
		return nil
	})
	require.NoError(t, err)
	require.NotEmpty(t, cited)
	for doc := range cited {
		_, err := os.Stat(filepath.Join(root, doc))
		assert.NoError(t, err, "%s is cited but missing", doc)
	}
}
