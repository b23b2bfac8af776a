package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/p06kit/p06kit/harness/msg"
)

// Every command and subcommand with its flags, as help and flag errors name them.
var helpCommands = [][]string{
	{"demo"}, {"scan"}, {"score"}, {"criteria"}, {"index766"}, {"index766", "generate"}, {"survey"},
	{"report"}, {"report", "diff"}, {"report", "render"}, {"version"},
}

// viWords are the English function words of a Vietnamese help text, outside flag names (which
// are the command's words in every language: --only, --as-of).
func viWords(s string) []string {
	return msg.EnglishWords(flagName.ReplaceAllString(s, "--"))
}

// Help is in the run's language: Vietnamese by default (flag descriptions included), English
// with --lang en; on stdout, exit 0, for every command.
func TestHelpInTheRunsLanguage(t *testing.T) {
	for _, c := range append(helpCommands, []string{}) {
		args := append(append([]string{}, c...), "--help")
		code, stdout, stderr := p06(args...)
		assert.Equal(t, exitOK, code, "%v", args)
		assert.Empty(t, stderr, "%v", args)
		assert.NotEmpty(t, stdout, "%v", args)
		assert.Empty(t, viWords(stdout), "%v: English in the Vietnamese help:\n%s", args, stdout)
		assert.NotContains(t, stdout, "cli.", "%v: a flag's description is a catalogue message, rendered", args)

		args = append(append([]string{}, c...), "--help", "--lang", "en")
		code, en, stderr := p06(args...)
		assert.Equal(t, exitOK, code, "%v", args)
		assert.Empty(t, stderr, "%v", args)
		assert.NotEqual(t, stdout, en, "%v", args)
		assert.NotEmpty(t, msg.EnglishWords(en), "%v: the English help is English", args)
		if len(c) > 0 {
			assert.Contains(t, stdout, "cách dùng: p06 "+c[0], "%v", args)
			assert.Contains(t, en, "usage: p06 "+c[0], "%v", args)
		}
		if len(c) > 0 && c[0] != "version" && (c[0] != "report" || len(c) > 1) {
			assert.Contains(t, stdout, "các tùy chọn:", "%v", args)
			assert.Contains(t, en, "flags:", "%v", args)
		}
	}
	// --lang before --help, and --lang=en, ask for English too.
	_, en, _ := p06("scan", "--lang=en", "-h")
	assert.Contains(t, en, "usage: p06 scan [flags] URL…")
	assert.Contains(t, en, "--timeout duration\n        timeout of each request (connection, headers and body) (default 10s)")
	_, vi, _ := p06("scan", "-h")
	assert.Contains(t, vi, "--timeout thời_lượng\n        thời hạn của mỗi yêu cầu (kết nối, tiêu đề và nội dung) (mặc định 10s)")
	assert.Contains(t, vi, "--catalogue chuỗi\n        bộ tiêu chí: mã bộ có sẵn hoặc tệp bộ tiêu chí (mặc định \"p06-technical\")")
	_, vi, _ = p06("index766", "generate", "-h")
	assert.Contains(t, vi, "--out TỆP\n        ghi hồ sơ vào TỆP (mặc định: stdout)")
	_, vi, _ = p06("criteria", "-h")
	assert.Contains(t, vi, "mã bộ tiêu chí có sẵn (p06-technical, qd766", "the description's values are rendered")
}

