package tlsscan

import (
	"bytes"
	"crypto/tls"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"testing"
	"time"
)

// serveOnce runs a Go TLS server with cfg on one end of a pipe and returns what it answers to
// the hello on the other end.
func serveOnce(t *testing.T, cfg *tls.Config, hello []byte) (Reply, error) {
	t.Helper()
	c, s := net.Pipe()
	defer c.Close()
	go func() {
		defer s.Close()
		_ = s.SetDeadline(time.Now().Add(5 * time.Second))
		_ = tls.Server(s, cfg).Handshake()
	}()
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	go func() { _, _ = c.Write(hello) }()
	return ReadReply(c)
}

func TestHelloAgainstGoServer(t *testing.T) {
	pki := newPKI(t, []string{"portal.example"}, time.Now().Add(365*24*time.Hour))
	tests := []struct {
		name        string
		server      *tls.Config
		hello       Hello
		wantVersion uint16 // 0: want an alert
		wantSuite   uint16
	}{
		{"tls13 accepted", &tls.Config{Certificates: []tls.Certificate{pki.leaf}},
			Hello{Version: VersionTLS13, Suites: tls13Suites(), ServerName: "portal.example"}, VersionTLS13, 0},
		{"tls12 accepted with ECDHE-ECDSA", &tls.Config{Certificates: []tls.Certificate{pki.leaf}, MaxVersion: tls.VersionTLS12},
			Hello{Version: VersionTLS12, Suites: legacySuites(), ServerName: "portal.example"}, VersionTLS12, 0xC02B},
		{"tls10 accepted when the server allows it", &tls.Config{Certificates: []tls.Certificate{pki.leaf}, MinVersion: tls.VersionTLS10},
			Hello{Version: VersionTLS10, Suites: legacySuites()}, VersionTLS10, 0},
		{"tls10 refused with an alert", &tls.Config{Certificates: []tls.Certificate{pki.leaf}, MinVersion: tls.VersionTLS12},
			Hello{Version: VersionTLS10, Suites: legacySuites()}, 0, 0},
		{"weak suites only refused", &tls.Config{Certificates: []tls.Certificate{pki.leaf}},
			Hello{Version: VersionTLS12, Suites: weakSuites()}, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg, err := tc.hello.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			rep, err := serveOnce(t, tc.server, msg)
			if err != nil {
				t.Fatalf("ReadReply: %v", err)
			}
			if tc.wantVersion == 0 {
				if rep.Alert == nil {
					t.Fatalf("want an alert, got ServerHello %+v", rep.Hello)
				}
				return
			}
			if rep.Hello == nil {
				t.Fatalf("want a ServerHello, got %v", rep.Alert)
			}
			if rep.Hello.Version != tc.wantVersion {
				t.Errorf("version = %s, want %s", VersionName(rep.Hello.Version), VersionName(tc.wantVersion))
			}
			if tc.wantSuite != 0 && rep.Hello.Suite != tc.wantSuite {
				t.Errorf("suite = %s, want %s", SuiteName(rep.Hello.Suite), SuiteName(tc.wantSuite))
			}
		})
	}
}

func TestHelloMarshalShape(t *testing.T) {
	tests := []struct {
		name     string
		h        Hello
		recVer   uint16
		legacy   uint16
		wantSNI  bool
		wantSV13 bool
	}{
		{"ssl3 has no extensions", Hello{Version: VersionSSL30, Suites: []uint16{0x000A}, ServerName: "a.example"}, VersionSSL30, VersionSSL30, false, false},
		{"tls12 with sni", Hello{Version: VersionTLS12, Suites: []uint16{0xC02F}, ServerName: "a.example"}, VersionTLS10, VersionTLS12, true, false},
		{"ip address gets no sni", Hello{Version: VersionTLS12, Suites: []uint16{0xC02F}, ServerName: "127.0.0.1"}, VersionTLS10, VersionTLS12, false, false},
		{"tls13 legacy version is 1.2", Hello{Version: VersionTLS13, Suites: []uint16{0x1301}}, VersionTLS10, VersionTLS12, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := tc.h.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			if got := binary.BigEndian.Uint16(b[1:]); got != tc.recVer {
				t.Errorf("record version %04x, want %04x", got, tc.recVer)
			}
			if int(binary.BigEndian.Uint16(b[3:])) != len(b)-5 {
				t.Errorf("record length %d, body %d", binary.BigEndian.Uint16(b[3:]), len(b)-5)
			}
			if got := binary.BigEndian.Uint16(b[9:]); got != tc.legacy {
				t.Errorf("client_version %04x, want %04x", got, tc.legacy)
			}
			if has := bytes.Contains(b, []byte("a.example")); has != tc.wantSNI {
				t.Errorf("SNI present = %v, want %v", has, tc.wantSNI)
			}
			if has := bytes.Contains(b, []byte{0x00, 0x2b, 0x00, 0x03, 0x02, 0x03, 0x04}); has != tc.wantSV13 {
				t.Errorf("supported_versions(1.3) present = %v, want %v", has, tc.wantSV13)
			}
			if n := len(b) - 5; n >= 256 && n < 512 {
				t.Errorf("hello of %d bytes falls in the 256–511 range that some load balancers drop", n)
			}
		})
	}
	for _, bad := range []Hello{{Version: 0x0200, Suites: []uint16{1}}, {Version: VersionTLS12}} {
		if _, err := bad.Marshal(); err == nil {
			t.Errorf("Marshal(%+v) succeeded, want an error", bad)
		}
	}
}

