package main

import (
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Help asked for is an answer: usage on stdout, nothing on stderr, exit 0, for every command
// and every way of asking.
func TestHelpOnStdoutForEveryCommand(t *testing.T) {
	var cmds [][]string
	for name := range commands {
		cmds = append(cmds, []string{name})
	}
	cmds = append(cmds, []string{"report", "diff"}, []string{"report", "render"}, []string{"index766", "generate"})
	for _, c := range cmds {
		for _, h := range []string{"--help", "-h", "-help"} {
			args := append(append([]string{}, c...), h)
			code, stdout, stderr := p06(args...)
			assert.Equal(t, exitOK, code, "%v", args)
			assert.Contains(t, stdout, "cách dùng: p06", "%v", args)
			assert.Empty(t, stderr, "%v", args)
		}
	}
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"help", "scan"}} {
		code, stdout, stderr := p06(args...)
		assert.Equal(t, exitOK, code, "%v", args)
		assert.NotEmpty(t, stdout, "%v", args)
		assert.Empty(t, stderr, "%v", args)
	}
	_, stdout, _ := p06("help", "scan")
	assert.Contains(t, stdout, "p06 scan")
	// Without arguments p06 is a usage error: usage on stderr, exit 2.
	code, stdout, stderr := p06()
	assert.Equal(t, exitCantRun, code)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "Các lệnh:")
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}, {"-version"}} {
		code, stdout, stderr := p06(args...)
		assert.Equal(t, exitOK, code, "%v", args)
		assert.Regexp(t, `^p06kit \S+`, stdout)
		assert.Empty(t, stderr)
	}
	code, _, stderr := p06("version", "extra")
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr, `thừa đối số "extra"`)
	code, _, stderr = p06("version", "--lang", "en", "extra")
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr, `unexpected argument "extra"`)
	code, stdout, _ := p06("version", "--lang=en")
	assert.Equal(t, exitOK, code)
	assert.Regexp(t, `^p06kit \S+`, stdout)

	assert.Equal(t, "dev", versionFrom("", nil))
	assert.Equal(t, "v1.2.3", versionFrom("v1.2.3", nil))
	bi := &debug.BuildInfo{Main: debug.Module{Version: "v0.4.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "3f2c1ab9d0e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4"}, {Key: "vcs.modified", Value: "true"}}}
	assert.Equal(t, "v0.4.0 (3f2c1ab9d0e8, dirty)", versionFrom("", bi))
	bi.Main.Version = "(devel)"
	bi.Settings[1].Value = "false"
	assert.Equal(t, "dev (3f2c1ab9d0e8)", versionFrom("", bi))
	assert.Regexp(t, regexp.MustCompile(`^\S`), version())
}

func TestSuggestions(t *testing.T) {
	code, _, stderr := p06("sacn", "https://x.example/")
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr, `không có lệnh "sacn" (có phải ý bạn là scan?)`)
	code, _, stderr = p06("sacn", "--lang", "en")
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr, `unknown command "sacn" (did you mean scan?)`)
	code, _, stderr = p06("criteria", "--lnag", "en")
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr, "không có tùy chọn --lnag (có phải ý bạn là --lang?)")
	code, _, stderr = p06("report", "diff", "a.json", "b.json", "--fromat", "json", "--lang=en")
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr, "unknown flag --fromat (did you mean --format?)")
}

// --format text is a summary for people: score, grade, coverage, groups (a group nobody
// assessed says "chưa kiểm tra", never 0.0) and what to fix first.
func TestScanTextSummary(t *testing.T) {
	srv, ca := tlsPortal(t, headersHandler(false))
	code, stdout, stderr := p06("scan", "--format", "text", "--only", "P06-SEC-09", "--ca", ca, srv.URL+"/")
	assert.Equal(t, exitNotMet, code, stderr)
	for _, want := range []string{"Báo cáo đánh giá theo Đề án 06", "Xếp loại", "tiêu chí đã đánh giá", "Cần sửa trước (1)",
		"P06-SEC-09", "Cách khắc phục:", "Chữ ký số", "chưa kiểm tra",
		// an --only run says it is partial and gives no grade; the traffic it sent is stated
		"Đánh giá một phần", "--only P06-SEC-09", "Điểm: không tính điểm", "Xếp loại: không xếp loại", "0 / 1 tiêu chí bắt buộc được chọn đạt",
		"Lưu lượng gửi tới cổng", "p06kit " + version()} {
		assert.Contains(t, stdout, want)
	}
	assert.NotContains(t, stdout, "{", "a summary, not JSON")
	assert.Contains(t, stderr, "ĐÁNH GIÁ MỘT PHẦN 1 tiêu chí (P06-SEC-09): 0/1 tiêu chí bắt buộc được chọn đạt", "progress in Vietnamese too")
	assert.Contains(t, stderr, "không tính điểm, không xếp loại")
	// Not a terminal and no --format: JSON, as before.
	_, stdout, _ = p06("scan", "--only", "P06-SEC-09", "--ca", ca, srv.URL+"/")
	assert.True(t, strings.HasPrefix(stdout, "{"), "JSON when stdout is not a terminal")
}
