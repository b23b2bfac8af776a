package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/scoring"
)

// scoreFixture writes a findings file over p06-technical in which seven non-critical mandatory
// criteria pass, two fail, one is failing but waived, and everything else is not_applicable;
// critical turns one critical criterion into a failure as well.
func scoreFixture(t *testing.T, critical bool, expires string) (findings, waivers string, ids []string) {
	t.Helper()
	cat := criteria.P06Technical()
	var crit string
	for _, c := range cat.Criteria {
		if c.Level == criteria.Mandatory && c.Method != criteria.Attested {
			if c.Critical {
				if crit == "" {
					crit = c.ID
				}
				continue
			}
			ids = append(ids, c.ID)
		}
	}
	require.GreaterOrEqual(t, len(ids), 10)
	in := scoring.Findings{Catalogue: cat.ID, Target: "https://dichvucong.tinh.example/"}
	for _, c := range cat.Criteria {
		st := scoring.NotApplicable
		for i, id := range ids[:10] {
			if id == c.ID {
				st = scoring.Pass
				if i >= 7 {
					st = scoring.Fail
				}
			}
		}
		if critical && c.ID == crit {
			st = scoring.Fail
		}
		in.Findings = append(in.Findings, scoring.Finding{Criterion: c.ID, Status: st, Message: "seen"})
	}
	dir := t.TempDir()
	findings = filepath.Join(dir, "findings.json")
	waivers = filepath.Join(dir, "waivers.json")
	writeJSON(t, findings, in)
	writeJSON(t, waivers, scoring.WaiverFile{Waivers: []scoring.Waiver{{Criterion: ids[9], Reason: "gateway migration", ApprovedBy: "Sở KH&CN", Expires: expires}}})
	if critical {
		ids = append(ids, crit)
	}
	return findings, waivers, ids
}

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, b, 0o644))
}

func TestScoreCommand(t *testing.T) {
	findings, waivers, ids := scoreFixture(t, false, "2027-12-31")
	code, out, stderr := p06("score", findings, "--waivers", waivers, "--as-of", "2026-11-27")
	require.Equal(t, exitNotMet, code, stderr)
	var r scoring.Report
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	assert.Equal(t, 7, r.Scores.Compliance.Met)
	assert.Equal(t, 9, r.Scores.Compliance.Applicable)
	assert.InDelta(t, 7.0/9.0, r.Scores.Compliance.Rate, 1e-12)
	require.Len(t, r.Waivers.Applied, 1)
	assert.Equal(t, ids[9], r.Waivers.Applied[0].Criterion)
	assert.Empty(t, r.Scores.Caps)

	// Byte-identical output on a second run.
	code2, out2, _ := p06("score", "--as-of", "2026-11-27", "--waivers", waivers, findings)
	assert.Equal(t, code, code2)
	assert.Equal(t, out, out2)
}

func TestScoreCommandCap(t *testing.T) {
	findings, waivers, ids := scoreFixture(t, true, "2027-12-31")
	_, out, _ := p06("score", findings, "--waivers", waivers, "--as-of", "2026-11-27")
	var r scoring.Report
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	assert.Equal(t, "yeu", r.Scores.Grade)
	require.Len(t, r.Scores.Caps, 1)
	assert.Equal(t, ids[len(ids)-1], r.Scores.Caps[0].Criterion)
}

func TestScoreCommandStaleWaiver(t *testing.T) {
	findings, waivers, ids := scoreFixture(t, false, "2026-01-31")
	_, out, _ := p06("score", findings, "--waivers", waivers, "--as-of", "2026-11-27")
	var r scoring.Report
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	require.Len(t, r.Waivers.Stale, 1)
	assert.Equal(t, ids[9], r.Waivers.Stale[0].Criterion)
	assert.Empty(t, r.Waivers.Applied)
	assert.Equal(t, 10, r.Scores.Compliance.Applicable, "the stale waiver's criterion counts as found")
	assert.Equal(t, 7, r.Scores.Compliance.Met)
}

func TestScoreCommandBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
		return p
	}
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown criterion", []string{write("a.json", `{"findings":[{"criterion":"P06-SEC-01","status":"pass"},{"criterion":"P06-NOPE-1","status":"pass"}]}`)},
			`findings[1]: unknown criterion "P06-NOPE-1"`},
		{"unknown status", []string{write("b.json", `{"findings":[{"criterion":"P06-SEC-01","status":"passed"}]}`)},
			`$.findings[0].status: must be one of`},
		{"duplicate", []string{write("c.json", `{"findings":[{"criterion":"P06-SEC-01","status":"pass"},{"criterion":"P06-SEC-01","status":"fail"}]}`)},
			`findings[1]: criterion P06-SEC-01 already has a finding at findings[0]`},
		{"malformed JSON", []string{write("d.json", "{\"findings\": [\n  {\"criterion\": \"P06-SEC-01\",}\n]}")},
			`JSON không hợp lệ: dòng 2, cột 30: ký tự '}' không hợp lệ`}, // in the run's language (vi)
		{"missing file", []string{filepath.Join(dir, "none.json")}, "none.json: không có tệp hay thư mục này"},
		{"bad waivers", []string{write("e.json", `{"findings":[]}`), "--waivers", write("w.json", `{"waivers":[{"criterion":"P06-SEC-01"}]}`)},
			`$.waivers[0]: `},
		{"unknown waiver criterion", []string{write("f.json", `{"findings":[]}`), "--as-of", "2026-01-01", "--waivers",
			write("w2.json", `{"waivers":[{"criterion":"P06-X","reason":"r","approved_by":"a","expires":"2027-01-01"}]}`)},
			`waivers[0] (P06-X): unknown criterion "P06-X"`},
		{"no file", nil, "cần một tệp kết quả"},
		{"bad format", []string{write("g.json", `{"findings":[]}`), "--format", "xml"}, `không có định dạng "xml"`},
		{"bad date", []string{write("h.json", `{"findings":[]}`), "--as-of", "tomorrow"}, `--as-of "tomorrow"`},
		{"unknown catalogue", []string{write("i.json", `{"findings":[]}`), "--catalogue", "nope"}, `no built-in catalogue "nope"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, stderr := p06(append([]string{"score"}, tc.args...)...)
			assert.Equal(t, exitCantRun, code)
			assert.Empty(t, out)
			assert.Contains(t, stderr, tc.want)
		})
	}
}

func TestScoreCommandMarkdown(t *testing.T) {
	findings, _, _ := scoreFixture(t, true, "2027-12-31")
	code, out, stderr := p06("score", findings, "--format", "md", "--lang", "en", "--as-of", "2026-11-27")
	require.Equal(t, exitNotMet, code, stderr)
	assert.Contains(t, out, "Grade caps")
	assert.Contains(t, out, "7 / 11 mandatory criteria met", "seven pass; two fail, one is waived and the critical one fails")
	code, out, _ = p06("score", findings, "--format", "md", "--lang", "vi", "--as-of", "2026-11-27")
	assert.Equal(t, exitNotMet, code)
	assert.Contains(t, out, "Yếu")
}

// A "Tốt" grade rests on a boundary the sources do not confirm: the JSON says
// grade_verified: false and the Vietnamese Markdown says so beside the grade.
func TestScoreCommandGradeUnverified(t *testing.T) {
	findings, _, _ := scoreFixture(t, false, "2027-12-31")
	_, out, stderr := p06("score", findings, "--as-of", "2026-11-27")
	var raw struct {
		Scores map[string]any `json:"scores"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &raw), stderr)
	require.Equal(t, "tot", raw.Scores["grade"], "the fixture scores 7 of 9 applicable mandatory criteria")
	assert.Equal(t, false, raw.Scores["grade_verified"])
	_, out, _ = p06("score", findings, "--format", "md", "--lang", "vi", "--as-of", "2026-11-27")
	assert.Contains(t, out, "Tốt (ranh giới chưa xác minh)")
	_, out, _ = p06("score", findings, "--format", "md", "--lang", "en", "--as-of", "2026-11-27")
	assert.Contains(t, out, "Good (boundary unverified)")
}

