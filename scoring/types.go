package scoring

import "github.com/p06kit/p06kit/criteria"

// Status is the outcome of assessing one criterion.
type Status string

// The finding statuses.
const (
	// Pass: the criterion is met.
	Pass Status = "pass"
	// Fail: the criterion is not met.
	Fail Status = "fail"
	// Error: the check could not complete (timeout, unusable response); earns nothing.
	Error Status = "error"
	// NotApplicable: the criterion does not apply to this target; leaves the denominators.
	NotApplicable Status = "not_applicable"
	// NotTested: nothing assessed the criterion (no adapter, fake or check); earns nothing.
	NotTested Status = "not_tested"
	// Waived: a valid waiver covers the criterion; leaves the denominators.
	Waived Status = "waived"
	// Attested: evidence was supplied for an attested-method criterion; counts as met.
	Attested Status = "attested"
)

// Evidence is what a check saw, with secrets already redacted.
type Evidence struct {
	// Request is the method and URL, e.g. "GET https://portal.example/".
	Request string `json:"request,omitempty"`
	// Status is the HTTP status code of the response, if there was one.
	Status int `json:"status,omitempty"`
	// Headers holds the response headers relevant to the finding.
	Headers map[string]string `json:"headers,omitempty"`
	// Excerpt is a short extract of the body or of the element concerned.
	Excerpt string `json:"excerpt,omitempty"`
	// Location points into the page, e.g. an element path "html>body>form>input[name=q]".
	Location string `json:"location,omitempty"`
	// Note says what the evidence shows, in English; NoteVI the same in Vietnamese (empty: only
	// the English exists, as for a note from another tool). Checks fill both from the message
	// catalogue with [Evidence.Noted]; a report shows [Evidence.NoteIn] its language.
	Note   string `json:"note,omitempty"`
	NoteVI string `json:"note_vi,omitempty"`
}

// Renderable is a message that renders itself in a language with values: a catalogue message
// (msg.Text in package harness/msg), which scoring does not import.
type Renderable interface {
	Render(lang string, args ...any) string
}

// Noted returns e with its note rendered from a catalogue message with args, in English and in
// Vietnamese (a phrase or list: msg.Verbatim with it as the value).
func (e Evidence) Noted(m Renderable, args ...any) Evidence {
	e.Note, e.NoteVI = m.Render("en", args...), m.Render("vi", args...)
	return e
}

// MapNotes returns e with f applied to its note in each language (to redact them, say).
func (e Evidence) MapNotes(f func(string) string) Evidence {
	e.Note, e.NoteVI = f(e.Note), f(e.NoteVI)
	return e
}

// NoteIn is the note in lang ("en" for English, Vietnamese otherwise), the English one when
// there is no Vietnamese.
func (e Evidence) NoteIn(lang string) string {
	if lang != "en" && e.NoteVI != "" {
		return e.NoteVI
	}
	return e.Note
}

// Finding is the result of assessing one criterion of the catalogue.
type Finding struct {
	Criterion string `json:"criterion"`
	Group     string `json:"group,omitempty"`
	Status    Status `json:"status"`
	// Message says in one or a few lines what was seen.
	Message string `json:"message,omitempty"`
	// MessageID names the message in p06kit's catalogue (package harness/msg), for tools that
	// group findings by what was said, whatever the report's language; empty for prose.
	MessageID string `json:"message_id,omitempty"`
	// Got and Want state what was seen and what the criterion requires.
	Got  string `json:"got,omitempty"`
	Want string `json:"want,omitempty"`
	// URL is where the problem was seen.
	URL      string     `json:"url,omitempty"`
	Evidence []Evidence `json:"evidence,omitempty"`
	// DurationMS is how long the check took, when a harness produced the finding.
	DurationMS int64 `json:"duration_ms,omitempty"`
}

// Findings is the findings contract (scoring/schema/findings.schema.json): what `p06 score` reads, produced by any tool.
type Findings struct {
	Catalogue string    `json:"catalogue"`
	Target    string    `json:"target"`
	Findings  []Finding `json:"findings"`
}

