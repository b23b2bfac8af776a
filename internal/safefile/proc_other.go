//go:build !unix

package safefile

import "os"

// processAlive reports whether a process with the ID exists. Outside Unix only a failing look-up
// says no; otherwise the process is taken as alive and the age rule removes its temporary files.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
