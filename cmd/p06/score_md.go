package main

import (
	"io"

	"github.com/p06kit/p06kit/harness/report"
	"github.com/p06kit/p06kit/scoring"
)

// writeScoreMarkdown writes the scored report as Markdown (for a pull-request comment), with the
// titles and advice of the catalogue the report was scored against.
func writeScoreMarkdown(w io.Writer, r *scoring.Report, lang string) error {
	return report.WriteMarkdown(w, r, report.Options{Lang: lang, Version: version()})
}
