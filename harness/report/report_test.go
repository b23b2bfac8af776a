package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/internal/jsonschema"
	"github.com/p06kit/p06kit/scoring"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// testCatalogue is a fixed catalogue for golden files, independent of the built-in one.
func testCatalogue() *criteria.Catalogue {
	t := func(vi, en string) criteria.Text { return criteria.Text{VI: vi, EN: en} }
	return &criteria.Catalogue{
		ID: "test-cat", Version: "1", Title: t("Danh mục thử", "Test catalogue"), EffectiveFrom: "2022-01-01",
		Groups: []criteria.Group{{ID: "security", Title: t("An toàn thông tin", "Security")}, {ID: "accessibility", Title: t("Hỗ trợ người khuyết tật", "Accessibility")}},
		Criteria: []criteria.Criterion{
			{ID: "T-SEC-01", Group: "security", Title: t("Chỉ chấp nhận TLS 1.2 trở lên", "Only TLS 1.2 or newer"),
				Requirement: t("Máy chủ từ chối TLS 1.0 và 1.1", "The server refuses TLS 1.0 and 1.1"),
				Advice:      t("Tắt TLS 1.0/1.1 trong cấu hình máy chủ", "Disable TLS 1.0/1.1 in the server configuration"),
				Level:       criteria.Mandatory, Points: 3, Critical: true, Method: criteria.Automated,
				Basis: []criteria.Basis{{Document: "Decree 85/2016/NĐ-CP", Article: "Art. 9", Kind: criteria.Derived, URL: "https://example.gov.vn/85"}},
				Tags:  []string{"tls"}},
			{ID: "T-SEC-02", Group: "security", Title: t("Có HSTS", "HSTS is set"), Requirement: t("max-age ≥ 15552000", "max-age ≥ 15552000"),
				Advice: t("Thêm Strict-Transport-Security", "Add Strict-Transport-Security"), Level: criteria.Recommended, Points: 1,
				Method: criteria.Automated, Basis: []criteria.Basis{{Document: "1552/BTTTT-THH", Kind: criteria.Derived}}},
			{ID: "T-SEC-03", Group: "security", Title: t("Giới hạn đăng nhập sai", "Failed logins rate-limited"), Level: criteria.Mandatory, Points: 1, Method: criteria.Assisted},
			{ID: "T-SEC-04", Group: "security", Title: t("Hồ sơ cấp độ", "Security level dossier"), Level: criteria.Mandatory, Points: 1, Method: criteria.Attested},
			{ID: "T-A11Y-01", Group: "accessibility", Title: t("Có thuộc tính lang", "html lang is set"), Level: criteria.Mandatory, Points: 1, Method: criteria.Automated},
			{ID: "T-A11Y-02", Group: "accessibility", Title: t("Ảnh có văn bản thay thế", "Images have alt text"), Level: criteria.Mandatory, Points: 1, Method: criteria.Automated},
		},
	}
}

