package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A portal whose home page cannot be read (here: a certificate the survey does not trust) is
// counted with the portals not reached, never graded as if it had been assessed, in every
// output and in the progress.
func TestSurveyUnreadablePortalIsNotGraded(t *testing.T) {
	srv, _ := tlsPortal(t, headersHandler(true)) // its CA is not given
	dir := t.TempDir()
	input := filepath.Join(dir, "portals.json")
	b, err := json.Marshal(map[string]any{"portals": []map[string]any{{"unit": "UBND tỉnh Chứng Thư Lạ", "url": srv.URL + "/"}}})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(input, b, 0o600))

	code, stdout, stderr := surveyRun(input, "--format", "json", "--request-timeout", "5s")
	assert.Equal(t, exitNotMet, code, stderr)
	var out struct {
		Unreachable int `json:"unreachable"`
		Incomplete  int `json:"incomplete"`
		Tool        struct{ Name, Version string }
		Portals     []struct {
			Unreachable bool   `json:"unreachable"`
			Unreadable  bool   `json:"unreadable"`
			Error       string `json:"error"`
		} `json:"portals"`
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &out), stdout)
	require.Len(t, out.Portals, 1)
	assert.Equal(t, "p06kit", out.Tool.Name, "the survey names the tool that made it")
	assert.Equal(t, version(), out.Tool.Version)
	assert.Equal(t, 1, out.Unreachable, "counted with the portals not reached")
	assert.Zero(t, out.Incomplete)
	assert.True(t, out.Portals[0].Unreachable)
	assert.True(t, out.Portals[0].Unreadable)
	assert.Contains(t, out.Portals[0].Error, "home page could not be read")
	assert.Regexp(t, `UBND tỉnh Chứng Thư Lạ: .*, điểm \d+\.\d, — .*KHÔNG ĐỌC ĐƯỢC TRANG CHỦ, không xếp loại: `, stderr)
	assert.Contains(t, stderr, "1 không truy cập hoặc không đọc được")

	for lang, note := range map[string]string{"vi": "không đọc được trang chủ", "en": "home page unreadable"} {
		code, stdout, _ = surveyRun(input, "--lang", lang, "--quiet", "--request-timeout", "5s")
		assert.Equal(t, exitNotMet, code)
		assert.Regexp(t, `UBND tỉnh Chứng Thư Lạ +\d+\.\d% +\d+/\d+ +\d+\.\d +— +https://\S+ +`+note, stdout)
	}
}
