package criteria

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/jsonschema"
	"github.com/p06kit/p06kit/internal/safefile"
)

// MaxCatalogueSize bounds what Load reads: a catalogue of several thousand criteria is well
// under a megabyte, so anything larger is a wrong file or hostile input.
const MaxCatalogueSize = 16 << 20

// ErrTooLarge is returned (wrapped) by Load when the input exceeds MaxCatalogueSize.
var ErrTooLarge = msg.Error(mLoadTooLarge)

//go:embed schema/catalogue.schema.json
var schemaJSON []byte

var catalogueSchema = jsonschema.MustCompile("catalogue.schema.json", schemaJSON)

// SchemaJSON returns the draft-07 JSON Schema every catalogue is validated against (a copy;
// the same file is published as criteria/schema/catalogue.schema.json).
func SchemaJSON() []byte { return bytes.Clone(schemaJSON) }

// Problem is one thing wrong with a catalogue: where (a JSON path such as "$.criteria[3].id")
// and why.
type Problem struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
	// said is the error Reason was written from when it renders in other languages (a JSON
	// syntax error); nil otherwise.
	said interface{ Render(string) string }
}

// String returns "path: reason".
func (p Problem) String() string { return p.Path + ": " + p.Reason }

// syntaxProblem is the problem of a document that is not one JSON value: err says where and what,
// in every language.
func syntaxProblem(err error) Problem {
	p := Problem{Path: "$", Reason: err.Error()}
	p.said, _ = err.(interface{ Render(string) string })
	return p
}

// LoadError lists every problem found in a catalogue, sorted by path. Load and
// Catalogue.Validate return it as *LoadError.
type LoadError struct {
	Problems []Problem
}

// Error prints one problem per line after a summary line.
func (e *LoadError) Error() string { return e.Render(msg.EN) }

// Render is Error in lang: the summary line, and the reasons about the whole file (its encoding,
// its JSON), in lang; the other reasons as they are.
func (e *LoadError) Render(lang string) string {
	var b strings.Builder
	if len(e.Problems) == 1 {
		b.WriteString(mLoadInvalid1.Render(lang))
	} else {
		b.WriteString(mLoadInvalidN.Render(lang, len(e.Problems)))
	}
	for _, p := range e.Problems {
		b.WriteString("\n\t")
		reason := reasonIn(p.Reason, lang)
		if p.said != nil {
			reason = p.said.Render(lang)
		}
		b.WriteString(p.Path + ": " + reason)
	}
	return b.String()
}

// Load reads a catalogue, validates it against the catalogue JSON Schema and then checks what
// a schema cannot say (see Validate). On any problem it returns a nil catalogue and a
// *LoadError that lists every problem with its JSON path; malformed JSON is reported with its
// line and column. Input beyond MaxCatalogueSize is refused with ErrTooLarge. Unknown
// properties are problems, so a misspelt field is never silently ignored.
func Load(r io.Reader) (*Catalogue, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCatalogueSize+1))
	if err != nil {
		return nil, msg.Wrap(msg.P(mLoadReading), err)
	}
	if len(data) > MaxCatalogueSize {
		return nil, msg.Wrap(msg.P(mLoadStep), ErrTooLarge)
	}
	// Editors on Windows often save UTF-8 with a byte-order mark; JSON forbids it, people
	// cannot see it, so it is dropped rather than reported.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if off := safefile.FirstInvalidUTF8(data); off >= 0 {
		line, col := safefile.Position(data, int64(off))
		return nil, &LoadError{Problems: []Problem{{Path: "$", Reason: mLoadNotUTF8.Render(msg.EN, strconv.Itoa(line), strconv.Itoa(col))}}}
	}
	return load(data)
}

func load(data []byte) (*Catalogue, error) {
	schemaProblems, err := catalogueSchema.Validate(data)
	if err != nil {
		return nil, &LoadError{Problems: []Problem{syntaxProblem(err)}}
	}
	var problems []Problem
	for _, p := range schemaProblems {
		problems = append(problems, Problem{Path: p.Path, Reason: friendlier(p.Reason)})
	}
	var c Catalogue
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		// The schema has already said what is wrong: a type the struct cannot hold.
		if len(problems) == 0 {
			problems = append(problems, syntaxProblem(jsonschema.SyntaxError(data, err)))
		}
		return nil, newLoadError(problems)
	}
	problems = append(problems, c.semanticProblems(len(schemaProblems) > 0)...)
	if len(problems) > 0 {
		return nil, newLoadError(problems)
	}
	return &c, nil
}

