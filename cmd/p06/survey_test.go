package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/examples/referenceportal"
	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/scoring"
)

func surveyRun(args ...string) (code int, stdout, stderr string) {
	return p06(append([]string{"survey"}, args...)...)
}

// surveyUnit is one loopback portal of the survey fixture.
type surveyUnit struct {
	unit    string
	defects referenceportal.Defects
	down    bool // nothing listens on its address
}

// surveyUnits are the fixture's portals, in the order they must rank.
var surveyUnits = []surveyUnit{
	{unit: "UBND tỉnh Tham Chiếu"},
	{unit: "UBND tỉnh Thiếu HSTS", defects: referenceportal.Defects{NoHSTS: true, NoLang: true, ImageNoAlt: true}},
	{unit: "UBND tỉnh Hỏng", defects: referenceportal.Broken()},
	{unit: "UBND tỉnh Không Tới", down: true},
}

// surveyFixture starts the portals of units on loopback (each with its own test CA, written to
// a PEM file named in the input) and writes the JSON input file. It returns the file's path and
// the URLs by unit.
func surveyFixture(t *testing.T, units []surveyUnit) (string, map[string]string) {
	t.Helper()
	dir := t.TempDir()
	urls := map[string]string{}
	var portals []map[string]any
	for i, u := range units {
		entry := map[string]any{"unit": u.unit}
		if u.down {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			require.NoError(t, err)
			entry["url"] = "https://" + ln.Addr().String()
			require.NoError(t, ln.Close())
		} else {
			srv, err := referenceportal.Start(referenceportal.Config{Defects: u.defects})
			require.NoError(t, err)
			t.Cleanup(srv.Close)
			pemBytes := srv.CACertPEM()
			require.NotEmpty(t, pemBytes)
			ca := fmt.Sprintf("ca%d.pem", i)
			require.NoError(t, os.WriteFile(filepath.Join(dir, ca), pemBytes, 0o600))
			entry["url"], entry["ca"] = srv.URL, ca // relative: resolved against the input file's directory
		}
		urls[u.unit] = entry["url"].(string)
		portals = append(portals, entry)
	}
	b, err := json.MarshalIndent(map[string]any{"portals": portals}, "", "  ")
	require.NoError(t, err)
	path := filepath.Join(dir, "portals.json")
	require.NoError(t, os.WriteFile(path, b, 0o600))
	return path, urls
}