// sampleReport has every status, evidence with headers and excerpts, waivers, caps, discovery
// and characters that need escaping in every format.
func sampleReport() *scoring.Report {
	return &scoring.Report{
		ScoringModel: "p06kit scoring model 1",
		Catalogue:    scoring.CatalogueRef{ID: "test-cat", Version: "1"},
		Target:       "https://dichvucong.example.gov.vn/",
		StartedAt:    "2026-11-27T03:00:00Z",
		DurationMS:   1234,
		Findings: []scoring.Finding{
			{Criterion: "T-SEC-01", Group: "security", Status: scoring.Fail, Message: "TLS 1.0 accepted <b>&</b> `tick` | pipe",
				Got: "TLS 1.0, TLS 1.2", Want: "TLS 1.2+", URL: "https://dichvucong.example.gov.vn/?a=1&b=<2>", DurationMS: 40,
				Evidence: []scoring.Evidence{{Request: "GET https://dichvucong.example.gov.vn/", Status: 200,
					Headers: map[string]string{"Server": "nginx", "Set-Cookie": "SID=[redacted]; Secure"}, Excerpt: "<script>alert(1)</script>\x01", Note: "handshake"}}},
			{Criterion: "T-SEC-02", Group: "security", Status: scoring.Waived, Message: "waived until 2027-01-01 by CIO: migration (was fail)"},
			{Criterion: "T-SEC-03", Group: "security", Status: scoring.Error, Message: "the portal did not complete the response within 10s\nsecond line", DurationMS: 10000},
			{Criterion: "T-SEC-04", Group: "security", Status: scoring.Attested, Message: `attested by "QĐ 12"`},
			{Criterion: "T-A11Y-01", Group: "accessibility", Status: scoring.Pass, Message: `<html lang="vi">`, DurationMS: 3},
			{Criterion: "T-A11Y-02", Group: "accessibility", Status: scoring.NotTested, Message: "no check is built for this criterion"},
		},
		Scores: scoring.Scores{
			Overall: 37.5, Grade: "yeu", Grading: "qd766",
			Caps: []scoring.Cap{{Criterion: "T-SEC-01", Status: scoring.Fail, Grade: "yeu"}},
			Groups: map[string]scoring.GroupScore{
				"security":      {Score: scoring.ScoreOf(25), Earned: 1, Available: 4},
				"accessibility": {Score: scoring.ScoreOf(50), Earned: 1, Available: 2},
			},
			Compliance: scoring.Compliance{Met: 2, Applicable: 5, Rate: 0.4},
		},
		Waivers: scoring.WaiverSummary{
			Applied: []scoring.Waiver{{Criterion: "T-SEC-02", Reason: "migration", ApprovedBy: "CIO", Expires: "2027-01-01"}},
			Stale:   []scoring.Waiver{{Criterion: "T-A11Y-01", Reason: "old", ApprovedBy: "CIO", Expires: "2025-01-01"}},
		},
		Discovery: map[string]string{"home": "default", "procedures": "discovered", "search": "missing"},
		Targets:   []scoring.Target{scoring.SeedTarget(scoring.TargetProceduresOnline, 41, 50)},
		Adapter: &scoring.Adapter{Interfaces: []string{"Assurance", "Dossiers"}, Level2Procedures: []string{"1.001234"},
			Warnings: []string{"portal.Results has signature func(string) string, but check.Results needs func(context.Context, string) (check.Result, error): the harness ignores it"}},
		OutOfScope: []scoring.Refusal{{Method: "POST", URL: "http://other.example/login?token=[redacted]", Host: "other.example:80", Count: 2}},
		Traffic:    &scoring.Traffic{Requests: 137, BytesRead: 512000, MaxInFlight: 8, MaxConnsPerHost: 6, Backoffs: 1, WaitedMS: 2000},
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "golden file missing: run go test ./harness/report -update")
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs from the golden file (run go test ./harness/report -update to accept):\n%s", name, firstDiff(string(want), string(got)))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n-want " + w + "\n+got  " + g
		}
	}
	return ""
}

func TestGolden(t *testing.T) {
	for _, f := range Formats {
		for _, lang := range []string{"vi", "en"} {
			if f == JSON && lang == "en" {
				continue // JSON carries no labels
			}
			t.Run(string(f)+"-"+lang, func(t *testing.T) {
				var b bytes.Buffer
				require.NoError(t, Write(&b, f, sampleReport(), Options{Lang: lang, Catalogue: testCatalogue(), Version: "test"}))
				ext := map[Format]string{JSON: "json", JUnit: "xml", SARIF: "sarif", Markdown: "md", HTML: "html", Text: "txt"}[f]
				golden(t, "sample."+lang+"."+ext, b.Bytes())
			})
		}
	}
}

func TestJSONValidatesAndRoundTrips(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteJSON(&b, sampleReport()))
	require.NoError(t, Validate(ReportSchemaName, b.Bytes()))
	r, err := ReadJSON(&b)
	require.NoError(t, err)
	assert.Equal(t, sampleReport(), r)
}

