package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/scoring"
)

// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), for code-scanning dashboards.
// Every finding is a result of the rule of its criterion:
//
//	fail           kind "fail", level from the criterion (mandatory error, recommended warning,
//	               informational note)
//	waived         kind "fail" with an external, accepted suppression carrying the waiver
//	error          kind "review" (the check could not decide), level "none"
//	not_tested     kind "open", level "none"
//	not_applicable kind "notApplicable", level "none"
//	pass, attested kind "pass", level "none"
//
// (SARIF §3.27.9: a level other than "none" is only for kind "fail".) Each result's location is
// the URL where it was seen, or the portal's base URL.

const sarifSchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
	Properties  map[string]any    `json:"properties,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name,omitempty"`
	ShortDescription     *sarifText     `json:"shortDescription,omitempty"`
	FullDescription      *sarifText     `json:"fullDescription,omitempty"`
	Help                 *sarifText     `json:"help,omitempty"`
	HelpURI              string         `json:"helpUri,omitempty"`
	DefaultConfiguration *sarifConfig   `json:"defaultConfiguration,omitempty"`
	Properties           map[string]any `json:"properties,omitempty"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool   `json:"executionSuccessful"`
	StartTimeUTC        string `json:"startTimeUtc,omitempty"`
	EndTimeUTC          string `json:"endTimeUtc,omitempty"`
	// ToolExecutionNotifications are the requests refused because they would have left the
	// target; ToolConfigurationNotifications the adapter methods the harness ignored.
	ToolExecutionNotifications     []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	ToolConfigurationNotifications []sarifNotification `json:"toolConfigurationNotifications,omitempty"`
	Properties                     map[string]any      `json:"properties,omitempty"`
}

// sarifNotification is a SARIF notification (§3.58): something the tool reports about its run
// rather than about the portal.
type sarifNotification struct {
	Message sarifText `json:"message"`
	Level   string    `json:"level"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Kind                string             `json:"kind"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Properties          map[string]any     `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification,omitempty"`
}

// WriteSARIF writes r as a SARIF 2.1.0 log with one run.
func WriteSARIF(w io.Writer, r *scoring.Report, opt Options) error {
	r = redacted(r) // the redaction policy applies where output is made
	opt = opt.withDefaults(r)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{Name: opt.Tool, Version: opt.Version,
			InformationURI: "https://github.com/p06kit/p06kit"}},
		Properties: map[string]any{
			"catalogue":  r.Catalogue.ID + "@" + r.Catalogue.Version,
			"target":     r.Target,
			"score":      round1(r.Scores.Overall),
			"grade":      r.Scores.Grade,
			"grading":    r.Scores.Grading,
			"compliance": fmt.Sprintf("%d/%d", r.Scores.Compliance.Met, r.Scores.Compliance.Applicable),
		},
		Results: []sarifResult{},
	}
	inv := sarifInvocation{ExecutionSuccessful: true}
	if t, err := time.Parse(time.RFC3339, r.StartedAt); err == nil {
		inv.StartTimeUTC = t.UTC().Format(time.RFC3339)
		inv.EndTimeUTC = t.Add(time.Duration(r.DurationMS) * time.Millisecond).UTC().Format(time.RFC3339)
	}
	facts := factsOf(r, opt)
	if r.Partial != nil {
		// A partial run's score and grade are not the portal's: the log says so instead.
		delete(run.Properties, "grade")
		delete(run.Properties, "score")
		run.Properties["partial"] = map[string]any{"selected": r.Partial.Selected, "criteria": r.Partial.Criteria, "graded": false}
		if facts.ComplianceKnown {
			run.Properties["compliance"] = fmt.Sprintf("%d/%d", facts.Met, facts.Applicable)
		}
	}
	if r.Tool != nil {
		run.Properties["madeBy"] = r.Tool.Name + " " + r.Tool.Version
	}
	if a := r.Adapter; a != nil {
		ad := map[string]any{"interfaces": a.Interfaces}
		if facts.Level2Declared {
			ad["level2Procedures"] = append([]string{}, a.Level2Procedures...)
		}
		run.Properties["adapter"] = ad
		for _, w := range a.Warnings {
			inv.ToolConfigurationNotifications = append(inv.ToolConfigurationNotifications,
				sarifNotification{Message: sarifText{Text: facts.W.AdapterWarnings + ": " + w}, Level: "warning"})
		}
	}
	for _, rf := range r.OutOfScope {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarifNotification{Message: sarifText{Text: fmt.Sprintf("%s: %s %s ×%d", facts.W.OutOfScope, rf.Method, rf.URL, rf.Count)}, Level: "note"})
	}
	if t := r.Traffic; t != nil {
		traffic := map[string]any{"requests": t.Requests, "bytesRead": t.BytesRead,
			"maxInFlight": t.MaxInFlight, "maxConnsPerHost": t.MaxConnsPerHost, "backoffs": t.Backoffs, "waitedMs": t.WaitedMS}
		if t.Depth != "" {
			traffic["depth"] = t.Depth // standard or deep: how many sensitive paths P06-SEC-13 probed
		}
		inv.Properties = map[string]any{"traffic": traffic}
	}
	run.Invocations = []sarifInvocation{inv}

	ruleIndex := map[string]int{}
	ids := make([]string, 0, len(r.Findings))
	for _, f := range r.Findings {
		if _, ok := ruleIndex[f.Criterion]; !ok {
			ruleIndex[f.Criterion] = -1
			ids = append(ids, f.Criterion)
		}
	}
	sort.Strings(ids)
	for i, id := range ids {
		ruleIndex[id] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(id, opt))
	}
	if run.Tool.Driver.Rules == nil {
		run.Tool.Driver.Rules = []sarifRule{}
	}
	waivers := map[string]scoring.Waiver{}
	for _, wv := range r.Waivers.Applied {
		waivers[wv.Criterion] = wv
	}
	for _, f := range r.Findings {
		res := sarifResult{RuleID: f.Criterion, RuleIndex: ruleIndex[f.Criterion], Level: "none",
			Message:             sarifText{Text: sarifMessage(f)},
			PartialFingerprints: map[string]string{"p06kitCriterionTarget/v1": f.Criterion + "|" + r.Target},
			Properties:          map[string]any{"status": string(f.Status), "group": f.Group}}
		switch f.Status {
		case scoring.Fail:
			res.Kind, res.Level = "fail", sarifLevel(opt.criterion(f.Criterion))
		case scoring.Waived:
			res.Kind, res.Level = "fail", sarifLevel(opt.criterion(f.Criterion))
			s := sarifSuppression{Kind: "external", Status: "accepted"}
			if wv, ok := waivers[f.Criterion]; ok {
				s.Justification = fmt.Sprintf("%s (approved by %s, until %s)", wv.Reason, wv.ApprovedBy, wv.Expires)
			}
			res.Suppressions = []sarifSuppression{s}
		case scoring.Error:
			res.Kind = "review"
		case scoring.NotTested:
			res.Kind = "open"
		case scoring.NotApplicable:
			res.Kind = "notApplicable"
		default:
			res.Kind = "pass"
		}
		uri := f.URL
		if uri == "" {
			uri = r.Target
		}
		if uri != "" {
			res.Locations = []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri}}}}
		}
		if len(f.Evidence) > 0 {
			var ev []string
			for _, e := range f.Evidence {
				ev = append(ev, EvidenceLine(e, opt.Lang))
			}
			res.Properties["evidence"] = ev
		}
		run.Results = append(run.Results, res)
	}
	return writeIndentedJSON(w, sarifLog{Schema: sarifSchemaURI, Version: "2.1.0", Runs: []sarifRun{run}})
}