// The flag package's errors reach the user in the run's language, naming the flag; the exit
// status is 2 and stdout stays empty.
func TestFlagErrorsInTheRunsLanguage(t *testing.T) {
	for _, c := range helpCommands {
		if c[0] == "version" || len(c) == 1 && c[0] == "report" {
			continue // no flags
		}
		args := append(append([]string{}, c...), "--bogus-flag")
		code, stdout, stderr := p06(args...)
		assert.Equal(t, exitCantRun, code, "%v", args)
		assert.Empty(t, stdout, "%v", args)
		assert.Contains(t, stderr, "p06 "+strings.Join(c, " ")+": không có tùy chọn --bogus-flag\n", "%v", args)
		assert.Contains(t, stderr, "cách dùng: p06 "+strings.Join(c, " "), "%v", args)
		assert.Empty(t, viWords(stderr), "%v: %s", args, stderr)
		assert.NotContains(t, stderr, "flag provided", "%v", args)

		args = append(append([]string{}, c...), "--lang", "en", "--bogus-flag")
		code, _, stderr = p06(args...)
		assert.Equal(t, exitCantRun, code, "%v", args)
		assert.Contains(t, stderr, "unknown flag --bogus-flag\n", "%v", args)
		assert.Contains(t, stderr, "usage: p06 "+strings.Join(c, " "), "%v", args)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"scan", "--parallel", "x"}, `p06 scan: --parallel "x": cần một số nguyên`},
		{[]string{"scan", "--timeout", "soon"}, `p06 scan: --timeout "soon": cần một khoảng thời gian, ví dụ 30s, 2m hoặc 1h30m`},
		{[]string{"scan", "--active=maybe"}, `p06 scan: --active "maybe": cần true hoặc false`},
		{[]string{"scan", "--timeout"}, "p06 scan: tùy chọn --timeout cần một giá trị"},
		{[]string{"index766", "--max-bad", "many"}, `p06 index766: --max-bad "many": cần một số, ví dụ 0.5`},
		{[]string{"index766", "generate", "--seed", "-1"}, `p06 index766 generate: --seed "-1": cần một số nguyên từ 0 trở lên`},
		{[]string{"survey", "---x"}, "p06 survey: tùy chọn viết sai cú pháp: ---x"},
		{[]string{"criteria", "--lnag", "en"}, "p06 criteria: không có tùy chọn --lnag (có phải ý bạn là --lang?)"},
		{[]string{"scan", "--lang", "en", "--parallel", "x"}, `p06 scan: --parallel "x": want a whole number`},
	}
	for _, tc := range cases {
		code, stdout, stderr := p06(tc.args...)
		assert.Equal(t, exitCantRun, code, "%v", tc.args)
		assert.Empty(t, stdout, "%v", tc.args)
		assert.Contains(t, stderr, tc.want, "%v", tc.args)
	}
}

func TestArgLang(t *testing.T) {
	for args, want := range map[string]string{
		"":                        msg.VI,
		"--lang en":               msg.EN,
		"-lang en":                msg.EN,
		"--lang=en":               msg.EN,
		"x --lang vi":             msg.VI,
		"--lang fr":               msg.VI,
		"-- --lang en":            msg.VI,
		"--lang":                  msg.VI,
		"scan --only x --lang=en": msg.EN,
	} {
		assert.Equal(t, want, argLang(strings.Fields(args)), args)
	}
}

// The operating system's words for a missing file are the catalogue's in Vietnamese; an --only
// that selects nothing is said in Vietnamese with the closest selectors.
func TestFileAndSelectionErrorsInVietnamese(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "absent.json")
	for _, args := range [][]string{{"score", missing}, {"survey", missing}, {"index766", missing}} {
		code, _, stderr := p06(args...)
		assert.Equal(t, exitCantRun, code, "%v", args)
		assert.Contains(t, stderr, missing+": không có tệp hay thư mục này", "%v", args)
		assert.NotContains(t, stderr, "no such file", "%v", args)
	}
	_, _, stderr := p06("score", "--lang", "en", missing)
	assert.Contains(t, stderr, "no such file or directory")

	code, _, stderr := p06("scan", "--only", "securty,P06-SEC-09", "https://127.0.0.1:1/")
	assert.Equal(t, exitCantRun, code)
	assert.Equal(t, "p06 scan: --only securty: không mã tiêu chí, nhóm hay nhãn nào của bộ p06-technical khớp (có phải ý bạn là security?)\n", stderr)
}
