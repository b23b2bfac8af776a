package headers

import (
	"strings"
	"testing"

	"github.com/p06kit/p06kit/harness/msg"
)

func TestParseHSTS(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    HSTS
		wantErr string
	}{
		{"six months", "max-age=15552000", HSTS{MaxAge: 15552000}, ""},
		{"all directives, any case and spacing", " Max-Age=31536000 ; includeSubDomains;PRELOAD", HSTS{31536000, true, true}, ""},
		{"quoted max-age", `max-age="300"`, HSTS{MaxAge: 300}, ""},
		{"unknown directive ignored", "max-age=10; foo=bar", HSTS{MaxAge: 10}, ""},
		{"missing max-age", "includeSubDomains", HSTS{}, "max-age is missing"},
		{"negative", "max-age=-1", HSTS{}, "not a non-negative integer"},
		{"not a number", "max-age=abc", HSTS{}, "not a non-negative integer"},
		{"empty value", "max-age=", HSTS{}, "no value"},
		{"repeated", "max-age=1; max-age=2", HSTS{}, "appears twice"},
		{"joined headers", "max-age=1, max-age=2", HSTS{}, "comma"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseHSTS(tc.in)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("ParseHSTS(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestCSPScripts(t *testing.T) {
	tests := []struct {
		name     string
		policy   string
		problems []string // substrings, in order; none means pass
		// beyond are what the Observatory also fails but P06-SEC-07's requirement does not name.
		beyond []string
	}{
		{"strict self", "default-src 'self'; object-src 'none'", nil, nil},
		{"default-src none", "default-src 'none'", nil, nil},
		{"unsafe-inline in script-src", "default-src 'self'; script-src 'self' 'unsafe-inline'", []string{"script-src allows 'unsafe-inline'"}, nil},
		{"unsafe-inline via default-src", "default-src 'self' 'unsafe-inline'", []string{"default-src (no script-src) allows 'unsafe-inline'"}, nil},
		{"unsafe-inline neutralised by nonce", "default-src 'self'; script-src 'self' 'nonce-abc' 'unsafe-inline'", nil, nil},
		{"unsafe-inline neutralised by hash", "default-src 'self'; script-src 'sha256-abc=' 'unsafe-inline'", nil, nil},
		{"strict-dynamic with nonce ignores https:", "object-src 'none'; script-src 'nonce-r4nd' 'strict-dynamic' https: 'unsafe-inline'", nil, nil},
		{"strict-dynamic without nonce", "default-src 'self'; script-src 'strict-dynamic'", nil, []string{"'strict-dynamic' without a nonce"}},
		{"unsafe-eval", "default-src 'self'; script-src 'self' 'unsafe-eval'", []string{"'unsafe-eval'"}, nil},
		{"wildcard script source", "default-src 'self'; script-src *", []string{"dangerously broad source *"}, nil},
		// Without default-src or object-src the broad script source still counts.
		{"wildcard script source alone", "script-src *", []string{"dangerously broad source *"}, []string{"object-src"}},
		{"https: script source", "default-src 'self'; script-src https:", []string{"dangerously broad source https:"}, nil},
		{"data: scripts", "default-src 'self'; script-src 'self' data:", []string{"data: URLs"}, nil},
		{"no script restriction at all", "img-src 'self'", []string{"neither script-src nor default-src"}, []string{"object-src"}},
		{"broad object-src", "script-src 'self'; object-src *", nil, []string{"object-src (or default-src) allows the broad source *"}},
		{"unsafe-eval in style-src", "default-src 'self'; style-src 'self' 'unsafe-eval'", nil, []string{"style-src allows 'unsafe-eval'"}},
		{"http: connect-src on https", "default-src 'self'; connect-src http://api.example", nil, []string{"connect-src allows insecure http://api.example"}},
		{"http: script host on https", "default-src 'self'; script-src http://cdn.example", nil, []string{"scripts over insecure http://cdn.example"}},
		{"http: images only is fine", "default-src 'self'; img-src http://img.example", nil, nil},
		{"unsafe-inline styles only is fine", "default-src 'self'; style-src 'self' 'unsafe-inline'", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParseCSP(tc.policy)
			if err != nil {
				t.Fatal(err)
			}
			v := p.Scripts(true)
			for _, c := range []struct {
				what string
				got  []msg.Phrase
				want []string
			}{{"problems", v.Problems, tc.problems}, {"beyond", v.Beyond, tc.beyond}} {
				if len(c.want) == 0 && len(c.got) > 0 {
					t.Errorf("want no %s, got %q", c.what, c.got)
				}
				got := msg.List{Items: c.got, Sep: " | "}.String()
				for _, w := range c.want {
					if !strings.Contains(got, w) {
						t.Errorf("%s %q lack %q", c.what, got, w)
					}
				}
			}
			if len(v.Observatory()) != len(v.Problems)+len(v.Beyond) {
				t.Errorf("Observatory() = %q", v.Observatory())
			}
		})
	}
}

func TestParseCSPErrors(t *testing.T) {
	for name, in := range map[string]string{
		"empty":            "",
		"too short":        "a",
		"duplicate":        "script-src 'self'; script-src *",
		"bad directive":    "scr!pt-src 'self'",
		"only separators":  ";;;;;;;;",
		"binary directive": "\x00\x01\x02\x03\x04\x05\x06",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := ParseCSP(in); err == nil {
				t.Errorf("ParseCSP(%q) succeeded, want an error", in)
			}
		})
	}
	if _, err := ParseCSP("report-uri /a; report-uri /b; default-src 'self'"); err != nil {
		t.Errorf("repeated report-uri must be allowed: %v", err)
	}
}

