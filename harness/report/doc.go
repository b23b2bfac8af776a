// Package report writes an assessment report ([scoring.Report]) in the formats its readers use,
// reads reports back, and compares two of them.
//
//	r, err := harness.Check(ctx, target)
//	...
//	err = report.WriteFile("portal.html", report.HTML, r, report.Options{Lang: "vi"})
//
// # Formats
//
//   - JSON ([WriteJSON]): the report contract, validated by the published schema
//     schema/report.schema.json ([Validate], [ReadJSON]). For the ministry's tools.
//   - JUnit XML ([WriteJUnit]): one test suite per group, one test case per criterion. For CI
//     servers.
//   - SARIF 2.1.0 ([WriteSARIF]): one result per finding, one rule per criterion. For
//     code-scanning dashboards.
//   - Markdown ([WriteMarkdown]): the scorecard and what is not met. For pull-request comments.
//   - HTML ([WriteHTML]): one self-contained page, Vietnamese or English, with a score bar per
//     group drawn as inline SVG and every finding with its evidence and advice. It loads nothing
//     from anywhere. For the assessor and the vendor's manager.
//
// Every human format (Markdown, HTML, text) and, where they mean something, SARIF and JUnit also
// show what the report records about the run beside its findings: a partial run (--only; its
// selection, and no grade as if it were the portal's), what the vendor's adapter implements and
// declares, the requests refused because they would have left the target, the traffic sent and
// the politeness limits kept, and the tool and version that made the report ([ToolVersion]).
//
// Every writer is deterministic: the same report gives the same bytes. Text in reports comes
// from findings the harness has already redacted (cookies, tokens, credentials, personal
// identification numbers).
//
// # Files
//
// [WriteFile] and [AtomicWrite] write through a temporary file in the same directory that is
// synced and renamed into place only when complete, so a crash or a full disk never leaves a
// half-written report where a good one was.
//
// # Comparing runs
//
// [Compare] returns a [Diff] of two reports: criteria newly failing, fixed, still failing, other
// changes, and the score, compliance and group deltas (`p06 report diff OLD.json NEW.json`).
//
// # Schemas
//
// The schemas of the report, of the portal profile (`p06 scan --profile`) and of the evidence
// file of attested criteria are embedded and published in schema/; [Schema] returns their text
// and [Validate] checks a document against one.
package report