// TestJSONOfScoredReport validates the output of the real scorer, empty slices included.
func TestJSONOfScoredReport(t *testing.T) {
	cat := testCatalogue()
	r, err := scoring.Score(cat, scoring.Findings{Catalogue: cat.ID, Target: "https://x.example/",
		Findings: []scoring.Finding{{Criterion: "T-SEC-01", Status: scoring.Pass}}}, scoring.Config{})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, WriteJSON(&b, r))
	assert.NoError(t, Validate(ReportSchemaName, b.Bytes()))
	require.NoError(t, WriteJSON(&b, &scoring.Report{ScoringModel: "m", Catalogue: scoring.CatalogueRef{ID: "x"}}))
}

func TestReadJSONRejects(t *testing.T) {
	cases := []struct{ name, doc, want string }{
		{"not json", `{"scoring_model":`, "the JSON ends early"},
		{"bad status", strings.Replace(mustJSON(t, sampleReport()), `"status": "pass"`, `"status": "ok"`, 1), "$.findings[4].status"},
		{"rate above 1", strings.Replace(mustJSON(t, sampleReport()), `"rate": 0.4`, `"rate": 40`, 1), "$.scores.compliance.rate"},
		{"unknown field", strings.Replace(mustJSON(t, sampleReport()), `"target":`, `"extra": 1, "target":`, 1), "extra"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadJSON(strings.NewReader(tc.doc))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func mustJSON(t *testing.T, r *scoring.Report) string {
	var b bytes.Buffer
	require.NoError(t, WriteJSON(&b, r))
	return b.String()
}

// TestSchemaCoversReport fails when scoring.Report gains a JSON field the published schema
// does not describe (or loses one it does), so that the contract and the code cannot drift.
func TestSchemaCoversReport(t *testing.T) {
	raw, err := Schema(ReportSchemaName)
	require.NoError(t, err)
	var s struct {
		Properties  map[string]json.RawMessage `json:"properties"`
		Definitions map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"definitions"`
	}
	require.NoError(t, json.Unmarshal(raw, &s))
	assert.ElementsMatch(t, jsonFields(reflect.TypeOf(scoring.Report{})), keys(s.Properties), "report")
	assert.ElementsMatch(t, jsonFields(reflect.TypeOf(scoring.Finding{})), keys(s.Definitions["finding"].Properties), "finding")
	assert.ElementsMatch(t, jsonFields(reflect.TypeOf(scoring.Evidence{})), keys(s.Definitions["evidence"].Properties), "evidence")
	assert.ElementsMatch(t, jsonFields(reflect.TypeOf(scoring.Waiver{})), keys(s.Definitions["waiver"].Properties), "waiver")
}

func jsonFields(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	return out
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestJUnitParses(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteJUnit(&b, sampleReport(), Options{Lang: "en", Catalogue: testCatalogue()}))
	var doc struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
		Skipped  int `xml:"skipped,attr"`
		Suites   []struct {
			Name  string `xml:"name,attr"`
			Props []struct {
				Name  string `xml:"name,attr"`
				Value string `xml:"value,attr"`
			} `xml:"properties>property"`
			Cases []struct {
				Name    string    `xml:"name,attr"`
				Failure *struct{} `xml:"failure"`
			} `xml:"testcase"`
			SystemOut string `xml:"system-out"`
		} `xml:"testsuite"`
	}
	require.NoError(t, xml.Unmarshal(b.Bytes(), &doc))
	assert.Equal(t, 6, doc.Tests)
	assert.Equal(t, 1, doc.Failures)
	assert.Equal(t, 1, doc.Errors)
	assert.Equal(t, 2, doc.Skipped)
	require.Len(t, doc.Suites, 2)
	assert.Equal(t, "security", doc.Suites[0].Name)
	assert.Equal(t, "T-SEC-01 — Only TLS 1.2 or newer", doc.Suites[0].Cases[0].Name)
	assert.NotNil(t, doc.Suites[0].Cases[0].Failure)

	// The run's adapter, refusals and traffic, as every suite's properties and once for people.
	for _, s := range doc.Suites {
		props := map[string][]string{}
		for _, p := range s.Props {
			props[p.Name] = append(props[p.Name], p.Value)
		}
		assert.Equal(t, []string{"Assurance,Dossiers"}, props["adapter.interfaces"], s.Name)
		assert.Equal(t, []string{"1.001234"}, props["adapter.level2_procedures"], s.Name)
		assert.Len(t, props["adapter.warning"], 1, s.Name)
		assert.Equal(t, []string{"2"}, props["refused.requests"], s.Name)
		assert.Equal(t, []string{"POST http://other.example/login?token=[redacted] ×2"}, props["refused"], s.Name)
		assert.Equal(t, []string{"137"}, props["traffic.requests"], s.Name)
		assert.Equal(t, []string{"512000"}, props["traffic.bytes_read"], s.Name)
		assert.Equal(t, []string{"2000"}, props["traffic.waited_ms"], s.Name)
	}
	out := doc.Suites[0].SystemOut
	assert.Contains(t, out, "The vendor's adapter — Adapter interfaces implemented: Assurance, Dossiers\n")
	assert.Contains(t, out, "  - POST http://other.example/login?token=[redacted] ×2\n")
	assert.Contains(t, out, "Traffic sent to the portal: 137 HTTP requests, 500.0 KiB read")
	assert.Empty(t, doc.Suites[1].SystemOut, "once")
}

func TestSARIFValidates(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteSARIF(&b, sampleReport(), Options{Lang: "en", Catalogue: testCatalogue()}))
	schema, err := os.ReadFile("testdata/sarif-2.1.0-subset.schema.json")
	require.NoError(t, err)
	s, err := jsonschema.Compile("sarif-2.1.0-subset", schema)
	require.NoError(t, err)
	problems, err := s.Validate(b.Bytes())
	require.NoError(t, err)
	assert.Empty(t, problems)

	// The rules of SARIF the schema cannot express.
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string } `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID       string `json:"ruleId"`
				RuleIndex    int    `json:"ruleIndex"`
				Kind, Level  string
				Suppressions []any `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &log))
	run := log.Runs[0]
	require.Len(t, run.Results, 6)
	for _, res := range run.Results {
		assert.Equal(t, res.RuleID, run.Tool.Driver.Rules[res.RuleIndex].ID, "ruleIndex points at the rule")
		if res.Kind != "fail" {
			assert.Equal(t, "none", res.Level, "SARIF §3.27.9: level is none unless kind is fail (%s)", res.RuleID)
		}
	}
	kinds := map[string]string{}
	for _, res := range run.Results {
		kinds[res.RuleID] = res.Kind + "/" + res.Level
	}
	assert.Equal(t, map[string]string{"T-SEC-01": "fail/error", "T-SEC-02": "fail/warning", "T-SEC-03": "review/none",
		"T-SEC-04": "pass/none", "T-A11Y-01": "pass/none", "T-A11Y-02": "open/none"}, kinds)
	assert.Len(t, run.Results[1].Suppressions, 1, "a waived finding is a suppressed failure")
}

func TestHTMLSelfContained(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		var b bytes.Buffer
		require.NoError(t, WriteHTML(&b, sampleReport(), Options{Lang: lang, Catalogue: testCatalogue()}))
		doc, err := html.Parse(bytes.NewReader(b.Bytes()))
		require.NoError(t, err)
		var svgs, details int
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				switch n.Data {
				case "script", "link", "iframe", "object", "embed", "img", "audio", "video", "source":
					t.Errorf("%s: element <%s> would load a resource or run code", lang, n.Data)
				case "svg":
					svgs++
				case "details":
					details++
				}
				for _, a := range n.Attr {
					if (a.Key == "src" || a.Key == "srcset" || a.Key == "background" || a.Key == "poster") && a.Val != "" {
						t.Errorf("%s: <%s %s=%q> loads a resource", lang, n.Data, a.Key, a.Val)
					}
					if a.Key == "style" && strings.Contains(a.Val, "url(") {
						t.Errorf("%s: inline style loads a resource: %s", lang, a.Val)
					}
					if strings.HasPrefix(a.Key, "on") {
						t.Errorf("%s: event handler %s", lang, a.Key)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		out := b.String()
		assert.NotContains(t, out, "url(", "no CSS resource")
		assert.NotContains(t, out, "@import")
		assert.Contains(t, out, `default-src 'none'`)
		assert.GreaterOrEqual(t, svgs, 1, "score ring")
		assert.Contains(t, out, `<i aria-hidden="true"><i style="width:`, "group bars, drawn by inline styles")
		assert.Equal(t, 3, details, "each open finding, and one list of the criteria met or not assessed")
		for _, f := range sampleReport().Findings {
			assert.Contains(t, out, `id="`+f.Criterion+`"`, "every finding has its place")
		}
		assert.NotContains(t, out, "<script>alert(1)</script>", "excerpts are escaped")
		assert.Contains(t, out, "&lt;script&gt;alert(1)&lt;/script&gt;")
	}
	var b bytes.Buffer
	require.NoError(t, WriteHTML(&b, sampleReport(), Options{Lang: "vi", Catalogue: testCatalogue()}))
	assert.Contains(t, b.String(), "Báo cáo đánh giá theo Đề án 06")
	assert.Contains(t, b.String(), "Tắt TLS 1.0/1.1 trong cấu hình máy chủ")
}

func TestMarkdownEscapes(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteMarkdown(&b, sampleReport(), Options{Lang: "en", Catalogue: testCatalogue()}))
	out := b.String()
	assert.Contains(t, out, "TLS 1.0 accepted &lt;b&gt;&amp;&lt;/b&gt; \\`tick\\` \\| pipe")
	assert.NotContains(t, out, "<b>&</b>")
	assert.Contains(t, out, "| **37.5** / 100 | **Weak** | 2 / 5 mandatory criteria met (40.0%) |")
}

func TestAtomicWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	require.NoError(t, WriteFile(path, JSON, sampleReport(), Options{}))
	good, err := os.ReadFile(path)
	require.NoError(t, err)
	require.NoError(t, Validate(ReportSchemaName, good))

	// A writer that fails half-way must leave the good file in place and no temporary file.
	boom := errors.New("disk full")
	err = AtomicWrite(path, func(w io.Writer) error {
		_, _ = w.Write([]byte(`{"half":`))
		return boom
	})
	require.ErrorIs(t, err, boom)
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, good, after)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left behind")

	// Into a directory that does not exist: an error, nothing written.
	assert.Error(t, WriteFile(filepath.Join(dir, "nope", "r.json"), JSON, sampleReport(), Options{}))
}

