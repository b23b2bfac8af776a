package main

import (
	"fmt"
	"io"
)

// SCAFFOLD: replaced by the issue that builds 'p06 criteria'.
func runCriteria(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "p06 criteria: not built yet")
	return exitCantRun
}
