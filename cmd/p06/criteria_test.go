package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
)

func TestCriteriaJSONRoundTrip(t *testing.T) {
	for _, id := range criteria.Builtins() {
		t.Run(id, func(t *testing.T) {
			code, out, stderr := p06("criteria", "--catalogue", id, "--format", "json")
			require.Equal(t, exitOK, code, stderr)
			published, err := criteria.BuiltinJSON(id)
			require.NoError(t, err)
			assert.Equal(t, string(published), out, "json output is the published file byte for byte")
			back, err := criteria.Load(strings.NewReader(out))
			require.NoError(t, err)
			want, _ := criteria.Builtin(id)
			assert.Equal(t, want, back)

			// and a file written from it loads through --catalogue FILE to the same output
			file := filepath.Join(t.TempDir(), "cat.json")
			require.NoError(t, os.WriteFile(file, []byte(out), 0o644))
			code, again, stderr := p06("criteria", "--catalogue", file, "--format", "json")
			require.Equal(t, exitOK, code, stderr)
			assert.Equal(t, out, again)
		})
	}
}

func TestCriteriaQD766SumsTo100(t *testing.T) {
	code, out, _ := p06("criteria", "--catalogue", "qd766", "--format=json")
	require.Equal(t, exitOK, code)
	c, err := criteria.Load(strings.NewReader(out))
	require.NoError(t, err)
	require.Len(t, c.Groups, 6)
	total := 0.0
	for _, cr := range c.Criteria {
		total += cr.Points
	}
	assert.Equal(t, 100.0, total)
}

func TestCriteriaSelection(t *testing.T) {
	code, out, stderr := p06("criteria", "--group", "security", "--tag", "tls,cookies", "--format", "json")
	require.Equal(t, exitOK, code, stderr)
	c, err := criteria.Load(strings.NewReader(out))
	require.NoError(t, err, "a selection is still a valid catalogue")
	assert.Equal(t, []string{"P06-SEC-01", "P06-SEC-02", "P06-SEC-03", "P06-SEC-04", "P06-SEC-05", "P06-SEC-06", "P06-SEC-11", "P06-SEC-16"}, c.IDs())
	require.Len(t, c.Groups, 1)
}

func TestCriteriaTable(t *testing.T) {
	// The footer's counts come from the catalogue, so adding a criterion changes no test here.
	cat := criteria.P06Technical()
	n, critical := len(cat.Criteria), len(cat.Select(criteria.IsCritical()))
	tests := []struct {
		name   string
		args   []string
		header string
		row    string
		footer string
	}{
		{"vietnamese default", nil, "Mã", "Chỉ chấp nhận TLS 1.2 trở lên", fmt.Sprintf("%d tiêu chí, %d trọng yếu (!)", n, critical)},
		{"english", []string{"--lang", "en"}, "ID", "Only TLS 1.2 or newer is accepted", fmt.Sprintf("%d criteria, %d critical (!)", n, critical)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := p06(append([]string{"criteria"}, append(tt.args, "--width", "100")...)...)
			require.Equal(t, exitOK, code, stderr)
			lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
			var header string
			for _, l := range lines {
				if strings.HasPrefix(l, tt.header+" ") {
					header = l
				}
				assert.LessOrEqual(t, displayWidth(l), 100, "line wider than --width: %q", l)
			}
			require.NotEmpty(t, header, "no header line")
			assert.Contains(t, out, tt.row)
			assert.Contains(t, out, tt.footer)
			// The title column starts at the same display column on every row.
			titleCol := displayWidth(header) - displayWidth(lastField(header))
			for _, l := range lines {
				if !strings.HasPrefix(l, "P06-") {
					continue
				}
				fields := strings.Fields(l)
				assert.Equal(t, titleCol, displayWidth(prefixBefore(l, titleCol)), "misaligned row %q", l)
				assert.Equal(t, "P06", fields[0][:3])
			}
		})
	}
}

// lastField returns the header's last column label.
func lastField(header string) string {
	f := strings.Fields(header)
	return f[len(f)-1]
}

// prefixBefore returns the part of line that takes cols display columns.
func prefixBefore(line string, cols int) string {
	head, _ := cutWidth(line, cols)
	return head
}

