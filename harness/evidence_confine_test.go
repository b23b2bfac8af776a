package harness

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
)

// TestEvidenceFileConfined: an evidence entry's file lies in the evidence file's directory or
// below; a path leaving it is refused when the file is read, and a symbolic link leaving it is not
// followed when the document is hashed.
func TestEvidenceFileConfined(t *testing.T) {
	cat := criteria.P06Technical()
	entry := func(file string) []byte {
		return []byte(`{"attestations":[{"criterion":"P06-SEC-20","document":"d","issued_by":"x","issued":"2025-01-01","expires":"2030-01-01","file":"` + file + `"}]}`)
	}
	for _, file := range []string{"../../../../etc/passwd", "/etc/passwd", "docs/../../secret.pdf", ".."} {
		_, err := ParseAttestations(entry(file), cat)
		require.Error(t, err, file)
		assert.Contains(t, err.Error(), "inside the evidence file's directory", file)
	}
	for _, file := range []string{"qd.pdf", "docs/qd.pdf", "docs/../qd.pdf"} {
		_, err := ParseAttestations(entry(file), cat)
		assert.NoError(t, err, file)
	}

	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.txt")
	require.NoError(t, os.WriteFile(outside, []byte("secret"), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "doc.pdf"), []byte("%PDF"), 0o600))
	if err := os.Symlink(outside, filepath.Join(dir, "link.pdf")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	sum, err := hashFile(dir, "doc.pdf")
	require.NoError(t, err)
	assert.Len(t, sum, 64)
	_, err = hashFile(dir, "link.pdf")
	require.Error(t, err, "a link out of the directory must not be followed")
	assert.NotContains(t, err.Error(), outside)
}
