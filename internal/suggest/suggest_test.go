package suggest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClosest(t *testing.T) {
	cmds := []string{"demo", "scan", "score", "criteria", "index766", "survey", "report", "version"}
	assert.Equal(t, []string{"scan"}, Closest("sacn", cmds, 2))
	assert.Equal(t, []string{"score"}, Closest("scor", cmds, 2))
	assert.Equal(t, []string{"scan"}, Closest("scn", cmds, 2))
	assert.Equal(t, []string{"survey"}, Closest("SURVY", cmds, 2), "case is ignored")
	assert.Empty(t, Closest("xyzzy", cmds, 2), "nothing close: no suggestion")
	assert.Empty(t, Closest("scan", cmds, 2), "an exact match is not a suggestion")
	ids := []string{"P06-SEC-01", "P06-SEC-02", "P06-SEC-03", "P06-SEC-13", "P06-UX-03"}
	assert.Equal(t, []string{"P06-SEC-03"}, Closest("P06-SEC-3", ids, 1))
	assert.Equal(t, []string{"P06-SEC-03", "P06-SEC-13"}, Closest("p06-sec-o3", ids, 2), "ties keep the candidates' order")
	assert.Equal(t, []string{"lang"}, Closest("--lnag", []string{"format", "lang", "out"}, 2), "leading dashes are ignored")
	assert.Equal(t, []string{"P06-SEC-03"}, Closest("sec-03", ids, 1), "a contained name is offered after close ones")
	assert.Nil(t, Closest("", ids, 2))
}

func TestHint(t *testing.T) {
	assert.Equal(t, " (did you mean scan?)", Hint("sacn", []string{"scan", "demo"}))
	assert.Equal(t, " (did you mean scan or span?)", Hint("sxan", []string{"scan", "span"}))
	assert.Equal(t, "", Hint("zzz", []string{"scan"}))
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"a", "", 1}, {"kitten", "sitting", 3}, {"sacn", "scan", 1}, {"đăng", "dang", 2}, {"tot", "tốt", 1}} {
		assert.Equal(t, c.d, distance(c.a, c.b), "%s/%s", c.a, c.b)
	}
}
