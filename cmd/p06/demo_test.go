package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/scoring"
)

// TestDemo runs the README's first command as a newcomer would: in Vietnamese, the default.
func TestDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("the demo starts two portals and six fakes")
	}
	out := t.TempDir()
	code, stdout, stderr := p06("demo", "--out", out)
	require.Equal(t, exitOK, code, stderr)
	for _, want := range []string{"CỔNG THAM CHIẾU", "CỔNG LỖI", "Giới hạn xếp loại của cổng lỗi", "Các lỗi chính của cổng lỗi",
		"Báo cáo: " + filepath.Join(out, "reference.json"), "(tệp minh chứng: " + filepath.Join(out, "evidence.json") + ")",
		"Hai lần đánh giá chạy hết ", "p06 report diff " + filepath.Join(out, "reference.json") + " " + filepath.Join(out, "broken.json")} {
		assert.Contains(t, stdout, want)
	}
	// Progress: each phase on stderr.
	for _, want := range []string{"p06 demo: khởi động cổng tham chiếu và cổng lỗi", "p06 demo: đang đánh giá cổng tham chiếu (https://127.0.0.1:",
		"p06 demo: đang đánh giá cổng lỗi (", "p06 demo: đã đánh giá cổng tham chiếu trong", "p06 demo: đã đánh giá cổng lỗi trong",
		"p06 demo: ghi báo cáo vào " + out} {
		assert.Contains(t, stderr, want)
	}
	// Every line the demo prints reads as Vietnamese. The findings ("thấy:") and the advice
	// ("sửa:") quote configuration (alg "none", SSLProtocol -all): their words are the checks'
	// and the catalogue's, which harness/messages_test.go reads.
	for _, line := range strings.Split(stdout+stderr, "\n") {
		if l := strings.TrimSpace(line); strings.HasPrefix(l, "thấy:") || strings.HasPrefix(l, "sửa:") {
			continue
		}
		assert.Empty(t, msg.EnglishWords(line), "English in a Vietnamese demo: %q", line)
	}

	cat := criteria.P06Technical()
	reports := map[string]*scoring.Report{}
	for _, name := range []string{"reference", "broken"} {
		data, err := os.ReadFile(filepath.Join(out, name+".json"))
		require.NoError(t, err)
		require.NoError(t, report.Validate(report.ReportSchemaName, data), "%s.json against the report schema", name)
		r, err := report.ReadJSON(strings.NewReader(string(data)))
		require.NoError(t, err)
		reports[name] = r
		html, err := os.ReadFile(filepath.Join(out, name+".html"))
		require.NoError(t, err)
		assert.Contains(t, string(html), "<svg")
		assert.NotContains(t, string(html), "<script src=")
	}

	ref := reports["reference"]
	assert.Equal(t, 1.0, ref.Scores.Compliance.Rate, "the reference portal meets every mandatory criterion")
	assert.Empty(t, ref.Scores.Caps)
	for _, f := range ref.Findings {
		c, ok := cat.Criterion(f.Criterion)
		require.True(t, ok)
		if c.Method == criteria.Automated || c.Method == criteria.Assisted {
			assert.Contains(t, []scoring.Status{scoring.Pass, scoring.NotApplicable}, f.Status, "%s: %s", f.Criterion, f.Message)
		}
	}

	// The seed's targets measured on the portal's catalogue stand in the report.
	require.Len(t, ref.Targets, 2)
	for _, tg := range ref.Targets {
		assert.True(t, tg.Met, "%s: %.2f of %d", tg.ID, tg.Measured, tg.Denominator)
	}

	broken := reports["broken"]
	failing := map[string]bool{}
	for _, f := range broken.Findings {
		if f.Status == scoring.Fail {
			failing[f.Group] = true
		}
	}
	for _, g := range cat.Groups {
		assert.True(t, failing[g.ID], "the broken portal fails nothing in group %s", g.ID)
	}
	assert.NotEmpty(t, broken.Scores.Caps)
	assert.Equal(t, "yeu", broken.Scores.Grade)

	// The same scorecards and summary in English.
	var en strings.Builder
	printScorecards(&en, cat, "en", ref, broken)
	printDemoSummary(&en, "en", []string{filepath.Join(out, "reference.json")}, filepath.Join(out, "evidence.json"), out, 0)
	for _, want := range []string{"REFERENCE PORTAL", "BROKEN PORTAL", "Caps applied to the broken portal", "Top findings of the broken portal",
		"Reports: " + filepath.Join(out, "reference.json"), "Both assessments ran in 0.0s"} {
		assert.Contains(t, en.String(), want)
	}
}

// The demo's progress speaks the demo's language, counts the checks, and --quiet silences it.
func TestDemoProgress(t *testing.T) {
	var b strings.Builder
	p := newDemoProgress(&b, "vi", false, 2)
	p.phase(mDemoAssessing, p.portalName("broken"), "https://127.0.0.1:1")
	for range liveEvery {
		p.observe(scoring.Finding{Status: scoring.Fail})
	}
	r := &scoring.Report{Scores: scoring.Scores{Overall: 30, Grade: "yeu", Grading: "qd766", Compliance: scoring.Compliance{Met: 3, Applicable: 60}}}
	p.assessed("broken", r, nil, 0)
	out := b.String()
	assert.Contains(t, out, "p06 demo: đang đánh giá cổng lỗi (https://127.0.0.1:1), mọi phép kiểm tra tự động và bán tự động…\n")
	assert.Contains(t, out, "p06 demo: đã xong 20 phép kiểm tra (20 không đạt), 0/2 cổng\n")
	assert.Contains(t, out, "p06 demo: đã đánh giá cổng lỗi trong 0.0s: điểm 30.0, xếp loại Yếu, 3/60 tiêu chí bắt buộc đạt\n")

	b.Reset()
	p = newDemoProgress(&b, "en", true, 2)
	p.phase(mDemoAssessing, p.portalName("reference"), "https://127.0.0.1:1")
	for range liveEvery {
		p.observe(scoring.Finding{Status: scoring.Pass})
	}
	p.assessed("reference", r, nil, 0)
	assert.Empty(t, b.String(), "--quiet")
}
