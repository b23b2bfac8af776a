package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/p06kit/p06kit/criteria"
	"github.com/p06kit/p06kit/internal/suggest"
)

// parseInterspersed parses flags that may come before or after the positional arguments (as users type
// `p06 score findings.json --waivers w.json`), and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			suggestFlag(fs, err)
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// suggestFlag follows the flag package's "flag provided but not defined: -lnag" with the
// closest defined flags, if any is close.
func suggestFlag(fs *flag.FlagSet, err error) {
	const undefined = "flag provided but not defined: "
	msg := err.Error()
	if !strings.HasPrefix(msg, undefined) {
		return
	}
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if c := suggest.Closest(strings.TrimPrefix(msg, undefined), names, 2); len(c) > 0 {
		fmt.Fprintf(fs.Output(), "did you mean --%s?\n", strings.Join(c, " or --"))
	}
}

// cliFlagSet returns a flag set whose errors and usage go to stderr and that does not exit.
func cliFlagSet(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: %s\n\nflags:\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// catalogueFromRef resolves --catalogue: a built-in ID, or a file path.
func catalogueFromRef(ref string) (*criteria.Catalogue, error) {
	if st, err := os.Stat(ref); err == nil && !st.IsDir() {
		f, err := os.Open(ref)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		c, err := criteria.Load(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ref, err)
		}
		return c, nil
	}
	if strings.ContainsAny(ref, `/\`) || strings.HasSuffix(ref, ".json") {
		return nil, fmt.Errorf("catalogue file %s: not found", ref)
	}
	return criteria.Builtin(ref)
}
