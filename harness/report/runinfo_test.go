package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/jsonschema"
	"github.com/p06kit/p06kit/scoring"
)

// partialReport is sampleReport as a --only run that selected two criteria.
func partialReport() *scoring.Report {
	r := sampleReport()
	r.Partial = &scoring.Partial{Selected: []string{"security"}, Criteria: []string{"T-SEC-01", "T-SEC-03"}}
	return r
}

func render(t *testing.T, f Format, r *scoring.Report, lang string) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, Write(&b, f, r, Options{Lang: lang, Catalogue: testCatalogue(), Version: "v9.9.9"}))
	return b.String()
}

// A partial run says so in every human format, names its selection, and prints no grade as if
// it were the portal's: not the band label, not the caps that would lower it.
func TestPartialRunRendersEverywhere(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		w := runWordsFor(lang)
		grade := gradeLabel(sampleReport(), lang) // "Yếu" / "Weak"
		for _, f := range []Format{Markdown, HTML, Text} {
			t.Run(string(f)+"-"+lang, func(t *testing.T) {
				out := render(t, f, partialReport(), lang)
				assert.Contains(t, out, w.Partial)
				assert.Contains(t, out, w.NotGraded)
				assert.Contains(t, out, "--only security")
				assert.Contains(t, out, "T-SEC-03")
				// T-SEC-01 (mandatory) fails and T-SEC-03 (mandatory) is an error: 0 of 2 met.
				assert.Contains(t, out, w.SelectedMet)
				assert.Regexp(t, regexp.MustCompile(`0 / 2`), out)
				assert.NotContains(t, out, ">"+grade+"<", "the band label is not shown as the portal's grade")
				assert.NotContains(t, out, "**"+grade+"**")
				assert.NotContains(t, out, wordsFor(lang).CapNote, "no cap on a grade the run does not give")
				// Nor a score: the criteria left out weigh in the report's numbers.
				assert.Contains(t, out, w.ScorePartial)
				for _, score := range []string{"37.5", "25.0"} { // (50.0 is the coverage)
					assert.NotContains(t, out, score)
				}
			})
		}
		// The whole report still shows the grade.
		assert.Contains(t, render(t, Text, sampleReport(), lang), grade)
	}
	var sarif map[string]any
	require.NoError(t, json.Unmarshal([]byte(render(t, SARIF, partialReport(), "en")), &sarif))
	props := sarif["runs"].([]any)[0].(map[string]any)["properties"].(map[string]any)
	assert.NotContains(t, props, "grade")
	assert.NotContains(t, props, "score")
	assert.Equal(t, map[string]any{"selected": []any{"security"}, "criteria": []any{"T-SEC-01", "T-SEC-03"}, "graded": false}, props["partial"])
	assert.Equal(t, "0/2", props["compliance"])

	junit := render(t, JUnit, partialReport(), "vi")
	assert.Contains(t, junit, `<property name="partial" value="security">`)
	assert.Contains(t, junit, `<property name="partial.criteria" value="T-SEC-01,T-SEC-03">`)
	require.NoError(t, xml.Unmarshal([]byte(junit), new(junitSuites)))
}

