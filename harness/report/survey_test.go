package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/scoring"
)

// surveyCatalogue is a fixed catalogue for the survey goldens: three groups, mandatory,
// recommended and critical criteria.
func surveyCatalogue() *criteria.Catalogue {
	t := func(vi, en string) criteria.Text { return criteria.Text{VI: vi, EN: en} }
	c := func(id, group string, level criteria.Level, critical bool, vi, en string) criteria.Criterion {
		return criteria.Criterion{ID: id, Group: group, Level: level, Critical: critical, Points: 1, Method: criteria.Automated,
			Title: t(vi, en), Requirement: t("Yêu cầu "+id, "Requirement "+id), Advice: t("Khắc phục "+id, "Fix "+id)}
	}
	return &criteria.Catalogue{
		ID: "survey-cat", Version: "1", Title: t("Danh mục khảo sát", "Survey catalogue"), EffectiveFrom: "2022-01-01",
		Groups: []criteria.Group{{ID: "identity", Title: t("Định danh", "Identity")}, {ID: "security", Title: t("An toàn thông tin", "Security")},
			{ID: "accessibility", Title: t("Tiếp cận", "Accessibility")}},
		Criteria: []criteria.Criterion{
			c("S-ID-01", "identity", criteria.Mandatory, true, "Đăng nhập qua hệ thống xác thực quốc gia", "National SSO login"),
			c("S-ID-02", "identity", criteria.Mandatory, false, "Từ chối ID token sai chữ ký", "Reject badly signed ID tokens"),
			c("S-SEC-01", "security", criteria.Mandatory, true, "Chỉ chấp nhận TLS 1.2 trở lên", "Only TLS 1.2 or newer"),
			c("S-SEC-02", "security", criteria.Mandatory, false, "Có HSTS", "HSTS is set"),
			c("S-SEC-03", "security", criteria.Recommended, false, "Có security.txt", "security.txt is published"),
			c("S-A11Y-01", "accessibility", criteria.Mandatory, false, "Có thuộc tính lang", "html lang is set"),
			c("S-A11Y-02", "accessibility", criteria.Mandatory, false, "Ảnh có văn bản thay thế", "Images have alt text"),
		},
	}
}

// surveyFixture scores fixed findings of four portals: one fully compliant, one missing two
// criteria, one with a failed critical criterion (capped), one unreachable (every finding an
// error). Unit names carry characters that need escaping in every format.
func surveyFixture(t *testing.T) (*criteria.Catalogue, []SurveyEntry) {
	t.Helper()
	cat := surveyCatalogue()
	P, F, E, NA := scoring.Pass, scoring.Fail, scoring.Error, scoring.NotApplicable
	portals := []struct {
		unit, url string
		st        []scoring.Status // in catalogue order
		err       error
		unreach   bool
	}{
		{"UBND tỉnh Mẫu", "https://dvc.mau.example.gov.vn/", []scoring.Status{P, P, P, P, P, P, P}, nil, false},
		{"UBND tỉnh <b>Hà & Giang</b> | \"A\"", "https://dichvucong.hagiang.example.gov.vn/", []scoring.Status{P, F, P, P, F, F, NA}, nil, false},
		{"Bộ Thử nghiệm", "https://dvc.bo.example.gov.vn/", []scoring.Status{F, P, F, P, P, P, F}, nil, false},
		{"UBND tỉnh Không Tới", "https://127.0.0.1:1/", []scoring.Status{E, E, E, E, E, E, E},
			errors.New("target unreachable: connection refused: nothing listens on the port"), true},
	}
	var entries []SurveyEntry
	for _, p := range portals {
		in := scoring.Findings{Catalogue: cat.ID, Target: p.url}
		for i, c := range cat.Criteria {
			in.Findings = append(in.Findings, scoring.Finding{Criterion: c.ID, Group: c.Group, Status: p.st[i]})
		}
		r, err := scoring.Score(cat, in, scoring.Config{})
		require.NoError(t, err)
		r.StartedAt = fmt.Sprintf("2026-11-%02dT03:00:00Z", 20+len(entries)*2) // assessed over a week
		entries = append(entries, SurveyEntry{Unit: p.unit, Report: r, Err: p.err, Unreachable: p.unreach})
	}
	return cat, entries
}

