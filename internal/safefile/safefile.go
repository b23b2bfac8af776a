// Package safefile writes output files so that no file is lost, and reads input files within a
// bound and with errors that name them.
//
// A writer never truncates the previous good file in place: [Write] writes to a temporary file
// in the destination directory and renames it over the destination only when everything
// succeeded, so a full disk, a file-size limit, a failing writer or a kill leaves the previous
// file intact. Temporary files that killed writers left behind are removed by the next write to
// the same destination. [Refuse] stops a command whose output would replace one of its inputs
// before any work starts, and [CheckWritable] finds an output that cannot be written before a
// long run rather than after it.
package safefile

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/p06kit/p06kit/harness/msg"
)

// tmpMarker separates a destination's name from the writer's process ID and a random suffix in
// the name of a temporary file: ".NAME.tmp-PID-RANDOM".
const tmpMarker = ".tmp-"

// StaleAfter is the age beyond which a temporary file of a destination is removed even when the
// process that created it may still be running (its ID may have been reused).
const StaleAfter = 24 * time.Hour

// Write writes the file at path through write, atomically: the data goes to a temporary file in
// the same directory, is flushed to stable storage, and is renamed over path only when write and
// every step after it succeeded (the directory is then synced where the platform allows). On error
// path is untouched and the temporary file removed. Temporary files of earlier writers of path
// that were killed are removed first. The file gets mode 0644.
func Write(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	base := filepath.Base(path)
	CleanStale(path)
	tmp, err := os.CreateTemp(dir, "."+base+tmpMarker+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return msg.Wrap(msg.P(mWriting, path), err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err = write(bw); err != nil {
		return msg.Wrap(msg.P(mWriting, path), err)
	}
	if err = bw.Flush(); err != nil {
		return msg.Wrap(msg.P(mWriting, path), err)
	}
	if err = tmp.Sync(); err != nil {
		return msg.Wrap(msg.P(mWritingSync, path), err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return msg.Wrap(msg.P(mWriting, path), err)
	}
	if err = tmp.Close(); err != nil {
		return msg.Wrap(msg.P(mWriting, path), err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return msg.Wrap(msg.P(mWriting, path), err)
	}
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync() // best effort: some file systems refuse to sync a directory
		d.Close()
	}
	return nil
}

// WriteBytes writes data to path atomically, as [Write].
func WriteBytes(path string, data []byte) error {
	return Write(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// CleanStale removes the temporary files that writers of path left behind when they were killed:
// those whose writer process no longer exists, and those older than [StaleAfter]. It returns the
// names removed. Temporary files of a writer still running are kept.
func CleanStale(path string) []string {
	dir := filepath.Dir(path)
	prefix := "." + filepath.Base(path) + tmpMarker
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || e.IsDir() {
			continue
		}
		pidText, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 {
			continue // not one of ours
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		if pid != os.Getpid() && !processAlive(pid) || time.Since(info.ModTime()) > StaleAfter {
			if os.Remove(filepath.Join(dir, name)) == nil {
				removed = append(removed, name)
			}
		}
	}
	return removed
}

// CheckWritable reports, before any work, whether a file can be written at path: its directory
// exists and accepts a new file, and path is not a directory. It creates and removes a temporary
// file, leaving path itself untouched.
func CheckWritable(path string) error {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return msg.Error(mOutIsDir, path)
	}
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	if err != nil {
		return msg.Error(mNoDir, path, dir)
	}
	if !info.IsDir() {
		return msg.Error(mNotDir, path, dir)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+tmpMarker+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return msg.Wrap(msg.P(mCannotWrite, path), err)
	}
	tmp.Close()
	os.Remove(tmp.Name())
	return nil
}

// Refuse returns an error when the output path is, or resolves to, one of the inputs (the same
// file through another name, a symbolic link or a hard link): writing it would destroy the input.
// Inputs "" and "-" (standard input) are skipped. It is meant to run before any work starts.
func Refuse(output string, inputs ...string) error {
	if output == "" || output == "-" {
		return nil
	}
	outInfo, outErr := os.Stat(output)
	outAbs := resolve(output)
	for _, in := range inputs {
		if in == "" || in == "-" {
			continue
		}
		same := false
		if outErr == nil {
			if inInfo, err := os.Stat(in); err == nil && os.SameFile(outInfo, inInfo) {
				same = true
			}
		}
		if !same && outAbs != "" && outAbs == resolve(in) {
			same = true
		}
		if same {
			return msg.Error(mOutIsIn, output, in)
		}
	}
	return nil
}

// resolve returns the absolute path of p with symbolic links of its directory resolved, or ""
// when it cannot.
func resolve(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return ""
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	if d, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(d, filepath.Base(abs))
	}
	return abs
}
