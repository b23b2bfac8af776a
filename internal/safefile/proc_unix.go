//go:build unix

package safefile

import (
	"errors"
	"os"
	"syscall"
)

// processAlive reports whether a process with the ID exists. When it cannot tell (say, the
// process belongs to another user), it says yes, so that a running writer's temporary file is
// never removed.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || !errors.Is(err, os.ErrProcessDone) && !errors.Is(err, syscall.ESRCH)
}