func serverHelloRecord(version uint16, suite uint16, exts []byte) []byte {
	var body []byte
	body = binary.BigEndian.AppendUint16(body, version)
	body = append(body, make([]byte, 32)...)
	body = append(body, 0)
	body = binary.BigEndian.AppendUint16(body, suite)
	body = append(body, 0)
	if exts != nil {
		body = binary.BigEndian.AppendUint16(body, uint16(len(exts)))
		body = append(body, exts...)
	}
	msg := append([]byte{2, 0, byte(len(body) >> 8), byte(len(body))}, body...)
	return append([]byte{22, 3, 3, byte(len(msg) >> 8), byte(len(msg))}, msg...)
}

func TestReadReply(t *testing.T) {
	sv13 := []byte{0x00, 0x2b, 0x00, 0x02, 0x03, 0x04}
	full := serverHelloRecord(VersionTLS12, 0xC02F, nil)
	// The same ServerHello split across two records, as a server may send it.
	split := append([]byte{22, 3, 3, 0, 3}, full[5:8]...)
	split = append(split, 22, 3, 3, 0, byte(len(full)-8))
	split = append(split, full[8:]...)
	tests := []struct {
		name    string
		in      []byte
		version uint16
		suite   uint16
		alert   string
		err     error
	}{
		{"tls12 hello", full, VersionTLS12, 0xC02F, "", nil},
		{"tls13 via supported_versions", serverHelloRecord(VersionTLS12, 0x1301, sv13), VersionTLS13, 0x1301, "", nil},
		{"hello split across records", split, VersionTLS12, 0xC02F, "", nil},
		{"protocol_version alert", []byte{21, 3, 1, 0, 2, 2, 70}, 0, 0, "alert protocol_version", nil},
		{"plain HTTP answer", []byte("HTTP/1.1 400 Bad Request\r\n\r\n"), 0, 0, "", ErrNotTLS},
		{"SSLv2 answer", []byte{0x80, 0x2e, 0x04, 0x00, 0x01}, 0, 0, "", ErrNotTLS},
		{"oversized record", []byte{22, 3, 3, 0xff, 0xff}, 0, 0, "", ErrNotTLS},
		{"truncated", full[:20], 0, 0, "", io.ErrUnexpectedEOF},
		{"empty", nil, 0, 0, "", io.EOF},
		{"extension longer than its block", serverHelloRecord(VersionTLS12, 0xC02F, []byte{0x00, 0x2b, 0x00, 0x05, 0x03, 0x04}), 0, 0, "", ErrNotTLS},
		{"alert after handshake bytes", append([]byte{22, 3, 3, 0, 2, 2, 0}, 21, 3, 3, 0, 2, 2, 40), 0, 0, "", ErrNotTLS},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := ReadReply(bytes.NewReader(tc.in))
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("err = %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.alert != "" {
				if rep.Alert == nil || rep.Alert.String() != tc.alert {
					t.Fatalf("alert = %v, want %s", rep.Alert, tc.alert)
				}
				return
			}
			if rep.Hello == nil || rep.Hello.Version != tc.version || rep.Hello.Suite != tc.suite {
				t.Fatalf("hello = %+v, want version %04x suite %04x", rep.Hello, tc.version, tc.suite)
			}
		})
	}
}

// FuzzReadReply feeds arbitrary server answers to the parser: it must never panic, never read
// past its bound, and a ServerHello it returns must be self-consistent.
func FuzzReadReply(f *testing.F) {
	f.Add(serverHelloRecord(VersionTLS12, 0xC02F, nil))
	f.Add(serverHelloRecord(VersionTLS12, 0x1301, []byte{0x00, 0x2b, 0x00, 0x02, 0x03, 0x04}))
	f.Add([]byte{21, 3, 1, 0, 2, 2, 40})
	f.Add([]byte("HTTP/1.0 200 OK\r\n"))
	f.Add([]byte{22, 3, 3, 0, 1, 2})
	f.Add(append(serverHelloRecord(VersionTLS12, 0x002F, nil), 22, 3, 3, 0, 10, 11, 0, 0, 6, 0, 0, 3, 0, 0, 3))
	f.Fuzz(func(t *testing.T, in []byte) {
		// The certificate reader continues where the ServerHello ends: it must stay bounded too.
		hr := &handshakeReader{r: bytes.NewReader(in)}
		if _, err := hr.reply(); err == nil {
			if chain, err := hr.readCertificates(); err == nil && len(chain) == 0 {
				t.Fatal("empty chain without an error")
			}
		}
		r := bytes.NewReader(in)
		rep, err := ReadReply(r)
		if err != nil {
			return
		}
		if (rep.Hello == nil) == (rep.Alert == nil) {
			t.Fatalf("reply must be exactly one of hello or alert: %+v", rep)
		}
		if consumed := len(in) - r.Len(); consumed > maxHandshake+5 {
			t.Fatalf("read %d bytes, bound %d", consumed, maxHandshake)
		}
	})
}

func FuzzParseServerHello(f *testing.F) {
	f.Add(serverHelloRecord(VersionTLS12, 0xC02F, nil)[9:])
	f.Add(serverHelloRecord(VersionTLS12, 0x1301, []byte{0x00, 0x2b, 0x00, 0x02, 0x03, 0x04})[9:])
	f.Fuzz(func(t *testing.T, in []byte) {
		sh, err := ParseServerHello(in)
		if err == nil && sh == nil {
			t.Fatal("nil hello without error")
		}
	})
}
