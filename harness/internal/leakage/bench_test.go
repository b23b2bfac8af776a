package leakage

import (
	"bytes"
	"testing"
)

// A 100 KB page with nothing to find: the cost of the trace signatures on every error probe.
var cleanPage = bytes.Repeat([]byte("<p>Thủ tục hành chính: đăng ký khai sinh, cấp đổi căn cước, at 08:00 daily.</p>\n"), 1200)

func BenchmarkLeakClean(b *testing.B) {
	b.SetBytes(int64(len(cleanPage)))
	for b.Loop() {
		if _, _, ok := Leak(cleanPage); ok {
			b.Fatal("false positive")
		}
	}
}

func BenchmarkParseSecurityTxt(b *testing.B) {
	in := []byte("# CSIRT\nContact: mailto:csirt@portal.gov.vn\nContact: tel:+84-24-1234-5678\nExpires: 2027-01-01T00:00:00Z\nPreferred-Languages: vi, en\nPolicy: https://portal.gov.vn/security-policy\n")
	for b.Loop() {
		if st := ParseSecurityTxt(in); len(st.Problems) > 0 {
			b.Fatal(st.Problems)
		}
	}
}