// patternWords says in words what the schema's patterns require, so that a user reads
// "must be a date YYYY-MM-DD" rather than a regular expression.
var patternWords = map[string]string{
	`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`:                                          "must be a date written YYYY-MM-DD",
	`^[a-z0-9][a-z0-9-]{0,63}$`:                                             "must be 1–64 lower-case letters, digits or '-', starting with a letter or digit",
	`^[a-z][a-z0-9-]{0,63}$`:                                                "must be 1–64 lower-case letters, digits or '-', starting with a letter",
	`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`:                                     "must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. P06-SEC-03)",
	`^[a-z0-9][a-z0-9.-]{0,63}$`:                                            "must be 1–64 lower-case letters, digits, '.' or '-' (e.g. wcag-1.1.1)",
	`^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$`: "must be a semantic version such as 1.0.0",
	`^https?://[^\s]+$`:                                                     "must be an http or https URL",
	`^[PSRU](-[A-Za-z]+)?(/[PSRU](-[A-Za-z]+)?)*$`:                          "must be a source label P, S, R or U (optionally P-summary, or combined as S/R)",
}

func friendlier(reason string) string {
	const prefix = "does not match the pattern "
	if p, ok := strings.CutPrefix(reason, prefix); ok {
		if words, ok := patternWords[p]; ok {
			return words
		}
	}
	return reason
}

func newLoadError(ps []Problem) *LoadError {
	seen := make(map[Problem]bool, len(ps))
	out := ps[:0:0]
	for _, p := range ps {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := jsonschema.ComparePaths(out[i].Path, out[j].Path); c != 0 {
			return c < 0
		}
		return out[i].Reason < out[j].Reason
	})
	return &LoadError{Problems: out}
}

// Validate checks a catalogue built in Go by the same rules as Load: it marshals the catalogue,
// validates it against the JSON Schema, and checks what the schema cannot say:
//   - group IDs and criterion IDs are unique;
//   - every criterion's group exists, and every group has at least one criterion;
//   - every date is a real calendar date and effective_from ≤ effective_until;
//   - where a group has max_points, its criteria's points sum to it;
//   - a critical criterion is mandatory.
//
// It returns nil or a *LoadError listing every problem.
func (c *Catalogue) Validate() error {
	if c == nil {
		return &LoadError{Problems: []Problem{{Path: "$", Reason: "catalogue is nil"}}}
	}
	data, err := c.MarshalIndent()
	if err != nil {
		return &LoadError{Problems: []Problem{{Path: "$", Reason: err.Error()}}}
	}
	_, err = load(data)
	return err
}

// MarshalIndent returns the catalogue in its canonical JSON form: the field order of the Go
// types, two-space indent, non-ASCII and HTML characters written as they are, and a final
// newline. Load reads it back to an equal catalogue; the built-in catalogue files are stored
// in this form.
func (c *Catalogue) MarshalIndent() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(c); err != nil {
		return nil, fmt.Errorf("criteria: encoding catalogue %s: %w", c.ID, err)
	}
	return buf.Bytes(), nil
}

