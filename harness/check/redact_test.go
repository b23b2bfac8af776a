package check

import (
	"testing"
)

func TestRedact(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"pin", "citizen 001203004545 logged in", "citizen 001*******45 logged in"},
		{"pin at ends", "001203004545", "001*******45"},
		{"two pins", "001203004545,079185000123", "001*******45,079*******23"},
		{"longer digit run kept", "order 12345678901234 ok", "order 12345678901234 ok"},
		{"11 digits kept", "phone 84912345678", "phone 84912345678"},
		{"query token", "GET /cb?code=abc123&state=xyz&lang=vi", "GET /cb?code=[redacted]&state=[redacted]&lang=vi"},
		{"access_token in text", "saw access_token=ya29.secret in body", "saw access_token=[redacted] in body"},
		{"json member", `{"client_secret": "s3cr3t", "name": "An"}`, `{"client_secret": "[redacted]", "name": "An"}`},
		{"ApiKey", `ApiKey=XYZ123`, `ApiKey=[redacted]`},
		{"bearer", "Authorization: Bearer abcdef.ghijkl", "Authorization: Bearer [redacted]"},
		{"jwt", "token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln here", "token [redacted-jwt] here"},
		{"status code kept", "status code: 404", "status code: 404"},
		{"plain text kept", "no secrets here", "no secrets here"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Redact(tc.in); got != tc.want {
				t.Errorf("Redact(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestRedactURL(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"code and state", "https://p.gov.vn/cb?code=abc&state=s1&x=1", "https://p.gov.vn/cb?code=[redacted]&state=[redacted]&x=1"},
		{"pin in path", "https://p.gov.vn/citizens/001203004545/profile", "https://p.gov.vn/citizens/001*******45/profile"},
		{"user info", "https://admin:pw@p.gov.vn/", "https://[redacted]@p.gov.vn/"},
		{"fragment token", "https://p.gov.vn/#access_token=abc&token_type=bearer", "https://p.gov.vn/#access_token=[redacted]&token_type=bearer"},
		{"unparsable", "http://[::1%zz/?code=1", "http://[::1%zz/?code=[redacted]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := RedactURL(tc.in); got != tc.want {
				t.Errorf("RedactURL(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestRedactHeader(t *testing.T) {
	cases := []struct{ name, header, in, want string }{
		{"authorization", "authorization", "Basic YWxhZGRpbjpvcGVuc2VzYW1l", "[redacted]"},
		{"api key", "X-Api-Key", "k-123", "[redacted]"},
		{"set-cookie keeps attributes", "Set-Cookie", "SESSION=abc123; Path=/; Secure; HttpOnly; SameSite=Lax",
			"SESSION=[redacted]; Path=/; Secure; HttpOnly; SameSite=Lax"},
		{"two set-cookies with a date", "Set-Cookie", "a=1; Expires=Wed, 09 Jun 2027 10:18:14 GMT; Secure, b=2; HttpOnly",
			"a=[redacted]; Expires=Wed, 09 Jun 2027 10:18:14 GMT; Secure, b=[redacted]; HttpOnly"},
		{"cookie", "Cookie", "a=1; b=2", "a=[redacted]; b=[redacted]"},
		{"location", "Location", "https://sso.gov.vn/cb?code=abc&state=1", "https://sso.gov.vn/cb?code=[redacted]&state=[redacted]"},
		{"other header with pin", "X-Debug", "user=001203004545", "user=001*******45"},
		{"server kept", "Server", "nginx/1.18.0", "nginx/1.18.0"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := RedactHeader(tc.header, tc.in); got != tc.want {
				t.Errorf("RedactHeader(%q, %q)\n got %q\nwant %q", tc.header, tc.in, got, tc.want)
			}
		})
	}
}