// Waiver excuses one criterion until a date, with a reason and an approver.
type Waiver struct {
	Criterion  string `json:"criterion"`
	Reason     string `json:"reason"`
	ApprovedBy string `json:"approved_by"`
	// Expires is the last day (YYYY-MM-DD) on which the waiver is valid.
	Expires string `json:"expires"`
}

// WaiverFile is the waivers file contract: {"waivers":[…]}.
type WaiverFile struct {
	Waivers []Waiver `json:"waivers"`
}

// CatalogueRef identifies the catalogue a report was scored against.
type CatalogueRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
}

// GroupScore is the score of one group.
type GroupScore struct {
	// Score is Earned / Available × 100; nil (JSON null) when no criterion of the group that
	// counts was assessed (pass, fail or attested): a group nobody looked at has no score, not 0.
	Score     *float64 `json:"score"`
	Earned    float64  `json:"earned"`
	Available float64  `json:"available"`
}

// ScoreOf returns a pointer to v, for building a [GroupScore] by hand.
func ScoreOf(v float64) *float64 { return &v }

// Scored reports whether the group has a score (something in it was assessed).
func (g GroupScore) Scored() bool { return g.Score != nil }

// Value is the group's score, 0 when it has none: for arithmetic, never for display (show
// [GroupScore.Scored] false as "not tested").
func (g GroupScore) Value() float64 {
	if g.Score == nil {
		return 0
	}
	return *g.Score
}

// Compliance is the compliance rate: mandatory criteria met / mandatory criteria applicable.
type Compliance struct {
	Met        int `json:"met"`
	Applicable int `json:"applicable"`
	// Rate is Met / Applicable, a fraction in [0,1]; 0 when nothing is applicable.
	Rate float64 `json:"rate"`
}

// Cap records a failed critical criterion that capped the grade.
type Cap struct {
	Criterion string `json:"criterion"`
	Status    Status `json:"status"`
	// Grade is the ID of the highest band the report may have because of this criterion.
	Grade string `json:"grade"`
}

// Scores are the numbers computed from the findings.
type Scores struct {
	// Overall is the weighted mean of the group scores, 0–100.
	Overall float64 `json:"overall"`
	// Grade is the ID of the band of the overall score, lowered by any caps (e.g. "tot"); the
	// band's bilingual label is in the Bands named by Grading.
	Grade string `json:"grade"`
	// Grading is the ID of the grading scheme (Bands.ID), e.g. "qd766".
	Grading string `json:"grading"`
	// GradeVerified is false when the source texts do not confirm the boundaries of the
	// grade's band (the Tốt and Trung bình bands of Decision 766): every text form of the
	// report then says "(ranh giới chưa xác minh)" / "(boundary unverified)" beside the grade.
	GradeVerified bool `json:"grade_verified"`
	// Provisional is true when a critical criterion was not assessed (not_tested): the grade
	// could fall once it is. ProvisionalBecause lists those criteria.
	Provisional        bool     `json:"provisional"`
	ProvisionalBecause []string `json:"provisional_because,omitempty"`
	// View names the view that weighed Overall (e.g. "qd473"), and ViewGroups are its groups'
	// scores; empty when Overall weighs the catalogue's own groups.
	View       string                `json:"view,omitempty"`
	ViewGroups []ViewScore           `json:"view_groups,omitempty"`
	Caps       []Cap                 `json:"caps"`
	Groups     map[string]GroupScore `json:"groups"`
	Compliance Compliance            `json:"compliance"`
}

// Unscored reports whether no group has a score (nothing that scores was assessed: an
// unreachable portal, every check in error): Overall is then the mean of nothing and Grade rests
// on no verdict, and the human formats show neither.
func (s Scores) Unscored() bool {
	for _, g := range s.Groups {
		if g.Score != nil {
			return false
		}
	}
	return true
}

// WaiverSummary lists the waivers that applied and the stale ones that were ignored.
type WaiverSummary struct {
	Applied []Waiver `json:"applied"`
	Stale   []Waiver `json:"stale"`
}

