// Command p06 assesses public service portals against the Project 06 criteria.
//
// Usage:
//
//	p06 demo [--out DIR]
//	p06 scan [flags] URL…
//	p06 score FINDINGS.json [--waivers FILE] [--catalogue ID|FILE] [--format json|md]
//	p06 criteria [--catalogue ID|FILE] [--format table|md|json] [--lang vi|en] [--group G] [--tag T]
//	p06 index766 --procedures FILE [--format json|md] [--by unit|procedure] DOSSIERS…
//	p06 survey FILE
//	p06 report diff OLD.json NEW.json
//	p06 report render REPORT.json [--format json|junit|sarif|md|html]
//
// Exit status: 0 every applicable mandatory criterion met; 1 the assessment ran and something
// mandatory is not met; 2 could not run (usage, configuration, unreadable input, unreachable target
// or one whose home page cannot be read).
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit codes.
const (
	exitOK      = 0
	exitNotMet  = 1
	exitCantRun = 2
)

// command runs one subcommand with its arguments and returns the exit code.
type command func(args []string, stdout, stderr io.Writer) int

var commands = map[string]command{
	"demo":     runDemo,
	"scan":     runScan,
	"score":    runScore,
	"criteria": runCriteria,
	"index766": runIndex766,
	"survey":   runSurvey,
	"report":   runReport,
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, usage)
		if len(args) == 0 {
			return exitCantRun
		}
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "p06: unknown command %q\n\n%s", args[0], usage)
		return exitCantRun
	}
	return cmd(args[1:], stdout, stderr)
}

const usage = `p06 — Project 06 (Đề án 06) assessment of public service portals

Commands:
  demo      start the reference and broken portals with fakes of the national services on
            loopback, assess both and write their reports
  scan      assess live portals black-box (safe checks only unless told)
  score     score findings produced by any tool
  criteria  list a catalogue of criteria
  index766  compute the Decision 766 index from dossier records
  survey    assess many portals and compute national figures
  report    compare two reports (report diff OLD.json NEW.json) or write a JSON report in
            another format (report render REPORT.json --format html)

Run 'p06 COMMAND --help' for a command's flags.
`
