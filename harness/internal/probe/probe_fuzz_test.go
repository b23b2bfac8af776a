package probe

import (
	"bytes"
	"io"
	"net/http"
	"testing"

	"github.com/p06kit/p06kit/harness/check"
)

// FuzzDecodedBody: response bodies and their Content-Encoding are outside input. Decoding must
// never panic or exceed the size bound, whatever the bytes claim to be.
func FuzzDecodedBody(f *testing.F) {
	cfg := check.Config{MaxBodyBytes: 64 << 10}.WithDefaults()
	f.Add("gzip", []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff})
	f.Add("deflate", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	f.Add("deflate", []byte{0x4b, 0x4c, 0x4a, 0x06, 0x00})
	f.Add("", []byte("<html>plain</html>"))
	f.Add("br", []byte{0x0b})
	f.Add("gzip, gzip", []byte("x"))
	f.Fuzz(func(t *testing.T, enc string, body []byte) {
		resp := &http.Response{Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(body))}
		if enc != "" {
			resp.Header.Set("Content-Encoding", enc)
		}
		out, _, _ := decodedBody(resp, cfg)
		if int64(len(out)) > cfg.MaxBodyBytes {
			t.Fatalf("decoded %d bytes, bound %d", len(out), cfg.MaxBodyBytes)
		}
	})
}

// FuzzParsePage: pages and their Content-Type are outside input. Parsing must never panic;
// a page that parses has a document.
func FuzzParsePage(f *testing.F) {
	f.Add("text/html; charset=utf-8", []byte("<html><title>Cổng</title></html>"))
	f.Add("text/html; charset=windows-1258", []byte("<p>Caf\xe9</p>"))
	f.Add("text/html; charset=x-unknown", []byte("<p>x</p>"))
	f.Add("", []byte("\xef\xbb\xbf<!doctype html><html>"))
	f.Add("text/html", []byte("<meta charset=shift_jis><p>\x82\xa0</p>"))
	f.Add("application/json", []byte(`{"a":1}`))
	f.Add("text/html;;;charset", bytes.Repeat([]byte("<div>"), 600))
	f.Fuzz(func(t *testing.T, ct string, body []byte) {
		resp := &check.Response{Header: http.Header{"Content-Type": {ct}}, Body: body, FinalURL: "https://portal.example/"}
		p, err := parsePage(resp)
		if p == nil {
			t.Fatal("nil page")
		}
		if err == nil && isHTML(ct, body) && p.Doc == nil {
			t.Fatal("HTML page parsed without error but has no document")
		}
	})
}