// p06 score on a p06 scan report gives the scan's own scores: same findings, same as-of day,
// grading and waivers (a waived finding is scored from the status it had before its waiver).
func TestScoreReadsScanReport(t *testing.T) {
	srv, ca := tlsPortal(t, headersHandler(false))
	dir := t.TempDir()
	waivers := filepath.Join(dir, "waivers.json")
	require.NoError(t, os.WriteFile(waivers, []byte(`{"waivers":[{"criterion":"P06-SEC-09","reason":"WAF rollout in Q3","approved_by":"Sở TT&TT","expires":"2099-12-31"}]}`), 0o600))
	scan := filepath.Join(dir, "scan.json")
	code, _, stderr := p06("scan", "--ca", ca, "--timeout", "2s", "--quiet", "--grading", "qd473", "--waivers", waivers,
		"--only", "security,accessibility", "--out", scan, srv.URL)
	require.NotEqual(t, exitCantRun, code, stderr)
	raw, err := os.ReadFile(scan)
	require.NoError(t, err)
	var scanned scoring.Report
	require.NoError(t, json.Unmarshal(raw, &scanned))
	require.Len(t, scanned.Waivers.Applied, 1, "the fixture must exercise a waiver")
	require.NotNil(t, scanned.Partial)

	code, out, stderr := p06("score", scan)
	require.NotEqual(t, exitCantRun, code, stderr)
	var scored scoring.Report
	require.NoError(t, json.Unmarshal([]byte(out), &scored))
	assert.Equal(t, scanned.Scores, scored.Scores)
	assert.Equal(t, scanned.Coverage, scored.Coverage)
	assert.Equal(t, scanned.Waivers, scored.Waivers)
	assert.Equal(t, scanned.Findings, scored.Findings)
	assert.Equal(t, scanned.Partial, scored.Partial)

	// A survey summary holds no findings: the message says where they are.
	survey := filepath.Join(dir, "survey.json")
	require.NoError(t, os.WriteFile(survey, []byte(`{"survey":{},"portals":[]}`), 0o600))
	code, _, stderr = p06("score", survey)
	assert.Equal(t, exitCantRun, code)
	assert.Contains(t, stderr, "p06 survey --reports THƯ_MỤC")
}

// --grading qd473 computes the overall score from Decision 473's six weighted groups.
func TestScoreCommandGradingQD473View(t *testing.T) {
	findings, _, _ := scoreFixture(t, false, "2027-12-31")
	_, out, stderr := p06("score", findings, "--as-of", "2026-11-27", "--grading", "qd473")
	var r scoring.Report
	require.NoError(t, json.Unmarshal([]byte(out), &r), stderr)
	assert.Equal(t, "qd473", r.Scores.Grading)
	assert.Equal(t, "qd473", r.Scores.View)
	require.Len(t, r.Scores.ViewGroups, 6)
	weights := 0.0
	for _, g := range r.Scores.ViewGroups {
		weights += g.Weight
	}
	assert.Equal(t, 100.0, weights)
}

// A report scored on a day a criterion was not yet in force, scored again on a later day: the
// criterion counts with the status its finding had (scoring.FindingsOf restores it), not as
// not_applicable.
func TestScoreReportAsOfLater(t *testing.T) {
	cat := criteria.P06Technical()
	in := scoring.Findings{Catalogue: cat.ID, Target: "https://dichvucong.tinh.example/"}
	for _, c := range cat.Criteria {
		st := scoring.NotTested
		if c.ID == "P06-SVC-06" {
			st = scoring.Pass
		}
		in.Findings = append(in.Findings, scoring.Finding{Criterion: c.ID, Status: st, Message: "seen"})
	}
	dir := t.TempDir()
	findings := filepath.Join(dir, "findings.json")
	writeJSON(t, findings, in)
	code, early, stderr := p06("score", "--as-of", "2023-03-31", findings)
	require.NotEqual(t, exitCantRun, code, stderr)
	status := func(out string) (scoring.Status, string) {
		var r scoring.Report
		require.NoError(t, json.Unmarshal([]byte(out), &r))
		for _, f := range r.Findings {
			if f.Criterion == "P06-SVC-06" {
				return f.Status, f.Message
			}
		}
		t.Fatal("P06-SVC-06 missing from the report")
		return "", ""
	}
	st, msg := status(early)
	require.Equal(t, scoring.NotApplicable, st, "the fixture needs a criterion not in force on 2023-03-31: %s", msg)
	report := filepath.Join(dir, "early.json")
	require.NoError(t, os.WriteFile(report, []byte(early), 0o600))

	code, later, stderr := p06("score", "--as-of", "2025-06-30", report)
	require.NotEqual(t, exitCantRun, code, stderr)
	st, msg = status(later)
	assert.Equal(t, scoring.Pass, st, msg)
	assert.Equal(t, "seen", msg)
}