func TestParseSetCookie(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Cookie
		session bool
		wantErr bool
	}{
		{"all attributes", "PHPSESSID=abc; Path=/; Secure; HttpOnly; SameSite=Lax",
			Cookie{Name: "PHPSESSID", Value: "abc", Secure: true, HttpOnly: true, SameSite: "Lax", SameSiteValid: true, Path: "/"}, true, false},
		{"persistent preference", "lang=vi; Max-Age=31536000; Secure; SameSite=Strict",
			Cookie{Name: "lang", Value: "vi", Secure: true, SameSite: "Strict", SameSiteValid: true, Persistent: true}, false, false},
		{"opaque session-lifetime value is a session cookie", "x=Q2hlY2sgdGhpcyBvdXQgZ29vZA; Secure",
			Cookie{Name: "x", Value: "Q2hlY2sgdGhpcyBvdXQgZ29vZA", Secure: true}, true, false},
		{"invalid samesite", "a=b; SameSite=Yes", Cookie{Name: "a", Value: "b", SameSite: "Yes"}, false, false},
		{"jsessionid with expires", "JSESSIONID=1; Expires=Wed, 21 Oct 2099 07:28:00 GMT",
			Cookie{Name: "JSESSIONID", Value: "1", Persistent: true}, true, false},
		{"no pair", "Secure; HttpOnly", Cookie{}, false, true},
		{"bad name", "a b=c", Cookie{}, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseSetCookie(tc.in)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("want an error, got %+v", got)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %+v, %v; want %+v", got, err, tc.want)
			}
			if got.IsSession() != tc.session {
				t.Errorf("IsSession = %v, want %v", got.IsSession(), tc.session)
			}
		})
	}
}