func TestSurveyLoopbackPortals(t *testing.T) {
	input, urls := surveyFixture(t, surveyUnits)
	reports := filepath.Join(t.TempDir(), "reports")
	code, stdout, stderr := surveyRun("--format", "json", "--reports", reports, "--parallel", "2", input)
	require.Equal(t, exitNotMet, code, "portals miss mandatory criteria (and one is down): exit 1\n%s", stderr)

	// Progress: one line per portal, numbered, the unreachable one said so.
	// A line when each portal starts and when it is done, in the survey's language (vi).
	starts := regexp.MustCompile(`(?m)^\[bắt đầu (\d)/4\] (.+?): https://`).FindAllStringSubmatch(stderr, -1)
	require.Len(t, starts, 4, stderr)
	for i, m := range starts {
		assert.Equal(t, fmt.Sprint(i+1), m[1], "starts count up")
	}
	progress := regexp.MustCompile(`(?m)^\[(\d)/4\] (.+?): (\d+\.\d)% \((\d+)/(\d+) tiêu chí bắt buộc đạt\)`).FindAllStringSubmatch(stderr, -1)
	require.Len(t, progress, 4, stderr)
	for i, m := range progress {
		assert.Equal(t, fmt.Sprint(i+1), m[1], "progress counts up")
	}
	assert.Regexp(t, `UBND tỉnh Không Tới: 0\.0% \(0/\d+ tiêu chí bắt buộc đạt\), điểm \d+\.\d, — .*KHÔNG TRUY CẬP ĐƯỢC: .*kết nối bị từ chối`, stderr)
	assert.Contains(t, stderr, "4 cổng, tỷ lệ đáp ứng toàn quốc")
	assert.Contains(t, stderr, "1 không truy cập hoặc không đọc được")

	_, err := report.ReadSurveyJSON(strings.NewReader(stdout))
	require.NoError(t, err, "the survey JSON validates against the published schema")
	var out report.Survey
	require.NoError(t, json.Unmarshal([]byte(stdout), &out), stdout)
	require.Len(t, out.Portals, 4)
	var order []string
	for _, p := range out.Portals {
		order = append(order, p.Unit)
		assert.Equal(t, urls[p.Unit], p.URL)
	}
	assert.Equal(t, []string{"UBND tỉnh Tham Chiếu", "UBND tỉnh Thiếu HSTS", "UBND tỉnh Hỏng", "UBND tỉnh Không Tới"}, order,
		"ranked by compliance rate: the reference, fewer defects, the broken portal, the unreachable one")
	assert.Equal(t, []int{1, 2, 3, 4}, []int{out.Portals[0].Rank, out.Portals[1].Rank, out.Portals[2].Rank, out.Portals[3].Rank})
	assert.Equal(t, 1, out.Unreachable)
	down := out.Portals[3]
	assert.True(t, down.Unreachable)
	assert.Contains(t, down.Error, "connection refused")
	assert.Zero(t, down.Met)
	assert.Positive(t, down.Applicable, "an unreachable portal still counts in the denominators")

	// Every portal's report was written, validates, and the national figures are exactly
	// scoring.Aggregate of those reports.
	var want *scoring.Survey
	var rs []*scoring.Report
	byURL := map[string]*scoring.Report{}
	for _, p := range out.Portals {
		require.NotEmpty(t, p.Report, "%s: report file named", p.Unit)
		f, err := os.Open(filepath.Join(reports, p.Report))
		require.NoError(t, err)
		r, err := report.ReadJSON(f)
		f.Close()
		require.NoError(t, err, "%s: report validates", p.Report)
		rs = append(rs, r)
		byURL[r.Target] = r
		assert.Equal(t, r.Scores.Compliance.Met, p.Met, p.Unit)
		assert.Equal(t, r.Scores.Compliance.Applicable, p.Applicable, p.Unit)
		assert.InDelta(t, r.Scores.Overall, p.Overall, 1e-9, p.Unit)
	}
	assert.FileExists(t, filepath.Join(reports, "ubnd-tinh-tham-chieu.json"), "file names are the unit in ASCII")
	want, err = scoring.Aggregate(criteria.P06Technical(), rs)
	require.NoError(t, err)
	assert.Equal(t, *want, *out.Survey, "the survey's figures are the aggregate of the written reports")
	assert.Equal(t, 4, out.Survey.Portals)
	assert.InDelta(t, float64(out.Survey.Met)/float64(out.Survey.Applicable), out.Survey.Rate, 1e-12)
	sum := 0
	for _, p := range out.Portals {
		sum += p.Met
	}
	assert.Equal(t, sum, out.Survey.Met, "national met = the sum of the portals'")

	// The defects show where they should.
	status := func(unit, id string) scoring.Status {
		for _, f := range byURL[urls[unit]].Findings {
			if f.Criterion == id {
				return f.Status
			}
		}
		return ""
	}
	assert.Equal(t, scoring.Pass, status("UBND tỉnh Tham Chiếu", "P06-SEC-06"))
	assert.Equal(t, scoring.Fail, status("UBND tỉnh Thiếu HSTS", "P06-SEC-06"))
	assert.Equal(t, scoring.Fail, status("UBND tỉnh Hỏng", "P06-SEC-13"))
	assert.Equal(t, scoring.Error, status("UBND tỉnh Không Tới", "P06-SEC-06"))
	for _, f := range byURL[urls["UBND tỉnh Không Tới"]].Findings {
		assert.NotEqual(t, scoring.Pass, f.Status, "nothing passes on a portal that cannot be reached: %s", f.Criterion)
	}

	// The written reports, surveyed again as stored reports (no assessment), give the same figures.
	var stored []map[string]string
	for _, p := range out.Portals {
		stored = append(stored, map[string]string{"unit": p.Unit, "report": filepath.Join("reports", p.Report)})
	}
	b, err := json.Marshal(map[string]any{"portals": stored})
	require.NoError(t, err)
	again := filepath.Join(filepath.Dir(reports), "stored.json")
	require.NoError(t, os.WriteFile(again, b, 0o600))
	code, stdout, stderr = surveyRun(again, "--format", "json")
	assert.Equal(t, exitNotMet, code, stderr)
	assert.Contains(t, stderr, "từ báo cáo reports/ubnd-tinh-tham-chieu.json")
	assert.NotContains(t, stderr, "[bắt đầu", "a stored report is not assessed: no start line")
	var out2 report.Survey
	require.NoError(t, json.Unmarshal([]byte(stdout), &out2))
	assert.Equal(t, out.Survey, out2.Survey, "stored reports aggregate to the same national figures")
	assert.Equal(t, urls["UBND tỉnh Hỏng"], out2.Portals[2].URL, "the URL comes from the report")
}

