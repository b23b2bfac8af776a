//go:build !linux

package index766

import "io"

// mapFile is only implemented on Linux; elsewhere every input is streamed.
func mapFile(io.Reader) ([]byte, func([]byte), func(), bool) { return nil, nil, nil, false }
