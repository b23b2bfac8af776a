package tlsscan

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/netip"

	"github.com/p06kit/p06kit/harness/msg"
)

// Protocol versions as they appear on the wire.
const (
	VersionSSL30 uint16 = 0x0300
	VersionTLS10 uint16 = 0x0301
	VersionTLS11 uint16 = 0x0302
	VersionTLS12 uint16 = 0x0303
	VersionTLS13 uint16 = 0x0304
)

// VersionName names a wire version the way testssl.sh prints it ("TLS 1.2").
func VersionName(v uint16) string {
	switch v {
	case VersionSSL20:
		return "SSLv2"
	case VersionSSL30:
		return "SSLv3"
	case VersionTLS10:
		return "TLS 1.0"
	case VersionTLS11:
		return "TLS 1.1"
	case VersionTLS12:
		return "TLS 1.2"
	case VersionTLS13:
		return "TLS 1.3"
	}
	return fmt.Sprintf("0x%04X", v)
}

// TLS record content types and handshake message types the scanner reads.
const (
	recordAlert     = 21
	recordHandshake = 22
	msgClientHello  = 1
	msgServerHello  = 2
)

// Extension numbers (IANA "TLS ExtensionType Values").
const (
	extServerName        = 0x0000
	extSupportedGroups   = 0x000a
	extECPointFormats    = 0x000b
	extSignatureAlgs     = 0x000d
	extPadding           = 0x0015
	extEMS               = 0x0017
	extSessionTicket     = 0x0023
	extSupportedVersions = 0x002b
	extPSKModes          = 0x002d
	extKeyShare          = 0x0033
	extRenegotiationInfo = 0xff01
)

const groupX25519 = 0x001d

// Hello describes one hand-built ClientHello. The zero value is not useful; set Version.
type Hello struct {
	// Version is the highest version offered: SSL 3.0 … TLS 1.3. For TLS 1.3 the legacy version
	// field says TLS 1.2 and the supported_versions extension offers only TLS 1.3, so that a
	// server that cannot speak TLS 1.3 refuses instead of falling back.
	Version uint16
	// Suites are the cipher suites offered, in preference order.
	Suites []uint16
	// ServerName is sent as SNI unless it is empty or an IP address.
	ServerName string
	// Random is the client random; KeyShare the X25519 public key of a TLS 1.3 hello (32 bytes).
	// Zero values are sent as they are: a probe never completes the handshake.
	Random   [32]byte
	KeyShare []byte
}

// Marshal returns the hello as a single TLS record, ready to write to the connection.
func (h Hello) Marshal() ([]byte, error) {
	if h.Version < VersionSSL30 || h.Version > VersionTLS13 {
		return nil, msg.Error(mErrHelloVersion, h.Version)
	}
	if len(h.Suites) == 0 || len(h.Suites) > 1000 {
		return nil, msg.Error(mErrHelloSuites, len(h.Suites))
	}
	legacy := h.Version
	if legacy == VersionTLS13 {
		legacy = VersionTLS12
	}
	var body []byte
	body = binary.BigEndian.AppendUint16(body, legacy)
	body = append(body, h.Random[:]...)
	if h.Version == VersionTLS13 {
		// A 32-byte legacy session ID, as browsers send it ("middlebox compatibility mode").
		body = append(body, 32)
		body = append(body, h.Random[:]...)
	} else {
		body = append(body, 0)
	}
	suites := h.Suites
	if h.Version < VersionTLS13 {
		// TLS_EMPTY_RENEGOTIATION_INFO_SCSV: accepted by every server, and all SSL 3.0 can carry.
		suites = append(suites[:len(suites):len(suites)], 0x00ff)
	}
	body = binary.BigEndian.AppendUint16(body, uint16(2*len(suites)))
	for _, s := range suites {
		body = binary.BigEndian.AppendUint16(body, s)
	}
	body = append(body, 1, 0) // compression: null only

	if h.Version > VersionSSL30 {
		ext := h.extensions()
		// Some load balancers drop hellos of 256–511 bytes (RFC 7685 §4): pad them to 512.
		if n := 4 + len(body) + 2 + len(ext); n >= 256 && n < 512 {
			pad := 512 - n - 4
			if pad < 0 {
				pad = 0
			}
			ext = appendExt(ext, extPadding, make([]byte, pad))
		}
		body = binary.BigEndian.AppendUint16(body, uint16(len(ext)))
		body = append(body, ext...)
	}

	msg := []byte{msgClientHello, byte(len(body) >> 16), byte(len(body) >> 8), byte(len(body))}
	msg = append(msg, body...)
	recVersion := VersionTLS10
	if h.Version == VersionSSL30 {
		recVersion = VersionSSL30
	}
	rec := []byte{recordHandshake, 3, byte(recVersion & 0xff), byte(len(msg) >> 8), byte(len(msg))}
	return append(rec, msg...), nil
}

