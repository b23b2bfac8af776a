package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/msg"
)

// `p06 criteria --format md --lang vi` renders each built-in catalogue in Vietnamese: no
// English function word outside code spans and URLs, line by line so that a failure names the
// criterion. Configuration in advice belongs in code spans, foreign standards carry a
// Vietnamese name (document_vi).
func TestCriteriaMarkdownIsVietnamese(t *testing.T) {
	for _, id := range criteria.Builtins() {
		t.Run(id, func(t *testing.T) {
			code, out, stderr := p06("criteria", "--format", "md", "--lang", "vi", "--catalogue", id)
			require.Equal(t, exitOK, code, stderr)
			criterion := ""
			for _, line := range strings.Split(out, "\n") {
				if strings.HasPrefix(line, "### ") {
					criterion = strings.TrimPrefix(line, "### ")
				}
				assert.Empty(t, msg.EnglishWords(line), "%s %s", criterion, line)
			}
		})
	}
}