func TestCriteriaMarkdown(t *testing.T) {
	code, out, stderr := p06("criteria", "--format", "md", "--lang", "en", "--group", "signature")
	require.Equal(t, exitOK, code, stderr)
	assert.True(t, strings.HasPrefix(out, "# Project 06 technical requirements"), out[:80])
	assert.Contains(t, out, "## Digital signatures (`signature`)")
	assert.Contains(t, out, "| [P06-SIG-01](#p06-sig-01) |")
	assert.Contains(t, out, "### P06-SIG-03")
	assert.Contains(t, out, "critical: a failure caps the grade")
	assert.NotContains(t, out, "P06-SEC-01")

	code, out, _ = p06("criteria", "--format", "md", "--catalogue", "qd766", "--group", "online-service")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "- Ngưỡng: 80%")
	assert.Contains(t, out, "- Công thức: ")
}

func TestCriteriaErrors(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.json")
	require.NoError(t, os.WriteFile(broken, []byte(`{"id":"x","version":"1.0.0","title":{"vi":"x"},"effective_from":"2022-01-01",
"groups":[{"id":"g","title":{"vi":"g"}}],
"criteria":[{"id":"A-1","group":"h","title":{"vi":"t"},"requirement":{"vi":"r"},"advice":{"vi":"a"},"level":"mandatory","points":1,"critical":false,"method":"automated","basis":[{"document":"d","kind":"derived"}],"scope":["province"],"effective_from":"2022-01-01","tags":[]}]}`), 0o644))
	notJSON := filepath.Join(dir, "not.json")
	require.NoError(t, os.WriteFile(notJSON, []byte("{\n  \"id\": 1,,\n}"), 0o644))
	tests := []struct {
		name   string
		args   []string
		stderr []string
	}{
		{"bad file names the JSON path", []string{"--catalogue", broken}, []string{"broken.json", `$.criteria[0].group: group "h" does not exist`, `$.groups[0]: group "g" has no criteria`}},
		{"malformed JSON names line and column", []string{"--catalogue", notJSON}, []string{"dòng 2, cột 11"}},
		{"missing file", []string{"--catalogue", filepath.Join(dir, "nope.json")}, []string{"nope.json: không tìm thấy"}},
		{"unknown built-in", []string{"--catalogue", "p07"}, []string{`no built-in catalogue "p07"`}},
		{"unknown format", []string{"--format", "xml"}, []string{`--format "xml": cần table, md hoặc json`, "cách dùng: p06 criteria"}},
		{"unknown language", []string{"--lang", "fr"}, []string{`--lang "fr": cần vi hoặc en`, "cách dùng: p06 criteria"}},
		{"unknown flag", []string{"--colour"}, []string{"không có tùy chọn --colour", "cách dùng: p06 criteria"}},
		{"unknown flag in English", []string{"--lang", "en", "--colour"}, []string{"unknown flag --colour", "usage: p06 criteria"}},
		{"positional argument", []string{"security"}, []string{`thừa đối số "security"`}},
		{"unknown group", []string{"--group", "securty"}, []string{`không có nhóm "securty"`, "các nhóm: identity, population-data"}},
		{"tag matching nothing", []string{"--tag", "blockchain"}, []string{"không tiêu chí nào của bộ p06-technical khớp", "các nhãn hiện có:", "oidc"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := p06(append([]string{"criteria"}, tt.args...)...)
			assert.Equal(t, exitCantRun, code)
			assert.Empty(t, out)
			for _, want := range tt.stderr {
				assert.Contains(t, stderr, want)
			}
		})
	}
	code, stdout, stderr := p06("criteria", "--help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "cách dùng: p06 criteria", "help goes to stdout")
	assert.Empty(t, stderr)
}

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"Chữ ký số", 9},                // precomposed (NFC)
		{"Chu\u031b\u0303 ky\u0301", 6}, // decomposed (NFD): marks take no column
		{"日本", 4},
		{"\t", 0},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			assert.Equal(t, tt.want, displayWidth(tt.s))
		})
	}
}

func TestWrapText(t *testing.T) {
	tests := []struct {
		name string
		s    string
		cols int
		want []string
	}{
		{"fits", "Chữ ký số", 20, []string{"Chữ ký số"}},
		{"wraps at spaces", "Không để lộ đường dẫn nhạy cảm", 12, []string{"Không để lộ", "đường dẫn", "nhạy cảm"}},
		{"cuts a long word", "Strict-Transport-Security", 10, []string{"Strict-Tra", "nsport-Sec", "urity"}},
		{"keeps marks with their base", "ky\u0301ky\u0301", 2, []string{"ky\u0301", "ky\u0301"}},
		{"empty", "", 5, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrapText(tt.s, tt.cols)
			assert.Equal(t, tt.want, got)
			for _, l := range got {
				assert.LessOrEqual(t, displayWidth(l), tt.cols)
			}
		})
	}
}