func (h Hello) extensions() []byte {
	var ext []byte
	if h.ServerName != "" {
		if _, err := netip.ParseAddr(h.ServerName); err != nil && len(h.ServerName) < 256 {
			var sni []byte
			sni = binary.BigEndian.AppendUint16(sni, uint16(3+len(h.ServerName)))
			sni = append(sni, 0) // host_name
			sni = binary.BigEndian.AppendUint16(sni, uint16(len(h.ServerName)))
			sni = append(sni, h.ServerName...)
			ext = appendExt(ext, extServerName, sni)
		}
	}
	groups := []uint16{groupX25519, 0x0017, 0x0018, 0x0019, 0x0100, 0x0101}
	ext = appendExt(ext, extSupportedGroups, u16list(groups, 2))
	ext = appendExt(ext, extECPointFormats, []byte{1, 0})
	sigs := []uint16{0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0203, 0x0201, 0x0402, 0x0202}
	ext = appendExt(ext, extSignatureAlgs, u16list(sigs, 2))
	if h.Version < VersionTLS13 {
		ext = appendExt(ext, extRenegotiationInfo, []byte{0})
		ext = appendExt(ext, extEMS, nil)
		ext = appendExt(ext, extSessionTicket, nil)
		return ext
	}
	ext = appendExt(ext, extSupportedVersions, []byte{2, 0x03, 0x04})
	ext = appendExt(ext, extPSKModes, []byte{1, 1})
	key := h.KeyShare
	if len(key) != 32 {
		key = make([]byte, 32)
		key[0] = 9 // the X25519 base point: a valid public key
	}
	var ks []byte
	ks = binary.BigEndian.AppendUint16(ks, uint16(4+len(key)))
	ks = binary.BigEndian.AppendUint16(ks, groupX25519)
	ks = binary.BigEndian.AppendUint16(ks, uint16(len(key)))
	ks = append(ks, key...)
	return appendExt(ext, extKeyShare, ks)
}

func appendExt(b []byte, typ uint16, data []byte) []byte {
	b = binary.BigEndian.AppendUint16(b, typ)
	b = binary.BigEndian.AppendUint16(b, uint16(len(data)))
	return append(b, data...)
}

func u16list(v []uint16, lenBytes int) []byte {
	var b []byte
	if lenBytes == 2 {
		b = binary.BigEndian.AppendUint16(b, uint16(2*len(v)))
	} else {
		b = append(b, byte(2*len(v)))
	}
	for _, x := range v {
		b = binary.BigEndian.AppendUint16(b, x)
	}
	return b
}

// helloRetryRandom is the special ServerHello.random of a TLS 1.3 HelloRetryRequest (RFC 8446 §4.1.3).
var helloRetryRandom = [32]byte{
	0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
	0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C,
}

// Reply is what a server answered to a ClientHello: a ServerHello or an alert.
type Reply struct {
	// Hello is set when the server answered with a ServerHello (or a HelloRetryRequest).
	Hello *ServerHello
	// Alert is set when the server answered with an alert.
	Alert *Alert
}

