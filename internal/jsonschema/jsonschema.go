package jsonschema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/xeipuuv/gojsonschema"

	"github.com/p06kit/p06kit/harness/msg"
	"github.com/p06kit/p06kit/internal/safefile"
)

// Schema is a compiled draft-07 JSON Schema. It is immutable after Compile and safe for
// concurrent use by multiple goroutines.
type Schema struct {
	name   string
	schema *gojsonschema.Schema
}

// Problem is one way in which a document breaks a schema.
type Problem struct {
	// Path is a JSONPath-like location of the offending value, rooted at "$":
	// "$", "$.criteria[3].id", `$.groups[0]["odd key"]`.
	Path string
	// Reason says what is wrong, in English.
	Reason string
}

// String returns "path: reason".
func (p Problem) String() string { return p.Path + ": " + p.Reason }

// Name returns the name the schema was compiled with.
func (s *Schema) Name() string { return s.name }

// Compile compiles a draft-07 schema held in memory. It never touches the network or the file
// system: a $ref that does not point inside the schema itself ("#...") is an error. No global
// setting of the underlying library is changed. The schema is itself validated against the
// draft-07 meta-schema (which the library carries in memory).
func Compile(name string, schema []byte) (s *Schema, err error) {
	defer func() {
		// The library is not hardened against every odd schema; never let it crash a caller.
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("jsonschema: schema %s: cannot compile: %v", name, r)
		}
	}()
	doc, err := decode(schema)
	if err != nil {
		return nil, fmt.Errorf("jsonschema: schema %s: %w", name, err)
	}
	if ref, ok := externalRef(doc); ok {
		return nil, fmt.Errorf("jsonschema: schema %s: $ref %q points outside the schema; only local references (\"#...\") are allowed", name, ref)
	}
	sl := gojsonschema.NewSchemaLoader()
	sl.Draft = gojsonschema.Draft7
	sl.AutoDetect = false
	sl.Validate = true
	compiled, err := sl.Compile(gojsonschema.NewRawLoader(doc))
	if err != nil {
		return nil, fmt.Errorf("jsonschema: schema %s: %w", name, err)
	}
	return &Schema{name: name, schema: compiled}, nil
}

// MustCompile is Compile for schemas embedded in the binary (package-level variables). It
// panics on error; every package that embeds a schema compiles it in its tests, so the panic
// can only be reached by a build whose tests fail.
func MustCompile(name string, schema []byte) *Schema {
	s, err := Compile(name, schema)
	if err != nil {
		panic(err)
	}
	return s
}

// Validate validates a JSON document against the schema and returns every problem, sorted by
// path (array indexes compare numerically), or nil when the document is valid. err is non-nil
// only when doc is not a single JSON value; it then gives the line and column of the syntax
// error. Safe for concurrent use.
func (s *Schema) Validate(doc []byte) ([]Problem, error) {
	v, err := decode(doc)
	if err != nil {
		return nil, err
	}
	return s.ValidateValue(v)
}

// ValidateValue validates a document already decoded by encoding/json (with UseNumber, so that
// numbers are json.Number; float64 numbers are accepted too). Safe for concurrent use.
func (s *Schema) ValidateValue(v any) (problems []Problem, err error) {
	defer func() {
		if r := recover(); r != nil {
			problems, err = nil, fmt.Errorf("jsonschema: %s: validation failed: %v", s.name, r)
		}
	}()
	res, err := s.schema.Validate(gojsonschema.NewRawLoader(v))
	if err != nil {
		return nil, fmt.Errorf("jsonschema: %s: %w", s.name, err)
	}
	if res.Valid() {
		return nil, nil
	}
	seen := make(map[Problem]bool)
	var out []Problem
	for _, e := range res.Errors() {
		if t := e.Type(); t == "condition_then" || t == "condition_else" {
			// Always accompanied by the errors of the then/else schema, which say what is wrong.
			continue
		}
		p := Problem{Path: contextPath(e.Context()), Reason: reason(e)}
		if seen[p] {
			continue
		}
		seen[p] = true
		out = append(out, p)
	}
	SortProblems(out)
	return out, nil
}

// SortProblems sorts problems by path, comparing array indexes numerically so that
// "$.a[2]" comes before "$.a[10]", then by reason.
func SortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		if c := ComparePaths(ps[i].Path, ps[j].Path); c != 0 {
			return c < 0
		}
		return ps[i].Reason < ps[j].Reason
	})
}

// ComparePaths compares two paths as produced by this package, segment by segment, with array
// indexes compared as numbers. It returns -1, 0 or +1.
func ComparePaths(a, b string) int {
	for a != "" && b != "" {
		ai, an, arest := nextSegment(a)
		bi, bn, brest := nextSegment(b)
		switch {
		case an && bn:
			x, _ := strconv.Atoi(ai)
			y, _ := strconv.Atoi(bi)
			if x != y {
				if x < y {
					return -1
				}
				return 1
			}
		case ai != bi:
			if ai < bi {
				return -1
			}
			return 1
		}
		a, b = arest, brest
	}
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return -1
	default:
		return 1
	}
}