func TestNewSurveyFigures(t *testing.T) {
	cat, entries := surveyFixture(t)
	s, err := NewSurvey(cat, entries)
	require.NoError(t, err)
	sv := s.Survey
	// Mandatory criteria: 6 per portal. Mẫu 6/6; Hà Giang 3/5 (S-A11Y-02 not applicable);
	// Bộ 3/6; Không Tới 0/6.
	assert.Equal(t, 4, sv.Portals)
	assert.Equal(t, 12, sv.Met)
	assert.Equal(t, 23, sv.Applicable)
	assert.InDelta(t, 12.0/23, sv.Rate, 1e-12)
	assert.Equal(t, 1, sv.FullyCompliant)
	assert.InDelta(t, 0.25, sv.FullyCompliantShare, 1e-12)
	assert.Equal(t, 1, s.Unreachable)
	assert.Equal(t, 0, s.Incomplete)
	assert.False(t, s.Compliant())
	assert.Equal(t, "2026-11-20T03:00:00Z", s.AssessedFrom)
	assert.Equal(t, "2026-11-26T03:00:00Z", s.AssessedTo)
	assert.Equal(t, "2026-11-20 – 2026-11-26", s.period())

	var order []string
	for _, p := range s.Portals {
		order = append(order, p.Unit)
	}
	assert.Equal(t, []string{"UBND tỉnh Mẫu", "UBND tỉnh <b>Hà & Giang</b> | \"A\"", "Bộ Thử nghiệm", "UBND tỉnh Không Tới"}, order)
	assert.Equal(t, []int{1, 2, 3, 4}, []int{s.Portals[0].Rank, s.Portals[1].Rank, s.Portals[2].Rank, s.Portals[3].Rank})
	assert.Equal(t, []string{"S-ID-01", "S-SEC-01"}, s.Portals[2].Caps, "the failed critical criteria cap the grade")
	assert.True(t, s.Portals[3].Unreachable)
	assert.Contains(t, s.Portals[3].Error, "connection refused")
	assert.InDelta(t, 50, s.Portals[1].Groups["identity"], 1e-9)
	assert.InDelta(t, 200.0/3, s.Portals[1].Groups["security"], 1e-9)
	assert.Contains(t, s.Portals[1].Groups, "accessibility", "a group with points available and none earned scores 0")

	weak := sv.Weakest(SurveyWeakest)
	require.NotEmpty(t, weak)
	assert.Equal(t, "S-A11Y-02", weak[0].Criterion, "met by 1 of the 3 portals where it applies")
}

func TestNewSurveyCompliant(t *testing.T) {
	cat, entries := surveyFixture(t)
	s, err := NewSurvey(cat, entries[:1])
	require.NoError(t, err)
	assert.True(t, s.Compliant())
}