// ServerHello is the part of a ServerHello the scanner needs.
type ServerHello struct {
	// LegacyVersion is the version field; Version the negotiated version (supported_versions
	// when present, as in TLS 1.3).
	LegacyVersion, Version uint16
	Suite                  uint16
	Compression            byte
	// Retry marks a TLS 1.3 HelloRetryRequest: the server accepts TLS 1.3 but wants another key share.
	Retry bool
	// Extensions are the extension types, in order.
	Extensions []uint16
}

// Alert is a TLS alert.
type Alert struct {
	Level, Description byte
}

func (a Alert) String() string {
	names := map[byte]string{0: "close_notify", 10: "unexpected_message", 20: "bad_record_mac",
		40: "handshake_failure", 47: "illegal_parameter", 50: "decode_error", 51: "decrypt_error",
		70: "protocol_version", 71: "insufficient_security", 80: "internal_error",
		86: "inappropriate_fallback", 109: "missing_extension", 110: "unsupported_extension",
		112: "unrecognized_name", 120: "no_application_protocol"}
	if n, ok := names[a.Description]; ok {
		return "alert " + n
	}
	return fmt.Sprintf("alert %d", a.Description)
}

// ErrNotTLS is returned when the peer's reply is not a TLS record.
var ErrNotTLS = msg.Error(mErrNotTLS)

// maxRecord bounds a record's length: 2^14 plus the expansion TLS allows.
const maxRecord = 1<<14 + 2048

// maxHandshake bounds the bytes read before a ServerHello is complete.
const maxHandshake = 64 << 10

// ReadReply reads records from r until it has a complete ServerHello or an alert. It reads at
// most 64 KiB; what lies beyond the first handshake message is not read.
func ReadReply(r io.Reader) (Reply, error) {
	hr := &handshakeReader{r: r}
	return hr.reply()
}

// handshakeReader reads TLS records and splits their handshake payload into messages, bounded
// to maxHandshake bytes in all.
type handshakeReader struct {
	r    io.Reader
	hs   []byte // handshake bytes read but not yet returned
	read int
}

func (h *handshakeReader) reply() (Reply, error) {
	typ, body, alert, err := h.next()
	if err != nil {
		return Reply{}, err
	}
	if alert != nil {
		return Reply{Alert: alert}, nil
	}
	if typ != msgServerHello {
		return Reply{}, msg.Error(mErrFirstNotHello, ErrNotTLS, typ)
	}
	sh, err := ParseServerHello(body)
	if err != nil {
		return Reply{}, err
	}
	return Reply{Hello: sh}, nil
}

// next returns the next handshake message (type and body), or an alert.
func (h *handshakeReader) next() (byte, []byte, *Alert, error) {
	var hdr [5]byte
	for {
		if len(h.hs) >= 4 {
			mlen := int(h.hs[1])<<16 | int(h.hs[2])<<8 | int(h.hs[3])
			if mlen > maxHandshake {
				return 0, nil, nil, msg.Error(mErrHandshakeSize, ErrNotTLS, mlen)
			}
			if len(h.hs) >= 4+mlen {
				typ, body := h.hs[0], h.hs[4:4+mlen]
				h.hs = h.hs[4+mlen:]
				return typ, body, nil, nil
			}
		}
		if _, err := io.ReadFull(h.r, hdr[:]); err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) || (errors.Is(err, io.EOF) && h.read > 0) {
				return 0, nil, nil, msg.Error(mErrCutShort, h.read, io.ErrUnexpectedEOF)
			}
			return 0, nil, nil, err
		}
		typ, n := hdr[0], int(binary.BigEndian.Uint16(hdr[3:]))
		if typ != recordAlert && typ != recordHandshake {
			if hdr[0]&0x80 != 0 {
				return 0, nil, nil, msg.Error(mErrSSLv2Record, ErrNotTLS)
			}
			return 0, nil, nil, msg.Error(mErrRecordType, ErrNotTLS, typ, printable(hdr[:]))
		}
		if hdr[1] != 3 {
			return 0, nil, nil, msg.Error(mErrRecordVersion, ErrNotTLS, hdr[1], hdr[2])
		}
		if n == 0 || n > maxRecord {
			return 0, nil, nil, msg.Error(mErrRecordLength, ErrNotTLS, n)
		}
		h.read += 5 + n
		if h.read > maxHandshake {
			return 0, nil, nil, msg.Error(mErrNoHandshake, maxHandshake)
		}
		payload := make([]byte, n)
		if _, err := io.ReadFull(h.r, payload); err != nil {
			return 0, nil, nil, msg.Error(mErrReadingRecord, n, err)
		}
		if typ == recordAlert {
			if len(h.hs) > 0 || n < 2 {
				return 0, nil, nil, msg.Error(mErrBadAlert, ErrNotTLS)
			}
			return 0, nil, &Alert{Level: payload[0], Description: payload[1]}, nil
		}
		h.hs = append(h.hs, payload...)
	}
}