func sarifRuleOf(id string, opt Options) sarifRule {
	rule := sarifRule{ID: id}
	c := opt.criterion(id)
	if c == nil {
		return rule
	}
	rule.Name = ruleName(c.Title.EN)
	rule.ShortDescription = &sarifText{Text: c.Title.In(opt.Lang)}
	rule.FullDescription = &sarifText{Text: c.Requirement.In(opt.Lang)}
	help := c.Advice.In(opt.Lang)
	if b := basisText(c, opt.Lang); b != "" {
		help += "\n\n" + wordsFor(opt.Lang).Basis + ": " + b
	}
	rule.Help = &sarifText{Text: help}
	for _, b := range c.Basis {
		if b.URL != "" {
			rule.HelpURI = b.URL
			break
		}
	}
	rule.DefaultConfiguration = &sarifConfig{Level: sarifLevel(c)}
	tags := append([]string{c.Group, string(c.Method)}, c.Tags...)
	rule.Properties = map[string]any{"tags": tags, "level": string(c.Level), "critical": c.Critical, "points": c.Points}
	return rule
}

func sarifLevel(c *criteria.Criterion) string {
	if c == nil {
		return "error"
	}
	switch c.Level {
	case criteria.Recommended:
		return "warning"
	case criteria.Informational:
		return "note"
	}
	return "error"
}

// ruleName makes a PascalCase identifier from an English title, as SARIF rule names are.
func ruleName(title string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(title, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

func sarifMessage(f scoring.Finding) string {
	msg := f.Message
	if msg == "" {
		msg = string(f.Status)
	}
	if f.Got != "" || f.Want != "" {
		msg += fmt.Sprintf(" (got %s; want %s)", orDash(f.Got), orDash(f.Want))
	}
	return msg
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// writeIndentedJSON writes v as the JSON outputs are written: indented by two spaces, with <, >
// and & left as they are (the outputs are files, not HTML).
func writeIndentedJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func round1(f float64) float64 {
	return float64(int64(f*10+0.5)) / 10
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
