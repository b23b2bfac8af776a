//go:build linux

package index766

import (
	"io"
	"os"
	"syscall"
)

// mapFile maps a regular file read-only, from its current offset, instead of copying it through
// read(2): the workers parse the page cache in place, which saves copying every byte once. The
// pages of each parsed chunk are released (madvise DONTNEED) so the resident set stays at the
// chunks in flight, not the file. ok is false for anything but a non-empty regular file; the
// caller then streams it.
func mapFile(r io.Reader) (data []byte, release func([]byte), unmap func(), ok bool) {
	f, isFile := r.(*os.File)
	if !isFile {
		return nil, nil, nil, false
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() == 0 || st.Size() > 1<<46 {
		return nil, nil, nil, false
	}
	off, err := f.Seek(0, io.SeekCurrent)
	if err != nil || off >= st.Size() {
		return nil, nil, nil, false
	}
	m, err := syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_PRIVATE)
	if err != nil {
		return nil, nil, nil, false
	}
	// _ = syscall.Madvise(m, syscall.MADV_SEQUENTIAL)
	// The reader is consumed, as if it had been read to the end.
	_, _ = f.Seek(0, io.SeekEnd)
	page := os.Getpagesize()
	release = func(b []byte) {
		if len(b) == 0 {
			return
		}
		// b is a sub-slice of m: its offset in m is the difference of their capacities.
		start := (cap(m) - cap(b)) &^ (page - 1)
		end := min(len(m), (cap(m)-cap(b)+len(b)+page-1)&^(page-1))
		_ = syscall.Madvise(m[start:end], syscall.MADV_DONTNEED)
	}
	return m[off:], release, func() { _ = syscall.Munmap(m) }, true
}