// nextSegment splits the first segment off a path: "[12]" is numeric, ".name" and `["x"]` are
// names, "$" is the root.
func nextSegment(p string) (seg string, numeric bool, rest string) {
	if p[0] == '[' {
		end := strings.IndexByte(p, ']')
		if end < 0 {
			return p, false, ""
		}
		inner := p[1:end]
		if _, err := strconv.Atoi(inner); err == nil {
			return inner, true, p[end+1:]
		}
		if strings.HasPrefix(inner, `"`) {
			// quoted name: find the closing quote-bracket
			if k := strings.Index(p[1:], `"]`); k > 0 {
				return p[:k+3], false, p[k+3:]
			}
		}
		return p[:end+1], false, p[end+1:]
	}
	i := 1
	for i < len(p) && p[i] != '.' && p[i] != '[' {
		i++
	}
	return p[:i], false, p[i:]
}

// PathJoin appends a property name to a path, quoting names that are not plain identifiers.
func PathJoin(path, name string) string {
	if isIdent(name) {
		return path + "." + name
	}
	q, _ := json.Marshal(name)
	return path + "[" + string(q) + "]"
}

// PathIndex appends an array index to a path.
func PathIndex(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		ok := r == '_' || r == '-' || r == '$' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9')
		if !ok {
			return false
		}
	}
	return true
}

// contextPath turns gojsonschema's context ("(root)" → "criteria" → "3" → "id") into
// "$.criteria[3].id". A purely numeric segment is taken as an array index; gojsonschema does
// not distinguish it from an object key made of digits, which catalogues do not use.
func contextPath(ctx *gojsonschema.JsonContext) string {
	if ctx == nil {
		return "$"
	}
	const sep = "\x00"
	parts := strings.Split(ctx.String(sep), sep)
	path := "$"
	for i, part := range parts {
		if i == 0 && part == gojsonschema.STRING_CONTEXT_ROOT {
			continue
		}
		if n, err := strconv.Atoi(part); err == nil && n >= 0 && part == strconv.Itoa(n) {
			path = PathIndex(path, n)
			continue
		}
		path = PathJoin(path, part)
	}
	return path
}

// reason words a schema error. The library's descriptions are mostly good; a few are reworded
// so that the message reads well after a path.
func reason(e gojsonschema.ResultError) string {
	d := e.Details()
	if (e.Type() == "array_min_items" || e.Type() == "string_gte") && fmt.Sprint(d["min"]) == "1" {
		return "must not be empty"
	}
	r, ok := reasons[e.Type()]
	if !ok {
		return e.Description()
	}
	args := make([]any, len(r.details))
	for i, k := range r.details {
		args[i] = fmt.Sprint(d[k])
	}
	return fmt.Sprintf(r.format, args...)
}

// reasons are the reworded descriptions by error type: a format and the details it takes.
var reasons = map[string]struct {
	format  string
	details []string
}{
	"required":                        {"missing required property %q", []string{"property"}},
	"additional_property_not_allowed": {"unknown property %q", []string{"property"}},
	"invalid_type":                    {"wrong type: expected %v, got %v", []string{"expected", "given"}},
	"enum":                            {"must be one of %v", []string{"allowed"}},
	"array_min_items":                 {"must have at least %v items", []string{"min"}},
	"array_max_items":                 {"must have at most %v items", []string{"max"}},
	"unique":                          {"items must be unique: items %v and %v are equal", []string{"i", "j"}},
	"string_gte":                      {"must be at least %v characters long", []string{"min"}},
	"string_lte":                      {"must be at most %v characters long", []string{"max"}},
	"pattern":                         {"does not match the pattern %v", []string{"pattern"}},
	"number_gte":                      {"must be at least %v", []string{"min"}},
	"number_gt":                       {"must be greater than %v", []string{"min"}},
	"number_lte":                      {"must be at most %v", []string{"max"}},
	"number_lt":                       {"must be less than %v", []string{"max"}},
	"const":                           {"must be %v", []string{"allowed"}},
}

// decode parses exactly one JSON value with numbers as json.Number.
func decode(doc []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, SyntaxError(doc, err)
	}
	end := dec.InputOffset()
	if _, err := dec.Token(); err != io.EOF {
		// The position of the data after the value: past the white space that ends the value.
		rest := doc[end:]
		end += int64(len(rest) - len(bytes.TrimLeft(rest, " \t\r\n")))
		line, col := safefile.Position(doc, end)
		return nil, msg.Error(mTrailing, line, col)
	}
	return v, nil
}

// SyntaxError rewords an encoding/json decoding error of doc so that it names the line and
// column (1-based; columns count characters, as an editor shows them) where decoding failed,
// and says what is wrong (safefile.JSONError's words): "invalid JSON: line 3, column 13: …". It
// is a catalogue error, rendered in the language of the message that quotes it.
func SyntaxError(doc []byte, err error) error {
	return msg.Error(mInvalid, safefile.JSONError(doc, err))
}

// externalRef finds a "$ref" whose value does not start with "#".
func externalRef(v any) (string, bool) {
	switch x := v.(type) {
	case map[string]any:
		if r, ok := x["$ref"].(string); ok && !strings.HasPrefix(r, "#") {
			return r, true
		}
		for _, e := range x {
			if r, ok := externalRef(e); ok {
				return r, true
			}
		}
	case []any:
		for _, e := range x {
			if r, ok := externalRef(e); ok {
				return r, true
			}
		}
	}
	return "", false
}