func TestSurveyStoredReportProblems(t *testing.T) {
	dir := t.TempDir()
	cat := criteria.P06Technical()
	in := scoring.Findings{Catalogue: cat.ID, Target: "https://a.example/"}
	r, err := scoring.Score(cat, in, scoring.Config{})
	require.NoError(t, err)
	write := func(name string, r *scoring.Report) {
		var b bytes.Buffer
		require.NoError(t, report.WriteJSON(&b, r))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o600))
	}
	write("a.json", r)
	old := *r
	old.Catalogue.Version = "0.9.0"
	write("old.json", &old)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.json"), []byte(`{"target":"x"}`), 0o600))
	tests := []struct {
		name, input string
		args        []string
		want        string
	}{
		{"other target", `{"portals":[{"unit":"A","url":"https://b.example","report":"a.json"}]}`, nil,
			"portals[0] (A): report: a.json là báo cáo của https://a.example/, không phải của https://b.example"},
		{"report and ca", `{"portals":[{"unit":"A","report":"a.json","ca":"ca.pem"}]}`, nil,
			"portals[0] (A): report: profile và ca dùng để đánh giá cổng"},
		{"not a report", `{"portals":[{"unit":"A","report":"bad.json"}]}`, nil, "portals[0] (A): report: "},
		{"missing report", `{"portals":[{"unit":"A","report":"none.json"}]}`, nil, "portals[0] (A): report: open "},
		{"neither url nor report", `{"portals":[{"unit":"A"}]}`, nil, "$.portals[0]"},
		{"other catalogue version", `{"portals":[{"unit":"A","report":"old.json"}]}`, nil,
			"portals[0] (A): báo cáo: old.json được chấm theo p06-technical 0.9.0, cuộc khảo sát dùng p06-technical " + cat.Version},
		{"only", `{"portals":[{"unit":"A","report":"a.json"}]}`, []string{"--only", "security"}, "--only không thu hẹp được báo cáo đã lưu"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, fmt.Sprintf("in%d.json", i))
			require.NoError(t, os.WriteFile(path, []byte(tt.input), 0o600))
			code, stdout, stderr := surveyRun(append([]string{path}, tt.args...)...)
			assert.Equal(t, exitCantRun, code, stdout)
			assert.Contains(t, stderr, tt.want)
		})
	}
}