func TestNewSurveyRejects(t *testing.T) {
	cat, entries := surveyFixture(t)
	other := *entries[1].Report
	other.Catalogue.ID = "qd766"
	tests := []struct {
		name    string
		entries []SurveyEntry
		want    string
	}{
		{"same target", []SurveyEntry{entries[0], {Unit: "Khác", Report: entries[0].Report}}, "entries[1]: target https://dvc.mau.example.gov.vn/ repeats entries[0]"},
		{"same unit", []SurveyEntry{entries[0], {Unit: entries[0].Unit, Report: entries[1].Report}}, `entries[1]: unit "UBND tỉnh Mẫu" repeats entries[0]`},
		{"no report", []SurveyEntry{{Unit: "X"}}, "entries[0] (X): no report"},
		{"no unit", []SurveyEntry{{Report: entries[0].Report}}, "entries[0] (https://dvc.mau.example.gov.vn/): no unit"},
		{"other catalogue", []SurveyEntry{{Unit: "X", Report: &other}}, `not "survey-cat"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewSurvey(cat, tt.entries)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	_, err := NewSurvey(nil, entries)
	assert.Error(t, err)
	for _, write := range []func() error{
		func() error { return WriteSurveyJSON(&bytes.Buffer{}, nil) },
		func() error { return WriteSurveyText(&bytes.Buffer{}, nil, Options{}) },
		func() error { return WriteSurveyMarkdown(&bytes.Buffer{}, &Survey{}, Options{}) },
		func() error { return WriteSurveyHTML(&bytes.Buffer{}, nil, Options{}) },
	} {
		assert.Error(t, write(), "a nil survey is an error, not a panic")
	}
}

func TestSurveyGolden(t *testing.T) {
	cat, entries := surveyFixture(t)
	entries[0].ReportFile = "ubnd-tinh-mau.json"
	s, err := NewSurvey(cat, entries)
	require.NoError(t, err)
	writers := map[string]func(*bytes.Buffer, Options) error{
		"txt":  func(b *bytes.Buffer, o Options) error { return WriteSurveyText(b, s, o) },
		"md":   func(b *bytes.Buffer, o Options) error { return WriteSurveyMarkdown(b, s, o) },
		"html": func(b *bytes.Buffer, o Options) error { return WriteSurveyHTML(b, s, o) },
		"json": func(b *bytes.Buffer, _ Options) error { return WriteSurveyJSON(b, s) },
	}
	for ext, write := range writers {
		for _, lang := range []string{"vi", "en"} {
			if ext == "json" && lang == "en" {
				continue // JSON carries no labels
			}
			t.Run(ext+"-"+lang, func(t *testing.T) {
				var b, again bytes.Buffer
				opt := Options{Lang: lang, Catalogue: cat, Version: "test"}
				require.NoError(t, write(&b, opt))
				require.NoError(t, write(&again, opt))
				assert.Equal(t, b.String(), again.String(), "deterministic")
				golden(t, "survey."+lang+"."+ext, b.Bytes())
			})
		}
	}
}

func TestSurveyText(t *testing.T) {
	cat, entries := surveyFixture(t)
	s, err := NewSurvey(cat, entries)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, WriteSurveyText(&b, s, Options{Lang: "en", Catalogue: cat}))
	out := b.String()
	for _, want := range []string{
		"National compliance rate:           52.2%",
		"(12/23 mandatory criteria met)",
		"Units fully compliant:              25.0%",
		"Portals not reached or unreadable:  1  UBND tỉnh Không Tới",
		"S-A11Y-02    50.0%  1/2  Images have alt text", // the third portal could not assess it
		"capped by S-ID-01, S-SEC-01",
		"UBND tỉnh Không Tới (https://127.0.0.1:1/): target unreachable: connection refused",
	} {
		assert.Contains(t, out, want)
	}
	for i, l := range strings.Split(out, "\n") {
		assert.Equal(t, strings.TrimRight(l, " "), l, "line %d has trailing spaces", i+1)
	}
	ranks := []string{"1  UBND tỉnh Mẫu", "2  UBND tỉnh <b>Hà & Giang</b>", "3  Bộ Thử nghiệm", "4  UBND tỉnh Không Tới"}
	last := -1
	for _, r := range ranks {
		i := strings.Index(out, r)
		require.GreaterOrEqual(t, i, 0, "ranking line %q", r)
		assert.Greater(t, i, last, "ranking order")
		last = i
	}
}

func TestSurveyJSON(t *testing.T) {
	cat, entries := surveyFixture(t)
	s, err := NewSurvey(cat, entries)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, WriteSurveyJSON(&b, s))
	var got struct {
		Survey  scoring.Survey `json:"survey"`
		Portals []struct {
			Unit, URL, Grade, Error string
			Rate, Overall           float64
			Unreachable             bool
		} `json:"portals"`
		Unreachable int `json:"unreachable"`
	}
	dec := json.NewDecoder(&b)
	require.NoError(t, dec.Decode(&got))
	assert.Equal(t, 12, got.Survey.Met)
	assert.Equal(t, 23, got.Survey.Applicable)
	assert.Len(t, got.Portals, 4)
	assert.Equal(t, "UBND tỉnh Mẫu", got.Portals[0].Unit)
	assert.Equal(t, 1.0, got.Portals[0].Rate)
	assert.True(t, got.Portals[3].Unreachable)
	assert.NotEmpty(t, got.Portals[3].Error)
	assert.Equal(t, 1, got.Unreachable)
	assert.NotContains(t, b.String(), "\\u003c", "no HTML escaping of names in JSON")
}

func TestSurveyHTMLSelfContained(t *testing.T) {
	cat, entries := surveyFixture(t)
	s, err := NewSurvey(cat, entries)
	require.NoError(t, err)
	for _, lang := range []string{"vi", "en"} {
		var b bytes.Buffer
		require.NoError(t, WriteSurveyHTML(&b, s, Options{Lang: lang, Catalogue: cat}))
		out := b.String()
		doc, err := html.Parse(bytes.NewReader(b.Bytes()))
		require.NoError(t, err)
		var svgs, tables, h2 int
		var barTitles, htmlLang string
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				switch n.Data {
				case "script", "link", "iframe", "object", "embed", "img", "audio", "video", "source", "base", "form":
					t.Errorf("%s: element <%s> would load a resource or run code", lang, n.Data)
				case "html":
					htmlLang = attr(n, "lang")
				case "svg":
					svgs++
					assert.Equal(t, "img", attr(n, "role"), "%s: a chart is an image to assistive technology", lang)
					assert.NotEmpty(t, attr(n, "aria-labelledby")+attr(n, "aria-label"), "%s: a chart has an accessible name", lang)
				case "table":
					tables++
				case "h2":
					h2++
					assert.NotEmpty(t, strings.TrimSpace(surveyText(n)), "%s: a heading has text", lang)
				case "title":
					if n.Parent != nil && n.Parent.Data == "g" && n.FirstChild != nil {
						barTitles += n.FirstChild.Data + "\n"
					}
				}
				for _, a := range n.Attr {
					if (a.Key == "src" || a.Key == "srcset" || a.Key == "href" && !strings.HasPrefix(a.Val, "#")) && a.Val != "" {
						t.Errorf("%s: <%s %s=%q> points outside the page", lang, n.Data, a.Key, a.Val)
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
		assert.Equal(t, lang, htmlLang)
		assert.Contains(t, out, `content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`)
		assert.NotContains(t, out, "url(")
		assert.NotContains(t, out, "@import")
		assert.Equal(t, 6, svgs, "%s: ring, units, groups, matrix, weakest, criteria", lang)
		assert.GreaterOrEqual(t, tables, 5, "%s: a table beside every chart", lang)
		assert.Equal(t, 6, h2, "%s: one heading per section", lang)
		assert.NotContains(t, out, "<b>Hà & Giang</b>", "names are escaped")
		assert.Contains(t, out, "&lt;b&gt;Hà &amp; Giang&lt;/b&gt;")
		// Every bar has a tooltip with its figures.
		assert.Contains(t, barTitles, "UBND tỉnh Mẫu — https://dvc.mau.example.gov.vn/")
		assert.Contains(t, barTitles, "S-A11Y-02")
		assert.Contains(t, barTitles, "(1/2)")
	}
	var b bytes.Buffer
	require.NoError(t, WriteSurveyHTML(&b, s, Options{Lang: "vi", Catalogue: cat}))
	for _, want := range []string{"Khảo sát theo Đề án 06", "Tỷ lệ đáp ứng toàn quốc", "52.2%", "12 / 23", "không truy cập được",
		"Khắc phục S-A11Y-02", "Xem dạng bảng"} {
		assert.Contains(t, b.String(), want)
	}
	b.Reset()
	require.NoError(t, WriteSurveyHTML(&b, s, Options{Lang: "en", Catalogue: cat}))
	for _, want := range []string{"Project 06 survey", "National compliance rate", "not reached", "Fix S-A11Y-02", "Show as a table"} {
		assert.Contains(t, b.String(), want)
	}
}

func surveyText(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(surveyText(c))
	}
	return b.String()
}

// Every label of both languages is set: a missing one would print an empty heading or prefix.
func TestSurveyWordsComplete(t *testing.T) {
	for lang, w := range map[string]surveyWords{"en": surveyWordsEN, "vi": surveyWordsVI} {
		v := reflect.ValueOf(w)
		for i := range v.NumField() {
			assert.NotEmpty(t, v.Field(i).String(), "%s: %s", lang, v.Type().Field(i).Name)
		}
	}
	assert.NotEqual(t, surveyWordsEN, surveyWordsVI)
}

func TestSurveyOnlyAndPeriodShown(t *testing.T) {
	cat, entries := surveyFixture(t)
	s, err := NewSurvey(cat, entries)
	require.NoError(t, err)
	s.Only = []string{"security", "S-A11Y-01"}
	for _, lang := range []string{"vi", "en"} {
		w := map[string]surveyWords{"vi": surveyWordsVI, "en": surveyWordsEN}[lang]
		opt := Options{Lang: lang, Catalogue: cat}
		var txt, md, h bytes.Buffer
		require.NoError(t, WriteSurveyText(&txt, s, opt))
		require.NoError(t, WriteSurveyMarkdown(&md, s, opt))
		require.NoError(t, WriteSurveyHTML(&h, s, opt))
		assert.Contains(t, txt.String(), w.Only+": security, S-A11Y-01\n")
		assert.Contains(t, txt.String(), w.Assessed+": 2026-11-20 – 2026-11-26 (UTC)")
		assert.Contains(t, md.String(), "**"+w.Only+":** security, S-A11Y-01")
		assert.Contains(t, h.String(), w.Only+": <b>security, S-A11Y-01</b>")
		assert.Contains(t, h.String(), w.Assessed+": 2026-11-20 – 2026-11-26 (UTC)")
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// A survey where nothing applied still renders every format without dividing by zero.
func TestSurveyNothingApplicable(t *testing.T) {
	cat := surveyCatalogue()
	in := scoring.Findings{Catalogue: cat.ID, Target: "https://x.example/"}
	for _, c := range cat.Criteria {
		in.Findings = append(in.Findings, scoring.Finding{Criterion: c.ID, Status: scoring.NotApplicable})
	}
	r, err := scoring.Score(cat, in, scoring.Config{})
	require.NoError(t, err)
	s, err := NewSurvey(cat, []SurveyEntry{{Unit: "X", Report: r}})
	require.NoError(t, err)
	assert.False(t, s.Compliant(), "nothing met: not fully compliant")
	for _, lang := range []string{"vi", "en"} {
		var b bytes.Buffer
		require.NoError(t, WriteSurveyText(&b, s, Options{Lang: lang, Catalogue: cat}))
		require.NoError(t, WriteSurveyMarkdown(&b, s, Options{Lang: lang, Catalogue: cat}))
		require.NoError(t, WriteSurveyHTML(&b, s, Options{Lang: lang, Catalogue: cat}))
		assert.NotContains(t, b.String(), "NaN")
	}
	var b bytes.Buffer
	require.NoError(t, WriteSurveyText(&b, s, Options{Lang: "en", Catalogue: cat}))
	assert.Contains(t, b.String(), "No mandatory criterion applied.")
}

func TestSurveyInputSchema(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string // problem paths; none: valid
	}{
		{"minimal", `{"portals":[{"url":"https://a.example","unit":"A"}]}`, nil},
		{"full", `{"$schema":"x","portals":[{"url":"http://a.example/p","unit":"A","profile":"p.json","ca":"ca.pem"},{"url":"https://b.example","unit":"B","profile":{"home":"/"}}]}`, nil},
		{"empty", `{"portals":[]}`, []string{"$.portals"}},
		{"no unit", `{"portals":[{"url":"https://a.example"}]}`, []string{"$.portals[0]"}},
		{"blank unit", `{"portals":[{"url":"https://a.example","unit":"  "}]}`, []string{"$.portals[0].unit"}},
		{"ftp", `{"portals":[{"url":"ftp://a.example","unit":"A"}]}`, []string{"$.portals[0].url"}},
		{"unknown field", `{"portals":[{"url":"https://a.example","unit":"A","name":"x"}]}`, []string{"$.portals[0]"}},
		{"profile number", `{"portals":[{"url":"https://a.example","unit":"A","profile":3}]}`, []string{"$.portals[0].profile"}},
		{"not an object", `[]`, []string{"$"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(SurveyInputSchemaName, []byte(tt.doc))
			if tt.want == nil {
				assert.NoError(t, err)
				return
			}
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			var paths []string
			for _, p := range ve.Problems {
				paths = append(paths, p.Path)
			}
			for _, w := range tt.want {
				assert.Contains(t, paths, w)
			}
		})
	}
}

func TestSurveyFit(t *testing.T) {
	assert.Equal(t, "abc", surveyFit("abc", 100))
	long := strings.Repeat("Đăng nhập công dân ", 10)
	got := surveyFit(long, 290)
	assert.True(t, strings.HasSuffix(got, "…"))
	assert.Less(t, len([]rune(got)), len([]rune(long)))
}

func TestSurveyJSONOfEmptySurveyValidates(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, WriteSurveyJSON(&b, &Survey{Survey: &scoring.Survey{Catalogue: scoring.CatalogueRef{ID: "c"}}, Portals: []SurveyPortal{{Rank: 1, Unit: "X", URL: "https://x.example/"}}}))
	assert.NoError(t, Validate(SurveySchemaName, b.Bytes()), "nil lists and maps are written as the schema wants them")
}

func TestSurveyJSONValidatesAndRoundTrips(t *testing.T) {
	cat, entries := surveyFixture(t)
	entries[0].ReportFile = "a.json"
	s, err := NewSurvey(cat, entries)
	require.NoError(t, err)
	s.Only = []string{"security"}
	var b bytes.Buffer
	require.NoError(t, WriteSurveyJSON(&b, s))
	require.NoError(t, Validate(SurveySchemaName, b.Bytes()))
	back, err := ReadSurveyJSON(bytes.NewReader(b.Bytes()))
	require.NoError(t, err)
	assert.Equal(t, s, back)

	bad := strings.Replace(b.String(), `"rate": 0.5217391304347826`, `"rate": 52.17`, 1)
	_, err = ReadSurveyJSON(strings.NewReader(bad))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "$.survey.rate")
}

// Every field the survey JSON can carry is in the published schema (which forbids others).
func TestSurveySchemaCoversSurvey(t *testing.T) {
	raw, err := Schema(SurveySchemaName)
	require.NoError(t, err)
	var sc struct {
		Properties map[string]json.RawMessage `json:"properties"`
	}
	require.NoError(t, json.Unmarshal(raw, &sc))
	var props struct {
		Survey struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"survey"`
		Portals struct {
			Items struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"items"`
		} `json:"portals"`
	}
	require.NoError(t, json.Unmarshal(mustMarshal(t, sc.Properties), &props))
	assert.ElementsMatch(t, surveyFields(reflect.TypeOf(Survey{})), surveyKeys(sc.Properties))
	assert.ElementsMatch(t, surveyFields(reflect.TypeOf(scoring.Survey{})), surveyKeys(props.Survey.Properties))
	assert.ElementsMatch(t, surveyFields(reflect.TypeOf(SurveyPortal{})), surveyKeys(props.Portals.Items.Properties))
}

func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

func surveyFields(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		if f := t.Field(i); f.Anonymous { // encoding/json writes its fields as the outer struct's
			out = append(out, surveyFields(f.Type)...)
			continue
		}
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	return out
}

func surveyKeys(m map[string]json.RawMessage) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