// The adapter, the refused requests and the traffic show in every human format in the
// reader's language, and where they mean something in SARIF.
func TestRunFactsRenderEverywhere(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		w := runWordsFor(lang)
		for _, f := range []Format{Markdown, HTML, Text} {
			t.Run(string(f)+"-"+lang, func(t *testing.T) {
				out := render(t, f, sampleReport(), lang)
				for _, want := range []string{w.Adapter, w.Interfaces, "Assurance", "Dossiers", w.Level2, "1.001234",
					w.AdapterWarnings, "portal.Results has signature", w.OutOfScope, "other.example/login?token=[redacted]", "×2",
					w.Traffic, "137", "500.0 KiB", "429/503", "v9.9.9"} {
					assert.Contains(t, out, escapeFor(f, want))
				}
			})
		}
		// The refused requests are counted: 2 attempts of 1 request.
		for _, f := range []Format{Markdown, HTML, Text} {
			assert.Contains(t, render(t, f, sampleReport(), lang), " 2 "+w.RefusedTotal+".")
		}
		// An adapter that implements Assurance and names nothing says so; one without it is silent.
		r := sampleReport()
		r.Adapter.Level2Procedures = nil
		assert.Contains(t, render(t, Text, r, lang), w.Level2+": "+w.Level2None)
		r.Adapter.Interfaces = []string{"Dossiers"}
		assert.NotContains(t, render(t, Text, r, lang), w.Level2)
		// Nothing to say, nothing said.
		r = sampleReport()
		r.Adapter, r.OutOfScope, r.Traffic = nil, nil, nil
		for _, f := range []Format{Markdown, HTML, Text} {
			out := render(t, f, r, lang)
			for _, no := range []string{w.Adapter, w.OutOfScope, w.Traffic} {
				assert.NotContains(t, out, escapeFor(f, no))
			}
		}
	}
	var sarif struct {
		Runs []struct {
			Invocations []struct {
				Exec   []sarifNotification `json:"toolExecutionNotifications"`
				Config []sarifNotification `json:"toolConfigurationNotifications"`
				Props  map[string]any      `json:"properties"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	r := sampleReport()
	r.Traffic.Depth = "deep"
	out := render(t, SARIF, r, "en")
	schema, err := os.ReadFile("testdata/sarif-2.1.0-subset.schema.json")
	require.NoError(t, err)
	sch, err := jsonschema.Compile("sarif-2.1.0-subset", schema)
	require.NoError(t, err)
	problems, err := sch.Validate([]byte(out))
	require.NoError(t, err)
	assert.Empty(t, problems)
	require.NoError(t, json.Unmarshal([]byte(out), &sarif))
	inv := sarif.Runs[0].Invocations[0]
	require.Len(t, inv.Exec, 1)
	assert.Contains(t, inv.Exec[0].Message.Text, "POST http://other.example/login?token=[redacted] ×2")
	require.Len(t, inv.Config, 1)
	assert.Equal(t, "warning", inv.Config[0].Level)
	assert.EqualValues(t, 137, inv.Props["traffic"].(map[string]any)["requests"])
	assert.Equal(t, "deep", inv.Props["traffic"].(map[string]any)["depth"], "SARIF records the probe depth, as the other formats do")
}

// escapeFor is s as format f writes it in running text.
func escapeFor(f Format, s string) string {
	switch f {
	case HTML:
		// Quotes need no reference in text (WriteHTML writes them as they are).
		return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
	case Markdown:
		if strings.ContainsAny(s, "[]_") && !strings.Contains(s, "/") && !strings.Contains(s, " ") {
			return mdInline(s)
		}
	}
	return s
}

// A secret in what the adapter declared or the selection named is masked in every format.
func TestRunFactsRedacted(t *testing.T) {
	r := sampleReport()
	r.Adapter.Warnings = []string{"x.Login has signature password=hunter2secret"}
	r.Adapter.Level2Procedures = []string{"token=abcdefghijklmnop123"}
	r.OutOfScope[0].URL = "https://evil.example/?access_token=abcdefghijklmnop456"
	for _, f := range Formats {
		out := render(t, f, r, "en")
		for _, secret := range []string{"hunter2secret", "abcdefghijklmnop123", "abcdefghijklmnop456"} {
			assert.NotContains(t, out, secret, "%s", f)
		}
	}
}

// Every report names the tool and version that made it: JSON in "tool", the human formats
// beside the scoring model; a report made by another version says both.
func TestToolVersionInEveryReport(t *testing.T) {
	var r scoring.Report
	require.NoError(t, json.Unmarshal([]byte(render(t, JSON, sampleReport(), "vi")), &r))
	require.NotNil(t, r.Tool)
	assert.Equal(t, scoring.Tool{Name: "p06kit", Version: "v9.9.9"}, *r.Tool)
	for _, f := range []Format{Markdown, HTML, Text, JUnit, SARIF} {
		assert.Contains(t, render(t, f, sampleReport(), "vi"), "p06kit v9.9.9", "%s", f)
	}
	old := sampleReport()
	old.Tool = &scoring.Tool{Name: "p06kit", Version: "v0.1.0"}
	for _, lang := range []string{"vi", "en"} {
		out := render(t, Text, old, lang)
		assert.Contains(t, out, "p06kit v0.1.0 · "+wordsFor(lang).RenderedBy+" p06kit v9.9.9")
	}
	// The default is the build's version, never empty.
	var b bytes.Buffer
	require.NoError(t, Write(&b, JSON, sampleReport(), Options{}))
	require.NoError(t, json.Unmarshal(b.Bytes(), &r))
	assert.Equal(t, ToolVersion(), r.Tool.Version)
	assert.NotEmpty(t, ToolVersion())
}

func TestVersionFrom(t *testing.T) {
	assert.Equal(t, "dev", VersionFrom("", nil))
	assert.Equal(t, "v1.2.3", VersionFrom("v1.2.3", nil))
	bi := &debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "v0.4.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "3f2c1ab9d0e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4"}, {Key: "vcs.modified", Value: "true"}}}
	assert.Equal(t, "v0.4.0 (3f2c1ab9d0e8, dirty)", VersionFrom("", bi))
	// In a vendor's test binary p06kit is a dependency: its version, not the vendor's revision.
	vendor := &debug.BuildInfo{Main: debug.Module{Path: "example.com/portal", Version: "(devel)"},
		Deps:     []*debug.Module{{Path: "golang.org/x/net", Version: "v0.30.0"}, {Path: modulePath, Version: "v0.5.1"}},
		Settings: bi.Settings}
	assert.Equal(t, "v0.5.1", VersionFrom("", vendor))
	vendor.Deps[1] = &debug.Module{Path: modulePath, Version: "v0.5.1", Replace: &debug.Module{Path: "../p06kit"}}
	assert.Equal(t, "v0.5.1", VersionFrom("", vendor))
	vendor.Deps = nil
	assert.Equal(t, "dev", VersionFrom("", vendor))
}

// The Vietnamese rendering of the run facts is Vietnamese: no English function word outside
// code spans and URLs (identifiers, the adapter's Go diagnostics, are code).
func TestRunFactsMarkdownIsVietnamese(t *testing.T) {
	md := render(t, Markdown, partialReport(), "vi")
	i := strings.Index(md, "### "+runWordsVI.Adapter)
	j := strings.Index(md, "<details>")
	require.True(t, i > 0 && j > i, "adapter section before the folded lists")
	words := msg.EnglishWords(md[:strings.Index(md, "\n### ")] + md[i:j])
	assert.Empty(t, words)
}

// report diff warns when a partial run is compared: its score and grade do not compare.
func TestDiffWarnsOnPartial(t *testing.T) {
	d := Compare(sampleReport(), partialReport())
	require.Len(t, d.Warnings, 1)
	assert.Equal(t, Warning{Code: "partial", Old: "", New: "security"}, d.Warnings[0])
	for lang, want := range map[string]string{
		"vi": "cảnh báo: có báo cáo đánh giá một phần (--only) (trước: toàn bộ danh mục, sau: security)",
		"en": "warning: a partial run (--only) is compared (old: whole catalogue, new: security)",
	} {
		d.Lang = lang
		var b bytes.Buffer
		require.NoError(t, d.WriteText(&b, false))
		assert.Contains(t, b.String(), want)
	}
	assert.Empty(t, Compare(sampleReport(), sampleReport()).Warnings)
}

// TestShellsRenderEverywhere: the pages the harness did not see drawn are listed, with the
// criteria that met them, in every human format and both languages, redacted; the JSON
// validates against the report schema.
func TestShellsRenderEverywhere(t *testing.T) {
	r := sampleReport()
	r.Shells = []scoring.Shell{{URL: "https://portal.example/dvc?token=SECRET123456", Reason: "an empty mount element with module scripts and 12 characters of text",
		ReasonVI: "phần tử gắn kết rỗng, 12 ký tự văn bản", Criteria: []string{"P06-SVC-01", "P06-UX-10"}}}
	reason := map[string]string{"vi": "phần tử gắn kết rỗng, 12 ký tự", "en": "empty mount element with module scripts"}
	for _, lang := range []string{"vi", "en"} {
		w := runWordsFor(lang)
		for _, f := range []Format{Markdown, HTML, Text} {
			out := render(t, f, r, lang)
			for _, want := range []string{w.Shells, "portal.example/dvc?token=[redacted]", "P06-SVC-01", "P06-UX-10", reason[lang]} {
				assert.Contains(t, out, escapeFor(f, want), "%s %s", f, lang)
			}
			assert.NotContains(t, out, "SECRET123456")
		}
		r2 := sampleReport()
		for _, f := range []Format{Markdown, HTML, Text} {
			assert.NotContains(t, render(t, f, r2, lang), escapeFor(f, w.Shells))
		}
	}
	out := render(t, JSON, r, "en")
	assert.NotContains(t, out, "SECRET123456")
	assert.NoError(t, Validate("report.schema.json", []byte(out)))
}

// The probe depth a report records shows beside the politeness limits, in the reader's
// language; a report made before it was recorded says nothing about it.
func TestRunFactsDepth(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		w := runWordsFor(lang)
		for depth, want := range map[string]string{"standard": w.DepthStandard, "deep": w.DepthDeep} {
			r := sampleReport()
			r.Traffic.Depth = depth
			assert.Contains(t, render(t, Text, r, lang), fmt.Sprintf(w.TrafficDepth, want))
		}
		out := render(t, Text, sampleReport(), lang)
		assert.NotContains(t, out, w.DepthStandard)
		assert.NotContains(t, out, w.DepthDeep)
	}
}