func TestReferrerPolicy(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want string
		ok   bool
	}{
		{"single", []string{"no-referrer"}, "no-referrer", true},
		{"last valid token wins", []string{"unsafe-url, strict-origin-when-cross-origin"}, "strict-origin-when-cross-origin", true},
		{"unknown fallback skipped", []string{"same-origin, future-policy"}, "same-origin", true},
		{"header then meta", []string{"no-referrer", "unsafe-url"}, "unsafe-url", true},
		{"case insensitive", []string{" Strict-Origin "}, "strict-origin", true},
		{"invalid only", []string{"never"}, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := ReferrerPolicy(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Fatalf("ReferrerPolicy(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestHasVersion(t *testing.T) {
	tests := []struct {
		header, value string
		want          bool
	}{
		{"Server", "nginx", false},
		{"Server", "nginx/1.22.1", true},
		{"Server", "Apache/2.4.57 (Debian)", true},
		{"Server", "Microsoft-IIS/10.0", true},
		{"Server", "cloudflare", false},
		{"Server", "h2o", false},
		{"Server", "AmazonS3", false},
		{"Server", "Apache/2", true},
		{"Server", "ECS (sjc/4E5D)", false},
		{"Server", "Microsoft-HTTPAPI/2.0", true},
		{"Server", "ATS/9.1.2", true},
		{"Server", "Oracle-HTTP-Server-11g", false},
		{"X-Powered-By", "PHP/8.1.2-1ubuntu2.14", true},
		{"X-Powered-By", "ASP.NET", false},
		{"X-Powered-By", "Express", false},
		{"X-AspNet-Version", "4.0.30319", true},
		{"generator", "WordPress 6.4.2", true},
		{"generator", "Joomla! - Open Source Content Management", false},
	}
	for _, tc := range tests {
		t.Run(tc.header+"="+tc.value, func(t *testing.T) {
			if _, got := hasVersion(tc.header, tc.value); got != tc.want {
				t.Errorf("hasVersion(%q, %q) = %v, want %v", tc.header, tc.value, got, tc.want)
			}
		})
	}
}

func FuzzParseCSP(f *testing.F) {
	for _, s := range []string{"default-src 'self'", "script-src 'nonce-a' 'strict-dynamic' https:; object-src 'none'", "img-src *; report-uri /r; report-uri /s", ";;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseCSP(s)
		if err != nil {
			return
		}
		if len(p.Order) != len(p.Directives) || len(p.Order) == 0 {
			t.Fatalf("inconsistent policy %+v", p)
		}
		_ = p.Scripts(true)
		_, _ = p.FrameAncestors()
	})
}

func FuzzParseHSTS(f *testing.F) {
	for _, s := range []string{"max-age=31536000; includeSubDomains; preload", `max-age="0"`, "max-age=1,max-age=2", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParseHSTS(s)
		if err == nil && h.MaxAge < 0 {
			t.Fatalf("negative max-age accepted from %q", s)
		}
	})
}

func FuzzParseSetCookie(f *testing.F) {
	for _, s := range []string{"a=b; Secure; HttpOnly; SameSite=Lax", "sid=x; Max-Age=0", "=", "a=b;;;SameSite"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseSetCookie(s)
		if err == nil && c.Name == "" {
			t.Fatalf("cookie without a name accepted from %q", s)
		}
		if c.SameSiteValid && c.SameSite == "" {
			t.Fatal("valid SameSite without a value")
		}
	})
}

func FuzzReferrerPolicy(f *testing.F) {
	f.Add("no-referrer, unsafe-url")
	f.Add(",,,")
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := ReferrerPolicy([]string{s})
		if ok != (privateReferrer[p] || !leakyReferrer[p].IsZero()) {
			t.Fatalf("ReferrerPolicy(%q) = %q, %v", s, p, ok)
		}
	})
}

func FuzzHasVersion(f *testing.F) {
	for _, s := range []string{"nginx/1.22.1", "ECS (sjc/4E5D)", "Apache/2", "h2o", "/"} {
		f.Add("Server", s)
	}
	f.Fuzz(func(t *testing.T, header, value string) {
		if v, ok := hasVersion(header, value); ok && v == "" {
			t.Fatalf("hasVersion(%q, %q) found an empty version", header, value)
		}
	})
}

// The parser's findings are catalogue phrases: a Vietnamese finding lists them in Vietnamese.
func TestCSPProblemsInVietnamese(t *testing.T) {
	p, err := ParseCSP("default-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-eval'")
	if err != nil {
		t.Fatal(err)
	}
	v := p.Scripts(true)
	if got := (msg.List{Items: v.Problems}).Render(msg.VI); !strings.HasPrefix(got, "default-src (không có script-src) cho phép 'unsafe-inline'") {
		t.Errorf("problems in Vietnamese: %q", got)
	}
	if got := (msg.List{Items: v.Beyond}).Render(msg.VI); got != "style-src cho phép 'unsafe-eval'" {
		t.Errorf("beyond in Vietnamese: %q", got)
	}
}
