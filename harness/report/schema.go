package report

import (
	"embed"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/p06kit/p06kit/internal/jsonschema"
)

//go:embed schema/*.schema.json
var schemaFS embed.FS

// The published JSON Schemas (draft-07), embedded; the files live in harness/report/schema/.
const (
	// ReportSchemaName is the report written by WriteJSON and `p06 scan --format json`.
	ReportSchemaName = "report.schema.json"
	// ProfileSchemaName is the portal profile read by `p06 scan --profile`.
	ProfileSchemaName = "profile.schema.json"
	// AttestationsSchemaName is the evidence file of attested criteria.
	AttestationsSchemaName = "attestations.schema.json"
)

// Schema returns the text of a published schema by name (one of the *SchemaName constants).
func Schema(name string) ([]byte, error) {
	b, err := schemaFS.ReadFile("schema/" + name)
	if err != nil {
		return nil, fmt.Errorf("report: no schema %q", name)
	}
	return b, nil
}

var compiled sync.Map // name -> func() (*jsonschema.Schema, error)

func compiledSchema(name string) (*jsonschema.Schema, error) {
	f, _ := compiled.LoadOrStore(name, sync.OnceValues(func() (*jsonschema.Schema, error) {
		b, err := Schema(name)
		if err != nil {
			return nil, err
		}
		return jsonschema.Compile(name, b)
	}))
	return f.(func() (*jsonschema.Schema, error))()
}

// ValidationError lists every way a document breaks its schema.
type ValidationError struct {
	Schema   string
	Problems []jsonschema.Problem
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "does not match %s:", e.Schema)
	for i, p := range e.Problems {
		if i == 20 {
			fmt.Fprintf(&b, "\n  … and %d more", len(e.Problems)-20)
			break
		}
		b.WriteString("\n  " + p.String())
	}
	return b.String()
}

// Validate checks a JSON document against a published schema by name. It returns a
// *ValidationError listing every problem (JSON path and reason), or another error when the
// document is not JSON at all.
func Validate(name string, doc []byte) error {
	s, err := compiledSchema(name)
	if err != nil {
		return err
	}
	problems, err := s.Validate(doc)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return &ValidationError{Schema: name, Problems: problems}
	}
	return nil
}

// IsValidation reports whether err is a schema validation error.
func IsValidation(err error) bool {
	var ve *ValidationError
	return errors.As(err, &ve)
}
