package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/p06kit/p06kit/harness/report"
)

// isTerminal reports whether w is a terminal (a character device), where people rather than
// programs read the output.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// buildVersion can be set with -ldflags "-X main.buildVersion=v1.2.3"; it overrides the
// module version from the build information.
var buildVersion = ""

var versionOnce = sync.OnceValue(func() string {
	bi, _ := debug.ReadBuildInfo()
	return versionFrom(buildVersion, bi)
})

// version is p06's version as every report and `p06 version` state it: the module version
// (or "dev" in a development build), then the VCS revision, marked "+dirty" when the work
// tree had uncommitted changes, e.g. "v0.4.0" or "dev (3f2c1ab, dirty)".
func version() string { return versionOnce() }

// versionFrom builds the version from an -ldflags override and the build information: the
// reports' own rule (report.VersionFrom), so that `p06 --version` and every report agree.
func versionFrom(override string, bi *debug.BuildInfo) string {
	return report.VersionFrom(override, bi)
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	lang := argLang(args)
	if wantsHelp(args) {
		fmt.Fprintf(stdout, "%s\n\n%s\n", mUsage.Render(lang, mVersionSynopsis.Render(lang)), mVersionAbout.Render(lang))
		return exitOK
	}
	// --lang (the language of this command's help and errors) is its one flag.
	var rest []string
	for i := 0; i < len(args); i++ {
		switch name, _, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "="); {
		case strings.HasPrefix(args[i], "-") && name == "lang" && hasValue:
		case strings.HasPrefix(args[i], "-") && name == "lang" && i+1 < len(args):
			i++
		default:
			rest = append(rest, args[i])
		}
	}
	if len(rest) > 0 {
		say(stderr, "p06 version", lang, mUnexpectedArg, rest[0])
		fmt.Fprintln(stderr, mUsage.Render(lang, mVersionSynopsis.Render(lang)))
		return exitCantRun
	}
	fmt.Fprintf(stdout, "p06kit %s\n", version())
	return exitOK
}
