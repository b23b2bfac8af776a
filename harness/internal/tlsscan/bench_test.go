package tlsscan

import (
	"bytes"
	"testing"
)

func BenchmarkHelloMarshal(b *testing.B) {
	h := Hello{Version: VersionTLS12, Suites: legacySuites(), ServerName: "dichvucong.example.gov.vn"}
	for b.Loop() {
		if _, err := h.Marshal(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadReply(b *testing.B) {
	rec := serverHelloRecord(VersionTLS12, 0x1301, []byte{0x00, 0x2b, 0x00, 0x02, 0x03, 0x04})
	for b.Loop() {
		if _, err := ReadReply(bytes.NewReader(rec)); err != nil {
			b.Fatal(err)
		}
	}
}