func TestSurveyOutputs(t *testing.T) {
	input, _ := surveyFixture(t, surveyUnits[1:]) // fewer defects, broken, down
	t.Run("text", func(t *testing.T) {
		code, stdout, _ := surveyRun(input, "--lang", "en", "--quiet")
		assert.Equal(t, exitNotMet, code)
		for _, want := range []string{"Project 06 survey — p06-technical", "National compliance rate:", "Units fully compliant:",
			"Mean overall score:", "Portals not reached or unreadable:  1  UBND tỉnh Không Tới", "By group", "The 10 weakest criteria", "Ranking",
			"capped by P06-SEC-03"} {
			assert.Contains(t, stdout, want)
		}
		weakest := regexp.MustCompile(`(?m)^ +\d+\. +P06-[A-Z0-9]+-\d+ +\d+\.\d% +\d+/\d+ +\S`).FindAllString(stdout, -1)
		assert.Len(t, weakest, 10, "ten weakest criteria, each with its title")
	})
	t.Run("html file", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "survey.html")
		code, stdout, stderr := surveyRun(input, "--format", "html", "--out", out, "--lang", "vi")
		assert.Equal(t, exitNotMet, code, stderr)
		assert.Empty(t, stdout, "the survey went to --out")
		b, err := os.ReadFile(out)
		require.NoError(t, err)
		h := string(b)
		assert.True(t, strings.HasPrefix(h, "<!doctype html>\n<html lang=\"vi\">"))
		assert.Contains(t, h, "default-src 'none'")
		assert.Contains(t, h, "Mức đáp ứng theo đơn vị")
		assert.Contains(t, h, "UBND tỉnh Không Tới")
		assert.NotContains(t, h, "<script")
	})
	t.Run("format from the out file name", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "survey.json")
		code, _, stderr := surveyRun(input, "--out", out, "--quiet")
		assert.Equal(t, exitNotMet, code, stderr)
		f, err := os.Open(out)
		require.NoError(t, err)
		defer f.Close()
		_, err = report.ReadSurveyJSON(f)
		assert.NoError(t, err, "--out survey.json writes JSON")
	})
	t.Run("markdown", func(t *testing.T) {
		code, stdout, _ := surveyRun(input, "--format", "md", "--lang", "en", "--quiet")
		assert.Equal(t, exitNotMet, code)
		assert.Contains(t, stdout, "## Project 06 survey")
		assert.Contains(t, stdout, "| # | Unit | Rate |")
		assert.Contains(t, stdout, "<details><summary>Portals not fully assessed (1)</summary>")
	})
	t.Run("json is deterministic", func(t *testing.T) {
		_, a, _ := surveyRun(input, "--format", "json", "--quiet")
		_, b, _ := surveyRun(input, "--format", "json", "--quiet", "--parallel", "1")
		var sa, sb report.Survey
		require.NoError(t, json.Unmarshal([]byte(a), &sa))
		require.NoError(t, json.Unmarshal([]byte(b), &sb))
		assert.Equal(t, sa.Survey.Met, sb.Survey.Met)
		assert.Equal(t, sa.Survey.Ranking, sb.Survey.Ranking, "the order of assessment does not change the figures")
	})
}