// semanticProblems checks what the JSON Schema cannot. When the schema already failed, checks
// whose input the schema rejected (badly formed dates) stay quiet so that a problem is
// reported once.
func (c *Catalogue) semanticProblems(schemaFailed bool) []Problem {
	var ps []Problem
	add := func(path, format string, args ...any) {
		ps = append(ps, Problem{Path: path, Reason: fmt.Sprintf(format, args...)})
	}
	ps = append(ps, dateProblems("$", c.EffectiveFrom, c.EffectiveUntil)...)
	for j := range c.Basis {
		ps = append(ps, basisProblems(fmt.Sprintf("$.basis[%d]", j), &c.Basis[j])...)
	}

	groups := make(map[string]int, len(c.Groups))
	var groupIDs []string
	for i, g := range c.Groups {
		path := fmt.Sprintf("$.groups[%d].id", i)
		if first, dup := groups[g.ID]; dup {
			add(path, "duplicate group ID %q (first at $.groups[%d])", g.ID, first)
			continue
		}
		groups[g.ID] = i
		groupIDs = append(groupIDs, g.ID)
	}

	ids := make(map[string]int, len(c.Criteria))
	sums := make(map[string]float64, len(c.Groups))
	counts := make(map[string]int, len(c.Groups))
	for i, cr := range c.Criteria {
		base := fmt.Sprintf("$.criteria[%d]", i)
		if cr.ID != "" {
			if first, dup := ids[cr.ID]; dup {
				add(base+".id", "duplicate criterion ID %q (first at $.criteria[%d])", cr.ID, first)
			} else {
				ids[cr.ID] = i
			}
		}
		if _, ok := groups[cr.Group]; !ok && cr.Group != "" {
			add(base+".group", "group %q does not exist; the catalogue's groups are %s", cr.Group, strings.Join(groupIDs, ", "))
		}
		sums[cr.Group] += cr.Points
		counts[cr.Group]++
		ps = append(ps, dateProblems(base, cr.EffectiveFrom, cr.EffectiveUntil)...)
		for j := range cr.Basis {
			ps = append(ps, basisProblems(fmt.Sprintf("%s.basis[%d]", base, j), &cr.Basis[j])...)
		}
		if cr.Critical && cr.Level != Mandatory && cr.Level != "" {
			add(base+".critical", "a critical criterion must be mandatory, but level is %q", cr.Level)
		}
	}
	if schemaFailed {
		// Sums and counts over a catalogue the schema rejected would only repeat its problems.
		return ps
	}
	for i, g := range c.Groups {
		if i != groups[g.ID] {
			continue // duplicate, reported above
		}
		if counts[g.ID] == 0 {
			add(fmt.Sprintf("$.groups[%d]", i), "group %q has no criteria", g.ID)
			continue
		}
		if g.MaxPoints > 0 && math.Abs(sums[g.ID]-g.MaxPoints) > 1e-9 {
			add(fmt.Sprintf("$.groups[%d].max_points", i), "group %q has max_points %g but its criteria's points sum to %g", g.ID, g.MaxPoints, sums[g.ID])
		}
	}
	return ps
}

// basisProblems checks a basis's dates and that a text no longer in force says what replaced
// it, or why nothing did.
func basisProblems(base string, b *Basis) []Problem {
	ps := dateProblems(base, b.EffectiveFrom, b.EffectiveUntil)
	if b.EffectiveUntil != "" && len(b.SupersededBy) == 0 && b.Note == "" {
		ps = append(ps, Problem{Path: base + ".effective_until", Reason: "a basis no longer in force needs superseded_by (what replaced it) or a note (why nothing did)"})
	}
	for k, s := range b.SupersededBy {
		if s.EffectiveFrom != "" && dateShape(s.EffectiveFrom) {
			if _, err := time.Parse(time.DateOnly, s.EffectiveFrom); err != nil {
				ps = append(ps, Problem{Path: fmt.Sprintf("%s.superseded_by[%d].effective_from", base, k), Reason: fmt.Sprintf("%q is not a real calendar date", s.EffectiveFrom)})
			}
		}
	}
	return ps
}

// dateProblems checks that from and until (either may be empty) are real dates in order. Dates
// that do not have the YYYY-MM-DD shape are left to the schema.
func dateProblems(base, from, until string) []Problem {
	var ps []Problem
	parse := func(field, v string) (time.Time, bool) {
		if v == "" || !dateShape(v) {
			return time.Time{}, false
		}
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			ps = append(ps, Problem{Path: base + "." + field, Reason: fmt.Sprintf("%q is not a real calendar date", v)})
			return time.Time{}, false
		}
		return t, true
	}
	f, okF := parse("effective_from", from)
	u, okU := parse("effective_until", until)
	if okF && okU && u.Before(f) {
		ps = append(ps, Problem{Path: base + ".effective_until", Reason: fmt.Sprintf("effective_until %s is before effective_from %s", until, from)})
	}
	return ps
}

func dateShape(v string) bool {
	if len(v) != 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	for i, r := range v {
		if i != 4 && i != 7 && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}
