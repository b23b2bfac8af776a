package criteria_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/harness/msg"
)

// A catalogue file that is too large, not UTF-8 or not JSON is refused with an error whose
// Error is English and which renders in Vietnamese (no English function word), naming the line
// and column in both; errors.Is still finds ErrTooLarge.
func TestLoadErrorsInVietnamese(t *testing.T) {
	for _, tc := range []struct {
		in     string
		en, vi string
	}{
		{"{\"id\": \"x\",\n \"groups\": [", "line 2, column 13: the JSON ends early", "dòng 2, cột 13: JSON kết thúc giữa chừng"},
		{"{\"id\": x}", "line 1, column 8: invalid character 'x'", "dòng 1, cột 8: ký tự 'x' không hợp lệ"},
		{"  ", "invalid JSON: line 1, column 3: the file is empty", "JSON không hợp lệ: dòng 1, cột 3: tệp trống"},
		{"{\"id\": \"x\"} {}", "line 1, column 13: unexpected data after the top-level value", "dòng 1, cột 13: còn dữ liệu sau giá trị JSON chính"},
		{"{\"id\": \"x\",\n \"title\": \"C\xc3\"}", "invalid UTF-8 at line 2, column 13", "dòng 2, cột 13: không phải UTF-8"},
		{`{"id":"` + strings.Repeat("a", criteria.MaxCatalogueSize), "catalogue is larger than the 16 MiB limit", "bộ tiêu chí: tệp lớn hơn giới hạn 16 MiB"},
	} {
		_, err := criteria.Load(strings.NewReader(tc.in))
		require.Error(t, err)
		r, ok := err.(interface{ Render(string) string })
		require.True(t, ok, "%T has no Render", err)
		assert.Contains(t, err.Error(), tc.en)
		assert.Equal(t, err.Error(), r.Render(msg.EN))
		vi := r.Render(msg.VI)
		assert.Contains(t, vi, tc.vi)
		assert.Empty(t, msg.EnglishWords(vi), vi)
	}
	_, err := criteria.Load(strings.NewReader(`{"id":"` + strings.Repeat("a", criteria.MaxCatalogueSize)))
	assert.True(t, errors.Is(err, criteria.ErrTooLarge))
}