// Report is a scored assessment: the report contract (harness/report/schema/report.schema.json).
type Report struct {
	ScoringModel string       `json:"scoring_model"`
	Catalogue    CatalogueRef `json:"catalogue"`
	Target       string       `json:"target"`
	// StartedAt is RFC 3339, set by whoever ran the assessment; empty when scoring alone.
	StartedAt string `json:"started_at,omitempty"`
	// AsOf (YYYY-MM-DD) is the day effective dates and waivers were judged against; reports
	// cite the legal bases in force that day.
	AsOf string `json:"as_of,omitempty"`
	// Level is the assessed unit's level of government (ministry, province, commune) that the
	// criteria's scope was applied for; empty when scope was not applied.
	Level      criteria.Scope `json:"level,omitempty"`
	DurationMS int64          `json:"duration_ms"`
	Findings   []Finding      `json:"findings"`
	Scores     Scores         `json:"scores"`
	Waivers    WaiverSummary  `json:"waivers"`
	// Coverage says how much of the catalogue the findings assessed. Reports written before
	// scoring model 2 have none; [CoverageOf] computes it from the findings.
	Coverage *Coverage `json:"coverage,omitempty"`
	// Targets are checkable targets measured during the assessment (the seed's 80% / 80% / 85%),
	// when the assessment measured them.
	Targets []Target `json:"targets,omitempty"`
	// Discovery says, for each portal profile field, whether it was "configured", "discovered" or
	// "missing", when a harness assessed a live portal.
	Discovery map[string]string `json:"discovery,omitempty"`
	// OutOfScope lists the requests the harness refused to send because they would have left
	// the target (redirects, form actions, links and discovered URLs to other hosts), when a
	// harness assessed a live portal. Nothing was sent for any of them.
	OutOfScope []Refusal `json:"out_of_scope,omitempty"`
	// Shells lists the pages the checks read whose content a script draws and which the harness
	// did not see drawn (a single-page-app shell, a partial shell around an empty mount element,
	// an app still empty after rendering), with the criteria that met each: content verdicts
	// about such a page are errors, not pass or fail.
	Shells []Shell `json:"shells,omitempty"`
	// Adapter says which adapter interfaces the assessed target's adapter implements, and warns
	// about methods named like adapter methods whose signature differs (the harness ignores
	// them), when a harness assessed a live portal with an adapter.
	Adapter *Adapter `json:"adapter,omitempty"`
	// Partial is set when the run assessed only part of the catalogue (p06 scan --only, the
	// Only option): its scores and grade are those of a partial assessment, not the portal's.
	Partial *Partial `json:"partial,omitempty"`
	// Traffic is what the harness sent the portal and the politeness limits it kept, when a
	// harness assessed a live portal.
	Traffic *Traffic `json:"traffic,omitempty"`
	// Tool names the program that made the report and its version, as `p06 --version` prints
	// it, when the writer knows it (reports written before it was recorded have none).
	Tool *Tool `json:"tool,omitempty"`
}

// Tool identifies the program that made a report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Refusal is a request refused because its host was outside the assessment's scope.
type Refusal struct {
	// Method and URL (secrets masked) of the refused request.
	Method string `json:"method"`
	URL    string `json:"url"`
	// Host is the host:port it would have contacted.
	Host string `json:"host"`
	// Count is how many times it was attempted.
	Count int `json:"count"`
}

// Adapter is what a harness found in the adapter of the target it assessed.
type Adapter struct {
	// Interfaces are the adapter interfaces implemented (Login, Dossiers, Warehouse, …).
	Interfaces []string `json:"interfaces"`
	// Warnings name near misses: a method with an adapter method's name but another signature,
	// an interface only partly implemented, a pointer-receiver method on a value.
	Warnings []string `json:"warnings,omitempty"`
	// Level2Procedures are the procedure codes the adapter declares reserved to level-2
	// accounts (check.Assurance): a verdict resting on them rests on the vendor's declaration.
	// Empty when it names none, or does not implement check.Assurance (then Interfaces does not
	// list "Assurance").
	Level2Procedures []string `json:"level2_procedures,omitempty"`
}