func TestSurveyExitCodes(t *testing.T) {
	const only = "P06-SEC-01,P06-SEC-06,P06-SEC-09,P06-A11Y-01"
	good, _ := surveyFixture(t, surveyUnits[:1])
	code, stdout, stderr := surveyRun(good, "--only", only, "--format", "json")
	require.Equal(t, exitOK, code, "the reference portal meets every selected criterion\n%s", stderr)
	var out report.Survey
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	assert.Equal(t, 4, out.Survey.Applicable, "--only limits the figures to the selected criteria")
	assert.Equal(t, 1, out.Survey.FullyCompliant)
	assert.Equal(t, 1.0, out.Survey.Rate)

	mixed, _ := surveyFixture(t, surveyUnits[:2])
	code, stdout, _ = surveyRun(mixed, "--only", only, "--format", "json", "--quiet")
	assert.Equal(t, exitNotMet, code, "one portal misses HSTS and lang")
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	assert.Equal(t, 8, out.Survey.Applicable)
	assert.Equal(t, 6, out.Survey.Met)
	assert.Equal(t, 0.75, out.Survey.Rate)
	assert.Equal(t, 0.5, out.Survey.FullyCompliantShare)

	down, _ := surveyFixture(t, surveyUnits[3:])
	code, stdout, _ = surveyRun(down, "--quiet")
	assert.Equal(t, exitNotMet, code, "an unreachable portal is surveyed (exit 1), not a failure to run")
	assert.Contains(t, stdout, "Cổng không truy cập hoặc không đọc được:  1")

	code, stdout, stderr = p06("survey", "--help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "cách dùng: p06 survey [tùy_chọn] TỆP", "help goes to stdout")
	assert.Empty(t, stderr)
}

func TestSurveyTimeoutCountsThePortal(t *testing.T) {
	input, _ := surveyFixture(t, surveyUnits[:1])
	code, stdout, stderr := surveyRun(input, "--timeout", "1ns", "--format", "json")
	assert.Equal(t, exitNotMet, code, stderr)
	var out report.Survey
	require.NoError(t, json.Unmarshal([]byte(stdout), &out))
	require.Len(t, out.Portals, 1)
	assert.NotEmpty(t, out.Portals[0].Error, "the portal says why its figures are incomplete")
	assert.Zero(t, out.Portals[0].Met)
	assert.Equal(t, 1, out.Unreachable+out.Incomplete)
}

func TestSurveyCSV(t *testing.T) {
	srv, err := referenceportal.Start(referenceportal.Config{})
	require.NoError(t, err)
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, "certs"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "certs", "ca.pem"), srv.CACertPEM(), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "home.json"), []byte(`{"home":"/"}`), 0o600))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	down := "http://" + ln.Addr().String()
	ln.Close()
	// A spreadsheet export in a Vietnamese locale: BOM, semicolons, columns in another order.
	csvText := "\xEF\xBB\xBFunit;url;ca;profile\n# the province's own portal\n" +
		"UBND tỉnh Thử;" + srv.URL + "/;certs/ca.pem;home.json\n" +
		"\"Sở Y tế; tỉnh Thử\";" + down + ";;\n"
	input := filepath.Join(dir, "portals.csv")
	require.NoError(t, os.WriteFile(input, []byte(csvText), 0o600))
	code, stdout, stderr := surveyRun(input, "--format", "json", "--quiet")
	assert.Equal(t, exitNotMet, code, stderr)
	var out report.Survey
	require.NoError(t, json.Unmarshal([]byte(stdout), &out), stderr)
	require.Len(t, out.Portals, 2)
	assert.Equal(t, "UBND tỉnh Thử", out.Portals[0].Unit)
	assert.Equal(t, srv.URL+"/", out.Portals[0].URL)
	assert.Positive(t, out.Portals[0].Met, "the CA in the CSV was trusted")
	assert.Equal(t, "Sở Y tế; tỉnh Thử", out.Portals[1].Unit)
	assert.True(t, out.Portals[1].Unreachable)

	// The same file on standard input is recognised by its content.
	stdin := os.Stdin
	t.Cleanup(func() { os.Stdin = stdin })
	f, err := os.Open(input)
	require.NoError(t, err)
	defer f.Close()
	os.Stdin = f
	code, stdout, stderr = surveyRun("-", "--format", "json", "--quiet", "--ca", filepath.Join(dir, "certs", "ca.pem"))
	// From stdin, relative paths resolve against the working directory: certs/ca.pem is not there.
	assert.Equal(t, exitCantRun, code, stdout)
	assert.Contains(t, stderr, "dòng 3 (UBND tỉnh Thử): ca: open certs/ca.pem")
}

