package tlsscan

import (
	"fmt"

	"github.com/p06kit/p06kit/harness/msg"
)

// Weakness classes of a cipher suite, as testssl.sh's "-s" (standard cipher categories) and the
// criterion P06-SEC-04 name them.
const (
	weakRC4 = 1 << iota
	weak3DES
	weakDES
	weakNULL
	weakAnon
	weakExport
)

var weakNames = []struct {
	bit  int
	name string
}{
	{weakNULL, "NULL"}, {weakAnon, "anonymous"}, {weakExport, "export"},
	{weakRC4, "RC4"}, {weakDES, "DES"}, {weak3DES, "3DES"},
}

// suite is a cipher suite the scanner can offer. Go's crypto/tls cannot offer most of the weak
// ones, which is why the scanner builds its own ClientHello.
type suite struct {
	id    uint16
	name  string // IANA name
	weak  int    // weakness classes; 0 for acceptable suites
	tls13 bool
}

// suites lists what the probes offer: TLS 1.3 suites, the usual TLS 1.2 and legacy suites, and
// every weak family the criterion names.
var suites = []suite{
	{0x1301, "TLS_AES_128_GCM_SHA256", 0, true},
	{0x1302, "TLS_AES_256_GCM_SHA384", 0, true},
	{0x1303, "TLS_CHACHA20_POLY1305_SHA256", 0, true},

	{0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", 0, false},
	{0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", 0, false},
	{0xC02C, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", 0, false},
	{0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", 0, false},
	{0xCCA9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", 0, false},
	{0xCCA8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", 0, false},
	{0x009E, "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", 0, false},
	{0x009F, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", 0, false},
	{0xCCAA, "TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256", 0, false},
	{0xC023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", 0, false},
	{0xC027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", 0, false},
	{0xC024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", 0, false},
	{0xC028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", 0, false},
	{0xC009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", 0, false},
	{0xC013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", 0, false},
	{0xC00A, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", 0, false},
	{0xC014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", 0, false},
	{0x0067, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256", 0, false},
	{0x006B, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256", 0, false},
	{0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA", 0, false},
	{0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA", 0, false},
	{0x009C, "TLS_RSA_WITH_AES_128_GCM_SHA256", 0, false},
	{0x009D, "TLS_RSA_WITH_AES_256_GCM_SHA384", 0, false},
	{0x003C, "TLS_RSA_WITH_AES_128_CBC_SHA256", 0, false},
	{0x003D, "TLS_RSA_WITH_AES_256_CBC_SHA256", 0, false},
	{0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA", 0, false},
	{0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA", 0, false},
	{0x0041, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA", 0, false},
	{0x0084, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA", 0, false},
	{0x0045, "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA", 0, false},
	{0x0088, "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA", 0, false},
	{0x0032, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA", 0, false},
	{0x0038, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA", 0, false},

	// Weak: RC4.
	{0xC011, "TLS_ECDHE_RSA_WITH_RC4_128_SHA", weakRC4, false},
	{0xC007, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA", weakRC4, false},
	{0x0005, "TLS_RSA_WITH_RC4_128_SHA", weakRC4, false},
	{0x0004, "TLS_RSA_WITH_RC4_128_MD5", weakRC4, false},
	// Weak: 3DES (Sweet32) and single DES.
	{0xC012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", weak3DES, false},
	{0xC008, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA", weak3DES, false},
	{0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA", weak3DES, false},
	{0x0013, "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA", weak3DES, false},
	{0x000A, "TLS_RSA_WITH_3DES_EDE_CBC_SHA", weak3DES, false},
	{0x0015, "TLS_DHE_RSA_WITH_DES_CBC_SHA", weakDES, false},
	{0x0012, "TLS_DHE_DSS_WITH_DES_CBC_SHA", weakDES, false},
	{0x0009, "TLS_RSA_WITH_DES_CBC_SHA", weakDES, false},
	// Weak: NULL encryption.
	{0xC010, "TLS_ECDHE_RSA_WITH_NULL_SHA", weakNULL, false},
	{0xC006, "TLS_ECDHE_ECDSA_WITH_NULL_SHA", weakNULL, false},
	{0x003B, "TLS_RSA_WITH_NULL_SHA256", weakNULL, false},
	{0x0002, "TLS_RSA_WITH_NULL_SHA", weakNULL, false},
	{0x0001, "TLS_RSA_WITH_NULL_MD5", weakNULL, false},
	// Weak: anonymous key exchange (no server authentication).
	{0xC018, "TLS_ECDH_anon_WITH_AES_128_CBC_SHA", weakAnon, false},
	{0xC019, "TLS_ECDH_anon_WITH_AES_256_CBC_SHA", weakAnon, false},
	{0xC017, "TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA", weakAnon | weak3DES, false},
	{0xC016, "TLS_ECDH_anon_WITH_RC4_128_SHA", weakAnon | weakRC4, false},
	{0xC015, "TLS_ECDH_anon_WITH_NULL_SHA", weakAnon | weakNULL, false},
	{0x00A6, "TLS_DH_anon_WITH_AES_128_GCM_SHA256", weakAnon, false},
	{0x00A7, "TLS_DH_anon_WITH_AES_256_GCM_SHA384", weakAnon, false},
	{0x006C, "TLS_DH_anon_WITH_AES_128_CBC_SHA256", weakAnon, false},
	{0x006D, "TLS_DH_anon_WITH_AES_256_CBC_SHA256", weakAnon, false},
	{0x0034, "TLS_DH_anon_WITH_AES_128_CBC_SHA", weakAnon, false},
	{0x003A, "TLS_DH_anon_WITH_AES_256_CBC_SHA", weakAnon, false},
	{0x001B, "TLS_DH_anon_WITH_3DES_EDE_CBC_SHA", weakAnon | weak3DES, false},
	{0x001A, "TLS_DH_anon_WITH_DES_CBC_SHA", weakAnon | weakDES, false},
	{0x0018, "TLS_DH_anon_WITH_RC4_128_MD5", weakAnon | weakRC4, false},
	// Weak: export-grade (FREAK, Logjam).
	{0x0003, "TLS_RSA_EXPORT_WITH_RC4_40_MD5", weakExport | weakRC4, false},
	{0x0006, "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5", weakExport, false},
	{0x0008, "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA", weakExport, false},
	{0x0014, "TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA", weakExport, false},
	{0x0011, "TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA", weakExport, false},
	{0x0017, "TLS_DH_anon_EXPORT_WITH_RC4_40_MD5", weakExport | weakAnon | weakRC4, false},
	{0x0019, "TLS_DH_anon_EXPORT_WITH_DES40_CBC_SHA", weakExport | weakAnon, false},
	{0x0062, "TLS_RSA_EXPORT1024_WITH_DES_CBC_SHA", weakExport, false},
	{0x0064, "TLS_RSA_EXPORT1024_WITH_RC4_56_SHA", weakExport | weakRC4, false},
}

var suiteByID = func() map[uint16]suite {
	m := make(map[uint16]suite, len(suites))
	for _, s := range suites {
		m[s.id] = s
	}
	return m
}()

// SuiteName returns the IANA name of a cipher suite, or its number in hex when unknown.
func SuiteName(id uint16) string {
	if s, ok := suiteByID[id]; ok {
		return s.name
	}
	return fmt.Sprintf("0x%04X", id)
}

// weakness describes why a suite is weak ("3DES", "anonymous, RC4"), or "" when it is not, or not
// known to the scanner.
func weakness(id uint16) string {
	s, ok := suiteByID[id]
	if !ok || s.weak == 0 {
		return ""
	}
	var out string
	for _, w := range weakNames {
		if s.weak&w.bit != 0 {
			if out != "" {
				out += ", "
			}
			out += w.name
		}
	}
	return out
}

// weaknessPhrase is weakness(id) as a catalogue phrase, rendered in the language of the message.
func weaknessPhrase(id uint16) msg.List {
	l := msg.List{Sep: ", "}
	s, ok := suiteByID[id]
	if !ok {
		return l
	}
	for _, w := range weakNames {
		if s.weak&w.bit != 0 {
			l.Items = append(l.Items, msg.P(mWeakness[w.bit]))
		}
	}
	return l
}

// legacySuites are the suites the version probes of SSL 3.0 … TLS 1.2 offer: all of them, so that
// any server that speaks the version finds one it accepts.
func legacySuites() []uint16 {
	var out []uint16
	for _, s := range suites {
		if !s.tls13 {
			out = append(out, s.id)
		}
	}
	return out
}

// weakSuites are the suites the weak-suite probes offer.
func weakSuites() []uint16 {
	var out []uint16
	for _, s := range suites {
		if s.weak != 0 {
			out = append(out, s.id)
		}
	}
	return out
}

func tls13Suites() []uint16 {
	var out []uint16
	for _, s := range suites {
		if s.tls13 {
			out = append(out, s.id)
		}
	}
	return out
}