func TestDiff(t *testing.T) {
	old := sampleReport()
	nw := sampleReport()
	nw.StartedAt = "2026-11-28T03:00:00Z"
	nw.Findings[0].Status = scoring.Pass                                                            // T-SEC-01 fixed
	nw.Findings[4].Status, nw.Findings[4].Message = scoring.Fail, "lang missing"                    // T-A11Y-01 newly failing
	nw.Findings[5].Status = scoring.Pass                                                            // T-A11Y-02 not_tested -> pass: changed
	nw.Findings = append(nw.Findings[:1], nw.Findings[2:]...)                                       // T-SEC-02 removed
	nw.Findings = append(nw.Findings, scoring.Finding{Criterion: "T-NEW-01", Status: scoring.Fail}) // added
	nw.Scores.Overall, nw.Scores.Groups["security"] = 50, scoring.GroupScore{Score: scoring.ScoreOf(75), Earned: 3, Available: 4}
	d := Compare(old, nw)
	ids := func(cs []Change) (out []string) {
		for _, c := range cs {
			out = append(out, c.Criterion)
		}
		return out
	}
	assert.Equal(t, []string{"T-A11Y-01"}, ids(d.NewlyFailing))
	assert.Equal(t, []string{"T-SEC-01"}, ids(d.Fixed))
	assert.Equal(t, []string{"T-SEC-03"}, ids(d.StillFailing))
	assert.Equal(t, []string{"T-A11Y-02"}, ids(d.Changed))
	assert.Equal(t, []string{"T-NEW-01"}, ids(d.Added))
	assert.Equal(t, []string{"T-SEC-02"}, ids(d.Removed))
	assert.Equal(t, 1, d.Unchanged)
	assert.Equal(t, Delta{Old: 37.5, New: 50, Delta: 12.5}, d.Score)
	require.NotNil(t, d.Groups["security"].Delta)
	assert.Equal(t, 50.0, *d.Groups["security"].Delta)
	assert.Empty(t, d.Warnings)
	other := sampleReport()
	other.Target = "https://dvc.other.example.gov.vn/"
	other.Scores.Groups["security"] = scoring.GroupScore{Earned: 0, Available: 4}
	od := Compare(old, other)
	assert.Equal(t, []Warning{{Code: "targets_differ", Old: old.Target, New: other.Target}}, od.Warnings)
	assert.Nil(t, od.Groups["security"].Delta, "a group not tested in one report has no delta")
	var ob bytes.Buffer
	require.NoError(t, od.WriteText(&ob, false))
	assert.Contains(t, ob.String(), "cảnh báo: hai báo cáo thuộc hai cổng khác nhau")
	assert.Contains(t, ob.String(), "25.0 → chưa kiểm tra")
	assert.Contains(t, ob.String(), "xếp loại Yếu → Yếu", "grade labels, not IDs")
	od.Lang = "en"
	ob.Reset()
	require.NoError(t, od.WriteText(&ob, false))
	assert.Contains(t, ob.String(), "warning: the reports are of different portals")
	assert.True(t, d.Regressed())

	var b bytes.Buffer
	require.NoError(t, d.WriteText(&b, false))
	golden(t, "diff.txt", b.Bytes())
	b.Reset()
	require.NoError(t, d.WriteText(&b, true))
	golden(t, "diff.md", b.Bytes())
	b.Reset()
	require.NoError(t, d.WriteJSON(&b))
	golden(t, "diff.json", b.Bytes())
}

