package main

import (
	"fmt"
	"io"

	"github.com/p06kit/p06kit/scoring"
)

// writeScoreMarkdown is replaced by the report package's Markdown writer once it lands.
func writeScoreMarkdown(w io.Writer, r *scoring.Report) error {
	_, err := fmt.Fprintf(w, "compliance %d/%d\n", r.Scores.Compliance.Met, r.Scores.Compliance.Applicable)
	return err
}
