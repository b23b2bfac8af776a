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
//	p06 version   (or p06 --version)
//
// Every command prints its usage on stdout and exits 0 with --help.
//
// Exit status: 0 every applicable mandatory criterion met; 1 the assessment ran and something
// mandatory is not met; 2 could not run (usage, configuration, unreadable input, unreachable target
// or one whose home page cannot be read).
package main

import (
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/p06kit/p06kit/internal/suggest"
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
	"version":  runVersion,
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	lang := argLang(args)
	usage := mMainUsage.Render(lang)
	if len(args) > 0 && args[0] != "help" && !isHelp(args[0]) && args[0] != "--version" && args[0] != "-version" && args[0] != "-v" {
		if _, ok := commands[args[0]]; !ok && wantsHelp(args) {
			// "p06 --lang en --help": the help of p06 itself.
			args = []string{"--help"}
		}
	}
	switch {
	case len(args) == 0:
		fmt.Fprint(stderr, usage)
		return exitCantRun
	case isHelp(args[0]) || args[0] == "help":
		if len(args) > 1 && args[0] == "help" {
			if _, ok := commands[args[1]]; ok {
				return run([]string{args[1], "--help"}, stdout, stderr)
			}
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	case args[0] == "--version" || args[0] == "-version" || args[0] == "-v":
		return runVersion(nil, stdout, stderr)
	}
	cmd, ok := commands[args[0]]
	if !ok {
		names := make([]string, 0, len(commands))
		for n := range commands {
			names = append(names, n)
		}
		sort.Strings(names)
		line := mUnknownCommand.Render(lang, args[0])
		if c := suggest.Closest(args[0], names, 2); len(c) > 0 {
			line += " (" + mDidYouMean.Render(lang, orList(lang, "", c)) + ")"
		}
		fmt.Fprintf(stderr, "p06: %s\n\n%s", line, usage)
		return exitCantRun
	}
	if wantsHelp(args[1:]) {
		// Help asked for is the answer, not an error: usage on stdout, exit 0, for every
		// subcommand (each prints its usage where it would print an error).
		cmd(args[1:], stdout, stdout)
		return exitOK
	}
	return cmd(args[1:], stdout, stderr)
}

// isHelp reports whether a is a request for help.
func isHelp(a string) bool {
	return a == "-h" || a == "--h" || a == "-help" || a == "--help"
}

// wantsHelp reports whether args ask for help before any "--" (or, for a command with
// subcommands, as in "report diff --help").
func wantsHelp(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if isHelp(a) {
			return true
		}
	}
	return false
}
