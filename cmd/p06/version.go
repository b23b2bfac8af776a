package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
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

const versionUsage = "p06 version   (also: p06 --version)"

func runVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && !isHelp(args[0]) {
		fmt.Fprintf(stderr, "p06 version: unexpected argument %q\nusage: %s\n", args[0], versionUsage)
		return exitCantRun
	}
	if len(args) > 0 {
		fmt.Fprintf(stdout, "usage: %s\n\nPrints p06kit's version: the module version and the VCS revision it was built from.\n", versionUsage)
		return exitOK
	}
	fmt.Fprintf(stdout, "p06kit %s\n", version())
	return exitOK
}
