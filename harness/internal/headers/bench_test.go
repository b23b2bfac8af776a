package headers

import "testing"

const benchCSP = "default-src 'self'; script-src 'self' 'nonce-r4nd0m' 'strict-dynamic' https: 'unsafe-inline'; " +
	"style-src 'self' 'unsafe-inline'; img-src 'self' data: https://img.example.gov.vn; object-src 'none'; " +
	"frame-ancestors 'self'; base-uri 'self'; form-action 'self'; report-uri /csp"

func BenchmarkCSP(b *testing.B) {
	for b.Loop() {
		p, err := ParseCSP(benchCSP)
		if err != nil {
			b.Fatal(err)
		}
		_ = p.Scripts(true)
	}
}

func BenchmarkParseSetCookie(b *testing.B) {
	for b.Loop() {
		c, err := ParseSetCookie("JSESSIONID=8F2A0C1B9E7D6A5F; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=1800")
		if err != nil || !c.IsSession() {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseHSTS(b *testing.B) {
	for b.Loop() {
		if _, err := ParseHSTS("max-age=31536000; includeSubDomains; preload"); err != nil {
			b.Fatal(err)
		}
	}
}