func TestSurveyBadInput(t *testing.T) {
	dir := t.TempDir()
	notPEM := filepath.Join(dir, "not.pem")
	require.NoError(t, os.WriteFile(notPEM, []byte("hello"), 0o600))
	tests := []struct {
		name, file, content string
		args                []string
		want                []string
	}{
		{name: "json without unit", file: "p.json", content: `{"portals":[{"url":"https://a.example"}]}`,
			want: []string{"p.json: 1 vấn đề:", "$.portals[0]: ", "unit"}},
		{name: "json ftp url", file: "p.json", content: `{"portals":[{"url":"ftp://a.example","unit":"A"}]}`,
			want: []string{"$.portals[0].url"}},
		{name: "json unknown field", file: "p.json", content: `{"portals":[{"url":"https://a.example","unit":"A","name":"x"}]}`,
			want: []string{"$.portals[0]", "name"}},
		{name: "json syntax", file: "p.json", content: "{\"portals\":[\n{\"url\":}]}", want: []string{"line 2"}},
		{name: "json empty list", file: "p.json", content: `{"portals":[]}`, want: []string{"$.portals"}},
		{name: "duplicate url", file: "p.json",
			content: `{"portals":[{"url":"https://a.example","unit":"A"},{"url":"HTTPS://A.example/","unit":"B"}]}`,
			want:    []string{"portals[1] (B): url: HTTPS://A.example/ trùng với portals[0] (A)"}},
		{name: "duplicate unit", file: "p.json",
			content: `{"portals":[{"url":"https://a.example","unit":"UBND tỉnh A"},{"url":"https://b.example","unit":"UBND  tỉnh A"}]}`,
			want:    []string{`portals[1]: unit: "UBND tỉnh A" trùng với portals[0] (https://a.example)`}},
		{name: "missing ca", file: "p.json", content: `{"portals":[{"url":"https://a.example","unit":"A","ca":"nope.pem"}]}`,
			want: []string{"portals[0] (A): ca: open ", "nope.pem"}},
		{name: "ca not pem", file: "p.json", content: `{"portals":[{"url":"https://a.example","unit":"A","ca":"` + notPEM + `"}]}`,
			want: []string{"portals[0] (A): ca: ", "không có chứng thư PEM nào"}},
		{name: "ca is a device", file: "p.json", content: `{"portals":[{"url":"https://a.example","unit":"A","ca":"/dev/zero"}]}`,
			want: []string{"portals[0] (A): ca: /dev/zero: không phải tệp thông thường"}},
		{name: "inline profile invalid", file: "p.json", content: `{"portals":[{"url":"https://a.example","unit":"A","profile":{"homepage":"/"}}]}`,
			want: []string{"portals[0] (A): profile: ", "homepage"}},
		{name: "profile file missing", file: "p.json", content: `{"portals":[{"url":"https://a.example","unit":"A","profile":"none.json"}]}`,
			want: []string{"portals[0] (A): profile: open ", "none.json"}},
		{name: "every problem listed", file: "p.json",
			content: `{"portals":[{"url":"https://a.example","unit":"A","ca":"x.pem"},{"url":"https://a.example","unit":"A"}]}`,
			want:    []string{"3 vấn đề:", "portals[0] (A): ca:", "portals[1] (A): url:", "portals[1]: unit:"}},
		{name: "csv without unit column", file: "p.csv", content: "url,name\nhttps://a.example,A\n",
			want: []string{`dòng 1: cột "name" không dùng được`, `dòng 1: thiếu cột "unit"`}},
		{name: "csv ragged", file: "p.csv", content: "url,unit\nhttps://a.example,A\nhttps://b.example\n",
			want: []string{"dòng 3: 1 trường, dòng tiêu đề có 2"}},
		{name: "csv bad url", file: "p.csv", content: "url,unit\nwww.a.example,A\n",
			want: []string{`dòng 2 (A): url: "www.a.example" không phải địa chỉ http(s) đầy đủ`}},
		{name: "csv missing unit", file: "p.csv", content: "url,unit,profile\nhttps://a.example,,\n",
			want: []string{"dòng 2: unit: thiếu"}},
		{name: "csv credentials", file: "p.csv", content: "url,unit\nhttps://u:p@a.example,A\n",
			want: []string{"dòng 2 (A): url: ", "chứa thông tin đăng nhập"}},
		{name: "csv header only", file: "p.csv", content: "url,unit\n", want: []string{"không có cổng nào để khảo sát"}},
		{name: "empty file", file: "p.json", content: "  \n", want: []string{"trống: không có cổng nào để khảo sát"}},
		{name: "no file", want: []string{"cần đúng một TỆP danh sách cổng, nhận được 0"}},
		{name: "missing file", args: []string{filepath.Join(dir, "absent.json")}, want: []string{"absent.json"}},
		{name: "bad format", file: "p.csv", content: "url,unit\nhttps://a.example,A\n", args: []string{"--format", "pdf"},
			want: []string{`--format "pdf": cần text, json, md hoặc html`}},
		{name: "bad lang", file: "p.csv", content: "url,unit\nhttps://a.example,A\n", args: []string{"--lang", "fr"}, want: []string{"--lang"}},
		{name: "bad parallel", file: "p.csv", content: "url,unit\nhttps://a.example,A\n", args: []string{"--parallel", "0"},
			want: []string{"--parallel 0: phải từ 1 trở lên"}},
		{name: "bad timeout", file: "p.csv", content: "url,unit\nhttps://a.example,A\n", args: []string{"--timeout", "0s"}, want: []string{"--timeout 0s"}},
		{name: "only selects nothing", file: "p.csv", content: "url,unit\nhttps://a.example,A\n", args: []string{"--only", "security,P06-NOPE-01"},
			want: []string{"--only P06-NOPE-01: không mã tiêu chí, nhóm hay nhãn nào của bộ p06-technical khớp"}},
		{name: "bad catalogue", file: "p.csv", content: "url,unit\nhttps://a.example,A\n", args: []string{"--catalogue", "nope.json"},
			want: []string{"--catalogue"}},
		{name: "bad global ca", file: "p.csv", content: "url,unit\nhttps://a.example,A\n", args: []string{"--ca", notPEM},
			want: []string{"--ca: ", "không có chứng thư PEM nào"}},
		{name: "out in a missing directory", file: "p.csv", content: "url,unit\nhttps://a.example,A\n", args: []string{"--out", filepath.Join(dir, "no", "s.html")},
			want: []string{"không tồn tại"}},
		{name: "out is a directory", file: "p.csv", content: "url,unit\nhttps://a.example,A\n", args: []string{"--out", dir},
			want: []string{"là thư mục"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args
			if tt.file != "" {
				sub := t.TempDir()
				path := filepath.Join(sub, tt.file)
				require.NoError(t, os.WriteFile(path, []byte(tt.content), 0o600))
				args = append([]string{path}, args...)
			}
			code, stdout, stderr := surveyRun(args...)
			assert.Equal(t, exitCantRun, code, stderr)
			assert.Empty(t, stdout, "nothing printed when the survey cannot run")
			for _, w := range tt.want {
				assert.Contains(t, stderr, w)
			}
		})
	}
}

