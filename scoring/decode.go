package scoring

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/p06kit/p06kit/internal/jsonschema"
	"github.com/p06kit/p06kit/internal/safefile"
)

// The published schemas of the findings and waivers files.
var (
	//go:embed schema/findings.schema.json
	FindingsSchema []byte
	//go:embed schema/waivers.schema.json
	WaiversSchema []byte

	findingsSchema = jsonschema.MustCompile("findings.schema.json", FindingsSchema)
	waiversSchema  = jsonschema.MustCompile("waivers.schema.json", WaiversSchema)
)

// DecodeFindings decodes a findings file (the findings contract), validating it against
// FindingsSchema. The error lists every problem with its JSON path, e.g.
// "$.findings[3].status: …", or the line and column of a syntax error.
func DecodeFindings(data []byte) (Findings, error) {
	var f Findings
	err := decodeValidated(data, findingsSchema, "findings", &f)
	return f, err
}

// DecodeWaivers decodes a waivers file, validating it against WaiversSchema.
func DecodeWaivers(data []byte) ([]Waiver, error) {
	var w WaiverFile
	err := decodeValidated(data, waiversSchema, "waivers", &w)
	return w.Waivers, err
}

func decodeValidated(data []byte, s *jsonschema.Schema, what string, v any) error {
	data = safefile.StripBOM(data) // the ministry's Windows tools write a byte-order mark
	problems, err := s.Validate(data)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if len(problems) > 0 {
		lines := make([]string, len(problems))
		for i, p := range problems {
			lines[i] = p.String()
		}
		return fmt.Errorf("%s file does not match its schema:\n  %s", what, strings.Join(lines, "\n  "))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}