// FuzzReadJSON checks that reading a hostile report file never panics and that whatever it
// accepts writes back to a valid report.
func FuzzReadJSON(f *testing.F) {
	var b bytes.Buffer
	_ = WriteJSON(&b, sampleReport())
	f.Add(b.Bytes())
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"scoring_model":"m","catalogue":{"id":"x","version":"1"},"target":"","duration_ms":0,"findings":[],"scores":{"overall":0,"grade":"","grading":"","caps":[],"groups":{},"compliance":{"met":0,"applicable":0,"rate":0}},"waivers":{"applied":[],"stale":[]}}`))
	f.Add([]byte("\x00\xff"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		r, err := ReadJSON(bytes.NewReader(doc))
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := WriteJSON(&out, r); err != nil {
			t.Fatal(err)
		}
		if err := Validate(ReportSchemaName, out.Bytes()); err != nil {
			t.Fatalf("accepted report writes back invalid: %v", err)
		}
		for _, f := range Formats {
			if err := Write(io.Discard, f, r, Options{}); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
		}
	})
}

// TestEvidenceLine pins the one-line evidence of the JUnit, SARIF and Markdown writers and of
// the harness's test output: headers in name order, the excerpt quoted and cut at 200
// characters (runes, not bytes: Vietnamese is multi-byte), the note in the report's language.
func TestEvidenceLine(t *testing.T) {
	ev := scoring.Evidence{Request: "GET https://dichvucong.example.gov.vn/", Status: 200,
		Headers:  map[string]string{"Server": "nginx", "Content-Type": "text/html"},
		Location: "/dang-nhap", Excerpt: strings.Repeat("đ", 250), Note: "home", NoteVI: "trang chủ"}
	want := func(note string) string {
		return "GET https://dichvucong.example.gov.vn/ → 200 · Content-Type: text/html · Server: nginx · /dang-nhap · \"" +
			strings.Repeat("đ", 200) + "…\" · " + note
	}
	assert.Equal(t, want("home"), EvidenceLine(ev, "en"))
	assert.Equal(t, want("trang chủ"), EvidenceLine(ev, "vi"))
	assert.Equal(t, `"short"`, EvidenceLine(scoring.Evidence{Excerpt: "short"}, "en"))
	assert.Equal(t, "", EvidenceLine(scoring.Evidence{}, "vi"))
}
