package tlsscan

import (
	"context"
	"crypto/rand"
	"io"
	"time"

	"github.com/p06kit/p06kit/harness/msg"
)

// VersionSSL20 is SSL 2.0, which has its own record and hello format (it predates TLS records).
const VersionSSL20 uint16 = 0x0002

// sslv2Timeout bounds the SSL 2.0 probe; an SSL 2.0 server answers at once.
const sslv2Timeout = 2 * time.Second

// sslv2Ciphers are the seven SSL 2.0 cipher kinds, all broken.
var sslv2Ciphers = [][3]byte{
	{0x01, 0x00, 0x80}, {0x02, 0x00, 0x80}, {0x03, 0x00, 0x80}, {0x04, 0x00, 0x80},
	{0x05, 0x00, 0x80}, {0x06, 0x00, 0x40}, {0x07, 0x00, 0xC0},
}

// SSLv2Hello returns an SSL 2.0 CLIENT-HELLO offering every SSL 2.0 cipher kind.
func SSLv2Hello(challenge [16]byte) []byte {
	body := []byte{1, 0x00, 0x02, 0, byte(3 * len(sslv2Ciphers)), 0, 0, 0, 16}
	for _, c := range sslv2Ciphers {
		body = append(body, c[:]...)
	}
	body = append(body, challenge[:]...)
	return append([]byte{0x80 | byte(len(body)>>8), byte(len(body))}, body...)
}

// ParseSSLv2Reply reports whether b (the start of a server's answer) is an SSL 2.0 SERVER-HELLO
// with at least one cipher kind, that is, whether the server speaks SSL 2.0.
func ParseSSLv2Reply(b []byte) (bool, string) {
	ok, detail := parseSSLv2Reply(b)
	return ok, detail.String()
}

// parseSSLv2Reply is ParseSSLv2Reply, saying what it saw as a catalogue phrase.
func parseSSLv2Reply(b []byte) (bool, msg.Phrase) {
	if len(b) < 2 {
		return false, msg.P(mSeenClosed)
	}
	if b[0]&0x80 == 0 {
		if b[0] == recordAlert || b[0] == recordHandshake {
			return false, msg.P(mSeenTLSRecord)
		}
		return false, msg.P(mSeenNotSSLv2, printable(b[:min(len(b), 5)]))
	}
	n := int(b[0]&0x7f)<<8 | int(b[1])
	sh := b[2:]
	if n < 11 || len(sh) < 11 || sh[0] != 4 {
		return false, msg.P(mSeenNotV2Hello)
	}
	// SERVER-HELLO: type, session-id-hit, certificate type, version (2), certificate length (2),
	// cipher-specs length (2), connection-id length (2).
	ciphers := int(sh[7])<<8 | int(sh[8])
	if sh[3] != 0x00 || sh[4] != 0x02 {
		return false, msg.P(mSeenV2OtherVersion)
	}
	if ciphers == 0 {
		return false, msg.P(mSeenV2NoCipher)
	}
	return true, msg.P(mSeenV2Ciphers, ciphers/3)
}

// ProbeSSLv2 sends an SSL 2.0 CLIENT-HELLO and reports whether the server answers in SSL 2.0.
// err is set only when the server cannot be reached.
func (p *Prober) ProbeSSLv2(ctx context.Context) (VersionResult, error) {
	var ch [16]byte
	_, _ = rand.Read(ch[:])
	// Servers that do not speak SSL 2.0 often wait for more bytes rather than refuse: a shorter
	// bound than other probes keeps that from costing 5 seconds per scan.
	ctx, conn, done, err := p.connect(ctx, sslv2Timeout)
	if err != nil {
		return VersionResult{}, err
	}
	defer done()
	if d, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(d)
	}
	stop := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	r := VersionResult{Version: VersionSSL20}
	if _, err := conn.Write(SSLv2Hello(ch)); err != nil {
		r.Outcome = said(true, msg.P(mSeenClosedSending, "CLIENT-HELLO"))
		return r, nil
	}
	buf := make([]byte, 64)
	n, _ := io.ReadAtLeast(conn, buf, 11)
	ok, detail := parseSSLv2Reply(buf[:n])
	r.Accepted = ok
	r.Outcome = said(n == 0, detail)
	return r, nil
}
