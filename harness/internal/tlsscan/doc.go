// Package tlsscan holds the TLS checks of the security group: HTTPS with a chain valid for the
// host (P06-SEC-01), plain HTTP redirecting to HTTPS (P06-SEC-02), protocol versions
// (P06-SEC-03), weak cipher suites (P06-SEC-04) and certificate expiry (P06-SEC-05).
//
//	for _, c := range tlsscan.Checks() {
//		r := c.Run(ctx, session)
//		fmt.Println(c.ID, r.Status, r.Message)
//	}
//
// # Why hand-built ClientHellos
//
// Go's crypto/tls client cannot offer SSL 2.0 or 3.0, nor DHE, DES, NULL, anonymous or export
// suites, so it cannot ask a server whether it would accept them. Like testssl.sh and sslscan, the scanner
// writes its own ClientHello ([Hello.Marshal]) over a raw TCP connection and reads only the
// server's first answer ([ReadReply]): a ServerHello says which version and suite the server
// chose, an alert or a closed connection says it refused. The handshake is never completed, so no
// key material is needed. A version counts as accepted when the ServerHello selects exactly that
// version (a server may answer a TLS 1.1 hello with a TLS 1.0 ServerHello: that shows it speaks
// TLS 1.0, which its own probe confirms, not TLS 1.1). TLS 1.3 is offered through
// supported_versions only, so a server without TLS 1.3 refuses rather than falls back. Weak suites are enumerated per accepted version
// by offering only weak suites and removing each one the server picks, within a bound.
//
// Every probe is bounded: 5 seconds (or the context's deadline, if sooner) for the dial, the
// write and the read, and at most 64 KiB read before the ServerHello is complete.
//
// # Verdicts
//
// P06-SEC-03 fails when SSL 2.0, SSL 3.0, TLS 1.0 or TLS 1.1 is accepted, as testssl.sh flags
// them (RFC 8996 deprecates TLS 1.0 and 1.1). SSL 2.0 has its own hello format ([SSLv2Hello]);
// its probe waits at most 2 seconds, since servers that do not speak it often wait silently.
// P06-SEC-04 fails when any RC4, 3DES, single-DES, NULL, anonymous or export suite is accepted at
// any accepted version.
//
// The certificate (P06-SEC-01, P06-SEC-05) is fetched with Go's TLS client without
// verification, then verified with crypto/x509 for the target's host name against the roots the
// target configures: the RootCAs of the target client's *http.Transport TLSClientConfig (how
// httptest clients and `p06 scan --ca` supply them), else the system roots. A failure says why:
// untrusted issuer, wrong host (and which names the certificate carries), expired; a chain that
// verifies still fails when the leaf's key is weak (RSA under 2048 bits, EC under 256). P06-SEC-05
// fails when the leaf or any certificate the server presents expires within 30 days.
//
// Go's client cannot speak every suite a server may be limited to (DHE, Camellia, NULL): when its
// handshake fails, the chain is read from a hand-built TLS 1.2 (then 1.1, 1.0, SSL 3.0) handshake
// instead, where the Certificate message follows the ServerHello in the clear, and the finding's
// evidence says so.
//
// P06-SEC-02 follows the HTTP Observatory's redirection test: a portal that does not listen on
// plain HTTP passes (nothing to redirect); otherwise the first redirect must go to HTTPS on the
// same host (so that the HSTS of that host applies), with a permanent redirect (301 or 308, as
// the requirement says; the Observatory accepts a temporary one), and the chain must end on
// HTTPS. "Does not
// listen" is what the connection attempt shows: refused, or never answered (a filtered port). A
// port that accepts the connection and then stays silent, resets or closes it is a listener whose
// answer was not seen, so the finding is an error there, where the Observatory (which counts any
// failure as no HTTP) passes.
package tlsscan
