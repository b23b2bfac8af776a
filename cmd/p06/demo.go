package main

import (
	"fmt"
	"io"
)

// SCAFFOLD: replaced by the issue that builds 'p06 demo'.
func runDemo(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "p06 demo: not built yet")
	return exitCantRun
}