// Partial describes a run that assessed part of the catalogue.
type Partial struct {
	// Selected are the selectors the run was limited to (criterion IDs, groups, tags).
	Selected []string `json:"selected"`
	// Criteria lists the criteria selected, in catalogue order.
	Criteria []string `json:"criteria"`
}

// Shell is a page whose content the harness could not see drawn, the reason, and the criteria
// whose checks read it.
type Shell struct {
	URL string `json:"url"`
	// Reason is why the page is a shell, in English; ReasonVI the same in Vietnamese (empty in
	// reports written before it was added).
	Reason   string   `json:"reason"`
	ReasonVI string   `json:"reason_vi,omitempty"`
	Criteria []string `json:"criteria"`
}

// ReasonIn is the reason in lang ("en" for English, Vietnamese otherwise), the English one when
// there is no Vietnamese.
func (s Shell) ReasonIn(lang string) string {
	if lang != "en" && s.ReasonVI != "" {
		return s.ReasonVI
	}
	return s.Reason
}

// Traffic records a scan's requests and the politeness limits it ran with, so that an assessor
// can show the portal's owner what the scan cost them.
type Traffic struct {
	// Requests is the number of HTTP requests sent (each redirect hop counts); BytesRead the
	// response body bytes read, before decompression.
	Requests  int64 `json:"requests"`
	BytesRead int64 `json:"bytes_read"`
	// MaxInFlight and MaxConnsPerHost are the limits used: requests (and TLS probe handshakes)
	// in flight at once, and connections the scan's HTTP client keeps to one host.
	MaxInFlight     int `json:"max_in_flight"`
	MaxConnsPerHost int `json:"max_conns_per_host"`
	// Depth is how far the probing checks went: "standard" (the highest-yield paths) or "deep"
	// (every path they know; harness.Deep, p06 scan --deep). Empty in reports made before it was
	// recorded.
	Depth string `json:"depth,omitempty"`
	// Backoffs counts the 429/503 answers after which the scan paused before asking that host
	// again; WaitedMS is the time requests spent waiting for such pauses to end.
	Backoffs int64 `json:"backoffs,omitempty"`
	WaitedMS int64 `json:"waited_ms,omitempty"`
}

// Count splits findings by how far they were assessed. Total = Assessed + NotTested + Error +
// Waived.
type Count struct {
	// Assessed counts findings with a verdict the harness earned: pass, fail, attested or
	// not_applicable.
	Assessed int `json:"assessed"`
	// NotTested counts findings nothing assessed (the caller did not supply what they need).
	NotTested int `json:"not_tested"`
	// Error counts findings whose check could not see what it needed.
	Error int `json:"error"`
	// Waived counts findings a valid waiver covers.
	Waived int `json:"waived"`
	Total  int `json:"total"`
}

// Share is Assessed / Total, 0 when there is nothing.
func (c Count) Share() float64 { return ratio(c.Assessed, c.Total) }

func (c *Count) add(s Status) {
	c.Total++
	switch s {
	case NotTested:
		c.NotTested++
	case Error:
		c.Error++
	case Waived:
		c.Waived++
	default:
		c.Assessed++
	}
}

// Coverage is how much of the catalogue a report assessed, overall and per group.
type Coverage struct {
	Count
	Groups map[string]Count `json:"groups"`
}

// CoverageOf counts findings by how far they were assessed, overall and per group.
func CoverageOf(findings []Finding) *Coverage {
	c := &Coverage{Groups: map[string]Count{}}
	for _, f := range findings {
		c.Count.add(f.Status)
		if f.Group != "" {
			g := c.Groups[f.Group]
			g.add(f.Status)
			c.Groups[f.Group] = g
		}
	}
	return c
}

// Assessed reports whether s is a verdict the harness earned (pass, fail, attested,
// not_applicable), as opposed to not_tested, error and waived.
func (s Status) Assessed() bool {
	return s == Pass || s == Fail || s == Attested || s == NotApplicable
}
