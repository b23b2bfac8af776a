package main

import (
	"fmt"
	"io"
)

// SCAFFOLD: replaced by the issue that builds 'p06 index766'.
func runIndex766(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "p06 index766: not built yet")
	return exitCantRun
}
