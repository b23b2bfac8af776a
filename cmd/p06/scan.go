package main

import (
	"fmt"
	"io"
)

// SCAFFOLD: replaced by the issue that builds 'p06 scan'.
func runScan(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "p06 scan: not built yet")
	return exitCantRun
}