func TestSurveySlug(t *testing.T) {
	tests := map[string]string{
		"UBND tỉnh Hà Giang":           "ubnd-tinh-ha-giang",
		"Bộ Lao động – Thương binh":    "bo-lao-dong-thuong-binh",
		"Đắk Lắk / Đắk Nông":           "dak-lak-dak-nong",
		"  !!  ":                       "",
		"Sở Y tế; tỉnh Thừa Thiên Huế": "so-y-te-tinh-thua-thien-hue",
	}
	for in, want := range tests {
		assert.Equal(t, want, surveySlug(in), in)
	}
	names := surveyReportNames([]surveyPortal{{unit: "UBND tỉnh A"}, {unit: "UBND tinh A"}, {unit: "!!"}, {unit: "UBND tinh A 2"}})
	assert.Regexp(t, `^ubnd-tinh-a-[0-9a-f]{8}\.json$`, names[0])
	assert.Regexp(t, `^ubnd-tinh-a-[0-9a-f]{8}\.json$`, names[1])
	assert.NotEqual(t, names[0], names[1], "folded names never collide")
	assert.Equal(t, []string{"portal.json", "ubnd-tinh-a-2.json"}, names[2:])
	again := surveyReportNames([]surveyPortal{{unit: "UBND tinh A 2"}, {unit: "UBND tinh A"}, {unit: "UBND tỉnh A"}})
	assert.Equal(t, []string{names[3], names[1], names[0]}, again, "a unit's file name does not depend on the order of the portals")
}

