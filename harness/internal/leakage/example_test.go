package leakage_test

import (
	"fmt"

	"github.com/p06kit/p06kit/harness/internal/leakage"
)

func ExampleParseSecurityTxt() {
	st := leakage.ParseSecurityTxt([]byte("Contact: http://portal.example.gov.vn/lien-he\n"))
	for _, p := range st.Problems {
		fmt.Println(p)
	}
	// Output:
	// line 1: Contact "http://portal.example.gov.vn/lien-he" uses http://; web URIs must be https:// (RFC 9116 §2.5)
	// no Expires field (required, RFC 9116 §2.5.5)
}

func ExampleLeak() {
	what, text, ok := leakage.Leak([]byte("<pre>Traceback (most recent call last):\n  File \"/srv/portal/views.py\", line 42</pre>"))
	fmt.Println(ok, what, text)
	// Output:
	// true Python traceback Traceback (most recent call last):
}
