package tlsscan_test

import (
	"bytes"
	"fmt"

	"github.com/p06kit/p06kit/harness/internal/tlsscan"
)

// A hand-built ClientHello offering only TLS 1.0 and a weak suite, and how a refusal reads.
func ExampleHello_Marshal() {
	h := tlsscan.Hello{Version: tlsscan.VersionTLS10, Suites: []uint16{0x000A}, ServerName: "portal.example.gov.vn"}
	rec, err := h.Marshal()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("record type %d, record version %d.%d, client_version %d.%d\n", rec[0], rec[1], rec[2], rec[9], rec[10])

	// A server that refuses TLS 1.0 answers with a protocol_version alert.
	reply, _ := tlsscan.ReadReply(bytes.NewReader([]byte{21, 3, 3, 0, 2, 2, 70}))
	fmt.Println(reply.Alert)
	// Output:
	// record type 22, record version 3.1, client_version 3.1
	// alert protocol_version
}