// msgCertificate is the Certificate handshake message.
const msgCertificate = 11

// readCertificates reads, after a ServerHello of TLS 1.2 or older (where the Certificate message
// is not encrypted), the server's certificate chain as DER, leaf first.
func (h *handshakeReader) readCertificates() ([][]byte, error) {
	for range 4 {
		typ, body, alert, err := h.next()
		if err != nil {
			return nil, err
		}
		if alert != nil {
			return nil, msg.Error(mErrAlertNoCert, alert)
		}
		if typ != msgCertificate {
			continue
		}
		if len(body) < 3 || int(body[0])<<16|int(body[1])<<8|int(body[2]) != len(body)-3 {
			return nil, msg.Error(mErrBadCertMsg, ErrNotTLS)
		}
		var chain [][]byte
		for b := body[3:]; len(b) > 0; {
			if len(b) < 3 {
				return nil, msg.Error(mErrBadCertEntry, ErrNotTLS)
			}
			n := int(b[0])<<16 | int(b[1])<<8 | int(b[2])
			if len(b) < 3+n || n == 0 {
				return nil, msg.Error(mErrCertEntrySize, ErrNotTLS, n)
			}
			chain = append(chain, b[3:3+n])
			b = b[3+n:]
		}
		if len(chain) == 0 {
			return nil, msg.Error(mErrEmptyChain)
		}
		return chain, nil
	}
	return nil, msg.Error(mErrNoCertMsg)
}

// ParseServerHello parses the body of a ServerHello handshake message (without its 4-byte header).
func ParseServerHello(b []byte) (*ServerHello, error) {
	bad := func(what any) (*ServerHello, error) {
		return nil, msg.Error(mErrBadServerHello, ErrNotTLS, what)
	}
	if len(b) < 2+32+1 {
		return bad(msg.P(mErrTooShort))
	}
	sh := &ServerHello{LegacyVersion: binary.BigEndian.Uint16(b)}
	sh.Version = sh.LegacyVersion
	sh.Retry = [32]byte(b[2:34]) == helloRetryRandom
	b = b[34:]
	sid := int(b[0])
	if sid > 32 || len(b) < 1+sid+3 {
		return bad("session id")
	}
	b = b[1+sid:]
	sh.Suite = binary.BigEndian.Uint16(b)
	sh.Compression = b[2]
	b = b[3:]
	if len(b) == 0 {
		return sh, nil
	}
	if len(b) < 2 || int(binary.BigEndian.Uint16(b)) != len(b)-2 {
		return bad("extensions length")
	}
	b = b[2:]
	for len(b) > 0 {
		if len(b) < 4 {
			return bad("extension header")
		}
		typ, n := binary.BigEndian.Uint16(b), int(binary.BigEndian.Uint16(b[2:]))
		if len(b) < 4+n {
			return bad("extension length")
		}
		data := b[4 : 4+n]
		sh.Extensions = append(sh.Extensions, typ)
		if typ == extSupportedVersions {
			if n != 2 {
				return bad("supported_versions")
			}
			sh.Version = binary.BigEndian.Uint16(data)
		}
		b = b[4+n:]
	}
	return sh, nil
}

func printable(b []byte) string {
	out := make([]byte, len(b))
	for i, c := range b {
		if c < 0x20 || c > 0x7e {
			c = '.'
		}
		out[i] = c
	}
	return string(out)
}