// The portals file is outside input: any bytes give portals or an error, never a panic, and
// what is accepted is complete and unique.
func FuzzSurveyParse(f *testing.F) {
	f.Add("p.json", `{"portals":[{"url":"https://a.example","unit":"A"},{"url":"https://b.example/","unit":"B","profile":{"home":"/"}}]}`)
	f.Add("p.csv", "url,unit,profile\nhttps://a.example,A,\nhttps://b.example,B,{\"home\":\"/\"}\n")
	f.Add("p", "unit;url\n\"A;B\";http://a.example\n# comment\n")
	f.Add("p.csv", "url,unit\n\"unterminated,A\n")
	f.Add("p.json", `{"portals":[{"url":"https://a.example","unit":"A","ca":"/dev/null"}]}`)
	base := f.TempDir()
	f.Fuzz(func(t *testing.T, name, data string) {
		portals, err := surveyParse(name, []byte(data), base, "en")
		if err != nil {
			return
		}
		require.NotEmpty(t, portals)
		seen := map[string]bool{}
		for _, p := range portals {
			require.NotEmpty(t, p.unit, p.where)
			require.NotEmpty(t, p.url, p.where)
			k := surveyURLKey(p.url)
			require.False(t, seen[k], "duplicate accepted: %s", p.url)
			seen[k] = true
		}
	})
}

// An interrupted survey still accounts for every portal, and says the figures are incomplete.
func TestSurveyInterrupted(t *testing.T) {
	srv, err := referenceportal.Start(referenceportal.Config{})
	require.NoError(t, err)
	t.Cleanup(srv.Close)
	cat := criteria.P06Technical()
	o := surveyOpts{cat: cat, grading: &scoring.Decision766, lang: "en", parallel: 2, timeout: time.Minute,
		requestTimeout: 5 * time.Second, quiet: true, caPEM: srv.CACertPEM()}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // Ctrl-C before anything ran
	portals := []surveyPortal{{where: "portals[0]", unit: "A", url: srv.URL}, {where: "portals[1]", unit: "B", url: srv.URL + "/b"}}
	entries, broken := surveyAssess(ctx, portals, o, io.Discard)
	assert.Equal(t, 2, broken, "neither portal was assessed")
	require.Len(t, entries, 2)
	for _, e := range entries {
		require.NotNil(t, e.Report, "%s is still counted", e.Unit)
		require.Error(t, e.Err)
		assert.Zero(t, e.Report.Scores.Compliance.Met)
	}
	s, err := report.NewSurvey(cat, entries)
	require.NoError(t, err)
	assert.Equal(t, 2, s.Survey.Portals)
	assert.Equal(t, 2, s.Incomplete)
}

func TestSurveyActive(t *testing.T) {
	input, _ := surveyFixture(t, surveyUnits[:1])
	message := func(args ...string) string {
		dir := t.TempDir()
		code, _, stderr := surveyRun(append([]string{input, "--only", "P06-SEC-19", "--quiet", "--format", "json", "--reports", dir}, args...)...)
		require.Contains(t, []int{exitOK, exitNotMet}, code, stderr)
		f, err := os.Open(filepath.Join(dir, "ubnd-tinh-tham-chieu.json"))
		require.NoError(t, err)
		defer f.Close()
		r, err := report.ReadJSON(f)
		require.NoError(t, err)
		for _, fd := range r.Findings {
			if fd.Criterion == "P06-SEC-19" {
				return string(fd.Status) + ": " + fd.Message
			}
		}
		return ""
	}
	passive := message()
	assert.Contains(t, passive, "not_tested", "an active check does not run by default")
	assert.Contains(t, passive, "Active")
	assert.NotEqual(t, passive, message("--active"), "--active runs it")
}
