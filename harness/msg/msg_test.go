package msg

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The test messages are declared once, at package level, like a family's table: a message
// declared inside a test would be declared again by go test -count=2.
var (
	mReorder = New("msgtest.reorder", "%s answered %d", "%[2]d là mã %[1]s trả về")
	mSample  = New("msgtest.sample", "%s sent %d times, right: %t", "%s gửi %d lần, đúng: %t")
	mFloat   = New("msgtest.float", "%.1f s", "%.1f giây")
	mProblem = New("msgtest.part.problem", "no %s header", "thiếu tiêu đề %s")
	mWhole   = New("msgtest.part.whole", "%s: %s", "%s: %s")
	mA       = New("msgtest.part.a", "a", "a")
	mB       = New("msgtest.part.b", "b", "b")
)

func TestParams(t *testing.T) {
	for format, want := range map[string][]string{
		"no parameters, 100%% sure":   nil,
		"%s got %d":                   {"1:s", "2:d"},
		"%[2]d lần, %[1]s":            {"1:s", "2:d"},
		"%s and %[1]q":                {"1:q,s"},
		"%-10s|%5.2f|%*d":             {"1:s", "2:f", "3:*", "4:d"},
		"%+v %#x":                     {"1:v", "2:x"},
		"cổng %s trả về mã %d sau %d": {"1:s", "2:d", "3:d"},
	} {
		got, err := Params(format)
		require.NoError(t, err, format)
		assert.Equal(t, want, got, format)
	}
	for _, bad := range []string{"ends with %", "%[0]d", "%[x]d", "%[2]d only", "%[1"} {
		_, err := Params(bad)
		assert.Error(t, err, bad)
	}
}

func TestNewRejectsMismatchedOrDuplicateMessages(t *testing.T) {
	for name, args := range map[string][3]string{
		"verbs differ":   {"msgtest.verbs", "%s got %d", "%d nhận %s"},
		"count differs":  {"msgtest.count", "%s got %d", "%s nhận"},
		"empty vi":       {"msgtest.empty", "fine", " "},
		"bad id":         {"Headers HSTS", "fine", "ổn"},
		"id with no dot": {"headers", "fine", "ổn"},
	} {
		assert.Panics(t, func() { New(args[0], args[1], args[2]) }, name)
		_, ok := Lookup(args[0])
		assert.False(t, ok, "%s: a rejected message is not in the catalogue", name)
	}
	m := mReorder
	assert.Equal(t, "cổng answered 404", m.Render(EN, "cổng", 404))
	assert.Equal(t, "404 là mã cổng trả về", m.Render(VI, "cổng", 404))
	assert.Equal(t, "404 là mã cổng trả về", m.Render("", "cổng", 404), "Vietnamese is the default")
	assert.PanicsWithValue(t, `msg.New: message "msgtest.reorder" is declared twice`, func() { New("msgtest.reorder", "a", "b") })
	got, ok := Lookup("msgtest.reorder")
	require.True(t, ok)
	assert.Equal(t, m, got)
	assert.Contains(t, All(), m)
}

func TestEnglishWords(t *testing.T) {
	assert.Empty(t, EnglishWords("Cổng an toàn, phóng to, in ấn; tiêu đề `Strict-Transport-Security` của https://example.vn/the/page"))
	assert.Equal(t, []string{"the", "is", "not"}, EnglishWords("The header is not sent"))
	assert.Equal(t, "x gửi 3 lần, đúng: true", mSample.Sample(VI))
	assert.True(t, strings.HasPrefix(mFloat.Sample(EN), "1.5"))
}

func TestPartsRenderInTheMessagesLanguage(t *testing.T) {
	problem, whole := mProblem, mWhole
	args := []any{"/home", List{Items: []Phrase{P(problem, "HSTS"), P(problem, "CSP")}}}
	assert.Equal(t, "/home: no HSTS header; no CSP header", whole.Render(EN, args...))
	assert.Equal(t, "/home: thiếu tiêu đề HSTS; thiếu tiêu đề CSP", whole.Render(VI, args...))
	assert.IsType(t, List{}, args[1], "rendering leaves the caller's values as they were")
	assert.Equal(t, "thiếu tiêu đề HSTS", whole.Render(VI, "", P(problem, "HSTS"))[2:])
	assert.Equal(t, "a, b", List{Items: []Phrase{P(mA), P(mB)}, Sep: ", "}.Render(VI))
}
